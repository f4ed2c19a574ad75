"""Work off the GUI thread: QRunnables that report through Qt signals.

Modelled on TagStudio's custom_runnable: a small QObject carries `finished`
and `failed`; a failure is always emitted (never printed and dropped) so the
window can show it. `Throttle` merges bursts of requests (quick selection
changes) into one call, like qutebrowser's misc/throttle.py.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals of one job; they arrive on the GUI thread (queued connection)."""

    finished = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)  # done, total, name


class Job:
    """What a job's function gets: progress reporting and a cancel flag."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, name: str = "") -> None:
        self._signals.progress.emit(done, total, str(name))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Worker(QRunnable):
    """Runs `fn(job)` on a pool thread and emits its result or its exception."""

    def __init__(self, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self.job = Job(self.signals)
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(self.job)
        except Exception as exc:  # emitted, shown by the window: never swallowed
            log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[WorkerSignals] = set()


def start(
    fn: Callable[[Job], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    *,
    owner: QObject | None = None,
) -> Job:
    """Start `fn` on the global pool; callbacks run on the GUI thread.

    With `owner`, callbacks are skipped once the owner is deleted (a window
    closed while its job ran).
    """
    worker = Worker(fn)
    signals = worker.signals
    # Keep the signals object alive until its result has been delivered.
    _running.add(signals)
    signals.finished.connect(_guarded(owner, on_finished))
    signals.failed.connect(_guarded(owner, on_failed))
    if on_progress is not None:
        signals.progress.connect(_guarded(owner, on_progress))
    signals.finished.connect(lambda _r: _running.discard(signals))
    signals.failed.connect(lambda _e: _running.discard(signals))
    QThreadPool.globalInstance().start(worker)
    return worker.job


def _guarded(owner: QObject | None, callback: Callable[..., None]) -> Callable[..., None]:
    if owner is None:
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


class Throttle(QObject):
    """Calls `fn` once, `delay_ms` after the last of a burst of `request()`s."""

    def __init__(self, fn: Callable[[], None], delay_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(fn)

    def request(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Run a pending call now (tests, and Enter in a search box)."""
        if self._timer.isActive():
            self._timer.stop()
            self._timer.timeout.emit()

    def pending(self) -> bool:
        return self._timer.isActive()
