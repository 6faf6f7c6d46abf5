"""What goes into the bundle besides the code, and where: one list for the PyInstaller spec, the
.deb build and the tests.

The destinations are the paths :mod:`resources.paths` looks in at run time (``resources/i18n``,
``fonts``, ``examples``), so a change on either side shows up in tests/test_packaging.py.
Only ``os.path`` is used: the same code runs on the Windows build machine.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys

#: the editor's own packages; the sub-commands are found by listing ``commands/`` and imported
#: by name, which no import scanner can follow, so every submodule is named to the freezer
PACKAGE_NAMES = ("commands", "gui", "layout", "model", "exporters", "importers", "proofread", "resources",
                 "makeup")

#: the fallback font for CJK Extensions B–F (花园明朝 B; Hanazono Font License or SIL OFL 1.1)
FALLBACK_FONT_NAME = "HanaMinB.ttf"
FALLBACK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",  # Debian/Ubuntu fonts-hanazono
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts", "HanaMinB.ttf"),
    os.path.join(os.environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts", "HanaMinB.ttf"),
)

#: parts of PySide6 an office desktop editor does not use: the GTK theme bridge (it drags in
#: GTK's libraries), the framebuffer/VNC/EGLFS platforms of kiosks and embedded boards
UNWANTED = (
    "/plugins/platformthemes/libqgtk3", "/plugins/platforms/libqeglfs", "/plugins/platforms/libqlinuxfb",
    "/plugins/platforms/libqvnc", "/plugins/platforms/libqvkkhrdisplay", "/plugins/platforms/libqminimalegl",
    "/plugins/egldeviceintegrations/", "libQt6EglFsKmsSupport", "libQt6EglFSDeviceIntegration",
)
#: system libraries taken from the system, not the build machine: every desktop has them, and the
#: build machine's (Debian 12) need glibc 2.36, which Ubuntu 22.04 (2.35) lacks; the .deb depends
#: on them (packaging/deb.py OTHER_DEPENDS)
FROM_THE_SYSTEM = ("libstdc++.so.", "libgcc_s.so.", "libexpat.so.", "libcups.so.")
#: the newest glibc the bundle may need: Ubuntu 22.04's
MAX_GLIBC = (2, 35)
#: Qt's own translations kept: the interface languages of the editor (gui/i18n.py)
QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qtbase_en.qm", "qt_zh_CN.qm", "qt_en.qm")

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- The bundle's fonts for fontconfig: the system's configuration, then this folder.
     resources/paths.py points FONTCONFIG_FILE here when the bundle starts. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir prefix="relative">.</dir>
</fontconfig>
"""


def packages(root: str) -> tuple[str, ...]:
    """The editor's packages present in the checkout at ``root``."""
    return tuple(p for p in PACKAGE_NAMES if os.path.isfile(os.path.join(root, p, "__init__.py")))


PACKAGES = packages(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def wanted(destination: str) -> bool:
    """Whether a file the freezer collected (by its path in the bundle) goes into the bundle."""
    dest = "/" + destination.replace("\\", "/")
    if any(part in dest for part in UNWANTED):
        return False
    if dest.rsplit("/", 1)[-1].startswith(FROM_THE_SYSTEM):
        return False
    if "/Qt/translations/" in dest:
        return dest.rsplit("/", 1)[-1] in QT_TRANSLATIONS
    return True


def fallback_font(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The fallback font file to ship: BULLETIN_FALLBACK_FONT, else an installed HanaMinB."""
    chosen = environ.get("BULLETIN_FALLBACK_FONT")
    if chosen:
        if not os.path.isfile(chosen):
            raise SystemExit(f"BULLETIN_FALLBACK_FONT={chosen}: no such file")
        return chosen
    for path in FALLBACK_FONT_CANDIDATES:
        if os.path.isfile(path):
            return path
    raise SystemExit("the fallback font HanaMinB.ttf is not installed: `apt install fonts-hanazono` (Debian/"
                     "Ubuntu), or download 花園明朝 from https://glyphwiki.org/wiki/GlyphWiki:花園明朝 and set "
                     "BULLETIN_FALLBACK_FONT=/path/to/HanaMinB.ttf")


def make_icon(png: str, ico: str) -> None:
    """The application icon: 刊 in white Noto Sans SC on newspaper red (drawn, so no binary in git)."""
    import pylopdf_fonts_zh_cn
    from PIL import Image, ImageDraw, ImageFont

    size = 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((8, 8, size - 8, size - 8), radius=40, fill=(190, 20, 30, 255))
    font = ImageFont.truetype(str(pylopdf_fonts_zh_cn.sans_path()), 176)
    draw.text((size / 2, size / 2 + 4), "刊", font=font, fill="white", anchor="mm")
    img.save(png)
    img.save(ico, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


def generate(out_dir: str, root: str, python: str = sys.executable) -> dict[str, str]:
    """Write the generated files (example project, icon, fontconfig file) into ``out_dir``."""
    os.makedirs(out_dir, exist_ok=True)
    example = os.path.join(out_dir, "example.bulletin")
    subprocess.run([python, os.path.join(root, "main.py"), "example", "-o", example], check=True,
                   env={**os.environ, "PYTHONPATH": root})
    png, ico = os.path.join(out_dir, "bulletin-editor.png"), os.path.join(out_dir, "bulletin-editor.ico")
    make_icon(png, ico)
    conf = os.path.join(out_dir, "fonts.conf")
    with open(conf, "w", encoding="utf-8", newline="\n") as f:
        f.write(FONTCONFIG)
    return {"example": example, "png": png, "ico": ico, "fonts.conf": conf}


def data_files(root: str, generated: dict[str, str], font: str | None = None) -> list[tuple[str, str]]:
    """(source, destination folder in the bundle) pairs, as PyInstaller's ``datas`` takes them."""
    font = font or fallback_font()
    licences = os.path.join(root, "packaging", "licences")
    pairs = [(path, os.path.join("resources", "i18n")) for path in
             sorted(glob.glob(os.path.join(root, "resources", "i18n", "*.qm")))]
    # main.py finds its sub-commands by listing this folder, so the sources go along
    pairs += [(path, "commands") for path in sorted(glob.glob(os.path.join(root, "commands", "*.py")))]
    pairs += [
        (font, "fonts"),
        (generated["fonts.conf"], "fonts"),
        (os.path.join(licences, "HanaMinB.txt"), "fonts"),
        (os.path.join(licences, "NotoSC-OFL.txt"), "fonts"),
        (generated["example"], "examples"),
        (generated["png"], os.path.join("resources", "icons")),
        (generated["ico"], os.path.join("resources", "icons")),
    ]
    return pairs
