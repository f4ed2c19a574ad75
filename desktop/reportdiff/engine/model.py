"""The engine's values: immutable results that the UI, CLI and export render.

Everything here is a frozen dataclass (STYLE.md 2) so a `Comparison` can be
cached, shared between threads and compared in tests without copying.
`Comparison.to_json()` is the public contract of DESIGN.md ("Comparison JSON").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "reportdiff.comparison/1"

ParagraphKind = Literal["headline", "body"]
FigureStatus = Literal["same", "differs", "only_a", "only_b"]
Qualifier = Literal["exact", "approximate", "more_than", "less_than", "range"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a report, as shown to the user.

    `sentences` holds (start, end) character offsets into `text`.
    """

    index: int
    text: str
    boilerplate: bool = False
    kind: ParagraphKind = "body"
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A report split into paragraphs, with the details the library knows."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    content_hash: str = ""

    def content_paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs that take part in alignment and figures."""
        return tuple(p for p in self.paragraphs if not p.boilerplate)

    def published_day(self) -> dt.date | None:
        """The day the report was published, when its date starts as ISO 8601 does."""
        try:
            return dt.date.fromisoformat(self.published.strip()[:10]) if self.published else None
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class TextRun:
    """A run of a paragraph's text; `unique` when the other side lacks it."""

    text: str
    unique: bool = False


# Links scoring below this share only a few words; the view says so. Measured on
# both references: the wrong links scored 0.15-0.18; 27 of 31 right ones 0.2 or more.
LOOSE_LINK_SCORE = 0.2


@dataclass(frozen=True, slots=True)
class AlignedGroup:
    """Paragraphs of A and of B that tell the same thing.

    `a_runs[k]` splits paragraph `a[k]` into runs whose texts join back to the
    paragraph's text exactly; likewise `b_runs`. A group with an empty side is
    an unmatched paragraph.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    a_runs: tuple[tuple[TextRun, ...], ...] = ()
    b_runs: tuple[tuple[TextRun, ...], ...] = ()
    # Set by the reader's review (review.py), never by the engine: the group was
    # linked by hand, and the reader's note on it.
    by_hand: bool = False
    note: str | None = None

    @property
    def linked(self) -> bool:
        return bool(self.a) and bool(self.b)

    @property
    def loose(self) -> bool:
        """A link resting on little shared wording: a reader should check it."""
        return self.linked and self.score < LOOSE_LINK_SCORE


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure stated in a report, with its exact span and meaning.

    `value` is in the base unit of its dimension (seconds for durations,
    the currency's unit for money, percent for shares, a count for counts,
    an ISO date string's ordinal for dates); `low`/`high` give the interval
    the wording allows. `noun` is what is counted or measured, when known.
    """

    text: str
    paragraph: int
    start: int
    end: int
    value: float | None
    unit: str
    qualifier: Qualifier = "exact"
    dimension: str = "count"
    noun: str | None = None
    low: float | None = None
    high: float | None = None
    display: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "dimension": self.dimension,
            "noun": self.noun,
        }


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Figures of A and B that speak of the same thing, or one side alone."""

    status: FigureStatus
    what: str
    a: Figure | None
    b: Figure | None
    contradiction: bool = False  # the intervals the wordings allow do not overlap
    by_hand: bool = False  # paired by the reader (review.py), not by the engine
    # Why a difference may not be a contradiction, for the reader: "Both are lower
    # bounds: both can be true." / "Told on different days: ..." (None: nothing to add)
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "what": self.what,
            "a": self.a.to_json() if self.a else None,
            "b": self.b.to_json() if self.b else None,
        }
        if self.by_hand:
            data["by_hand"] = True
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the engine says about two reports."""

    a: Report
    b: Report
    alignment: tuple[AlignedGroup, ...]
    figures: tuple[FigurePair, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    # What the reader should know before trusting the rest ("they may tell different events").
    warnings: tuple[str, ...] = ()

    @property
    def linked_count(self) -> int:
        return sum(1 for g in self.alignment if g.linked)

    @property
    def only_a_count(self) -> int:
        return sum(len(g.a) for g in self.alignment if not g.b)

    @property
    def only_b_count(self) -> int:
        return sum(len(g.b) for g in self.alignment if not g.a)

    @property
    def differing_figures(self) -> tuple[FigurePair, ...]:
        return tuple(f for f in self.figures if f.status == "differs")

    def summary(self) -> str:
        """The status-bar line: "18 linked · 7 only in A · 12 only in B · 1 figure differs"."""
        n = len(self.differing_figures)
        noun = "figure differs" if n == 1 else "figures differ"
        return (
            f"{self.linked_count} linked · {self.only_a_count} only in A · "
            f"{self.only_b_count} only in B · {n} {noun}"
        )

    def to_json(self) -> dict[str, Any]:
        """The comparison contract of DESIGN.md, ready for `json.dumps`."""

        def side(report: Report) -> dict[str, Any]:
            return {
                "title": report.title,
                "outlet": report.outlet,
                "url": report.url,
                "published": report.published,
                "paragraphs": [
                    {"index": p.index, "text": p.text, "boilerplate": p.boilerplate, "kind": p.kind}
                    for p in report.paragraphs
                ],
            }

        return {
            "schema": SCHEMA,
            "a": side(self.a),
            "b": side(self.b),
            "alignment": [_group_json(g) for g in self.alignment],
            "figures": [f.to_json() for f in self.figures],
            "warnings": list(self.warnings),
        }


def _group_json(group: AlignedGroup) -> dict[str, Any]:
    data: dict[str, Any] = {"a": list(group.a), "b": list(group.b), "score": round(group.score, 4)}
    if group.by_hand:
        data["by_hand"] = True
    if group.note:
        data["note"] = group.note
    return data
