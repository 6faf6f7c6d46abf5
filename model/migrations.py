"""Upgrades of older ``bulletin.json`` layouts to the current one, one version step at a time.

Format version 1 is the first released format, so the table is empty; when version 2 comes,
add ``MIGRATIONS[1] = _v1_to_v2`` and keep a version-1 sample under ``tests/_files/`` that the
tests open (as novelWriter does for each of its project versions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from model.serialize import ModelError

#: MIGRATIONS[n] turns version-n data into version n+1 data.
MIGRATIONS: dict[int, Callable[[Any], Any]] = {}


def migrate(data: Any, version: int, current: int) -> Any:
    for v in range(version, current):
        step = MIGRATIONS.get(v)
        if step is None:
            raise ModelError("format_version", f"format version {v} is not supported (expected {current})")
        data = step(data)
    return data
