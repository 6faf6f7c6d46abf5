"""What Pillow reads from a picture's header is kept in the user cache by the picture's digest:
a project opened again reads no header, and a bad picture is refused every time."""

from __future__ import annotations

import io

import pytest
from PIL import Image

import model.images as images
from model.images import ImageError, inspect_upright


def _png(w: int = 30, h: int = 40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (w, h), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


def test_the_second_reading_comes_from_the_cache_with_the_same_facts(monkeypatch):
    data = _png()
    first = inspect_upright(data, "a.png")
    assert list((images._facts_path("x").parent).glob("*.json"))

    def no_header(*_a, **_k):
        raise AssertionError("the header was read again")

    monkeypatch.setattr(images, "_inspect", no_header)
    assert inspect_upright(data, "a.png") == first
    assert first[0].width == 30 and first[1] == (30, 40)


def test_a_damaged_cache_entry_is_read_as_absent(monkeypatch):
    data = _png(31, 41)
    inspect_upright(data, "a.png")
    key = images._facts_key(data)
    images._facts_path(key).write_text('{"format": "PNG", "width": "x"', encoding="utf-8")
    calls = []
    real = images._inspect
    monkeypatch.setattr(images, "_inspect", lambda *a: calls.append(1) or real(*a))
    assert inspect_upright(data, "a.png")[0].width == 31
    assert calls  # read from the picture again
    # a forged entry claiming a picture too big to accept is not believed either
    images._facts_path(key).write_text('{"format": "PNG", "ext": "png", "width": 20000, "height": 20000, '
                                       '"mode": "RGB", "dpi": null, "upright": [20000, 20000]}', encoding="utf-8")
    assert inspect_upright(data, "a.png")[0].width == 31


def test_a_bad_picture_is_refused_every_time_and_never_kept():
    junk = b"not a picture at all" * 10
    for _ in range(2):
        with pytest.raises(ImageError, match="not a readable image"):
            inspect_upright(junk, "junk.png")
    assert not images._facts_path(images._facts_key(junk)).exists()


def test_a_big_picture_is_not_hashed_for_the_cache():
    assert images._facts_key(b"\0" * (images.FACTS_MAX_BYTES + 1)) is None
