"""The `--format text` view (export/text.py)."""

from __future__ import annotations

from pathlib import Path

from reportdiff.engine import compare_texts
from reportdiff.export.text import render_text

DATA = Path(__file__).resolve().parents[1] / "engine" / "data"


def _quake_text() -> str:
    a = (DATA / "quake_a.txt").read_text(encoding="utf-8")
    b = (DATA / "quake_b.txt").read_text(encoding="utf-8")
    return render_text(compare_texts(a, b, figures=False))


def test_header_names_both_reports_and_the_summary() -> None:
    lines = _quake_text().splitlines()
    assert lines[0].startswith("A: Strong Earthquake Shakes Northern Chile")
    assert lines[1].startswith("B: Deadly 7.1 quake hits")
    assert " linked · " in lines[2]


def test_words_only_one_side_has_are_marked() -> None:
    text = _quake_text()
    assert "[-" in text
    assert "-]" in text
    assert "{+" in text
    assert "+}" in text


def test_unmatched_and_boilerplate_are_listed() -> None:
    text = _quake_text()
    assert "only in A" in text
    assert "only in B" in text
    assert "Boilerplate in A (not compared)" in text
    assert "Leave a Reply" in text


def test_lines_fit_the_width() -> None:
    assert all(len(line) <= 100 for line in _quake_text().splitlines())


def test_empty_reports_render() -> None:
    assert render_text(compare_texts("", "", figures=False)).startswith("A: (untitled)")
