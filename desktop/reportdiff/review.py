"""A reader's review of a compared pair: which flags were confirmed or dismissed,
and notes (stored in the library, `reviews` table).

A decision is keyed by the two figures as the reports write them: each side's
figure text and a digest of its paragraph. The same figures in the same
paragraphs meet the same decision however often the pair is compared, and
whichever engine paired them; when a report's text changes, a decision whose
figures are no longer there is *outdated*: shown, never silently dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reportdiff.engine.model import Comparison, Figure, FigurePair, Report

DECISIONS = ("confirmed", "dismissed")
# A note on the pair as a whole is stored under this key, and handed to the
# exports as the review of figure index PAIR.
PAIR_KEY = "@pair"
PAIR = -1


@dataclass(frozen=True, slots=True)
class Review:
    """One stored decision: `decision` is "confirmed", "dismissed" or None (a note only)."""

    key: str
    decision: str | None
    note: str | None
    label: str  # the two figures as written when decided ("90 minutes / 2.5 hours")


def figure_key(comparison: Comparison, pair: FigurePair) -> str:
    """The pair's identity in its reports: each figure's words and its paragraph."""
    return f"{_side(comparison.a, pair.a)}|{_side(comparison.b, pair.b)}"


def figure_label(pair: FigurePair) -> str:
    a = pair.a.text if pair.a else "—"
    b = pair.b.text if pair.b else "—"
    return f"{pair.what}: {a} / {b}"


def _side(report: Report, figure: Figure | None) -> str:
    if figure is None:
        return "-"
    paragraph = report.paragraphs[figure.paragraph].text
    digest = hashlib.sha1(paragraph.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"{figure.text}@{digest}:{figure.start}"


def apply(
    comparison: Comparison, reviews: dict[str, Review]
) -> tuple[dict[int, Review], list[Review]]:
    """The reviews that fit this comparison's figure pairs (by index; the note on
    the pair as index PAIR), and the outdated rest."""
    fitted: dict[int, Review] = {}
    used: set[str] = {PAIR_KEY}
    if PAIR_KEY in reviews:
        fitted[PAIR] = reviews[PAIR_KEY]
    for k, pair in enumerate(comparison.figures):
        review = reviews.get(figure_key(comparison, pair))
        if review is not None:
            fitted[k] = review
            used.add(review.key)
    outdated = [r for key, r in reviews.items() if key not in used]
    return fitted, outdated
