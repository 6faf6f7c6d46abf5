"""The text walker proofreading works on: :mod:`model.texts`, the one walker of the tree."""

from __future__ import annotations

from model.texts import DISPLAY_ROLES, PROSE_ROLES, Role, TextRef, iter_texts

__all__ = ["DISPLAY_ROLES", "PROSE_ROLES", "Role", "TextRef", "iter_texts"]
