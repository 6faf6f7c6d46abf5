"""Where the editor keeps what it can always rebuild: the user cache directory.

Converted font subsets, font metrics, prepared pictures, laid-out documents and the facts read
from pictures' headers live below it. Everything there may be deleted at any time; a cache
folder that cannot be written only costs time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_base_dir() -> Path:
    """The user cache directory of the editor: BULLETIN_CACHE_DIR, else the platform's."""
    env = os.environ.get("BULLETIN_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform.startswith("win"):
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "bulletin-editor" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "bulletin-editor"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "bulletin-editor"
