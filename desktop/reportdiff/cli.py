"""The `reportdiff` command: no argument starts the app; subcommands for scripts.

Exit codes: 0 ok, 1 some inputs refused (or a comparison/export failed),
2 usage error or a library that cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

COMPARE_FORMATS = ("text", "json", "html", "pdf", "csv")


class CliError(Exception):
    """A problem to report in one line, with the exit code to use."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description="Compare two reports of one event. With no command, start the app.",
    )
    parser.add_argument("--db", metavar="PATH", help="library file (default: $REPORTDIFF_DB or the user data folder)")
    # Window options (used when no command is given).
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="open the window on this pair")
    parser.add_argument("--screenshot", metavar="FILE.png", help="with --compare: save a screenshot and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("compare", help="compare two reports (files or library ids)")
    p.add_argument("a", help="report A: a file or a library id")
    p.add_argument("b", help="report B: a file or a library id")
    p.add_argument("--format", choices=COMPARE_FORMATS, default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE ('-' for stdout)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="for --format pdf")
    p.add_argument("--boilerplate", action="store_true", help="include boilerplate paragraphs in HTML/PDF")
    p.set_defaults(func=cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_gui(args)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130


def gui_main() -> int:
    """Entry point of the `reportdiff-gui` script (no console on Windows)."""
    return main(sys.argv[1:] if len(sys.argv) > 1 else [])


def _start_gui(args: argparse.Namespace) -> int:
    if args.screenshot and not args.compare:
        print("reportdiff: --screenshot needs --compare A B", file=sys.stderr)
        return EXIT_USAGE
    from reportdiff.ui.app import run_app

    return run_app(db=args.db, compare=args.compare, screenshot=args.screenshot)


def library_path(args: argparse.Namespace) -> Path:
    """The library file: --db, else $REPORTDIFF_DB, else the user data folder."""
    from reportdiff.store import default_library_path

    if args.db:
        return Path(args.db)
    env = os.environ.get("REPORTDIFF_DB")
    return Path(env) if env else default_library_path()


# --- compare ----------------------------------------------------------------


def load_report(spec: str, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """A report from a file path, or from the library when `spec` is an id."""
    from reportdiff.store import LibraryError, read_report_file

    path = Path(spec)
    if path.exists() or not spec.isdigit():
        try:
            return read_report_file(path)
        except LibraryError as exc:
            raise CliError(str(exc)) from exc
    from reportdiff.store import Library

    try:
        with Library.open(library_path(args)) as lib:
            return lib.report(int(spec))
    except LibraryError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    except KeyError as exc:
        raise CliError(f"no report with id {spec} in the library") from exc


def cmd_compare(args: argparse.Namespace) -> int:
    from reportdiff.engine import compare

    comparison = compare(load_report(args.a, args), load_report(args.b, args))
    from reportdiff.export import export_comparison, ExportError

    out = args.output
    if args.format == "pdf" and (out is None or out == "-"):
        raise CliError("PDF needs a file: add -o FILE.pdf", EXIT_USAGE)
    try:
        data = export_comparison(
            comparison, args.format, page_size=args.page_size, boilerplate=args.boilerplate
        )
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    if out is None or out == "-":
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    from reportdiff.export.atomic import write_atomic

    try:
        write_atomic(Path(out), data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"wrote {out}", file=sys.stderr)
    return EXIT_OK


def _dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    sys.exit(main())
