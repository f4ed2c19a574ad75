"""Comparison → HTML: the one renderer behind the window's view and every export.

The same markup is read by browsers (HTML export), by Qt's rich-text engine
(the window's QTextBrowser and the PDF made from a QTextDocument), so it keeps
to what Qt understands: tables, class selectors in one <style> block,
background/colour/weight/border, and `<a name>` anchors. No scripts, no remote
resources; every piece of article text goes through `html.escape`.

Anchors the window relies on: `row-N` (N = index in `comparison.alignment`),
`figure-K` (K = index in `comparison.figures`) on the figures table, and
`fig-K-a` / `fig-K-b` on the figure marks in the aligned text.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from reportdiff.engine.model import (
    AlignedGroup,
    Comparison,
    Figure,
    FigurePair,
    Paragraph,
    Report,
    TextRun,
)
from reportdiff.export.values import display_value
from reportdiff.review import PAIR, Review, hand_words

THEMES = ("light", "dark")

# Colour-blind-safe pair: orange for A, blue for B (Okabe–Ito hues), each as a
# pale tint in light mode and a deep one in dark mode so text stays readable.
_PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#ffffff",
        "fg": "#1a1a1a",
        "muted": "#666666",
        "rule": "#c8c8c8",
        "head_bg": "#f2f2f2",
        "uniq_a": "#ffd8a8",
        "uniq_b": "#c6e0ff",
        "only_a": "#fff4e6",
        "only_b": "#eef5ff",
        "differs_bg": "#ffc2c2",
        "differs_fg": "#8b0000",
        "same_line": "#2e7d32",
        "boiler": "#8a8a8a",
        "mark_a": "#b35900",
        "mark_b": "#0b5cad",
    },
    "dark": {
        "bg": "#1e1f22",
        "fg": "#e8e8e8",
        "muted": "#a8a8a8",
        "rule": "#4a4c50",
        "head_bg": "#2b2d31",
        "uniq_a": "#7a4700",
        "uniq_b": "#17477a",
        "only_a": "#33291d",
        "only_b": "#1d2733",
        "differs_bg": "#7d1f1f",
        "differs_fg": "#ffd6d6",
        "same_line": "#81c784",
        "boiler": "#8c8c8c",
        "mark_a": "#ffb86b",
        "mark_b": "#8cc4ff",
    },
}

_CSS = """
body {{ background-color: {bg}; color: {fg}; font-family: "DejaVu Sans", "Segoe UI", Arial,
  sans-serif; font-size: 10pt; margin: 12px; }}
h1 {{ font-size: 15pt; margin: 0 0 6px 0; }}
h2 {{ font-size: 12pt; margin: 14px 0 4px 0; }}
table {{ border-collapse: collapse; }}
td, th {{ vertical-align: top; text-align: left; padding: 4px 6px;
  border: 1px solid {rule}; }}
th {{ background-color: {head_bg}; font-weight: bold; }}
p {{ margin: 0 0 6px 0; }}
p.headline {{ font-weight: bold; }}
a {{ color: {fg}; text-decoration: none; }}
.heads td {{ width: 50%; }}
.side {{ font-weight: bold; font-size: 9pt; }}
.side-a {{ color: {mark_a}; }}
.side-b {{ color: {mark_b}; }}
.title {{ font-size: 12pt; font-weight: bold; }}
.meta {{ color: {muted}; font-size: 9pt; }}
a.source {{ color: {muted}; text-decoration: underline; }}
.summary {{ font-weight: bold; margin: 8px 0; }}
.warning {{ color: {differs_fg}; font-weight: bold; margin: 4px 0 8px 0; }}
.legend {{ color: {muted}; font-size: 9pt; }}
.uniq-a {{ background-color: {uniq_a}; }}
.uniq-b {{ background-color: {uniq_b}; }}
.uniq-a-fig, .uniq-b-fig {{ background-color: {differs_bg}; }}
td.only-a {{ background-color: {only_a}; }}
td.only-b {{ background-color: {only_b}; }}
td.empty {{ color: {muted}; }}
a.fig {{ color: {fg}; text-decoration: none; }}
a.fig-differs {{ background-color: {differs_bg}; color: {differs_fg}; font-weight: bold;
  text-decoration: underline; }}
a.fig-same {{ text-decoration: underline; }}
a.fig-only {{ text-decoration: none; }}
a.fig-dismissed {{ color: {muted}; text-decoration: line-through; }}
.reviewed {{ color: {same_line}; font-weight: bold; }}
.note {{ color: {muted}; font-size: 8pt; }}
p.note-line {{ margin: 0 0 2px 0; }}
.warn {{ color: {differs_fg}; font-weight: bold; }}
.moved {{ color: {muted}; font-size: 8pt; font-weight: bold; }}
.loose {{ color: {muted}; font-size: 8pt; font-style: italic; }}
p.loose-line {{ margin: 0; }}
.pos {{ color: {muted}; font-size: 8pt; }}
.status-differs {{ color: {differs_fg}; font-weight: bold; }}
.status-same {{ color: {same_line}; }}
.status-only {{ color: {muted}; }}
.value {{ color: {muted}; font-size: 8pt; }}
.boiler {{ color: {boiler}; }}
.foot {{ color: {muted}; font-size: 8pt; margin-top: 10px; }}
"""

# Browsers only: Qt ignores @media print and does its own pagination (pdf.py).
_PRINT_CSS = """
@media print {
  body { margin: 0; font-size: 9pt; }
  tr, td, th { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  .uniq-a, .uniq-b, td.only-a, td.only-b, a.fig-differs, th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# Differing pairs first, then the pairs both reports state, then one-sided ones.
_STATUS_ORDER = {"differs": 0, "same": 1, "only_a": 2, "only_b": 3}
_STATUS_WORDS = {
    "differs": "⚠ differs",
    "same": "same",
    "only_a": "only in A",
    "only_b": "only in B",
}


@functools.cache
def stylesheet(theme: str = "light", for_screen: bool = False) -> str:
    """The CSS of one theme (built once per theme and cached)."""
    if theme not in _PALETTES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    css = _CSS.format(**_PALETTES[theme])
    return css + _SCREEN_CSS if for_screen else css + _PRINT_CSS


# The window: the same marks, a little less room for the frame around the text.
_SCREEN_CSS = """
.title { font-size: 11pt; }
.legend { font-size: 8pt; }
"""


def render_html(
    comparison: Comparison,
    *,
    boilerplate: bool = False,
    theme: str = "light",
    for_screen: bool = False,
    review: tuple[Mapping[int, Review], Sequence[Review]] | None = None,
) -> str:
    """The comparison as one self-contained HTML document.

    `boilerplate=True` adds the boilerplate paragraphs, dimmed, in their own
    section; `theme` is "light" or "dark"; `for_screen` is the window's view:
    no print rules, one table per aligned row (see `_aligned_table`), and no
    figures table, which the window shows as a panel of its own beside the text.
    `review` (review.apply) adds the reader's decisions and notes to the figures
    table, and the outdated ones after it.
    """
    stylesheet(theme, for_screen)  # refuses an unknown theme before any work
    reviews = review[0] if review is not None else {}
    marks = _figure_marks(comparison.figures, reviews)
    aligned = _aligned_table(comparison, marks, split=for_screen)
    # On paper the figures come first; on screen their panel stands beside the text.
    body = [aligned] if for_screen else [_figures_table(comparison.figures, reviews), aligned]
    parts = [
        _document_head(comparison, theme, for_screen),
        _headlines(comparison),
        f'<p class="summary">{escape(comparison.summary())}</p>',
        *(
            [f'<p class="legend">Note on this pair: “{escape(review[0][PAIR].note or "")}”</p>']
            if review is not None and PAIR in review[0]
            else []
        ),
        *(f'<p class="warning">⚠ {escape(w)}</p>' for w in comparison.warnings),
        _legend(),
        *(
            [
                '<p class="legend">Review: <span class="reviewed">✓</span> a flag confirmed · '
                '<a class="fig fig-dismissed">dismissed</a><span class="note">✗</span> not the '
                'same fact · <span class="note">✎</span> a note · "paired by hand", "linked '
                'by hand": figures and rows the reader put together ("unpaired": took apart).</p>'
            ]
            if reviews
            or any(g.by_hand or g.note for g in comparison.alignment)
            or any(p.by_hand for p in comparison.figures)
            else []
        ),
        *body,
    ]
    if review is not None and review[1] and not for_screen:
        parts.append(_outdated_section(review[1]))
    if boilerplate:
        parts.append(_boilerplate_section(comparison))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


# --- document frame ---------------------------------------------------------


def _document_head(comparison: Comparison, theme: str, for_screen: bool) -> str:
    title = f"ReportDiff: {_short_name(comparison.a)} vs {_short_name(comparison.b)}"
    bg, fg = _PALETTES[theme]["bg"], _PALETTES[theme]["fg"]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{stylesheet(theme, for_screen)}</style>\n</head>\n"
        # bgcolor/text too: Qt honours them where it ignores body CSS colours.
        f'<body bgcolor="{bg}" text="{fg}">\n'
        # The window's title names the comparison; a page needs a heading.
        + ("" if for_screen else "<h1>Comparison of two reports</h1>")
    )


def _short_name(report: Report, limit: int = 60) -> str:
    """The outlet, else the title cut at a word boundary."""
    name = report.outlet or report.title or "untitled report"
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _headlines(comparison: Comparison) -> str:
    cells = "".join(
        _headline_cell(report, side) for report, side in ((comparison.a, "a"), (comparison.b, "b"))
    )
    return (
        '<table class="heads" width="100%" cellspacing="0" cellpadding="6">'
        f"<tr>{cells}</tr></table>"
    )


def source_link(url: str) -> str:
    """A report's address as a link the reader can follow, when it is a web
    address (http or https); any other scheme is shown as text. A link loads
    nothing by itself: the page still fetches nothing remote."""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a class="source" href="{escape(url, quote=True)}">{escape(url)}</a>'
    return escape(url)


def _headline_cell(report: Report, side: str) -> str:
    details = [d for d in (report.outlet, report.published) if d]
    meta = " · ".join(escape(d) for d in details) or "outlet and date not given"
    url = f'<br><span class="meta">{source_link(report.url)}</span>' if report.url else ""
    return (
        f'<td width="50%"><span class="side side-{side}">REPORT {side.upper()}</span><br>'
        f'<span class="title">{escape(report.title or "(no title)")}</span><br>'
        f'<span class="meta">{meta}</span>{url}</td>'
    )


def _legend() -> str:
    return (
        '<p class="legend">Marks: <span class="uniq-a">words only in A</span> · '
        '<span class="uniq-b">words only in B</span> · '
        '<a class="fig fig-differs">figure that differs</a><span class="warn">⚠</span> · '
        '<a class="fig fig-same">figure both agree on</a> · '
        '<span class="pos">A¶3</span> the 3rd paragraph of report A (paragraphs count '
        'from 1) · <span class="moved">B¶7</span> in bold: a paragraph shown out of its '
        "report's order · a paragraph against "
        "an empty cell has no counterpart · "
        '<span class="loose">loose match</span> the two sides share only a few words: '
        "check that they tell the same thing.</p>"
    )


def paragraph_label(side: str, index: int) -> str:
    """ "A¶3" for the paragraph at 0-based `index` of report A: people count from 1."""
    return f"{side.upper()}¶{index + 1}"


# --- figures table ----------------------------------------------------------


def figure_order(figures: Sequence[FigurePair]) -> list[int]:
    """Indices of `figures`: differing pairs, agreeing pairs, then one-sided figures."""
    return sorted(range(len(figures)), key=lambda k: (_STATUS_ORDER[figures[k].status], k))


def _figures_table(figures: Sequence[FigurePair], reviews: Mapping[int, Review]) -> str:
    if not figures:
        return '<h2>Figures</h2>\n<p class="legend">Neither report states a figure.</p>'
    rows = "\n".join(_figure_row(k, figures[k], reviews.get(k)) for k in figure_order(figures))
    return (
        '<h2>Figures</h2>\n<table class="figures" width="100%" cellspacing="0" cellpadding="4">\n'
        '<thead><tr><th width="22%">What</th><th width="32%">A</th><th width="32%">B</th>'
        '<th width="14%">Status</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table>"
    )


def _figure_row(k: int, pair: FigurePair, review: Review | None = None) -> str:
    status_class = "status-only" if pair.status.startswith("only") else f"status-{pair.status}"
    reviewed = ""
    if review is not None:  # the reader's decision and note (review.py)
        said = {"confirmed": "✓ confirmed", "dismissed": "✗ dismissed"}.get(review.decision or "")
        note = f"<br>“{escape(review.note)}”" if review.note else ""
        reviewed = f'<br><span class="value">{said or "reviewed"}{note}</span>'
    if pair.by_hand:
        reviewed = f'<br><span class="value">{hand_words(pair)}</span>{reviewed}'
    # the engine's note spans the row below, under the two figures it speaks of
    why = (
        f'<tr><td></td><td colspan="3" class="note">{escape(pair.note)}</td></tr>'
        if pair.note
        else ""
    )
    return (
        f'<tr><td><a name="figure-{k}"></a>{escape(pair.what)}</td>'
        f"<td>{_figure_cell(pair.a, 'A')}</td><td>{_figure_cell(pair.b, 'B')}</td>"
        f'<td class="{status_class}">{_STATUS_WORDS[pair.status]}{reviewed}</td></tr>{why}'
    )


def _outdated_section(outdated: Sequence[Review]) -> str:
    items = "".join(
        f"<li>{escape(r.label)}: {escape(r.decision or 'note')}"
        + (f" — “{escape(r.note)}”" if r.note else "")
        + "</li>"
        for r in outdated
    )
    return (
        '<h2>Outdated reviews</h2>\n<p class="legend">Decisions on figures the reports'
        f" no longer hold as they were (a text changed):</p>\n<ul>{items}</ul>"
    )


def _figure_cell(figure: Figure | None, side: str) -> str:
    if figure is None:
        return '<span class="value">—</span>'
    value = _value_words(figure)
    where = paragraph_label(side, figure.paragraph)
    return (
        f"{escape(figure.text)}<br>"
        f'<span class="value">{escape(value) + " · " if value else ""}{where}</span>'
    )


def _value_words(figure: Figure) -> str:
    """'1 h 30 min or more': the value the comparison used, in a person's units.

    Left out where it would only repeat the text ("175", "Tuesday").
    """
    value = display_value(figure)
    return "" if _same_words(value, figure.text) else value


def _same_words(value: str, text: str) -> bool:
    def squash(s: str) -> str:
        return "".join(s.casefold().replace("percent", "%").split())

    return squash(value) == squash(text)


def figure_tooltip(pair: FigurePair) -> str:
    """'A: more than 90 minutes (1 h 30 min or more) · B: two and a half hours (2 h 30 min)'."""
    told = " · ".join(
        f"{side}: {_figure_words(figure)}" for side, figure in (("A", pair.a), ("B", pair.b))
    )
    told = f"{hand_words(pair).capitalize()}. {told}" if pair.by_hand else told
    return f"{told}\n{pair.note}" if pair.note else told


def _figure_words(figure: Figure | None) -> str:
    if figure is None:
        return "not stated"
    value = _value_words(figure)
    return f"{figure.text} ({value})" if value else figure.text


# --- aligned table ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    """A figure's span in one paragraph, and how to mark it."""

    start: int
    end: int
    name: str
    css: str
    href: str
    title: str
    after: str = ""  # signs after the figure: ⚠ a flag, ✓ confirmed, ✗ dismissed


def _figure_marks(
    figures: Sequence[FigurePair], reviews: Mapping[int, Review] | None = None
) -> dict[tuple[str, int], list[_Mark]]:
    """Marks per (side, paragraph index), sorted by start; overlapping spans dropped.

    With the reader's `reviews` (by figure index), a dismissed flag is struck
    out and a confirmed one carries a tick; a pair made by hand says so."""
    marks: dict[tuple[str, int], list[_Mark]] = {}
    for k, pair in enumerate(figures):
        css = {"differs": "fig-differs", "same": "fig-same"}.get(pair.status, "fig-only")
        title = figure_tooltip(pair)
        after = '<span class="warn">⚠</span>' if css == "fig-differs" else ""
        review = (reviews or {}).get(k)
        if review is not None:
            if review.decision == "dismissed" and css == "fig-differs":
                css, after = "fig-dismissed", '<span class="note">✗</span>'
            elif review.decision == "confirmed":
                after += '<span class="reviewed">✓</span>'
            if review.note:
                title += f"\nNote: {review.note}"
                after += '<span class="note">✎</span>'
        for side, figure in (("a", pair.a), ("b", pair.b)):
            if figure is not None:
                mark = _Mark(
                    figure.start,
                    figure.end,
                    f"fig-{k}-{side}",
                    css,
                    f"#figure-{k}",
                    title,
                    after,
                )
                marks.setdefault((side, figure.paragraph), []).append(mark)
    for key, found in marks.items():
        marks[key] = sorted(found, key=lambda m: (m.start, m.end))
    return marks


def _aligned_table(
    comparison: Comparison, marks: dict[tuple[str, int], list[_Mark]], *, split: bool = False
) -> str:
    """The aligned rows: one table for paper (its header repeats on every page),
    or with `split` one table per row for the screen.

    Qt lays out a document's top-level frames lazily, as they scroll into view,
    but a table as a whole: one long table makes a pair switch wait for every
    row's layout, a table per row only for the rows on screen.
    """
    groups = comparison.alignment
    moved_a = _moved(g.a for g in groups)
    moved_b = _moved(g.b for g in groups)
    rows = []
    for n, group in enumerate(groups):
        a_cell = _cell(comparison.a, group, "a", marks, moved_a, f'<a name="row-{n}"></a>')
        b_cell = _cell(comparison.b, group, "b", marks, moved_b)
        rows.append(f"<tr>{a_cell}{b_cell}</tr>")
    table = '<table class="aligned" width="100%" cellspacing="0" cellpadding="6">'
    head = (
        f'<tr><th width="50%">A · {escape(_short_name(comparison.a))}</th>'
        f'<th width="50%">B · {escape(_short_name(comparison.b))}</th></tr>'
    )
    if split:
        # The window: no heading and no column titles, which the headlines above
        # already give; every line saved is a line of the reports on a small screen.
        return "\n".join(table + row + "</table>" for row in rows)
    return (
        "<h2>Aligned text</h2>\n"
        + table
        + f"\n<thead>{head}</thead>\n"
        + "<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _moved(sides: Iterable[tuple[int, ...]]) -> frozenset[int]:
    """Paragraphs shown out of their report's order.

    The longest increasing run of indices, in row order, reads in order;
    every other paragraph has been moved to sit beside its counterpart.
    """
    order = [i for indices in sides for i in indices]
    return frozenset(order) - set(_longest_increasing(order))


def _longest_increasing(seq: Sequence[int]) -> list[int]:
    tails: list[int] = []  # index into seq of the smallest tail of each length
    tail_values: list[int] = []
    prev = [-1] * len(seq)
    for i, x in enumerate(seq):
        j = bisect.bisect_left(tail_values, x)
        prev[i] = tails[j - 1] if j else -1
        if j == len(tails):
            tails.append(i)
            tail_values.append(x)
        else:
            tails[j], tail_values[j] = i, x
    out, i = [], tails[-1] if tails else -1
    while i >= 0:
        out.append(seq[i])
        i = prev[i]
    return out[::-1]


def _cell(
    report: Report,
    group: AlignedGroup,
    side: str,
    marks: dict[tuple[str, int], list[_Mark]],
    moved: frozenset[int],
    anchor: str = "",
) -> str:
    indices = group.a if side == "a" else group.b
    if not indices:
        return f'<td width="50%" class="empty">{anchor}</td>'
    runs = group.a_runs if side == "a" else group.b_runs
    # Word tints only where there is a counterpart to differ from; a paragraph
    # with none is tinted as a whole through its cell instead.
    tint = group.linked
    paragraphs = []
    for k, index in enumerate(indices):
        paragraph = report.paragraphs[index]
        para_runs = runs[k] if k < len(runs) else (TextRun(paragraph.text),)
        body = paragraph_html(paragraph, para_runs, side, marks.get((side, index), []), tint)
        css = ' class="headline"' if paragraph.kind == "headline" else ""
        paragraphs.append(f"<p{css}>{_position(paragraph, moved, side)}{body}</p>")
    css = "" if group.linked else f' class="only-{side}"'
    notes = _loose_note(report, group, side) + _review_note(group, side)
    return f'<td width="50%"{css}>{anchor}{notes}{"".join(paragraphs)}</td>'


def _review_note(group: AlignedGroup, side: str) -> str:
    """Above A's side of a row: that the reader linked it by hand, and their note."""
    if side != "a" and group.a:
        return ""
    lines = []
    if group.by_hand:
        lines.append('<span class="loose">linked by hand</span>')
    if group.note:
        lines.append(f'<span class="note">✎ {escape(group.note)}</span>')
    return "".join(f'<p class="note-line">{line}</p>' for line in lines)


def _loose_note(report: Report, group: AlignedGroup, side: str) -> str:
    """A note on B's side of a link that rests on little shared wording.

    Headlines face each other whatever they share, so theirs is no such link.
    """
    if side != "b" or not group.loose or report.paragraphs[group.b[0]].kind == "headline":
        return ""
    return (
        f'<p class="loose-line"><span class="loose" title="link score {group.score:.2f}: '
        'the two sides share only a few words">loose match</span></p>'
    )


def _position(paragraph: Paragraph, moved: frozenset[int], side: str) -> str:
    """The paragraph's number, so a reference in the figures table can be found
    on paper too; in bold when the paragraph sits elsewhere in its report."""
    if paragraph.kind == "headline":
        return ""
    n = paragraph.index + 1
    label = paragraph_label(side, paragraph.index)
    css = "moved" if paragraph.index in moved else "pos"
    return f'<span class="{css}" title="paragraph {n} of report {side.upper()}">{label}</span> '


# --- one paragraph: word runs and figure marks, properly nested -------------


def paragraph_html(
    paragraph: Paragraph,
    runs: Sequence[TextRun],
    side: str,
    marks: Sequence[_Mark],
    tint: bool = True,
) -> str:
    """A paragraph's text with unique runs tinted and figures marked.

    Runs and figure spans are intervals over `paragraph.text`; each figure
    becomes one `<a>` holding its own pieces of the runs, so the tags nest
    properly even when a figure straddles a run boundary.
    """
    text = paragraph.text
    if "".join(r.text for r in runs) != text:
        runs = (TextRun(text),)  # runs that do not rebuild the text cannot be trusted
    run_spans = _run_intervals(runs, tint)
    placed = _non_overlapping(marks, len(text))
    # A mark that overlaps a placed one (one figure in two flags: a headline's and
    # its body's restatement against the same partner) names the placed one's
    # text too: an empty anchor right before it takes that text.
    placed_ids = {id(m) for m in placed}  # by identity: a list look-up made this quadratic
    sharing: dict[int, list[str]] = {}
    unplaced = []
    starts = [m.start for m in placed]
    for m in marks:
        if id(m) in placed_ids:
            continue
        host = _overlapping(placed, starts, m)
        if host is None:
            unplaced.append(m)
        else:
            sharing.setdefault(id(host), []).append(m.name)
    out: list[str] = []
    pos = 0
    for mark in placed:
        out.append(_runs_html(text, run_spans, pos, mark.start, side))
        out.extend(f'<a name="{name}"></a>' for name in sharing.get(id(mark), ()))
        # Inside a differing figure the red mark wins over the word tint.
        inner_side = f"{side}-fig" if mark.css == "fig-differs" else side
        inner = _runs_html(text, run_spans, mark.start, mark.end, inner_side)
        out.append(
            f'<a class="fig {mark.css}" name="{mark.name}" href="{mark.href}" '
            f'title="{escape(mark.title)}">{inner}</a>'
        )
        out.append(mark.after)
        pos = mark.end
    out.append(_runs_html(text, run_spans, pos, len(text), side))
    # Marks that could not be placed still get their anchor, so links resolve.
    out.extend(f'<a name="{m.name}"></a>' for m in unplaced)
    return "".join(out)


def _run_intervals(runs: Sequence[TextRun], tint: bool) -> list[tuple[int, int, bool]]:
    spans, pos = [], 0
    for run in runs:
        spans.append((pos, pos + len(run.text), tint and run.unique))
        pos += len(run.text)
    return spans


def _overlapping(placed: Sequence[_Mark], starts: Sequence[int], mark: _Mark) -> _Mark | None:
    """The placed mark (sorted, disjoint; `starts` theirs) that `mark` overlaps, if any."""
    k = bisect.bisect_right(starts, mark.start) - 1
    for host in placed[max(k, 0) : k + 2]:
        if host.start < mark.end and mark.start < host.end:
            return host
    return None


def _non_overlapping(marks: Sequence[_Mark], length: int) -> list[_Mark]:
    kept: list[_Mark] = []
    for mark in marks:
        inside = 0 <= mark.start < mark.end <= length
        if inside and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def _runs_html(
    text: str, spans: Sequence[tuple[int, int, bool]], start: int, end: int, side: str
) -> str:
    """Text[start:end], with the parts that fall in unique runs tinted."""
    out = []
    for run_start, run_end, unique in spans:
        lo, hi = max(start, run_start), min(end, run_end)
        if lo >= hi:
            continue
        piece = escape(text[lo:hi], quote=False)
        out.append(f'<span class="uniq-{side}">{piece}</span>' if unique else piece)
    return "".join(out)


# --- boilerplate ------------------------------------------------------------


def _boilerplate_section(comparison: Comparison) -> str:
    cells = _boilerplate_cell(comparison.a, "A") + _boilerplate_cell(comparison.b, "B")
    return (
        "<h2>Boilerplate (left out of the comparison)</h2>\n"
        '<table class="boilerplate" width="100%" cellspacing="0" cellpadding="6">'
        f"<tr>{cells}</tr></table>"
    )


def _boilerplate_cell(report: Report, side: str) -> str:
    paragraphs = [p for p in report.paragraphs if p.boilerplate]
    body = "".join(
        f'<p class="boiler"><span class="pos">{paragraph_label(side, p.index)}</span> '
        f"{escape(p.text)}</p>"
        for p in paragraphs
    )
    body = body or '<p class="boiler">none</p>'
    return f'<td width="50%" class="boiler">{body}</td>'
