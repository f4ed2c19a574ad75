"""The `--format text` view (export/text.py): what a person reads in a terminal."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from reportdiff.engine import compare_texts
from reportdiff.engine.model import AlignedGroup, Comparison, Paragraph, Report
from reportdiff.export.text import reading_order, render_text

from .conftest import A_ONLY, B_MOVED, B_ONLY

DATA = Path(__file__).resolve().parents[1] / "engine" / "data"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _quake_text(**kw: object) -> str:
    a = (DATA / "quake_a.txt").read_text(encoding="utf-8")
    b = (DATA / "quake_b.txt").read_text(encoding="utf-8")
    return render_text(compare_texts(a, b, figures=False), **kw)  # type: ignore[arg-type]


def test_header_names_both_reports_with_details_then_the_summary(
    hand_comparison: Comparison,
) -> None:
    lines = render_text(hand_comparison).splitlines()
    assert lines[0] == "A: Putin agrees to halt energy strikes"
    assert lines[1] == "   Outlet Alpha · 2025-03-18"
    assert lines[2] == "   https://alpha.example/story?id=1&x=2"  # an address on a line of its own
    assert lines[3] == "B: Trump and Putin talk for hours"
    assert lines[7] == hand_comparison.summary()


def test_headlines_stand_on_top_only(hand_comparison: Comparison) -> None:
    # The headline paragraphs, linked as a group, are not repeated below.
    groups = (AlignedGroup((0,), (0,), 0.5), *hand_comparison.alignment)
    text = render_text(replace(hand_comparison, alignment=groups))
    assert text.count("Putin agrees to halt energy strikes") == 1
    assert "A¶1" not in text


def test_paragraphs_are_numbered_from_1_everywhere(hand_comparison: Comparison) -> None:
    text = render_text(hand_comparison)
    # Group 0 links paragraph index 1 of A with index 2 of B.
    assert "── A¶2 ↔ B¶3 · similarity 0.70" in text
    assert re.search(r"^A¶2 +.*spoke for more than 90", text, re.M)
    # The differing figure names the paragraphs the same way.
    assert re.search(r"A¶2 +“more than 90 minutes” = more than 1 h 30 min", text)
    assert re.search(r"B¶3 +“two and a half hours” = 2 h 30 min", text)
    assert not re.search(r"\b[AB]\d", text)  # no 0-based "A2" labels left


def test_differing_figures_come_before_the_paragraphs(hand_comparison: Comparison) -> None:
    text = render_text(hand_comparison)
    assert text.index("Figures that differ (1)") < text.index("How to read") < text.index("── ")
    assert "5400" not in text  # values as people read them, not seconds


def test_the_marks_are_explained(hand_comparison: Comparison) -> None:
    text = render_text(hand_comparison)
    legend = text[text.index("How to read") : text.index("── ")]
    assert "[-Words like these-] are only in A" in " ".join(legend.split())
    assert "{+words like these+} only in B" in " ".join(legend.split())
    assert "[-spoke for more than 90-]" in text
    assert "{+call lasted two and+}" in text


# Engine order (row → (a, b)) against the order a person reads: A's order, and a
# paragraph only B has right after the group holding its B predecessor.
READING_ORDER = [
    # B-only paragraphs listed last by the engine move up behind B¶1's group.
    ([((0,), (0,)), ((1,), (2,)), ((), (1,))], [0, 2, 1]),
    # a B-only paragraph before any linked B paragraph goes to the top
    ([((0,), (1,)), ((), (0,))], [1, 0]),
    # A-only groups keep A's order among the linked ones
    ([((2,), (0,)), ((0,), ()), ((1,), (1,))], [1, 2, 0]),
    # a run of B-only paragraphs keeps B's order behind its anchor
    ([((), (3,)), ((0,), (1,)), ((), (2,)), ((1,), (0,))], [1, 2, 0, 3]),
]


@pytest.mark.parametrize(("groups", "expected"), READING_ORDER)
def test_reading_order(
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]], expected: list[int]
) -> None:
    n_a = 1 + max((i for a, _ in groups for i in a), default=0)
    n_b = 1 + max((j for _, b in groups for j in b), default=0)
    comparison = Comparison(
        _report("A", n_a), _report("B", n_b), tuple(AlignedGroup(a, b, 0.5) for a, b in groups)
    )
    assert reading_order(comparison) == expected


def _report(name: str, n: int) -> Report:
    paragraphs = tuple(Paragraph(i, f"{name} paragraph {i}") for i in range(n))
    return Report(name, paragraphs)


def test_b_only_paragraph_follows_its_b_neighbour(hand_comparison: Comparison) -> None:
    # B_MOVED (B¶2) is linked with A's last paragraph; B_ONLY (B¶5) follows B¶4's group.
    text = render_text(hand_comparison)
    assert text.index(A_ONLY) < text.index(B_MOVED)
    assert text.index("\nB¶4 ") < text.index(B_ONLY) < text.index(A_ONLY)
    assert "B¶2↕" in text  # shown out of B's order, and marked so


def test_one_sided_runs_and_boilerplate_are_summed_up_with_plurals() -> None:
    text = _quake_text()
    assert "only in A" in text
    assert "only in B" in text
    assert "Left out as boilerplate (not compared)" in text
    assert re.search(r"A: \d+ paragraphs \(A¶\d+–\d+\), first: “Share this:”", text)
    assert not re.search(r"\b1 paragraphs\b", text)


def test_lines_fit_the_width() -> None:
    for width in (100, 60):
        assert all(len(line) <= width for line in _quake_text(width=width).splitlines())


def test_colour_replaces_the_brackets_and_keeps_the_width(hand_comparison: Comparison) -> None:
    coloured = render_text(hand_comparison, color=True, width=60)
    assert "\x1b[38;5;208mspoke for more than 90\x1b[0m" in coloured
    assert "[-" not in coloured
    assert all(len(ANSI.sub("", line)) <= 60 for line in coloured.splitlines())
    assert "\x1b" not in render_text(hand_comparison)


def test_empty_reports_render() -> None:
    assert render_text(compare_texts("", "", figures=False)).startswith("A: (untitled)")


def test_a_loose_match_is_marked_for_the_reader_to_check(hand_comparison: Comparison) -> None:
    linked = next(k for k, g in enumerate(hand_comparison.alignment) if g.linked)
    groups = list(hand_comparison.alignment)
    firm = render_text(replace(hand_comparison, alignment=tuple(groups)))
    groups[linked] = replace(groups[linked], score=0.17)
    loose = render_text(replace(hand_comparison, alignment=tuple(groups)))
    heads = [line for line in loose.splitlines() if "similarity 0.17" in line]
    assert heads
    assert "loose match: check it" in heads[0]
    assert not any(g.loose for g in hand_comparison.alignment)
    assert "loose match: check it" not in firm


def test_a_warning_follows_the_summary() -> None:
    comparison = compare_texts("Rain fell in the north.", "Rain fell in the south.")
    warned = replace(comparison, warnings=("They may tell different events.",))
    lines = render_text(warned).splitlines()
    summary = next(i for i, line in enumerate(lines) if " linked · " in line)
    assert lines[summary + 1] == "!  They may tell different events."


def test_the_review_shows_under_its_figure(hand_comparison: Comparison) -> None:
    from reportdiff.review import Review

    k = next(k for k, f in enumerate(hand_comparison.figures) if f.status == "differs")
    text = render_text(
        hand_comparison,
        review=({k: Review("key", "confirmed", "Both cite officials", "x")}, []),
    )
    assert "review ✓ confirmed — “Both cite officials”" in text
