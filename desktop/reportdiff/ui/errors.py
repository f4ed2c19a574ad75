"""Unexpected errors: shown in a dialog and logged, never a silent exit.

`install()` sets `sys.excepthook` (PySide6 routes exceptions raised in slots
and virtual methods there) and `threading.excepthook`. The log file lives in
the user data folder (platformdirs) so a bug report can include it.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("reportdiff")

_LOG_NAME = "reportdiff.log"


def log_path() -> Path:
    """Where errors are logged: <user data folder>/reportdiff/reportdiff.log."""
    from platformdirs import user_data_path

    return user_data_path("reportdiff", appauthor=False) / _LOG_NAME


def setup_logging(path: Path | None = None) -> Path:
    """Log warnings and errors to `path` (default `log_path()`)."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    log.addHandler(handler)
    return path


def describe(exc: BaseException) -> str:
    """One line saying what happened, in the user's words where we can."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    show: bool = True,
) -> str:
    """Log an unexpected exception and tell the user; returns the logged text."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error:\n%s", text)
    sys.stderr.write(text)
    if show:
        _show_dialog(exc)
    return text


def _show_dialog(exc: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    QMessageBox.critical(
        QApplication.activeWindow(),
        "ReportDiff: unexpected error",
        f"Something went wrong that ReportDiff did not expect:\n\n{describe(exc)}\n\n"
        f"Your library is unchanged. The details were written to\n{log_path()}\n"
        "Please include that file if you report the problem.",
    )


def install() -> None:
    """Route uncaught exceptions (GUI thread and others) to `handle_exception`."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        handle_exception(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        # Dialogs must not be opened off the GUI thread: log only.
        if args.exc_value is not None:
            handle_exception(args.exc_type, args.exc_value, args.exc_traceback, show=False)

    sys.excepthook = hook
    threading.excepthook = thread_hook
