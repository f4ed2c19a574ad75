"""Figures as CSV: one row per pair, reads back with the csv module."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from reportdiff.engine import compare_texts
from reportdiff.engine.model import Comparison, Figure, FigurePair
from reportdiff.export.figures_csv import HEADER, render_csv


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_one_row_per_pair_differing_first(hand_comparison: Comparison) -> None:
    text = render_csv(hand_comparison)
    assert next(csv.reader(io.StringIO(text))) == list(HEADER)
    table = rows(text)
    assert [r["status"] for r in table] == ["differs", "same", "only_b"]
    differs = table[0]
    assert differs == {
        "status": "differs",
        "what": "phone call duration",
        "a_text": "more than 90 minutes",
        "a_value_readable": "more than 1 h 30 min",  # for people
        "a_value": "5400",  # for formulas
        "a_unit": "s",
        "a_qualifier": "more_than",
        "b_text": "two and a half hours",
        "b_value_readable": "2 h 30 min",
        "b_value": "9000",
        "b_unit": "s",
        "b_qualifier": "exact",
        "a_paragraph_number (first = 1)": "2",  # numbered from 1, as the ¶ marks show
        "b_paragraph_number (first = 1)": "3",
        # every row names the two reports: title — outlet, date
        "a_report": "Putin agrees to halt energy strikes — Outlet Alpha, 2025-03-18",
        "b_report": "Trump and Putin talk for hours — Outlet Beta, 2025-03-18",
        "review": "",  # the reader's decision and note, when the pair was reviewed
        "review_note": "",
        "note": "",  # the engine's note (none on a pair made by hand)
    }


def test_one_sided_pair_leaves_the_other_side_empty(hand_comparison: Comparison) -> None:
    only_b = rows(render_csv(hand_comparison))[2]
    assert only_b["a_text"] == only_b["a_value"] == only_b["a_paragraph_number (first = 1)"] == ""
    assert only_b["b_text"] == "2%"


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ('he said "over 40", then, well, more', 'he said "over 40", then, well, more'),  # quoting
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),  # formula kept inert
        ("+1 300", "'+1 300"),
        ("line\nbreak", "line\nbreak"),  # newlines survive inside a quoted cell
        ("naïve “quotes” €5", "naïve “quotes” €5"),  # UTF-8
    ],
)
def test_awkward_texts_read_back(text: str, stored: str) -> None:
    figure = Figure(text, 0, 0, len(text), None, "")
    pair = FigurePair("only_a", text, figure, None)
    comparison = Comparison(a=_empty(), b=_empty(), alignment=(), figures=(pair,))
    (row,) = rows(render_csv(comparison))
    assert row["a_text"] == stored
    assert row["what"] == stored
    assert row["a_value"] == ""


def test_no_figures_gives_the_header_alone(hand_comparison: Comparison) -> None:
    text = render_csv(replace(hand_comparison, figures=()))
    assert rows(text) == []
    assert text.startswith("status,what,")


def _empty():  # type: ignore[no-untyped-def]
    from reportdiff.engine.model import Report

    return Report("t", ())


def test_calendar_values_are_iso_dates_not_engine_numbers() -> None:
    comparison = compare_texts(
        "Talks began on Feb. 28 after the invasion of February 2022.",
        "The talks opened on March 18, 2025.",
    )
    rows = list(csv.reader(io.StringIO(render_csv(comparison))))
    values = {row[2] or row[7]: row[4] or row[9] for row in rows[1:]}
    assert values["Feb. 28"] == "02-28"
    assert values["February 2022"] == "2022-02"
    assert values["March 18, 2025"] == "2025-03-18"
