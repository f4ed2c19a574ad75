"""Event matrix → text / JSON / CSV / HTML (engine/event.py builds it).

JSON schema (`reportdiff event ID --format json`), documented in the README:

    {"event": "name", "summary": "...",
     "reports": [{"title", "outlet", "published", "url"}, ...],      # the columns
     "rows": [{"what": "...", "status": "disagree" | "rises" | "agree",
               "conflicts": [[i, j], ...],     # columns whose figures differ
               "cells": [null | {"text", "value", "unit", "qualifier", "readable",
                                 "paragraph", "more": [texts of restatements]}, ...]}]}
"""

from __future__ import annotations

import csv
import io
import json
from html import escape

from reportdiff.engine.event import EventMatrix, FactRow
from reportdiff.engine.model import Figure
from reportdiff.export.figures_csv import csv_cell, report_name
from reportdiff.export.html import source_link
from reportdiff.export.values import display_value

EVENT_FORMATS = ("text", "json", "csv", "html")
_STATUS_WORDS = {"disagree": "⚠ disagree", "rises": "↗ changes over time", "agree": "agree"}


def export_event(matrix: EventMatrix, fmt: str, name: str) -> str:
    if fmt == "json":
        return json.dumps(event_json(matrix, name), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(matrix)
    if fmt == "html":
        return _html(matrix, name)
    if fmt == "text":
        return _text(matrix, name)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EVENT_FORMATS)}")


def event_json(matrix: EventMatrix, name: str) -> dict[str, object]:
    return {
        "event": name,
        "summary": matrix.summary(),
        "reports": [
            {"title": r.title, "outlet": r.outlet, "published": r.published, "url": r.url}
            for r in matrix.reports
        ],
        "rows": [
            {
                "what": row.what,
                "status": row.status,
                "conflicts": [list(c) for c in row.conflicts],
                "cells": [_cell_json(cell) for cell in row.cells],
            }
            for row in matrix.rows
        ],
    }


def _cell_json(cell: tuple[Figure, ...]) -> dict[str, object] | None:
    if not cell:
        return None
    first = cell[0]
    return {
        "text": first.text,
        "value": first.value,
        "unit": first.unit,
        "qualifier": first.qualifier,
        "readable": display_value(first),
        "paragraph": first.paragraph,
        "more": [f.text for f in cell[1:]],
    }


def _csv(matrix: EventMatrix) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["what", "status", *(csv_cell(report_name(r)) for r in matrix.reports)])
    for row in matrix.rows:
        cells = [csv_cell(cell[0].text) if cell else "" for cell in row.cells]
        writer.writerow([csv_cell(row.what), row.status, *cells])
    return out.getvalue()


def _text(matrix: EventMatrix, name: str) -> str:
    lines = [f"Event: {name}", matrix.summary(), ""]
    for k, report in enumerate(matrix.reports):
        lines.append(f"  [{k + 1}] {report_name(report)}")
    lines.append("")
    if not matrix.rows:
        lines.append("No figure is given by two reports or more.")
    for row in matrix.rows:
        lines.append(f"{_STATUS_WORDS[row.status]}: {row.what}")
        for k, cell in enumerate(row.cells):
            if cell:
                lines.append(f"    [{k + 1}] {cell[0].text}  ({display_value(cell[0])})")
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; background: #ffffff; }
table { border-collapse: collapse; }
th, td { border: 1px solid #cccccc; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
td.disagree { background: #ffe0e0; font-weight: bold; }
td.rises { background: #fff4d6; }
.meta { color: #555555; font-size: 9pt; }
.status-disagree { color: #a00000; font-weight: bold; }
.status-rises { color: #8a5a00; }
a.source { color: #555555; }
"""


def _html(matrix: EventMatrix, name: str) -> str:
    heads = "".join(
        f'<th>{escape(r.title)}<br><span class="meta">'
        f"{escape(', '.join(d for d in (r.outlet, (r.published or '')[:10]) if d))}"
        f"</span>{'<br><span class=meta>' + source_link(r.url) + '</span>' if r.url else ''}</th>"
        for r in matrix.reports
    )
    rows = "\n".join(_html_row(row) for row in matrix.rows)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>ReportDiff: {escape(name)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(name)}</h1>\n<p>{escape(matrix.summary())}</p>\n"
        f"<table>\n<tr><th>Fact</th><th>Status</th>{heads}</tr>\n{rows}\n</table>\n"
        "</body>\n</html>\n"
    )


def _html_row(row: FactRow) -> str:
    odd = {k for pair in row.conflicts for k in pair}
    cells = []
    for k, cell in enumerate(row.cells):
        if not cell:
            cells.append("<td></td>")
            continue
        css = f' class="{row.status}"' if k in odd and row.status != "agree" else ""
        title = escape(display_value(cell[0]), quote=True)
        cells.append(f'<td{css} title="{title}">{escape(cell[0].text)}</td>')
    status = f'<span class="status-{row.status}">{escape(_STATUS_WORDS[row.status])}</span>'
    return f"<tr><td>{escape(row.what)}</td><td>{status}</td>{''.join(cells)}</tr>"


LANDSCAPE_FROM = 5  # reports: a matrix this wide is printed across the page


def event_pdf(matrix: EventMatrix, name: str, page_size: str = "A4") -> bytes:
    """The matrix as PDF (through Qt), landscape when it has many reports."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from reportdiff.export.pdf import PAGE_SIZES, ensure_gui_application

    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setTitle(f"ReportDiff: {name}")
    writer.setCreator("ReportDiff")
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    wide = len(matrix.reports) >= LANDSCAPE_FROM
    orientation = QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
    writer.setPageOrientation(orientation)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.setHtml(_html(matrix, name))
    document.print_(writer)
    buffer.close()
    return bytes(data.data())
