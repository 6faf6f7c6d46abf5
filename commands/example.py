"""``main.py example -o FILE.bulletin``: write the built-in example bulletin."""

from __future__ import annotations

import argparse

from commands import fail

NAME = "example"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="write the built-in example bulletin (the 2021 Q1 special page)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.bulletin", help="where to write it")


def run(args: argparse.Namespace) -> int:
    from model.example import example_bulletin
    from model.project_file import save

    try:
        save(example_bulletin(), args.output)
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}")
    print(f"wrote {args.output}")
    return 0
