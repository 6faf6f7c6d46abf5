"""会刊编辑器 entry point: the editor by default, sub-commands for headless work.

``python main.py [FILE.bulletin]`` opens the editor (on the built-in example when no file is
given); ``python main.py COMMAND …`` runs one of the modules in ``commands/`` (example, info,
export, check, import …). Every command reports bad input on stderr with exit status 2 and
never shows a traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

import commands

#: the one version number of the editor (pyproject.toml reads it from here)
__version__ = "0.1.0"
VERSION_LINE = f"bulletin-editor {__version__}"
#: the name in usage lines: what the user typed (``bulletin-editor`` when installed or bundled)
PROG = "main.py" if os.path.basename(sys.argv[0]) in ("main.py", "") else "bulletin-editor"


def _command_names() -> dict[str, str]:
    """Command name → module name, from the file names alone (``import_.py`` is ``import``):
    nothing is imported, so starting one command does not pay for the others."""
    names = {}
    for directory in commands.__path__:
        for entry in sorted(os.listdir(directory)):
            stem, ext = os.path.splitext(entry)
            if ext == ".py" and not stem.startswith("_") and stem.isidentifier():
                names[stem.rstrip("_")] = stem
    return names


def _command_modules(only: str | None = None) -> dict:
    """Sub-commands are discovered, so each lives in a module of its own; ``only`` imports
    just the one about to run."""
    found = {}
    for name, stem in sorted(_command_names().items(), key=lambda kv: kv[1]):
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"commands.{stem}")
        found[module.NAME] = module
    return found


def build_parser(modules: dict) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="会刊编辑器 · Bulletin editor. Without a command, opens the editor.",
    )
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules.values():
        module.add_parser(sub)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Open the 会刊编辑器 editor.")
    parser.add_argument("file", nargs="?", help="a .bulletin project to open (default: the built-in example)")
    parser.add_argument("--screenshot", metavar="PNG", help="open offscreen, save a picture of the window and exit")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user-interface language")
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from resources.paths import use_bundled_fonts

    use_bundled_fonts()  # a bundle's fallback font for rare characters, before any font lookup
    names = _command_names()
    if argv and (argv[0] in names or argv[0] in ("-h", "--help")):
        modules = _command_modules(argv[0] if argv[0] in names else None)
        parser = build_parser(modules)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        return int(modules[args.command].run(args) or 0)
    args = build_gui_parser().parse_args(argv)
    if not args.screenshot:  # before Qt's platform plugin loads: Qt would abort and blame the wrong thing
        from gui.display_check import display_problem

        problem = display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    from gui.app import run_gui  # Qt is imported only when the editor is wanted

    return run_gui(args.file, screenshot=args.screenshot, lang=args.lang)


def _run() -> int:
    try:
        return main()
    except BrokenPipeError:  # `main.py check F | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(_run())
