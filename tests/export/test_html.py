"""The one HTML renderer: well-formed, self-contained, escaped, and marking what differs."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from dataclasses import replace
from xml.etree.ElementTree import Element

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.engine.model import Comparison, Figure, Paragraph, TextRun
from reportdiff.export.html import _Mark, figure_tooltip, paragraph_html, render_html

from .conftest import build_comparison

INJECTIONS = (
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "</td></tr></table><h1>broken</h1>",
    '" title="x" onmouseover="alert(1)',
)


def parse(markup: str) -> Element:
    """Parse strictly: any HTML parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(markup)


def parse_fragment(markup: str) -> Element:
    return parse(
        f"<!DOCTYPE html><html><head><title>t</title></head><body><p>{markup}</p></body></html>"
    )


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def by_name(root: Element, name: str) -> Element:
    (found,) = [e for e in root.iter("a") if e.get("name") == name]
    return found


@pytest.mark.parametrize(
    ("theme", "for_screen", "boilerplate"),
    [
        ("light", False, False),  # the HTML export
        ("light", False, True),  # the export with boilerplate shown
        ("dark", True, False),  # the window's view in a dark palette
        ("light", True, True),
    ],
)
def test_document_is_well_formed_and_self_contained(
    hand_comparison: Comparison, theme: str, for_screen: bool, boilerplate: bool
) -> None:
    markup = render_html(
        hand_comparison, theme=theme, for_screen=for_screen, boilerplate=boilerplate
    )
    root = parse(markup)
    assert root.find(".//script") is None
    sources = {hand_comparison.a.url, hand_comparison.b.url}
    for element in root.iter():
        for attribute in ("src", "href", "action", "data", "background"):
            value = element.get(attribute, "")
            if attribute == "href" and element.get("class") == "source":
                # The reports' own addresses are links to follow; nothing loads them.
                assert value in sources, value
                continue
            # Otherwise only in-document links: nothing remote is loaded or linked.
            assert not value or value.startswith("#"), (element.tag, attribute, value)
    assert not re.search(r"url\(|@import", markup)


def test_both_headlines_and_details_are_shown(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    heads = text_of(root.find(".//table[@class='heads']"))
    for report in (hand_comparison.a, hand_comparison.b):
        assert report.title in heads
        assert report.outlet in heads
        assert report.published in heads
        assert report.url in heads  # as visible text, not as a link


def test_summary_and_legend(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    body = text_of(root.find("body"))
    assert hand_comparison.summary() in body
    legend = text_of(root.find(".//p[@class='legend']"))
    assert "only in A" in legend
    assert "only in B" in legend
    assert "differs" in legend


def test_differing_figure_is_strongly_marked_with_both_values(
    hand_comparison: Comparison,
) -> None:
    root = parse(render_html(hand_comparison))
    k = next(i for i, f in enumerate(hand_comparison.figures) if f.status == "differs")
    for side, text in (("a", "more than 90 minutes"), ("b", "two and a half hours")):
        mark = by_name(root, f"fig-{k}-{side}")
        assert mark.get("class") == "fig fig-differs"
        assert mark.get("href") == f"#figure-{k}"
        assert text_of(mark) == text
        assert mark.get("title") == (
            "A: more than 90 minutes (more than 1 h 30 min) · B: two and a half hours (2 h 30 min)"
        )


def test_agreeing_and_one_sided_figures_are_marked(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    assert by_name(root, "fig-0-a").get("class") == "fig fig-same"
    assert text_of(by_name(root, "fig-0-b")) == "30-day"
    assert by_name(root, "fig-2-b").get("class") == "fig fig-only"


def test_figures_table_lists_differing_first_with_anchors(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    rows = root.find(".//table[@class='figures']/tbody").findall("tr")
    names = [row.find(".//a").get("name") for row in rows]
    assert names == ["figure-1", "figure-0", "figure-2"]  # differs, same, only_b
    assert "differs" in text_of(rows[0])


def test_every_alignment_group_is_one_row_with_its_anchor(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    rows = root.find(".//table[@class='aligned']/tbody").findall("tr")
    assert len(rows) == len(hand_comparison.alignment)
    for n, row in enumerate(rows):
        first = row.find("td")[0]
        assert (first.tag, first.get("name")) == ("a", f"row-{n}")


def test_unmatched_paragraph_sits_against_an_empty_cell(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    rows = root.find(".//table[@class='aligned']/tbody").findall("tr")
    only_a = rows[2].findall("td")
    assert "Zelensky" in text_of(only_a[0])
    assert text_of(only_a[1]).strip() == ""


def test_moved_paragraph_shows_its_position(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    table = root.find(".//table[@class='aligned']")
    moved = [text_of(s) for s in table.iter("span") if s.get("class") == "moved"]
    # B's paragraph 1 ("Officials will meet...") is shown after B's 2 and 3.
    assert moved == ["B¶2"]  # side and number, counted from 1


def test_every_body_paragraph_carries_its_number(seed_comparison: Comparison) -> None:
    # The figures table cites A¶N / B¶N: on paper the reader must find them.
    root = parse(render_html(seed_comparison))
    table = root.find(".//table[@class='aligned']")
    labels = {text_of(s) for s in table.iter("span") if s.get("class") in ("pos", "moved")}
    for side, report, key in (("A", seed_comparison.a, "a"), ("B", seed_comparison.b, "b")):
        shown = {i for g in seed_comparison.alignment for i in getattr(g, key)}
        for i in shown:
            if report.paragraphs[i].kind != "headline":
                assert f"{side}¶{i + 1}" in labels


def test_unique_words_are_tinted_per_side(hand_comparison: Comparison) -> None:
    root = parse(render_html(hand_comparison))
    tinted_a = [text_of(s) for s in root.iter("span") if s.get("class") == "uniq-a"]
    tinted_b = [text_of(s) for s in root.iter("span") if s.get("class") == "uniq-b"]
    assert "with both expressing hopes" in tinted_a
    assert "Russia agreed to a" in tinted_b


@pytest.mark.parametrize("boilerplate", [False, True])
def test_boilerplate_left_out_or_shown_in_its_own_section(
    hand_comparison: Comparison, boilerplate: bool
) -> None:
    markup = render_html(hand_comparison, boilerplate=boilerplate)
    assert ("Donate to keep us going." in markup) is boilerplate
    assert ("Read the full article here." in markup) is boilerplate


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injected_markup_shows_as_text(payload: str) -> None:
    comparison = build_comparison(title_a=payload)
    a = comparison.a
    paragraphs = list(a.paragraphs)
    paragraphs[3] = Paragraph(3, payload)  # the unmatched paragraph of A
    a = replace(a, paragraphs=tuple(paragraphs), outlet=payload, url=payload)
    comparison = replace(comparison, a=a)
    root = parse(render_html(comparison, boilerplate=True))
    assert root.find(".//script") is None
    assert root.find(".//img") is None
    assert root.find(".//h1[.='broken']") is None
    assert all(not k.startswith("on") for e in root.iter() for k in e.attrib)
    assert payload in text_of(root.find(".//table[@class='heads']"))
    assert payload in text_of(root.find(".//table[@class='aligned']"))


def test_unknown_theme_is_refused(hand_comparison: Comparison) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        render_html(hand_comparison, theme="sepia")


def test_tooltip_for_a_one_sided_figure() -> None:
    pair = build_comparison().figures[2]
    assert figure_tooltip(pair) == "A: not stated · B: 2%"


@pytest.mark.parametrize(
    ("figure", "words"),
    [
        # durations in hours and minutes, never as raw seconds
        (
            Figure("more than 90 minutes", 0, 0, 20, 5400, "s", "more_than", "duration"),
            "more than 90 minutes (more than 1 h 30 min)",
        ),
        # longer ones in years, not 94672800 s or 1096 days
        (
            Figure("three years", 0, 0, 11, 94672800, "s", dimension="duration"),
            "three years (3 years)",
        ),
        # a spelled-out count shows its number; a plain one is not repeated
        (Figure("two", 0, 0, 3, 2, ""), "two (2)"),
        (Figure("175", 0, 0, 3, 175, ""), "175"),
        (
            Figure("about 20 percent", 0, 0, 16, 20, "%", "approximate", "percent"),
            "about 20 percent",  # the value would only repeat the words
        ),
        # dates: a full date is shown in ISO form, a partial one is not
        (
            Figure(
                "March 18, 2025", 0, 0, 14, 739328, "date", dimension="date", display="2025-03-18"
            ),
            "March 18, 2025 (2025-03-18)",
        ),
        (Figure("February", 0, 0, 8, 2, "month", dimension="date", display="--02"), "February"),
        (Figure("a figure", 0, 0, 8, None, ""), "a figure"),
    ],
)
def test_tooltip_values(figure: Figure, words: str) -> None:
    from reportdiff.engine.model import FigurePair

    assert figure_tooltip(FigurePair("only_a", "x", figure, None)) == f"A: {words} · B: not stated"


def test_seed_comparison_renders_every_differing_pair(seed_comparison: Comparison) -> None:
    root = parse(render_html(seed_comparison))
    heads = text_of(root.find(".//table[@class='heads']"))
    assert seed_comparison.a.title in heads
    assert seed_comparison.b.title in heads
    for k, pair in enumerate(seed_comparison.figures):
        for side, figure in (("a", pair.a), ("b", pair.b)):
            if figure is not None and pair.status == "differs":
                mark = by_name(root, f"fig-{k}-{side}")
                assert mark.get("class") == "fig fig-differs"
                assert text_of(mark) == figure.text


def test_html_export_does_not_import_qt() -> None:
    code = (
        "import sys; from reportdiff.export import export_comparison;"
        "from reportdiff.engine import compare_texts;"
        "export_comparison(compare_texts('a b c', 'a b d'), 'html');"
        "export_comparison(compare_texts('a b c', 'a b d'), 'csv');"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- properties: runs and figure marks nest properly and rebuild the text ---

WORDS = st.lists(st.sampled_from(["alpha", "beta", "<b>", "&amp;", "90", "“quote”", " ", ", "]))


@st.composite
def paragraph_with_runs_and_marks(draw: st.DrawFn) -> tuple[Paragraph, list[TextRun], list[_Mark]]:
    text = "".join(draw(WORDS.filter(bool)))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text))))) | {0, len(text)})
    runs = [TextRun(text[i:j], draw(st.booleans())) for i, j in itertools.pairwise(cuts)]
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
    marks = [
        _Mark(min(s), max(s), f"fig-{k}-a", "fig-differs", f"#figure-{k}", "A: x · B: y")
        for k, s in enumerate(spans)
    ]
    return Paragraph(0, text), runs, sorted(marks, key=lambda m: (m.start, m.end))


@given(paragraph_with_runs_and_marks())
def test_marked_paragraph_parses_and_rebuilds_its_text(
    case: tuple[Paragraph, list[TextRun], list[_Mark]],
) -> None:
    paragraph, runs, marks = case
    root = parse_fragment(paragraph_html(paragraph, runs, "a", marks))
    visible = text_of(root.find(".//body/p")).replace("⚠", "")  # the warning sign is ours
    assert visible == paragraph.text
    for mark in marks:
        anchor = by_name(root, mark.name)
        if text_of(anchor):
            assert text_of(anchor) == paragraph.text[mark.start : mark.end]
            assert anchor.find(".//a") is None  # no mark inside another


def test_runs_that_do_not_rebuild_the_text_are_ignored() -> None:
    paragraph = Paragraph(0, "the call lasted two hours")
    markup = paragraph_html(paragraph, [TextRun("something else", unique=True)], "a", [])
    assert markup == "the call lasted two hours"


def test_figure_straddling_a_run_boundary_nests_inside_one_mark() -> None:
    paragraph = Paragraph(0, "it lasted two and a half hours.")
    figure = Figure("two and a half hours", 0, 10, 30, 9000, "s")
    mark = _Mark(figure.start, figure.end, "fig-0-b", "fig-same", "#figure-0", "t")
    runs = [TextRun("it lasted two and", unique=True), TextRun(" a half hours.")]
    markup = paragraph_html(paragraph, runs, "b", [mark])
    assert markup == (
        '<span class="uniq-b">it lasted </span><a class="fig fig-same" name="fig-0-b" '
        'href="#figure-0" title="t"><span class="uniq-b">two and</span> a half hours</a>.'
    )


def test_figure_cells_give_readable_values_and_side_numbered_paragraphs(
    hand_comparison: Comparison,
) -> None:
    root = parse(render_html(hand_comparison))
    table = root.find(".//table[@class='figures']")
    cells = [text_of(s) for s in table.iter("span") if s.get("class") == "value"]
    # The call: A's paragraph index 1 and B's index 2, as a person counts them.
    assert "more than 1 h 30 min · A¶2" in cells
    assert "2 h 30 min · B¶3" in cells
    assert not any("5400" in c or "9000" in c for c in cells)


def test_a_loose_link_says_so_and_a_firm_one_does_not(hand_comparison: Comparison) -> None:
    linked = [
        n
        for n, g in enumerate(hand_comparison.alignment)
        if g.linked and hand_comparison.b.paragraphs[g.b[0]].kind != "headline"
    ]
    assert linked, "the hand-made comparison needs a linked body row"
    n = linked[0]
    groups = list(hand_comparison.alignment)
    for score, expected in ((0.9, 0), (0.16, 1)):
        groups[n] = replace(groups[n], score=score)
        markup = render_html(replace(hand_comparison, alignment=tuple(groups)))
        parse(markup)
        assert markup.count('class="loose-line"') == expected


def test_screen_view_has_a_table_per_row_and_no_figures_table(
    hand_comparison: Comparison,
) -> None:
    # Qt lays out a document's top-level tables lazily, one table at a time: the
    # screen gets one per aligned row; the window's panel shows the figures.
    screen = parse(render_html(hand_comparison, for_screen=True))
    paper = parse(render_html(hand_comparison))
    rows = len(hand_comparison.alignment)
    assert (
        len(screen.findall(".//table[@class='aligned']")) == rows
    )  # no header: the headlines name A and B
    assert len(paper.findall(".//table[@class='aligned']")) == 1
    assert len(paper.findall(".//table[@class='aligned']/tbody/tr")) == rows
    assert screen.find(".//table[@class='figures']") is None
    assert paper.find(".//table[@class='figures']") is not None
    # the same marked text either way
    for k in range(len(hand_comparison.figures)):
        for side in "ab":
            marks = [e for e in paper.iter("a") if e.get("name") == f"fig-{k}-{side}"]
            same = [e for e in screen.iter("a") if e.get("name") == f"fig-{k}-{side}"]
            assert [text_of(m) for m in marks] == [text_of(m) for m in same]


def test_a_warning_is_shown_under_the_summary(seed_comparison: Comparison) -> None:
    warned = replace(seed_comparison, warnings=("They may tell <different> events.",))
    markup = render_html(warned)
    summary = markup.index('class="summary"')
    warning = markup.index('class="warning"')
    assert summary < warning < markup.index('class="legend"')
    assert "They may tell &lt;different&gt; events." in markup
    assert 'class="warning"' not in render_html(seed_comparison)


def test_source_addresses_are_links_only_when_web_addresses(hand_comparison: Comparison) -> None:
    web = replace(hand_comparison.a, url="https://alpha.example/storm?a=1&b=2")
    odd = replace(hand_comparison.b, url='javascript:alert("x")')
    root = parse(render_html(replace(hand_comparison, a=web, b=odd)))
    links = [a for a in root.iter("a") if a.get("class") == "source"]
    assert [a.get("href") for a in links] == ["https://alpha.example/storm?a=1&b=2"]
    assert 'javascript:alert("x")' in text_of(root.find(".//table[@class='heads']"))


def test_the_review_shows_in_the_figures_table(hand_comparison: Comparison) -> None:
    from reportdiff.review import Review

    k = next(k for k, f in enumerate(hand_comparison.figures) if f.status == "differs")
    fitted = {k: Review("key", "dismissed", "Not the same call <b>", "x")}
    outdated = [Review("old", "confirmed", None, "day: Monday / Tuesday")]
    markup = render_html(hand_comparison, review=(fitted, outdated))
    root = parse(markup)
    table = text_of(root.find(".//table[@class='figures']"))
    assert "✗ dismissed" in table
    assert "Not the same call <b>" in table  # escaped, shown as written
    assert "<b>" not in markup.split("Not the same call", 1)[1][:10]
    assert "Outdated reviews" in markup
    assert "day: Monday / Tuesday: confirmed" in text_of(root)
