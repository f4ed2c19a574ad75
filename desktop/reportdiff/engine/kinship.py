"""Whether two reports tell one event at all.

ReportDiff assumes the two reports are of one event: it pairs "7 killed" with
"12 killed" and says they differ. Picked by mistake, two reports of two
storms would fill the figures panel with differences that are none. Reports
of one event name the same places, people and bodies ("Kostelec", "Povodí
Orlavy", "Zelensky"); two reports of two events share hardly a name and
little text. Both signs together say "these may be two events"; the view and
the exports then warn before the reader trusts a figure that differs.

Measured on the references (seeds and four blind sets, 17 pairs of one event
and 570 pairs of two): reports of one event share at least a fifth of their
names and link at least a sixth of their paragraphs; the thresholds below
flag 539 of the 570 pairs of two events and none of one.
"""

from __future__ import annotations

import re

from reportdiff.engine.model import AlignedGroup, Report
from reportdiff.engine.text import strip_accents

NAME_SHARE = 0.1  # below this share of shared names ...
LINKED_SHARE = 0.3  # ... and this share of linked paragraphs: two events
_MIN_NAMES = 3  # a report naming fewer says too little to judge

UNRELATED_WARNING = (
    "These reports share few names and little text: they may tell different events. "
    "Check that they do before trusting the figures that differ."
)

# A capitalised word inside a sentence (after a word, a comma or a bracket).
_NAME_RE = re.compile(r"(?<=[\w,;)’'] )([A-Z][\w'’-]{2,})")
_LOWER_RE = re.compile(r"\b[a-z][\w'’-]+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_CALENDAR = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday"),
    )
)


def names(report: Report) -> frozenset[str]:
    """The names a report uses: capitalised words it never writes in lower case."""
    text = "\n".join(p.text for p in report.content_paragraphs())
    lower = set(_LOWER_RE.findall(text))
    found = set()
    for word in set(_NAME_RE.findall(text)):
        if word.lower() in lower:
            continue  # "Officials", "The" after a quote: common words
        key = _POSSESSIVE_RE.sub("", strip_accents(word.lower()))
        if key not in _CALENDAR:
            found.add(key)
    return frozenset(found)


def likely_unrelated(a: Report, b: Report, groups: tuple[AlignedGroup, ...]) -> bool:
    """Whether the reports share so few names and so little text that they may
    tell different events."""
    # The linked share first: it costs nothing, and most pairs end there.
    paragraphs = len(a.content_paragraphs()) + len(b.content_paragraphs())
    linked = sum(len(g.a) + len(g.b) for g in groups if g.linked)
    if paragraphs == 0 or linked / paragraphs >= LINKED_SHARE:
        return False
    names_a, names_b = names(a), names(b)
    if min(len(names_a), len(names_b)) < _MIN_NAMES:
        return False
    return len(names_a & names_b) / min(len(names_a), len(names_b)) < NAME_SHARE
