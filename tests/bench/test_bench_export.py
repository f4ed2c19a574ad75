"""Export benchmarks: seeds 001 × 003 to HTML (≤ 50 ms) and PDF (≤ 1 s).

Each runs beside a peer in the same process, difflib.HtmlDiff on the same
paragraphs, and records the ratio. Run with
`.venv/bin/pytest tests/bench/test_bench_export.py --benchmark-only`.
"""

from __future__ import annotations

import difflib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reportdiff.engine import compare
from reportdiff.engine.model import Comparison
from reportdiff.engine.segment import parse_report
from reportdiff.export import export_comparison

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HTML_TARGET_S = 0.050
PDF_TARGET_S = 1.0


def seed(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(parse_report(seed("001")), parse_report(seed("003")))


def peer(comparison: Comparison) -> str:
    """difflib's side-by-side HTML table of the same paragraphs."""
    a = [p.text for p in comparison.a.paragraphs]
    b = [p.text for p in comparison.b.paragraphs]
    return difflib.HtmlDiff(wrapcolumn=60).make_file(a, b, "A", "B")


def median_seconds(fn: Callable[[], object], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def test_bench_html(benchmark, comparison: Comparison) -> None:  # type: ignore[no-untyped-def]
    html = benchmark(export_comparison, comparison, "html")
    assert "more than 90 minutes" in html
    ours = benchmark.stats.stats.median
    theirs = median_seconds(lambda: peer(comparison))
    benchmark.extra_info.update(peer_difflib_s=theirs, ratio_to_peer=ours / theirs)
    print(
        f"\nHTML export {ours * 1e3:.1f} ms; difflib.HtmlDiff {theirs * 1e3:.1f} ms; "
        f"ratio {ours / theirs:.2f}"
    )
    assert ours <= HTML_TARGET_S


@pytest.mark.gui
def test_bench_pdf(benchmark, qapp, comparison: Comparison) -> None:  # type: ignore[no-untyped-def]
    pdf = benchmark.pedantic(
        export_comparison, args=(comparison, "pdf"), rounds=5, iterations=1, warmup_rounds=1
    )
    assert pdf.startswith(b"%PDF")
    ours = benchmark.stats.stats.median
    theirs = median_seconds(lambda: peer(comparison))
    benchmark.extra_info.update(peer_difflib_s=theirs, ratio_to_peer=ours / theirs)
    print(
        f"\nPDF export {ours * 1e3:.0f} ms; difflib.HtmlDiff {theirs * 1e3:.1f} ms; "
        f"ratio {ours / theirs:.1f}"
    )
    assert ours <= PDF_TARGET_S
