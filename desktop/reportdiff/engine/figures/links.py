"""Which figure pairs say that two paragraphs tell one fact (for the aligner).

The figures stage pairs figures on what they measure, never on their values,
so a differing pair ("killed as many as 68 people" / "71 people have died") is
as good a sign of one fact as an agreeing one. An agreeing pair is no sign when
its value is a commonplace that unrelated sentences share: a weekday, an age,
a small whole number ("two survivors" / "two tectonic plates").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportdiff.engine.model import Figure, FigurePair

_COMMON_DIMENSIONS = frozenset({"date", "age"})
_SMALL = 10  # whole numbers below this recur everywhere


def fact_links(pairs: Iterable[FigurePair]) -> Iterator[tuple[int, int]]:
    """(A's paragraph, B's paragraph) of each pair that marks one fact."""
    for pair in pairs:
        if pair.a is None or pair.b is None:
            continue
        if pair.status == "same" and _commonplace(pair.a):
            continue
        yield pair.a.paragraph, pair.b.paragraph


def _commonplace(figure: Figure) -> bool:
    value = figure.value
    return figure.dimension in _COMMON_DIMENSIONS or (
        value is not None and float(value).is_integer() and abs(value) < _SMALL
    )
