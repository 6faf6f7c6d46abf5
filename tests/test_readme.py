"""The README tells the truth about this repository: what it points to is here, docs/ holds only
what the README or the in-app help points to, and the numbers it gives are the code's."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _pointed_to() -> set[str]:
    texts = README + (ROOT / "gui" / "help_guide.py").read_text("utf-8")
    return set(re.findall(r"docs/[\w./-]+\.\w+", texts))


def test_every_file_the_readme_points_to_exists():
    for path in _pointed_to():
        assert (ROOT / path).is_file(), f"README points to {path}, which is not in the repository"
    for path in re.findall(r"`((?:packaging|tests|model|resources)/[\w./-]+\.\w+)`", README):
        assert (ROOT / path).is_file(), f"README names {path}, which is not in the repository"


def test_docs_holds_only_what_the_readme_or_help_points_to():
    pointed = _pointed_to()
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file():
            rel = path.relative_to(ROOT).as_posix()
            assert rel in pointed, f"{rel} is in docs/ but neither README nor the help points to it"


def test_the_readme_gives_the_current_project_format_version():
    from model.migrations import MIGRATIONS
    from model.project_file import FORMAT_VERSION

    assert f"format version {FORMAT_VERSION})" in README
    assert all(f"Version {v} files" in README for v in MIGRATIONS)


def test_the_readme_points_to_nothing_outside_the_repository():
    assert "shared folder" not in README and "DESIGN.md" not in README


def test_install_comes_first_and_sudo_only_where_it_exists():
    headings = re.findall(r"^## (.+)$", README, flags=re.M)
    assert headings[0] == "Install"
    for line in README.splitlines():
        if line.startswith("sudo ") and "as a user" not in line:
            raise AssertionError(f"a command that needs sudo without saying so: {line}")
