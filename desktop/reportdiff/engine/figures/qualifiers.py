"""Qualifiers: which values a wording allows, and when a bound agrees with a value.

The comparison JSON knows five qualifiers (DESIGN.md): exact, approximate,
more_than, less_than, range. A fact-checker needs one more distinction that
the contract folds away: whether the bound includes the value it names.

| wording                                 | internal  | contract  | allows      |
|-----------------------------------------|-----------|-----------|-------------|
| "12"                                    | exact     | exact     | 12          |
| "about", "around", "some"               | approx    | approx.   | 12 ± 0.5    |
| "nearly", "almost", "nearing"           | nearly    | approx.   | [11.4, 12]  |
| "more than", "over", "above"            | more_than | more_than | (12, ∞)     |
| "at least", "no fewer than"             | at_least  | more_than | [12, ∞)     |
| "fewer than", "less than", "under"      | less_than | less_than | [0, 12)     |
| "up to", "at most", "as many as"        | at_most   | less_than | [0, 12]     |
| "10 to 15", "between 10 and 15"         | range     | range     | [10, 15]    |

A bound against an exact value (`bound_agrees`), what each wording claims:

| bound              | exact = v | exact just past v (one round step) | further     |
|--------------------|-----------|------------------------------------|-------------|
| more than v (open) | differs   | same: "more than 40" for 43        | differs     |
| at least v         | same      | differs: "at least 12 dead" is the | differs     |
|                    |           | confirmed tally, 15 is another     |             |
| fewer than v       | differs   | same: "under 40" for 38            | differs     |
| up to v            | same      | differs: a ceiling, not a count    | differs     |

"About" reaches no further than its last written digit rounds, and never more
than 10 % ("about 140" is 135 to 145, "about 25" 22.5 to 27.5, "about 20" 18 to
22, "about 12" 11.5 to 12.5, so not 13).

Two bounds of one direction agree when their values do ("more than 12" and
"at least 12"); bounds of opposite directions only where they meet ("as many as
10,000" and "at least 10,000").
"""

from __future__ import annotations

import math
import re

from reportdiff.engine.model import Qualifier

# The wording before a figure → its internal qualifier (see the table above).
QUALIFIERS: dict[str, str] = {
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "above": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "nearly": "nearly",
    "almost": "nearly",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "close to": "approximate",
    "just under": "nearly",
    # a count on its way up to a round number: "the toll is now nearing 1,900"
    "nearing": "nearly",
    "nears": "nearly",
    "approaching": "nearly",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
}

# Internal qualifier → the contract's name for it.
CONTRACT: dict[str, Qualifier] = {
    "exact": "exact",
    "approximate": "approximate",
    "nearly": "approximate",
    "more_than": "more_than",
    "at_least": "more_than",
    "less_than": "less_than",
    "at_most": "less_than",
    "range": "range",
    "vague": "approximate",  # "dozens", "hundreds of thousands"
}
LOWER = frozenset({"more_than", "at_least"})
UPPER = frozenset({"less_than", "at_most"})
INCLUSIVE = frozenset({"at_least", "at_most"})

ROUNDING_SPAN = 0.25  # "more than 40" may stand for 43, not for 55
_AT_START = re.compile(
    "(?:"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r")\b"
)


def said_of(folded: str, start: int, qualifier: str) -> str:
    """The internal qualifier of a figure whose span starts at `start` of `folded`.

    Only a bound needs a second look: the contract's name is kept otherwise.
    """
    if qualifier not in ("more_than", "less_than"):
        return qualifier
    match = _AT_START.match(folded, start)
    if match is None:
        return qualifier
    return QUALIFIERS.get(" ".join(match.group(0).split()), qualifier)


def bounds(low: float | None, high: float | None, said: str) -> tuple[float, bool, float, bool]:
    """(low, low included, high, high included) of the values a wording allows."""
    lo = low if low is not None else -math.inf
    hi = high if high is not None else math.inf
    return lo, said != "more_than", hi, said != "less_than"


def bound_agrees(said: str, bound: float, exact: float, step: float) -> bool:
    """Whether a bound and an exact value tell one fact (the second table above).

    `step` is the bound's rounding step ("40" → 10, "1,500" → 100).
    """
    if said in INCLUSIVE:
        return exact == bound
    if said not in LOWER | UPPER or exact == bound:
        return False
    reach = min(step, ROUNDING_SPAN * abs(bound))
    if said == "more_than":
        return bound < exact < bound + reach
    return bound - reach < exact < bound


def bounds_agree(said_x: str, said_y: str) -> bool | None:
    """For two bounds: False when they point opposite ways, None to compare values."""
    if (said_x in LOWER and said_y in UPPER) or (said_x in UPPER and said_y in LOWER):
        return False
    return None
