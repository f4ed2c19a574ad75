"""Read a matched figure into its value, base unit and dimension.

One reader per kind of pattern (patterns.py); each raises ValueError when the
match is no figure after all ("February 31", a magnitude of 40), and the
extractor then tries the next pattern.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportdiff.engine.figures.numbers import ordinal_value, parse_number, scale_value
from reportdiff.engine.figures.units import (
    CURRENCY_SYMBOLS,
    MONTHS,
    WEEKDAYS,
    currency_of,
    temperature_scale,
    unit_of,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a matched figure says: value in base unit, unit, dimension, bounds."""

    value: float | None
    unit: str
    dimension: str
    low: float | None = None
    high: float | None = None
    display: str = ""
    qualifier: str | None = None


def _number(match: re.Match[str], name: str = "n") -> float:
    value = parse_number(match.group(name))
    if value is None:
        raise ValueError(match.group(name))
    scale = match.groupdict().get("scale")
    return value * scale_value(scale.strip() if scale else None)


def _range_low(
    match: re.Match[str], factor: float, high: float, *, measured: bool = False
) -> float | None:
    groups = match.groupdict()
    raw = groups.get("lo") or groups.get("lo2")
    if not raw:
        return None
    low = parse_number(raw)
    if low is None:
        raise ValueError(raw)
    low *= factor
    own = groups.get("loscale") or groups.get("loscale2")
    if own:  # "$300 million to $1 billion"
        low *= scale_value(own.strip())
    else:  # "$3 to 4 billion": a bare low end takes the high end's scale
        scale = scale_value((groups.get("scale") or "").strip())
        if scale > 1 and low * scale <= high:
            low *= scale
    if low == high:
        raise ValueError("empty range")
    if low > high and not (measured or match.group(0).startswith("between")):
        # "won 5-3" is a tally; "between 7 and 4" and "2-1.5 kilograms" are ranges as
        # written, if odd (their ends are put in order by the caller)
        raise ValueError("a tally, not a range")
    return low


# Measures whose range may be written high to low ("2-1.5 kilograms"); not a share
# ("passed 61-39 percent" is a vote split) or a count ("won 5-3").
_PHYSICAL = frozenset({"length", "weight", "speed", "duration", "area", "volume", "temperature"})


def _with_range(
    match: re.Match[str], value: float, factor: float, unit: str, dimension: str
) -> Reading:
    low = _range_low(match, factor, value, measured=dimension in _PHYSICAL)
    if low is None:
        return Reading(value, unit, dimension)
    low, value = min(low, value), max(low, value)
    return Reading(low, unit, dimension, low=low, high=value, qualifier="range")


_REFERENCE_NUMBERS = frozenset({"two", "three"})
_DETERMINER = re.compile(r"\b(?:the|these|those|its|their|our|his|her)\s+$")


# "at least one death", "only one survivor": a bound makes "one" a count
# (not "at least one of them", "only one other", "the only one left").
_BOUND_BEFORE = re.compile(r"(?<!the )\b(?:at\s+least|more\s+than|at\s+most|only|just)\s+$")
_NO_COUNT_AFTER = re.compile(r"[\s-]+(?:of|other|another|or|and|in|to|by|who|which|that)\b|\W*$")


def _bound_one(match: re.Match[str]) -> bool:
    start, end = match.start("n"), match.end("n")
    return (
        _BOUND_BEFORE.search(match.string, max(0, start - 16), start) is not None
        and _NO_COUNT_AFTER.match(match.string, end) is None
    )


def _read_count(match: re.Match[str], text: str, pre: str | None) -> Reading:
    raw = match.group("n").strip().lower()
    lone = raw in ("one", "a hundred") and not match.groupdict().get("scale")
    if lone and not (raw == "one" and _bound_one(match)):
        raise ValueError("'one' is mostly a pronoun")
    if raw in _REFERENCE_NUMBERS and _DETERMINER.search(
        match.string, max(0, match.start("n") - 8), match.start("n")
    ):
        # "the two leaders", "these three countries": the writer points back
        # at people or groups already named; no quantity is stated.
        raise ValueError("a reference, not a count")
    value = _number(match)
    reading = _with_range(match, value, 1.0, "", "count")
    if match.groupdict().get("plus") and reading.qualifier is None:
        return dataclasses.replace(reading, qualifier="at_least")  # "1000+ injuries"
    return reading


def _read_duration(match: re.Match[str], text: str, pre: str | None) -> Reading:
    unit = unit_of(match.group("unit"))
    assert unit is not None
    value = _number(match) * unit.factor
    return _with_range(match, value, unit.factor, "s", "duration")


def _read_compound_duration(match: re.Match[str], text: str, pre: str | None) -> Reading:
    big, small = unit_of(match.group("unit")), unit_of(match.group("unit2"))
    if big is None or small is None or small.factor >= big.factor:
        raise ValueError("not one length")  # "5 days 3 days", "40 minutes 2 hours"
    return Reading(
        _number(match) * big.factor + _number(match, "n2") * small.factor, "s", "duration"
    )


def _read_half(match: re.Match[str], text: str, pre: str | None) -> Reading:
    word = match.group("u1") or match.group("u2")
    unit = unit_of(word)
    assert unit is not None
    value = unit.factor * (
        0.5 if match.group("u1") else 1.25 if match.group("part") == "quarter" else 1.5
    )
    return Reading(value, "s", "duration")


def _read_quarter_unit(match: re.Match[str], text: str, pre: str | None) -> Reading:
    unit = unit_of(match.group("unit"))
    assert unit is not None
    quarters = 3 if match.group("q").lower() == "three" else 1
    return Reading(unit.factor * quarters / 4, "s", "duration")


_ONE_UNIT_BEFORE = re.compile(
    r"\b(?:for|lasted|lasting|took|more\s+than|over|at\s+least|about|around|nearly|almost"
    r"|roughly|close\s+to|less\s+than|under|up\s+to|just\s+over|just\s+under|barely)\s+$"
)


def _read_single(match: re.Match[str], text: str, pre: str | None) -> Reading:
    # "a minute" states a length only after "for" or a qualifier: "$3 a month",
    # "twice a day" and "a year ago" state none.
    start = match.start()
    if not _ONE_UNIT_BEFORE.search(match.string, max(0, start - 16), start):
        raise ValueError("no length stated")
    unit = unit_of(match.group("unit"))
    assert unit is not None
    return Reading(unit.factor, "s", "duration")


def _read_percent(match: re.Match[str], text: str, pre: str | None) -> Reading:
    points = "point" in match.group(0)
    unit, dimension = ("pp", "percentage_points") if points else ("%", "percent")
    return _with_range(match, _number(match), 1.0, unit, dimension)


_PERIOD_BEFORE = re.compile(r"\b(?:first|second|latter|final|last|early|late)\s+$", re.IGNORECASE)
_FRACTION_PARTS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}


def _read_share(match: re.Match[str], text: str, pre: str | None) -> Reading:
    parts = _FRACTION_PARTS[match.group("frac").lower().rstrip("s")]
    if not match.group("num") and parts != 2:
        raise ValueError("a period, not a share: 'the third quarter of 2027'")
    if _PERIOD_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        raise ValueError("a period, not a share: 'the first half of the year'")
    count = _FRACTION_COUNTS[(match.group("num") or "a").lower()]
    if count >= parts:
        raise ValueError("not a share: 'four quarters'")
    share = round(100 * count / parts, 1)
    if match.group("state") == "empty":
        share = round(100 - share, 1)  # "three-quarters empty" is a quarter full
    return Reading(share, "%", "percent")


_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def _read_fraction_count(match: re.Match[str], text: str, pre: str | None) -> Reading:
    parts = _FRACTION_PARTS[match.group("frac").lower().rstrip("s")]
    count = _FRACTION_COUNTS[(match.group("num") or "a").lower()]
    if not match.group("num") and parts != 2:
        raise ValueError("no count: 'third of a million'")
    return Reading(count / parts * _SCALES[match.group("scale").lower()], "", "count")


def _read_basis(match: re.Match[str], text: str, pre: str | None) -> Reading:
    return _with_range(match, _number(match) / 100, 0.01, "pp", "percentage_points")


def _read_fraction_point(match: re.Match[str], text: str, pre: str | None) -> Reading:
    return Reading(0.25 if match.group("frac") == "quarter" else 0.5, "pp", "percentage_points")


def _read_money(match: re.Match[str], text: str, pre: str | None) -> Reading:
    groups = match.groupdict()
    symbol = groups.get("cur") or groups.get("cur0") or groups.get("cur1")
    if not symbol and not groups.get("curword"):
        raise ValueError("no currency")
    code = CURRENCY_SYMBOLS.get(symbol or "") or _currency_word(groups.get("curword"))
    return _with_range(match, _number(match), 1.0, code, "money")


def _currency_word(word: str | None) -> str:
    return currency_of(word or "") or "USD"


def _read_measure(match: re.Match[str], text: str, pre: str | None) -> Reading:
    unit = unit_of(match.group("unit"))
    if unit is None:
        raise ValueError(match.group("unit"))
    value = _number(match) * unit.factor
    return _with_range(match, value, unit.factor, unit.base, unit.dimension)


def _read_temperature(match: re.Match[str], text: str, pre: str | None) -> Reading:
    letter = match.group("t1") or match.group("t2") or match.group("t3") or ""
    if not letter:
        # "-5 degrees": no scale, so comparable only with degrees of no scale
        return _with_range(match, _number(match), 1.0, "°", "temperature")
    scale = temperature_scale("°" + letter[:1])
    return _with_range(match, _number(match), 1.0, "°" + (scale or "C"), "temperature")


def _read_magnitude(match: re.Match[str], text: str, pre: str | None) -> Reading:
    kind = match.groupdict().get("mtype")
    if kind and text[match.start("mtype") : match.end("mtype")] == "MW":
        raise ValueError("megawatts, no magnitude: '12.5 MW'")
    value = float(match.group("n"))
    if not 0 < value < 20:  # a misprint ("magnitude 12.2") is still told as a magnitude
        raise ValueError("not a magnitude")
    return Reading(value, "M", "magnitude")


def _read_rating(match: re.Match[str], text: str, pre: str | None) -> Reading:
    """A tornado's rating: "EF-5" on the Enhanced Fujita scale, which replaced the
    Fujita scale ("F-4") step for step; "F-4" only where the text tells of a tornado."""
    if match.group("unit") == "f" and not _TORNADO.search(text):
        raise ValueError("not a rating: 'F-16', 'an F-4 Phantom'")
    return Reading(_number(match), "EF", "category")


_TORNADO = re.compile(r"(?i)\b(?:tornado(?:e?s)?|twisters?|fujita)\b")


def _read_category(match: re.Match[str], text: str, pre: str | None) -> Reading:
    return Reading(_number(match), match.group("unit"), "category")


def _read_age(match: re.Match[str], text: str, pre: str | None) -> Reading:
    value = _number(match)
    return Reading(value / 12 if "month" in match.group(0) else value, "year", "age")


# The series an ordinal counts in: "the seventh reduction" and "the sixth cut" are
# one series, "the third hike" another.
_SERIES = {
    "reduction": "cut",
    "increase": "hike",
    "victory": "election",
    "defeat": "election",
}


def _read_ordinal(match: re.Match[str], text: str, pre: str | None) -> Reading:
    value = ordinal_value(match.group("ord"))
    if value is None:
        raise ValueError(match.group("ord"))
    what = match.group("what").lower()
    return Reading(float(value), _SERIES.get(what, what), "ordinal")


# What "dozens", "hundreds", "thousands" and "millions" span: from two of the unit to
# just under the next order of size ("dozens" is 24 to 99, not 100).
_VAGUE_SPANS = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9_999.0),
    "millions": (2e6, 999_999_999.0),
}
_ORDERS = {"thousands": 1e3, "millions": 1e6}


def _read_vague(match: re.Match[str], text: str, pre: str | None) -> Reading:
    if _DETERMINER.search(match.string, max(0, match.start() - 8), match.start()):
        raise ValueError("'the hundreds who came': no count")
    groups = match.groupdict()
    if groups.get("tens"):  # "tens of thousands": 20,000 to 99,999
        order = _ORDERS[groups["of"]]
        low, high = 20 * order, 100 * order - 1
    else:
        low, high = _VAGUE_SPANS[groups["size"]]
        if groups.get("of2"):  # "hundreds of thousands": 200,000 to 999,999
            order = _ORDERS[groups["of2"]]
            low, high = low * order, (high + 1) * order - 1
    shown = text[match.start() : match.end()]
    return Reading(low, "", "count", low=low, high=high, display=shown, qualifier="vague")


def _read_time(match: re.Match[str], text: str, pre: str | None) -> Reading:
    zone = match.groupdict().get("zone")
    if zone and not text[match.start("zone") : match.end("zone")].isupper():
        raise ValueError("a zone is written in capitals: '2014 West Africa' is a year")
    hour, minute = int(match.group("h")), int(match.group("mi") or 0)
    second = int(match.groupdict().get("se") or 0)  # "06:34:11 UTC"
    ampm = (match.groupdict().get("ap") or "").replace(".", "")
    # "20 a.m." or "13:00 p.m." is a misprint, still a time as written: the hour is kept.
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    display = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return Reading(hour * 3600.0 + minute * 60 + second, "s", "time", display=display)


def _read_date(match: re.Match[str], text: str, pre: str | None) -> Reading:
    groups = match.groupdict()
    month_word = groups.get("month")
    if month_word and not text[match.start("month")].isupper():
        raise ValueError("a month is written with a capital")
    month = MONTHS[month_word] if month_word else int(groups["mo"])
    day = int(groups["d"]) if groups.get("d") else None
    year = int(groups["y"]) if groups.get("y") else None
    if day is not None and year is not None:
        date = dt.date(year, month, day)
        return Reading(float(date.toordinal()), "date", "date", display=date.isoformat())
    if day is not None:
        dt.date(2000, month, day)  # raises on "February 31"
        return Reading(
            float(month * 100 + day), "month-day", "date", display=f"--{month:02d}-{day:02d}"
        )
    if year is not None:
        return Reading(
            float(year * 100 + month), "year-month", "date", display=f"{year}-{month:02d}"
        )
    return Reading(float(month), "month", "date", display=f"--{month:02d}")


def _read_month(match: re.Match[str], text: str, pre: str | None) -> Reading:
    if pre is None or pre in ("and", "to", "between"):
        raise ValueError("a month alone is a date only after 'in', 'since', 'late'...")
    return _read_date(match, text, pre)


def _read_weekday(match: re.Match[str], text: str, pre: str | None) -> Reading:
    if not text[match.start()].isupper():
        raise ValueError("a weekday is written with a capital")
    word = match.group("wd")
    return Reading(float(WEEKDAYS[word]), "weekday", "date", display=word.title())


def _read_year(match: re.Match[str], text: str, pre: str | None) -> Reading:
    tail = text[match.end() : match.end() + 30]
    noun = re.match(r"\s+(?:[a-z]+\s+)?([a-z]+s)\b", tail)
    if noun and not pre and not noun.group(1).endswith("ss"):
        raise ValueError("a count of things, not a year")
    year = int(match.group("y"))
    return Reading(float(year), "year", "date", display=str(year))


_CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rise|rises|fell|fallen|falls|increased|climbed|jumped|dropped|grew|grown"
    r"|declined|went|soared|plunged)\s+from\s+$",
    re.IGNORECASE,
)


def _read_years(match: re.Match[str], text: str, pre: str | None) -> Reading:
    first, last = int(match.group("lo") or match.group("lo2")), int(match.group("y"))
    if last <= first:
        raise ValueError("a score or a code, not a span of years")
    after = re.match(r"\s+([a-z]{4,})\b", text[match.end() : match.end() + 30])
    if after and (after.group(1).endswith("s") or after.group(1) == "people"):
        raise ValueError("a range of counts: 'between 1900 and 2000 people'")
    if _CHANGE_FROM.search(text, max(0, match.start() - 30), match.start()):
        raise ValueError("a change: 'cases rose from 1850 to 2040'")
    return Reading(
        float(first),
        "year",
        "date",
        low=float(first),
        high=float(last),
        display=f"{first}–{last}",
        qualifier="range",
    )


READERS: dict[str, Callable[[re.Match[str], str, str | None], Reading]] = {
    "count": _read_count,
    "duration": _read_duration,
    "compound_duration": _read_compound_duration,
    "half": _read_half,
    "single": _read_single,
    "percent": _read_percent,
    "money": _read_money,
    "measure": _read_measure,
    "temperature": _read_temperature,
    "magnitude": _read_magnitude,
    "category": _read_category,
    "rating": _read_rating,
    "age": _read_age,
    "ordinal": _read_ordinal,
    "time": _read_time,
    "date": _read_date,
    "weekday": _read_weekday,
    "month": _read_month,
    "year": _read_year,
    "basis": _read_basis,
    "share": _read_share,
    "fraction_count": _read_fraction_count,
    "vague": _read_vague,
    "quarter_unit": _read_quarter_unit,
    "fraction_point": _read_fraction_point,
    "years": _read_years,
}
