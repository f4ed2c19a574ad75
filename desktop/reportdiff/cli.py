"""The `reportdiff` command: no argument starts the app; subcommands for scripts.

Exit codes: 0 ok, 1 some inputs refused (or a comparison/export failed),
2 usage error or a library that cannot be opened.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff.store import Article, ArticleSummary, ImportResult, Library

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
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="library file (default: $REPORTDIFF_DB or the user data folder)",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    # Window options (used when no command is given).
    parser.add_argument(
        "--compare", nargs=2, metavar=("A", "B"), help="open the window on this pair"
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="with --compare: save a screenshot and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("compare", help="compare two reports (files or library ids)")
    p.add_argument("a", help="report A: a file or a library id")
    p.add_argument("b", help="report B: a file or a library id")
    p.add_argument("--format", choices=COMPARE_FORMATS, default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE ('-' for stdout)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="for --format pdf")
    p.add_argument(
        "--boilerplate", action="store_true", help="include boilerplate paragraphs in HTML/PDF"
    )
    p.set_defaults(func=cmd_compare)
    _add_db_option(p)
    _add_library_commands(sub)
    return parser


def _add_db_option(p: argparse.ArgumentParser, *, json_output: bool = False) -> None:
    # SUPPRESS: a --db given before the command name is kept when none follows it.
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="library file")
    if json_output:
        p.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts"
        )


def _add_library_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import report files or folders (.txt, .md, .html)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    p.add_argument("--event", metavar="NAME", help="put the imported reports in this event")
    p.set_defaults(func=cmd_import)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("list", help="list the reports in the library")
    p.add_argument("--search", metavar="QUERY", help="only reports matching these words")
    p.add_argument("--event", metavar="NAME", help="only reports of this event")
    p.set_defaults(func=cmd_list)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("show", help="show one report with its details")
    p.add_argument("id", type=int, help="the report's id (see `reportdiff list`)")
    p.set_defaults(func=cmd_show)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("events", help="list the events and how many reports each holds")
    p.set_defaults(func=cmd_events)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("delete", help="delete a report from the library")
    p.add_argument("id", type=int, help="the report's id")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask first")
    p.set_defaults(func=cmd_delete)
    _add_db_option(p, json_output=True)

    p = sub.add_parser("install-desktop", help="add ReportDiff to the desktop's applications menu")
    p.set_defaults(func=cmd_install_desktop)


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
    except BrokenPipeError:
        # The reader went away (`reportdiff show 3 | head`): no traceback for that.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def gui_main() -> int:
    """Entry point of the `reportdiff-gui` script (no console on Windows)."""
    return main(sys.argv[1:] if len(sys.argv) > 1 else [])


def _start_gui(args: argparse.Namespace) -> int:
    if args.screenshot and not args.compare:
        print("reportdiff: --screenshot needs --compare A B", file=sys.stderr)
        return EXIT_USAGE
    from reportdiff.ui.app import run_app

    return int(run_app(db=args.db, compare=args.compare, screenshot=args.screenshot))


def library_path(args: argparse.Namespace) -> Path:
    """The library file: --db, else $REPORTDIFF_DB, else the user data folder."""
    from reportdiff.store import resolve_library_path

    return resolve_library_path(getattr(args, "db", None))


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
    from reportdiff.export import ExportError, export_comparison

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


# --- the library --------------------------------------------------------------


def _open_library(args: argparse.Namespace, *, create: bool = False) -> Library:
    from reportdiff.store import Library, LibraryError

    try:
        return Library.open(library_path(args), create=create)
    except LibraryError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc


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
    details = " · ".join(x for x in (item.outlet, item.published, f"{item.words} words") if x)
    return f"  #{item.id:<5} {item.title}  ({details})"


def cmd_import(args: argparse.Namespace) -> int:
    show_progress = sys.stderr.isatty() and not args.json
    with _library(args, create=True) as lib:
        result = lib.import_files(
            args.paths, event=args.event, progress=_print_progress if show_progress else None
        )
    if args.json:
        print(_dump_json(_import_json(lib, result)))
    else:
        _print_import(result)
    return EXIT_REFUSED if result.refused else EXIT_OK


def _print_progress(done: int, total: int, name: str) -> None:
    """A one-line counter on a terminal, for imports long enough to need one."""
    if total < 50 or (done % 25 and done != total):
        return
    end = "\n" if done == total else ""
    print(f"\rimporting {done}/{total}", end=end, file=sys.stderr, flush=True)


def _import_json(lib: Library, result: ImportResult) -> dict[str, object]:
    return {
        "library": str(lib.path),
        "imported": [_summary_json(item) for item in result.imported],
        "duplicates": [{"path": str(p), "existing_id": i} for p, i in result.duplicates],
        "refused": [{"path": str(r.path), "reason": r.reason} for r in result.refused],
    }


def _print_import(result: ImportResult) -> None:
    for item in result.imported:
        print(f"imported{_summary_line(item)}")
    for path, existing in result.duplicates:
        print(f"already in the library: {path} is report #{existing}")
    for refusal in result.refused:
        print(f"reportdiff: refused {refusal}", file=sys.stderr)
    print(
        f"{len(result.imported)} imported, {len(result.duplicates)} already in the library, "
        f"{len(result.refused)} refused"
    )


def cmd_list(args: argparse.Namespace) -> int:
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
    """resources/: the checkout's, else the installed share/reportdiff/resources."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "resources",
        Path(sys.prefix) / "share" / "reportdiff" / "resources",
    ):
        if (candidate / "reportdiff.desktop").is_file():
            return candidate
    return None


def _gui_program() -> Path | None:
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
