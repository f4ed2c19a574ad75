"""The figure matrix of one event's reports (engine/event.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reportdiff.engine import compare, parse_report
from reportdiff.engine.event import build_matrix
from reportdiff.store import read_report_file

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
STATUSES = ("agree", "disagree", "rises")


def test_the_seeds_event_shows_the_call_length_disagreeing() -> None:
    matrix = build_matrix([read_report_file(p) for p in sorted(SEEDS.glob("*.txt"))])
    first = matrix.rows[0]
    assert first.status == "disagree"
    assert first.what == "phone call duration"
    told = {cell[0].text for cell in first.cells if cell}
    assert told == {"more than 90 minutes", "two and a half hours"}
    assert all(row.reports() >= 2 for row in matrix.rows)  # only facts two reports give
    assert [row.status for row in matrix.rows[1:]] == ["agree"] * (len(matrix.rows) - 1)


def _report(day: str, outlet: str, killed: str, magnitude: str) -> object:
    return parse_report(
        f"Quake in Valdora kills {killed}\n\n"
        f"An earthquake of magnitude {magnitude} struck the province of Valdora, killing"
        f" at least {killed} people, officials said.\n\n"
        "Rescue teams searched collapsed buildings in the provincial capital.",
        outlet=outlet,
        published=day,
    )


def test_a_rising_toll_is_a_timeline_and_a_wrong_figure_a_disagreement() -> None:
    reports = [
        _report("2024-05-03", "Gamma Wire", "95", "6.1"),
        _report("2024-05-01", "Alpha News", "12", "6.1"),
        _report("2024-05-02", "Beta Daily", "40", "6.1"),
        _report("2024-05-01", "Delta Post", "12", "6.1"),
        _report("2024-05-02", "Epsilon Times", "40", "6.1"),
        _report("2024-05-03", "Zeta Radio", "95", "6.8"),  # the wrong magnitude
    ]
    matrix = build_matrix(reports)
    # columns in the order the reports were published
    assert [r.published for r in matrix.reports] == sorted(r.published for r in reports)
    by_what = {row.what: row for row in matrix.rows}
    magnitude = next(row for row in matrix.rows if "magnitude" in row.what)
    assert magnitude.status == "disagree"
    wrong = [r.outlet for r in matrix.reports].index("Zeta Radio")
    assert all(wrong in pair for pair in magnitude.conflicts)
    toll = next(row for row in matrix.rows if row is not magnitude and row.status != "agree")
    assert toll.status == "rises", by_what
    assert [cell[0].value for cell in toll.cells if cell] == [12, 12, 40, 40, 95, 95]
    # disagreements first, then what changes over time, each row given by every report
    assert [row.status for row in matrix.rows][:2] == ["disagree", "rises"]
    assert magnitude.reports() == toll.reports() == 6


@pytest.mark.parametrize("folder", sorted(p.name for p in DATA.glob("reference*")))
def test_a_matrix_of_two_reports_agrees_with_their_comparison(folder: str) -> None:
    for path_a in sorted((DATA / folder).glob("*_a.txt")):
        a = read_report_file(path_a)
        b = read_report_file(path_a.with_name(path_a.name.replace("_a.txt", "_b.txt")))
        matrix = build_matrix([a, b])
        pairs = compare(a, b).figures
        if matrix.reports[0] is not a:  # ordered by date: B was published first
            pairs = tuple(p.__class__(p.status, p.what, p.b, p.a) for p in pairs)
        cells = {
            (row.status, figure_a.text, figure_b.text)
            for row in matrix.rows
            for figure_a, figure_b in itertools.product(row.cells[0], row.cells[1])
        }
        for pair in pairs:
            if pair.a is None or pair.b is None:
                continue
            # A differing pair makes its row a disagreement (or a timeline); a same
            # pair may sit in a row that another of its figures' pairs makes one.
            allowed = ("disagree", "rises") if pair.status == "differs" else STATUSES
            assert any(
                text_a == pair.a.text and text_b == pair.b.text and s in allowed
                for s, text_a, text_b in cells
            ), (path_a.name, pair)
