"""The library as a lazy table: title / outlet / date / words.

Rows are read from the store a page at a time through `canFetchMore` /
`fetchMore`, so a library of 100,000 reports opens at once and scrolls
smoothly: only the pages the view has reached are ever loaded.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from reportdiff.ui.table_model import ColumnsTableModel

PAGE = 256

COLUMNS = ("Title", "Outlet", "Date", "Words")

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class Summary(Protocol):
    """What the model shows of a report (the store's `ArticleSummary`)."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    words: int


class ArticleSource(Protocol):
    """The part of the store the model reads."""

    def list_articles(
        self,
        *,
        event_id: int | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Any]: ...

    def count_articles(self, *, event_id: int | None = None, search: str | None = None) -> int: ...


class LibraryModel(ColumnsTableModel):
    """Reports of one event (or all), optionally filtered by a full-text search."""

    COLUMNS = COLUMNS

    def __init__(self, source: ArticleSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[Summary] = []
        self._total = 0
        self._event_id: int | None = None
        self._search: str | None = None
        self.reload()

    # --- filters -----------------------------------------------------------

    def set_filter(self, *, event_id: int | None, search: str | None) -> None:
        search = (search or "").strip() or None
        if (event_id, search) == (self._event_id, self._search):
            return
        self._event_id, self._search = event_id, search
        self.reload()

    def reload(self) -> None:
        """Forget loaded rows and read the first page again (after any change)."""
        self.beginResetModel()
        self._total = self._source.count_articles(event_id=self._event_id, search=self._search)
        self._rows = list(self._page(0))
        self.endResetModel()

    def total(self) -> int:
        """How many reports match, loaded or not."""
        return self._total

    def report_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, report_id: int) -> int | None:
        """The row of a loaded report (None if not loaded or not matching)."""
        for row, summary in enumerate(self._rows):
            if summary.id == report_id:
                return row
        return None

    def empty_columns(self) -> set[int]:
        """The detail columns (outlet, date) no loaded report fills."""
        return {
            column for column in (1, 2) if not any(_cell(summary, column) for summary in self._rows)
        }

    def summary(self, row: int) -> Summary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- lazy loading ------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._page(len(self._rows))
        if not page:
            self._total = len(self._rows)  # the library shrank under us
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _page(self, offset: int) -> list[Summary]:
        return list(
            self._source.list_articles(
                event_id=self._event_id, search=self._search, limit=PAGE, offset=offset
            )
        )

    # --- Qt model ----------------------------------------------------------

    def _rows_held(self) -> Sized:
        return self._rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(summary, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # The title's tooltip tells outlet and date too: a narrow pane hides them.
            if index.column() == 0:
                details = ", ".join(d for d in (_cell(summary, 1), _cell(summary, 2)) if d)
                return f"{_cell(summary, 0)}\n{details}" if details else _cell(summary, 0)
            return _cell(summary, index.column())
        if role == ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cell(summary: Summary, column: int) -> str | None:
    if column == 0:
        return summary.title or "(untitled)"
    if column == 1:
        return summary.outlet or ""
    if column == 2:
        return (summary.published or "")[:10]
    if column == 3:
        return f"{summary.words:,}"
    return None
