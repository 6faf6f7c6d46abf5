"""The per-bulletin length budget is saved with the project and drives the proofreader."""

from __future__ import annotations

import pytest

import proofread
from model.project_file import load, save
from model.serialize import ModelError, validate


def test_chars_target_round_trips_and_drives_the_length_check(example, tmp_path):
    assert not [f for f in proofread.check(example) if f.code == "length"]
    example.chars_target = 300
    save(example, tmp_path / "t.bulletin")
    again = load(tmp_path / "t.bulletin")
    assert again.chars_target == 300
    assert [f for f in proofread.check(again) if f.code == "length"]


def test_chars_target_must_be_positive(example):
    example.chars_target = 0
    with pytest.raises(ModelError, match="chars_target"):
        validate(example)
