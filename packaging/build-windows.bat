@echo off
rem Build the Windows folder bundle and installer of 会刊编辑器 (run from any folder).
rem Needs: Python 3.11+ with the project installed (pip install -e ".[package]"), Inno Setup 6 (iscc on
rem PATH), and HanaMinB.ttf installed in Windows' fonts or named by BULLETIN_FALLBACK_FONT.
setlocal
cd /d "%~dp0.."
python -m PyInstaller --noconfirm --distpath packaging\dist --workpath packaging\build packaging\bulletin-editor.spec || exit /b 1
packaging\dist\bulletin-editor\bulletin-editor-cli.exe --version || exit /b 1
for /f "tokens=2" %%v in ('packaging\dist\bulletin-editor\bulletin-editor-cli.exe --version') do set version=%%v
iscc /DAppVersion=%version% packaging\windows\bulletin-editor.iss || exit /b 1
echo installer: packaging\dist\bulletin-editor-%version%-setup.exe
