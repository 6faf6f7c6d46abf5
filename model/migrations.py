"""Upgrades of older ``bulletin.json`` layouts to the current one, one version step at a time.

Each step is kept with a sample of its old version under ``tests/_files/`` that the tests
open (as novelWriter does for each of its project versions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from model.serialize import ModelError


def _v1_to_v2(data: Any) -> Any:
    """Version 2 adds picture blocks, the portrait spec, copy-fit limits, pinned rows and fixed
    layout. Version 1 printed every column portrait one column wide at 3:4, so that is written
    down as the file's portrait spec (rather than left to whatever the default becomes); every
    other new field starts unset, which is what version 1 meant."""
    if not isinstance(data, dict):
        return data  # validation of the result names the problem
    setup = data.setdefault("page_setup", {})
    if isinstance(setup, dict):
        setup.setdefault("portrait", {"width_columns": 1, "aspect_w": 3, "aspect_h": 4, "leader_width_columns": 1})
    for page in data.get("pages", []) if isinstance(data.get("pages"), list) else []:
        if isinstance(page, dict):
            page.setdefault("fixed_layout", False)
    return data


def _v2_to_v3(data: Any) -> Any:
    """Version 3 gives a column a kicker (引题), news photos with captions and tables, each
    anchored after a paragraph. Version 2 had none of them (a submission's activity photo was
    left out, a table's cells were paragraphs): every column starts with none, as it printed."""
    if not isinstance(data, dict):
        return data
    for page in data.get("pages", []) if isinstance(data.get("pages"), list) else []:
        blocks = page.get("blocks") if isinstance(page, dict) else None
        for block in blocks if isinstance(blocks, list) else []:
            if isinstance(block, dict) and block.get("type") == "column":
                block.setdefault("kicker", "")
                block.setdefault("photos", [])
                block.setdefault("tables", [])
    return data


#: MIGRATIONS[n] turns version-n data into version n+1 data.
MIGRATIONS: dict[int, Callable[[Any], Any]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: Any, version: int, current: int) -> Any:
    for v in range(version, current):
        step = MIGRATIONS.get(v)
        if step is None:
            raise ModelError("format_version", f"format version {v} is not supported (expected {current})")
        data = step(data)
    return data
