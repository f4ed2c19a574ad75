"""The one-to-one assignment of candidate pairs (engine/figures/assign.py)."""

from __future__ import annotations

from reportdiff.engine.figures.assign import AGREE_EDGE, assign
from reportdiff.engine.figures.evidence import Candidate


def _never_vague(_c: Candidate) -> bool:
    return False


def _pairs(chosen: list[Candidate]) -> set[tuple[int, int]]:
    return {(c.a, c.b) for c in chosen}


def test_differing_pairs_are_assigned_together_not_best_first() -> None:
    # Best first would take (1, 0) at 0.81 and leave (0, 1) at 0.55: 1.36 in all;
    # (0, 0) and (1, 1) give 1.37, and every figure a partner.
    kept = [
        Candidate(0, 0, 0.80, agree=False),
        Candidate(0, 1, 0.55, agree=False),
        Candidate(1, 0, 0.81, agree=False),
        Candidate(1, 1, 0.57, agree=False),
    ]
    assert _pairs(assign(kept, _never_vague)) == {(0, 0), (1, 1)}


def test_agreeing_pairs_go_first_whatever_the_total() -> None:
    # Two differing pairs would weigh more, but a figure told alike twice is one fact.
    kept = [
        Candidate(0, 0, 0.7, agree=True),
        Candidate(0, 1, 0.9, agree=False),
        Candidate(1, 0, 0.9, agree=False),
    ]
    assert _pairs(assign(kept, _never_vague)) == {(0, 0)}


def test_an_agreeing_pair_yields_to_a_differing_pair_of_far_more_evidence() -> None:
    # "at least 23" / "at least 24", the two tolls, against an early statement's "23"
    kept = [
        Candidate(0, 0, 0.8, agree=True),
        Candidate(0, 1, 0.8 * AGREE_EDGE + 0.1, agree=False),
    ]
    assert _pairs(assign(kept, _never_vague)) == {(0, 1)}


def test_figures_already_taken_are_left_out() -> None:
    kept = [Candidate(0, 0, 0.9, agree=True), Candidate(1, 1, 0.4, agree=False)]
    assert _pairs(assign(kept, _never_vague, ({0}, set()))) == {(1, 1)}


def test_counts_told_by_size_come_last_agreeing_first() -> None:
    kept = [
        Candidate(0, 0, 0.9, agree=False),  # "thousands" / "at least 50,000"
        Candidate(0, 1, 0.3, agree=True),  # "thousands" / "about 2,500"
    ]
    chosen = assign(kept, lambda c: c.a == 0)
    assert _pairs(chosen) == {(0, 1)}


def test_a_large_group_is_assigned_best_first_in_bounded_time() -> None:
    # A table of 40 figures each side, every one a candidate of every other.
    kept = [Candidate(i, j, 1.0 / (1 + i + j), agree=False) for i in range(40) for j in range(40)]
    chosen = assign(kept, _never_vague)
    assert len(chosen) == 40
    assert len({c.a for c in chosen}) == len({c.b for c in chosen}) == 40


def test_two_weak_pairs_do_not_outweigh_one_strong_pair() -> None:
    kept = [
        Candidate(0, 0, 0.9, agree=False),
        Candidate(0, 1, 0.5, agree=False),
        Candidate(1, 0, 0.5, agree=False),
    ]
    assert _pairs(assign(kept, _never_vague)) == {(0, 0)}


def test_a_pair_of_no_evidence_is_still_taken_when_nothing_rivals_it() -> None:
    # A pair kept for another reason than its evidence (two ledes' rival counts).
    assert _pairs(assign([Candidate(0, 0, 0.0, agree=False)], _never_vague)) == {(0, 0)}
