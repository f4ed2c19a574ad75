"""Start-up, pair switching and library scrolling of the window.

Run with `.venv/bin/pytest tests/bench/test_bench_startup.py --benchmark-only`.
Each benchmark runs a peer side by side and records the ratio in extra_info:
start-up against a bare `python -c "from PySide6 import QtWidgets"`, a pair
switch against setting the same HTML in a bare QTextBrowser, a library page
fetch against reading the same page from the store directly.

A pair switch is timed from a settled window, as a reader meets it: Qt lays
out the rest of the previous comparison in idle time after showing its first
screen, so switches fired back to back also pay for that leftover layout
(reported as "back to back", not held to the target).

Targets (issue 5): first painted window ≤ 1.5 s with 10,000 reports; a pair
switch repaints in ≤ 100 ms; the 100,000-report library scrolls smoothly.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reportdiff.store import Library
from reportdiff.store.importer import prepare_text

REPORTDIFF = Path(sys.executable).with_name("reportdiff")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _fill(path: Path, n: int) -> Path:
    texts = (
        prepare_text(
            f"Report {i} on the flood in town {i % 97}\n\n"
            f"The river rose {i} cm overnight, officials said on Monday.\n\n"
            f"Residents of district {i % 13} were told to leave their homes.",
            title=None,
        )
        for i in range(n)
    )
    with Library.open(path) as library:
        library.seed_if_new(SEEDS)
        library.add_many(texts, event="Flood")
    return path


@pytest.fixture(scope="module")
def library_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _fill(tmp_path_factory.mktemp("lib10k") / "library.db", 10_000)


@pytest.fixture(scope="module")
def library_100k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _fill(tmp_path_factory.mktemp("lib100k") / "library.db", 100_000)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REPORTDIFF_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(tmp / "config"),  # the user's settings stay untouched
        XDG_DATA_HOME=str(tmp / "data"),
    )
    return env


def _wall(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, check=True)
    return time.perf_counter() - start, done.stdout


def test_startup_to_first_paint_10k(benchmark: Any, library_10k: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    app_cmd = [str(REPORTDIFF), "--db", str(library_10k)]
    peer_cmd = [sys.executable, "-c", "from PySide6 import QtWidgets"]
    _wall(app_cmd, env)  # warm the OS file cache for both, as a second start would be
    _wall(peer_cmd, env)
    paints: list[float] = []
    peers: list[float] = []

    def start_once() -> None:
        _, out = _wall(app_cmd, env)
        match = re.search(r"first paint after ([0-9.]+) s", out)
        assert match, out
        paints.append(float(match.group(1)))
        peers.append(_wall(peer_cmd, env)[0])

    benchmark.pedantic(start_once, rounds=5, iterations=1)
    paint, peer = sorted(paints)[len(paints) // 2], sorted(peers)[len(peers) // 2]
    benchmark.extra_info.update(
        first_paint_s=round(paint, 3),
        bare_pyside_import_s=round(peer, 3),
        ratio=round(paint / peer, 2),
    )
    print(
        f"\nfirst paint {paint:.3f} s · bare PySide6 import {peer:.3f} s · ratio {paint / peer:.2f}"
    )
    assert paint <= 1.5


@pytest.mark.gui
def test_pair_switch_repaint(
    benchmark: Any, qtbot: Any, library: Any, no_stray_threads: None
) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from reportdiff.engine.compare import clear_cache
    from reportdiff.ui.main_window import MainWindow
    from reportdiff.ui.settings import open_settings

    window = MainWindow(library, open_settings())
    qtbot.addWidget(window)
    window.show()
    ids = [s.id for s in library.list_articles()]
    every = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]  # the 10 seed pairs
    pairs = every[:3]  # revisited: their documents stay laid out in the view
    clear_cache()
    first = time.perf_counter()
    _switch(qtbot, window, pairs[0])
    uncached = time.perf_counter() - first
    for pair in every:  # every comparison computed once (the engine's cache)
        _switch(qtbot, window, pair)
    # A pair whose document the view no longer keeps (more pairs than it keeps
    # lie between two visits): parsed on the pool, laid out anew.
    fresh, back_to_back = [], []
    for pair in every * 2:
        _settle(qtbot, window)
        start = time.perf_counter()
        _switch(qtbot, window, pair)
        fresh.append(time.perf_counter() - start)
    for pair in every * 2:
        start = time.perf_counter()
        _switch(qtbot, window, pair)
        back_to_back.append(time.perf_counter() - start)
    fresh_median = statistics.median(fresh)
    for pair in pairs:
        _switch(qtbot, window, pair)
    turn = iter(range(10**6))

    def switch() -> None:
        _switch(qtbot, window, pairs[next(turn) % len(pairs)])

    benchmark.pedantic(switch, setup=lambda: _settle(qtbot, window), rounds=15, iterations=1)
    peer = QTextBrowser()
    qtbot.addWidget(peer)
    peer.resize(window.view.size())
    peer.show()
    html = window.view.toHtml()
    start = time.perf_counter()
    for _ in range(5):
        peer.setHtml(html)
        peer.repaint()
    bare = (time.perf_counter() - start) / 5
    median = benchmark.stats.stats.median
    benchmark.extra_info.update(
        median_s=round(median, 4),
        fresh_median_s=round(fresh_median, 4),
        bare_sethtml_s=round(bare, 4),
        ratio=round(median / bare, 2),
        fresh_ratio=round(fresh_median / bare, 2),
        first_uncached_s=round(uncached, 4),
        back_to_back_median_s=round(statistics.median(back_to_back), 4),
    )
    in_a_row = statistics.median(back_to_back)
    print(
        f"\npair switch, revisited pair {median * 1000:.1f} ms · pair not shown lately "
        f"{fresh_median * 1000:.1f} ms (back to back {in_a_row * 1000:.1f} ms) · "
        f"uncached first {uncached * 1000:.0f} ms · bare setHtml {bare * 1000:.1f} ms · "
        f"ratios {median / bare:.2f} / {fresh_median / bare:.2f}"
    )
    assert median <= 0.100
    assert fresh_median <= 0.100


def _settle(qtbot: Any, window: Any) -> None:
    """Let the window finish its idle work (the rest of the shown document's layout)."""
    layout = window.view.document().documentLayout()
    height = -1.0
    while layout.documentSize().height() != height:
        height = layout.documentSize().height()
        qtbot.wait(50)


def _switch(qtbot: Any, window: Any, pair: tuple[int, int]) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.pickers.set_pair(*pair)
    window.repaint()


@pytest.mark.gui
def test_library_scroll_100k(benchmark: Any, qtbot: Any, library_100k: Path) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from reportdiff.ui.library_model import PAGE, LibraryModel

    with Library.open(library_100k, create=False) as library:
        start = time.perf_counter()
        model = LibraryModel(library)
        opened = time.perf_counter() - start
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.verticalHeader().setDefaultSectionSize(20)
        view.resize(600, 600)
        view.show()
        bar = view.verticalScrollBar()

        def scroll_a_screen() -> None:
            # One screen down, as Page Down does; at the end of what is loaded the
            # view asks the model for the next page.
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
            QApplication.processEvents()  # the view's delayed layout after a fetched page
            view.repaint()

        benchmark.pedantic(scroll_a_screen, rounds=60, iterations=1)
        start = time.perf_counter()
        deep = library.list_articles(limit=PAGE, offset=model.total() - PAGE)
        deep_page = time.perf_counter() - start
        assert len(deep) == PAGE
        median = benchmark.stats.stats.median
        benchmark.extra_info.update(
            total=model.total(),
            loaded=model.rowCount(),
            open_s=round(opened, 4),
            median_step_s=round(median, 4),
            deepest_page_fetch_s=round(deep_page, 4),
        )
        print(
            f"\n100k library: open {opened * 1000:.0f} ms · scroll step {median * 1000:.1f} ms · "
            f"loaded {model.rowCount()} of {model.total()} · deepest page {deep_page * 1000:.0f} ms"
        )
        assert PAGE < model.rowCount() < model.total()  # pages were fetched, lazily
        assert opened < 0.5
        assert median < 0.1
