"""What figure extraction and pairing add to a comparison (seeds 001 × 003).

Reported as a ratio to its peer, the same comparison with figures=False, run
side by side in this process; the cache is cleared before every run. Run with
`.venv/bin/pytest tests/bench/test_bench_figures.py --benchmark-only`.
"""

from __future__ import annotations

import gc
import importlib
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from reportdiff.engine.model import Comparison, Report
from reportdiff.engine.segment import parse_report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ROUNDS = 15
pipeline = importlib.import_module("reportdiff.engine.compare")


def _seed(prefix: str) -> Report:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_report(path.read_text(encoding="utf-8"))


def _compare(a: Report, b: Report, figures: bool) -> Comparison:
    pipeline.clear_cache()
    result: Comparison = pipeline.compare(a, b, figures=figures)
    return result


def _best_of_both(a: Report, b: Report) -> tuple[float, float]:
    """Best times without and with figures, run in turns so that a noisy spell
    of the machine falls on both alike."""
    best = {False: float("inf"), True: float("inf")}
    gc.collect()
    gc.disable()  # as timeit does: a collection's pause belongs to neither
    try:
        for _ in range(ROUNDS):
            for figures in (False, True):
                start = time.perf_counter()
                _compare(a, b, figures)
                best[figures] = min(best[figures], time.perf_counter() - start)
    finally:
        gc.enable()
    return best[False], best[True]


@pytest.mark.parametrize("pair", [("001", "003")])
def test_figures_cost(benchmark: BenchmarkFixture, pair: tuple[str, str]) -> None:
    a, b = _seed(pair[0]), _seed(pair[1])
    _compare(a, b, True)  # warm-up: lazy imports, compiled patterns
    result = benchmark.pedantic(_compare, args=(a, b, True), rounds=ROUNDS, warmup_rounds=1)
    peer, with_figures = _best_of_both(a, b)
    benchmark.extra_info["ratio_to_no_figures"] = round(with_figures / peer, 3)
    benchmark.extra_info["added_ms"] = round((with_figures - peer) * 1000, 2)
    benchmark.extra_info["figures_stage_ms"] = round(result.timings["figures"] * 1000, 2)
    print(
        f"\nfigures on {pair[0]}×{pair[1]}: {with_figures * 1000:.1f} ms vs {peer * 1000:.1f} ms "
        f"without (ratio {with_figures / peer:.3f}, +{(with_figures - peer) * 1000:.1f} ms)"
    )
    assert result.differing_figures  # the benchmark measured a comparison that found figures


def test_figures_stage_costs_no_more_than_alignment_and_word_diff(
    benchmark: BenchmarkFixture,
) -> None:
    """Issue 13's bar: the figures stage, against alignment and word diff
    together, each stage's best time over the same runs (the cache cleared)."""
    a, b = _seed("001"), _seed("003")
    _compare(a, b, True)  # warm-up: lazy imports, compiled patterns
    best: dict[str, float] = {}
    gc.collect()
    gc.disable()
    try:
        for _ in range(ROUNDS * 2):
            for stage, seconds in _compare(a, b, True).timings.items():
                best[stage] = min(best.get(stage, float("inf")), seconds)
    finally:
        gc.enable()
    benchmark.pedantic(_compare, args=(a, b, True), rounds=3, warmup_rounds=0)
    peer = best["align"] + best["worddiff"]
    ratio = best["figures"] / peer
    benchmark.extra_info["figures_to_align_and_worddiff"] = round(ratio, 3)
    print(
        f"\nfigures stage {best['figures'] * 1000:.1f} ms vs alignment + word diff "
        f"{peer * 1000:.1f} ms (ratio {ratio:.2f})"
    )
    assert ratio <= 1.0
