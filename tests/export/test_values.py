"""Figures' values as the exports show them (export/values.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.engine.model import Figure
from reportdiff.export.values import display_value, plural


def figure(value: float | None, unit: str, dimension: str, **kw: object) -> Figure:
    return Figure("words", 0, 0, 5, value, unit, dimension=dimension, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fig", "shown"),
    [
        # durations in hours and minutes, never as raw seconds, with the qualifier
        (figure(5400, "s", "duration", qualifier="more_than"), "1 h 30 min or more"),
        # strict wording stays strict
        (
            Figure("more than 90 minutes", 0, 0, 20, 5400, "s", "more_than", "duration"),
            "more than 1 h 30 min",
        ),
        (Figure("under 40", 0, 0, 8, 40, "", "less_than", "count"), "less than 40"),
        (Figure("up to 40", 0, 0, 8, 40, "", "less_than", "count"), "up to 40"),
        (figure(9000, "s", "duration"), "2 h 30 min"),
        (figure(2592000, "s", "duration"), "30 days"),
        (figure(94672800, "s", "duration", qualifier="less_than"), "up to 3 years"),
        # shares and counts
        (figure(20, "%", "percent", qualifier="approximate"), "about 20%"),
        (figure(1200, "", "count"), "1,200"),
        # "at least 12" shares the more_than qualifier: never shown as "more than 12"
        (figure(12, "", "count", qualifier="more_than"), "12 or more"),
        # dates in words; a range keeps its own wording, not "about"
        (figure(228, "month-day", "date", display="--02-28"), "28 February"),
        (figure(40, "", "count", qualifier="range", low=40, high=50), "40 to 50"),
        # nothing read, or nothing writable: nothing shown, never a crash
        (figure(None, "", "count"), ""),
        (figure(13, "month", "date", display="--13"), ""),
    ],
)
def test_display_value(fig: Figure, shown: str) -> None:
    assert display_value(fig) == shown


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 paragraphs"), (1, "1 paragraph"), (2, "2 paragraphs")]
)
def test_plural(count: int, expected: str) -> None:
    assert plural(count, "paragraph") == expected


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.sampled_from(["s", "%", "", "m", "USD", "month", "date", "year"]),
    st.sampled_from(["duration", "percent", "count", "length", "money", "date", "ordinal"]),
)
def test_no_value_crashes_or_shows_e_notation(value: float, unit: str, dimension: str) -> None:
    shown = display_value(figure(value, unit, dimension))
    assert "e+" not in shown
