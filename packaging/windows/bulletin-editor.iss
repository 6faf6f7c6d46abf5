; Inno Setup 6 script: the Windows installer of 会刊编辑器 from the PyInstaller folder bundle.
;
;   packaging\build-windows.bat   (runs PyInstaller with packaging\bulletin-editor.spec, then this)
;   or: iscc /DAppVersion=0.1.0 packaging\windows\bulletin-editor.iss
;
; Installs per machine (or per user when not elevated), registers .bulletin so a double-click opens
; the editor, adds Start-menu entries with the Chinese name, and installs the fallback font
; HanaMinB (CJK Extensions B-F) into Windows' fonts, where the editor's font discovery looks.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "会刊编辑器"
#define Bundle "..\dist\bulletin-editor"

[Setup]
AppId={{6C0B5E2A-8E0C-4C55-9C61-2B7F1A1E5B27}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Bulletin editor developers
DefaultDirName={autopf}\BulletinEditor
DefaultGroupName={#AppName}
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=bulletin-editor-{#AppVersion}-setup
SetupIconFile={#Bundle}\_internal\resources\icons\bulletin-editor.ico
UninstallDisplayIcon={app}\bulletin-editor.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Bundle}\_internal\fonts\HanaMinB.ttf"; DestDir: "{autofonts}"; FontInstall: "HanaMinB"; \
  Flags: onlyifdoesntexist uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\bulletin-editor.exe"
Name: "{group}\{#AppName} 示例会刊"; Filename: "{app}\bulletin-editor.exe"; \
  Parameters: """{app}\_internal\examples\example.bulletin"""
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\bulletin-editor.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
; .bulletin → BulletinEditor.Project → "bulletin-editor.exe" "%1"
Root: HKA; Subkey: "Software\Classes\.bulletin"; ValueType: string; ValueName: ""; \
  ValueData: "BulletinEditor.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bulletin"; ValueType: string; ValueName: "Content Type"; \
  ValueData: "application/x-bulletin"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\BulletinEditor.Project"; ValueType: string; ValueName: ""; \
  ValueData: "会刊编辑器项目"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\BulletinEditor.Project\DefaultIcon"; ValueType: string; ValueName: ""; \
  ValueData: "{app}\bulletin-editor.exe,0"
Root: HKA; Subkey: "Software\Classes\BulletinEditor.Project\shell\open\command"; ValueType: string; \
  ValueName: ""; ValueData: """{app}\bulletin-editor.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\bulletin-editor.exe\SupportedTypes"; ValueType: string; \
  ValueName: ".bulletin"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\bulletin-editor.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent
