"""The figures panel: every figure the two reports state — what / A / B / status.

Sortable; differing figures come first by default. Activating a row (click,
Enter) emits `figure_activated(K)` with K the figure's index in
`comparison.figures`, which the window uses to scroll the aligned view.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reportdiff.engine.model import Comparison, Figure, FigurePair
from reportdiff.export.html import figure_tooltip
from reportdiff.review import Review, hand_words
from reportdiff.ui.table_model import ColumnsTableModel

COLUMNS = ("What", "A", "B", "Status")
STATUS_TEXT = {"differs": "differs", "same": "same", "only_a": "only in A", "only_b": "only in B"}
# Sort order of the status column: differing first, then as the view's figure table.
STATUS_RANK = {"differs": 0, "same": 1, "only_a": 2, "only_b": 3}
_REVIEW_MARKS = {"confirmed": "· ✓ confirmed", "dismissed": "· ✗ dismissed", None: "·"}
# What the figures table's menu offers on a pair (see FiguresPanel.review_requested).
REVIEW_ACTIONS = (
    ("confirm", "Confirm: the reports disagree"),
    ("dismiss", "Dismiss: not the same fact"),
    ("note", "Note…"),
    ("clear", "Clear the review"),
    ("unpair", "Unpair: two facts, not one"),
)

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # index in comparison.figures
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _lines(metrics: QFontMetrics, text: str, width: int) -> int:
    """How many lines `text` wraps to at `width`, word by word."""
    space = metrics.horizontalAdvance(" ")
    lines, used = 1, 0
    for word in text.split():
        advance = metrics.horizontalAdvance(word)
        if used and used + space + advance > width:
            lines, used = lines + 1, advance
        else:
            used += (space if used else 0) + advance
    return lines


def figure_text(figure: Figure | None) -> str:
    return figure.text if figure is not None else "—"


class FiguresModel(ColumnsTableModel):
    """The figure pairs of one comparison."""

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pairs: tuple[FigurePair, ...] = ()
        self.reviews: dict[int, Review] = {}  # by figure index: the reader's decisions

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._pairs = comparison.figures if comparison is not None else ()
        self.reviews = {}
        self.endResetModel()

    def set_reviews(self, reviews: dict[int, Review]) -> None:
        self.reviews = dict(reviews)
        if self._pairs:
            last = self.index(len(self._pairs) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)  # the panel refilters its proxy

    def pair(self, k: int) -> FigurePair | None:
        return self._pairs[k] if 0 <= k < len(self._pairs) else None

    def _rows_held(self) -> Sized:
        return self._pairs

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair, column = self._pairs[index.row()], index.column()
        review = self.reviews.get(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            shown = _display(pair, column)
            if column == 3 and pair.by_hand:
                shown = f"{shown} · {hand_words(pair)}"
            if column == 3 and review is not None:
                return f"{shown} {_REVIEW_MARKS[review.decision]}{' ✎' if review.note else ''}"
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = figure_tooltip(pair)
            if review is not None:
                said = f"Reviewed: {review.decision}" if review.decision else "Reviewed"
                tip += f"\n{said}" + (f"\nNote: {review.note}" if review.note else "")
            return tip
        if role == FIGURE_ROLE:
            return index.row()
        if role == SORT_ROLE:
            return _sort_key(pair, index.row(), column)
        if role == Qt.ItemDataRole.FontRole and pair.status == "differs":
            font = QFont()
            font.setBold(True)
            # a flag the reader dismissed ("not the same fact") is struck out
            font.setStrikeOut(review is not None and review.decision == "dismissed")
            return font
        return None

    def flag_rows(self) -> list[int]:
        """The figure indices of the differing pairs: the flags to review."""
        return [k for k, pair in enumerate(self._pairs) if pair.status == "differs"]


def _display(pair: FigurePair, column: int) -> str | None:
    if column == 0:
        return pair.what
    if column == 1:
        return figure_text(pair.a)
    if column == 2:
        return figure_text(pair.b)
    if column == 3:
        return STATUS_TEXT.get(pair.status, pair.status)
    return None


def _sort_key(pair: FigurePair, row: int, column: int) -> str:
    # Strings keep the proxy's comparison simple; ties keep the engine's order.
    # The separator sorts below every printable character: "day" before "day of".
    rank = STATUS_RANK.get(pair.status, 9)
    if column == 3:
        return f"{rank}\x01{row:06d}"
    if column in (1, 2):
        # Values by kind, then by size (23 before 175 before 2014), missing last.
        figure = pair.a if column == 1 else pair.b
        if figure is None:
            return f"\x7f\x01{rank}\x01{row:06d}"
        value = figure.value if figure.value is not None else 0.0
        number = f"{value + 1e15:032.6f}" if -1e15 < value < 1e15 else f"{value:+e}"
        return f"{figure.dimension}\x01{number}\x01{rank}\x01{row:06d}"
    return f"{(_display(pair, column) or '').casefold()}\x01{rank}\x01{row:06d}"


_VALUE_MIN_WIDTH = 56  # a value column never narrower: "30-day" still fits
_ROW_PADDING = 6  # pixels above and below a cell's text
_MAX_LINES = 4


class _FiguresProxy(QSortFilterProxyModel):
    """Sorting, and the "unreviewed flags only" filter."""

    unreviewed_only = False

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        if not self.unreviewed_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, FiguresModel)
        pair = model.pair(row)
        return pair is not None and pair.status == "differs" and row not in model.reviews


class FiguresPanel(QWidget):
    """A sortable table of figure pairs; emits `figure_activated(K)`, and
    `review_requested(K, action)` from its menu (REVIEW_ACTIONS)."""

    figure_activated = Signal(int)
    review_requested = Signal(int, str)
    pair_requested = Signal(int, int)  # two figures the reader pairs by hand

    def sizeHint(self) -> QSize:
        # The dock's first width (before the user or saved settings change it):
        # the fixed columns whole and a "What" column as wide as a value.
        fixed = 3 * self._value_width + self.table.columnWidth(3)
        return QSize(fixed + self.table.verticalScrollBar().sizeHint().width() + 8, 600)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FiguresModel(self)
        self.proxy = _FiguresProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setObjectName("figuresTable")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two rows selected (Ctrl+click) can be paired by hand.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Rows as tall as their wrapped text, estimated from text widths (Qt's
        # ResizeToContents lays out every cell: a third of a pair switch).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.proxy.layoutChanged.connect(lambda *_: self._fit_rows())  # sorted: heights follow
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # "What" takes what the values and the status leave: those are short and
        # must show whole ("more than 90 minutes", "differs").
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        metrics = self.table.fontMetrics()
        value_width = metrics.horizontalAdvance("more than 90 min") + 12
        status_width = max(
            metrics.horizontalAdvance(text) for text in ("differs", "only in A", "Status")
        )
        for column, width in ((1, value_width), (2, value_width), (3, status_width + 24)):
            self.table.setColumnWidth(column, width)
        self._value_width = value_width
        self.table.activated.connect(self._on_activated)
        self.table.clicked.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name, text in REVIEW_ACTIONS:
            action = QAction(text, self.table)
            action.setObjectName(f"review_{name}")
            action.triggered.connect(lambda _c=False, n=name: self._on_review(n))
            self.table.addAction(action)
        self.pair_action = QAction("Pair the two selected figures: one fact", self.table)
        self.pair_action.setObjectName("review_pair")
        self.pair_action.triggered.connect(self._on_pair)
        self.pair_action.setEnabled(False)  # until two rows are selected
        self.table.addAction(self.pair_action)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.pair_action.setEnabled(len(self.selected_figures()) == 2)
        )
        self.review_label = QLabel(self)
        # The count gives way in a narrow panel (its tooltip keeps the details).
        self.review_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.unreviewed = QCheckBox("Unreviewed only", self)
        self.unreviewed.setToolTip("Show only the differing figures nobody has reviewed yet")
        self.unreviewed.toggled.connect(self.show_unreviewed_only)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.review_label, 1)
        bar.addWidget(self.unreviewed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.outdated: list[Review] = []
        self._show_review_count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow panel the values give up width (and wrap) before the
        status does: "differs" must stay in sight without scrolling sideways."""
        super().resizeEvent(event)
        what_min = self.table.fontMetrics().horizontalAdvance("phone call")
        # From the panel's own width: the table's viewport is resized only when shown.
        inner = event.size().width() - 2 * self.table.frameWidth()
        inner -= self.table.verticalScrollBar().sizeHint().width()
        room = inner - self.table.columnWidth(3) - what_min
        width = max(_VALUE_MIN_WIDTH, min(self._value_width, room // 2))
        for column in (1, 2):
            if self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)

    def set_comparison(self, comparison: Comparison | None) -> None:
        # Fixed column widths (set once): measuring every cell on each pair switch costs
        # more than the switch may take; tooltips show whatever a cell cuts off.
        self.model.set_comparison(comparison)  # a model reset: the filter runs again
        self.outdated = []
        self._fit_rows()
        self._show_review_count()

    def set_reviews(self, reviews: dict[int, Review], outdated: list[Review]) -> None:
        """The reader's decisions on this pair, and those that no longer fit it."""
        self.model.set_reviews(reviews)
        self.outdated = list(outdated)
        self.proxy.invalidate()
        self._fit_rows()
        self._show_review_count()

    def review_count(self) -> tuple[int, int]:
        """(reviewed, all) of the flags: the differing pairs."""
        flags = self.model.flag_rows()
        return sum(1 for k in flags if k in self.model.reviews), len(flags)

    def _show_review_count(self) -> None:
        done, total = self.review_count()
        text = f"{done} of {total} flags reviewed" if total else "No flags to review"
        if self.outdated:
            text += f" · {len(self.outdated)} outdated"  # the tooltip says why and which
            self.review_label.setToolTip(
                "Outdated: the text of a report changed under these decisions, whose "
                "figures or paragraphs are no longer in it:\n"
                + "\n".join(
                    f"{r.label} ({r.decision or 'note'})" + (f": {r.note}" if r.note else "")
                    for r in self.outdated
                )
            )
        else:
            self.review_label.setToolTip("")
        self.review_label.setText(text)

    def show_unreviewed_only(self, on: bool) -> None:
        self.proxy.unreviewed_only = on
        self.proxy.invalidate()
        self._fit_rows()

    def _on_review(self, name: str) -> None:
        index = self.table.currentIndex()
        k = index.data(FIGURE_ROLE) if index.isValid() else None
        if k is not None:
            self.review_requested.emit(int(k), name)

    def selected_figures(self) -> list[int]:
        """The figure indices K of the selected rows, in view order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [k for k in (self.figure_at_row(r) for r in rows) if k is not None]

    def _on_pair(self) -> None:
        chosen = self.selected_figures()
        if len(chosen) == 2:
            self.pair_requested.emit(*chosen)

    def _fit_rows(self) -> None:
        """Give each row the lines its widest-wrapping cell needs."""
        plain, bold = self.table.fontMetrics(), None
        line = plain.lineSpacing()
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        widths = [max(1, self.table.columnWidth(c) - margin) for c in range(len(COLUMNS))]
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            metrics = plain
            if index.data(Qt.ItemDataRole.FontRole) is not None:  # differing rows are bold
                if bold is None:
                    font = QFont(self.table.font())
                    font.setBold(True)
                    bold = QFontMetrics(font)
                metrics = bold
            lines = 1
            for column, width in enumerate(widths):
                text = self.proxy.index(row, column).data() or ""
                lines = max(lines, _lines(metrics, text, width))
            self.table.setRowHeight(row, min(lines, _MAX_LINES) * line + _ROW_PADDING)

    def figure_at_row(self, row: int) -> int | None:
        """The figure index K shown on visual row `row`."""
        index = self.proxy.index(row, 0)
        return index.data(FIGURE_ROLE) if index.isValid() else None

    def select_figure(self, k: int) -> None:
        source = self.model.index(k, 0)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _on_activated(self, index: QModelIndex) -> None:
        k = index.data(FIGURE_ROLE)
        if k is not None:
            self.figure_activated.emit(int(k))
