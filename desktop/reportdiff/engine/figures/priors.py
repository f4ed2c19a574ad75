"""What each report gives one of: the one count of the dead, the one age, the lede's crowd.

Priors read by evidence (evidence.py) before pairing (pair.py): when each
report gives one number only of what both count ("8,000 evacuated" / "more
than 10,000 forced to leave"), one age only ("a 57-year-old street sweeper"
/ "a 59-year-old cleaner"), or its lede one count of one crowd, the two
figures are likely one fact told twice, whatever the words around them. A
report's restatements of one count ("Toll Nears 1,300" over "rose to
1,297") are one fact when counting.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reportdiff.engine.figures.counted import compound_of, count_key, damage_rating, generic
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.judge import overlap
from reportdiff.engine.figures.owners import is_person_word
from reportdiff.engine.figures.words import (
    EVENT_CLASSES,
    PEOPLE_CLASSES,
    PEOPLE_ENDINGS,
    THING_CLASSES,
    split_words,
    term,
)


def _people_key(found: Found) -> str | None:
    """What a count of people counts ("workers" for "dockworkers"), else None."""
    key = count_key(found)
    if key in PEOPLE_CLASSES or key in EVENT_CLASSES:
        return key
    if key is not None and (found.context.noun or "").endswith(PEOPLE_ENDINGS):
        head = next((c for c in PEOPLE_CLASSES if key.endswith(c[1:])), None)
        return head or key  # "dockworkers" counts workers
    return None


def lede_counts(side: Sequence[Found], lede: int | None) -> Counter[str]:
    """How many counts of each kind of people, and how many days, the lede gives."""
    return Counter(
        key
        for f in side
        if f.figure.paragraph == lede and (key := lede_key(f)) is not None and not f.alias
    )


def lede_key(found: Found) -> str | None:
    """What a count of the lede counts (a kind of people, or homes); None for a total."""
    if found.figure.dimension != "count" or _is_total(found):
        return None
    if count_key(found) == "@home":
        return "@home"  # "destroying at least 87 homes" / "has destroyed 64 houses"
    return _people_key(found)


# Words that make a count the size of a whole, not of those who did something.
_TOTAL_WORDS = frozenset(
    map(
        term,
        split_words(
            """employs employed eligible registered carrying holds population inhabitants
            capacity enrolled"""
        ),
    )
)


def _is_total(found: Found) -> bool:
    return not _TOTAL_WORDS.isdisjoint(found.context.near) or found.context.of_whole


def sole_key(found: Found) -> tuple[str, ...] | None:
    """The kind of fact an age, a tornado's rating or a magnitude tells, for telling
    whether a report gives one only: "a 57-year-old street sweeper" / "a 59-year-old
    cleaner" are one victim when each report names one age; "an F-4" / "a maximum
    rating of EF-5", one tornado; "magnitude 6.3" / "The 6.2 magnitude quake", one
    quake. (Not ordinals: "his first term" / "his second term" are two terms, each
    report right.)"""
    if found.alias or found.past or found.years:
        return None
    if found.context.phrase[:1].isupper():
        return None  # "Dirk Claessens, 59": a named person, not "the" victim
    if (
        found.figure.dimension == "category"
        and found.figure.unit in _SOLE_SCALES
        and not damage_rating(found)
    ):
        return ("category", found.figure.unit)  # "an F-4" / "EF-5": the tornado's one rating
    if found.figure.dimension == "magnitude":
        if any(t == "@aftershock" for t, _ in found.context.terms):
            return None  # an aftershock's magnitude is not the quake's
        return ("magnitude", found.figure.unit)  # "magnitude 6.3" / "The 6.2 magnitude quake"
    return ("age",) if found.figure.dimension == "age" else None


_SOLE_SCALES = frozenset({"EF"})  # a tornado's rating (a hurricane's category changes)


def other_persons(fa: Found, fb: Found) -> bool:
    """ "a 71-year-old man" / "a 68-year-old woman": two kinds of person, two people."""
    x, y = fa.context.noun, fb.context.noun
    return x != y and is_person_word(x) and is_person_word(y)


def sole_of_kind(side: Sequence[Found]) -> dict[tuple[str, ...], int]:
    """The kinds (`sole_key`) one figure only of the report tells, and that figure."""
    seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(side):
        key = sole_key(f)
        if key is not None:
            seen[key].append(i)
    return {key: found[0] for key, found in seen.items() if len(found) == 1}


def counted_values(side: Sequence[Found]) -> dict[str, int]:
    """How many facts each counted thing has in the report: its counts, with
    the restatements of one count taken as one ("Toll Nears 1,300" over "rose
    to 1,297"; "more than 280" over "282")."""
    found: dict[str, list[Found]] = defaultdict(list)
    for f in side:
        if f.years or f.past or f.increment:
            # "in 2008, killing more than 70,000": another event's count; "five
            # more hikers": what is added to a count, no count of its own
            continue
        key = count_key(f)
        if key is not None:
            found[key].append(f)
    return {key: _facts(told) for key, told in found.items()}


def _facts(told: list[Found]) -> int:
    """How many values of `told` remain once those each other's wording allows
    are taken as one (greedily, in reading order)."""
    kept: list[Found] = []
    for f in told:
        if not any(restates(f, k) for k in kept):
            kept.append(f)
    return len(kept)


_RESTATED_SPAN = 0.1  # "nears 1,300" restates 1,297; "at least 7" never restates 50,000


def restates(x: Found, y: Found) -> bool:
    """Whether two values of one measure may be one fact: equal, or within a tenth
    of each other with wordings that allow one value (\"nears 1,300\" / 1,297)."""
    vx, vy = x.figure.value, y.figure.value
    if vx == vy:
        return True
    if vx is None or vy is None:
        return False
    return abs(vx - vy) <= _RESTATED_SPAN * max(abs(vx), abs(vy)) and overlap(x, y)


def only_count_of_its_kind(
    fa: Found,
    fb: Found,
    counted_a: dict[str, int],
    counted_b: dict[str, int],
) -> bool:
    """Whether each report gives one number only of what both count ("8,000
    evacuated" / "more than 10,000 forced to leave"): then it is one fact told twice."""
    ka, kb = count_key(fa), count_key(fb)
    if ka is None or kb is None:
        return False
    if (ka not in EVENT_CLASSES or kb not in EVENT_CLASSES) and not _one_thing(fa, fb):
        # Only what happened to people: "the opposition won 70 seats" / "the
        # ruling party 120 seats", "2.1 million voters cast ballots" / "3.4
        # million voters were eligible" are one number each of other things.
        return False
    if ka != kb and not compound_of(fa.context.noun, fb.context.noun):
        return False
    return counted_a.get(ka) == 1 and counted_b.get(kb) == 1


def _one_thing(fa: Found, fb: Found) -> bool:
    """Counts of one kind of thing ("17 helicopters" / "22 helicopters"): a noun
    of no class of people or events, told with no owner or winner on either side."""
    x, y = fa.context, fb.context
    return (
        x.noun_term is not None
        # people, workers, seats, the dead: a report gives many counts of each
        and (not x.noun_term.startswith("@") or x.noun_term in THING_CLASSES)
        and x.noun_term == y.noun_term
        and not generic(fa)
        and not x.winner
        and not y.winner
        and not x.bound
        and not y.bound
    )
