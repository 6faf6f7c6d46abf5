"""Headless sub-commands of ``main.py``; each module defines NAME, add_parser(sub) and run(args)."""

from __future__ import annotations

import sys
import warnings
from typing import TYPE_CHECKING

# Pillow warns on stderr about malformed EXIF blocks it then skips; the picture is used all
# the same, and a Python warning line only alarms the user of a command.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.TiffImagePlugin")

if TYPE_CHECKING:
    from model.document import Bulletin


def fail(message: str, status: int = 2) -> int:
    """Tell the user what went wrong, on stderr, and give the exit status for it."""
    print(f"错误 error: {message}", file=sys.stderr)
    return status


def load_or_fail(path: str, *, digests: bool = False) -> Bulletin | int:
    """The bulletin at ``path``, or an exit status after printing why it cannot be opened
    (``digests``: see ``model.project_file.load``)."""
    from model.project_file import ProjectFileError, load

    try:
        return load(path, digests=digests)
    except ProjectFileError as exc:
        return fail(str(exc))
