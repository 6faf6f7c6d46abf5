"""Shared fixtures. Tests never touch the user's real cache or settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FILES = Path(__file__).parent / "_files"
SEED = FILES / "bulletin-2021-q1.txt"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.getbasetemp() / "cache"  # shared by a session: font conversions are slow
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "config"))


@pytest.fixture
def example():
    from model.example import example_bulletin

    return example_bulletin()
