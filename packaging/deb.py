"""Lay out the .deb of the bundle: ``python packaging/deb.py BUNDLE_DIR STAGING_DIR``.

The package puts the one-folder bundle in /opt/bulletin-editor (the place Debian's FHS gives
add-on application packages, and the one UOS and Kylin desktops list third-party applications
from), links /usr/bin/bulletin-editor to it, and registers a desktop entry with its Chinese
name, an icon and the ``application/x-bulletin`` MIME type for ``*.bulletin`` files. The
shared-mime-info, desktop-file-utils and hicolor-icon-theme triggers update their caches, so
the package needs no maintainer scripts. Depends: lists the system libraries Qt's X11 plugin
loads — the same table the editor's start-up check names (gui/app.py X_LIBRARIES) — and
fontconfig, whose fc-list finds the bundled fallback font.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGE = "bulletin-editor"
APP_DIR = f"opt/{PACKAGE}"
MIME_TYPE = "application/x-bulletin"
MAINTAINER = "Bulletin editor developers <bulletin-editor@localhost>"

#: needed besides the X libraries: fc-list (font discovery for rare characters), GLib (Qt's event
#: loop integration), and the libraries the bundle takes from the system rather than the build
#: machine (packaging/bundle_files.py FROM_THE_SYSTEM)
OTHER_DEPENDS = ("fontconfig", "libglib2.0-0", "libstdc++6", "libgcc-s1", "libexpat1", "libcups2")

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Version=1.0
Name=Bulletin Editor
Name[zh_CN]=会刊编辑器
GenericName=Newspaper page editor
GenericName[zh_CN]=专版简报排版
Comment=Lay out trade-union special pages and bulletins; export print-ready PDF and Word
Comment[zh_CN]=编排工会专版和简报，导出印刷用 PDF 和 Word 文档
Exec={PACKAGE} %f
Icon={PACKAGE}
Terminal=false
MimeType={MIME_TYPE};
Categories=Office;Publishing;
Keywords=bulletin;newspaper;PDF;会刊;专版;简报;排版;
StartupWMClass={PACKAGE}
"""

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Bulletin editor project</comment>
    <comment xml:lang="zh_CN">会刊编辑器项目</comment>
    <sub-class-of type="application/zip"/>
    <generic-icon name="{MIME_TYPE.replace('/', '-')}"/>
    <glob pattern="*.bulletin" weight="80"/>
  </mime-type>
</mime-info>
"""


def depends() -> list[str]:
    """The package's dependencies, in a stable order."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, root)
    try:
        from gui.app import X_LIBRARIES
    finally:
        sys.path.remove(root)
    return list(dict.fromkeys([*X_LIBRARIES.values(), *OTHER_DEPENDS]))


def architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def folder_size_kib(folder: str) -> int:
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return (total + 1023) // 1024


def control(version: str, arch: str, installed_kib: int) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\nDepends: {', '.join(depends())}\n"
            "Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme\n"
            "Section: editors\nPriority: optional\n"
            "Description: 会刊编辑器 — Chinese newspaper special pages and bulletins\n"
            " Lays out trade-union special pages (专版) and bulletins (简报) by Chinese\n"
            " typesetting rules and exports print-ready PDF/X and editable DOCX.\n"
            " Self-contained: Python, Qt and the fonts (Noto Serif/Sans SC, HanaMinB for\n"
            " CJK Extensions B-F) are inside /opt/bulletin-editor.\n")


def stage(bundle: str, staging: str, version: str, icon_png: str) -> str:
    """Write the package tree into ``staging`` (emptied first); returns it."""
    if os.path.exists(staging):
        shutil.rmtree(staging)
    app = os.path.join(staging, APP_DIR)
    shutil.copytree(bundle, app, symlinks=True)
    os.makedirs(os.path.join(staging, "usr", "bin"))
    os.symlink(f"/{APP_DIR}/{PACKAGE}", os.path.join(staging, "usr", "bin", PACKAGE))
    files = {
        f"usr/share/applications/{PACKAGE}.desktop": DESKTOP_ENTRY,
        f"usr/share/mime/packages/{PACKAGE}.xml": MIME_XML,
    }
    for rel, text in files.items():
        path = os.path.join(staging, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    icons = os.path.join(staging, "usr", "share", "icons", "hicolor", "256x256")
    for sub, name in (("apps", PACKAGE), ("mimetypes", MIME_TYPE.replace("/", "-"))):
        os.makedirs(os.path.join(icons, sub), exist_ok=True)
        shutil.copyfile(icon_png, os.path.join(icons, sub, f"{name}.png"))
    doc = os.path.join(staging, "usr", "share", "doc", PACKAGE)
    os.makedirs(doc)
    licences = os.path.join(os.path.dirname(os.path.abspath(__file__)), "licences")
    with open(os.path.join(doc, "copyright"), "w", encoding="utf-8") as out:
        out.write("bulletin-editor: MIT licence.\n\nBundled fonts:\n\n")
        for name in sorted(os.listdir(licences)):
            with open(os.path.join(licences, name), encoding="utf-8") as f:
                out.write(f"===== {name} =====\n{f.read()}\n")
    for base, dirs, names in os.walk(staging):  # dpkg wants 0755 folders and no group/other write
        for d in dirs:
            os.chmod(os.path.join(base, d), 0o755)
        for n in names:
            p = os.path.join(base, n)
            if not os.path.islink(p):
                os.chmod(p, 0o755 if os.access(p, os.X_OK) else 0o644)
    os.makedirs(os.path.join(staging, "DEBIAN"))
    with open(os.path.join(staging, "DEBIAN", "control"), "w", encoding="utf-8") as f:
        f.write(control(version, architecture(), folder_size_kib(staging)))
    return staging


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: deb.py BUNDLE_DIR STAGING_DIR VERSION ICON.png")
    print(stage(*sys.argv[1:5]))
