"""Bulletin ⇄ JSON-ready dicts, with validation that names the field and the problem.

One generic converter driven by the dataclasses' type hints, so a field added to the model is
saved, loaded and validated without a second hand-written schema that could drift from it.
"""

from __future__ import annotations

import dataclasses
import math
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from model import document as doc
from model.images import ImageStore

MAX_TEXT = 1_000_000  # characters in one field; a bulletin page holds a few thousand
MAX_ITEMS = 100_000  # entries in one list
#: Largest magnitude of a number field. Every real measure (mm, pt, em, counts) is far below it;
#: beyond it floats lose whole units and layout arithmetic overflows (int → float, C ints).
MAX_NUMBER = 1e9
MAX_COLUMNS = 20  # grid columns of a page (and the widest pin or portrait a file may hold)
MAX_PAGE_MM = 2000  # the largest page side; pins and portrait sizes are bounded by it too


class ModelError(ValueError):
    """Bad bulletin data. ``path`` names the field, e.g. ``pages[0].blocks[2].headline``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'bulletin'}: {message}")
        self.path = path
        self.problem = message


_BLOCK_TYPES: dict[str, type] = {"speech": doc.SpeechBlock, "column": doc.ColumnBlock, "picture": doc.PictureBlock}


class HugeNumber(str):
    """A JSON integer literal too long to be a real measure, kept as its text.

    ``json.loads`` would raise a bare ValueError for one of more than 4,300 digits (and spend
    quadratic time on slightly shorter ones) before any field is known; the loader passes
    :func:`parse_json_int` as ``parse_int`` so that the field holding it is named instead.
    """

    @property
    def digits(self) -> int:
        return len(self.lstrip("-"))


def parse_json_int(text: str) -> int | HugeNumber:
    """``parse_int`` for ``json.loads``: a whole number, or a HugeNumber when it has over 30 digits."""
    return HugeNumber(text) if len(text) > 30 else int(text)


def _short_number(value: float) -> str:
    text = f"{value:.6g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} digits)"


def _short_repr(value: Any) -> str:
    """A value for a message: a 20,000-character string is shown by its start."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:50]}… ({len(text)} characters)"


def _type_name(value: Any) -> str:
    return {
        str: "text", bool: "true/false", int: "a whole number", float: "a number",
        list: "a list", dict: "an object", type(None): "null",
    }.get(type(value), type(value).__name__)


def to_data(obj: Any) -> Any:
    """Plain JSON-ready structure; the image store is not part of it (it lives in images/)."""
    if dataclasses.is_dataclass(obj):
        return {
            f.name: to_data(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not isinstance(getattr(obj, f.name), ImageStore)
        }
    if isinstance(obj, list):
        return [to_data(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


def from_data(cls: type, data: Any, path: str = "") -> Any:
    """Build ``cls`` from plain data, checking every value against the type hints."""
    return _convert(cls, data, path)


def _convert(tp: Any, value: Any, path: str) -> Any:
    if isinstance(value, HugeNumber):
        raise ModelError(path, f"number with {value.digits} digits is far out of range (at most {MAX_NUMBER:g})")
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        if all(a in _BLOCK_TYPES.values() for a in non_none):
            return _convert_block(value, path)
        if len(non_none) == 1:
            return _convert(non_none[0], value, path)
        if float in non_none and isinstance(value, int | float) and not isinstance(value, bool):
            return _convert(float, value, path)
        raise ModelError(path, f"expected one of {non_none}, got {_type_name(value)}")
    if origin is Literal:
        allowed = get_args(tp)
        if value not in allowed:
            raise ModelError(path, f"expected one of {', '.join(map(repr, allowed))}, got {_short_repr(value)}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise ModelError(path, f"expected a list, got {_type_name(value)}")
        if len(value) > MAX_ITEMS:
            raise ModelError(path, f"more than {MAX_ITEMS} entries")
        (item,) = get_args(tp)
        return [_convert(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ModelError(path, f"expected an object, got {_type_name(value)}")
        key_t, val_t = get_args(tp)
        return {_convert(key_t, k, f"{path}.<key>"): _convert(val_t, v, f"{path}.{k}") for k, v in value.items()}
    if tp is str:
        if not isinstance(value, str):
            raise ModelError(path, f"expected text, got {_type_name(value)}")
        if len(value) > MAX_TEXT:
            raise ModelError(path, f"text longer than {MAX_TEXT} characters")
        return value
    if tp is bool:
        if not isinstance(value, bool):
            raise ModelError(path, f"expected true/false, got {_type_name(value)}")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ModelError(path, f"expected a whole number, got {_type_name(value)}")
        if abs(value) > MAX_NUMBER:
            raise ModelError(path, f"number {_short_number(value)} is out of range (at most {MAX_NUMBER:g})")
        return value
    if tp is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ModelError(path, f"expected a number, got {_type_name(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ModelError(path, f"expected a finite number, got {value!r}")
        if abs(value) > MAX_NUMBER:  # an int of any size compares exactly; float() could overflow
            raise ModelError(path, f"number {_short_number(value)} is out of range (at most {MAX_NUMBER:g})")
        return float(value)
    if dataclasses.is_dataclass(tp):
        return _convert_dataclass(tp, value, path)
    raise ModelError(path, f"unsupported type {tp!r}")  # a programming error, not user input


def _convert_block(value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise ModelError(path, f"expected a block object, got {_type_name(value)}")
    kind = value.get("type")
    if not isinstance(kind, str) or kind not in _BLOCK_TYPES:  # a list or object is not hashable
        raise ModelError(f"{path}.type", f"expected one of {', '.join(map(repr, _BLOCK_TYPES))}, got {_short_repr(kind)}")
    return _convert_dataclass(_BLOCK_TYPES[kind], value, path)


_hints_cache: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _hints_cache:
        _hints_cache[cls] = get_type_hints(cls, vars(doc))
    return _hints_cache[cls]


def _convert_dataclass(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise ModelError(path, f"expected an object, got {_type_name(value)}")
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if hints[f.name] is ImageStore or f.name not in value:
            continue  # missing fields take their defaults: older files stay readable
        sub = f"{path}.{f.name}" if path else f.name
        kwargs[f.name] = _convert(hints[f.name], value[f.name], sub)
    return cls(**kwargs)


def validate(bulletin: doc.Bulletin) -> None:
    """Cross-field rules the types cannot express; raises ModelError naming the field."""
    ps = bulletin.page_setup
    if not (50 <= ps.width_mm <= MAX_PAGE_MM and 50 <= ps.height_mm <= MAX_PAGE_MM):
        raise ModelError("page_setup", f"page size {ps.width_mm}×{ps.height_mm} mm is outside 50–2000 mm")
    if not 1 <= ps.columns <= MAX_COLUMNS:
        raise ModelError("page_setup.columns", f"expected 1 to {MAX_COLUMNS} columns, got {ps.columns}")
    if not 5 <= ps.body_size_pt <= 30:
        raise ModelError("page_setup.body_size_pt", f"expected 5–30 pt, got {ps.body_size_pt}")
    if ps.leading_pt < ps.body_size_pt:
        raise ModelError("page_setup.leading_pt", "leading must be at least the body size")
    if ps.leading_pt > 60:  # the page-setup form's range; more leaves a few lines per page
        raise ModelError("page_setup.leading_pt", f"expected at most 60 pt, got {ps.leading_pt}")
    if not 0 <= ps.gutter_em <= 5:  # the page-setup form's range
        raise ModelError("page_setup.gutter_em", f"expected a gutter of 0 to 5 em, got {ps.gutter_em:g}")
    for side in ("top", "bottom", "left", "right"):
        m = getattr(ps.margins, side)
        if not 0 <= m <= min(ps.width_mm, ps.height_mm) / 3:
            raise ModelError(f"page_setup.margins.{side}", f"margin {m} mm is out of range")
    if bulletin.chars_target is not None and not 1 <= bulletin.chars_target <= 100_000:
        raise ModelError("chars_target", f"expected 1 to 100000 characters, got {bulletin.chars_target}")
    for role in bulletin.fonts:
        if role not in doc.FONT_ROLES:
            raise ModelError(f"fonts.{role}", f"unknown text role; expected one of {', '.join(doc.FONT_ROLES)}")
    seen: set[str] = set()
    for pi, page in enumerate(bulletin.pages):
        items = [(f"pages[{pi}]", page)]
        if page.banner:
            items.append((f"pages[{pi}].banner", page.banner))
        if page.headline:
            items.append((f"pages[{pi}].headline", page.headline))
        items += [(f"pages[{pi}].blocks[{bi}]", b) for bi, b in enumerate(page.blocks)]
        for where, item in items:
            if not item.id:
                raise ModelError(f"{where}.id", "missing id")
            if item.id in seen:
                raise ModelError(f"{where}.id", f"duplicate id {item.id!r}")
            seen.add(item.id)
        for bi, block in enumerate(page.blocks):
            where = f"pages[{pi}].blocks[{bi}]"
            pl = block.placement
            # pins and portrait sizes are bounded absolutely, not by the page setup: making the
            # page narrower or shorter must never make a document unsaveable (the layout fits
            # a pin wider or taller than the page to the page)
            if pl.columns is not None and not 1 <= pl.columns <= MAX_COLUMNS:
                raise ModelError(f"{where}.placement.columns", f"expected 1 to {MAX_COLUMNS}, got {pl.columns}")
            if pl.height_mm is not None and not 0 < pl.height_mm <= MAX_PAGE_MM:
                raise ModelError(f"{where}.placement.height_mm", f"expected more than 0 up to {MAX_PAGE_MM} mm")
            if pl.row is not None and not 0 <= pl.row <= len(page.blocks):
                raise ModelError(f"{where}.placement.row", f"expected 0 to {len(page.blocks)}, got {pl.row}")
            if not 0.5 <= pl.headline_scale <= 2.0:
                raise ModelError(f"{where}.placement.headline_scale", f"expected 0.5 to 2, got {pl.headline_scale}")
            if isinstance(block, doc.ColumnBlock):
                _validate_inserts(block, where)
            for field_name, p in _pictures_of(block):
                if p.image and p.image not in bulletin.images:
                    raise ModelError(f"{where}.{field_name}.image", f"image {p.image!r} is not in the project")
                c = p.crop
                if not (0 <= c.x < 1 and 0 <= c.y < 1 and 0 < c.w <= 1 - c.x + 1e-9 and 0 < c.h <= 1 - c.y + 1e-9):
                    raise ModelError(f"{where}.{field_name}.crop",
                                     "crop rectangle must lie inside the image (fractions 0–1)")
    spec = ps.portrait
    if not 1 <= spec.width_columns <= MAX_COLUMNS:
        raise ModelError("page_setup.portrait.width_columns", f"expected 1 to {MAX_COLUMNS}, got {spec.width_columns}")
    if not 1 <= spec.leader_width_columns <= MAX_COLUMNS:
        raise ModelError("page_setup.portrait.leader_width_columns",
                         f"expected 1 to {MAX_COLUMNS}, got {spec.leader_width_columns}")
    if spec.width_mm is not None and not 10 <= spec.width_mm <= MAX_PAGE_MM:
        raise ModelError("page_setup.portrait.width_mm", f"expected 10 to {MAX_PAGE_MM} mm, got {spec.width_mm}")
    fit = ps.fit
    if not (0.5 <= fit.headline_scale_min <= 1.0 <= fit.headline_scale_max <= 2.0):
        raise ModelError("page_setup.fit", "headline scale limits must satisfy 0.5 ≤ min ≤ 1 ≤ max ≤ 2")
    if not 1 <= fit.portrait_columns_max <= MAX_COLUMNS:
        raise ModelError("page_setup.fit.portrait_columns_max", f"expected 1 to {MAX_COLUMNS}, got {fit.portrait_columns_max}")
    if not 0 <= fit.paragraph_gap_lines <= 3:
        raise ModelError("page_setup.fit.paragraph_gap_lines", f"expected 0 to 3, got {fit.paragraph_gap_lines}")
    if not (1 <= spec.aspect_w <= 100 and 1 <= spec.aspect_h <= 100 and 0.5 <= spec.aspect <= 2.5):
        raise ModelError("page_setup.portrait", f"aspect {spec.aspect_w}:{spec.aspect_h} is outside 2:1 to 2:5")


MAX_TABLE_CELLS = 2000  # a column's table of figures holds a few dozen


def _validate_inserts(block: doc.ColumnBlock, where: str) -> None:
    for i, ph in enumerate(block.photos):
        if not 0 <= ph.after <= MAX_ITEMS:
            raise ModelError(f"{where}.photos[{i}].after", f"expected a paragraph index 0 to {MAX_ITEMS}, got {ph.after}")
    for i, t in enumerate(block.tables):
        if not 0 <= t.after <= MAX_ITEMS:
            raise ModelError(f"{where}.tables[{i}].after", f"expected a paragraph index 0 to {MAX_ITEMS}, got {t.after}")
        if sum(len(r.cells) for r in t.rows) > MAX_TABLE_CELLS:
            raise ModelError(f"{where}.tables[{i}].rows", f"more than {MAX_TABLE_CELLS} cells in one table")
        if not 0 <= t.header_rows <= len(t.rows):
            raise ModelError(f"{where}.tables[{i}].header_rows", f"expected 0 to {len(t.rows)}, got {t.header_rows}")


def _pictures_of(block) -> list[tuple[str, doc.Portrait]]:
    """(field name, picture) for every image a block shows."""
    if isinstance(block, doc.PictureBlock):
        return [("picture", block.picture)]
    out: list[tuple[str, doc.Portrait]] = []
    if isinstance(block, doc.ColumnBlock | doc.SpeechBlock) and block.portrait is not None:
        out.append(("portrait", block.portrait))
    if isinstance(block, doc.ColumnBlock):
        out += [(f"photos[{i}].picture", ph.picture) for i, ph in enumerate(block.photos)]
    return out


def used_images(bulletin: doc.Bulletin) -> set[str]:
    return {p.image for _, b in bulletin.iter_blocks() for _, p in _pictures_of(b) if p.image}


__all__ = ["ModelError", "to_data", "from_data", "validate", "used_images", "parse_json_int", "HugeNumber"]
