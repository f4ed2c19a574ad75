"""A reader's review of a compared pair: which flags were confirmed or dismissed,
which figures or paragraphs the reader paired or linked by hand (or took apart),
and notes (stored in the library, `reviews` table).

A decision is keyed by the two figures as the reports write them: each side's
figure text and a digest of its paragraph. The same figures in the same
paragraphs meet the same decision however often the pair is compared, and
whichever engine paired them; when a report's text changes, a decision whose
figures are no longer there is *outdated*: shown, never silently dropped.

What the reader changed in the comparison's structure is kept under keys of
its own, by the paragraphs' digests (their text) and the figures' words:

- `@figures <A side>|<B side>`: two figures "paired" by hand, or an engine pair
  "unpaired" (not one fact);
- `@paragraphs <A digests>|<B digests>`: paragraphs "linked" into one row, or a
  row "unlinked" into paragraphs each alone;
- `@row <A digests>|<B digests>`: a note on a row (a group of paragraphs).

`restructure` applies the first two to a comparison before it is shown or
exported; `apply` then fits the flag decisions and notes to its figures.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from reportdiff.engine.model import AlignedGroup, Comparison, Figure, FigurePair, Report

FLAG_DECISIONS = ("confirmed", "dismissed")
DECISIONS = (*FLAG_DECISIONS, "paired", "unpaired", "linked", "unlinked")
FIGURES_PREFIX = "@figures "
PARAGRAPHS_PREFIX = "@paragraphs "
ROW_PREFIX = "@row "

# A note on the pair as a whole is stored under this key, and handed to the
# exports as the review of figure index PAIR.
PAIR_KEY = "@pair"
PAIR = -1


@dataclass(frozen=True, slots=True)
class Review:
    """One stored decision: `decision` is "confirmed", "dismissed" or None (a note only)."""

    key: str
    decision: str | None
    note: str | None
    label: str  # the two figures as written when decided ("90 minutes / 2.5 hours")


def figure_key(comparison: Comparison, pair: FigurePair) -> str:
    """The pair's identity in its reports: each figure's words and its paragraph."""
    return f"{_side(comparison.a, pair.a)}|{_side(comparison.b, pair.b)}"


def hand_words(pair: FigurePair) -> str:
    """ "paired by hand", "unpaired by hand", or "" for the engine's own pair."""
    if not pair.by_hand:
        return ""
    return "paired by hand" if pair.a is not None and pair.b is not None else "unpaired by hand"


def figure_label(pair: FigurePair) -> str:
    a = pair.a.text if pair.a else "—"
    b = pair.b.text if pair.b else "—"
    return f"{pair.what}: {a} / {b}"


def _side(report: Report, figure: Figure | None) -> str:
    if figure is None:
        return "-"
    return f"{figure.text}@{_digest(report, figure.paragraph)}:{figure.start}"


def apply(
    comparison: Comparison, reviews: dict[str, Review]
) -> tuple[dict[int, Review], list[Review]]:
    """The reviews that fit this comparison's figure pairs (by index; the note on
    the pair as index PAIR), and the outdated rest.

    `comparison` is the one the reader corrected (`restructure`). A flag the
    reader unpaired (or one of whose figures they paired with another) is set
    aside, not outdated: its figures are still there, and undoing the pairing
    brings its decision back. Any other flag that no longer fits is outdated,
    even when its figures are still in the texts."""
    fitted: dict[int, Review] = {}
    used: set[str] = {PAIR_KEY} | {key for key in reviews if structural(key)}
    if PAIR_KEY in reviews:
        fitted[PAIR] = reviews[PAIR_KEY]
    for k, pair in enumerate(comparison.figures):
        review = reviews.get(figure_key(comparison, pair))
        if review is not None:
            fitted[k] = review
            used.add(review.key)
    stale = [r for key, r in reviews.items() if key not in used]
    if not stale:
        return fitted, stale
    sides = {_side(comparison.a, p.a) for p in comparison.figures} | {
        _side(comparison.b, p.b) for p in comparison.figures
    }
    by_hand: set[str] = set()
    for key in reviews:
        if key.startswith(FIGURES_PREFIX):
            found = _FIGURE_SIDES.fullmatch(key[len(FIGURES_PREFIX) :])
            if found is not None:
                by_hand.update(found.groups())
    return fitted, [r for r in stale if not _set_aside(r.key, sides, by_hand)]


def reviewed(
    comparison: Comparison, reviews: dict[str, Review]
) -> tuple[Comparison, tuple[dict[int, Review], list[Review]]]:
    """The comparison as the reader corrected it (`restructure`), and the
    decisions fitted to its figures with every outdated one (`apply`)."""
    corrected, outdated = restructure(comparison, reviews)
    fitted, stale = apply(corrected, reviews)
    return corrected, (fitted, outdated + stale)


def _set_aside(key: str, sides: set[str], by_hand: set[str]) -> bool:
    """Whether a flag's figures are both still there and one of them is in a
    pair the reader made or took apart."""
    found = _FIGURE_SIDES.fullmatch(key)
    if found is None or not {found.group(1), found.group(2)} <= sides:
        return False
    return bool(by_hand & {found.group(1), found.group(2)})


_FIGURE_SIDES = re.compile(
    r"(-|.*@[0-9a-f]{12}(?:#\d+)?:\d+)\|(-|.*@[0-9a-f]{12}(?:#\d+)?:\d+)", re.DOTALL
)


def swapped_key(key: str) -> str:
    """The key of the same decision with the reports' places swapped (B, A):
    a pair compared the other way round finds its review."""
    if key == PAIR_KEY:
        return key
    for prefix in (FIGURES_PREFIX, PARAGRAPHS_PREFIX, ROW_PREFIX):
        if key.startswith(prefix):
            return prefix + swapped_key(key[len(prefix) :])
    sides = _FIGURE_SIDES.fullmatch(key)
    if sides is not None:
        return f"{sides.group(2)}|{sides.group(1)}"
    left, bar, right = key.partition("|")  # paragraph digests: no bar inside
    return f"{right}|{left}" if bar else key


def structural(key: str) -> bool:
    """Whether the key holds a change of the comparison's structure or a row note."""
    return key.startswith((FIGURES_PREFIX, PARAGRAPHS_PREFIX, ROW_PREFIX))


# --- figures and paragraphs paired or linked by hand ---------------------------


def hand_pair_key(comparison: Comparison, a: Figure | None, b: Figure | None) -> str:
    """The key of a decision to pair (or unpair) figure `a` of A and `b` of B."""
    return FIGURES_PREFIX + f"{_side(comparison.a, a)}|{_side(comparison.b, b)}"


def _digest(report: Report, index: int) -> str:
    return _digests(report)[index]


_DIGESTS: OrderedDict[int, tuple[Report, tuple[str, ...]]] = OrderedDict()
_DIGESTS_LOCK = threading.Lock()


def _digests(report: Report) -> tuple[str, ...]:
    """Each paragraph's identity: a digest of its text, and for the second and
    later paragraphs of the same text in a report, which one it is ("…#1").
    Kept for the last few reports (a comparison asks once per figure)."""
    with _DIGESTS_LOCK:
        kept = _DIGESTS.get(id(report))
        if kept is not None and kept[0] is report:
            return kept[1]
    seen: dict[str, int] = {}
    out = []
    for p in report.paragraphs:
        digest = hashlib.sha1(p.text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
        repeat = seen.get(digest, 0)
        seen[digest] = repeat + 1
        out.append(f"{digest}#{repeat}" if repeat else digest)
    digests = tuple(out)
    with _DIGESTS_LOCK:
        _DIGESTS[id(report)] = (report, digests)
        while len(_DIGESTS) > 8:
            _DIGESTS.popitem(last=False)
    return digests


def _paragraphs(comparison: Comparison, a: tuple[int, ...], b: tuple[int, ...]) -> str:
    return (
        ",".join(_digest(comparison.a, i) for i in a)
        + "|"
        + ",".join(_digest(comparison.b, j) for j in b)
    )


def link_key(comparison: Comparison, a: tuple[int, ...], b: tuple[int, ...]) -> str:
    """The key of a decision to link (or unlink) paragraphs `a` of A with `b` of B."""
    return PARAGRAPHS_PREFIX + _paragraphs(comparison, a, b)


def row_key(comparison: Comparison, group: AlignedGroup) -> str:
    """The key of a note on one row of the aligned view."""
    return ROW_PREFIX + _paragraphs(comparison, group.a, group.b)


def paragraphs_label(a: tuple[int, ...], b: tuple[int, ...]) -> str:
    """ "A¶2, A¶3 / B¶5": how the paragraphs read in the view (people count from 1)."""
    left = ", ".join(f"A¶{i + 1}" for i in a) or "—"
    right = ", ".join(f"B¶{j + 1}" for j in b) or "—"
    return f"{left} / {right}"


def restructure(
    comparison: Comparison, reviews: dict[str, Review]
) -> tuple[Comparison, list[Review]]:
    """The comparison as the reader corrected it: rows linked or unlinked and
    figures paired or unpaired by hand, row notes attached; and the decisions
    of that kind that no longer fit the reports (outdated)."""
    outdated: list[Review] = []
    groups = list(comparison.alignment)
    changed = False
    a_index = _by_digest(comparison.a)
    b_index = _by_digest(comparison.b)
    for key, review in reviews.items():
        if not key.startswith(PARAGRAPHS_PREFIX):
            continue
        sides = _read_paragraphs(key[len(PARAGRAPHS_PREFIX) :], a_index, b_index)
        if sides is None:
            outdated.append(review)
            continue
        change = _link if review.decision == "linked" else _unlink
        groups = change(groups, *sides)
        changed = True
    if changed:
        from reportdiff.engine.align import reading_order
        from reportdiff.engine.worddiff import diff_groups

        fresh = [g for g in groups if g.by_hand or not (g.a_runs or g.b_runs)]
        diffed = diff_groups(comparison.a, comparison.b, tuple(fresh))
        runs = dict(zip(map(id, fresh), diffed, strict=True))
        groups = list(reading_order([runs.get(id(g), g) for g in groups]))
    notes = {k[len(ROW_PREFIX) :]: r for k, r in reviews.items() if k.startswith(ROW_PREFIX)}
    if notes:
        noted = []
        for g in groups:
            note = notes.pop(_paragraphs(comparison, g.a, g.b), None)
            noted.append(dataclasses.replace(g, note=note.note) if note else g)
        groups = noted
        outdated += notes.values()
    figures, lost = _repair(comparison, reviews)
    outdated += lost
    return (
        dataclasses.replace(comparison, alignment=tuple(groups), figures=figures),
        outdated,
    )


def _by_digest(report: Report) -> dict[str, int]:
    return {_digest(report, p.index): p.index for p in report.paragraphs}


def _read_paragraphs(
    text: str, a_index: dict[str, int], b_index: dict[str, int]
) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    left, _, right = text.partition("|")
    try:
        a = tuple(a_index[d] for d in left.split(",") if d)
        b = tuple(b_index[d] for d in right.split(",") if d)
    except KeyError:
        return None  # a paragraph's text changed: the decision is outdated
    return (a, b) if a or b else None


def _link(groups: list[AlignedGroup], a: tuple[int, ...], b: tuple[int, ...]) -> list[AlignedGroup]:
    """`a` and `b` become one row; the rows they leave keep their other paragraphs."""
    out = _without(groups, set(a), set(b))
    out.append(AlignedGroup(a=tuple(sorted(a)), b=tuple(sorted(b)), score=1.0, by_hand=True))
    return out


def _unlink(
    groups: list[AlignedGroup], a: tuple[int, ...], b: tuple[int, ...]
) -> list[AlignedGroup]:
    """No paragraph of `a` shares a row with one of `b`: each is left alone."""
    touched = [g for g in groups if set(g.a) & set(a) and set(g.b) & set(b)]
    if not touched:
        return groups
    out = _without(groups, set(a), set(b))
    out += [AlignedGroup(a=(i,), b=(), score=0.0) for i in a]
    out += [AlignedGroup(a=(), b=(j,), score=0.0) for j in b]
    return out


def _without(groups: list[AlignedGroup], a: set[int], b: set[int]) -> list[AlignedGroup]:
    """The rows with paragraphs `a` and `b` taken out; a row left one-sided
    falls apart into its paragraphs, each alone."""
    out: list[AlignedGroup] = []
    for g in groups:
        if not (a & set(g.a) or b & set(g.b)):
            out.append(g)
            continue
        keep_a = tuple(i for i in g.a if i not in a)
        keep_b = tuple(j for j in g.b if j not in b)
        if keep_a and keep_b:
            out.append(AlignedGroup(a=keep_a, b=keep_b, score=g.score, by_hand=g.by_hand))
        else:
            out += [AlignedGroup(a=(i,), b=(), score=0.0) for i in keep_a]
            out += [AlignedGroup(a=(), b=(j,), score=0.0) for j in keep_b]
    return out


def _repair(
    comparison: Comparison, reviews: dict[str, Review]
) -> tuple[tuple[FigurePair, ...], list[Review]]:
    """The figure pairs with the reader's pairings and unpairings applied."""
    pairs = list(comparison.figures)
    outdated: list[Review] = []
    for key, review in reviews.items():
        if not key.startswith(FIGURES_PREFIX):
            continue
        sides = key[len(FIGURES_PREFIX) :]
        if review.decision == "unpaired":
            at = next((k for k, p in enumerate(pairs) if figure_key(comparison, p) == sides), None)
            if at is None:
                outdated.append(review)
                continue
            pair = pairs.pop(at)
            assert pair.a is not None
            assert pair.b is not None
            pairs += [  # by_hand: the reader took them apart
                FigurePair(status="only_a", what=pair.what, a=pair.a, b=None, by_hand=True),
                FigurePair(status="only_b", what=pair.what, a=None, b=pair.b, by_hand=True),
            ]
            continue
        left, _, right = sides.partition("|")
        fa = _find(comparison.a, pairs, left, "a")
        fb = _find(comparison.b, pairs, right, "b")
        if fa is None or fb is None:
            outdated.append(review)
            continue
        what = next(p.what for p in pairs if p.a is fa or p.b is fb)
        pairs = _release(pairs, fa, fb)
        pairs.append(_judge_by_hand(fa, fb, what))
    if len(pairs) == len(comparison.figures) and all(
        x is y for x, y in zip(pairs, comparison.figures, strict=True)
    ):
        return comparison.figures, outdated
    from reportdiff.engine.figures.pair import order_pairs

    return order_pairs(pairs), outdated


def _find(report: Report, pairs: list[FigurePair], side: str, which: str) -> Figure | None:
    for pair in pairs:
        figure = pair.a if which == "a" else pair.b
        if figure is not None and _side(report, figure) == side:
            return figure
    return None


def _release(pairs: list[FigurePair], fa: Figure, fb: Figure) -> list[FigurePair]:
    """The pairs with `fa` and `fb` taken out; a partner left alone is one-sided."""
    out: list[FigurePair] = []
    for pair in pairs:
        if pair.a is not fa and pair.b is not fb:
            out.append(pair)
            continue
        if pair.a is not None and pair.a is not fa:
            out.append(FigurePair(status="only_a", what=pair.what, a=pair.a, b=None))
        if pair.b is not None and pair.b is not fb:
            out.append(FigurePair(status="only_b", what=pair.what, a=None, b=pair.b))
    return out


def _judge_by_hand(a: Figure, b: Figure, what: str) -> FigurePair:
    """Two figures the reader says tell one fact: the same value agrees, any
    other differs; the wordings contradict when the ranges they allow do not meet."""
    same = a.value is not None and a.value == b.value and a.dimension == b.dimension
    if a.value is None or b.value is None:
        same = a.text.casefold() == b.text.casefold()
    meet = a.dimension == b.dimension and _meet(a, b)
    return FigurePair(
        status="same" if same else "differs",
        what=what,
        a=a,
        b=b,
        contradiction=not same and not meet,
        by_hand=True,
    )


def _meet(a: Figure, b: Figure) -> bool:
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return False
    return max(a.low, b.low) <= min(a.high, b.high)
