"""Proofreading a bulletin (placeholder until the checks land)."""
