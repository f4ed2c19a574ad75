"""Compare ▸ Event matrix: every report of one event, fact by fact.

A table of the matrix engine/event.py builds (on a worker: it runs a comparison
per pair of reports): a row per fact, a column per report, a cell per value as
written, with the value read and the report named in its tooltip. Disagreeing
cells are tinted. A double-click on a cell opens, in the main window, that
report against the one it disagrees with (else the next one giving the fact),
scrolled to the figure. The matrix is exported as HTML, PDF, CSV or JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reportdiff.engine.event import EventMatrix, FactRow
from reportdiff.export import slug
from reportdiff.export.values import display_value

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_STATUS_TEXT = {"disagree": "⚠ disagree", "rises": "↗ changes over time", "agree": "agree"}
_STATUS_RANK = {"disagree": 0, "rises": 1, "agree": 2}
_TINT = {"disagree": QColor(255, 170, 170, 110), "rises": QColor(255, 210, 120, 110)}
FIXED_COLUMNS = 2  # fact, status; the reports follow
_REPORT_WIDTH = 180  # px at most for a report's column


class EventModel(QAbstractTableModel):
    """The matrix as a table: Fact, Status, then one column per report."""

    def __init__(self, matrix: EventMatrix, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = matrix

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.matrix.reports)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < FIXED_COLUMNS:
            return ("Fact", "Status")[section] if role == Qt.ItemDataRole.DisplayRole else None
        report = self.matrix.reports[section - FIXED_COLUMNS]
        day = (report.published or "")[:10]
        if role == Qt.ItemDataRole.DisplayRole:
            name = report.outlet or _cut(report.title, 28)
            return f"{name}\n{day}" if day else name
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (report.title, report.outlet, day, report.url) if x)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.matrix.rows[index.row()]
        column = index.column()
        if column == 0:
            return row.what if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return _STATUS_TEXT[row.status]
            if role == SORT_ROLE:
                # one number (Qt compares no tuples): status, then more reports, then order
                return _STATUS_RANK[row.status] * 10**9 - row.reports() * 10**6 + index.row()
            return None
        k = column - FIXED_COLUMNS
        cell = row.cells[k]
        if not cell:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return cell[0].text
        if role == Qt.ItemDataRole.ToolTipRole:
            report = self.matrix.reports[k]
            more = f"\nalso: {', '.join(f.text for f in cell[1:])}" if len(cell) > 1 else ""
            return f"{display_value(cell[0])}\n{report.title}{more}"
        if role == Qt.ItemDataRole.BackgroundRole and k in _odd_columns(row):
            return _TINT.get(row.status)
        return None


def _odd_columns(row: FactRow) -> set[int]:
    return {k for pair in row.conflicts for k in pair}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


class EventMatrixDialog(QDialog):
    """The matrix of one event; `pair_requested(a, b, figure text of a)` opens a pair."""

    pair_requested = Signal(int, int, str)

    def __init__(
        self, name: str, matrix: EventMatrix, ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Event matrix — {name}")
        self.name = name
        self.matrix = matrix
        self.ids = ids  # the library id of each report column
        self.model = EventModel(matrix, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # disagreements first
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        for column in range(FIXED_COLUMNS, self.model.columnCount()):
            # a report's column is as wide as its values, not its title (in the tooltip)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), _REPORT_WIDTH))
        self.table.doubleClicked.connect(self._on_double_clicked)
        summary = QLabel(matrix.summary() + " · double-click a value to open its pair", self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        formats = (("Export HTML…", "html"), ("PDF…", "pdf"), ("CSV…", "csv"), ("JSON…", "json"))
        for text, fmt in formats:
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, f=fmt: self.export(self._ask_target(f), f))
            buttons.addWidget(button)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(min(1200, 320 + 170 * len(matrix.reports)), 520)

    def pair_for(self, row: int, column: int) -> tuple[int, int, str] | None:
        """The pair a cell opens: its report against the one that disagrees with it,
        else against the next report that gives the fact."""
        k = column - FIXED_COLUMNS
        fact = self.matrix.rows[row]
        if k < 0 or not fact.cells[k]:
            return None
        rivals = [j for pair in fact.conflicts if k in pair for j in pair if j != k]
        given = [j for j, cell in enumerate(fact.cells) if cell and j != k]
        other = rivals[0] if rivals else (given[0] if given else None)
        if other is None:
            return None
        return self.ids[k], self.ids[other], fact.cells[k][0].text

    def _on_double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        pair = self.pair_for(source.row(), source.column())
        if pair is not None:
            self.pair_requested.emit(*pair)

    def _ask_target(self, fmt: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export event matrix", f"{slug(self.name) or 'event'}-matrix.{fmt}"
        )
        return Path(path) if path else None

    def export(self, target: Path | None, fmt: str) -> bool:
        """Write the matrix to `target` (atomically); False when nothing was written."""
        if target is None:
            return False
        from reportdiff.export.atomic import write_atomic
        from reportdiff.export.event import event_pdf, export_event

        if fmt == "pdf":
            data = event_pdf(self.matrix, self.name)
        else:
            data = export_event(self.matrix, fmt, self.name).encode("utf-8")
        try:
            write_atomic(target, data)
        except OSError as exc:
            from reportdiff.ui.dialogs import show_error

            show_error(self, f"The matrix could not be saved: {exc}", "Choose another folder.")
            return False
        return True
