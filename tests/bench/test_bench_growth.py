"""Growth on huge inputs: 20,000, 100,000 and 1,000,000 words a report.

ReportDiff (parse, compare with figures, render the window's HTML) against
difflib.HtmlDiff on the same generated pair, each in a process of its own so
that its time and peak memory are its own. A side that runs past the time
limit is reported as "> limit": its ratio is then a bound.

Run with `.venv/bin/python -m pytest tests/bench/test_bench_growth.py --benchmark-only -s`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parent / "growth_run.py"
LIMIT_S = 300


def _run(tool: str, words: int) -> dict[str, float] | None:
    try:
        done = subprocess.run(
            [sys.executable, str(RUNNER), tool, str(words)],
            capture_output=True,
            text=True,
            timeout=LIMIT_S,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# Each side may run LIMIT_S: the test as a whole needs longer than the suite's timeout.
@pytest.mark.timeout(2 * LIMIT_S + 60)
@pytest.mark.parametrize("words", [20_000, 100_000, 1_000_000])
def test_growth_against_htmldiff(benchmark, words: int) -> None:  # type: ignore[no-untyped-def]
    ours = benchmark.pedantic(_run, args=("reportdiff", words), rounds=1, iterations=1)
    peer = _run("htmldiff", words)
    assert ours is not None, f"ReportDiff ran past {LIMIT_S} s on {words:,} words"
    line = f"\n{words:>9,} words: ReportDiff {ours['seconds']:7.2f} s {ours['peak_mb']:6.0f} MB"
    if peer is None:
        line += f" | HtmlDiff > {LIMIT_S} s | ratio > {LIMIT_S / ours['seconds']:.1f}×"
    else:
        line += (
            f" | HtmlDiff {peer['seconds']:7.2f} s {peer['peak_mb']:6.0f} MB"
            f" | {peer['seconds'] / ours['seconds']:.1f}× faster,"
            f" {peer['peak_mb'] / ours['peak_mb']:.2f}× the memory ratio"
        )
    print(line)
