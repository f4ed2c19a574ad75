"""Two reports of two events: the comparison warns before figures are trusted."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reportdiff.engine.compare import compare
from reportdiff.engine.kinship import UNRELATED_WARNING, _shared, names
from reportdiff.engine.segment import parse_report
from reportdiff.store import read_report_file

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Each reference folder holds pairs of one event: "<event>_a.txt" / "<event>_b.txt".
PAIRS = sorted(
    (path, path.with_name(path.name.replace("_a.txt", "_b.txt")))
    for path in DATA.glob("reference*/*_a.txt")
)


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_reports_of_one_event_bring_no_warning(a: Path, b: Path) -> None:
    comparison = compare(read_report_file(a), read_report_file(b), figures=False)
    assert comparison.warnings == ()


def test_the_seeds_of_one_event_bring_no_warning() -> None:
    seeds = [read_report_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    for x, y in itertools.combinations(seeds, 2):
        assert compare(x, y, figures=False).warnings == ()


def test_reports_of_two_events_are_warned_of() -> None:
    flood = read_report_file(DATA / "reference2" / "flood_a.txt")
    vote = read_report_file(DATA / "reference3" / "vote_b.txt")
    comparison = compare(flood, vote)
    assert comparison.warnings == (UNRELATED_WARNING,)
    assert comparison.to_json()["warnings"] == [UNRELATED_WARNING]


def test_most_pairs_of_two_events_are_warned_of() -> None:
    warned = total = 0
    for (a, _), (_, b) in itertools.combinations(PAIRS, 2):
        total += 1
        warned += bool(compare(read_report_file(a), read_report_file(b), figures=False).warnings)
    assert warned >= 0.8 * total


def test_names_are_capitalised_words_never_written_in_lower_case() -> None:
    report = parse_report(
        "Floods hit Kostelec\n\nThe Orlava flooded Kostelec on Monday, officials said."
        " Officials in Bělice said the river was high. The mayor of Kostelec spoke."
    )
    assert names(report) == {"kostelec", "orlava", "belice"}


def test_short_reports_are_not_judged() -> None:
    a = parse_report("Rain fell on Monday in the north.")
    b = parse_report("Markets rose on Tuesday in Asia.")
    assert compare(a, b).warnings == ()


def test_names_written_differently_still_meet() -> None:
    a = parse_report(
        "A missile struck a block in Kyiv on Tuesday, said President Zelenskyy, and"
        " Wrocław-based rescuers helped."
    )
    b = parse_report(
        "A missile hit a building in Kiev, said President Zelensky, and crews from Wroclaw helped."
    )
    assert "wroclaw" in names(a) & names(b)  # folded, split at the hyphen
    assert _shared(names(a), names(b)) == 3  # Zelenskyy / Zelensky by their first letters


def test_two_agreeing_figures_say_one_event() -> None:
    a = parse_report(
        "Quake in Anatolia\n\nA magnitude 6.1 quake struck Malatya province on Tuesday,"
        " killing four people and injuring 140, AFAD said."
    )
    b = parse_report(
        "Four people died and 140 were hurt when a 6.1-magnitude earthquake shook eastern"
        " Türkiye on Tuesday, the disaster agency said."
    )
    assert compare(a, b).warnings == ()


BRIEF = (
    "Storm hits the coast\n\nA strong storm hit the coast on Monday, cutting power to thousands"
    " of homes and flooding several streets.\n\nEmergency crews worked through the night to"
    " clear fallen trees from the roads.\n\nForecasters said more rain was expected later in"
    " the week."
)


def test_a_brief_naming_nothing_that_links_nothing_is_warned_of() -> None:
    # a new user's trial: a storm brief with no proper names against a seed report
    seed = next((Path(__file__).resolve().parents[2] / "seeds").glob("001_*.txt"))
    other = compare(parse_report(BRIEF), read_report_file(seed))
    assert UNRELATED_WARNING in other.warnings
    rewritten = BRIEF.replace("A strong storm", "A powerful storm").replace("Monday", "Tuesday")
    same = compare(parse_report(BRIEF), parse_report(rewritten))
    assert UNRELATED_WARNING not in same.warnings  # it links: one event


def test_reports_of_two_events_carry_no_dated_note() -> None:
    """Two events' tolls were never one figure at two times: "the reports are dated
    1636 days apart: the figure may have changed" is no help there."""
    data = Path(__file__).resolve().parents[1] / "data" / "reference30"
    a = read_report_file(data / "mumbai_b.txt")
    b = read_report_file(data / "norway_a.txt")
    comparison = compare(a, b)
    assert UNRELATED_WARNING in comparison.warnings
    notes = [p.note or "" for p in comparison.figures]
    assert not any("dated" in note for note in notes)
