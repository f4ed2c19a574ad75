"""A figure's normalised value as a reader would write it.

The engine keeps values in base units (seconds, metres, a count); people read
"1 h 30 min", "2.4 million", "35 km". `display_value(figure)` is what every
view (figures panel, HTML/PDF export, tooltips) shows next to the figure's
own words.
"""

from __future__ import annotations

import datetime as dt

from reportdiff.engine.figures.units import CM_PER_YEAR
from reportdiff.engine.model import Figure

_MINUTE = 60.0
_HOUR = 3600.0
_DAY = 86400.0
_WEEK = 7 * _DAY
_MONTH = 30.4375 * _DAY
_YEAR = 365.25 * _DAY
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Base unit → (threshold, factor, shown unit) from the largest down; the last row has threshold 0.
_METRIC: dict[str, tuple[tuple[float, float, str], ...]] = {
    "m": ((1000.0, 1000.0, "km"), (1.0, 1.0, "m"), (0.01, 0.01, "cm"), (0.0, 0.001, "mm")),
    "kg": ((1000.0, 1000.0, "t"), (0.0, 1.0, "kg")),
    "m2": ((1e6, 1e6, "km²"), (1e4, 1e4, "ha"), (0.0, 1.0, "m²")),
    # a drift of millimetres a year, in km/h a speed too small to read; none is 0 km/h
    "km/h": (
        (1e-4, 1.0, "km/h"),
        (CM_PER_YEAR, CM_PER_YEAR, "cm/yr"),
        (1e-12, CM_PER_YEAR / 10, "mm/yr"),
        (0.0, 1.0, "km/h"),
    ),
}


def display_value(figure: Figure) -> str:
    """ "1 h 30 min", "2.4 million", "35 km", "20%", "2025-03-18"; "" when there is none."""
    value, unit, dimension = figure.value, figure.unit, figure.dimension
    if dimension == "date" and figure.qualifier == "range" and figure.low and figure.high:
        return f"{int(figure.low)} to {int(figure.high)}"  # a span of years
    if dimension in ("date", "time"):
        return _when(figure)
    if value is None:
        return ""
    if _told_by_size(figure):
        # "dozens", "hundreds of thousands": the span a reader allows
        low, high = (_amount(v or 0.0, unit, dimension) for v in (figure.low, figure.high))
        return f"{low} to {high}"
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        low = _amount(figure.low, unit, dimension)
        return f"{low} to {_amount(figure.high, unit, dimension)}"
    return _amount(value, unit, dimension)


def _told_by_size(figure: Figure) -> bool:
    """A count such as "dozens" or "hundreds of thousands": approximate, and its
    span far wider than "about" allows."""
    low, high = figure.low, figure.high
    return (
        figure.dimension == "count"
        and figure.qualifier == "approximate"
        and low is not None
        and high is not None
        and high >= 4 * low
    )


def _amount(value: float, unit: str, dimension: str) -> str:
    if dimension == "duration":
        return duration_words(value)
    if dimension == "age":
        return f"{number_words(value)} years"
    if dimension == "magnitude":
        return f"magnitude {number_words(value)}"
    if dimension == "money":
        return f"{number_words(value)} {unit}"
    if dimension == "percentage_points":
        return f"{number_words(value)} points"
    if unit in _METRIC:
        factor, shown = next((f, u) for t, f, u in _METRIC[unit] if abs(value) >= t)
        return f"{number_words(value / factor)} {shown}"
    if dimension == "ordinal":
        return _ordinal(int(value))
    if unit in ("%", ""):
        return f"{number_words(value)}{unit}"
    return f"{number_words(value)} {unit}"


def number_words(value: float) -> str:
    """ "1,500", "2.4 million", "33.7": at most four significant digits, no e-notation."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    digits = max(0, 3 - len(str(int(abs(value)))))
    return f"{value:,.{digits + 1}f}".rstrip("0").rstrip(".")


def duration_words(seconds: float) -> str:
    """ "40 s", "1 h 30 min", "2 h 30 min", "30 days", "3 years", "6 months"."""
    seconds = abs(seconds)
    if seconds < _MINUTE:
        return f"{_plain(seconds)} s"
    if seconds < _DAY:
        return _clock(seconds)
    for size, word in ((_YEAR, "year"), (_MONTH, "month"), (_WEEK, "week")):
        count = seconds / size
        # Whole or half units read as the writer wrote them ("2.5 years").
        if count >= 1 and abs(count * 2 - round(count * 2)) < 1e-6:
            return _units(round(count * 2) / 2, word)
    days, rest = divmod(seconds, _DAY)
    text = _units(days, "day")
    return f"{text} {_clock(rest)}" if rest >= _MINUTE else text


def _clock(seconds: float) -> str:
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    parts.append(f"{secs} s" if secs else "")
    return " ".join(p for p in parts if p)


def _units(count: float, word: str) -> str:
    return f"{_plain(count)} {word}{'' if count == 1 else 's'}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def calendar(figure: Figure) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a calendar figure, parts it does not give as None.

    The engine keeps dates as numbers only it reads (February 28 as 228,
    February 2022 as 202202, a full date as its ordinal); None for any other unit.
    """
    value, unit = figure.value, figure.unit
    if value is None:
        return None
    if unit == "month-day":
        month, day = divmod(int(value), 100)
        return None, month, day
    if unit == "year-month":
        year, month = divmod(int(value), 100)
        return year, month, None
    if unit == "month":
        return None, int(value), None
    if unit == "date":
        date = dt.date.fromordinal(int(value))
        return date.year, date.month, date.day
    if unit == "year":
        return int(value), None, None
    return None


def _when(figure: Figure) -> str:
    """A date or time in words: "2025-03-18", "28 February", "February 2022", "09:30"."""
    parts = calendar(figure)
    if parts is None:
        return "" if figure.value is None else figure.display
    year, month, day = parts
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    month_name = _MONTH_NAMES[month - 1] if month else ""
    return " ".join(str(p) for p in (day, month_name, year) if p)
