"""A comparison tells how far it has come, and stops when asked (engine/progress.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.engine import compare, parse_report
from reportdiff.engine.compare import clear_cache
from reportdiff.engine.progress import Cancelled
from reportdiff.store import read_report_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seeds() -> tuple[object, object]:
    return (
        read_report_file(SEEDS / "001_b09a5fa10f149ba2.txt"),
        read_report_file(SEEDS / "003_f4d5323a934206aa.txt"),
    )


def test_progress_goes_through_the_stages_to_the_end() -> None:
    clear_cache()
    a, b = _seeds()
    seen: list[tuple[str, float]] = []
    compare(a, b, progress=lambda stage, done: seen.append((stage, done)))  # type: ignore[arg-type]
    stages = list(dict.fromkeys(stage for stage, _ in seen))
    assert stages == ["Comparing figures", "Marking words", "Compared"]  # short: no align ticks
    fractions = [done for _, done in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_a_long_alignment_reports_its_progress_too() -> None:
    clear_cache()
    told = [f"Sentence {n} tells of town {n % 97} and river {n % 89}." for n in range(400)]
    retold = [f"Town {n % 97} and river {n % 89}, says sentence {n}." for n in range(400)]
    a = parse_report("\n\n".join(told))
    b = parse_report("\n\n".join(reversed(retold)))
    seen: list[str] = []
    compare(a, b, figures=False, progress=lambda stage, done: seen.append(stage))
    assert "Aligning paragraphs" in seen


def test_a_stopped_comparison_raises_and_caches_nothing() -> None:
    clear_cache()
    a, b = _seeds()

    def stop_at_words(stage: str, done: float) -> None:
        if stage == "Marking words":
            raise Cancelled

    with pytest.raises(Cancelled):
        compare(a, b, progress=stop_at_words)  # type: ignore[arg-type]
    stopped_again: list[str] = []
    # Not cached: asked again, the work is done again (and followed to its end).
    compare(a, b, progress=lambda stage, done: stopped_again.append(stage))  # type: ignore[arg-type]
    assert stopped_again[-1] == "Compared"
