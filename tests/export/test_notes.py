"""The engine's note on a difference that may be no contradiction, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reportdiff.engine import compare, compare_texts, parse_report
from reportdiff.engine.model import Comparison
from reportdiff.export import export_comparison
from reportdiff.export.html import figure_tooltip

CALL_A = "Putin and Trump spoke by phone for more than 90 minutes on Tuesday, the Kremlin said."
CALL_B = "Putin and Trump spoke by phone for two and a half hours on Tuesday, the Kremlin said."
BOUND_NOTE = "The bound allows the other value: both can be true; the value says more."


@pytest.fixture(scope="module")
def call() -> Comparison:
    return compare_texts(CALL_A, CALL_B)


def _differs(comparison: Comparison) -> list[tuple[str, str, str | None]]:
    return [
        (p.a.text, p.b.text, p.note)
        for p in comparison.figures
        if p.status == "differs" and p.a and p.b
    ]


def test_a_bound_that_allows_the_other_value_says_so(call: Comparison) -> None:
    assert _differs(call) == [("more than 90 minutes", "two and a half hours", BOUND_NOTE)]


def test_two_lower_bounds_and_a_plain_contradiction() -> None:
    a = "The earthquake killed at least 23 people in the town on Monday, officials said."
    b = "The earthquake killed at least 24 people in the town on Monday, officials said."
    (pair,) = _differs(compare_texts(a, b))
    assert pair[2] == "Both are lower bounds: both can be true; the higher says more."
    c = b.replace("at least 24", "50")
    assert _differs(compare_texts(a.replace("at least 23", "10"), c)) == [("10", "50", None)]


def test_reports_of_two_days_say_the_figure_may_have_changed() -> None:
    a = parse_report(
        "The typhoon killed 14 people in Taiwan, officials said.", published="2009-08-10"
    )
    b = parse_report(
        "The typhoon killed 108 people in Taiwan, officials said.", published="2009-08-14"
    )
    (pair,) = _differs(compare(a, b))
    assert pair[2] == (
        "The reports are dated 4 days apart (10 Aug 2009 / 14 Aug 2009): the figure may have"
        " changed in between."
    )


def test_every_format_carries_the_note(call: Comparison) -> None:
    (pair,) = [p for p in call.figures if p.status == "differs"]
    assert json.loads(export_comparison(call, "json"))["figures"][0]["note"] == BOUND_NOTE
    assert "note The bound allows the other value" in export_comparison(call, "text", width=200)
    assert BOUND_NOTE in export_comparison(call, "html")
    table = list(csv.DictReader(io.StringIO(export_comparison(call, "csv"), newline="")))
    assert table[0]["note"] == BOUND_NOTE
    assert figure_tooltip(pair).endswith("\n" + BOUND_NOTE)  # the window's tooltip, too
    same = [p for p in json.loads(export_comparison(call, "json"))["figures"][1:]]
    assert all("note" not in p for p in same)
