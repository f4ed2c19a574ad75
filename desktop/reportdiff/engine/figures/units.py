"""Units news reports use, each with its dimension and its factor to a base unit.

Durations go to seconds, lengths to metres, speeds to km/h, weights to kg,
money keeps its currency code as the unit (no exchange rates: a figure in
euros is never compared with one in dollars).
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    """A unit word's dimension, base unit and factor to the base unit."""

    dimension: str
    base: str
    factor: float


_DURATIONS = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 7 * 86400.0,
    "month": 30.4375 * 86400.0,
    "year": 365.25 * 86400.0,
    "decade": 3652.5 * 86400.0,
}
_LENGTHS = {
    "km": 1000.0,
    "kilometre": 1000.0,
    "kilometer": 1000.0,
    "nautical mile": 1852.0,
    "mile": 1609.344,
    "metre": 1.0,
    "meter": 1.0,
    "foot": 0.3048,
    "feet": 0.3048,
    "ft": 0.3048,
    "yard": 0.9144,
    "inch": 0.0254,
    "cm": 0.01,
    "centimetre": 0.01,
    "centimeter": 0.01,
    "mm": 0.001,
    "millimetre": 0.001,
    "millimeter": 0.001,
}
CM_PER_YEAR = 1e-5 / (365.25 * 24)  # one centimetre a year, in km/h
_SPEEDS = {
    "mph": 1.609344,
    "miles per hour": 1.609344,
    "km/h": 1.0,
    "kph": 1.0,
    "kmh": 1.0,
    "kilometres per hour": 1.0,
    "kilometers per hour": 1.0,
    "knot": 1.852,
    # a plate's or a coast's slow drift: "converging at a rate of 80 millimeters per year"
    # / "71 mm/yr"
    **{
        name: factor
        for names, factor in (
            (
                ("mm/yr", "mm/year", "mm per year", "millimeters per year", "millimetres per year"),
                CM_PER_YEAR / 10,
            ),
            (
                ("cm/yr", "cm/year", "cm per year", "centimeters per year", "centimetres per year"),
                CM_PER_YEAR,
            ),
        )
        for name in names
    },
}
_WEIGHTS = {"kg": 1.0, "kilogram": 1.0, "tonne": 1000.0, "ton": 1000.0, "lb": 0.4536}
_AREAS = {
    "hectare": 1e4,
    "acre": 4046.86,
    "square kilometre": 1e6,
    "square kilometer": 1e6,
    "square mile": 2.59e6,
    "sq km": 1e6,
}
_TEMPERATURES = {"°c": "C", "°f": "F", "degrees celsius": "C", "degrees fahrenheit": "F"}

CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yen": "JPY",
    "rouble": "RUB",
    "ruble": "RUB",
    "rupee": "INR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "koruna": "CZK",
    "koruny": "CZK",
    "zloty": "PLN",
    "forint": "HUF",
    "lira": "TRY",
    "hryvnia": "UAH",
    "shekel": "ILS",
    "dirham": "AED",
    "riyal": "SAR",
    "naira": "NGN",
    "kronor": "SEK",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}


def currency_of(word: str) -> str | None:
    """The currency code a spelled-out currency word names ("euros" → "EUR")."""
    word = word.lower()
    return CURRENCY_WORDS.get(word) or CURRENCY_WORDS.get(word.rstrip("s"))


def _table() -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    for group, dimension, base in (
        (_DURATIONS, "duration", "s"),
        (_LENGTHS, "length", "m"),
        (_SPEEDS, "speed", "km/h"),
        (_WEIGHTS, "weight", "kg"),
        (_AREAS, "area", "m2"),
    ):
        for word, factor in group.items():
            table[word] = Unit(dimension, base, factor)
    return table


UNITS = _table()
DURATION_WORDS = tuple(_DURATIONS)


def unit_of(word: str) -> Unit | None:
    """The unit a word names, singular or plural ("hours" → duration, 3600 s)."""
    word = " ".join(word.lower().split())
    if word in UNITS:
        return UNITS[word]
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in UNITS:
            return UNITS[word[: -len(suffix)]]
    if word.endswith("ies") and word[:-3] + "y" in UNITS:
        return UNITS[word[:-3] + "y"]
    return None


def temperature_scale(word: str) -> str | None:
    """ "°C" / "degrees celsius" → "C"; None otherwise."""
    return _TEMPERATURES.get(" ".join(word.lower().split()))


def _unit_alternatives() -> str:
    # Longest word first, so "km/h" is tried before "km".
    words: list[str] = []
    for word in sorted(UNITS, key=len, reverse=True):
        if "/" in word:
            words.append(word)
        elif " " in word:  # "square miles", "nautical miles": the last word takes the plural
            words.append(
                word.replace(" ", r"\s+") + ("" if word.endswith(("hour", "year")) else r"s?")
            )
        else:
            words.append(word + r"(?:e?s)?" if word[-1] != "y" else word[:-1] + r"(?:y|ies)")
    return "|".join(words)


UNIT_PATTERN = _unit_alternatives()
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
