"""Starting the app: the QApplication, the library, the first window.

`run_app` is what `reportdiff` with no subcommand calls. Start-up stays
light: only what the first window needs is imported here (the engine's
figures, trafilatura and the PDF code load when first used).

Hidden for benchmarks: REPORTDIFF_EXIT_AFTER_PAINT=1 quits after the first
paint and prints "first paint after N.NNN s" (time since the process started).
REPORTDIFF_PALETTE=dark|light forces a palette (for screenshots of both).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QEventLoop, QIODevice, QObject, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from reportdiff.store import (
    DuplicateReport,
    ImportRefused,
    Library,
    LibraryError,
    resolve_library_path,
)
from reportdiff.ui import errors
from reportdiff.ui.main_window import MainWindow
from reportdiff.ui.settings import APPLICATION, ORGANISATION, open_settings
from reportdiff.ui.startup_check import can_load, window_problem

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# REPORTDIFF_SCREENSHOT_TIMEOUT_MS overrides it (tests of the time-out).
SCREENSHOT_TIMEOUT_MS = int(os.environ.get("REPORTDIFF_SCREENSHOT_TIMEOUT_MS", "60000"))
DISPOSE_WAIT_MS = 2000  # background work given to finish after the window closed
SCREENSHOT_SIZE = (1400, 860)
FIRST_PAINT_FALLBACK_MS = 1000

# The pair a new library opens on (A, B): two of the sample reports that
# `Library.seed_if_new` adds from seeds/, named by file. They disagree on a
# figure (the call lasted "more than 90 minutes" in A, "two and a half hours"
# in B), as the README's screenshot shows; the first two reports of the sample
# event agree on every figure, which shows nothing of what the app is for.
FIRST_PAIR_SEEDS = ("001_b09a5fa10f149ba2.txt", "003_f4d5323a934206aa.txt")
# How many reports of the first event are looked at for FIRST_PAIR_SEEDS (the
# sample event holds 5): a large event costs no more than this at start-up.
FIRST_PAIR_SCAN = 20


def process_age() -> float:
    """Seconds since this process started (Linux /proc; else since this module loaded)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _LOADED


_LOADED = time.monotonic()


def dark_palette() -> QPalette:
    """A readable dark palette for Fusion (used when REPORTDIFF_PALETTE=dark)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#34373c",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#34373c",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#8cc4ff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#777777"))
    return palette


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ReportDiff")
    forced = os.environ.get("REPORTDIFF_PALETTE", "").lower()
    if forced in ("dark", "light"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if forced == "dark" else app.style().standardPalette())
    return app


def resolve_report(library: Library, spec: str) -> int:
    """A library id, or a report file (imported first; an already stored one is reused)."""
    return _resolve(library, spec)[0]


def _resolve(library: Library, spec: str) -> tuple[int, str | None]:
    """The report's id, and "imported" or "stored" when `spec` was a file."""
    path = Path(spec)
    if not path.exists() and spec.isdigit():
        library.article(int(spec))  # KeyError when missing
        return int(spec), None
    result = library.import_files([path])
    if result.imported:
        return int(result.imported[0].id), "imported"
    if result.duplicates:
        return int(result.duplicates[0][1]), "stored"
    if result.refused:
        raise result.refused[0]
    raise ImportRefused(path, "no report found there")


def resolve_pair(library: Library, specs: list[str]) -> tuple[tuple[int, int], str]:
    """The two reports `--compare` names, and what the user should be told: files
    are imported into the library (a file stored already is reused), and say so."""
    (a, how_a), (b, how_b) = _resolve(library, specs[0]), _resolve(library, specs[1])
    imported = [
        Path(s).name for s, how in zip(specs, (how_a, how_b), strict=True) if how == "imported"
    ]
    stored = [Path(s).name for s, how in zip(specs, (how_a, how_b), strict=True) if how == "stored"]
    stored_names = " and ".join(stored)
    if imported:
        notice = f"Imported {' and '.join(imported)} into the library."
        if stored:
            verb = "were" if len(stored) > 1 else "was"
            notice = f"{notice[:-1]}; {stored_names} {verb} there already."
    else:
        notice = f"Already in the library: {stored_names}." if stored else ""
    return (a, b), notice


def initial_pair(library: Library, window: MainWindow) -> tuple[int, int] | None:
    """The pair the window opens on.

    The last pair when both reports still exist; else, in the first event with two
    reports or more, the sample pair FIRST_PAIR_SEEDS when that event holds it (a
    new library) or its first two reports; else the library's first two reports.
    """
    last = window.settings.last_pair()
    if last is not None:
        try:
            for report_id in last:
                library.article(report_id)
            return last
        except KeyError:
            pass
    for event in library.events():
        reports = library.list_articles(event_id=event.id, limit=FIRST_PAIR_SCAN)
        if len(reports) >= 2:
            return _sample_pair(library, [r.id for r in reports]) or (reports[0].id, reports[1].id)
    reports = library.list_articles(limit=2)
    return (reports[0].id, reports[1].id) if len(reports) == 2 else None


def _sample_pair(library: Library, report_ids: list[int]) -> tuple[int, int] | None:
    """The ids of the FIRST_PAIR_SEEDS files among `report_ids` (A, B), when both are there."""
    by_name: dict[str, int] = {}
    sources = library.source_paths(report_ids)  # one query, no report bodies
    for report_id in report_ids:
        source = sources.get(report_id)
        if source:
            by_name.setdefault(Path(source).name, report_id)
    a, b = (by_name.get(name) for name in FIRST_PAIR_SEEDS)
    return (a, b) if a is not None and b is not None else None


def open_on_pair(window: MainWindow, library: Library, pair: tuple[int, int]) -> None:
    """Select the event of report A in the library and compare the pair."""
    try:
        event_id = library.article(pair[0]).event_id
    except KeyError:
        return
    window.library_pane.select_event(event_id, chosen=False)  # imports stay out of it
    window.pickers.set_pair(*pair)


class _FirstPaint(QObject):
    """Quits after the window's first paint, printing the time since process start."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first paint after {process_age():.3f} s", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


NOTICE_MS = 15_000


def _tell_once_shown(window: MainWindow, notice: str) -> None:
    """Show `notice` in the status bar when the first comparison is on screen."""

    def tell() -> None:
        window.comparison_shown.disconnect(tell)
        window.statusBar().showMessage(notice, NOTICE_MS)

    window.comparison_shown.connect(tell)


def _open_after_first_paint(window: MainWindow, library: Library, pair: tuple[int, int]) -> None:
    """Compare `pair` once the window is painted, so the comparison never delays it.

    A timer backs the paint signal up: a window that is never painted (minimised,
    an unusual platform) still gets its comparison. Both die with the window.
    """
    fallback = QTimer(window)
    fallback.setSingleShot(True)

    def start() -> None:
        if not window.pair():
            open_on_pair(window, library, pair)

    window.first_painted.connect(start)
    fallback.timeout.connect(start)
    fallback.start(FIRST_PAINT_FALLBACK_MS)


def _take_screenshot(
    window: MainWindow, target: str, keep: Mapping[str, Path | str | None]
) -> None:
    """Save the window as a PNG through the atomic writer: never over the library or an input."""
    from reportdiff.export.atomic import write_atomic

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = window.grab().save(buffer, "PNG")
    buffer.close()
    try:
        if not ok:
            raise OSError(0, "the picture could not be made")
        write_atomic(Path(target), bytes(buffer.data().data()), keep=keep)
    except OSError as exc:
        print(f"reportdiff: cannot save the screenshot: {exc.strerror or exc}", file=sys.stderr)
        QApplication.exit(EXIT_FAILED)
        return
    QApplication.exit(EXIT_OK)


def _screenshot_failed(what: str) -> None:
    # A script waits for us: say what went wrong and stop, no dialog to click.
    print(f"reportdiff: {what}", file=sys.stderr)
    QApplication.exit(EXIT_FAILED)


def _screenshot_timeout() -> None:
    print("reportdiff: the comparison did not appear in time; no screenshot", file=sys.stderr)
    QApplication.exit(EXIT_FAILED)


def run_app(
    db: str | None,
    compare: list[str] | None,
    screenshot: str | None,
    keep: Mapping[str, Path | str | None] | None = None,
) -> int:
    """Start the window on library `db`, optionally on a pair, optionally screenshot and exit.

    `keep` names files the screenshot must never replace; the library always is one.
    A real window is first checked for what Qt's X11 plugin needs: when a display or
    a system library is missing, one message says so and the exit code is 2 (Qt
    itself would abort the process). A screenshot run is left to Qt.
    """
    if not screenshot:
        problem = window_problem(os.environ, can_load, sys.platform)
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    app = make_application()
    if not os.environ.get("PYTEST_CURRENT_TEST"):
        errors.setup_logging()
        errors.install()
    try:
        library = Library.open(resolve_library_path(db))
    except LibraryError as exc:
        _startup_error(
            str(exc),
            "Choose another file with --db PATH, or move this one aside.",
            ask=not screenshot,
        )
        return EXIT_USAGE
    try:
        keep = {**(keep or {}), "the library": library.path}
        return _run_window(app, library, compare, screenshot, keep)
    finally:
        library.close()


def _run_window(
    app: QApplication,
    library: Library,
    compare: list[str] | None,
    screenshot: str | None,
    keep: Mapping[str, Path | str | None],
) -> int:
    try:
        library.seed_if_new()
    except LibraryError as exc:  # the samples are a convenience: the app still opens
        print(f"reportdiff: the sample reports were not added: {exc}", file=sys.stderr)
    pair: tuple[int, int] | None = None
    notice = ""
    if compare:  # files to compare are imported before the window lists the library
        try:
            pair, notice = resolve_pair(library, compare)
        except KeyError as exc:
            return _startup_error(
                f"no report with id {exc.args[0]} in the library", "", ask=not screenshot
            )
        except (ImportRefused, DuplicateReport, LibraryError) as exc:
            return _startup_error(str(exc), "", ask=not screenshot)
    window = MainWindow(library, open_settings(), restore_layout=not screenshot)
    if not compare:
        pair = initial_pair(library, window)
    if screenshot:
        _prepare_screenshot(window, screenshot, keep)
    if os.environ.get("REPORTDIFF_EXIT_AFTER_PAINT"):
        watcher = _FirstPaint(window)
        window.installEventFilter(watcher)
    if pair is not None:
        _open_after_first_paint(window, library, pair)
    if notice:
        _tell_once_shown(window, notice)
    window.show()
    code = app.exec()
    if not screenshot:  # a scripted screenshot leaves the user's settings alone
        window.save_settings()
    _dispose(window)
    return int(code)


def _prepare_screenshot(
    window: MainWindow, target: str, keep: Mapping[str, Path | str | None]
) -> None:
    """Screenshot mode: a fixed size, no dialogs, one picture once the comparison shows."""
    # A fixed size: the same picture on every machine, whatever was remembered.
    window.resize(*SCREENSHOT_SIZE)
    window.remember = False
    window.work_failed.connect(_screenshot_failed)
    # Timers are the window's children: none fires after run_app has returned.
    shoot, give_up = QTimer(window), QTimer(window)
    shoot.setSingleShot(True)
    shoot.timeout.connect(lambda: _take_screenshot(window, target, keep))
    give_up.setSingleShot(True)
    give_up.timeout.connect(_screenshot_timeout)
    window.comparison_shown.connect(lambda: shoot.start(150))
    give_up.start(SCREENSHOT_TIMEOUT_MS)


def _dispose(window: MainWindow) -> None:
    """Let background work finish and delete the window with its timers."""
    from PySide6.QtCore import QThreadPool

    window.remember = False
    window.shut_down()
    # Closing the last window would ask the application to quit again after its event
    # loop has ended, which makes every later event loop return at once (tests run
    # more than one app session in a process).
    quit_on_close = QApplication.quitOnLastWindowClosed()
    QApplication.setQuitOnLastWindowClosed(False)
    try:
        # Bounded: a comparison of two huge reports cannot be interrupted in the
        # middle; the caller ends the process instead of waiting for it (see
        # `work_still_running`).
        QThreadPool.globalInstance().waitForDone(DISPOSE_WAIT_MS)
        _drain()  # results of finished jobs (delivered to a live window), a pending quit
        window.close()
        window.deleteLater()
        _drain()
    finally:
        QApplication.setQuitOnLastWindowClosed(quit_on_close)


def work_still_running() -> bool:
    """Whether background work (a long comparison) outlived the window."""
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount() > 0


def _drain() -> None:
    """Deliver pending events inside a short event loop of their own.

    Outside any loop a pending Quit would mark the thread as quitting, and every
    event loop started later would return at once.
    """
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def _startup_error(what: str, todo: str, *, ask: bool = True) -> int:
    """Say why the window cannot open: on stderr, and in a dialog for a person.

    A scripted run (`--screenshot`) gets no dialog: nobody is there to close it.
    """
    print(f"reportdiff: {what}", file=sys.stderr)
    if ask and not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        QMessageBox.critical(None, "ReportDiff", f"{what}\n\n{todo}".strip())
    return EXIT_USAGE
