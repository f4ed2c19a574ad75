"""The event matrix: ten reports of 440 to 1,540 words (the samples, each twice),
cold and from the cache, against the 45 pair comparisons it is made of."""

from __future__ import annotations

import itertools
import random
import time
from pathlib import Path

from reportdiff.engine import compare, parse_report
from reportdiff.engine.compare import clear_cache
from reportdiff.engine.event import build_matrix

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _reports() -> list[object]:
    """The five sample reports and a retelling of each (paragraphs in another
    order, a figure changed): ten real-sized reports of one event."""
    rng = random.Random(11)
    reports = []
    for k, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        head, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        retold = "\n\n".join([head, *paragraphs]).replace("30", "28", 1)
        reports.append(parse_report(text, published=f"2025-03-{18 + k % 2:02d}"))
        reports.append(parse_report(retold, published=f"2025-03-{19 + k % 2:02d}"))
    return reports


def test_ten_reports_cold_and_cached(benchmark) -> None:  # type: ignore[no-untyped-def]
    reports = _reports()

    def cold() -> object:
        clear_cache()
        return build_matrix(reports)  # type: ignore[arg-type]

    def pairs() -> None:
        clear_cache()
        for a, b in itertools.combinations(reports, 2):
            compare(a, b)  # type: ignore[arg-type]

    benchmark.pedantic(cold, rounds=2, iterations=1)
    t_cold = min(_timed(cold) for _ in range(2))
    t_pairs = min(_timed(pairs) for _ in range(2))
    cold()
    t_cached = min(_timed(lambda: build_matrix(reports)) for _ in range(3))  # type: ignore[arg-type]
    print(
        f"\n10 reports of 440-1,540 words: matrix cold {t_cold:.2f} s, from cache {t_cached:.3f} s;"
        f" the 45 pair comparisons alone {t_pairs:.2f} s (ratio {t_cold / t_pairs:.2f})"
    )
    assert t_cold <= 3.0
    assert t_cached <= 0.3


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0
