"""Paragraph alignment (engine/align.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.engine import parse_report
from reportdiff.engine.align import align

DATA = Path(__file__).parent / "data"


def _links(text_a: str, text_b: str) -> set[tuple[int, int]]:
    groups = align(parse_report(text_a), parse_report(text_b))
    return {(i, j) for g in groups for i in g.a for j in g.b}


def _linked_in_reference(folder: str, pair: str, start_a: str, start_b: str) -> bool:
    """Whether, in a reference pair, the paragraphs starting so are in one group."""
    data = Path(__file__).resolve().parents[1] / "data" / folder
    a, b = (
        parse_report((data / f"{pair}_{side}.txt").read_text(encoding="utf-8")) for side in "ab"
    )
    i = next(p.index for p in a.content_paragraphs() if p.text.startswith(start_a))
    j = next(p.index for p in b.content_paragraphs() if p.text.startswith(start_b))
    return any(i in g.a and j in g.b for g in align(a, b))


PAIR_CASES = [
    # a paraphrase sharing names and numbers links despite different wording
    (
        "Rescuers pulled 14 survivors from the rubble in Izmir on Monday, governor Ali Kaya said.",
        "Governor Ali Kaya said Monday that 14 people had been rescued alive in Izmir.",
        True,
    ),
    # the same topic words without the same facts do not link
    (
        "The earthquake damaged the old bridge in the harbour district.",
        "Schools reopened in the capital after inspectors approved the buildings.",
        False,
    ),
    # one shared sentence inside a longer paragraph is enough (sentence-level evidence)
    (
        "Power was restored to 80,000 homes in Valparaiso by Tuesday night. Engineers also "
        "inspected the port cranes, which had stopped. Ferry services stayed suspended.",
        "Utility Enel said 80,000 homes in Valparaiso had power again by Tuesday night.",
        True,
    ),
    # inflected forms meet (Snowball stems): "negotiations"/"negotiators", "settled"/"settle"
    (
        "Negotiations on the pipeline were settled in Riyadh after three rounds.",
        "Negotiators settle the pipeline dispute in Riyadh.",
        True,
    ),
    # one fact with different figures (the reports disagree on the turnout) still
    # links: a number only one side gives weighs as a plain word, not as a boosted one
    (
        "Turnout reached 71.3% in Sunday's referendum, the commission said, against 64% "
        "four years earlier and 59% in 2011.",
        "Referendum turnout was 68.2 per cent, according to the commission.",
        True,
    ),
    # a number spelled out meets its digits ("Eighteen" / "18"): VOA, Lake Toba 2018
    (
        "Eighteen passengers were rescued hours after the accident, but further rescue "
        "efforts were hampered by high winds and rough waters.",
        "Only 18 survivors were found within hours of the sinking on Monday.",
        True,
    ),
    # a common function-word skeleton alone is no evidence
    (
        "It was said that they would have been there for the whole of the day.",
        "It is said that we would have gone there for most of the day.",
        False,
    ),
]


@pytest.mark.parametrize(("text_a", "text_b", "linked"), PAIR_CASES)
def test_pair_links(text_a: str, text_b: str, linked: bool) -> None:
    filler_a = "Heavy rain fell on the northern farms during the harvest festival."
    filler_b = "Stock markets in Asia closed higher as investors bought technology shares."
    links = _links(f"{filler_a}\n{text_a}", f"{text_b}\n{filler_b}")
    assert ((1, 0) in links) is linked


def test_quake_reports_of_two_outlets() -> None:
    # two paraphrased reports of one earthquake, reordered, each with its own details
    a = parse_report((DATA / "quake_a.txt").read_text(encoding="utf-8"))
    b = parse_report((DATA / "quake_b.txt").read_text(encoding="utf-8"))
    links = {(i, j) for g in align(a, b) for i in g.a for j in g.b}
    expected = {(0, 0), (1, 1), (2, 4), (3, 3), (4, 2)}
    assert expected <= links
    # the tsunami, history and football paragraphs have no counterpart
    assert not any(i in (5, 6) for i, _ in links)
    assert not any(j == 5 for _, j in links)


def test_one_to_many_link() -> None:
    # B splits A's two facts into two paragraphs: both join A's group (the
    # second link scores nearly as well as the first, as a genuine split does)
    a = parse_report(
        "Quake Hits Chile\n\nThe quake cut power to 200,000 homes in Antofagasta. "
        "Copper mines near Calama halted production for inspections."
    )
    b = parse_report(
        "Chile Quake\n\nIn Antofagasta, 200,000 homes lost power after the quake.\n"
        "In Calama, copper mines halted production for inspections."
    )
    groups = [g for g in align(a, b) if g.a == (1,)]
    assert groups
    assert groups[0].b == (1, 2)


def test_a_strong_second_link_joins_however_strong_the_first() -> None:
    # VOA on the Rana Plaza collapse (public domain): A's "Authorities announced Sunday
    # that they detained …" tells much of B's arrest paragraph (0.46), which another
    # paragraph of A tells still better (0.87).
    assert _linked_in_reference(
        "reference15", "ranaplaza", "Authorities announced", "On Sunday, police"
    )


def test_rivals_for_one_sentence_do_not_both_join() -> None:
    # B tells A's first sentence twice (two paraphrases scoring alike); A's second
    # sentence has no counterpart. The two are rivals for one sentence, not the two
    # halves of a split, so only one of them joins A's paragraph.
    a = parse_report(
        "Storm Leaves Thousands Without Power\n\nThe storm cut power to 90,000 homes in "
        "Bergen on Friday. The mayor praised the repair crews."
    )
    b = parse_report(
        "Storm in Bergen\n\nThe storm hit Bergen on Friday and 90,000 homes lost power.\n"
        "In Bergen, 90,000 homes lost power on Friday as the storm hit.\n"
        "Schools in the region will reopen on Monday."
    )
    groups = [g for g in align(a, b) if g.a == (1,)]
    assert len(groups) == 1
    assert len(groups[0].b) == 1
    assert groups[0].b[0] in (1, 2)


def test_ledes_face_each_other() -> None:
    # B's lede tells the deaths of A's lede and scores below B's second paragraph
    # (which repeats more of A's words), yet the two ledes link: news puts the main
    # fact first. B's second paragraph still joins A's lede as its other half.
    a = parse_report(
        "Deadly Quake Strikes Northern Chile\n\n"
        "A magnitude 6.4 earthquake struck northern Chile on Sunday, killing nine people "
        "in Iquique and damaging the port.\n"
        "Copper mines near Calama halted production for safety checks.\n"
        "The president flew to the region on Monday."
    )
    b = parse_report(
        "Chile Earthquake\n\n"
        "Nine people were killed in Iquique when the earthquake hit on Sunday.\n"
        "The magnitude 6.4 earthquake struck northern Chile and damaged the port of "
        "Iquique, the navy said.\n"
        "Mining companies in Calama stopped copper production to check for damage."
    )
    groups = [g for g in align(a, b) if g.a == (1,)]
    assert groups
    assert groups[0].b == (1, 2)


def test_ledes_that_lead_with_different_news_do_not_face_each_other() -> None:
    # A's lede is B's second paragraph, told far better than by B's lede (VOA, 2014).
    a = parse_report(
        "Typhoon Leaves Philippines\n\n"
        "Typhoon Rammasun has left the Philippines and is heading toward southern China, "
        "where it is expected to strengthen over the South China Sea.\n"
        "The storm damaged roofs, brought down trees and knocked out power in Manila."
    )
    b = parse_report(
        "Philippines Begins Cleanup After Typhoon\n\n"
        "The Philippine government turned its focus to cleaning up after Typhoon Rammasun "
        "left the Philippines on Wednesday.\n"
        "The storm is now headed toward southern China across the South China Sea, where it "
        "is expected to strengthen.\n"
        "Its gusts knocked out power in Manila, tore roofs off houses and uprooted trees."
    )
    group = next(g for g in align(a, b) if 1 in g.a)
    assert group.b == (2,)


def test_ledes_that_share_little_wording_still_face_each_other() -> None:
    # A blind reference pair: acres / hectares, homes / houses, "forcing residents to
    # flee" / "driven people from their homes"; the two first paragraphs tell one fire.
    assert _linked_in_reference("reference4", "wildfire", "PINE HOLLOW", "A fast-moving")


def test_headlines_face_each_other_only_when_they_share_anything() -> None:
    # Reports that lead with different news: a toll against the relief work.
    # Headlines that share no content word are no link; ones that share one
    # ("Chile", however little else) face each other.
    body = (
        "\n\nA magnitude 7.7 earthquake struck Balochistan on Tuesday, killing 350 people.\n"
        "Officials said rescue teams had reached the district of Awaran."
    )
    a = parse_report("Pakistan Toll Nears 350" + body)
    b = parse_report("Insurgents Hinder Relief Efforts" + body)
    c = parse_report("Deadly Quake Hits Pakistan" + body)
    assert not any(g.a == (0,) and g.b for g in align(a, b))
    assert any(g.a == (0,) and g.b == (0,) for g in align(a, c))


def test_story_order_is_evidence_for_a_weak_pair() -> None:
    # The middle paragraphs share little ("volunteers", "night"): between two linked
    # pairs, in both reports' order, that is enough; told elsewhere, it is not.
    quake = (
        "A magnitude 6.4 earthquake struck Tainan before dawn on Saturday, toppling a "
        "17-storey apartment block.",
        "The 6.4 magnitude quake toppled a 17-storey apartment block in Tainan on Saturday "
        "before dawn.",
    )
    visit = (
        "President Ma Ying-jeou visited the collapsed Wei-guan building and promised an "
        "inquiry into its construction.",
        "President Ma Ying-jeou promised an inquiry into how the Wei-guan building was built "
        "after visiting the site.",
    )
    night_a = "Volunteers brought blankets to families who spent the night outdoors."
    night_b = "Volunteers handed out water at shelters while doctors worked through the night."
    a = "\n".join([quake[0], night_a, visit[0]])
    assert (1, 1) in _links(a, "\n".join([quake[1], night_b, visit[1]]))
    assert {(0, 0), (2, 1)} == _links(a, "\n".join([quake[1], visit[1], night_b]))


def test_reordered_paragraphs_link_across() -> None:
    a = parse_report(
        "Flooding closed the A1 motorway near Porto for six hours.\n"
        "Firefighters evacuated 300 residents from Gaia overnight."
    )
    b = parse_report(
        "Overnight, 300 residents of Gaia were evacuated by firefighters.\n"
        "The A1 motorway near Porto stayed closed for six hours because of flooding."
    )
    links = {(i, j) for g in align(a, b) for i in g.a for j in g.b}
    assert links == {(0, 1), (1, 0)}


def test_boilerplate_takes_no_part() -> None:
    a = parse_report("A strong quake hit Chile.\nLeave a Reply\nSource link")
    b = parse_report("Chile was hit by a strong quake.\nRead the full article here")
    indices_a = [i for g in align(a, b) for i in g.a]
    indices_b = [j for g in align(a, b) for j in g.b]
    assert indices_a == [0]
    assert indices_b == [0]


def test_identical_reports_link_one_to_one() -> None:
    text = (DATA / "quake_a.txt").read_text(encoding="utf-8")
    report = parse_report(text)
    groups = align(report, report)
    content = [p.index for p in report.content_paragraphs()]
    assert sorted((g.a, g.b) for g in groups) == [((i,), (i,)) for i in content]


IDENTICAL_CASES = [
    # a one-word headline against the same word: too little evidence for the
    # scoring, yet the same paragraph
    (
        "Ceasefire\n\nThe quake hit Chile on Monday.",
        "Ceasefire\n\nFloods closed roads in Peru.",
        0,
        0,
    ),
    # a two-word paragraph in the body, in another place on the other side
    (
        "Rescuers searched the rubble overnight.\nAftershocks continue",
        "Aftershocks continue\nThe port of Iquique reopened on Tuesday.",
        1,
        0,
    ),
    # quote and dash styles, case and spacing do not make two texts different
    ("Storm “Ida” — live", 'storm  "Ida" - LIVE', 0, 0),
    # a paragraph of no words at all (an omission mark) faces its twin; a divider such as
    # "* * *" is page furniture (boilerplate), in no group
    ("Quake in Chile\n(…)\nPower cut to 200,000 homes.", "(…)\nSchools closed in Lima.", 1, 0),
]


@pytest.mark.parametrize(("text_a", "text_b", "i", "j"), IDENTICAL_CASES)
def test_identical_paragraphs_link_whatever_their_length(
    text_a: str, text_b: str, i: int, j: int
) -> None:
    groups = align(parse_report(text_a), parse_report(text_b))
    group = next(g for g in groups if i in g.a)
    assert group.a == (i,)
    assert group.b == (j,)
    assert group.score == 1.0


def test_identical_text_repeated_pairs_in_order() -> None:
    # a line repeated on both sides pairs first with first, second with second
    a = parse_report("Quake\nThe dam held.\nQuake\nThe river fell.")
    b = parse_report("Quake\nThe river fell.\nQuake\nThe dam held.")
    links = {(i, j) for g in align(a, b) for i in g.a for j in g.b}
    assert {(0, 0), (2, 2), (1, 3), (3, 1)} <= links


@settings(deadline=None, max_examples=100)
@given(
    st.lists(
        st.sampled_from(["Quake", "Chile", "“No”", "—", "12", "Power cut.", "Ida live", "ok"]),
        min_size=1,
        max_size=6,
    ).map(" ".join),
    st.integers(min_value=1, max_value=8),
)
def test_report_against_itself_leaves_nothing_alone(line: str, count: int) -> None:
    # comparing a text with itself links every paragraph with its twin, the
    # shortest ones too (a user saw "only in A/B" for one-word paragraphs)
    text = "\n".join(f"{line} {n}" if n % 3 else line for n in range(count))
    report = parse_report(text)
    groups = align(report, report)
    content = [p.index for p in report.content_paragraphs()]
    assert sorted((g.a, g.b) for g in groups) == [((i,), (i,)) for i in content]


def test_a_paragraph_told_in_three_links_to_all_three() -> None:
    # A's lede tells three things that B tells in three paragraphs, each on one
    # sentence of A's: one group of one paragraph and three (a star), not 1:2 and
    # a leftover.
    a = parse_report(
        "Ferry Sinks Off Sumatra\n\n"
        "A ferry carrying 180 passengers sank in Lake Toba on Monday evening after high waves "
        "struck it near Simanindo harbour. Rescue teams found 18 survivors clinging to debris "
        "by Tuesday morning. Divers from the navy will search the wreck with sonar on Wednesday.\n"
        "The regional governor ordered an inquiry into overloading."
    )
    b = parse_report(
        "Lake Toba Ferry Disaster\n\n"
        "High waves struck a ferry near Simanindo harbour on Monday evening and it sank in Lake "
        "Toba with 180 passengers aboard.\n"
        "By Tuesday morning rescue teams had found 18 survivors, who were clinging to debris.\n"
        "Navy divers are to search the wreck with sonar on Wednesday, officials said.\n"
        "Local markets were closed in mourning."
    )
    groups = align(a, b)
    group = next((g for g in groups if g.a == (1,)), None)
    assert group is not None
    assert group.b == (1, 2, 3)
    assert (4,) in [g.b for g in groups if not g.a]  # the mourning tells nothing of A's


def test_a_paragraph_left_alone_joins_the_one_that_tells_it() -> None:
    # B's second paragraph tells the rescue of A's lede, which B's lede copies all
    # but that sentence of: its link scores far below the copy, yet it is the
    # paragraph's one partner, so it joins the group rather than standing alone.
    a = parse_report(
        "Quake Hits Taiwan\n\n"
        "A magnitude 6.4 earthquake struck southern Taiwan before dawn on Saturday, toppling a "
        "residential tower in Tainan. Soldiers and firefighters pulled 240 residents from the "
        "wreckage.\n"
        "The island's stock market opened normally on Monday."
    )
    b = parse_report(
        "Tainan Tower Falls\n\n"
        "A magnitude 6.4 earthquake struck southern Taiwan before dawn on Saturday, toppling a "
        "residential tower in Tainan.\n"
        "Officials said firefighters had reached 240 people by evening.\n"
        "Weather forecasters expect rain."
    )
    group = next((g for g in align(a, b) if g.a == (1,)), None)
    assert group is not None
    assert group.b == (1, 2)


def test_reports_with_no_link_are_shown_in_turns() -> None:
    """Nothing links two reports of two events: their paragraphs alternate, not all
    of B above all of A (the A column stood empty for a screen)."""
    a = parse_report("Storm hits coast\n\nGales felled trees.\n\nFerries stayed in port.")
    b = parse_report("Budget passes\n\nDeputies voted late.\n\nTaxes rise in spring.")
    order = [("a", g.a[0]) if g.a else ("b", g.b[0]) for g in align(a, b)]
    assert [side for side, _ in order] == ["a", "b", "a", "b", "a", "b"]
