"""The `reportdiff` command: no argument starts the app; subcommands for scripts.

Exit codes: 0 ok, 1 some inputs refused (or a comparison/export failed),
2 usage error or a library that cannot be opened.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from reportdiff import __version__

if TYPE_CHECKING:
    from reportdiff.store import Article, ArticleSummary, ImportResult, Library

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

COMPARE_FORMATS = ("text", "json", "html", "pdf", "csv")


class CliError(Exception):
    """A problem to report in one line, with the exit code to use."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


class _UsageError(Exception):
    """argparse's complaint about the command line, raised so main() can also give JSON."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(f"{parser.prog}: error: {message}")
        self.usage = parser.format_usage()


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}  # filled by build_parser

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse's, but an unknown option is reported with its command's usage."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            owner = self.commands.get(getattr(parsed, "command", None) or "", self)
            owner.error(f"unrecognized arguments: {' '.join(extra)}")
        return parsed


def _report_id(text: str) -> int:
    """A library id: a whole number, never a file name."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a report id (a number; see `reportdiff list`)"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a report id (ids start at 1)")
    return value


def _seconds(text: str) -> float:
    """A time-out: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above zero")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportdiff",
        description="Compare two reports of one event. With no command, start the app.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="library file (default: $REPORTDIFF_DB or the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    # Window options (used when no command is given).
    parser.add_argument(
        "--compare", nargs=2, metavar=("A", "B"), help="open the window on this pair"
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="with --compare: save a screenshot and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("compare", help="compare two reports (files, web addresses or ids)")
    p.add_argument("a", help="report A: a file, a web address or a library id")
    p.add_argument("b", help="report B: a file, a web address or a library id")
    p.add_argument(
        "--format",
        choices=COMPARE_FORMATS,
        default=None,
        help="output format (default: from the -o file's extension, else text)",
    )
    p.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="same as --format json"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE ('-' for stdout)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="for --format pdf")
    p.add_argument(
        "--boilerplate", action="store_true", help="include boilerplate paragraphs in HTML/PDF"
    )
    p.set_defaults(func=cmd_compare)
    _add_db_option(p)
    _add_library_commands(sub)
    parser.commands = dict(sub.choices)
    return parser


def _add_db_option(p: argparse.ArgumentParser, *, json_output: bool = False) -> None:
    # SUPPRESS: a --db given before the command name is kept when none follows it.
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="library file")
    if json_output:
        p.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts"
        )


def _add_library_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "import", help="import report files or folders (.txt, .md, .html) or web pages"
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, a folder or a web address (https://…)"
    )
    p.add_argument("--event", metavar="NAME", help="put the imported reports in this event")
    p.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="for a web address: how long to wait for the server to connect, and for each"
        " piece of the page (default 20)",
    )
    p.set_defaults(func=cmd_import)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("list", help="list the reports in the library")
    p.add_argument("--search", metavar="QUERY", help="only reports matching these words")
    p.add_argument("--event", metavar="NAME", help="only reports of this event")
    p.set_defaults(func=cmd_list)
    _add_db_option(p, json_output=True)

    # show, delete and move take library ids only: `show 12` is report #12 even
    # when a file called 12 is in the current folder.
    p = sub.add_parser("show", help="show one report with its details")
    p.add_argument("id", type=_report_id, help="the report's id (see `reportdiff list`)")
    p.set_defaults(func=cmd_show)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("move", help="put reports in an event (created when new)")
    p.add_argument("ids", nargs="+", type=_report_id, metavar="ID", help="a report's id")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--event", metavar="NAME", help="the event to put them in")
    where.add_argument("--no-event", action="store_true", help="take them out of their event")
    p.set_defaults(func=cmd_move)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("events", help="list the events and how many reports each holds")
    p.set_defaults(func=cmd_events)
    _add_db_option(p, json_output=True)

    p = sub.add_parser(
        "event", help="all reports of one event at once: each figure, report by report"
    )
    p.add_argument("event", help="the event's name or id (see `reportdiff events`)")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv", "html", "pdf"),
        default=None,
        help="output format (default: from the -o file's extension, else text)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE ('-' for stdout)")
    p.set_defaults(func=cmd_event)
    _add_db_option(p)

    p = sub.add_parser(
        "update",
        help="give a report a newer version of its text (a file or a web address); "
        "its id, details, event and reviews stay",
    )
    p.add_argument("id", type=_report_id, help="the report's id")
    p.add_argument("source", metavar="PATH", help="the new text: a file or a web address")
    p.set_defaults(func=cmd_update)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("delete", help="delete a report from the library")
    p.add_argument("id", type=_report_id, help="the report's id")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask first")
    p.set_defaults(func=cmd_delete)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("install-desktop", help="add ReportDiff to the desktop's applications menu")
    p.set_defaults(func=cmd_install_desktop)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; with --json, an error is also a {"error": ...} object on stdout."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        print(exc.usage + str(exc), file=sys.stderr)
        _print_json_error(str(exc), EXIT_USAGE, wanted="--json" in argv)
        return EXIT_USAGE
    if args.command is None:
        return _start_gui(args)
    # JSON, CSV, HTML and PDF stay exact; the text comparison makes its reports'
    # texts visible itself (its own colours are escape sequences to keep).
    exact = getattr(args, "json", False) or args.command == "compare"
    with _visible_controls(stdout=not exact):
        return _run(args)


@contextmanager
def _visible_controls(*, stdout: bool) -> Iterator[None]:
    """While a command runs, its output shows control characters instead of obeying them
    (stdout only when it carries text for people: JSON, CSV, HTML and PDF stay exact)."""
    from reportdiff.terminal import VisibleControls

    saved = sys.stdout, sys.stderr
    if stdout and sys.stdout is not None:
        sys.stdout = VisibleControls(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = VisibleControls(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        _print_json_error(str(exc), exc.code, wanted=getattr(args, "json", False))
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`reportdiff show 3 | head`): no traceback for that.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _print_json_error(message: str, code: int, *, wanted: bool) -> None:
    # "nothing deleted" after a "no" is not an error, and needs no JSON object.
    if wanted and code != EXIT_OK:
        print(_dump_json({"error": message, "exit_code": code}))


def gui_main() -> int:
    """Entry point of the `reportdiff-gui` script (no console on Windows)."""
    return main(sys.argv[1:] if len(sys.argv) > 1 else [])


def _start_gui(args: argparse.Namespace) -> int:
    if args.screenshot and not args.compare:
        print("reportdiff: --screenshot needs --compare A B", file=sys.stderr)
        return EXIT_USAGE
    keep: dict[str, Path | str | None] = {}
    if args.screenshot:
        from reportdiff.export.atomic import check_target

        keep = protected_files(args, args.compare)
        try:
            check_target(Path(args.screenshot), keep=keep)
        except OSError as exc:
            print(f"reportdiff: cannot save the screenshot: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    if not args.screenshot:
        # Before Qt is imported: a missing system library would stop that import
        # with a traceback, or Qt would abort the process on a missing display.
        from reportdiff.ui.startup_check import can_load, window_problem

        problem = window_problem(os.environ, can_load, sys.platform)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    from reportdiff.ui.app import run_app, work_still_running

    code = int(run_app(db=args.db, compare=args.compare, screenshot=args.screenshot, keep=keep))
    if work_still_running():
        # Quitting ends the work at once: a comparison that cannot be interrupted
        # would keep the process burning a core for minutes after the window
        # closed. The library's writes are transactions and files are written
        # atomically, so ending here loses nothing.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def library_path(args: argparse.Namespace) -> Path:
    """The library file: --db, else $REPORTDIFF_DB, else the user data folder."""
    from reportdiff.store import resolve_library_path

    return resolve_library_path(getattr(args, "db", None))


# --- compare ----------------------------------------------------------------


def load_report(spec: str, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """A report from a file path or a web address, or from the library when `spec`
    is an id."""
    from reportdiff.store import LibraryError, read_address, read_report_file
    from reportdiff.store.address import is_address

    if is_address(spec):
        try:
            return read_address(spec).report()
        except LibraryError as exc:
            raise CliError(str(exc)) from exc
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

    out = args.output
    if out == "":
        raise CliError("-o needs a file name (or '-' for stdout)", EXIT_USAGE)
    args.format = _output_format(args.format, out, as_json=getattr(args, "json", False))
    report_a, report_b = load_report(args.a, args), load_report(args.b, args)
    if report_a.content_hash and report_a.content_hash == report_b.content_hash:
        print("reportdiff: note: A and B are the same text", file=sys.stderr)
    if args.format == "text":
        # Shown on a terminal now or `cat` later: no escape in a report is obeyed.
        from reportdiff.terminal import visible_report

        report_a, report_b = visible_report(report_a), visible_report(report_b)
    comparison, review = _stored_review(args, compare(report_a, report_b))
    from reportdiff.export import ExportError, export_comparison

    if args.format == "pdf" and (out is None or out == "-"):
        raise CliError("PDF needs a file: add -o FILE.pdf", EXIT_USAGE)
    try:
        data = export_comparison(
            comparison,
            args.format,
            page_size=args.page_size,
            boilerplate=args.boilerplate,
            review=review,
            **_terminal_text_options(to_stdout=out is None or out == "-"),
        )
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    return _write_output(args, out, data, [args.a, args.b])


def _write_output(
    args: argparse.Namespace, out: str | None, data: str | bytes, inputs: list[str]
) -> int:
    """Text to stdout (no -o, or '-'), else the file written atomically; never over
    the library or an input (`protected_files`)."""
    if out is None or out == "-":
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        _write_compare_output(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    from reportdiff.export.atomic import ProtectedFileError, write_atomic

    try:
        write_atomic(
            Path(out),
            data if isinstance(data, bytes) else data.encode("utf-8"),
            keep=protected_files(args, inputs),
        )
    except BrokenPipeError:  # -o /dev/stdout into `| head`: the reader has enough
        _silence_stdout()
        return EXIT_OK
    except ProtectedFileError as exc:
        raise CliError(str(exc.strerror)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"wrote {out}", file=sys.stderr)
    return EXIT_OK


def _stored_review(args: argparse.Namespace, comparison: Any) -> tuple[Any, Any]:
    """The comparison as the reader corrected it and their decisions on the pair,
    when A and B are library ids (review.py)."""
    if not (args.a.isdigit() and args.b.isdigit()) or Path(args.a).exists():
        return comparison, None
    from reportdiff.review import reviewed
    from reportdiff.store import Library, LibraryError

    try:
        with Library.open(library_path(args)) as lib:
            stored = lib.reviews(int(args.a), int(args.b))
    except LibraryError:
        return comparison, None
    return reviewed(comparison, stored) if stored else (comparison, None)


# A .txt file may hold any of the text formats; these extensions name one.
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".log", ".md"})
_EXTENSION_FORMATS = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".csv": "csv",
}


def _output_format(given: str | None, out: str | None, *, as_json: bool) -> str:
    """The format asked for, else the one the output file's extension names.

    A file named for another format than the one asked for ("-o x.pdf
    --format text") is refused: the reader would find text in a "PDF".
    """
    if as_json:
        if given not in (None, "json"):
            raise CliError(f"--json and --format {given} disagree: choose one", EXIT_USAGE)
        given = "json"
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    implied = _EXTENSION_FORMATS.get(suffix)
    if given is None:
        if implied is None and suffix[1:].isalpha() and suffix not in _TEXT_SUFFIXES:
            # "-o out.docx": text under a word processor's name would not open there
            raise CliError(
                f"{out}: ReportDiff does not write {suffix} files; name a .txt, .json, .html,"
                " .pdf or .csv file, or give --format",
                EXIT_USAGE,
            )
        return implied or "text"
    if given == "pdf" and suffix not in ("", ".pdf"):
        implied = implied or "text"  # a PDF under a text file's name: opened, it reads as garbage
    if implied is not None and implied != given:
        raise CliError(
            f"{out} names a {suffix} file but --format is {given}: "
            f"use --format {implied} or another file name",
            EXIT_USAGE,
        )
    return given


def protected_files(args: argparse.Namespace, inputs: list[str]) -> dict[str, Path | str | None]:
    """What no output may replace: the library (open or not) and the files read.

    `-o` naming report A or the library (a slip of the shell's completion)
    would lose that report or every report.
    """
    keep: dict[str, Path | str | None] = {"the library": library_path(args)}
    for name, spec in zip("AB", inputs, strict=False):
        if Path(spec).is_file():
            keep[f"report {name}"] = spec
    return keep


def _terminal_text_options(*, to_stdout: bool) -> dict[str, Any]:
    """On a terminal, text fits its width and is coloured unless NO_COLOR is set (no-color.org)."""
    stream = sys.stdout
    if not (to_stdout and stream is not None and stream.isatty()):
        return {}
    color = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return {"width": min(100, shutil.get_terminal_size().columns), "color": color}


def _write_compare_output(text: str) -> None:
    """The comparison on stdout, flushed here so a failure is ours to report.

    A reader that went away (`| head`) ends the command quietly, as the Python
    docs advise: stdout is pointed at devnull so the final flush cannot fail
    again. A full disk (`> /dev/full`) or closed stdout is a one-line error.
    """
    from reportdiff.export.atomic import stream_error_text

    if sys.stdout is None:
        raise CliError("stdout is closed; add -o FILE to write to a file")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _silence_stdout()
        raise CliError(f"cannot write the output: {stream_error_text(exc)}") from exc


def _silence_stdout() -> None:
    """Point stdout at devnull: what is left in its buffer is dropped, not re-raised at exit."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to flush later
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


# --- the library --------------------------------------------------------------


def _open_library(args: argparse.Namespace, *, create: bool = False) -> Library:
    from reportdiff.store import Library, LibraryError

    try:
        return Library.open(library_path(args), create=create)
    except LibraryError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc


def _no_library_yet(args: argparse.Namespace) -> bool:
    """For a command that only lists: no library file yet is an empty library.

    Says so (an empty JSON list for scripts) rather than failing, and makes no file.
    """
    from reportdiff.store import LibraryError, library_exists

    path = library_path(args)
    try:
        if library_exists(path):
            return False
    except LibraryError:
        return False  # opening it gives the one-line reason
    if args.json:
        print("[]")
    else:
        print(f"no library at {path} yet: `reportdiff import FILES` starts one")
    return True


@contextmanager
def _library(args: argparse.Namespace, *, create: bool = False) -> Iterator[Library]:
    """The library for one command; its errors end the command with exit code 2."""
    from reportdiff.store import LibraryError

    lib = _open_library(args, create=create)
    try:
        yield lib
    except LibraryError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    finally:
        lib.close()


def _event_id(lib: Library, name: str | None) -> int | None:
    if name is None:
        return None
    event_id = lib.event_id(name)
    if event_id is None:
        raise CliError(f"no event called {name!r} (see `reportdiff events`)")
    return event_id


def _summary_json(item: ArticleSummary) -> dict[str, object]:
    return dataclasses.asdict(item)


def _summary_line(item: ArticleSummary) -> str:
    words = _count(item.words, "word")
    details = " · ".join(x for x in (item.outlet, item.published, words) if x)
    return f"  #{item.id:<5} {item.title}  ({details})"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 word", "2 words": a number with its noun in the right form."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def cmd_import(args: argparse.Namespace) -> int:
    from reportdiff.store import FetchLimits, ImportResult, LibraryError, library_exists

    show_progress = sys.stderr.isatty() and not args.json
    limits = FetchLimits(timeout=args.timeout) if args.timeout else None
    path = library_path(args)
    try:
        fresh = not library_exists(path)
    except LibraryError:
        fresh = False  # opening it says why it cannot be used
    with _library(args, create=True) as lib:
        try:
            result = lib.import_files(
                args.paths,
                event=args.event,
                progress=_print_progress if show_progress else None,
                fetch_limits=limits,
            )
        except LibraryError as exc:
            # A lock or a full disk stopped the batch: say what was done before it.
            partial = exc.partial
            if isinstance(partial, ImportResult) and not args.json:
                _print_import(partial, {}, args.event)
                print(f"{len(partial.imported)} imported before the error")
            raise CliError(str(exc), EXIT_USAGE) from exc
        # An import never moves a report it already holds: it says where the report is.
        homes = {i: lib.article(i).event_name for _, i in result.duplicates}
        empty = fresh and lib.count_articles() == 0
    if empty:
        _remove_library(path)  # nothing imported: no new, empty library left behind
    if args.json:
        print(_dump_json(_import_json(lib, result, homes)))
    else:
        _print_import(result, homes, args.event)
    return EXIT_REFUSED if result.refused else EXIT_OK


def _remove_library(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            name.unlink()


def _print_progress(done: int, total: int, name: str) -> None:
    """A one-line counter on a terminal, for imports long enough to need one;
    a line for each web page fetched (a slow server should not look like a hang)."""
    from reportdiff.store.address import is_address

    if total < 50 and is_address(name):
        print(f"fetching {name}", file=sys.stderr, flush=True)
        return
    if total < 50 or (done % 25 and done != total):
        return
    end = "\n" if done == total else ""
    print(f"\rimporting {done}/{total}", end=end, file=sys.stderr, flush=True)


def _import_json(
    lib: Library, result: ImportResult, homes: dict[int, str | None]
) -> dict[str, object]:
    return {
        "library": str(lib.path),
        "imported": [_summary_json(item) for item in result.imported],
        "duplicates": [
            {_source_key(p): str(p), "existing_id": i, "event": homes.get(i)}
            for p, i in result.duplicates
        ],
        "refused": [
            {"address": r.address, "reason": r.reason}
            if r.address
            else {"path": str(r.path), "reason": r.reason}
            for r in result.refused
        ],
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in result.skipped],
    }


def _source_key(source: Path | str) -> str:
    """A file is a "path" in the JSON, a web address an "address"."""
    return "address" if isinstance(source, str) else "path"


def _print_import(result: ImportResult, homes: dict[int, str | None], event: str | None) -> None:
    for item in result.imported:
        print(f"imported{_summary_line(item)}")
    for path, existing in result.duplicates:
        print(_duplicate_line(path, existing, homes.get(existing), event))
    for refusal in result.refused:
        print(f"reportdiff: refused {refusal}", file=sys.stderr)
    if result.skipped:
        print(_skipped_line(result), file=sys.stderr)
    summary = (
        f"{len(result.imported)} imported, {len(result.duplicates)} already in the library, "
        f"{len(result.refused)} refused"
    )
    print(summary + (f", {len(result.skipped)} skipped" if result.skipped else ""))


def _duplicate_line(path: Path | str, existing: int, home: str | None, event: str | None) -> str:
    where = f"event {home}" if home else "in no event"
    line = f"{path}: already in the library as #{existing} ({where})"
    if event is not None and (home or "").casefold() != " ".join(event.split()).casefold():
        line += f"; use `reportdiff move {existing} --event {_shell_word(event)}` to move it"
    return line


def _shell_word(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _skipped_line(result: ImportResult) -> str:
    """One line for the files of imported folders that are not reports, and one
    for each folder or special file that was passed over for another reason."""
    kinds: dict[str, int] = {}
    others = [f"reportdiff: skipped {s.path}: {s.reason}" for s in result.skipped if s.unusual]
    other_types = [s for s in result.skipped if not s.unusual]
    for skipped in other_types:
        suffix = skipped.path.suffix.lower() or "no extension"
        kinds[suffix] = kinds.get(suffix, 0) + 1
    if other_types:
        listed = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        files = _count(len(other_types), "file")
        verb = "is" if len(other_types) == 1 else "are"
        others.append(f"reportdiff: skipped {files} that {verb} not .txt, .md or .html ({listed})")
    return "\n".join(others)


def cmd_list(args: argparse.Namespace) -> int:
    if _no_library_yet(args):
        return EXIT_OK
    with _library(args) as lib:
        items = lib.list_articles(event_id=_event_id(lib, args.event), search=args.search)
    if args.json:
        print(_dump_json([_summary_json(item) for item in items]))
        return EXIT_OK
    if not items:
        print("no reports" + (" match" if args.search else " in the library"))
    current: object = ()
    for item in items:
        if item.event_id != current:
            current = item.event_id
            print(item.event_name or "(no event)")
        print(_summary_line(item))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        try:
            article = lib.article(args.id)
        except KeyError:
            raise CliError(f"no report with id {args.id} in the library") from None
    if args.json:
        print(_dump_json(dataclasses.asdict(article)))
        return EXIT_OK
    print(article.title)
    for label, value in _article_details(article):
        if value is not None:
            print(f"{label + ':':<11}{value}")
    print()
    print(article.body)
    return EXIT_OK


def _article_details(article: Article) -> list[tuple[str, object]]:
    return [
        ("Id", article.id),
        ("Outlet", article.outlet),
        ("Published", article.published),
        ("Author", article.author),
        ("URL", article.url),
        ("Event", article.event_name),
        ("Words", article.words),
        ("File", article.source_path),
        ("Imported", article.imported_at),
    ]


def cmd_events(args: argparse.Namespace) -> int:
    if _no_library_yet(args):
        return EXIT_OK
    with _library(args) as lib:
        events = lib.events()
    if args.json:
        print(_dump_json([dataclasses.asdict(e) for e in events]))
    elif not events:
        print("no events in the library")
    for event in [] if args.json else events:
        noun = "report" if event.count == 1 else "reports"
        print(f"  #{event.id:<5} {event.name}  ({event.count} {noun})")
    return EXIT_OK


def cmd_event(args: argparse.Namespace) -> int:
    """The figure matrix of one event's reports (engine/event.py)."""
    from reportdiff.engine.event import build_matrix
    from reportdiff.export.event import export_event

    out = args.output
    fmt = _output_format(args.format, out, as_json=False)
    with _library(args) as lib:
        events = lib.events()
        wanted = args.event.strip()
        event = next(
            (e for e in events if str(e.id) == wanted or e.name.casefold() == wanted.casefold()),
            None,
        )
        if event is None:
            names = ", ".join(f"#{e.id} {e.name}" for e in events) or "none yet"
            raise CliError(f"no event {wanted!r} in the library (events: {names})", EXIT_USAGE)
        summaries = lib.list_articles(event_id=event.id)
        reports = [lib.report(summary.id) for summary in summaries]
    if len(reports) < 2:
        raise CliError(f"event {event.name!r} holds {len(reports)} report(s): two are needed")
    matrix = build_matrix(reports)
    data: str | bytes
    if fmt == "pdf":
        if out is None or out == "-":
            raise CliError("PDF needs a file: add -o FILE.pdf", EXIT_USAGE)
        from reportdiff.export.event import event_pdf

        data = event_pdf(matrix, event.name)
    else:
        data = export_event(matrix, fmt, event.name)
    return _write_output(args, out, data, [])


def cmd_move(args: argparse.Namespace) -> int:
    """Put reports in an event, creating the event when there is none of that name."""
    with _library(args) as lib:
        articles = [_article_or_error(lib, i) for i in dict.fromkeys(args.ids)]
        try:
            event_id = lib.move_to_event(
                [a.id for a in articles], None if args.no_event else args.event
            )
        except ValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from exc
        name = None if event_id is None else lib.article(articles[0].id).event_name
    if args.json:
        print(_dump_json({"moved": [a.id for a in articles], "event_id": event_id, "event": name}))
        return EXIT_OK
    for article in articles:
        target = f"event {name}" if name else "no event"
        print(f"moved report #{article.id} “{article.title}” to {target}")
    return EXIT_OK


def _article_or_error(lib: Library, article_id: int) -> Article:
    try:
        return lib.article(article_id)
    except KeyError:
        raise CliError(f"no report with id {article_id} in the library") from None


def cmd_update(args: argparse.Namespace) -> int:
    """Replace a report's text with a newer version (file or web address)."""
    from reportdiff.store import DuplicateReport, ImportRefused, read_address
    from reportdiff.store.address import is_address
    from reportdiff.store.importer import read_import

    with _library(args) as lib:
        article = _article_or_error(lib, args.id)
        try:
            item = (
                read_address(args.source)
                if is_address(args.source)
                else read_import(Path(args.source))
            )
        except ImportRefused as exc:
            raise CliError(f"refused {exc}", EXIT_REFUSED) from None
        if item.content_hash == article.content_hash:
            raise CliError(f"report #{article.id} has that text already", EXIT_OK)
        try:
            lib.replace_text(article.id, item)
        except DuplicateReport as exc:
            raise CliError(
                f"that text is report #{exc.existing_id} already; "
                f"report #{article.id} is unchanged",
                EXIT_REFUSED,
            ) from None
    if args.json:
        print(_dump_json({"updated": article.id, "title": article.title, "words": item.words}))
    else:
        print(f"updated report #{article.id} “{article.title}” ({item.words} words)")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        try:
            article = lib.article(args.id)
        except KeyError:
            raise CliError(f"no report with id {args.id} in the library") from None
        if not args.yes:
            _confirm(f"Delete report #{article.id} “{article.title}”? [y/N] ")
        lib.delete_article(article.id)
    if args.json:
        print(_dump_json({"deleted": article.id, "title": article.title}))
    else:
        print(f"deleted report #{article.id} “{article.title}”")
    return EXIT_OK


def _confirm(question: str) -> None:
    if not sys.stdin.isatty():
        raise CliError("not deleting without asking: add --yes", EXIT_USAGE)
    try:
        answer = input(question)
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise CliError("nothing deleted", EXIT_OK)


# --- desktop launcher -------------------------------------------------------

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def resources_dir() -> Path | None:
    """resources/: the bundle's, else the checkout's, else the installed
    share/reportdiff/resources."""
    from reportdiff.store import bundled_share

    share = bundled_share()
    for candidate in (
        *([share / "resources"] if share else []),
        Path(__file__).resolve().parents[2] / "resources",
        Path(sys.prefix) / "share" / "reportdiff" / "resources",
    ):
        if (candidate / "reportdiff.desktop").is_file():
            return candidate
    return None


def _gui_program() -> Path | None:
    if getattr(sys, "frozen", False):
        # The standalone bundle: its one program starts the window without arguments.
        return Path(sys.executable).resolve()
    found = shutil.which("reportdiff-gui")
    candidates = [Path(found)] if found else []
    candidates += [
        Path(sys.executable).parent / "reportdiff-gui",
        Path(sys.argv[0]).parent / "reportdiff-gui",
    ]
    return next((p.resolve() for p in candidates if p.is_file()), None)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    resources, program = resources_dir(), _gui_program()
    if resources is None:
        raise CliError("cannot find ReportDiff's resources folder (reinstall ReportDiff)")
    if program is None:
        raise CliError("cannot find the reportdiff-gui program (install ReportDiff with pip first)")
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    try:
        written = _install_desktop_files(resources, program, data_home)
    except OSError as exc:
        raise CliError(
            f"cannot install the launcher: {exc.strerror or exc} ({exc.filename})"
        ) from exc
    if getattr(args, "json", False):
        print(_dump_json({"installed": [str(p) for p in written]}))
    else:
        print(f"installed the ReportDiff launcher: {written[0]}")
        print(f"and its icon in {len(written) - 1} sizes under {data_home / 'icons' / 'hicolor'}")
    return EXIT_OK


def _install_desktop_files(resources: Path, program: Path, data_home: Path) -> list[Path]:
    entry = data_home / "applications" / "reportdiff.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(_desktop_entry(resources / "reportdiff.desktop", program), encoding="utf-8")
    written = [entry]
    icons = resources / "icons"
    hicolor = data_home / "icons" / "hicolor"
    pairs = [
        (icons / f"reportdiff-{n}.png", hicolor / f"{n}x{n}" / "apps" / "reportdiff.png")
        for n in ICON_SIZES
    ]
    pairs.append((icons / "reportdiff.svg", hicolor / "scalable" / "apps" / "reportdiff.svg"))
    for source, target in pairs:
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    return written


def _desktop_entry(template: Path, program: Path) -> str:
    """The launcher with Exec/TryExec naming the installed program (quoted when needed)."""
    exec_value = f'"{program}"' if any(c in str(program) for c in ' "\\`$') else str(program)
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value}"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    sys.exit(main())
