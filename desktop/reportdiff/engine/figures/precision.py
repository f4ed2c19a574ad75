"""How precisely a figure is written: the step of its last digit, the unit as written.

Read by judging (judge.py): "29.5%" is written to a tenth, so "29.49
percent" is the same value rounded; "more than 1,500" is told to the
hundred, so it allows a little over 1,500 and no more; "1 hour 40 minutes"
is told to the minute.
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.units import unit_of
from reportdiff.engine.model import Figure

_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_FRACTION_WORD = re.compile(r"half|halves|third|quarter|fifth|tenth", re.IGNORECASE)
_FRACTION_STEP = 5.0  # percentage points a share in words may stand for


def unit_word(figure: Figure) -> str:
    """The unit as written ("metres", "foot"): the figure's last word."""
    words = re.findall(r"[^\W\d_]+", figure.text.lower())
    return words[-1] if words else ""


def _second_unit_step(f: Figure) -> float | None:
    """One of the smaller unit of a length told in two ("1 hour 40 minutes" → 60 s)."""
    if f.dimension != "duration" or len(_DIGITS.findall(f.text)) < 2:
        return None
    unit = unit_of(unit_word(f))
    return unit.factor if unit is not None else None


def round_step(f: Figure) -> float:
    """The step of the bound's last significant digit ("40" → 10, "1,500" → 100, "2.4m" → 0.1m)."""
    if (step := _second_unit_step(f)) is not None:
        return step
    value = abs(f.value or 0.0)
    match = _DIGITS.search(f.text)
    if match is None and f.dimension == "percent" and _FRACTION_WORD.search(f.text):
        return _FRACTION_STEP  # "a third" is a share said roughly: 28% to 38%
    if match is None:
        # Spelled out: for a count the value is the number written.
        written = value if f.dimension in ("count", "percent", "percentage_points") else 0.0
        decimals = ""
    else:
        written = float(match.group(0).replace(",", ""))
        decimals = match.group(1) or ""
    if written <= 0 or written != int(written):
        return 10.0 ** -len(decimals) * value / written if written > 0 else 0.0
    zeros, whole = 0, int(written)
    while whole % 10 == 0:
        whole //= 10
        zeros += 1
    return 10.0**zeros * value / written


def resolution(f: Figure) -> float:
    """The value of one unit in the last digit written ("29.5%" → 0.1, "2.4 million" → 1e5)."""
    if (step := _second_unit_step(f)) is not None:
        return step
    match = _DIGITS.search(f.text)
    if match is None or f.value is None or f.qualifier == "range":
        return 0.0
    written = float(match.group(0).replace(",", ""))
    if written == 0:
        return 0.0
    return 10.0 ** -len(match.group(1) or "") * abs(f.value) / written
