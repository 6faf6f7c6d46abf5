"""Can Qt open a window here? Asked before Qt's platform plugin loads, because Qt's own answer
is an abort with a message that blames the wrong thing.

Without a display Qt's xcb plugin aborts and suggests installing ``libxcb-cursor0`` even when
it is installed; with a library missing it aborts the same way. So, on Linux, before any Qt
module is imported: is there a display to talk to (DISPLAY for X11, WAYLAND_DISPLAY for
Wayland), and does the xcb plugin's library tree resolve? The plugin itself is asked (``ldd``
lists every library the dynamic loader would fail to find, also indirect ones), so the check
follows whatever Qt the editor runs with — a virtual environment's or a frozen bundle's; when
``ldd`` is not there, the list in :data:`gui.app.X_LIBRARIES` is tried with ctypes instead.
The message names what is missing and the apt command that installs it.

Nothing here imports Qt, and nothing runs on Windows or macOS (their plugins have no such
system dependencies).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: Debian package names that do not follow from the soname by Debian's library naming rule
_PACKAGE_EXCEPTIONS: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$")


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname``: the library name and its major version
    (``libxcb-icccm.so.4`` → ``libxcb-icccm4``; a name ending in a digit takes a hyphen:
    ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``), lower case, as Debian policy names
    shared-library packages; the few that differ are listed."""
    from gui.app import X_LIBRARIES

    if soname in X_LIBRARIES:
        return X_LIBRARIES[soname]
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    name, sep, version = soname.partition(".so.")
    if not sep:
        return soname.lower()
    major = version.split(".")[0]
    joiner = "-" if name[-1:].isdigit() else ""
    return f"{name}{joiner}{major}".lower()


def platform_name(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will load: QT_QPA_PLATFORM's first choice, else wayland when a
    Wayland session is announced, else xcb (Qt's default on Linux)."""
    qpa = environ.get("QT_QPA_PLATFORM", "").strip()
    if qpa:
        return qpa.split(";")[0].split(":")[0].strip()
    return "wayland" if environ.get("WAYLAND_DISPLAY") else "xcb"


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the Qt this editor runs with (a venv's or a bundle's)."""
    from importlib.util import find_spec

    from resources.paths import is_frozen, resource_path

    roots: list[Path] = []
    if is_frozen():
        roots.append(resource_path("PySide6"))
    spec = find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(p) for p in spec.submodule_search_locations)
    for root in roots:
        for sub in (("Qt", "plugins"), ("plugins",)):
            plugin = root.joinpath(*sub, "platforms", "libqxcb.so")
            if plugin.is_file():
                return plugin
    return None


def unresolved_libraries(library: Path, run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
                         ldd: str | None = None) -> list[str] | None:
    """Sonames that ``library`` needs (directly or not) and the loader cannot find, in ldd's
    order; None when ldd cannot be asked."""
    ldd = ldd or shutil.which("ldd")
    if not ldd:
        return None
    try:
        out = run([ldd, str(library)], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return list(dict.fromkeys(m.group(1) for line in out.splitlines() if (m := _NOT_FOUND.match(line))))


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """What the xcb plugin lacks: from ldd on the plugin, else by loading the known list."""
    plugin = plugin or xcb_plugin()
    found = unresolved_libraries(plugin) if plugin is not None else None
    if found is not None:
        return found
    from gui.app import missing_x_libraries

    return missing_x_libraries()


def install_command(packages: list[str], is_root: bool | None = None) -> str:
    """``apt install …`` with sudo only for a user who is not root and has sudo."""
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    sudo = "" if is_root or not shutil.which("sudo") else "sudo "
    return f"{sudo}apt install {' '.join(packages)}"


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform,
                    missing: Callable[[], list[str]] = missing_libraries) -> str | None:
    """Why Qt cannot open a window here, in Chinese and English with the remedy; None when it
    can (or when this is not a Linux desktop platform the check knows)."""
    if not platform.startswith("linux"):
        return None
    name = platform_name(environ)
    if name in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"):
        return None
    if name == "wayland":
        if environ.get("WAYLAND_DISPLAY"):
            return None
        return ("会刊编辑器无法打开窗口：QT_QPA_PLATFORM=wayland，但没有 Wayland 会话（WAYLAND_DISPLAY 未设置）。\n"
                "The editor cannot open its window: QT_QPA_PLATFORM=wayland but no Wayland session "
                "(WAYLAND_DISPLAY is not set).")
    if name != "xcb":
        return None
    if not environ.get("DISPLAY"):
        return ("会刊编辑器无法打开窗口：没有图形显示（DISPLAY 未设置）。请在桌面会话中启动，"
                "或用 ssh -X 登录；无界面时可用子命令，例如 bulletin-editor export 文件.bulletin --pdf 输出.pdf。\n"
                "The editor cannot open its window: there is no display (DISPLAY is not set). Start it "
                "in a desktop session or over ssh -X; without a display, use the sub-commands, e.g. "
                "`bulletin-editor export FILE.bulletin --pdf OUT.pdf` (`--help` lists them).")
    lacking = missing()
    if not lacking:
        return None
    command = install_command(list(dict.fromkeys(debian_package(s) for s in lacking)))
    libs = ", ".join(lacking)
    return (f"会刊编辑器无法打开窗口：缺少图形界面所需的系统库 {libs}。\n请安装后再启动：{command}\n"
            f"The editor cannot open its window: missing system libraries {libs}.\n"
            f"Install them, then start again: {command}")
