"""Which figures of two reports may be one fact, and whether the evidence is enough.

The group stage of the figures pipeline (find → claim → group → pair →
judge → label). Two figures are candidates when they share a dimension and
nothing says they measure different things (judge.py's `compatible`:
different counted nouns, "killed" vs "injured", values of a different
order). A candidate's evidence is the likeness of the words around the two
figures (weighted by rarity across both reports), the same counted noun, a
link between their paragraphs, and the priors of priors.py. `enough` says
whether it suffices: a pair whose values differ needs stronger evidence,
because a false "differs" costs the reader's trust more than a missed one,
and none suffices when checks.py tells the two figures apart.
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
    same_claim_kind,
    same_owner,
    same_places,
    same_winner,
    variants,
)
from reportdiff.engine.figures.counted import figure_event, generic
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.judge import agree_either, compatible
from reportdiff.engine.figures.priors import (
    counted_values,
    lede_key,
    only_count_of_its_kind,
    other_persons,
    sole_key,
    sole_of_kind,
)

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
# Two shares both told as one named winner's: whose they are says which fact.
SAME_WINNER_BONUS = 0.4
# Two figures each told as the toll ("the death toll rose to 238").
TOLL_BONUS = 0.4

# A kind with more A x B pairs than this (a table of counts) meets only equal values,
# this many peers per figure at most.
_MAX_PAIRS = 40_000
_CROWDED_PEERS = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible pair with its evidence and whether the values agree."""

    a: int
    b: int
    evidence: float
    agree: bool
    # Each report gives one number only of what both count: one fact told twice.
    unique: bool = False


def candidates(
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
            # One magnitude each is one quake's only within what magnitudes allow
            # (a main shock of 7.8 is no aftershock of 6.7).
            if not (sole and key is not None and key[0] != "magnitude") and not compatible(fa, fb):
                continue
            agree = agree_either(fa, fb)
            link = (fa.figure.paragraph, fb.figure.paragraph) in linked
            evidence = _evidence(fa, fb, idf, link)
            if same_places(fa, fb, common):
                evidence += SAME_PLACES_BONUS  # "27 killed in Bangladesh" / "25 in Bangladesh"
            if fa.figure.dimension == "percent" and same_winner(
                fa.context.winner, fb.context.winner
            ):
                evidence += SAME_WINNER_BONUS  # "Ahmadinejad ... won with 61.8%" / "taking 61%"
            if fa.context.origin is not None and fa.context.origin == fb.context.origin:
                evidence += SAME_PLACES_BONUS  # "50 km northwest of Padang" / "60 km WNW of Padang"
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


def _kind(found: Found) -> tuple[str, str]:
    return found.figure.dimension, found.figure.unit


def _value_key(found: Found) -> tuple[str, float | None]:
    return found.figure.dimension, found.figure.value


def _evidence(fa: Found, fb: Found, idf: dict[str, float], linked: bool) -> float:
    """How sure we are that two figures measure one thing (about 0 to 1.5)."""
    score = cosine(fa.context.terms, fb.context.terms, idf)
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


def _shared_near(fa: Found, fb: Found) -> frozenset[str]:
    """Terms right next to both figures, beyond the noun two counts both count."""
    shared = fa.context.near & fb.context.near
    if fa.figure.dimension == "count":
        shared -= {fa.context.noun_term, fb.context.noun_term}
    elif fa.figure.dimension == "percent" and fa.context.noun_term == fb.context.noun_term:
        shared -= {fa.context.noun_term}  # "35% of the vote" / "30% of the vote": whose?
    return shared


def cosine(
    x: tuple[tuple[str, float], ...], y: tuple[tuple[str, float], ...], idf: dict[str, float]
) -> float:
    """The likeness of two figures' weighted terms, each weighted by its rarity (`idf`)."""
    wx = {t: w * idf.get(t, 1.0) for t, w in x}
    wy = {t: w * idf.get(t, 1.0) for t, w in y}
    dot = sum(w * wy[t] for t, w in wx.items() if t in wy)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in wx.values()) * sum(w * w for w in wy.values()))


def enough(
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
    if "vague" in (fa.said, fb.said) and not _vague_rivals(fa, fb):
        return False  # "Thousands of rescue workers" / "16 rescue teams"
    if c.agree:
        # "raising the number of dead from 125 to 149": what was is no restatement of what is
        return c.evidence >= SAME_EVIDENCE and not other_owner(fa, fb) and fa.past == fb.past
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
        fa.figure.dimension in ("count", "percent", "category")
        and other_places(fa, fb, common)
        and not _one_toll_one_place(c, fa, fb, named)
    ):
        return False  # "5 killed in Florida" / "Georgia reported 8 deaths"; an EF-3 in Alabama
    if other_winners(fa.context.winner, fb.context.winner):
        return False  # "the CDU won 28.5%" / "the AfD won 20.8%"
    if other_heads(fa, fb):
        return False  # "a margin of eight points" / "a gender gap of 14 points"
    parts = fa.context.part, fb.context.part
    if None not in parts and parts[0] != parts[1]:
        return False  # "a third of those killed were children" / "half ... were women"
    if fa.context.subset != fb.context.subset:
        return False  # "131 injured, of which 20 are in a serious condition" / "140 injured"
    if _other_classes(fa.context.noun_term, fb.context.noun_term):
        return False  # "wind gusts up to 250 km/h" / "winds between 150 and 185 kph"
    origins = fa.context.origin, fb.context.origin
    if None not in origins and origins[0] != origins[1]:
        return False  # "10 km from Padang" / "35 km from Bukittinggi": two distances
    moments = fa.context.moment, fb.context.moment
    if None not in moments and moments[0] != moments[1]:
        return False  # "at the time of impact ... 257 km/h" / "Currently ... 85 mph"
    if not same_claim_kind(fa, fb):
        return False  # "the toll is expected to reach 500" / "at least 14 people died"
    periods = fa.context.period, fb.context.period
    if None not in periods and periods[0] != periods[1]:
        return False  # "raise pensions by 8% next year" / "raised the wage by 10% this year"
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
    if fa.figure.dimension == "percent" and same_winner(fa.context.winner, fb.context.winner):
        return True  # "Atta-Mills has received 50.13 percent" / "Atta Mills obtained 50.23"
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


def _vague_rivals(fa: Found, fb: Found) -> bool:
    """Whether a count told by its size ("dozens of others injured") and another
    count ("more than 100 people were injured") count one thing: the same event,
    and the same noun or people on both sides."""
    event = figure_event(fa)
    if event is None or event != figure_event(fb):
        return False
    return fa.context.noun_term == fb.context.noun_term or (generic(fa) and generic(fb))


def _other_classes(x: str | None, y: str | None) -> bool:
    """Whether two nouns name two different measures of weather or ground ("@gust" /
    "@wind"); a measure's noun is often the event's instead ("the depth of the quake")."""
    return x != y and x in _MEASURES and y in _MEASURES


_MEASURES = frozenset({"@wind", "@gust", "@rain", "@depth"})


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


def lede_rivals(
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
