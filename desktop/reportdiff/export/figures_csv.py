"""Comparison → CSV of figure pairs, one row per pair, for a spreadsheet.

Paragraph numbers count from 1, as the ¶ marks of the HTML/PDF do; the
JSON export keeps the contract's 0-based indices.
"""

from __future__ import annotations

import csv
import io

from reportdiff.engine.model import Comparison, Figure, FigurePair
from reportdiff.export.html import figure_order

HEADER = (
    "status",
    "what",
    "a_text",
    "a_value",
    "a_unit",
    "a_qualifier",
    "b_text",
    "b_value",
    "b_unit",
    "b_qualifier",
    "a_paragraph",
    "b_paragraph",
)


def render_csv(comparison: Comparison) -> str:
    """The figure pairs as CSV text with a header row, differing pairs first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for k in figure_order(comparison.figures):
        writer.writerow(_row(comparison.figures[k]))
    return out.getvalue()


def _row(pair: FigurePair) -> list[str]:
    a, b = _side(pair.a), _side(pair.b)
    return [pair.status, _cell(pair.what), *a[:4], *b[:4], a[4], b[4]]


def _side(figure: Figure | None) -> list[str]:
    if figure is None:
        return [""] * 5
    value = "" if figure.value is None else f"{figure.value:.15g}"
    return [_cell(figure.text), value, figure.unit, figure.qualifier, str(figure.paragraph + 1)]


def _cell(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets; a
    # leading apostrophe keeps article text inert (OWASP "CSV injection").
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
