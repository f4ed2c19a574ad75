"""Comparison → text / JSON / HTML / PDF / CSV.

HTML, CSV, JSON and text are plain Python; PDF goes through Qt and is
imported only when asked for. `write_atomic` (export/atomic.py) puts the
result on disk without ever leaving half a file.
"""

from __future__ import annotations

import json
import re
import unicodedata

from reportdiff.engine.model import Comparison, Report

FORMATS = ("text", "json", "html", "pdf", "csv")
PAGE_SIZES = ("A4", "Letter")
EXTENSIONS = {"text": ".txt", "json": ".json", "html": ".html", "pdf": ".pdf", "csv": ".csv"}


class ExportError(Exception):
    """An export that could not be made or written, said in one line."""


def export_comparison(
    comparison: Comparison,
    fmt: str,
    *,
    page_size: str = "A4",
    boilerplate: bool = False,
    width: int | None = None,
    color: bool = False,
) -> str | bytes:
    """Render `comparison` in format `fmt`: `str` for text formats, `bytes` for PDF.

    `width` and `color` shape the text format for a terminal (see render_text).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r}; choose A4 or Letter")
    if fmt == "json":
        return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        from reportdiff.export.text import render_text

        if width is None:
            return render_text(comparison, color=color)
        return render_text(comparison, width=width, color=color)
    if fmt == "html":
        from reportdiff.export.html import render_html

        return render_html(comparison, boilerplate=boilerplate)
    if fmt == "csv":
        from reportdiff.export.figures_csv import render_csv

        return render_csv(comparison)
    return _pdf(comparison, page_size, boilerplate)


def _pdf(comparison: Comparison, page_size: str, boilerplate: bool) -> bytes:
    try:
        from reportdiff.export.pdf import render_pdf
    except ImportError as exc:  # Qt missing or its libraries not loadable
        raise ExportError(f"PDF export needs Qt (PySide6), which could not load: {exc}") from exc
    try:
        return render_pdf(comparison, page_size=page_size, boilerplate=boilerplate)
    except RuntimeError as exc:
        raise ExportError(f"PDF export failed: {exc}") from exc


def suggested_file_name(comparison: Comparison, fmt: str) -> str:
    """A default file name: both outlets (or titles) and the date, e.g.
    'alpha-vs-beta-2025-03-18.pdf'."""
    names = [_slug(_name(report)) for report in (comparison.a, comparison.b)]
    dates = [r.published[:10] for r in (comparison.a, comparison.b) if r.published]
    parts = ["-vs-".join(n or "report" for n in names), *dates[:1]]
    return "-".join(parts) + EXTENSIONS.get(fmt, "." + fmt)


def _name(report: Report) -> str:
    return report.outlet or " ".join(report.title.split()[:5])


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
