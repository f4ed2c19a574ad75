"""Comparison → text / JSON / HTML / PDF / CSV.

HTML, CSV, JSON and text are plain Python; PDF goes through Qt and is
imported only when asked for. `write_atomic` (export/atomic.py) puts the
result on disk without ever leaving half a file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from reportdiff.engine.model import Comparison, Report
from reportdiff.engine.text import STOPWORDS
from reportdiff.review import PAIR, Review

FORMATS = ("text", "json", "html", "pdf", "csv")
PAGE_SIZES = ("A4", "Letter")
EXTENSIONS = {"text": ".txt", "json": ".json", "html": ".html", "pdf": ".pdf", "csv": ".csv"}


# The reader's decisions fitted to the comparison's figures (by index), and the
# outdated ones (review.apply).
ReviewState = tuple[Mapping[int, Review], Sequence[Review]]


def _with_review(data: dict[str, Any], review: ReviewState) -> None:
    fitted, outdated = review
    if PAIR in fitted:
        data["pair_note"] = fitted[PAIR].note
    for k, figure in enumerate(data.get("figures", [])):
        if k in fitted:
            figure["review"] = {"decision": fitted[k].decision, "note": fitted[k].note}
    data["outdated_reviews"] = [
        {"figures": r.label, "decision": r.decision, "note": r.note} for r in outdated
    ]


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
    review: ReviewState | None = None,
) -> str | bytes:
    """Render `comparison` in format `fmt`: `str` for text formats, `bytes` for PDF.

    `width` and `color` shape the text format for a terminal (see render_text).
    `review`, the reader's decisions on the pair (review.py), goes into every
    format: the JSON (a figure's optional "review", and "outdated_reviews"), the
    CSV's last columns, the text's, the HTML's and the PDF's figures.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r}; choose A4 or Letter")
    if fmt == "json":
        data = comparison.to_json()
        if review is not None:
            _with_review(data, review)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        from reportdiff.export.text import render_text

        if width is None:
            return render_text(comparison, color=color, review=review)
        return render_text(comparison, width=width, color=color, review=review)
    if fmt == "html":
        from reportdiff.export.html import render_html

        return render_html(comparison, boilerplate=boilerplate, review=review)
    if fmt == "csv":
        from reportdiff.export.figures_csv import render_csv

        return render_csv(comparison, review[0] if review is not None else None)
    return _pdf(comparison, page_size, boilerplate, review)


def _pdf(
    comparison: Comparison, page_size: str, boilerplate: bool, review: ReviewState | None
) -> bytes:
    try:
        from reportdiff.export.pdf import render_pdf
    except ImportError as exc:  # Qt missing or its libraries not loadable
        raise ExportError(f"PDF export needs Qt (PySide6), which could not load: {exc}") from exc
    try:
        return render_pdf(comparison, page_size=page_size, boilerplate=boilerplate, review=review)
    except RuntimeError as exc:
        raise ExportError(f"PDF export failed: {exc}") from exc


def suggested_file_name(comparison: Comparison, fmt: str) -> str:
    """A short default file name: what was compared and when, e.g.
    'reuters-vs-nyt-2025-03-18.pdf' or, with no outlet, each title's first
    words that say something ('ukraine-proposes-ceasefire-vs-putin-agrees-halt.pdf')."""
    names = [_short_name(report) or "report" for report in (comparison.a, comparison.b)]
    dates = [r.published[:10] for r in (comparison.a, comparison.b) if r.published]
    date = next((d for d in dates if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)), None)
    stem = "-vs-".join(names) + (f"-{date}" if date else "")
    return stem + EXTENSIONS.get(fmt, "." + fmt)


_NAME_WORDS = 3  # words of an outlet or a title in a file name


def _short_name(report: Report) -> str:
    if report.outlet:
        return "-".join(_words(report.outlet)[:_NAME_WORDS])
    words = _words(report.title or "")
    telling = [w for w in words if w not in STOPWORDS] or words
    return "-".join(telling[:_NAME_WORDS])


def slug(text: str) -> str:
    """'Le Monde · Économie' → 'le-monde-economie': safe in a file name everywhere."""
    return "-".join(_words(text))


def _words(text: str) -> list[str]:
    """ASCII words, lower case: safe in a file name everywhere ('Économie' → 'economie')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())
