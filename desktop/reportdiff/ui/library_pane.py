"""The library pane: search box, events, and the reports of the chosen event.

The pane reads the store through the GUI thread's own `Library` (reads are a
page of rows at a time, a few milliseconds); anything that writes or takes
long is asked of the window through signals.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reportdiff.ui.library_model import ID_ROLE, LibraryModel
from reportdiff.ui.workers import Throttle

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_REPORTS = -1  # the "All reports" row of the events list


class LibrarySource(Protocol):
    def events(self) -> Any: ...

    def count_articles(self, *, event_id: int | None = None, search: str | None = None) -> int: ...

    def list_articles(
        self,
        *,
        event_id: int | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Any: ...


_TITLE_MIN_CHARS = 18  # a title narrower than this is no longer recognisable


class LibraryPane(QWidget):
    """Events and reports; emits what the user asks for."""

    event_changed = Signal(object)  # event id or None for all reports
    compare_requested = Signal(int, int)
    report_activated = Signal(int)

    def sizeHint(self) -> QSize:
        # The dock's first width (before the user or saved settings change it).
        return QSize(30 * self.fontMetrics().horizontalAdvance("M"), 600)

    def __init__(self, source: LibrarySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText("Search the library (Ctrl+L)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the library")
        self._search = Throttle(self._apply_filter, 200, self)
        self.search_edit.textChanged.connect(lambda _t: self._search.request())
        self.search_edit.returnPressed.connect(self._apply_filter)
        self.events_list = QListWidget(self)
        self.events_list.setObjectName("eventsList")
        self.events_list.setAccessibleName("Events")
        self.events_list.currentItemChanged.connect(lambda *_: self._apply_filter())
        # Whether the reader chose the event shown (imports go there), or the app did,
        # opening its first pair: new reports then go into no event, not the sample's.
        self.event_chosen = True
        self.events_list.itemClicked.connect(lambda *_: self._mark_chosen())
        self.events_list.currentItemChanged.connect(
            lambda *_: self._mark_chosen() if self.events_list.hasFocus() else None
        )
        self.model = LibraryModel(source, self)
        self.table = self._make_table()
        self._hide_empty_columns()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.events_list)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([120, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(splitter, 1)
        self.reload_events()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("libraryTable")
        table.setAccessibleName("Reports")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights let the view skip measuring rows: smooth with 100,000 reports.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Details take only what their usual contents need, so the title has room.
        metrics = table.fontMetrics()
        widths = (
            (1, metrics.horizontalAdvance("The Outlet") + 12),
            (2, metrics.horizontalAdvance("2025-03-18") + 12),
            (3, metrics.horizontalAdvance("10,000") + 16),
        )
        for column, width in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        self._column_widths = dict(widths)  # a hidden column's width reads as 0
        header.sectionResized.connect(self._remember_width)
        table.activated.connect(self._on_activated)
        # Outlet and date columns nobody filled in take no room from the titles.
        self.model.modelReset.connect(self._hide_empty_columns)
        self.model.rowsInserted.connect(self._hide_empty_columns)
        return table

    def _hide_empty_columns(self) -> None:
        """Outlet, date and words when the titles keep room, in that order.

        The outlet tells reports of one event apart, so a narrow pane gives up
        the words first, then the date, then the outlet (a title's tooltip shows
        them all); columns nobody filled in are never shown; widening the pane
        brings them back.
        """
        empty = self.model.empty_columns()
        widths = self._column_widths
        room = self.table.viewport().width()
        room -= self.table.fontMetrics().horizontalAdvance("x") * _TITLE_MIN_CHARS
        for column in (1, 2, 3):
            shown = column not in empty and room >= widths[column]
            if shown:
                room -= widths[column]
            if self.table.isColumnHidden(column) == shown:
                self.table.setColumnHidden(column, not shown)
                if shown:
                    self.table.setColumnWidth(column, widths[column])

    def _remember_width(self, column: int, _old: int, new: int) -> None:
        if column in self._column_widths and new > 0:  # a user's width, not a hiding
            self._column_widths[column] = new

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._hide_empty_columns()

    def add_actions(self, actions: list[QAction]) -> None:
        """Actions offered in the reports' context menu."""
        self.table.addActions(actions)

    # --- events ------------------------------------------------------------

    def reload_events(self) -> None:
        """Read the events again, keeping the chosen one."""
        current = self.current_event_id()
        self.events_list.blockSignals(True)
        self.events_list.clear()
        total = self._source.count_articles()
        self._add_event_item(f"All reports ({total:,})", ALL_REPORTS)
        for event in self._source.events():
            self._add_event_item(f"{event.name} ({event.count:,})", event.id)
        self.events_list.blockSignals(False)
        self.select_event(current, chosen=self.event_chosen)

    def _add_event_item(self, text: str, event_id: int) -> None:
        item = QListWidgetItem(text, self.events_list)
        item.setData(EVENT_ROLE, event_id)

    def current_event_id(self) -> int | None:
        item = self.events_list.currentItem()
        value = item.data(EVENT_ROLE) if item is not None else ALL_REPORTS
        return None if value in (None, ALL_REPORTS) else int(value)

    def _mark_chosen(self) -> None:
        self.event_chosen = True

    def select_event(self, event_id: int | None, *, chosen: bool = True) -> None:
        """Show `event_id`'s reports; `chosen` False when the app, not the reader, picks it."""
        self.event_chosen = chosen
        wanted = ALL_REPORTS if event_id is None else event_id
        for row in range(self.events_list.count()):
            if self.events_list.item(row).data(EVENT_ROLE) == wanted:
                self.events_list.setCurrentRow(row)
                return
        self.events_list.setCurrentRow(0)

    # --- reports -----------------------------------------------------------

    def reload(self) -> None:
        """After any change to the library: events, counts and rows again."""
        selected = self.selected_ids()
        self.reload_events()
        self.model.reload()
        self.select_ids(selected)

    def _apply_filter(self) -> None:
        event_id = self.current_event_id()
        self.model.set_filter(event_id=event_id, search=self.search_edit.text())
        self.event_changed.emit(event_id)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        ids = [self.model.report_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for report_id in ids:
            row = self.model.row_of(report_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def request_compare(self) -> bool:
        """Compare the two selected reports; False when not exactly two are selected."""
        ids = self.selected_ids()
        if len(ids) != 2:
            return False
        self.compare_requested.emit(ids[0], ids[1])
        return True

    def _on_activated(self, index: Any) -> None:
        if not self.request_compare():
            report_id = index.data(ID_ROLE)
            if report_id is not None:
                self.report_activated.emit(int(report_id))
