"""Comparisons for the export tests: one built by hand from model values, one from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.engine import compare
from reportdiff.engine.model import (
    AlignedGroup,
    Comparison,
    Figure,
    FigurePair,
    Paragraph,
    Report,
    TextRun,
)
from reportdiff.engine.segment import parse_report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

A_CALL = "The leaders spoke for more than 90 minutes, with both expressing hopes."
B_CALL = "The call lasted two and a half hours, the Kremlin said."
A_PAUSE = "Strikes on energy sites stop for 30 days, the Kremlin said."
B_PAUSE = "Russia agreed to a 30-day pause on strikes on energy sites."
A_ONLY = "Zelensky said he supported the limited ceasefire."
B_ONLY = "Markets rose 2% on the news."
B_MOVED = "Officials will meet again in Jeddah."
A_MEET = "A further meeting is planned in Jeddah."


def _runs(text: str, *unique: str) -> tuple[TextRun, ...]:
    """Split `text` into runs, marking the listed substrings as unique."""
    runs, pos = [], 0
    for word in unique:
        at = text.index(word, pos)
        if at > pos:
            runs.append(TextRun(text[pos:at]))
        runs.append(TextRun(word, unique=True))
        pos = at + len(word)
    if pos < len(text):
        runs.append(TextRun(text[pos:]))
    return tuple(runs)


def _figure(text: str, paragraph: Paragraph, value: float, unit: str, **kw: object) -> Figure:
    start = paragraph.text.index(text)
    return Figure(text, paragraph.index, start, start + len(text), value, unit, **kw)  # type: ignore[arg-type]


def _report(title: str, outlet: str, url: str, texts: list[str], boiler: str) -> Report:
    paragraphs = [Paragraph(0, title, kind="headline")]
    paragraphs += [Paragraph(i + 1, t) for i, t in enumerate(texts)]
    paragraphs.append(Paragraph(len(paragraphs), boiler, boilerplate=True))
    return Report(title, tuple(paragraphs), outlet=outlet, url=url, published="2025-03-18")


def build_comparison(title_a: str = "Putin agrees to halt energy strikes") -> Comparison:
    a = _report(
        title_a,
        "Outlet Alpha",
        "https://alpha.example/story?id=1&x=2",
        [A_CALL, A_PAUSE, A_ONLY, A_MEET],
        "Donate to keep us going.",
    )
    b = _report(
        "Trump and Putin talk for hours",
        "Outlet Beta",
        "https://beta.example/news",
        [B_MOVED, B_CALL, B_PAUSE, B_ONLY],
        "Read the full article here.",
    )
    # "lasted two and a half hours" straddles a run boundary on purpose:
    # the figure mark must still nest properly around its pieces.
    groups = (
        AlignedGroup(
            (1,),
            (2,),
            0.7,
            (_runs(A_CALL, "spoke for more than 90", "with both expressing hopes"),),
            (_runs(B_CALL, "call lasted two and", "the Kremlin said"),),
        ),
        AlignedGroup(
            (2,),
            (3,),
            0.6,
            (_runs(A_PAUSE, "Strikes on energy sites stop for 30 days, the Kremlin said."),),
            (_runs(B_PAUSE, "Russia agreed to a"),),
        ),
        AlignedGroup((3,), (), 0.0, ((TextRun(A_ONLY),),), ()),
        AlignedGroup((4,), (1,), 0.5, ((TextRun(A_MEET),),), ((TextRun(B_MOVED),),)),
        AlignedGroup((), (4,), 0.0, (), ((TextRun(B_ONLY),),)),
    )
    figures = (
        FigurePair(
            "same",
            "pause length",
            _figure("30 days", a.paragraphs[2], 2592000, "s", dimension="duration"),
            _figure("30-day", b.paragraphs[3], 2592000, "s", dimension="duration"),
        ),
        FigurePair(
            "differs",
            "phone call duration",
            _figure(
                "more than 90 minutes",
                a.paragraphs[1],
                5400,
                "s",
                qualifier="more_than",
                dimension="duration",
            ),
            _figure("two and a half hours", b.paragraphs[2], 9000, "s", dimension="duration"),
            contradiction=True,
        ),
        FigurePair(
            "only_b",
            "market rise",
            None,
            _figure("2%", b.paragraphs[4], 2, "%", dimension="percent"),
        ),
    )
    return Comparison(a, b, groups, figures)


@pytest.fixture
def hand_comparison() -> Comparison:
    return build_comparison()


def seed_report(number: str) -> Report:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return parse_report(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_comparison() -> Comparison:
    return compare(seed_report("001"), seed_report("003"))
