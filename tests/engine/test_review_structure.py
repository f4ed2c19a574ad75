"""The reader's corrections applied to a comparison (review.restructure): rows
linked and unlinked, figures paired and unpaired by hand, row notes, and what
happens to them when a report's text changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reportdiff.engine import compare, parse_report
from reportdiff.engine.model import Comparison, Report
from reportdiff.review import Review, figure_key, hand_pair_key, link_key, reviewed, row_key

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(prefix: str) -> Report:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_report(path.read_text(encoding="utf-8"))


def _comparison() -> Comparison:
    return compare(_seed("001"), _seed("003"))


def _one(key: str, decision: str | None, note: str | None = None) -> dict[str, Review]:
    return {key: Review(key, decision, note, "label")}


def _every_paragraph_once(c: Comparison) -> None:
    seen_a = [i for g in c.alignment for i in g.a]
    seen_b = [j for g in c.alignment for j in g.b]
    assert sorted(seen_a) == sorted(set(seen_a))
    assert sorted(seen_b) == sorted(set(seen_b))
    assert set(seen_a) == {i for g in _comparison().alignment for i in g.a}
    assert set(seen_b) == {j for g in _comparison().alignment for j in g.b}


def test_two_lone_paragraphs_linked_by_hand_become_one_row_with_word_marks() -> None:
    c = _comparison()
    lone_a = next(g.a[0] for g in c.alignment if g.a and not g.b)
    lone_b = next(g.b[0] for g in c.alignment if g.b and not g.a)
    fixed, (_, outdated) = reviewed(c, _one(link_key(c, (lone_a,), (lone_b,)), "linked"))
    (row,) = [g for g in fixed.alignment if lone_a in g.a]
    assert row.b == (lone_b,)
    assert row.by_hand
    assert row.linked
    assert "".join(r.text for r in row.a_runs[0]) == c.a.paragraphs[lone_a].text
    assert any(r.unique for r in row.a_runs[0])  # the word diff ran on the new row
    assert outdated == []
    _every_paragraph_once(fixed)
    assert fixed.to_json()["alignment"][fixed.alignment.index(row)]["by_hand"] is True


def test_an_engine_row_unlinked_falls_apart_into_lone_paragraphs() -> None:
    c = _comparison()
    row = next(g for g in c.alignment if g.linked and g.a[0] > 0)
    fixed, _ = reviewed(c, _one(link_key(c, row.a, row.b), "unlinked"))
    for i in row.a:
        assert any(g.a == (i,) and not g.b for g in fixed.alignment)
    for j in row.b:
        assert any(g.b == (j,) and not g.a for g in fixed.alignment)
    _every_paragraph_once(fixed)


def test_figures_paired_by_hand_are_judged_and_their_partners_left_alone() -> None:
    c = _comparison()
    only_a = next(p for p in c.figures if p.status == "only_a")
    only_b = next(p for p in c.figures if p.status == "only_b")
    key = hand_pair_key(c, only_a.a, only_b.b)
    fixed, (_, outdated) = reviewed(c, _one(key, "paired"))
    (made,) = [p for p in fixed.figures if p.by_hand]
    assert (made.a, made.b) == (only_a.a, only_b.b)
    assert made.status == ("same" if only_a.a.value == only_b.b.value else "differs")  # type: ignore[union-attr]
    assert len(fixed.figures) == len(c.figures) - 1
    assert outdated == []
    assert fixed.to_json()["figures"][fixed.figures.index(made)]["by_hand"] is True


def test_an_engine_pair_unpaired_becomes_two_lone_figures() -> None:
    c = _comparison()
    pair = next(p for p in c.figures if p.status == "differs")
    fixed, _ = reviewed(c, _one(hand_pair_key(c, pair.a, pair.b), "unpaired"))
    assert pair not in fixed.figures
    assert any(p.status == "only_a" and p.a == pair.a for p in fixed.figures)
    assert any(p.status == "only_b" and p.b == pair.b for p in fixed.figures)


def test_a_note_on_a_row_rides_with_it_into_the_json() -> None:
    c = _comparison()
    n, row = next((n, g) for n, g in enumerate(c.alignment) if g.linked)
    fixed, _ = reviewed(c, _one(row_key(c, row), None, "Check the quote"))
    assert fixed.alignment[n].note == "Check the quote"
    assert fixed.to_json()["alignment"][n]["note"] == "Check the quote"


def test_corrections_whose_paragraphs_or_figures_changed_are_outdated_not_dropped() -> None:
    c = _comparison()
    row = next(g for g in c.alignment if g.linked)
    pair = next(p for p in c.figures if p.status == "differs")
    stored = {
        **_one(link_key(c, row.a, row.b), "unlinked"),
        **_one(hand_pair_key(c, pair.a, pair.b), "unpaired"),
        **_one(row_key(c, row), None, "a note"),
    }
    # The reader's A is edited: every paragraph of it changes.
    edited = dataclasses.replace(
        c.a,
        paragraphs=tuple(
            dataclasses.replace(p, text=p.text + " (updated)") for p in c.a.paragraphs
        ),
    )
    again = compare(edited, c.b)
    fixed, (_, outdated) = reviewed(again, stored)
    assert {r.key for r in outdated} == set(stored)
    assert fixed.alignment == again.alignment
    assert fixed.figures == again.figures


def test_a_repeated_paragraph_keeps_its_own_decisions() -> None:
    text = "Officials said the bridge would stay closed for weeks."
    a = parse_report(f"Quake\n\n{text}\n\nThe quake killed 12 people.\n\n{text}")
    b = parse_report(
        "Quake\n\nThe quake killed 12 people.\n\nThe bridge stays closed, officials said."
    )
    c = compare(a, b)
    second = max(i for i, p in enumerate(a.paragraphs) if p.text == text)
    lone_b = (
        next(g.b[0] for g in c.alignment if g.b and not g.a)
        if any(g.b and not g.a for g in c.alignment)
        else 2
    )
    fixed, _ = reviewed(c, _one(link_key(c, (second,), (lone_b,)), "linked"))
    row = next(g for g in fixed.alignment if g.by_hand)
    assert row.a == (second,)  # the second copy, not the first


def test_a_flag_whose_figures_the_engine_pairs_otherwise_is_outdated_not_dropped() -> None:
    a = parse_report("Quake\n\nThe earthquake killed 120 people on Monday, officials said.")
    b = parse_report("Quake\n\nThe earthquake killed 150 people on Monday, officials said.")
    c = compare(a, b)
    pair = next(p for p in c.figures if p.status == "differs")
    stored = {figure_key(c, pair): Review(figure_key(c, pair), "confirmed", "n", "l")}
    # B gains a paragraph restating A's figure: the engine pairs 120 with it now
    b2 = parse_report(
        "Quake\n\nThe earthquake killed 150 people on Monday, officials said.\n\n"
        "Earlier, officials said the earthquake killed 120 people."
    )
    c2 = compare(a, b2)
    _, (fitted, outdated) = reviewed(c2, stored)
    assert len(fitted) + len(outdated) == 1  # kept somewhere, never silently dropped
