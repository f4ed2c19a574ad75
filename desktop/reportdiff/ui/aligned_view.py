"""The aligned view: the comparison as the one HTML renderer draws it.

A `QTextBrowser` shows `render_html(comparison, for_screen=True)`; this module
only navigates it: the renderer's anchors (`row-N` per aligned row, `figure-K`
per figure-table row, `fig-K-a` / `fig-K-b` on the marked figures) are read
back from the document so the window can jump between differences, scroll to
a figure and mark it. Tooltips come from the comparison itself because
QTextBrowser ignores the HTML `title` attribute.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QRect,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextTable,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from reportdiff.engine.model import AlignedGroup, Comparison
from reportdiff.export.html import figure_tooltip

# How far below the top of the viewport a jump target lands: a little context above it.
_CONTEXT_PX = 24
ZOOM_STEP = 1.1  # each Ctrl+= makes text 10 % larger

_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)pt")


def zoomed_html(html: str, steps: int) -> str:
    """The renderer's HTML with its point sizes scaled by `steps` zoom steps.

    The renderer sets sizes in points (for print), and Qt's `zoomIn` does not
    override sizes a stylesheet sets, so zoom scales the sizes instead.
    """
    if steps == 0:
        return html
    factor = ZOOM_STEP**steps
    return _FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * factor:.1f}pt", html)


def _same_reports(old: Comparison | None, new: Comparison | None) -> bool:
    if old is None or new is None:
        return False
    return (old.a.content_hash, old.b.content_hash) == (new.a.content_hash, new.b.content_hash)


def is_difference(group: AlignedGroup) -> bool:
    """A row worth stopping at: unmatched, or with words only one side has."""
    if not group.linked:
        return True
    runs = (*group.a_runs, *group.b_runs)
    return any(run.unique and run.text.strip() for para in runs for run in para)


def anchor_spans(document: QTextDocument) -> dict[str, tuple[int, int]]:
    """Every anchor name of the document → (position, length) of its text.

    Qt keeps an anchor's name on its first character only; the link (href)
    covers the whole text, so a named link's span runs on while the href does.
    """
    spans: dict[str, tuple[int, int]] = {}
    open_names: list[str] = []
    open_href = ""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            names, href = fmt.anchorNames(), fmt.anchorHref()
            end = fragment.position() + fragment.length()
            if names:
                open_names, open_href = list(names), href
                for name in names:
                    spans[name] = (fragment.position(), fragment.length())
            elif href and href == open_href:
                for name in open_names:
                    spans[name] = (spans[name][0], end - spans[name][0])
            else:
                open_names, open_href = [], ""
            it += 1
        open_names, open_href = [], ""  # a link never runs across paragraphs
        block = block.next()
    return spans


class ParsedView(NamedTuple):
    """The view's HTML parsed into a document, with its anchors' spans."""

    document: QTextDocument
    spans: dict[str, tuple[int, int]]


def build_document(html: str, zoom: int) -> ParsedView:
    """Parse the view's HTML on a worker thread and hand the document to the GUI thread.

    QTextDocument is reentrant: parsing (and reading the anchors) off the GUI
    thread is allowed, so a pair switch costs the GUI thread only the layout.
    """
    document = QTextDocument()
    document.setHtml(zoomed_html(html, zoom))
    _close_row_gaps(document)
    spans = anchor_spans(document)
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return ParsedView(document, spans)


def _close_row_gaps(document: QTextDocument) -> None:
    """Shrink the empty line Qt keeps between two tables to a hairline.

    The renderer gives the screen one table per aligned row (Qt then lays out
    only the rows in view); a document holds a text block between two frames,
    which would open a blank line between every two rows.
    """
    frames = document.rootFrame().childFrames()
    for before, after in itertools.pairwise(frames):
        if not (isinstance(before, QTextTable) and isinstance(after, QTextTable)):
            continue
        block = document.findBlock(before.lastPosition() + 1)
        if block.length() != 1 or block.position() >= after.firstPosition():
            continue  # not an empty block between the two
        cursor = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor.setBlockFormat(fmt)
        tiny = QTextCharFormat()
        tiny.setFontPointSize(1)
        cursor.setBlockCharFormat(tiny)


def view_key(html: str, zoom: int) -> str:
    """What identifies a parsed view: its HTML at its zoom."""
    return hashlib.blake2b(f"{zoom}\n{html}".encode(), digest_size=16).hexdigest()


class _Documents:
    """The documents of the comparisons shown last, parsed and laid out, by `view_key`.

    Going back to one of them costs neither the parse nor the layout. The
    documents belong to a holder object, not to the view: QTextEdit deletes a
    replaced document that is its child.
    """

    SIZE = 4
    # A laid-out document takes some 35 bytes per character (measured: 10 MB for
    # two 20,000-word reports): long ones are kept fewer, the one shown always.
    CHARACTERS = 1_000_000

    def __init__(self, owner: QObject) -> None:
        self.holder = QObject(owner)
        self._parsed: OrderedDict[str, ParsedView] = OrderedDict()

    def keys(self) -> frozenset[str]:
        return frozenset(self._parsed)

    def get(self, key: str) -> ParsedView | None:
        parsed = self._parsed.get(key)
        if parsed is not None:
            self._parsed.move_to_end(key)
        return parsed

    def put(self, key: str, parsed: ParsedView) -> None:
        """Keep `parsed` (the document now shown) and drop the oldest beyond SIZE."""
        parsed.document.setParent(self.holder)
        self._parsed[key] = parsed
        self._parsed.move_to_end(key)
        while len(self._parsed) > self.SIZE or (
            len(self._parsed) > 1 and self._characters() > self.CHARACTERS
        ):
            _, old = self._parsed.popitem(last=False)
            old.document.deleteLater()

    def _characters(self) -> int:
        return sum(p.document.characterCount() for p in self._parsed.values())


class AlignedView(QTextBrowser):
    """Shows one comparison; emits `figure_clicked(K)` when a figure mark is clicked."""

    figure_clicked = Signal(int)
    rendered = Signal()
    # The reader's corrections of the rows (review.py): rows N… to link into one,
    # row N to unlink, a note on row N.
    link_requested = Signal(list)
    unlink_requested = Signal(int)
    row_note_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignedView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._comparison: Comparison | None = None
        self._spans: dict[str, tuple[int, int]] = {}
        self._zoom = 0
        self._html = ""
        self._marked_figure: int | None = None
        self._marked_row: int | None = None
        self._last_step: tuple[int, int] | None = None  # row reached, scroll value then
        self._documents = _Documents(self)
        self._empty: ParsedView | None = None
        self.setPlaceholderText(
            "Pick two reports above (Ctrl+1, Ctrl+2), or select two in the library and press "
            "Ctrl+Return."
        )
        self.link_action = QAction("Link the selected rows: they tell the same thing", self)
        self.link_action.setObjectName("link_rows")
        self.link_action.triggered.connect(self._on_link)
        self.unlink_action = QAction("Unlink this row: not the same thing", self)
        self.unlink_action.setObjectName("unlink_row")
        self.unlink_action.triggered.connect(self._on_unlink)
        self.row_note_action = QAction("Note on this row…", self)
        self.row_note_action.setObjectName("row_note")
        self.row_note_action.triggered.connect(self._on_row_note)

    # --- content -----------------------------------------------------------

    def show_comparison(
        self, comparison: Comparison | None, html: str, parsed: ParsedView | None = None
    ) -> None:
        """Replace the view's content, keeping the zoom.

        `parsed`, when given, is `html` already parsed at the current zoom by
        `build_document` on a worker thread: the GUI thread then only lays it out.
        A comparison shown lately (its HTML and zoom among `document_keys`) comes
        back laid out already.
        """
        # The same two reports again (boilerplate shown, details edited, zoom):
        # the reader keeps their place and their marked figure.
        place = self._place() if _same_reports(self._comparison, comparison) else None
        self._comparison = comparison
        self._html = html
        self._marked_figure = None
        self._marked_row = None
        self._last_step = None
        self._apply_html(parsed)
        if place is not None:
            self._restore_place(place)
        else:
            self.verticalScrollBar().setValue(0)
        self.rendered.emit()

    def _place(self) -> tuple[int | None, int, int | None]:
        """The row at the top, how far the view is scrolled past it, the marked figure."""
        row = self.current_row()
        offset = 0
        if row is not None:
            offset = self.verticalScrollBar().value() - self._anchor_y(f"row-{row}")
        return row, offset, self._marked_figure

    def _restore_place(self, place: tuple[int | None, int, int | None]) -> None:
        row, offset, marked = place
        if row is not None and f"row-{row}" in self._spans:
            self.verticalScrollBar().setValue(max(0, self._anchor_y(f"row-{row}") + offset))
        if marked is not None and self._figure_selections(marked):
            self.setExtraSelections(self._figure_selections(marked))
            self._marked_figure = marked

    def document_keys(self) -> frozenset[str]:
        """The `view_key`s of the documents kept laid out (a job need not parse those)."""
        return self._documents.keys()

    def _set_parsed(self, parsed: ParsedView) -> None:
        self.setExtraSelections([])
        self.setDocument(parsed.document)
        self._spans = parsed.spans

    def _apply_html(self, parsed: ParsedView | None = None) -> None:
        """Show the HTML at the zoom: the document kept for it, else `parsed`
        (when made on a worker for this zoom), else one parsed here."""
        if not self._html:  # an emptied view: one empty document, not a kept one
            if self._empty is None:
                self._empty = build_document("", 0)
                self._empty.document.setParent(self._documents.holder)
            self._set_parsed(self._empty)
            return
        key = view_key(self._html, self._zoom)
        kept = self._documents.get(key)
        if kept is None:
            if parsed is None or parsed.document.thread() is not self.thread():
                parsed = build_document(self._html, self._zoom)
            self._documents.put(key, parsed)
            kept = parsed
        self._set_parsed(kept)

    def comparison(self) -> Comparison | None:
        return self._comparison

    def has_anchor(self, name: str) -> bool:
        return name in self._spans

    # --- navigation --------------------------------------------------------

    def difference_rows(self) -> list[int]:
        """Indices N of aligned rows that differ and are shown in the view."""
        if self._comparison is None:
            return []
        return [
            n
            for n, group in enumerate(self._comparison.alignment)
            if is_difference(group) and f"row-{n}" in self._spans
        ]

    def next_difference(self, forward: bool = True) -> int | None:
        """Scroll to the next (or previous) differing row; returns its N.

        Steps from the row the last step went to while the view stays where
        that step left it (near the end the view cannot scroll a row to the
        top, yet each row must still be reached); else from the top of the view.
        """
        rows = self.difference_rows()
        top = self.verticalScrollBar().value() + _CONTEXT_PX
        last = self._last_step
        if last is not None and last[1] == self.verticalScrollBar().value():
            top = self._anchor_y(f"row-{last[0]}") if f"row-{last[0]}" in self._spans else top
        ys = [(n, self._anchor_y(f"row-{n}")) for n in rows]
        if forward:
            after = [(n, y) for n, y in ys if y > top + 1]
            target = after[0] if after else None
        else:
            before = [(n, y) for n, y in ys if y < top - 1]
            target = before[-1] if before else None
        if target is None:
            return None
        self.go_to_anchor(f"row-{target[0]}")
        self._last_step = (target[0], self.verticalScrollBar().value())
        return target[0]

    def difference_position(self, n: int) -> tuple[int, int]:
        """Where differing row N stands among the differing rows: (3, 19) for the 3rd of 19."""
        rows = self.difference_rows()
        return (rows.index(n) + 1 if n in rows else 0), len(rows)

    def mark_row(self, n: int) -> bool:
        """Mark aligned row N, the difference the reader stepped to, with a bar in
        the margin beside it (the text keeps its marks; a figure mark goes)."""
        if f"row-{n}" not in self._spans:
            return False
        self._marked_row = n
        self._marked_figure = None
        self.setExtraSelections([])
        self.viewport().update()
        return True

    def marked_row(self) -> int | None:
        return self._marked_row

    def _row_extent(self, n: int) -> tuple[int, int]:
        """The top and bottom of row N in document coordinates."""
        top = self._anchor_y(f"row-{n}")
        below = [
            y
            for name in self._spans
            if name.startswith("row-") and (y := self._anchor_y(name)) > top
        ]
        bottom = min(below) if below else int(self.document().size().height())
        return top, bottom

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._marked_row is None or f"row-{self._marked_row}" not in self._spans:
            return
        top, bottom = self._row_extent(self._marked_row)
        scroll = self.verticalScrollBar().value()
        painter = QPainter(self.viewport())
        painter.fillRect(
            QRect(0, top - scroll - _ROW_MARK_PAD, _ROW_MARK_WIDTH, bottom - top),
            self.palette().color(QPalette.ColorRole.Highlight),
        )
        painter.end()

    def current_row(self) -> int | None:
        """The aligned row at the top of the viewport."""
        if self._comparison is None:
            return None
        top = self.verticalScrollBar().value() + _CONTEXT_PX + 1
        current = None
        for n in range(len(self._comparison.alignment)):
            name = f"row-{n}"
            if name in self._spans and self._anchor_y(name) <= top:
                current = n
        return current

    def go_to_anchor(self, name: str) -> bool:
        """Scroll so the anchor sits near the top, and put the text cursor there."""
        span = self._spans.get(name)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        self.setTextCursor(cursor)
        y = self._anchor_y(name)
        self.verticalScrollBar().setValue(max(0, y - _CONTEXT_PX))
        return True

    def mark_figure(self, k: int) -> bool:
        """Highlight figure K on both sides and scroll to it."""
        names = [n for n in (f"fig-{k}-a", f"fig-{k}-b") if n in self._spans]
        if not names:
            return False
        self._marked_figure = k
        self._marked_row = None
        self.setExtraSelections(self._figure_selections(k))
        y = min(self._anchor_y(n) for n in names)
        self.verticalScrollBar().setValue(max(0, y - self.viewport().height() // 3))
        return True

    def _figure_selections(self, k: int) -> list[QTextEdit.ExtraSelection]:
        names = (f"fig-{k}-a", f"fig-{k}-b")
        return [self._selection(self._spans[n]) for n in names if n in self._spans]

    def marked_figure(self) -> int | None:
        return self._marked_figure

    def anchor_visible(self, name: str) -> bool:
        if name not in self._spans:
            return False
        y = self._anchor_y(name) - self.verticalScrollBar().value()
        return 0 <= y < self.viewport().height()

    def _anchor_y(self, name: str) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._spans[name][0])
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def _selection(self, span: tuple[int, int]) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[0] + max(1, span[1]), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd400"))
        fmt.setForeground(QColor("#000000"))
        fmt.setFontUnderline(True)
        selection.format = fmt
        return selection

    # --- zoom --------------------------------------------------------------

    def set_zoom(self, steps: int, *, render: bool = True) -> None:
        """Zoom by `steps` steps of 10 % from the renderer's sizes; keeps the place.

        With `render` False only the zoom is noted: the caller brings a document
        parsed at that zoom off the GUI thread (`show_comparison`).
        """
        if steps == self._zoom:
            return
        self._zoom = steps
        if self._html and render:
            place = self._place()
            self._apply_html()
            self._restore_place(place)

    def zoom(self) -> int:
        return self._zoom

    # --- copying --------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selection as the reports wrote it: no paragraph numbers ("A¶3"),
        no warning signs ("⚠"); the marks' colours stay in the rich text."""
        mime = QMimeData()
        cleaned = without_markers(self.textCursor().selection())
        mime.setHtml(cleaned.toHtml())
        mime.setText(
            "\n".join(line.strip() for line in cleaned.toPlainText().split("\n")).strip("\n")
        )
        return mime

    # --- the reader's corrections of the rows ----------------------------------

    def row_at(self, position: int) -> int | None:
        """The aligned row holding document position `position`: the row whose
        anchor is in the same table (each row is a table of its own on screen),
        else the last row starting before it."""
        if self._comparison is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        table = cursor.currentTable()
        row = None
        for n in range(len(self._comparison.alignment)):
            span = self._spans.get(f"row-{n}")
            if span is None:
                continue
            if table is not None and table.firstPosition() <= span[0] <= table.lastPosition():
                return n
            if span[0] <= position:
                row = n
        return row

    def selected_rows(self) -> list[int]:
        """The rows the selection touches, else the row of the text cursor."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            row = self.row_at(cursor.position())
            return [] if row is None else [row]
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        rows = []
        for n, (first, last) in self._row_tables().items():
            if first < end and last > start:
                rows.append(n)
        return rows

    def _row_tables(self) -> dict[int, tuple[int, int]]:
        """Each row's extent in the document: the table its anchor is in."""
        extents = {}
        cursor = QTextCursor(self.document())
        for n in range(len(self._comparison.alignment) if self._comparison else 0):
            span = self._spans.get(f"row-{n}")
            if span is None:
                continue
            cursor.setPosition(span[0])
            table = cursor.currentTable()
            if table is not None:
                extents[n] = (table.firstPosition(), table.lastPosition())
        return extents

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        at = self.cursorForPosition(event.pos()).position()
        cursor = self.textCursor()
        if not cursor.selectionStart() <= at <= cursor.selectionEnd():
            cursor.setPosition(at)  # a click outside the selection: the row clicked
            self.setTextCursor(cursor)
        self.update_row_actions()
        menu.addSeparator()
        for action in (self.link_action, self.unlink_action, self.row_note_action):
            menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def update_row_actions(self) -> None:
        """Enable what fits the rows selected: linking needs paragraphs of both
        reports over several rows; unlinking a row that links."""
        rows = self.selected_rows()
        groups = self._comparison.alignment if self._comparison is not None else ()
        chosen = [groups[n] for n in rows if n < len(groups)]
        self.link_action.setEnabled(
            len(chosen) > 1 and any(g.a for g in chosen) and any(g.b for g in chosen)
        )
        self.unlink_action.setEnabled(len(chosen) == 1 and chosen[0].linked)
        self.row_note_action.setEnabled(len(chosen) == 1)

    def _on_link(self) -> None:
        rows = self.selected_rows()
        if len(rows) > 1:
            self.link_requested.emit(rows)

    def _on_unlink(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.unlink_requested.emit(rows[0])

    def _on_row_note(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.row_note_requested.emit(rows[0])

    # --- links and tooltips -------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)  # a report's source, in the user's browser
            return
        fragment = url.fragment()
        if fragment.startswith("figure-") and fragment[7:].isdigit():
            self.figure_clicked.emit(int(fragment[7:]))
        elif fragment:
            self.go_to_anchor(fragment)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip for a point of the viewport: a figure's two values, or the HTML title."""
        href = self.anchorAt(pos)
        if href.startswith("#figure-") and self._comparison is not None:
            k = href[len("#figure-") :]
            if k.isdigit() and int(k) < len(self._comparison.figures):
                return figure_tooltip(self._comparison.figures[int(k)])
        return self.cursorForPosition(pos).charFormat().toolTip()


# The view's markers: a paragraph's number ("A¶3", before its text), the
# warning sign after a differing figure and the review's signs. No report writes them.
_MARKER = re.compile(r"(?<!\S)[AB]¶\d+ ?|[⚠✓✗✎]")


def without_markers(fragment: QTextDocumentFragment) -> QTextDocument:
    """A copy of `fragment` without the view's markers (the colours stay)."""
    document = QTextDocument()
    QTextCursor(document).insertFragment(fragment)
    spans: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        spans += [
            (block.position() + m.start(), block.position() + m.end())
            for m in _MARKER.finditer(block.text())
        ]
        block = block.next()
    cursor = QTextCursor(document)
    for start, end in reversed(spans):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    return document


_ROW_MARK_WIDTH = 5  # px: the bar beside the difference stepped to
_ROW_MARK_PAD = 4  # px: the row's cell starts a little above its first line

MAX_COUNTED_MATCHES = 1000  # Find counts this many matches at most ("1,000+")


class FindBar(QWidget):
    """Find in comparison: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in comparison")
        self.edit.setClearButtonEnabled(True)
        # Enter and Shift+Enter are read off the field's own key events: its
        # returnPressed fires for both, and the key would then reach the bar too.
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_text_edited)
        self.status = QLabel(self)
        buttons = [
            self._button("↑", "Previous match (Shift+F3)", self.find_previous),
            self._button("↓", "Next match (F3)", self.find_next),
            self._button("✕", "Close (Esc)", self.close_bar),
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        for button in buttons:
            layout.addWidget(button)
        layout.addWidget(self.status)
        self.hide()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _on_text_edited(self, _text: str) -> None:
        # Search again from the start of the current match as the user types.
        cursor = self._view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._view.setTextCursor(cursor)
        self._find(backward=False)

    def _find(self, *, backward: bool) -> bool:
        text = self.edit.text()
        if not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        start, scrolled = self._view.textCursor(), self._view.verticalScrollBar().value()
        found = self._view.find(text, flags)
        if not found:  # wrap around once
            cursor = self._view.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self._view.setTextCursor(cursor)
            found = self._view.find(text, flags)
        if not found:  # the reader stays where they were
            self._view.setTextCursor(start)
            self._view.verticalScrollBar().setValue(scrolled)
        self.status.setText(self._count_text(text) if found else "Not found")
        return bool(found)

    def _count_text(self, text: str) -> str:
        """ "3 of 12": the current match among all of them (counted up to a limit)."""
        current = self._view.textCursor().selectionStart()
        document = self._view.document()
        cursor = QTextCursor(document)
        count, index = 0, 0
        while count < MAX_COUNTED_MATCHES:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                break
            count += 1
            if cursor.selectionStart() == current:
                index = count
        if count >= MAX_COUNTED_MATCHES:
            return f"{index} of {MAX_COUNTED_MATCHES:,}+" if index else f"{MAX_COUNTED_MATCHES:,}+"
        return f"{index} of {count}" if index else f"{count} matches"
