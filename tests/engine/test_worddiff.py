"""Word diff inside aligned groups (engine/worddiff.py)."""

from __future__ import annotations

import pytest

from reportdiff.engine.worddiff import diff_texts, tokens


def _marked(runs: tuple) -> str:
    return "".join(f"[{r.text}]" if r.unique else r.text for r in runs)


CASES = [
    # identical texts: nothing unique
    ("The bridge fell.", "The bridge fell.", "The bridge fell.", "The bridge fell."),
    # quote and dash styles and case compare equal
    (
        "He said “yes” — twice.",
        'he said "Yes" - twice.',
        "He said “yes” — twice.",
        'he said "Yes" - twice.',
    ),
    # an added word is marked on its side only
    ("The old bridge fell.", "The bridge fell.", "The [old] bridge fell.", "The bridge fell."),
    # a replaced number is marked on both sides
    (
        "It killed 12 people.",
        "It killed 14 people.",
        "It killed [12] people.",
        "It killed [14] people.",
    ),
]


@pytest.mark.parametrize(("a", "b", "marked_a", "marked_b"), CASES)
def test_diff_marks(a: str, b: str, marked_a: str, marked_b: str) -> None:
    (runs_a,), (runs_b,) = diff_texts([a], [b])
    assert (_marked(runs_a), _marked(runs_b)) == (marked_a, marked_b)


def test_reordered_shared_name_is_not_marked() -> None:
    # a name both sides state, in another place, is not "only this side's"
    (runs_a,), (_runs_b,) = diff_texts(
        ["Boric declared an emergency."], ["An emergency was declared by Boric."]
    )
    unique_a = "".join(r.text for r in runs_a if r.unique)
    assert "Boric" not in unique_a


def test_group_with_two_paragraphs_splits_back() -> None:
    a_runs, b_runs = diff_texts(
        ["Power failed. Mines stopped."], ["Power failed.", "Mines stopped."]
    )
    assert ["".join(r.text for r in p) for p in b_runs] == ["Power failed.", "Mines stopped."]
    assert not any(r.unique for p in b_runs for r in p)
    assert "".join(r.text for r in a_runs[0]) == "Power failed. Mines stopped."


def test_unmatched_side_is_all_unique() -> None:
    a_runs, b_runs = diff_texts(["Only here."], [])
    assert b_runs == ()
    assert a_runs[0][0].unique
    assert a_runs[0][0].text == "Only here."


def test_tokens_rebuild_text() -> None:
    text = "Zelenskyy’s „plan“ — 30-day… ok?\u00a0 yes"
    assert "".join(tokens(text)) == text
