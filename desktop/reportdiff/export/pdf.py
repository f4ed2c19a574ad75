"""Comparison → PDF through Qt: the HTML of `render_html`, laid out by QTextDocument.

The document is laid out once as one long page the width of the printable
area; the pages are then cut at row and paragraph boundaries (so a table row
is not split where that can be avoided) and painted one by one with a
"Page n of m" footer. Works from the CLI: without a running Qt application an
offscreen QGuiApplication is made.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from reportdiff.engine.model import Comparison
from reportdiff.export.html import render_html

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

# CSS pixels are 1/96 inch in browsers; laying out at 96 dpi makes the PDF's
# paddings and borders match the HTML export.
_DPI = 96
_MARGINS_MM = QMarginsF(14, 14, 14, 12)
_FOOTER_PX = 28
# A row boundary is only used as a page cut if it fills at least this share
# of the page; otherwise the page is cut between lines instead.
_MIN_FILL = 0.35
_BLEED = 1.0

_app: QGuiApplication | None = None  # the offscreen app we made, kept alive


def ensure_gui_application() -> None:
    """Make sure a Q(Gui)Application exists; start an offscreen one if none does."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("PDF export needs a QGuiApplication, not a QCoreApplication")
        return
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["reportdiff"])


def render_pdf(
    comparison: Comparison, *, page_size: str = "A4", boilerplate: bool = False
) -> bytes:
    """The comparison as PDF bytes (A4 or Letter), with page numbers."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}; choose A4 or Letter")
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, page_size, comparison)
    document = _document(render_html(comparison, boilerplate=boilerplate), writer)
    _paint(document, writer)
    buffer.close()
    return bytes(data.data())


def _writer(buffer: QBuffer, page_size: str, comparison: Comparison) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(_DPI)
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    writer.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(f"ReportDiff: {comparison.a.title} vs {comparison.b.title}")
    writer.setCreator("ReportDiff")
    return writer


def _document(html: str, writer: QPdfWriter) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setDefaultFont(_plain_font())
    document.setHtml(html)
    document.setTextWidth(_body_rect(writer).width())
    return document


def _plain_font() -> QFont:
    """The default font without ligatures, so text found in the PDF reads "fi", not "ﬁ"."""
    font = QFont()
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _body_rect(writer: QPdfWriter) -> QRectF:
    """Where the text goes on a page, in device units, the footer left out."""
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    return QRectF(0, 0, paint.width(), paint.height() - _FOOTER_PX)


def _paint(document: QTextDocument, writer: QPdfWriter) -> None:
    body = _body_rect(writer)
    cuts = page_cuts(document, body.height())
    painter = QPainter(writer)
    try:
        for n, (top, bottom) in enumerate(cuts, start=1):
            if n > 1:
                writer.newPage()
            painter.save()
            painter.translate(0, -top)
            # A pixel more on each side keeps the border a row cut runs along.
            clip = QRectF(0, top - _BLEED, body.width(), bottom - top + 2 * _BLEED)
            document.drawContents(painter, clip)
            painter.restore()
            _footer(painter, body, f"Page {n} of {len(cuts)}")
    finally:
        painter.end()


def _footer(painter: QPainter, body: QRectF, text: str) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#666666"))
    area = QRectF(0, body.bottom(), body.width(), _FOOTER_PX)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)


# --- where to cut pages -----------------------------------------------------


def page_cuts(document: QTextDocument, page_height: float) -> list[tuple[float, float]]:
    """(top, bottom) of each page in document coordinates.

    A page ends at the last row or paragraph boundary that fits, unless that
    leaves the page mostly empty; then at the last line that fits; only a
    single line taller than a page is cut through.
    """
    height = document.size().height()
    rows = sorted(set(_row_boundaries(document)))
    lines = sorted(set(_line_boundaries(document)))
    cuts, top = [], 0.0
    while top < height - 0.5:
        bottom = _next_cut(top, page_height, height, rows, lines)
        cuts.append((top, bottom))
        top = bottom
    return cuts or [(0.0, max(height, 1.0))]


def _next_cut(
    top: float, page_height: float, height: float, rows: list[float], lines: list[float]
) -> float:
    limit = top + page_height
    if limit >= height:
        return height
    row = max((y for y in rows if top < y <= limit), default=None)
    if row is not None and row - top >= _MIN_FILL * page_height:
        return row
    line = max((y for y in lines if top < y <= limit), default=None)
    return line if line is not None else limit


def _row_boundaries(document: QTextDocument) -> Iterator[float]:
    """Gaps between table rows and between the paragraphs outside tables."""
    layout = document.documentLayout()
    tables = list(_tables(document.rootFrame()))
    spans = [(table.firstPosition(), table.lastPosition()) for table in tables]
    for block in _blocks(document):
        if not any(lo <= block.position() <= hi for lo, hi in spans):
            yield layout.blockBoundingRect(block).top()
    for table in tables:
        yield from _table_gaps(document, table)


def _table_gaps(document: QTextDocument, table: QTextTable) -> Iterator[float]:
    layout = document.documentLayout()
    frame = layout.frameBoundingRect(table)
    yield frame.top()
    yield frame.bottom()
    previous_bottom = None
    for row in range(table.rows()):
        tops, bottoms = [], []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
            bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
        if previous_bottom is not None:
            # Half-way between the text of two rows is where their border runs.
            yield (previous_bottom + min(tops)) / 2
        previous_bottom = max(bottoms)


def _line_boundaries(document: QTextDocument) -> Iterator[float]:
    layout = document.documentLayout()
    for block in _blocks(document):
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            yield rect.top() + text_layout.lineAt(i).rect().bottom()


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _tables(frame: QTextFrame) -> Iterator[QTextTable]:
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)
