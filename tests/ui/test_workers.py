"""Jobs off the GUI thread (ui/workers.py): results arrive, nothing lingers or dies there."""

from __future__ import annotations

import threading
import weakref
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool

from reportdiff.ui import workers

pytestmark = pytest.mark.gui


def test_results_and_failures_arrive_on_the_gui_thread(qtbot: Any) -> None:
    arrived: list[tuple[object, bool]] = []
    gui = threading.current_thread()

    def note(value: object) -> None:
        arrived.append((value, threading.current_thread() is gui))

    for n in range(20):
        workers.start(lambda _job, n=n: n * 2, note, note)
    workers.start(lambda _job: 1 / 0, note, note)
    qtbot.waitUntil(lambda: len(arrived) == 21, timeout=10_000)
    assert sorted(v for v, _ in arrived if isinstance(v, int)) == [n * 2 for n in range(20)]
    assert any(isinstance(v, ZeroDivisionError) for v, _ in arrived)
    assert all(on_gui for _, on_gui in arrived)


def test_a_jobs_objects_are_released_on_the_gui_thread_and_not_kept(qtbot: Any) -> None:
    # A job's Python objects dying on a pool thread can deadlock PySide (see
    # Worker); the GUI thread lets go of them once the pool thread has.
    died_on: list[bool] = []
    gui = threading.current_thread()
    delivered: list[object] = []
    jobs = [workers.start(lambda _job: None, delivered.append, delivered.append) for _ in range(30)]
    for job in jobs:
        weakref.finalize(job, lambda: died_on.append(threading.current_thread() is gui))
    del jobs
    qtbot.waitUntil(lambda: len(delivered) == 30, timeout=10_000)
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: workers._running == {}, timeout=10_000)
    assert died_on  # released, not kept for ever
    assert all(died_on)  # and only ever on the GUI thread


class _Result:
    """A result a job hands to the GUI thread (the window's are parsed documents)."""


def test_results_die_on_the_gui_thread_even_when_nobody_keeps_them(qtbot: Any) -> None:
    gui = threading.current_thread()
    died_on: list[bool] = []
    delivered: list[int] = []

    def make(_job: workers.Job) -> _Result:
        result = _Result()
        weakref.finalize(result, lambda: died_on.append(threading.current_thread() is gui))
        return result

    for _ in range(20):
        workers.start(make, lambda _r: delivered.append(1), lambda _e: delivered.append(0))
    qtbot.waitUntil(lambda: len(delivered) == 20 and workers._running == {}, timeout=10_000)
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: len(died_on) == 20, timeout=5_000)
    assert all(died_on)
