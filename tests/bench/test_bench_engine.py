"""Engine speed, side by side with a peer in the same run.

Run with `.venv/bin/pytest tests/bench --benchmark-only -s` (skipped by default).
"""

from __future__ import annotations

import difflib
import gc
import random
import time
from pathlib import Path

import pytest

from reportdiff.engine import Report, compare, parse_report
from reportdiff.engine.compare import clear_cache

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _fresh_compare(a: Report, b: Report, figures: bool = True) -> object:
    clear_cache()  # measure the work, not the cache
    return compare(a, b, figures=figures)


def _best_of(fn, rounds: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _best_of_interleaved(fns, rounds: int = 15) -> list[float]:  # type: ignore[no-untyped-def]
    """The best time of each function, run in turns: a noisy spell of the machine
    falls on all of them alike rather than on one."""
    best = [float("inf")] * len(fns)
    gc.collect()
    gc.disable()  # as timeit does: a collection's pause belongs to neither
    try:
        for _ in range(rounds):
            for k, fn in enumerate(fns):
                t0 = time.perf_counter()
                fn()
                best[k] = min(best[k], time.perf_counter() - t0)
    finally:
        gc.enable()
    return best


def _generated_report(words: int, rng: random.Random, vocabulary: list[str]) -> list[str]:
    """Paragraphs of Zipf-distributed pseudo-words, sentences of 10-25 words."""
    weights = [1 / (k + 1) for k in range(len(vocabulary))]
    paragraphs, total = [], 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            n = rng.randint(10, 25)
            sentence = rng.choices(vocabulary, weights, k=n)
            sentences.append(" ".join(sentence).capitalize() + ".")
            total += n
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _paraphrase(paragraphs: list[str], rng: random.Random, vocabulary: list[str]) -> list[str]:
    """Reorder, drop 15% of paragraphs, replace 25% of words, add some new ones."""
    out = []
    for p in paragraphs:
        if rng.random() < 0.15:
            continue
        out.append(
            " ".join(w if rng.random() > 0.25 else rng.choice(vocabulary) for w in p.split())
        )
    rng.shuffle(out)
    return out


def generated_texts(words: int, seed: int = 7) -> tuple[str, str]:
    """A generated report of `words` words and a paraphrase of it."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choices("abcdefghiklmnoprstuvw", k=rng.randint(3, 10))) for _ in range(4000)
    ]
    a = _generated_report(words, rng, vocabulary)
    b = _paraphrase(a, rng, vocabulary)
    return "\n\n".join(a), "\n\n".join(b)


def generated_pair(words: int, seed: int = 7) -> tuple[Report, Report]:
    text_a, text_b = generated_texts(words, seed)
    return parse_report(text_a), parse_report(text_b)


def test_seeds_against_difflib_htmldiff(benchmark) -> None:  # type: ignore[no-untyped-def]
    a = parse_report((SEEDS / "001_b09a5fa10f149ba2.txt").read_text(encoding="utf-8"))
    b = parse_report((SEEDS / "003_f4d5323a934206aa.txt").read_text(encoding="utf-8"))
    lines_a = [p.text for p in a.paragraphs]
    lines_b = [p.text for p in b.paragraphs]
    benchmark.pedantic(_fresh_compare, args=(a, b), rounds=10, iterations=1)
    ours, peer = _best_of_interleaved(
        [lambda: _fresh_compare(a, b), lambda: difflib.HtmlDiff().make_table(lines_a, lines_b)]
    )
    ratio = peer / ours
    print(
        f"\nseeds 001×003: engine {ours * 1000:.1f} ms, "
        f"difflib.HtmlDiff {peer * 1000:.1f} ms, {ratio:.1f}× faster"
    )
    assert ratio >= 5


def test_two_10k_word_reports(benchmark) -> None:  # type: ignore[no-untyped-def]
    a, b = generated_pair(10_000)
    benchmark.pedantic(_fresh_compare, args=(a, b, False), rounds=3, iterations=1)
    seconds = _best_of(lambda: _fresh_compare(a, b, figures=False), rounds=3)
    print(f"\n10,000 words each: {seconds * 1000:.0f} ms")
    assert seconds < 0.5


@pytest.mark.parametrize("words", [1_000, 2_000, 5_000, 10_000, 20_000])
def test_growth(benchmark, words: int) -> None:  # type: ignore[no-untyped-def]
    a, b = generated_pair(words)
    result = benchmark.pedantic(_fresh_compare, args=(a, b, False), rounds=2, iterations=1)
    seconds = _best_of(lambda: _fresh_compare(a, b, figures=False), rounds=2)
    per_k = seconds / (words / 1000) * 1000
    print(
        f"\n{words:>6} words: {len(a.paragraphs):>4}×{len(b.paragraphs):<4} paragraphs "
        f"{seconds * 1000:7.0f} ms  ({per_k:.1f} ms per 1k words)"
    )
    assert result is not None
