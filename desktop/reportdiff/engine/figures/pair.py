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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.words import EVENT_CLASSES, GENERIC_NOUNS, term
from reportdiff.engine.model import Figure, FigurePair

SAME_EVIDENCE = 0.2
DIFFERS_EVIDENCE = 0.45
_DATE_DIFFERS_EVIDENCE = 0.6
_MAX_RATIO = 3.0  # values further apart than this are not one thing told twice
_EVENT_LABELS = {
    "@death": "killed",
    "@injury": "injured",
    "@missing": "missing",
    "@displaced": "displaced",
    "@rescue": "rescued",
    "@arrest": "arrested",
}
_ORDER = {"differs": 0, "same": 1, "only_a": 2, "only_b": 3}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible pair with its evidence and whether the values agree."""

    a: int
    b: int
    evidence: float
    agree: bool


def pair_figures(
    a: Sequence[Found],
    b: Sequence[Found],
    idf: dict[str, float],
    linked: set[tuple[int, int]],
) -> tuple[FigurePair, ...]:
    """All figures of A and B as pairs: differing first, then same, then alone."""
    candidates = [
        c for c in _candidates(a, b, idf, linked) if c.evidence >= _threshold(c, a[c.a].figure)
    ]
    # Agreeing pairs first: a figure told the same way twice is the best evidence
    # that both reports speak of it, and leaves fewer figures to pair wrongly.
    candidates.sort(key=lambda c: (not c.agree, -c.evidence))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[FigurePair] = []
    for c in candidates:
        if c.a in used_a or c.b in used_b:
            continue
        used_a.add(c.a)
        used_b.add(c.b)
        pairs.append(_judge(a[c.a], b[c.b], c.agree))
    pairs += [_alone(f, "only_a") for i, f in enumerate(a) if i not in used_a]
    pairs += [_alone(f, "only_b") for i, f in enumerate(b) if i not in used_b]
    pairs.sort(key=lambda p: (_ORDER[p.status], *_position(p)))
    return tuple(pairs)


def _position(pair: FigurePair) -> tuple[int, int]:
    figure = pair.a or pair.b
    assert figure is not None
    return figure.paragraph, figure.start


def _threshold(candidate: Candidate, figure: Figure) -> float:
    if candidate.agree:
        return SAME_EVIDENCE
    if figure.dimension == "date":
        return _DATE_DIFFERS_EVIDENCE
    return DIFFERS_EVIDENCE


def _candidates(
    a: Sequence[Found], b: Sequence[Found], idf: dict[str, float], linked: set[tuple[int, int]]
) -> Iterable[Candidate]:
    for i, fa in enumerate(a):
        for j, fb in enumerate(b):
            if not compatible(fa, fb):
                continue
            agree = agree_values(fa.figure, fb.figure)
            evidence = _evidence(fa, fb, idf, (fa.figure.paragraph, fb.figure.paragraph) in linked)
            yield Candidate(i, j, evidence, agree)


def compatible(fa: Found, fb: Found) -> bool:
    """Whether nothing says the two figures measure different things."""
    x, y = fa.figure, fb.figure
    if x.dimension != y.dimension or x.unit != y.unit:
        return False
    if x.dimension == "count" and not _same_counted(fa, fb):
        return False
    if x.dimension in ("date", "time", "ordinal"):
        return True
    if x.dimension == "magnitude":
        return abs((x.value or 0) - (y.value or 0)) <= 1.0
    return _close(x, y)


def _close(x: Figure, y: Figure) -> bool:
    vx, vy = abs(x.value or 0.0), abs(y.value or 0.0)
    if min(vx, vy) == 0:
        return vx == vy
    return max(vx, vy) / min(vx, vy) <= _MAX_RATIO


def _same_counted(fa: Found, fb: Found) -> bool:
    """Counts of the same noun and the same event ("killed" never meets "injured")."""
    na, nb = fa.context.noun_term, fb.context.noun_term
    ea, eb = _event(fa), _event(fb)
    if ea != eb:
        return False
    if na == nb and na is not None:
        return True
    specific_a = na is not None and na not in EVENT_CLASSES and not _generic(fa)
    specific_b = nb is not None and nb not in EVENT_CLASSES and not _generic(fb)
    return ea is not None and not (specific_a and specific_b)


def _generic(found: Found) -> bool:
    noun = found.context.noun
    return noun is None or noun in GENERIC_NOUNS or term(noun) == "@people"


def _event(found: Found) -> str | None:
    noun = found.context.noun_term
    return noun if noun in EVENT_CLASSES else found.context.event


def agree_values(x: Figure, y: Figure) -> bool:
    """Whether two figures state the same value, within what their wording allows."""
    vx, vy = x.value, y.value
    if vx is None or vy is None:
        return vx == vy
    if "range" in (x.qualifier, y.qualifier):
        return x.qualifier == y.qualifier and _near(x.low, y.low) and _near(x.high, y.high)
    tolerance = 0.1 if "approximate" in (x.qualifier, y.qualifier) else 0.005
    return abs(vx - vy) <= tolerance * max(abs(vx), abs(vy))


def _near(p: float | None, q: float | None) -> bool:
    if p is None or q is None:
        return p == q
    return abs(p - q) <= 0.005 * max(abs(p), abs(q), 1e-9)


def overlap(x: Figure, y: Figure) -> bool:
    """Whether the intervals the two wordings allow share a value."""
    lows = [v for v in (x.low, y.low) if v is not None]
    highs = [v for v in (x.high, y.high) if v is not None]
    if not lows or not highs:
        return True
    low, high = max(lows), min(highs)
    open_end = "more_than" in (x.qualifier, y.qualifier) or "less_than" in (x.qualifier, y.qualifier)
    return low < high or (low == high and not open_end)


def _evidence(fa: Found, fb: Found, idf: dict[str, float], linked: bool) -> float:
    score = _cosine(fa.context.terms, fb.context.terms, idf)
    na, nb = fa.context.noun_term, fb.context.noun_term
    if na is not None and na == nb and not _generic(fa):
        score += 0.3
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


def _judge(fa: Found, fb: Found, agree: bool) -> FigurePair:
    return FigurePair(
        status="same" if agree else "differs",
        what=describe(fa, fb),
        a=fa.figure,
        b=fb.figure,
        contradiction=not agree and not overlap(fa.figure, fb.figure),
    )


def _alone(found: Found, status: str) -> FigurePair:
    figure = found.figure
    return FigurePair(
        status=status,  # type: ignore[arg-type]
        what=describe(found),
        a=figure if status == "only_a" else None,
        b=figure if status == "only_b" else None,
    )


def describe(*founds: Found) -> str:
    """A short name for what the figures measure ("phone call duration", "people killed")."""
    best = max(founds, key=lambda f: (len(f.context.phrase.split()), bool(f.context.phrase)))
    phrase = best.context.phrase
    dimension = best.figure.dimension
    if dimension == "count":
        return _count_what(founds, phrase)
    templates = {
        "duration": "{} duration",
        "money": "{} amount",
        "date": "date: {}",
        "time": "time: {}",
        "magnitude": "{} magnitude",
        "age": "age of {}",
        "percent": "{}",
        "percentage_points": "{} (points)",
    }
    if not phrase:
        return dimension.replace("_", " ")
    return templates.get(dimension, "{} (" + dimension + ")").format(phrase)


def _count_what(founds: Sequence[Found], phrase: str) -> str:
    event = next((e for e in map(_event, founds) if e), None)
    noun = next((f.context.noun for f in founds if f.context.noun and not _event_noun(f)), None)
    if event and noun:
        return f"{noun} {_EVENT_LABELS[event]}"
    if event:
        return f"people {_EVENT_LABELS[event]}"
    return phrase or "count"


def _event_noun(found: Found) -> bool:
    return found.context.noun_term in EVENT_CLASSES
