"""Comparison → CSV of figure pairs, one row per pair, for a spreadsheet.

Paragraph numbers count from 1, as the ¶ marks of the HTML/PDF and the
text view do, and the header says so; the JSON export keeps the contract's
0-based indices. Each value comes twice: as a person reads it
("1 h 30 min or more") and raw in base units (5400, "s") for formulas.
Two columns name reports A and B (title, outlet, date) on every row; the last
two give the reader's review of the pair (confirmed / dismissed, and a note).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from reportdiff.engine.figures.display import calendar
from reportdiff.engine.model import Comparison, Figure, FigurePair, Report
from reportdiff.export.html import figure_order
from reportdiff.export.values import display_value
from reportdiff.review import Review, hand_words

HEADER = (
    "status",
    "what",
    "a_text",
    "a_value_readable",
    "a_value",
    "a_unit",
    "a_qualifier",
    "b_text",
    "b_value_readable",
    "b_value",
    "b_unit",
    "b_qualifier",
    "a_paragraph_number (first = 1)",
    "b_paragraph_number (first = 1)",
    "a_report",
    "b_report",
    "review",
    "review_note",
    "note",
)


def render_csv(comparison: Comparison, reviews: Mapping[int, Review] | None = None) -> str:
    """The figure pairs as CSV text with a header row, differing pairs first;
    with `reviews` (by figure index), the reader's decision and note on each
    (a pair the reader made or took apart says "paired by hand", "unpaired by hand");
    last, the engine's note on why a difference may be no contradiction."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    # Every row names the two reports, so that rows pasted or filtered apart
    # still say which report is A and which is B.
    names = [csv_cell(report_name(comparison.a)), csv_cell(report_name(comparison.b))]
    for k in figure_order(comparison.figures):
        pair, review = comparison.figures[k], (reviews or {}).get(k)
        said = [review.decision or "", csv_cell(review.note or "")] if review else ["", ""]
        if pair.by_hand:  # paired or unpaired by the reader: said whatever they decided since
            said[0] = f"{said[0]}, {hand_words(pair)}" if said[0] else hand_words(pair)
        writer.writerow([*_row(pair), *names, *said, csv_cell(pair.note or "")])
    return out.getvalue()


def report_name(report: Report) -> str:
    """ "Title — Outlet, 2025-03-18": the report as a reader names it."""
    details = ", ".join(d for d in (report.outlet, (report.published or "")[:10]) if d)
    title = report.title or "(no title)"
    return f"{title} — {details}" if details else title


def _row(pair: FigurePair) -> list[str]:
    a, b = _side(pair.a), _side(pair.b)
    return [pair.status, csv_cell(pair.what), *a[:5], *b[:5], a[5], b[5]]


def _side(figure: Figure | None) -> list[str]:
    if figure is None:
        return [""] * 6
    value = _raw_value(figure)
    readable = csv_cell(display_value(figure))
    number = str(figure.paragraph + 1)
    return [csv_cell(figure.text), readable, value, figure.unit, figure.qualifier, number]


def _raw_value(figure: Figure) -> str:
    """The value for formulas: a number in base units, a calendar date in ISO 8601.

    A spreadsheet gets "02-28" (month and day, no year: ISO's "--02-28" would
    start like a formula), "2022-02" or "2025-03-18", not the engine's numbers.
    """
    if figure.value is None:
        return ""
    parts = calendar(figure)
    if parts is None or figure.unit in ("month", "year"):
        return f"{figure.value:.15g}"
    year, month, day = parts
    fields = ([f"{year:04d}"] if year else []) + [f"{p:02d}" for p in (month, day) if p]
    return "-".join(fields)


def csv_cell(text: str) -> str:
    """`text` safe in a spreadsheet cell: never run as a formula."""
    # A cell starting with = + - @ is run as a formula by spreadsheets; a
    # leading apostrophe keeps article text inert (OWASP "CSV injection").
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
