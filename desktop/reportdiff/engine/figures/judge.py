"""Whether two figures of one fact agree, and the pair that says so.

The judge stage of the figures pipeline (find → claim → group → pair →
judge → label): `judge` makes the `FigurePair` of two figures pair.py has
paired, "same" or "differs" (a contradiction when no value allows both
wordings), named by label.py. Values agree within what each wording allows
(qualifiers.py: "at least 12" agrees with 12 and not with 15), how
precisely each is written (precision.py), and the rounding of a value
converted from another unit. `compatible`, asked before any evidence is
weighed (evidence.py), says whether nothing tells two figures apart as
measures of different things.
"""

from __future__ import annotations

import dataclasses
import math
import re

from reportdiff.engine.figures.counted import damage_rating, figure_event, same_counted, whole_of
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.label import describe
from reportdiff.engine.figures.precision import resolution, round_step, unit_word
from reportdiff.engine.figures.qualifiers import (
    LOWER,
    ROUNDING_SPAN,
    UPPER,
    bound_agrees,
    bounds,
    bounds_agree,
)
from reportdiff.engine.model import Figure, FigurePair

_MAX_RATIO = 3.0  # values further apart than this are not one thing told twice


def judge(fa: Found, fb: Found, agree: bool) -> FigurePair:
    """The pair of two figures of one fact: "same" when they `agree`, else "differs"
    (a contradiction when no value allows both wordings)."""
    contradiction = not agree and not overlap(fa, fb)
    return FigurePair(
        status="same" if agree else "differs",
        what=describe(fa, fb),
        a=fa.figure,
        b=fb.figure,
        contradiction=contradiction,
        note=None if agree or contradiction else both_can_hold(fa.said, fb.said),
    )


def both_can_hold(said_a: str, said_b: str) -> str:
    """Why two differing wordings whose values overlap are no contradiction."""
    if said_a in LOWER and said_b in LOWER:
        return "Both are lower bounds: both can be true; the higher says more."
    if said_a in UPPER and said_b in UPPER:
        return "Both are upper bounds: both can be true; the lower says more."
    if (said_a in LOWER | UPPER) != (said_b in LOWER | UPPER):
        return "The bound allows the other value: both can be true; the value says more."
    return "The values the two wordings allow overlap: both can be true."


def alone(found: Found, status: str) -> FigurePair:
    """A figure that no figure of the other report pairs with ("only_a", "only_b")."""
    figure = found.figure
    return FigurePair(
        status=status,  # type: ignore[arg-type]
        what=describe(found),
        a=figure if status == "only_a" else None,
        b=figure if status == "only_b" else None,
    )


def judge_fixed(fa: Found, fb: Found) -> FigurePair:
    """A pair known to be one fact: the same kind of figure is judged by value, else differs."""
    x, y = fa.figure, fb.figure
    if (x.dimension, x.unit) == (y.dimension, y.unit):
        return judge(fa, fb, agree_either(fa, fb))
    # Read as two kinds ("could be 1,800" a count, "could be 1800" a year): the
    # numbers as written decide.
    same = written_numbers(x.text) == written_numbers(y.text)
    return FigurePair(
        status="same" if same else "differs",
        what=describe(fa, fb),
        a=x,
        b=y,
        contradiction=not same,
    )


def written_numbers(text: str) -> tuple[float, ...]:
    """The numbers a figure's text writes in digits, thousands separators dropped."""
    return tuple(float(m.replace(",", "")) for m in _WRITTEN.findall(text))


_WRITTEN = re.compile(r"\d[\d,]*(?:\.\d+)?")


def compatible(fa: Found, fb: Found) -> bool:
    """Whether nothing says the two figures measure different things."""
    x, y = fa.figure, fb.figure
    if x.dimension != y.dimension or x.unit != y.unit:
        return False
    if x.dimension == "count" and not same_counted(fa, fb, agree_values(fa, fb)):
        return False
    if x.dimension == "age":
        # Reports give the ages of many people: two ages meet only when they
        # are of the same person ("the driver" / "the driver", "Quispe" / "Quispe").
        return fa.context.noun_term is not None and fa.context.noun_term == fb.context.noun_term
    if x.dimension == "date" and (x.qualifier == "range") != (y.qualifier == "range"):
        return False  # "from 2014 to 2019" and "in 2019" tell different things
    if _across_and_down(fa, fb) or _across_and_down(fb, fa):
        return False  # "50 kilometers northwest of Padang" is no depth ("less than 50 km")
    if x.dimension == "ordinal":
        return _in_a_row(x) == _in_a_row(y)  # "second consecutive cut" / "third cut"
    if x.dimension in ("date", "time"):
        return True
    if x.dimension == "magnitude":
        return abs((x.value or 0) - (y.value or 0)) <= 1.0
    if fa.context.threshold != fb.context.threshold:
        return False  # "the 50% mark needed to win" is no candidate's share
    if x.dimension == "category" and damage_rating(fa) != damage_rating(fb):
        return False  # "EF-4 damage was observed" at one place is no rating of the storm
    if _relative(fa) != _relative(fb):
        return False  # "four metres above its normal level" is no level itself
    if fa.context.of_whole != fb.context.of_whole:
        return False  # "a train with six carriages" is no count of those that derailed
    if (
        x.dimension == "count"
        and figure_event(fa) is not None
        and figure_event(fa) == figure_event(fb)
    ):
        # Counts of one event ("2,600 injured" / "11,000 injured"): what happened
        # says what is counted, however far apart the two tolls are.
        return True
    return _close(x, y)


# Words after a quantity that make it a difference from something else.
_COMPARATIVE_WORDS = frozenset(("above", "below", "higher", "lower", "beyond", "short"))


def _in_a_row(figure: Figure) -> bool:
    return any(word in figure.text.lower() for word in ("consecutive", "straight", "in a row"))


def _relative(found: Found) -> bool:
    return found.context.noun in _COMPARATIVE_WORDS


def _across_and_down(fa: Found, fb: Found) -> bool:
    """A distance told from a place, against a depth."""
    return fa.context.origin is not None and fb.context.noun_term == "@depth"


def _close(x: Figure, y: Figure) -> bool:
    vx, vy = abs(x.value or 0.0), abs(y.value or 0.0)
    if min(vx, vy) == 0:
        return vx == vy
    return max(vx, vy) / min(vx, vy) <= _MAX_RATIO


# Measures converted between unit systems ("120 mph" / "193 km/h") are rounded
# by the writer; counts, money, shares and durations are stated exactly.
# "just over three points" is not 3.6: the wording says how far past the bound.
_JUST = re.compile(r"(?:just|slightly|a\s+little)\s+(?:over|above|under|below|more|less)\b", re.I)
_JUST_SPAN = 0.1
_CALENDAR_SPAN = re.compile(r"month|year", re.IGNORECASE)
_DAY_SPAN = re.compile(r"day|week|fortnight", re.IGNORECASE)


def _calendar_against_days(x: Figure, y: Figure) -> bool:
    """One duration in months or years, the other in days or weeks."""
    return any(
        _CALENDAR_SPAN.search(p.text) and _DAY_SPAN.search(q.text) for p, q in ((x, y), (y, x))
    )


_CONVERTED = frozenset({"length", "speed", "weight", "area", "temperature"})


def agree_either(fa: Found, fb: Found) -> bool:
    """Whether the figures agree, either as written or as restated in brackets
    ("50 km/h (30 mph)" agrees with "30 mph")."""
    if agree_values(fa, fb):
        return True
    for x, y in ((fa, fb), (fb, fa)):
        if y.restated is not None:
            continue  # both restated: "80 km/h (50 mph)" / "81 km/h (50 mph)" differ
        if x.restated is not None and agree_values(dataclasses.replace(x, figure=x.restated), y):
            return True
    return False


def agree_values(fa: Found, fb: Found) -> bool:
    """Whether two figures state the same value, within what their wording allows.

    Bounds follow the tables of qualifiers.py: "at least 12" agrees with 12
    and not with 15; "fewer than 10" never agrees with 10.
    """
    x, y = fa.figure, fb.figure
    vx, vy = x.value, y.value
    if "vague" in (fa.said, fb.said):
        # "dozens" is 24 to 99: it agrees with "about 30", not with "more than 100".
        return overlap(fa, fb)
    if _same_wording(fa, fb) and vx is not None and vy is not None:
        # Both hedged alike in one unit ("about 125 km" / "about 119 km", "shortly
        # after 4 a.m." / "shortly after 5 a.m."): the hedge does not make them one.
        if x.dimension == "time":
            return vx == vy
        return abs(vx - vy) < max(resolution(x), resolution(y)) / 2 or vx == vy
    if x.dimension == "time" and None not in (x.low, x.high, y.low, y.high):
        # Windows of what the wordings allow ("shortly after 4 a.m." / "4:17 a.m.").
        return (x.low or 0.0) <= (y.high or 0.0) and (y.low or 0.0) <= (x.high or 0.0)
    if vx is None or vy is None or x.dimension in ("date", "time", "ordinal"):
        return vx == vy and (x.low, x.high) == (y.low, y.high)
    if whole_of(fa, fb) or whole_of(fb, fa):
        return True  # "23 cars and six trucks" / "29 vehicles"
    if x.dimension == "magnitude":
        return abs(vx - vy) < 0.05
    # Only a value converted from another unit is rounded by the writer.
    rounding = 0.02 if x.dimension in _CONVERTED and unit_word(x) != unit_word(y) else 1e-6
    if x.dimension == "duration" and _calendar_against_days(x, y):
        rounding = 0.035  # a month is 28 to 31 days: "60-day" is "two-month"
    if "range" in (x.qualifier, y.qualifier):
        return (
            x.qualifier == y.qualifier
            and _near(x.low, y.low, rounding)
            and _near(x.high, y.high, rounding)
        )
    bounded = [f for f in (fa, fb) if f.said in LOWER | UPPER]
    if "approximate" in (x.qualifier, y.qualifier):
        if len(bounded) == 1 and bounded[0].figure.qualifier != "approximate":
            # "more than 1,200" stands for a little over 1,200 (the table in
            # qualifiers.py): "about 3,000" is not among what it says.
            bound = bounded[0]
            other = fb if bound is fa else fa
            return _near_bound(bound, other)
        if bounded:
            # "more than 200,000" / "about 180,000": only if the two can meet.
            return overlap(fa, fb)
        if x.qualifier == y.qualifier:
            return abs(vx - vy) <= 0.1 * max(abs(vx), abs(vy))
        # "about 180,000" allows 175,000 to 185,000: an exact 200,000 is not among them;
        # a value converted from another unit may be rounded a little more ("14-mile" is
        # 22.5 km, "about 22km").
        return overlap(fa, fb, slack=rounding * max(abs(vx), abs(vy)) if rounding > 1e-6 else 0.0)
    if len(bounded) == 1:
        bound = bounded[0]
        exact = fb if bound is fa else fa
        if bound.said == "more_than" and _completed_units(exact.figure, bound.figure):
            return True
        if (
            x.dimension in _CONVERTED
            and unit_word(x) != unit_word(y)
            and _near(bound.figure.value, exact.figure.value, rounding)
        ):
            return True  # "up to four metres" / "13-foot": one value in two units, rounded
        if exact.figure.value == bound.figure.value and resolution(exact.figure) > 1:
            # "€14m" / "more than 14 million euros": a figure written with a scale
            # word is rounded to it, and may be a little over or under.
            return True
        step = round_step(bound.figure)
        if _JUST.match(bound.figure.text):
            # inclusive of its tenth: "just over three" may be 3.3
            step = min(step, _JUST_SPAN * abs(bound.figure.value or 0.0)) * (1 + 1e-9)
        return bound_agrees(bound.said, bound.figure.value or 0.0, exact.figure.value or 0.0, step)
    if len(bounded) == 2 and bounds_agree(fa.said, fb.said) is False:
        # Opposite bounds agree only where they meet: "as many as 10,000" and "at
        # least 10,000" both hold of 10,000; "more than 10" and "up to 10" never meet.
        return vx == vy and overlap(fa, fb)
    # "29.5%" and "29.49 percent", "18%" and "18.1%": one is the other rounded.
    step = max(resolution(x), resolution(y))
    return abs(vx - vy) <= rounding * max(abs(vx), abs(vy)) or abs(vx - vy) < step / 2


def _same_wording(fa: Found, fb: Found) -> bool:
    """Both figures hedged alike (or neither), with no range or bracketed restatement."""
    x, y = fa.figure, fb.figure
    return (
        x.qualifier == y.qualifier
        and fa.said == fb.said
        and x.qualifier != "range"
        and x.dimension not in ("date", "ordinal")
        and fa.total is None
        and fb.total is None
        and unit_word(x) == unit_word(y)  # a conversion is rounded: judged below
    )


_COMPOUND = re.compile(r"-\s*(?:second|minute|hour|day|week|month|year|decade)\b", re.IGNORECASE)


def _near_bound(bound: Found, approximate: Found) -> bool:
    """Whether an approximate figure's interval meets what a bound says: a little past
    it, by one rounding step at most ("more than 40" meets "about 45", not "about 80")."""
    value = bound.figure.value or 0.0
    reach = min(round_step(bound.figure), ROUNDING_SPAN * abs(value))
    low, high = (value, value + reach) if bound.said in LOWER else (value - reach, value)
    x = approximate.figure
    x_high = x.high if x.high is not None else math.inf
    if bound.said in LOWER and x_high == low == x.value and (x.low or 0.0) < x_high:
        return False  # "nearly 2 million" / "at least 2 million": under it, from it up
    return (x.low or 0.0) <= high and low <= x_high


def _completed_units(exact: Figure, bound: Figure) -> bool:
    """ "the three-year war" and "for more than three years": a span named by its whole units.

    A compound duration names an ongoing span by the units completed, so it
    is consistent with "more than" that many.
    """
    return (
        exact.dimension == "duration"
        and exact.value == bound.value
        and _COMPOUND.search(exact.text) is not None
    )


def _near(p: float | None, q: float | None, tolerance: float) -> bool:
    if p is None or q is None:
        return p == q
    return abs(p - q) <= tolerance * max(abs(p), abs(q), 1e-9)


def overlap(fa: Found, fb: Found, slack: float = 0.0) -> bool:
    """Whether the intervals the two wordings allow share a value (the second one
    widened by `slack` each way)."""
    x, y = fa.figure, fb.figure
    lx, lx_closed, hx, hx_closed = bounds(x.low, x.high, fa.said)
    ly, ly_closed, hy, hy_closed = bounds(y.low, y.high, fb.said)
    ly, hy = ly - slack, hy + slack
    low, low_closed = max((lx, lx_closed), (ly, ly_closed), key=lambda b: (b[0], not b[1]))
    high, high_closed = min((hx, hx_closed), (hy, hy_closed), key=lambda b: (b[0], b[1]))
    return low < high or (low == high and low_closed and high_closed)
