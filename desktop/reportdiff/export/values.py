"""A figure's value as a person reads it: "more than 1 h 30 min", "about 20%".

The engine keeps values in base units (seconds, metres, a currency code) so
they compare, and `reportdiff.engine.figures.display_value` writes them in a
reader's units; the figures panel shows the same words. The exports add the
qualifier the wording gave ("or more", "about"). The CSV keeps the raw
machine value in columns of its own.
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.display import display_value as _amount
from reportdiff.engine.model import Figure

# The model folds "more than" and "at least" into one qualifier (and "less
# than", "up to", "at most" into another), so the words chosen fit them all:
# "at least 12" must not be shown as "more than 12".
_QUALIFIERS = {"approximate": "about {}", "more_than": "{} or more", "less_than": "up to {}"}
# Unless the figure's own words are strict: "more than 90 minutes" is "more than
# 1 h 30 min", not "1 h 30 min or more".
_STRICT = {
    "more_than": (re.compile(r"(more|greater) than|over|above|upwards of|in excess of", re.I),
                  "more than {}"),
    "less_than": (re.compile(r"(less|fewer) than|under|below", re.I), "less than {}"),
}  # fmt: skip


def display_value(figure: Figure) -> str:
    """The figure's value with its qualifier, for people: "1 h 30 min or more".

    Empty when there is nothing to show (no value, or one that cannot be
    written, such as a month 13 in a hand-made figure).
    """
    try:
        amount = _amount(figure)
    except (ValueError, IndexError, OverflowError):
        return ""
    template = _QUALIFIERS.get(figure.qualifier, "{}")
    strict = _STRICT.get(figure.qualifier)
    if strict is not None and strict[0].match(figure.text):
        template = strict[1]
    return template.format(amount) if amount else ""


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 paragraph", "2 paragraphs": the noun agreeing with its count."""
    noun = one if count == 1 else (many or one + "s")
    return f"{count:,} {noun}"
