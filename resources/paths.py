"""Where the editor's files are: one answer for a source checkout, an installed package and a
frozen bundle.

Code that needs a shipped file (translations, the example project, the bundled fonts) asks
:func:`resource_path` instead of building a path from its own ``__file__``: in a PyInstaller
bundle modules live in an archive and the data files sit under ``sys._MEIPASS``, so a path
worked out from ``__file__`` would be right in one kind of run and wrong in another. Only
``os.path``/``pathlib`` are used, so the same code serves Windows and POSIX.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: the folder, below the application root, that holds fonts shipped with a bundle
FONTS_DIR = "fonts"
#: the fontconfig file a bundle ships beside its fonts (see :func:`use_bundled_fonts`)
FONTCONFIG_NAME = "fonts.conf"
#: the example project a bundle ships
EXAMPLE_NAME = os.path.join("examples", "example.bulletin")


def is_frozen() -> bool:
    """True in a frozen bundle (PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def app_root() -> Path:
    """The folder that holds ``resources/`` and the other packages: the bundle's data folder
    when frozen, else the parent of this package (a checkout or site-packages)."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A shipped file or folder, ``parts`` relative to the application root
    (``resource_path("resources", "i18n")``). Existence is not checked: callers say what is
    missing in their own words."""
    for part in parts:
        if os.path.isabs(part) or ".." in Path(part).parts:
            raise ValueError(f"resource_path({part!r}): expected a relative path inside the application")
    return app_root().joinpath(*parts)


def bundled_fonts_dir() -> Path | None:
    """The bundle's font folder (the rare-character fallback font), or None in a source run."""
    path = resource_path(FONTS_DIR)
    return path if path.is_dir() else None


def example_project() -> Path | None:
    """The example project shipped with a bundle, or None (a source run builds it in code)."""
    path = resource_path(EXAMPLE_NAME)
    return path if path.is_file() else None


def use_bundled_fonts(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """Let fontconfig (and so the layout's font discovery and Qt) see the bundle's fonts.

    A bundle ships ``fonts/fonts.conf``, which includes the system's configuration and adds
    its own folder; pointing ``FONTCONFIG_FILE`` at it makes every fontconfig client of this
    process and its children (``fc-list``) find the fallback font for rare characters without
    installing it system-wide. A user's own FONTCONFIG_FILE is left alone. Windows and macOS
    do not use fontconfig: there the installer installs the font. Returns the file used.
    """
    if sys.platform.startswith("win") or sys.platform == "darwin":
        return None
    fonts = bundled_fonts_dir()
    if fonts is None or environ.get("FONTCONFIG_FILE"):
        return None
    conf = fonts / FONTCONFIG_NAME
    if not conf.is_file():
        return None
    environ["FONTCONFIG_FILE"] = str(conf)
    return str(conf)
