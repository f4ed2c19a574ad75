"""Every flag's marks are anchors on the figure's own text in the view."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextDocument

from reportdiff.engine import compare, parse_report
from reportdiff.export.html import render_html
from reportdiff.ui.aligned_view import anchor_spans


def test_a_figure_in_two_flags_is_the_anchor_of_both(qapp: Any) -> None:
    """The headline's "25" and the body's "Twenty-five" are both set against B's
    "Twenty-nine": going to either flag's B side lands on "Twenty-nine" (it landed on
    the next paragraph's label, whose first character took the stray anchor)."""
    a = parse_report(
        "25 dead after mine explosion in West Virginia\n\nTwenty-five miners are confirmed"
        " dead after an explosion at the mine on Monday, officials said."
    )
    b = parse_report(
        "Remarks on mine safety\n\nTwenty-nine lives were lost in the explosion at the mine,"
        " the worst disaster in a generation.\n\nWe owe them action, the president said."
    )
    comparison = compare(a, b)
    flags = [k for k, p in enumerate(comparison.figures) if p.b and p.b.text == "Twenty-nine"]
    assert len(flags) == 2  # one figure of B in two flags
    document = QTextDocument()
    document.setHtml(render_html(comparison, for_screen=True))
    spans = anchor_spans(document)
    text = document.toPlainText()
    for k in flags:
        start, length = spans[f"fig-{k}-b"]
        assert text[start : start + length] == "Twenty-nine"
