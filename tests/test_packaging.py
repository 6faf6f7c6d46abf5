"""The installable editor: where it finds its files, what the bundle and the .deb hold, the start-up
check that replaces Qt's abort, and — when a built bundle is at hand — the bundle itself.

The bundle tests start the real frozen program (``--version``, ``export``, ``--screenshot``). Building
it takes minutes, longer than this suite should, so they run on a bundle that ``packaging/build.sh``
left in packaging/dist (or that BULLETIN_BUNDLE names), or build one first when
BULLETIN_BUILD_BUNDLE=1 and PyInstaller is installed; otherwise they are skipped and say why
(``pytest -rs``; .ci/run prints the reason too).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from gui import display_check
from resources import paths

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_files  # noqa: E402  (packaging/bundle_files.py)
import deb  # noqa: E402  (packaging/deb.py)

DEFAULT_BUNDLE = ROOT / "packaging" / "dist" / "bulletin-editor" / "bulletin-editor"


# --------------------------------------------------------------------------------------------
# resource_path: one answer in a checkout, an installed package and a frozen bundle


def test_resource_path_in_a_source_run_is_the_checkout():
    assert paths.resource_path("resources", "i18n") == ROOT / "resources" / "i18n"
    assert (paths.resource_path("resources", "i18n") / "bulletin_en.qm").is_file()
    assert paths.bundled_fonts_dir() is None and paths.example_project() is None


def test_resource_path_in_a_frozen_run_is_the_bundle_folder(tmp_path, monkeypatch):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "example.bulletin").write_bytes(b"PK")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.is_frozen()
    assert paths.resource_path("resources", "i18n") == tmp_path / "resources" / "i18n"
    assert paths.bundled_fonts_dir() == tmp_path / "fonts"
    assert paths.example_project() == tmp_path / "examples" / "example.bulletin"


def test_an_installed_package_finds_its_translations_beside_it(tmp_path, monkeypatch):
    """A non-editable install puts resources/ in site-packages: the path follows the module."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "resources", site / "resources", ignore=shutil.ignore_patterns("__pycache__"))
    code = "from resources.paths import resource_path; print(resource_path('resources', 'i18n'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(site)}).stdout.strip()
    assert Path(out) == site / "resources" / "i18n"


@pytest.mark.parametrize("bad", ["/etc/passwd", "../secrets", "resources/../../x"])
def test_resource_path_refuses_paths_outside_the_application(bad):
    with pytest.raises(ValueError, match="relative path inside"):
        paths.resource_path(bad)


def test_the_translations_are_found_through_resource_path():
    from gui import i18n

    assert Path(i18n.I18N_DIR) == paths.resource_path("resources", "i18n")


# --------------------------------------------------------------------------------------------
# the bundle's fonts reach fontconfig (and so the layout's discovery and Qt)


def _fake_bundle_fonts(tmp_path: Path, monkeypatch) -> Path:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "fonts.conf").write_text(bundle_files.FONTCONFIG, encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return fonts


def test_a_bundle_points_fontconfig_at_its_fonts(tmp_path, monkeypatch):
    fonts = _fake_bundle_fonts(tmp_path, monkeypatch)
    env: dict[str, str] = {}
    assert paths.use_bundled_fonts(env) == str(fonts / "fonts.conf")
    assert env == {"FONTCONFIG_FILE": str(fonts / "fonts.conf")}
    mine = {"FONTCONFIG_FILE": "/home/me/fonts.conf"}
    assert paths.use_bundled_fonts(mine) is None and mine == {"FONTCONFIG_FILE": "/home/me/fonts.conf"}
    monkeypatch.setattr(sys, "platform", "win32")
    assert paths.use_bundled_fonts({}) is None  # Windows: the installer installs the font


def test_the_bundled_fontconfig_file_adds_its_own_folder(tmp_path, monkeypatch):
    """fc-list, as the layout runs it, lists a font that sits only in the bundle's folder."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        pytest.skip("fc-list (package fontconfig) is not installed here")
    import pylopdf_fonts_zh_cn

    fonts = _fake_bundle_fonts(tmp_path, monkeypatch)
    shutil.copyfile(pylopdf_fonts_zh_cn.sans_path(), fonts / "BundleOnly.otf")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("FONTCONFIG_FILE", None)
    paths.use_bundled_fonts(env)
    listed = subprocess.run([fc_list, "--format", "%{file}\n"], capture_output=True, text=True, env=env,
                            timeout=120, check=True).stdout
    assert str(fonts / "BundleOnly.otf") in listed.splitlines()


# --------------------------------------------------------------------------------------------
# what the spec collects, checked on Linux for both platforms


def _top_level_packages() -> set[str]:
    return {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file() and p.name not in ("tests", "benchmarks")}


def test_every_package_of_the_editor_is_installed_and_frozen():
    """A package missing from pyproject's list is missing from a non-editable install; one missing
    from the spec's list is missing from the bundle (commands/ was once left out of both)."""
    found = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]["find"]
    patterns = {p.rstrip("*") for p in found["include"]}
    for package in _top_level_packages():
        assert package in patterns, f"pyproject.toml [tool.setuptools.packages.find] lacks {package}*"
        assert package in bundle_files.PACKAGES, f"packaging/bundle_files.py PACKAGE_NAMES lacks {package}"


def test_the_bundle_data_lands_where_resource_path_looks(tmp_path):
    font = tmp_path / "HanaMinB.ttf"
    font.write_bytes(b"\0\1\0\0")
    generated = {name: str(tmp_path / name) for name in ("example", "png", "ico", "fonts.conf")}
    pairs = bundle_files.data_files(str(ROOT), generated, font=str(font))
    where = {Path(src).name: Path(dest) for src, dest in pairs}
    assert where["HanaMinB.ttf"] == Path(paths.FONTS_DIR)
    assert where["fonts.conf"] == Path(paths.FONTS_DIR) and paths.FONTCONFIG_NAME == "fonts.conf"
    assert where["example"] / "example.bulletin" == Path(paths.EXAMPLE_NAME).parent / "example.bulletin"
    assert where["bulletin_en.qm"] == Path("resources", "i18n")
    # main.py lists commands/ to find its sub-commands: every one must be in the bundle's folder
    commands = {Path(src).name for src, dest in pairs if Path(dest) == Path("commands")}
    assert commands == {p.name for p in (ROOT / "commands").glob("*.py")}
    for src, _dest in pairs:
        if src not in generated.values():
            assert Path(src).is_file(), src
    assert {"HanaMinB.txt", "NotoSC-OFL.txt"} <= set(where)  # the fonts' licences go along


def test_generated_files_are_a_project_an_icon_and_a_fontconfig_file(tmp_path):
    from model.project_file import load

    made = bundle_files.generate(str(tmp_path), str(ROOT))
    assert len(load(made["example"]).pages) == 2
    from PIL import Image

    with Image.open(made["png"]) as png:
        assert png.size == (256, 256)
    with Image.open(made["ico"]) as ico:
        assert ico.format == "ICO"
    assert ET.parse(made["fonts.conf"]).getroot().find("dir").get("prefix") == "relative"


@pytest.mark.parametrize("dest, keep", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    (r"PySide6\Qt\translations\qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/designer_zh_CN.qm", False),
    ("PySide6/Qt/plugins/imageformats/qjpeg.dll", True),
    ("libstdc++.so.6", False), ("libexpat.so.1", False), ("libxcb-cursor.so.0", True),
])
def test_the_bundle_drops_only_what_an_office_editor_never_loads(dest, keep):
    assert bundle_files.wanted(dest) is keep


def test_a_missing_fallback_font_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_files, "FALLBACK_FONT_CANDIDATES", (str(tmp_path / "none.ttf"),))
    with pytest.raises(SystemExit, match="fonts-hanazono"):
        bundle_files.fallback_font({})
    with pytest.raises(SystemExit, match="no such file"):
        bundle_files.fallback_font({"BULLETIN_FALLBACK_FONT": str(tmp_path / "x.ttf")})


# --------------------------------------------------------------------------------------------
# the .deb


def test_the_deb_depends_on_every_library_the_startup_check_names():
    from gui.app import X_LIBRARIES

    control = deb.control("0.1.0", "amd64", 1000)
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line and not line.startswith(" "))
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert set(X_LIBRARIES.values()) <= set(depends)
    assert "fontconfig" in depends  # fc-list finds the bundled fallback font
    assert fields["Package"] == "bulletin-editor" and fields["Architecture"] == "amd64"


def test_the_desktop_entry_and_mime_type_open_bulletin_files():
    entry = ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(deb.DESKTOP_ENTRY)
    section = entry["Desktop Entry"]
    assert section["Name[zh_CN]"] == "会刊编辑器"
    assert section["Exec"] == "bulletin-editor %f" and section["Icon"] == "bulletin-editor"
    mime = ET.fromstring(deb.MIME_XML)
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    node = mime.find("m:mime-type", ns)
    assert section["MimeType"] == node.get("type") + ";"
    assert node.find("m:glob", ns).get("pattern") == "*.bulletin"


def test_the_deb_tree_links_the_command_and_carries_the_licences(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "bulletin-editor").write_text("#!/bin/sh\n")
    (bundle / "bulletin-editor").chmod(0o755)
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG")
    staged = Path(deb.stage(str(bundle), str(tmp_path / "deb"), "0.1.0", str(icon)))
    link = staged / "usr" / "bin" / "bulletin-editor"
    assert os.readlink(link) == "/opt/bulletin-editor/bulletin-editor"
    assert (staged / "opt" / "bulletin-editor" / "bulletin-editor").stat().st_mode & 0o111
    assert (staged / "usr/share/applications/bulletin-editor.desktop").is_file()
    assert (staged / "usr/share/mime/packages/bulletin-editor.xml").is_file()
    assert (staged / "usr/share/icons/hicolor/256x256/apps/bulletin-editor.png").is_file()
    assert "Hanazono" in (staged / "usr/share/doc/bulletin-editor/copyright").read_text("utf-8")
    assert "Version: 0.1.0" in (staged / "DEBIAN" / "control").read_text("utf-8")
    validate = shutil.which("desktop-file-validate")
    if validate:
        r = subprocess.run([validate, str(staged / "usr/share/applications/bulletin-editor.desktop")],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


# --------------------------------------------------------------------------------------------
# the start-up check: what is missing and how to install it, before Qt aborts


@pytest.mark.parametrize("soname, package", [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"), ("libdbus-1.so.3", "libdbus-1-3"), ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libxcb-something-new.so.2", "libxcb-something-new2"), ("libfoo2.so.5", "libfoo2-5"),
])
def test_debian_package_names_follow_the_soname(soname, package):
    assert display_check.debian_package(soname) == package


def test_no_display_is_named_before_qt_is_asked():
    msg = display_check.display_problem({}, "linux", missing=lambda: pytest.fail("no library check without a display"))
    assert "DISPLAY" in msg and "bulletin-editor export" in msg
    wayland = display_check.display_problem({"QT_QPA_PLATFORM": "wayland"}, "linux", missing=list)
    assert "WAYLAND_DISPLAY" in wayland
    assert display_check.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", missing=list) is None
    assert display_check.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", missing=list) is None
    assert display_check.display_problem({}, "win32", missing=list) is None


def test_sudo_is_offered_only_where_it_is_needed_and_exists(monkeypatch):
    assert display_check.install_command(["libx1"], is_root=True) == "apt install libx1"
    monkeypatch.setattr(display_check.shutil, "which", lambda name: "/usr/bin/sudo")
    assert display_check.install_command(["libx1"], is_root=False) == "sudo apt install libx1"
    monkeypatch.setattr(display_check.shutil, "which", lambda name: None)
    assert display_check.install_command(["libx1"], is_root=False) == "apt install libx1"


def test_a_library_the_xcb_plugin_cannot_load_is_named_with_its_package(tmp_path, monkeypatch):
    """A copy of Qt's real xcb plugin whose NEEDED entry names a library no system has."""
    plugin = display_check.xcb_plugin()
    if plugin is None or not shutil.which("ldd"):
        pytest.skip("no Qt xcb plugin or no ldd on this platform")
    data = plugin.read_bytes()
    assert b"libxcb-cursor.so.0\0" in data
    fake = tmp_path / "libqxcb.so"
    fake.write_bytes(data.replace(b"libxcb-cursor.so.0\0", b"libxcb-cursxr.so.0\0"))
    fake.chmod(0o755)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(plugin.parent.parent.parent / "lib"))  # the copy's Qt libraries
    missing = display_check.unresolved_libraries(fake)
    assert "libxcb-cursxr.so.0" in missing
    assert not [m for m in missing if m.startswith("libQt6")]
    msg = display_check.display_problem({"DISPLAY": ":0"}, "linux", missing=lambda: missing)
    assert "libxcb-cursxr.so.0" in msg and "apt install" in msg and "libxcb-cursxr0" in msg


def test_each_library_ldd_cannot_find_is_listed_once():
    out = ("\tlibQt6Gui.so.6 => /x/libQt6Gui.so.6 (0x1)\n\tlibxcb-icccm.so.4 => not found\n"
           "\tlibxcb-keysyms.so.1 => not found\n\tlibxcb-icccm.so.4 => not found\n")

    def run(cmd, **kw):
        return subprocess.CompletedProcess(cmd, 0, stdout=out)

    assert display_check.unresolved_libraries(Path("p.so"), run=run, ldd="ldd") == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_editor_without_a_display_says_so_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["BULLETIN_SETTINGS_FILE"] = str(tmp_path / "s.ini")
    r = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=env,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "DISPLAY" in r.stderr and "Traceback" not in r.stderr and "qt.qpa" not in r.stderr


def test_version_is_the_package_version():
    import main

    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == f"bulletin-editor {main.__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "main.__version__"}


# --------------------------------------------------------------------------------------------
# the built bundle itself


def bundle_skip_reason() -> str | None:
    """Why the bundle tests cannot run here, or None when they can (also printed by .ci/run)."""
    if _named_bundle() is not None:
        return None
    import importlib.util

    if os.environ.get("BULLETIN_BUILD_BUNDLE") == "1":
        if importlib.util.find_spec("PyInstaller") is None:
            return "BULLETIN_BUILD_BUNDLE=1 but PyInstaller is not installed (pip install -e '.[package]')"
        return None
    freezer = ("PyInstaller is installed" if importlib.util.find_spec("PyInstaller")
               else "PyInstaller is not installed (pip install -e '.[package]')")
    return (f"no built bundle at {DEFAULT_BUNDLE.relative_to(ROOT)} and {freezer}: build one with "
            "packaging/build.sh (about 4 minutes, too long for every test run), or set BULLETIN_BUILD_BUNDLE=1 "
            "to build it here, or BULLETIN_BUNDLE=/path/to/bulletin-editor to test an installed one")


def _named_bundle() -> Path | None:
    named = os.environ.get("BULLETIN_BUNDLE")
    if named:
        return Path(named)
    return DEFAULT_BUNDLE if DEFAULT_BUNDLE.is_file() else None


@pytest.fixture(scope="module")
def bundle() -> Path:
    reason = bundle_skip_reason()
    if reason:
        pytest.skip(reason)
    exe = _named_bundle()
    if exe is None:
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--no-deb"], check=True, timeout=1800,
                       env={**os.environ, "PYTHON": sys.executable})
        exe = DEFAULT_BUNDLE
    assert exe.is_file(), f"no bundle at {exe}"
    return exe


def _bundle_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "FONTCONFIG_FILE")}
    env.update(BULLETIN_CACHE_DIR=str(tmp_path / "cache"), BULLETIN_SETTINGS_FILE=str(tmp_path / "settings.ini"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_the_bundle_reports_its_version(bundle, tmp_path):
    import main

    r = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, timeout=60,
                       env=_bundle_env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"bulletin-editor {main.__version__}", r.stderr


def test_the_bundle_exports_the_same_pdf_as_the_source(bundle, tmp_path):
    example = bundle.parent / "_internal" / paths.EXAMPLE_NAME
    if not example.is_file():
        example = tmp_path / "example.bulletin"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "example", "-o", str(example)], check=True)
    env = _bundle_env(tmp_path)
    r = subprocess.run([str(bundle), "export", str(example), "--pdf", str(tmp_path / "bundle.pdf"), "--reproducible"],
                       capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    source_env = {**env, "PYTHONPATH": str(ROOT), "BULLETIN_CACHE_DIR": str(tmp_path / "source-cache")}
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(example), "--pdf",
                        str(tmp_path / "source.pdf"), "--reproducible"], capture_output=True, text=True,
                       timeout=300, env=source_env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "bundle.pdf").read_bytes() == (tmp_path / "source.pdf").read_bytes(), \
        "the bundle's PDF differs from the source's: rebuild the bundle (packaging/build.sh)"


def test_the_bundle_prints_a_rare_character_from_its_fallback_font(bundle, tmp_path):
    from model.document import ColumnBlock
    from model.example import example_bulletin
    from model.project_file import save

    b = example_bulletin()
    column = next(bl for p in b.pages for bl in p.blocks if isinstance(bl, ColumnBlock))
    column.person.name = "吉\U00020BB7祥"  # 𠮷, CJK Extension B
    save(b, tmp_path / "rare.bulletin")
    r = subprocess.run([str(bundle), "export", str(tmp_path / "rare.bulletin"), "--pdf", str(tmp_path / "rare.pdf")],
                       capture_output=True, text=True, timeout=300, env=_bundle_env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "missing_glyph" not in r.stdout
    import pikepdf

    with pikepdf.open(tmp_path / "rare.pdf") as pdf:
        fonts = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
    # from a fallback face: the bundle's HanaMinB, or an installed font that has it first
    assert any("Noto" not in f for f in fonts), fonts


def test_the_bundle_shows_its_fallback_font_to_fontconfig(bundle, tmp_path):
    """What makes 𠮷 print on a machine without extra fonts: the bundle's fonts.conf adds its folder."""
    conf = bundle.parent / "_internal" / paths.FONTS_DIR / paths.FONTCONFIG_NAME
    fc_list = shutil.which("fc-list")
    if not fc_list:
        pytest.skip("fc-list (package fontconfig) is not installed here")
    env = {**_bundle_env(tmp_path), "FONTCONFIG_FILE": str(conf), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    listed = subprocess.run([fc_list, ":charset=20bb7", "--format", "%{file}\n"], capture_output=True, text=True,
                            env=env, timeout=120, check=True).stdout.splitlines()
    assert str(conf.parent / bundle_files.FALLBACK_FONT_NAME) in listed, listed


def test_the_bundle_opens_its_window_offscreen(bundle, tmp_path):
    from PIL import Image, ImageStat

    shot = tmp_path / "window.png"
    env = _bundle_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    r = subprocess.run([str(bundle), "--screenshot", str(shot)], capture_output=True, text=True, timeout=300,
                       env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    with Image.open(shot) as img:
        assert img.width >= 800 and img.height >= 500
        assert max(ImageStat.Stat(img.convert("L")).stddev) > 20  # a drawn window, not a blank


def test_the_bundle_runs_on_the_oldest_glibc_it_promises(bundle):
    """Ubuntu 22.04 has glibc 2.35: no file in the bundle may need a newer one."""
    objdump = shutil.which("objdump")
    if not objdump:
        pytest.skip("objdump (package binutils) is not installed here")
    import re

    too_new = {}
    for path in bundle.parent.rglob("*"):
        if path.is_file() and not path.is_symlink() and (path.name == bundle.name or ".so" in path.name):
            out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True).stdout
            versions = {tuple(map(int, v)) for v in re.findall(r"GLIBC_(\d+)\.(\d+)", out)}
            newer = [v for v in versions if v > bundle_files.MAX_GLIBC]
            if newer:
                too_new[path.name] = max(newer)
    assert not too_new, too_new


# --------------------------------------------------------------------------------------------
# the spec itself, run on Linux for both platforms with the freezer's build steps recorded


class _Recorded:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
                         ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x", "BINARY"),
                         ("libstdc++.so.6", "/usr/lib/libstdc++.so.6", "BINARY")]
        self.datas = list(kwargs.get("datas", [])) + [("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA")]
        self.pure, self.scripts = [], []


def _run_spec(tmp_path: Path, monkeypatch, platform: str) -> dict:
    import types

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    hooks.collect_data_files = lambda package: [(f"/site/{package}/font.otf", package)]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    font = tmp_path / "HanaMinB.ttf"
    font.write_bytes(b"\0\1\0\0")
    monkeypatch.setenv("BULLETIN_FALLBACK_FONT", str(font))
    monkeypatch.setattr(sys, "platform", platform)
    made: dict[str, list] = {"EXE": [], "COLLECT": []}

    def step(kind):
        def record(*args, **kwargs):
            made.setdefault(kind, []).append(_Recorded(*args, **kwargs))
            return made[kind][-1]
        return record

    spec = ROOT / "packaging" / "bulletin-editor.spec"
    namespace = {"SPEC": str(spec), "workpath": str(tmp_path / "work"), "Analysis": step("Analysis"),
                 "PYZ": step("PYZ"), "EXE": step("EXE"), "COLLECT": step("COLLECT"), "__name__": "__spec__"}
    saved_path = list(sys.path)
    try:
        exec(compile(spec.read_bytes(), str(spec), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
    return made


def test_the_spec_makes_one_linux_program_with_everything_it_needs(tmp_path, monkeypatch):
    made = _run_spec(tmp_path, monkeypatch, "linux")
    analysis = made["Analysis"][0]
    assert analysis.args[0] == [str(ROOT / "main.py")]
    assert set(bundle_files.PACKAGES) <= set(analysis.kwargs["hiddenimports"])
    dests = {(Path(src).name, Path(dest)) for src, dest in analysis.kwargs["datas"]}
    assert ("HanaMinB.ttf", Path("fonts")) in dests and ("example.bulletin", Path("examples")) in dests
    assert ("font.otf", Path("pylopdf_fonts_zh_cn")) in dests  # the Noto faces come along
    assert [b[0] for b in analysis.binaries] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]
    assert not any("qtbase_de" in d[0] for d in analysis.datas)
    assert [e.kwargs["name"] for e in made["EXE"]] == ["bulletin-editor"]
    assert made["EXE"][0].kwargs["console"] is True  # sub-commands print in a terminal
    assert (tmp_path / "work" / "generated" / "example.bulletin").is_file()  # built in the work folder


def test_the_spec_makes_a_windowed_and_a_console_program_on_windows(tmp_path, monkeypatch):
    made = _run_spec(tmp_path, monkeypatch, "win32")
    exes = {e.kwargs["name"]: e.kwargs for e in made["EXE"]}
    assert exes["bulletin-editor"]["console"] is False  # a double-click opens no console window
    assert exes["bulletin-editor-cli"]["console"] is True
    assert all(k["icon"].endswith(".ico") and Path(k["icon"]).is_file() for k in exes.values())
    assert len(made["COLLECT"]) == 1 and made["COLLECT"][0].kwargs["name"] == "bulletin-editor"
    iss = (ROOT / "packaging" / "windows" / "bulletin-editor.iss").read_text("utf-8-sig")
    assert r"_internal\resources\icons\bulletin-editor.ico" in iss  # where the spec put the icon
    assert r"_internal\fonts\HanaMinB.ttf" in iss and 'Subkey: "Software\\Classes\\.bulletin"' in iss
