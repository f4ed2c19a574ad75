"""Comparison → plain text for a person in a terminal (`--format text`).

Reading order, top to bottom: both headlines with their details, the summary
line, the figures that differ (then the ones both give alike), how to read
the marks, then the paragraphs in A's order — each linked pair as A above B,
a paragraph only B has right after its neighbour in B — and last the
boilerplate in one line per report.

Paragraphs are numbered from 1 as a person counts, "A¶3" being the third
paragraph of report A (the JSON keeps the contract's 0-based indices). Words
only one side has are marked `[-like this-]` (A) and `{+like this+}` (B), or
coloured orange and blue when `color=True` (a terminal without NO_COLOR).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reportdiff.engine.model import AlignedGroup, Comparison, Figure, FigurePair, Report, TextRun
from reportdiff.export.html import _moved, figure_order
from reportdiff.export.values import display_value, plural
from reportdiff.review import PAIR, Review

WIDTH = 100
_LABEL = 7  # "A¶12   ": the column where paragraph text starts
_PREVIEW = 60

# ANSI styles: orange and blue are the colour-blind-safe pair of the HTML view.
_STYLES = {
    "a": "\x1b[38;5;208m",
    "b": "\x1b[38;5;33m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "warn": "\x1b[1;38;5;160m",
}
_RESET = "\x1b[0m"
_MARKS = {"a": ("[-", "-]"), "b": ("{+", "+}")}
_SPACE = re.compile(r"\s+")

# A piece of text and its style (None: plain).
Piece = tuple[str, "str | None"]


@dataclass(frozen=True, slots=True)
class _Out:
    """How to write: the line width, and colours or bracket marks."""

    width: int
    color: bool

    def style(self, text: str, style: str | None) -> str:
        if not (self.color and style and text):
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def render_text(
    comparison: Comparison,
    *,
    width: int = WIDTH,
    color: bool = False,
    review: tuple[Mapping[int, Review], Sequence[Review]] | None = None,
) -> str:
    """The whole comparison as readable text, lines at most `width` characters wide.

    `color=True` marks words only one side has with ANSI colours instead of
    brackets; leave it off for files, pipes and the clipboard. `review`
    (review.apply) adds the reader's decisions under the differing figures.
    """
    out = _Out(max(width, 40), color)
    lines = [*_header(comparison, out), ""]
    if review and PAIR in review[0]:
        note = f"Note on this pair: “{review[0][PAIR].note or ''}”"
        lines += [*_wrap([(note, None)], "", out, indent=2), ""]
    lines += _figures(comparison.figures, out, review[0] if review else {})
    if review and review[1]:
        lines.append(out.style(f"Outdated reviews ({len(review[1])}): the text changed", "bold"))
        for r in review[1]:
            note = f" — “{r.note}”" if r.note else ""
            lines += _wrap(
                [(f"{r.label}: {r.decision or 'note'}{note}", None)], "  ", out, indent=4
            )
        lines.append("")
    lines += _legend(out)
    lines += _paragraphs(comparison, out)
    lines += _boilerplate(comparison, out)
    return "\n".join(lines).rstrip() + "\n"


# --- top: headlines, details, summary ---------------------------------------


def _header(c: Comparison, out: _Out) -> list[str]:
    lines = []
    for name, report in (("A", c.a), ("B", c.b)):
        title = report.title or "(untitled)"
        lines += _wrap([(title, "bold")], f"{name}: ", out, indent=3)
        details = " · ".join(x for x in (report.outlet, report.published) if x)
        if details:
            lines += _wrap([(details, "dim")], "   ", out, indent=3)
        if report.url:  # a line of its own: an address is not wrapped after a "·"
            lines += _wrap([(report.url, "dim")], "   ", out, indent=3)
    warnings = [line for w in c.warnings for line in _wrap([(w, "bold")], "!  ", out, indent=3)]
    return [*lines, "", out.style(c.summary(), "bold"), *warnings]


# --- figures ------------------------------------------------------------------


def _figures(
    pairs: Sequence[FigurePair], out: _Out, reviews: Mapping[int, Review] | None = None
) -> list[str]:
    if not pairs:
        return []
    order = figure_order(pairs)
    ordered = [pairs[k] for k in order]
    reviewed = {id(pairs[k]): r for k, r in (reviews or {}).items() if 0 <= k < len(pairs)}
    differ = [p for p in ordered if p.status == "differs"]
    same = [p for p in ordered if p.status == "same"]
    lines: list[str] = []
    if differ:
        lines.append(out.style(f"Figures that differ ({len(differ)})", "bold"))
        for pair in differ:
            by_hand = " (paired by hand)" if pair.by_hand else ""
            lines.append("  " + out.style(f"! {pair.what}{by_hand}", "warn"))
            lines += _figure_line("A", pair.a, out) + _figure_line("B", pair.b, out)
            if pair.note:
                lines += _wrap([(pair.note, None)], "      note ", out, indent=11)
            review = reviewed.get(id(pair))
            if review is not None:
                said = {"confirmed": "✓ confirmed", "dismissed": "✗ dismissed"}
                note = f" — “{review.note}”" if review.note else ""
                text = f"{said.get(review.decision or '', 'reviewed')}{note}"
                lines += _wrap([(text, None)], "      review ", out, indent=13)
    if same:
        lines.append(out.style(f"Figures both reports give alike ({len(same)})", "bold"))
        lines += [_same_line(pair) for pair in same]
    only_a = sum(p.status == "only_a" for p in pairs)
    only_b = sum(p.status == "only_b" for p in pairs)
    if only_a or only_b:
        text = (
            f"Figures only one report gives: {only_a} in A, {only_b} in B "
            "(all figures are in the CSV export)"
        )
        lines += _wrap([(text, None)], "", out, indent=2)
    return [*lines, ""]


def _figure_line(side: str, figure: Figure | None, out: _Out) -> list[str]:
    if figure is None:
        return [f"      {side}      not stated"]
    label = f"{side}¶{figure.paragraph + 1}"
    value = display_value(figure)
    extra = f" = {value}" if value and not _same_words(value, figure.text) else ""
    pieces: list[Piece] = [(f"“{figure.text}”", side.lower()), (extra, None)]
    return _wrap(pieces, f"      {label:<7}", out, indent=13)


def _same_line(pair: FigurePair) -> str:
    sides = [f"{s}¶{f.paragraph + 1} “{f.text}”" for s, f in (("A", pair.a), ("B", pair.b)) if f]
    value = display_value(pair.a) if pair.a else ""
    tail = (
        f" ({value})" if value and not any(_same_words(value, f.text) for f in _both(pair)) else ""
    )
    return f"  = {pair.what}: {' · '.join(sides)}{tail}"


def _both(pair: FigurePair) -> list[Figure]:
    return [f for f in (pair.a, pair.b) if f is not None]


def _same_words(value: str, text: str) -> bool:
    def squash(s: str) -> str:
        return "".join(s.casefold().replace("percent", "%").split())

    return squash(value) == squash(text)


# --- legend -------------------------------------------------------------------


def _legend(out: _Out) -> list[str]:
    if out.color:
        marks: list[Piece] = [
            ("Orange words", "a"),
            (" are only in A, ", None),
            ("blue words", "b"),
            (" only in B.", None),
        ]
    else:
        marks = [("[-Words like these-] are only in A, {+words like these+} only in B.", None)]
    text: list[Piece] = [
        ("How to read: A¶3 is the third paragraph of report A. In linked paragraphs, ", None),
        *marks,
        (
            " ↕ marks a paragraph that sits elsewhere in its report. A loose match"
            " rests on a few shared words: check it. "
            "Paragraphs follow A's order; one that only B has follows its neighbour in B.",
            None,
        ),
    ]
    return [*_wrap(text, "", out, indent=0), ""]


# --- the paragraphs -----------------------------------------------------------


def reading_order(comparison: Comparison) -> list[int]:
    """Indices into `comparison.alignment` in the order a person reads them.

    Groups with A paragraphs in A's order; a group only B has right after the
    group holding its nearest earlier B paragraph (at the top if none).
    """
    groups = comparison.alignment
    anchor_of_b: dict[int, int] = {}  # B paragraph → min A index of its group
    for g in groups:
        for j in g.b:
            if g.a:
                anchor_of_b[j] = min(g.a)

    def key(k: int) -> tuple[int, int, int]:
        g = groups[k]
        if g.a:
            return (min(g.a), 0, k)
        first = min(g.b) if g.b else 0
        anchor = next((anchor_of_b[j] for j in range(first - 1, -1, -1) if j in anchor_of_b), -1)
        return (anchor, 1, first)

    return sorted(range(len(groups)), key=key)


def _paragraphs(c: Comparison, out: _Out) -> list[str]:
    order = [k for k in reading_order(c) if not _headlines_only(c, c.alignment[k])]
    groups = [c.alignment[k] for k in order]
    moved = {"A": _moved(g.a for g in groups), "B": _moved(g.b for g in groups)}
    lines: list[str] = []
    previous: AlignedGroup | None = None
    for group in groups:
        continuing = previous is not None and _one_sided(previous) == _one_sided(group) != ""
        if not continuing or group.note:
            lines += [*([""] if lines else []), _group_head(group, groups, moved, out)]
        if group.note:  # the reader's note on the row (review.py)
            lines += _wrap([(f"✎ “{group.note}”", None)], "   ", out, indent=5)
        lines += _group_body(group, c, moved, out)
        previous = group
    return [*lines, ""]


def _headlines_only(c: Comparison, group: AlignedGroup) -> bool:
    """A group of headlines alone: the headlines already stand at the top."""
    paragraphs = [c.a.paragraphs[i] for i in group.a] + [c.b.paragraphs[j] for j in group.b]
    return bool(paragraphs) and all(p.kind == "headline" for p in paragraphs)


def _one_sided(group: AlignedGroup) -> str:
    return "" if group.linked else ("A" if group.a else "B")


def _group_head(
    group: AlignedGroup,
    groups: Sequence[AlignedGroup],
    moved: dict[str, frozenset[int]],
    out: _Out,
) -> str:
    if group.linked:
        a, b = _labels("A", group.a, moved), _labels("B", group.b, moved)
        head = f"── {a} ↔ {b} · similarity {group.score:.2f} "
        if group.by_hand:
            head = f"── {a} ↔ {b} · linked by hand "
        elif group.loose:
            head += "· loose match: check it "
    else:
        side = _one_sided(group)
        run = _run_of(group, groups)
        count = sum(len(g.a) + len(g.b) for g in run)
        head = f"── only in {side} ({plural(count, 'paragraph')}) "
    return out.style(head.ljust(min(out.width, 60), "─"), "bold")


def _run_of(group: AlignedGroup, groups: Sequence[AlignedGroup]) -> list[AlignedGroup]:
    """`group` and the one-sided groups of the same side right after it."""
    start = groups.index(group)
    run = [group]
    for g in groups[start + 1 :]:
        if _one_sided(g) != _one_sided(group):
            break
        run.append(g)
    return run


def _labels(side: str, indices: Iterable[int], moved: dict[str, frozenset[int]]) -> str:
    return ",".join(f"{side}¶{i + 1}" + ("↕" if i in moved[side] else "") for i in indices)


def _group_body(
    group: AlignedGroup, c: Comparison, moved: dict[str, frozenset[int]], out: _Out
) -> list[str]:
    lines = []
    for side, indices, runs, report in (
        ("A", group.a, group.a_runs, c.a),
        ("B", group.b, group.b_runs, c.b),
    ):
        for k, index in enumerate(indices):
            pieces = _marked(report, index, runs[k] if k < len(runs) else (), side, group, out)
            label = _labels(side, (index,), moved).ljust(_LABEL)
            lines += _wrap(pieces, label, out, indent=_LABEL)
    return lines


def _marked(
    report: Report,
    index: int,
    runs: Sequence[TextRun],
    side: str,
    group: AlignedGroup,
    out: _Out,
) -> list[Piece]:
    """The paragraph as pieces, words only this side has marked (linked groups only)."""
    text = report.paragraphs[index].text
    if not group.linked or "".join(r.text for r in runs) != text:
        return [(text, None)]
    style = side.lower()
    pieces: list[Piece] = []
    for run in runs:
        if not run.unique or not run.text.strip():
            pieces.append((run.text, None))
            continue
        # Spaces at a run's edges stay outside the marks: "[-word-] next".
        core = run.text.strip()
        lead, trail = run.text[: run.text.index(core)], run.text[run.text.index(core) + len(core) :]
        if not out.color:
            opening, closing = _MARKS[style]
            core = f"{opening}{core}{closing}"
        pieces += [(lead, None), (core, style), (trail, None)]
    return pieces


# --- boilerplate --------------------------------------------------------------


def _boilerplate(c: Comparison, out: _Out) -> list[str]:
    lines = []
    for side, report in (("A", c.a), ("B", c.b)):
        items = [p for p in report.paragraphs if p.boilerplate]
        if not items:
            continue
        preview = _preview(items[0].text)
        where = _ranges(side, [p.index for p in items])
        text = f"{plural(len(items), 'paragraph')} ({where}), first: “{preview}”"
        lines += _wrap([(text, "dim")], f"  {side}: ", out, indent=5)
    if not lines:
        return []
    return [out.style("Left out as boilerplate (not compared)", "bold"), *lines]


def _preview(text: str) -> str:
    """The start of `text`, cut at a word boundary."""
    if len(text) <= _PREVIEW:
        return text
    cut = text[: _PREVIEW - 1].rsplit(" ", 1)[0] if " " in text[:_PREVIEW] else text[:_PREVIEW]
    return cut.rstrip(" ,;:") + "…"


def _ranges(side: str, indices: Sequence[int]) -> str:
    """[21, 22, 23, 30] → "A¶22–24, A¶31": numbered from 1, runs shortened."""
    spans: list[list[int]] = []
    for i in sorted(indices):
        if spans and i == spans[-1][1] + 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    return ", ".join(f"{side}¶{lo + 1}" + (f"–{hi + 1}" if hi > lo else "") for lo, hi in spans)


# --- wrapping pieces of styled text -----------------------------------------


def _wrap(pieces: Sequence[Piece], label: str, out: _Out, *, indent: int) -> list[str]:
    """Fill `pieces` into lines of `out.width`, the first starting with `label`.

    Like textwrap.fill, but a word keeps its style across the line break and
    the width counts only what is visible (colour codes take no room).
    """
    lines: list[list[Piece]] = []
    current: list[Piece] = [(label, None)]
    used, fresh = len(label), True  # fresh: nothing on the line yet but its label
    for word in _words(pieces):
        size = sum(len(t) for t, _ in word)
        for chunk, chunk_size in _split_long(word, size, out.width - indent):
            if not fresh and used + 1 + chunk_size > out.width:
                lines.append(current)
                current, used, fresh = [(" " * indent, None)], indent, True
            if not fresh:
                # The space between two marked words is marked too: one run, one colour.
                current.append((" ", chunk[0][1] if chunk[0][1] == current[-1][1] else None))
            current += chunk
            used += chunk_size + (0 if fresh else 1)
            fresh = False
    lines.append(current)
    return [_render(line, out).rstrip() for line in lines]


def _render(line: list[Piece], out: _Out) -> str:
    """A line's pieces, neighbours of one style joined under one colour code."""
    merged: list[Piece] = []
    for text, style in line:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return "".join(out.style(text, style) for text, style in merged)


def _words(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Whitespace-separated words, each a list of styled pieces (a word may mix styles)."""
    words: list[list[Piece]] = []
    current: list[Piece] = []
    for text, style in pieces:
        parts = _SPACE.split(text)
        for n, part in enumerate(parts):
            if n > 0 and current:  # whitespace came before this part
                words.append(current)
                current = []
            if part:
                current.append((part, style))
    if current:
        words.append(current)
    return words


def _split_long(word: list[Piece], size: int, room: int) -> list[tuple[list[Piece], int]]:
    """A word longer than a line, cut into line-sized chunks; others unchanged."""
    if size <= room or room < 1:
        return [(word, size)]
    flat = [(ch, style) for text, style in word for ch in text]
    return [
        ([(ch, style) for ch, style in flat[i : i + room]], len(flat[i : i + room]))
        for i in range(0, len(flat), room)
    ]
