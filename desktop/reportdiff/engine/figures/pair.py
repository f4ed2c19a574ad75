"""Pair the figures of two reports that speak of the same thing.

The pair stage of the figures pipeline (find → claim → group → pair →
judge → label), called by reports.py. `pair_figures` takes the candidates
whose evidence is enough (evidence.py), those whose values agree first: a
figure told the same way twice is the best evidence that both reports
speak of it, and leaves fewer figures to pair wrongly. A headline's figure,
and a figure that restates in its own report one already paired, are judged
against the partner of the fact they restate. Each pair is judged by
judge.py; `order_pairs` puts differing pairs first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import cast

from reportdiff.engine.figures.assign import assign
from reportdiff.engine.figures.checks import same_claim_kind
from reportdiff.engine.figures.counted import count_key, figure_event, same_counted
from reportdiff.engine.figures.evidence import candidates, cosine, enough, lede_rivals
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.judge import (
    agree_either,
    agree_values,
    alone,
    compatible,
    judge,
    judge_fixed,
)
from reportdiff.engine.figures.nouns import names_people
from reportdiff.engine.figures.priors import lede_counts, restates
from reportdiff.engine.model import FigurePair

_ORDER = {"differs": 0, "same": 1, "only_a": 2, "only_b": 3}


def pair_figures(
    a: Sequence[Found],
    b: Sequence[Found],
    idf: dict[str, float],
    linked: set[tuple[int, int]],
    common: Callable[[], frozenset[str]] = frozenset,
    headlines: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
    ledes: tuple[int | None, int | None] = (None, None),
    named: Callable[[], tuple[frozenset[str], frozenset[str]]] = lambda: (frozenset(), frozenset()),
    *,
    fixed: Sequence[tuple[int, int]] = (),
) -> tuple[FigurePair, ...]:
    """All figures of A and B as pairs: differing first, then same, then alone.

    `common()` gives the words the reports write in lower case: such a word
    with a capital starts a sentence ("Flight 2417 was..."), it names no place.
    `headlines` are the paragraph indices of each report's headline: a figure
    there restates one of the body, and is judged against the other report's
    figure of that fact even when that figure is paired already. `fixed` are
    pairs already known to be one fact (told in the same words): only judged.
    """
    in_lede = lede_counts(a, ledes[0]), lede_counts(b, ledes[1])
    kept = [
        c
        for c in candidates(a, b, idf, linked, common)
        if enough(c, a[c.a], b[c.b], common, named)
        or lede_rivals(c, a[c.a], b[c.b], in_lede, ledes, (common, named))
    ]
    # A headline's figure against the other report's body is left to the
    # headline's own pass below (the other headline's figure of the same measure,
    # else through its echo in its own body): it restates a fact of its body, and
    # must not take a body figure's partner first.
    heads_a, heads_b = headlines
    kept = [
        c
        for c in kept
        if (a[c.a].figure.paragraph in heads_a) == (b[c.b].figure.paragraph in heads_b)
    ]
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    pairs: list[FigurePair] = []
    for fa_index, fb_index in fixed:
        match_a[fa_index], match_b[fb_index] = fb_index, fa_index
        pairs.append(judge_fixed(a[fa_index], b[fb_index]))
    for c in assign(kept, lambda c: _vague(a[c.a], b[c.b]), (set(match_a), set(match_b))):
        match_a[c.a], match_b[c.b] = c.b, c.a
        pairs.append(judge(a[c.a], b[c.b], c.agree))
    # Two headlines' figures of one measure face each other ("Nearly 180 Missing" /
    # "Nearly 200 Missing"); a headline figure left over meets the fact it restates.
    for i in _unpaired_in(a, match_a, heads_a):
        j = _other_headline(a[i], b, heads_b, match_b)
        if j is None:
            j = _headline_partner(a, b, i, match_a, (idf, linked, common))
        if j is not None:
            match_a[i] = j
            match_b.setdefault(j, i)
            pairs.append(judge(a[i], b[j], agree_values(a[i], b[j])))
    for j in _unpaired_in(b, match_b, heads_b):
        k = _headline_partner(b, a, j, match_b, (idf, {(y, x) for x, y in linked}, common))
        if k is not None:
            match_b[j] = k
            pairs.append(judge(a[k], b[j], agree_values(a[k], b[j])))
    # Restatements form one fact: a figure left alone that restates, in its own
    # report, a figure now paired ("113 Dead" in the headline, "at least 113
    # people" in the lede) is judged against the same partner.
    for i, j in _restatements(a, match_a).items():
        match_a[i] = j
        pairs.append(judge(a[i], b[j], agree_either(a[i], b[j])))
    for j, i in _restatements(b, match_b).items():
        match_b[j] = i
        pairs.append(judge(a[i], b[j], agree_either(a[i], b[j])))
    pairs += [alone(f, "only_a") for i, f in enumerate(a) if i not in match_a]
    pairs += [alone(f, "only_b") for i, f in enumerate(b) if i not in match_b]
    return order_pairs(pairs)


def _vague(fa: Found, fb: Found) -> bool:
    return "vague" in (fa.said, fb.said)


def _fact_key(found: Found) -> tuple[object, ...] | None:
    """What makes two figures of one report one fact told twice: the same measure
    (a count of the same event or noun), neither of another time; their values
    must then restate each other (`restates`)."""
    f = found.figure
    if f.value is None or found.past or found.years or found.alias:
        return None
    if f.dimension == "count":
        key = count_key(found)
        event = figure_event(found)
        if event in _TOLL_EVENTS and names_people(found.context.noun or ""):
            key = event  # "25 dead" in the headline, "Twenty-five miners are confirmed dead"
        return None if key is None else ("count", key)
    if f.dimension in ("date", "time", "ordinal", "age", "number"):
        return None  # reports name many days and ages: restatement is not told by value
    noun = found.context.noun_term
    return None if noun is None else (f.dimension, f.unit, noun)


# What happens to people that a report tells one toll of.
_TOLL_EVENTS = frozenset({"@death", "@injury", "@missing"})


def _restatements(side: Sequence[Found], match: dict[int, int]) -> dict[int, int]:
    """Figures left alone that restate a paired figure of their own report ("113
    Dead" / "at least 113 people"; "has passed 1,000" / "1,034 deaths"; "Almost 300
    dead" / "277 dead"), each with the partner of the nearest such figure in value."""
    paired: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for k in sorted(match):
        key = _fact_key(side[k])
        if key is not None:
            paired[key].append(k)
    found: dict[int, int] = {}
    for i, f in enumerate(side):
        key = None if i in match else _fact_key(f)
        told = (
            [k for k in paired.get(key, ()) if restates(f, side[k]) and same_claim_kind(f, side[k])]
            if key
            else []
        )
        if told:
            value = cast(float, f.figure.value)
            nearest = min(told, key=lambda k: abs(cast(float, side[k].figure.value) - value))
            found[i] = match[nearest]
    return found


def order_pairs(pairs: Iterable[FigurePair]) -> tuple[FigurePair, ...]:
    """Differing pairs first, then same, then A's and B's alone; each in reading order."""
    return tuple(sorted(pairs, key=lambda p: (_ORDER[p.status], *_position(p))))


def _unpaired_in(side: Sequence[Found], match: dict[int, int], heads: frozenset[int]) -> list[int]:
    return [i for i, f in enumerate(side) if i not in match and f.figure.paragraph in heads]


_Evidence = tuple[dict[str, float], set[tuple[int, int]], Callable[[], frozenset[str]]]


def _other_headline(
    head: Found, other: Sequence[Found], heads: frozenset[int], taken: dict[int, int]
) -> int | None:
    """The one figure of the other report's headline that measures what `head` does:
    a count of the same event ("Nearly 180 … Missing" / "Nearly 200 Missing"), not
    any count ("Quake Kills 12" / "200 Pulled From Rubble")."""
    event = figure_event(head) if head.figure.dimension == "count" else None
    found = [
        k
        for k, f in enumerate(other)
        if f.figure.paragraph in heads
        and k not in taken
        and _speaks_of(head, f)
        and (head.figure.dimension != "count" or (event is not None and figure_event(f) == event))
    ]
    return found[0] if len(found) == 1 else None


def _headline_partner(
    own: Sequence[Found], other: Sequence[Found], h: int, match: dict[int, int], ev: _Evidence
) -> int | None:
    """The other report's figure a headline figure speaks of.

    First through its echo: the body figure of its own report that states the
    same fact ("kills at least 12" / "killing at least 12 people"), whose
    partner it takes. Else the other report's figure that the evidence pairs
    it with, as for any figure (`own` plays A's role here).
    """
    head = own[h]
    echoes = [
        k for k in match if own[k].figure.paragraph != head.figure.paragraph and _echo(head, own[k])
    ]
    if echoes:
        best = max(echoes, key=lambda k: cosine(head.context.terms, own[k].context.terms, ev[0]))
        partner = match[best]
        return partner if _speaks_of(head, other[partner]) else None
    idf, linked, common = ev
    found = [
        c for c in candidates([head], other, idf, linked) if enough(c, head, other[c.b], common)
    ]
    return max(found, key=lambda c: (c.agree, c.evidence)).b if found else None


def _echo(head: Found, body: Found) -> bool:
    """Whether a body figure of the same report restates a headline figure.

    Headlines round ("200,000 without power" for "more than 200,000 homes"):
    an equal value is enough, whatever the qualifiers.
    """
    return head.figure.value == body.figure.value and _speaks_of(head, body)


def _speaks_of(head: Found, other: Found) -> bool:
    """Whether nothing says a headline figure and another measure different things.

    A headline names little ("kills 12", "200,000 without power"): a count
    with no noun of its own may stand for any count of the same event.
    """
    x, y = head.figure, other.figure
    if x.dimension != y.dimension or x.unit != y.unit:
        return False
    if not same_claim_kind(head, other):
        return False  # "Toll expected to top 500" is no count made
    if x.dimension == "count":
        return same_counted(head, other, True)
    return compatible(head, other)


def _position(pair: FigurePair) -> tuple[int, int]:
    figure = pair.a or pair.b
    assert figure is not None
    return figure.paragraph, figure.start
