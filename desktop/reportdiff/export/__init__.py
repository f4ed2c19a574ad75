"""Comparison → text / JSON / HTML / PDF / CSV.

HTML, CSV, JSON and text are plain Python; PDF goes through Qt and is
imported only when asked for.
"""

from __future__ import annotations

import json

from reportdiff.engine.model import Comparison

FORMATS = ("text", "json", "html", "pdf", "csv")


class ExportError(Exception):
    """An export that could not be made or written, said in one line."""


def export_comparison(
    comparison: Comparison, fmt: str, *, page_size: str = "A4", boilerplate: bool = False
) -> str | bytes:
    """Render `comparison` in format `fmt`: `str` for text formats, `bytes` for PDF."""
    if fmt == "json":
        return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2)
    if fmt == "text":
        from reportdiff.export.text import render_text

        return render_text(comparison)
    if fmt == "html":
        from reportdiff.export.html import render_html

        return render_html(comparison, boilerplate=boilerplate)
    if fmt == "csv":
        from reportdiff.export.figures_csv import render_csv

        return render_csv(comparison)
    if fmt == "pdf":
        from reportdiff.export.pdf import render_pdf

        return render_pdf(comparison, page_size=page_size, boilerplate=boilerplate)
    raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
