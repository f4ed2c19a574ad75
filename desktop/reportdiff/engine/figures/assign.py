"""Which candidate pairs become pairs: a one-to-one assignment (a stage of pairing).

Agreeing pairs go first, best evidence first: a figure told the same way twice
is the best evidence that both reports speak of it, and leaves fewer figures
to pair wrongly; but not over a differing pair of far more evidence (AGREE_EDGE:
"killing at least 23 people" / "killed at least 24 people" is the toll, and an
early statement's "gave the death toll as 23 people" only repeats its value).
The differing pairs are then assigned together, by the most evidence in all
(past what every pair must have), not one by one: "56 percent
... nearly 44 percent for Mr. Weah" against "59.4 percent ... George Weah,
finished with 40.6 percent" is two facts, and the best single pair (44 / 59.4,
by a hair) must not take the partner the whole assignment gives to another. A
count told by its size ("hundreds") agrees with too much: its pairs come last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from reportdiff.engine.figures.evidence import Candidate

# A group of differing pairs that share figures is assigned exactly up to this
# many candidate pairs (real reports give a handful); a larger one, a table of
# figures, greedily, best evidence first.
_EXACT_PAIRS = 14
# What a pair weighs in the assignment: its evidence past this much, and never
# less than _LEAST_WEIGHT. Two weak pairs must not outweigh one strong one (0.9
# against 0.5 + 0.5), while between as many pairs the most evidence wins.
_PAIR_COST = 0.3
_LEAST_WEIGHT = 0.01


def assign(
    kept: Sequence[Candidate],
    vague: Callable[[Candidate], bool],
    taken: tuple[set[int], set[int]] = (set(), set()),
) -> list[Candidate]:
    """The pairs to take from `kept`, no figure twice (nor one already `taken`)."""
    taken_a, taken_b = set(taken[0]), set(taken[1])
    by_evidence = sorted(kept, key=lambda c: -c.evidence)
    rival = _best_differing(by_evidence, vague)
    agreeing = [
        c
        for c in by_evidence
        if c.agree
        and not vague(c)
        and c.evidence * AGREE_EDGE >= max(rival.get((0, c.a), 0.0), rival.get((1, c.b), 0.0))
    ]
    chosen = _greedy(agreeing, taken_a, taken_b)
    differing = [
        c
        for c in by_evidence
        if not c.agree and not vague(c) and c.a not in taken_a and c.b not in taken_b
    ]
    for group in _connected(differing):
        best = _best(group) if len(group) <= _EXACT_PAIRS else _greedy(group, set(), set())
        chosen += best
        taken_a.update(c.a for c in best)
        taken_b.update(c.b for c in best)
    told_by_size = sorted((c for c in by_evidence if vague(c)), key=lambda c: not c.agree)
    return chosen + _greedy(told_by_size, taken_a, taken_b)


# An agreeing pair goes first unless a differing pair of one of its figures has
# this many times its evidence (measured: 1.2 to 2 keep every gold pair; 1.0
# lets weak differing pairs take figures that agree elsewhere).
AGREE_EDGE = 1.5


def _best_differing(
    pairs: Sequence[Candidate], vague: Callable[[Candidate], bool]
) -> dict[tuple[int, int], float]:
    """The best evidence of a differing pair of each figure ((0, i) of A, (1, j) of B)."""
    best: dict[tuple[int, int], float] = {}
    for c in pairs:
        if c.agree or vague(c):
            continue
        for key in ((0, c.a), (1, c.b)):
            best[key] = max(best.get(key, 0.0), c.evidence)
    return best


def _greedy(pairs: list[Candidate], taken_a: set[int], taken_b: set[int]) -> list[Candidate]:
    """Best first, each figure once; `taken_a` and `taken_b` grow with what is taken."""
    chosen = []
    for c in pairs:
        if c.a not in taken_a and c.b not in taken_b:
            taken_a.add(c.a)
            taken_b.add(c.b)
            chosen.append(c)
    return chosen


def _connected(pairs: list[Candidate]) -> list[list[Candidate]]:
    """The pairs in groups that share no figure with another group, in their order."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for c in pairs:
        parent[find(("a", c.a))] = find(("b", c.b))
    groups: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    for c in pairs:
        groups[find(("a", c.a))].append(c)
    return list(groups.values())


def _weight(c: Candidate) -> float:
    return max(c.evidence - _PAIR_COST, _LEAST_WEIGHT)


def _best(pairs: list[Candidate]) -> list[Candidate]:
    """The pairs, each figure once, of the most weight in all (ties: the earlier
    pairs, best evidence first, win). The search starts from the greedy answer,
    which it must beat."""
    best = _greedy(pairs, set(), set())
    best_total = sum(map(_weight, best))
    rest = [0.0] * (len(pairs) + 1)  # weight still to come from pair k on
    for k in range(len(pairs) - 1, -1, -1):
        rest[k] = rest[k + 1] + _weight(pairs[k])

    def search(
        k: int, used_a: frozenset[int], used_b: frozenset[int], total: float, taken: list[Candidate]
    ) -> None:
        nonlocal best_total, best
        if total > best_total + 1e-9:
            best_total, best = total, list(taken)
        if total + rest[k] <= best_total + 1e-9:
            return  # what is left cannot do better
        for m in range(k, len(pairs)):
            c = pairs[m]
            if c.a in used_a or c.b in used_b:
                continue
            taken.append(c)
            search(m + 1, used_a | {c.a}, used_b | {c.b}, total + _weight(c), taken)
            taken.pop()

    search(0, frozenset(), frozenset(), 0.0, [])
    return best
