"""Pair the figures of two reports that speak of the same thing, and judge them.

Two figures are candidates when they share a dimension and nothing says they
measure different things (different counted nouns, "killed" vs "injured",
values of a different order). A candidate's evidence is the likeness of the
words around the two figures (weighted by rarity across both reports), the
same counted noun, and a link between their paragraphs. Figures with equal
values pair first; a pair whose values differ needs stronger evidence,
because a false "differs" costs the reader's trust more than a missed one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportdiff.engine.figures.checks import (
    both_tolls,
    other_heads,
    other_owner,
    other_places,
    other_winners,
    other_years,
    same_owner,
    same_places,
    variants,
)
from reportdiff.engine.figures.counted import (
    count_key,
    figure_event,
    generic,
    same_counted,
)
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.judge import (
    agree_either,
    agree_values,
    alone,
    compatible,
    judge,
    judge_fixed,
)
from reportdiff.engine.figures.priors import (
    counted_values,
    lede_counts,
    lede_key,
    only_count_of_its_kind,
    other_persons,
    sole_key,
    sole_of_kind,
)
from reportdiff.engine.model import FigurePair

SAME_EVIDENCE = 0.2
DIFFERS_EVIDENCE = 0.4
# Both reports state this value once in this dimension ("Aug. 29", "three
# years"): likely the same fact, and pairing it can only say "same".
UNIQUE_VALUE_BONUS = 0.2
# Each report gives one number of a thing both count (the evacuated, the workers
# on strike): the two numbers are likely one fact, whatever their words around.
UNIQUE_COUNT_BONUS = 0.4
# Two figures told of the same places (their clauses name the same ones).
SAME_PLACES_BONUS = 0.3
# Two figures each told as the toll ("the death toll rose to 238").
TOLL_BONUS = 0.4
_ORDER = {"differs": 0, "same": 1, "only_a": 2, "only_b": 3}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible pair with its evidence and whether the values agree."""

    a: int
    b: int
    evidence: float
    agree: bool
    # Each report gives one number only of what both count: one fact told twice.
    unique: bool = False


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
    candidates = [
        c
        for c in _candidates(a, b, idf, linked, common)
        if _enough(c, a[c.a], b[c.b], common, named)
        or _lede_rivals(c, a[c.a], b[c.b], in_lede, ledes, (common, named))
    ]
    # Agreeing pairs first: a figure told the same way twice is the best evidence
    # that both reports speak of it, and leaves fewer figures to pair wrongly.
    candidates.sort(key=lambda c: (not c.agree, -c.evidence))
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    pairs: list[FigurePair] = []
    for fa_index, fb_index in fixed:
        match_a[fa_index], match_b[fb_index] = fb_index, fa_index
        pairs.append(judge_fixed(a[fa_index], b[fb_index]))
    for c in candidates:
        if c.a in match_a or c.b in match_b:
            continue
        match_a[c.a], match_b[c.b] = c.b, c.a
        pairs.append(judge(a[c.a], b[c.b], c.agree))
    heads_a, heads_b = headlines
    for i in _unpaired_in(a, match_a, heads_a):
        j = _headline_partner(a, b, i, match_a, (idf, linked, common))
        if j is not None:
            match_a[i] = j
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


def _fact_key(found: Found) -> tuple[object, ...] | None:
    """What makes two figures of one report one fact told twice: the same value of
    the same measure (a count of the same event or noun), neither of another time."""
    f = found.figure
    if f.value is None or found.past or found.years or found.alias:
        return None
    if f.dimension == "count":
        key = count_key(found)
        return None if key is None else ("count", key, f.value)
    if f.dimension in ("date", "time", "ordinal", "age", "number"):
        return None  # reports name many days and ages: restatement is not told by value
    noun = found.context.noun_term
    return None if noun is None else (f.dimension, f.unit, noun, f.value)


def _restatements(side: Sequence[Found], match: dict[int, int]) -> dict[int, int]:
    """Figures left alone that restate a paired figure of their own report, each with
    the partner of the first such figure."""
    partner_of: dict[tuple[object, ...], int] = {}
    for k in sorted(match):
        key = _fact_key(side[k])
        if key is not None:
            partner_of.setdefault(key, match[k])
    found: dict[int, int] = {}
    for i, f in enumerate(side):
        key = None if i in match else _fact_key(f)
        if key is not None and key in partner_of:
            found[i] = partner_of[key]
    return found


def order_pairs(pairs: Iterable[FigurePair]) -> tuple[FigurePair, ...]:
    """Differing pairs first, then same, then A's and B's alone; each in reading order."""
    return tuple(sorted(pairs, key=lambda p: (_ORDER[p.status], *_position(p))))


def _unpaired_in(side: Sequence[Found], match: dict[int, int], heads: frozenset[int]) -> list[int]:
    return [i for i, f in enumerate(side) if i not in match and f.figure.paragraph in heads]


_Evidence = tuple[dict[str, float], set[tuple[int, int]], Callable[[], frozenset[str]]]


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
        best = max(echoes, key=lambda k: _cosine(head.context.terms, own[k].context.terms, ev[0]))
        partner = match[best]
        return partner if _speaks_of(head, other[partner]) else None
    idf, linked, common = ev
    found = [
        c for c in _candidates([head], other, idf, linked) if _enough(c, head, other[c.b], common)
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
    if x.dimension == "count":
        return same_counted(head, other, True)
    return compatible(head, other)


def _position(pair: FigurePair) -> tuple[int, int]:
    figure = pair.a or pair.b
    assert figure is not None
    return figure.paragraph, figure.start


def _enough(
    c: Candidate,
    fa: Found,
    fb: Found,
    common: Callable[[], frozenset[str]],
    named: Callable[[], tuple[frozenset[str], frozenset[str]]] | None = None,
) -> bool:
    """Whether the evidence suffices: a "differs" must be beyond doubt.

    `named` (every word of each report) lets the one toll each report gives
    meet across two scales of one place ("struck Haiti" / "in Les Cayes"),
    when each report names the other's place too."""
    if c.agree:
        return c.evidence >= SAME_EVIDENCE and not other_owner(fa, fb)
    if c.evidence < DIFFERS_EVIDENCE:
        return False
    if other_years(fa, fb):
        # "since 1997, when 228 people died": another year, another event, unless
        # the other sentence names that year too, further off ("... from 2014 to 2019").
        return False
    if fa.past != fb.past or fa.yardstick != fb.yardstick:
        return False  # "up from 55% four years ago" is no rival of this year's turnout
    if fa.increment != fb.increment:
        return False  # "a further 15 on the ground" is no rival of the toll
    if (
        fa.figure.dimension in ("count", "percent")
        and other_places(fa, fb, common)
        and not _one_toll_one_place(c, fa, fb, named)
    ):
        return False  # "5 killed in Florida" / "Georgia reported 8 deaths"
    if other_winners(fa.context.winner, fb.context.winner):
        return False  # "the CDU won 28.5%" / "the AfD won 20.8%"
    if other_heads(fa, fb):
        return False  # "a margin of eight points" / "a gender gap of 14 points"
    parts = fa.context.part, fb.context.part
    if None not in parts and parts[0] != parts[1]:
        return False  # "a third of those killed were children" / "half ... were women"
    told = variants(fa), variants(fb)
    if all(told) and told[0].isdisjoint(told[1]):
        return False  # "regular pay growth 4.6%" / "total pay growth 4.9 per cent"
    # Linked paragraphs add to the evidence, but a paragraph states many
    # figures, so the words right next to both figures must meet beyond the
    # counted noun: "the opposition won 70 seats" / "the ruling party won 120
    # seats" do not.
    if c.unique and fa.figure.dimension == "count":
        return True  # the one count of the dead (of helicopters) each report gives
    if c.unique and c.evidence - UNIQUE_COUNT_BONUS >= SAME_EVIDENCE:
        # The one age each report gives, in words that meet:
        # one person ("collapsed ... in Córdoba"), not a name and a passer-by.
        return True
    shared = _shared_near(fa, fb)
    event, noun = figure_event(fa), fa.context.noun_term
    if event is not None and event == figure_event(fb) and same_places(fa, fb, common):
        return True  # "27 killed in Bangladesh" / "25 deaths in Bangladesh": one toll
    if both_tolls(fa, fb) and not other_places(fa, fb, common):
        return True  # each report's "death toll rose to ...": the toll, told twice
    if event is not None and event == figure_event(fb) and noun == fb.context.noun_term:
        shared |= {event}  # "400,000 people ordered to evacuate" / "250,000 told to leave"
    if fa.figure.dimension == "date":
        # Reports name many dates of many events ("since 1995", "in 2022"):
        # a date differs only when the words around both say the same event,
        # or both name the day of one thing ("Monday's vote" / "Tuesday's vote").
        if fa.figure.unit == "month":
            return False
        # Who tells of it ("forecasters said") does not tell which event it is.
        shared -= fa.context.speakers | fb.context.speakers
        return len(shared) >= 2 or same_owner(fa, fb)
    return bool(shared)


def _lede_rivals(
    c: Candidate,
    fa: Found,
    fb: Found,
    in_lede: tuple[Counter[str], Counter[str]],
    ledes: tuple[int | None, int | None],
    words: tuple[Callable[[], frozenset[str]], Callable[[], tuple[frozenset[str], frozenset[str]]]],
) -> bool:
    """Two ledes that each count one crowd of the same people count the same crowd.

    "Around 6,000 dockworkers walked off the job" / "some 4,500 port workers
    began a two-day strike": a lede states the event's main figures, and each
    names one number of these people. A total the place holds ("the plant,
    which employs 11,000 workers", "3.4 million voters were eligible") is
    not a number of those who did something.
    """
    if c.agree or fa.past or fb.past:
        return False
    key = lede_key(fa)
    if (
        key is None
        or key != lede_key(fb)
        or figure_event(fa) is None
        or figure_event(fa) != figure_event(fb)
    ):
        return False  # "6,000 workers walked out" / "would lay off 2,900 workers"
    if in_lede[0][key] != 1 or in_lede[1][key] != 1:
        return False
    if (fa.figure.paragraph, fb.figure.paragraph) != ledes:
        return False
    if other_years(fa, fb):
        return False
    common, named = words
    if not other_places(fa, fb, common):
        return True
    # Ledes name the event's place at any scale ("in the El Dorado County
    # foothills" / "in California's Sierra Nevada"): one report naming the
    # other's place elsewhere makes it one place.
    named_a, named_b = named()
    return bool(fa.context.places & named_b or fb.context.places & named_a)


def _candidates(
    a: Sequence[Found],
    b: Sequence[Found],
    idf: dict[str, float],
    linked: set[tuple[int, int]],
    common: Callable[[], frozenset[str]] = frozenset,
) -> Iterable[Candidate]:
    """Compatible pairs, meeting only figures of one dimension and unit.

    In a crowded kind (a table of hundreds of counts) only equal values meet,
    a few per figure: pairing must not take quadratic time on such reports.
    """
    values_a = Counter(_value_key(f) for f in a)
    values_b = Counter(_value_key(f) for f in b)
    counted_a, counted_b = counted_values(a), counted_values(b)
    kinds_a = Counter(_kind(f) for f in a)
    sole_a, sole_b = sole_of_kind(a), sole_of_kind(b)
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_value: dict[tuple[str, str, float | None], list[int]] = defaultdict(list)
    for j, fb in enumerate(b):
        if fb.alias:
            continue  # "(50 mph)" restates the figure before it, which speaks for both
        by_kind[_kind(fb)].append(j)
        by_value[(*_kind(fb), fb.figure.value)].append(j)
    for i, fa in enumerate(a):
        if fa.alias:
            continue
        others = by_kind.get(_kind(fa), [])
        crowded = kinds_a[_kind(fa)] * len(others) > _MAX_PAIRS
        if crowded:
            others = by_value.get((*_kind(fa), fa.figure.value), [])[:_CROWDED_PEERS]
        for j in others:
            fb = b[j]
            key = sole_key(fa)
            sole = (
                key is not None
                and sole_a.get(key) == i
                and sole_b.get(key) == j
                and not other_persons(fa, fb)
            )
            if not sole and not compatible(fa, fb):
                continue
            agree = agree_either(fa, fb)
            link = (fa.figure.paragraph, fb.figure.paragraph) in linked
            evidence = _evidence(fa, fb, idf, link)
            if same_places(fa, fb, common):
                evidence += SAME_PLACES_BONUS  # "27 killed in Bangladesh" / "25 in Bangladesh"
            if both_tolls(fa, fb):
                evidence += TOLL_BONUS  # "the death toll rose to 238" / "the toll to 301"
            if (
                agree
                and fa.figure.unit != "weekday"
                and values_a[_value_key(fa)] == 1
                and values_b[_value_key(fb)] == 1
            ):
                evidence += UNIQUE_VALUE_BONUS
            unique = sole or only_count_of_its_kind(fa, fb, counted_a, counted_b)
            if not agree and unique:
                evidence += UNIQUE_COUNT_BONUS
            yield Candidate(i, j, evidence, agree, unique)


_MAX_PAIRS = 40_000
_CROWDED_PEERS = 8


def _kind(found: Found) -> tuple[str, str]:
    return found.figure.dimension, found.figure.unit


def _value_key(found: Found) -> tuple[str, float | None]:
    return found.figure.dimension, found.figure.value


def _one_toll_one_place(
    c: Candidate,
    fa: Found,
    fb: Found,
    named: Callable[[], tuple[frozenset[str], frozenset[str]]] | None,
) -> bool:
    """The one count of one event each report gives, its places named by both
    reports: the places are two scales of where it happened, not two places."""
    event = figure_event(fa)
    if named is None or not c.unique or event is None or event != figure_event(fb):
        return False
    named_a, named_b = named()
    return fa.context.places <= named_b and fb.context.places <= named_a


def _shared_near(fa: Found, fb: Found) -> frozenset[str]:
    """Terms right next to both figures, beyond the noun two counts both count."""
    shared = fa.context.near & fb.context.near
    if fa.figure.dimension == "count":
        shared -= {fa.context.noun_term, fb.context.noun_term}
    elif fa.figure.dimension == "percent" and fa.context.noun_term == fb.context.noun_term:
        shared -= {fa.context.noun_term}  # "35% of the vote" / "30% of the vote": whose?
    return shared


def _evidence(fa: Found, fb: Found, idf: dict[str, float], linked: bool) -> float:
    """How sure we are that two figures measure one thing (about 0 to 1.5)."""
    score = _cosine(fa.context.terms, fb.context.terms, idf)
    na, nb = fa.context.noun_term, fb.context.noun_term
    if na is not None and na == nb and not generic(fa):
        score += 0.3
    elif fa.context.noun is not None and fa.context.noun == fb.context.noun:
        score += 0.1  # "seven civilians" / "12 civilians" rather than "five soldiers"
    # Words right next to both figures ("depth", "quake") say more than the
    # sentence around them, which often tells who said it.
    score += 0.15 * min(2, len(_shared_near(fa, fb)))
    if linked:
        score += 0.3
    return score


def _cosine(
    x: tuple[tuple[str, float], ...], y: tuple[tuple[str, float], ...], idf: dict[str, float]
) -> float:
    wx = {t: w * idf.get(t, 1.0) for t, w in x}
    wy = {t: w * idf.get(t, 1.0) for t, w in y}
    dot = sum(w * wy[t] for t, w in wx.items() if t in wy)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in wx.values()) * sum(w * w for w in wy.values()))
