"""Work off the GUI thread: QRunnables that report through Qt signals.

Modelled on TagStudio's custom_runnable: a small QObject carries `finished`
and `failed`; a failure is always emitted (never printed and dropped) so the
window can show it. `Throttle` merges bursts of requests (quick selection
changes) into one call, like qutebrowser's misc/throttle.py.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reportdiff.engine.progress import Cancelled

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
        self._percent = -1

    def progress(self, done: int, total: int, name: str = "") -> None:
        self._signals.progress.emit(done, total, str(name))

    def engine_progress(self, stage: str, done: float) -> None:
        """The engine's `Progress` (engine/progress.py) for this job: raises
        Cancelled once the job is cancelled; reports once per percent."""
        if self._cancel.is_set():
            raise Cancelled
        percent = round(100 * done)
        if percent != self._percent:  # a signal per percent, not per tick
            self._percent = percent
            self._signals.progress.emit(percent, 100, stage)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Worker(QRunnable):
    """Runs a job's function on a pool thread and emits its result or its exception.

    No Python object of a job may die on the pool thread: one the GUI
    connected to (the job's `cancel` to a progress dialog's signal) is
    disconnected as it dies, and PySide does that holding Qt's connection
    lock while it waits for the GIL, which the GUI thread may hold while it
    waits for that lock: a deadlock, seen in the window's tests. So the
    runnable (deleted by the pool, on its thread) holds only a key; the job's
    objects, its result or exception too (a parsed document may be among
    them), live in `_running`, and the pool thread, once it has let go of
    them, tells the GUI thread through `_Reaper`, which drops them there.
    """

    def __init__(self, key: int) -> None:
        super().__init__()
        self._key = key
        self.setAutoDelete(True)

    def run(self) -> None:
        signals, job, fn, keep = _running[self._key]
        try:
            result = fn(job)
        except Exception as exc:  # emitted, shown by the window: never swallowed
            if not isinstance(exc, Cancelled):  # a stop the user asked for is no failure
                log.exception("background job failed")
            keep.append(exc)
            signals.failed.emit(exc)
        else:
            keep.append(result)
            signals.finished.emit(result)
            del result
        finally:
            del signals, job, fn, keep
            _reaper().done.emit(self._key)


class _Reaper(QObject):
    """Lives on the GUI thread for good; `done(key)` drops a finished job's objects."""

    done = Signal(int)


_running: dict[int, tuple[WorkerSignals, Job, Callable[[Job], Any], list[object]]] = {}
_the_reaper: list[_Reaper] = []
_keys = itertools.count(1)


def _reaper() -> _Reaper:
    return _the_reaper[0]


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
    if not _the_reaper:  # made on the GUI thread, by the first call
        reaper = _Reaper()
        reaper.done.connect(lambda key: _running.pop(key, None))
        _the_reaper.append(reaper)
    signals = WorkerSignals()
    job = Job(signals)
    key = next(_keys)
    _running[key] = (signals, job, fn, [])
    signals.finished.connect(_guarded(owner, on_finished))
    signals.failed.connect(_guarded(owner, on_failed))
    if on_progress is not None:
        signals.progress.connect(_guarded(owner, on_progress))
    QThreadPool.globalInstance().start(Worker(key))
    return job


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
