"""Paired figures link paragraphs the wording did not (align.py's `facts`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.engine import compare, compare_texts, parse_report
from reportdiff.engine.compare import clear_cache
from reportdiff.engine.figures.links import fact_links
from reportdiff.engine.kinship import UNRELATED_WARNING
from reportdiff.engine.model import Figure, FigurePair
from reportdiff.store import read_report_file

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"

# One toll told in other words in each report ("died" / "death toll"), and each
# in a paragraph that shares no content word with the other.
TOLL_A = """Quake strikes coastal region

A strong earthquake struck the coastal region early on Monday, shaking buildings in the province.

Officials said at least 40 people died in the disaster, most of them in the port city.

Schools will stay closed for the rest of the week."""
TOLL_B = """Earthquake hits coast

An earthquake rattled the coast on Monday morning, and buildings shook across the province.

Rescue teams from neighbouring countries arrived by evening with dogs and heavy equipment.

The death toll stands at 52, according to the health ministry."""


def _links(comparison) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(i, j) for g in comparison.alignment for i in g.a for j in g.b}


def test_a_toll_told_in_other_words_links_its_paragraphs() -> None:
    clear_cache()
    with_figures = compare_texts(TOLL_A, TOLL_B)
    toll = next(p for p in with_figures.figures if p.status == "differs")
    assert (toll.a.text, toll.b.text) == ("at least 40", "52")  # type: ignore[union-attr]
    assert (2, 3) in _links(with_figures)
    group = next(g for g in with_figures.alignment if g.a == (2,))
    assert group.b == (3,)
    assert group.loose  # little shared wording: the reader should check
    # The wording alone does not link them: the figures do.
    assert (2, 3) not in _links(compare_texts(TOLL_A, TOLL_B, figures=False))


def test_a_paragraph_already_linked_gains_no_fact_link() -> None:
    """A fact link only gives a partner to a paragraph that has none."""
    a = TOLL_A.replace(
        "Schools will stay closed for the rest of the week.",
        "Rescue teams from neighbouring countries arrived by evening with dogs.",
    )
    comparison = compare_texts(a, TOLL_B)
    assert (3, 2) in _links(comparison)  # the rescue teams, by their wording
    assert (2, 3) in _links(comparison)  # the toll, by its figure
    assert (2, 2) not in _links(comparison)
    assert (3, 3) not in _links(comparison)


def _figure(text: str, value: float, dimension: str = "count", paragraph: int = 0) -> Figure:
    return Figure(
        text=text, paragraph=paragraph, start=0, end=len(text), value=value, unit="",
        dimension=dimension,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("status", "a", "b", "links"),
    [
        ("differs", _figure("68", 68), _figure("71", 71, paragraph=3), True),
        ("differs", _figure("two", 2), _figure("three", 3, paragraph=3), True),
        ("same", _figure("287", 287), _figure("287", 287, paragraph=3), True),
        ("same", _figure("6.4", 6.4, "magnitude"), _figure("6.4", 6.4, "magnitude", 3), True),
        # Commonplaces that unrelated sentences share: no sign of one fact.
        ("same", _figure("two", 2), _figure("two", 2, paragraph=3), False),
        ("same", _figure("Tuesday", 738000, "date"), _figure("Tuesday", 738000, "date", 3), False),
        ("same", _figure("47", 47, "age"), _figure("47", 47, "age", 3), False),
        ("only_a", _figure("12", 12), None, False),
    ],
)
def test_which_figure_pairs_mark_one_fact(
    status: str, a: Figure, b: Figure | None, links: bool
) -> None:
    pair = FigurePair(status=status, what="", a=a, b=b)  # type: ignore[arg-type]
    assert list(fact_links([pair])) == ([(0, 3)] if links else [])


def test_reports_of_two_events_get_no_fact_links() -> None:
    """A crash's toll and a quake's pair as counts of the dead; the reports stay
    apart, and are still said to be of different events."""
    clear_cache()
    a = read_report_file(REFERENCE / "crash_a.txt")
    b = read_report_file(REFERENCE / "quake_b.txt")
    comparison = compare(a, b)
    assert UNRELATED_WARNING in comparison.warnings
    assert _links(comparison) == _links(compare(a, b, figures=False))


def test_commonplace_figures_link_nothing() -> None:
    """A weekday and a small number both reports give pair as "same", but recur in
    unrelated sentences: they add no link."""
    a = parse_report(
        "Talks resume\n\nThe two sides met again in Geneva on Monday to resume the talks."
        "\n\nTwo ministers flew home early on Monday."
    )
    b = parse_report(
        "Talks go on\n\nDelegates met once more in Geneva as the talks resumed.\n\n"
        "Protesters gathered outside on Monday, and two of them were detained."
    )
    comparison = compare(a, b)
    assert any(p.status == "same" for p in comparison.figures)
    assert _links(comparison) == _links(compare(a, b, figures=False))


def test_a_lone_summary_joins_one_group_and_chains_none() -> None:
    """A summary whose figures pair with three paragraphs that each have a partner
    joins one of them, not all three (which chained three groups into one)."""
    told = (
        "Quake kills dozens in Peru\n\nThe health ministry said {} people were killed in the"
        " quake, most of them in Pisco.\n\nHospitals in Ica treated {} injured people, many"
        " with broken bones.\n\nCivil defence officials said {} families were left homeless"
        " in the Pisco region."
    )
    a = parse_report(
        told.format(68, 320, "2,000")
        + "\n\nIt was the deadliest disaster in years: 68 dead, 320 hurt, 2,000 families"
        " without a roof."
    )
    b = parse_report(told.format(72, 350, "2,500"))
    groups = [(g.a, g.b) for g in compare(a, b).alignment if g.linked]
    assert all(len(ga) <= 2 and len(gb) == 1 for ga, gb in groups)
    assert sum(4 in ga for ga, _ in groups) <= 1
