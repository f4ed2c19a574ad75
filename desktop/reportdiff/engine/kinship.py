"""Whether two reports tell one event at all.

ReportDiff assumes the two reports are of one event: it pairs "7 killed" with
"12 killed" and says they differ. Picked by mistake, two reports of two
storms would fill the figures panel with differences that are none. Reports
of one event name the same places, people and bodies ("Kostelec", "Povodí
Orlavy", "Zelensky"); two reports of two events share hardly a name and
little text. Both signs together say "these may be two events"; the view and
the exports then warn before the reader trusts a figure that differs.

Measured on the references (seeds and five blind sets: 29 pairs of one event,
874 pairs of two): no pair of one event is warned of, 735 of the 874 pairs of
two are. A reviewer's one-event pairs that name things differently ("Kyiv" /
"Kiev", "Wrocław" / "Wroclaw", "Türkiye" / "Turkey", the FAA spelled out) are
not warned of either: names are folded and met by their first letters, the
linked share is the shorter report's, and two agreeing figures settle it. A
report naming too few things to judge by ("A strong storm hit the coast on
Monday...") is warned of only when nothing of it links at all; on the 26
reference folders that warns of no pair of one event.
"""

from __future__ import annotations

import re

from reportdiff.engine.model import AlignedGroup, FigurePair, Report
from reportdiff.engine.text import strip_accents

NAME_SHARE = 0.1  # below this share of shared names ...
LINKED_SHARE = 0.3  # ... and this share of linked paragraphs: two events
_MIN_NAMES = 3  # a report naming fewer says too little to judge by its names
_MIN_PARAGRAPHS = 2  # ... and then, with this many paragraphs each, nothing linked says it

UNRELATED_WARNING = (
    "These reports share few names and little text: they may tell different events. "
    "Check that they do before trusting the figures that differ."
)

# A word inside a sentence (after a word, a comma or a bracket); names are the capitalised ones.
_WORD_AFTER_RE = re.compile(r"(?<=[\w,;)’'] )([^\W\d_][\w'’-]+)")
_LOWER_RE = re.compile(r"\b[^\W\d_A-Z][\w'’-]+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
# Letters that do not decompose into a base letter and an accent.
_TRANSLITERATION = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "æ": "ae", "ß": "ss", "œ": "oe"}
)
# Written out, not taken from figures/units.py: the engine's import must not load the
# figures package (the first window does not need it).
_CALENDAR = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday"),
    )
)
_PREFIX = 5  # "Zelenskyy" / "Zelensky", "Russia" / "Russian", "Philippine" / "Philippines"
_SAME_EVENT_FIGURES = 2  # this many agreeing figures say "one event"


def names(report: Report) -> frozenset[str]:
    """The names a report uses: capitalised words it never writes in lower case,
    folded ("Wrocław" → "wroclaw") and split at hyphens ("Benghazi-based" → "benghazi")."""
    text = "\n".join(p.text for p in report.content_paragraphs())
    lower = {w.lower() for w in _LOWER_RE.findall(text)}
    found = set()
    for word in set(_WORD_AFTER_RE.findall(text)):
        if not word[0].isupper() or word.lower() in lower:
            continue  # "Officials", "The" after a quote: common words
        folded = strip_accents(word.lower()).translate(_TRANSLITERATION)
        for part in _POSSESSIVE_RE.sub("", folded).split("-"):
            if len(part) >= 2 and part not in _CALENDAR and part not in lower:
                found.add(part)
    return frozenset(found)


def _shared(x: frozenset[str], y: frozenset[str]) -> int:
    """How many names of `x` the other report writes too, or nearly ("Kyiv" / "Kiev" do
    not meet; "Zelenskyy" / "Zelensky" do, by their first letters)."""
    prefixes = {n[:_PREFIX] for n in y if len(n) >= _PREFIX}
    return sum(1 for n in x if n in y or (len(n) >= _PREFIX and n[:_PREFIX] in prefixes))


def likely_unrelated(
    a: Report, b: Report, groups: tuple[AlignedGroup, ...], figures: tuple[FigurePair, ...] = ()
) -> bool:
    """Whether the reports share so few names and so little text that they may
    tell different events."""
    if sum(1 for f in figures if f.status == "same") >= _SAME_EVENT_FIGURES:
        return False  # figures told alike by both: one event
    # The linked share of the shorter report first: it costs nothing, and most pairs end
    # there (a three-paragraph brief linked whole against a long report is one event).
    count_a, count_b = len(a.content_paragraphs()), len(b.content_paragraphs())
    if min(count_a, count_b) == 0:
        return False
    shorter_a = count_a <= count_b
    linked = sum(len(g.a if shorter_a else g.b) for g in groups if g.linked)
    if linked / min(count_a, count_b) >= LINKED_SHARE:
        return False
    names_a, names_b = names(a), names(b)
    if min(len(names_a), len(names_b)) < _MIN_NAMES:
        # Too few names to judge by: a brief of another event links nothing at all.
        return linked == 0 and min(count_a, count_b) >= _MIN_PARAGRAPHS
    smaller, larger = sorted((names_a, names_b), key=len)
    return _shared(smaller, larger) / len(smaller) < NAME_SHARE
