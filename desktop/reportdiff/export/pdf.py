"""Comparison → PDF through Qt: the HTML of `render_html`, laid out by QTextDocument.

The document is laid out once as one long page the width of the printable
area; the pages are then cut at row and paragraph boundaries (so a table row
is not split where that can be avoided) and painted one by one with a
"Page n of m" footer. Works from the CLI: without a running Qt application an
offscreen QGuiApplication is made.
"""

from __future__ import annotations

import bisect
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

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
from reportdiff.review import Review

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
    comparison: Comparison,
    *,
    page_size: str = "A4",
    boilerplate: bool = False,
    review: tuple[Mapping[int, Review], Sequence[Review]] | None = None,
) -> bytes:
    """The comparison as PDF bytes (A4 or Letter), with page numbers."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}; choose A4 or Letter")
    return _render(comparison, page_size, boilerplate, review)


def _render(
    comparison: Comparison,
    page_size: str,
    boilerplate: bool,
    review: tuple[Mapping[int, Review], Sequence[Review]] | None = None,
) -> bytes:
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, page_size, comparison)
    document = _document(render_html(comparison, boilerplate=boilerplate, review=review), writer)
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
    pages = page_cuts(document, body.height())
    painter = QPainter(writer)
    try:
        for n, page in enumerate(pages, start=1):
            if n > 1:
                writer.newPage()
            offset = 0.0
            if page.header is not None:
                # A table continued from the last page gets its header row again.
                _draw_slice(painter, document, body, page.header, 0.0)
                offset = page.header[1] - page.header[0]
            _draw_slice(painter, document, body, (page.top, page.bottom), offset)
            _footer(painter, body, f"Page {n} of {len(pages)}")
    finally:
        painter.end()


def _draw_slice(
    painter: QPainter,
    document: QTextDocument,
    body: QRectF,
    span: tuple[float, float],
    at: float,
) -> None:
    """Paint document rows span[0]..span[1] at height `at` of the page."""
    top, bottom = span
    painter.save()
    painter.translate(0, at - top)
    # A pixel more on each side keeps the border a row cut runs along.
    document.drawContents(painter, QRectF(0, top - _BLEED, body.width(), bottom - top + 2 * _BLEED))
    painter.restore()


def _footer(painter: QPainter, body: QRectF, text: str) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#666666"))
    area = QRectF(0, body.bottom(), body.width(), _FOOTER_PX)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)


# --- where to cut pages -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One page: document rows top..bottom, under a repeated table header if any."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class _TableHeader:
    top: float  # of the table and its header row
    bottom: float  # of the header row
    table_bottom: float


def page_cuts(document: QTextDocument, page_height: float) -> list[Page]:
    """The pages, in document coordinates.

    A page ends at the last row or paragraph boundary that fits, unless that
    leaves the page mostly empty; then at the last line that fits; only a
    single line taller than a page is cut through. A page that starts inside
    a table with a header row repeats that row first.
    """
    height = document.size().height()
    tables = list(_tables(document.rootFrame()))
    headers = [h for table in tables if (h := _table_header(document, table)) is not None]
    # Never end a page just under a header row: it would stand there alone.
    spans = _text_spans(document)
    rows = sorted(set(_row_boundaries(document, tables)) - {h.bottom for h in headers})
    rows = _cuts_no_line(spans, rows)  # a gap that runs through a line is none
    lines = [bottom for _, bottom in spans]
    pages, top = [], 0.0
    while top < height - 0.5:
        header = next((h for h in headers if h.bottom <= top < h.table_bottom - 0.5), None)
        room = page_height - (header.bottom - header.top if header else 0.0)
        bottom = _next_cut(top, room, height, rows, lines)
        pages.append(Page(top, bottom, (header.top, header.bottom) if header else None))
        top = bottom
    return pages or [Page(0.0, max(height, 1.0))]


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


def _row_boundaries(document: QTextDocument, tables: list[QTextTable]) -> Iterator[float]:
    """Gaps between table rows and between the paragraphs outside tables."""
    layout = document.documentLayout()
    spans = [(table.firstPosition(), table.lastPosition()) for table in tables]
    for block in _blocks(document):
        if not any(lo <= block.position() <= hi for lo, hi in spans):
            yield layout.blockBoundingRect(block).top()
    for table in tables:
        yield from _table_gaps(document, table)


def _table_gaps(document: QTextDocument, table: QTextTable) -> list[float]:
    """The table's top and bottom, and the gap before each row after the first."""
    frame = document.documentLayout().frameBoundingRect(table)
    return [frame.top(), frame.bottom(), *_row_gaps(document, table)]


def _row_gaps(document: QTextDocument, table: QTextTable) -> list[float]:
    layout = document.documentLayout()
    gaps, previous_bottom = [], None
    for row in range(table.rows()):
        tops, bottoms = [], []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
            bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
        if previous_bottom is not None:
            # Half-way between the text of two rows is where their border runs.
            gaps.append((previous_bottom + min(tops)) / 2)
        previous_bottom = max(bottoms)
    return gaps


def _table_header(document: QTextDocument, table: QTextTable) -> _TableHeader | None:
    count = table.format().headerRowCount()  # set by <thead>
    if count < 1 or table.rows() <= count:
        return None
    frame = document.documentLayout().frameBoundingRect(table)
    return _TableHeader(frame.top(), _row_gaps(document, table)[count - 1], frame.bottom())


def _text_spans(document: QTextDocument) -> list[tuple[float, float]]:
    """The heights covered by lines of text, overlapping lines merged, top down.

    The two columns of a row break their lines at other heights: a page may
    end only where no line of either column is cut.
    """
    layout = document.documentLayout()
    lines: list[tuple[float, float]] = []
    for block in _blocks(document):
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i).rect()
            lines.append((rect.top() + line.top(), rect.top() + line.bottom()))
    lines.sort()
    spans: list[tuple[float, float]] = []
    for top, bottom in lines:
        if spans and top < spans[-1][1] - _TOUCH:
            spans[-1] = (spans[-1][0], max(spans[-1][1], bottom))
        else:
            spans.append((top, bottom))
    return spans


def _cuts_no_line(spans: list[tuple[float, float]], ys: Iterable[float]) -> list[float]:
    """The heights among `ys` that cut through no line of text."""
    tops = [top for top, _ in spans]
    safe = []
    for y in ys:
        k = bisect.bisect_right(tops, y - _TOUCH) - 1
        if k < 0 or y >= spans[k][1] - _TOUCH:
            safe.append(y)
    return safe


_TOUCH = 0.5  # px: lines that touch do not overlap


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
