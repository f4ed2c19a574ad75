"""The two report pickers (A and B) and the swap button.

Each picker lists the reports of the current event first; typing searches the
whole library (full text) after a short pause. `pair_changed(a, b)` fires
when the user picks or swaps; setting a pair from code fires it too, so the
window has one path from "a pair was chosen" to "compare it".
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reportdiff.ui.workers import Throttle

ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_LIMIT = 500  # a picker's list; the rest of the library is reached by typing
SEARCH_LIMIT = 50


class PickerSource(Protocol):
    """The part of the store the pickers read."""

    def list_articles(self, *, event_id: int | None = None, limit: int | None = None) -> Any: ...

    def search(self, query: str, *, limit: int = 50) -> Any: ...

    def article(self, article_id: int) -> Any: ...


def report_label(summary: Any) -> str:
    """'Title — Outlet, 2025-03-18' as the pickers and dialogs show a report."""
    details = ", ".join(d for d in (summary.outlet, (summary.published or "")[:10]) if d)
    title = summary.title or "(untitled)"
    return f"{title} — {details}" if details else title


class ReportPicker(QComboBox):
    """An editable combo box of reports; the current report's id is `current_id()`."""

    picked = Signal()

    def __init__(self, source: PickerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._event_id: int | None = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(12)  # room for the panels on a small screen
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.line_edit().setPlaceholderText("Type to search the library")
        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated[QModelIndex].connect(self._on_completion)  # type: ignore[index]
        self.setCompleter(completer)
        self._search = Throttle(self._refresh_matches, 150, self)
        self.line_edit().textEdited.connect(lambda _t: self._search.request())
        self.activated.connect(lambda _i: self.picked.emit())

    def line_edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # the combo box is editable
        return edit

    def set_event(self, event_id: int | None) -> None:
        """List the reports of `event_id` (None: the first reports of the library)."""
        self._event_id = event_id
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        for summary in self._source.list_articles(event_id=event_id, limit=EVENT_LIMIT):
            self.addItem(report_label(summary), summary.id)
        # A combo box filled from empty shows its first item: a report the user
        # never chose. Keep the current one, or none (it was deleted).
        if current is None or not self.set_current_id(current):
            self.blockSignals(True)
            self.setCurrentIndex(-1)
        self.blockSignals(False)

    def current_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def set_current_id(self, report_id: int) -> bool:
        """Show `report_id` (adding it when it is not of the current event)."""
        index = self.findData(report_id)
        if index < 0:
            try:
                article = self._source.article(report_id)
            except KeyError:
                return False
            self.insertItem(0, report_label(article), report_id)
            index = 0
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        self.line_edit().setCursorPosition(0)  # a long title shows its beginning
        return True

    def _refresh_matches(self) -> None:
        text = self.line_edit().text().strip()
        self._matches.clear()
        if not text:
            return
        seen: set[int] = set()
        for i in range(self.count()):  # the event's reports first
            if text.casefold() in self.itemText(i).casefold():
                self._add_match(self.itemText(i), int(self.itemData(i)), seen)
        for summary in self._source.search(text, limit=SEARCH_LIMIT):
            self._add_match(report_label(summary), summary.id, seen)
        completer = self.completer()
        if completer is not None:
            completer.complete()

    def _add_match(self, label: str, report_id: int, seen: set[int]) -> None:
        if report_id in seen:
            return
        seen.add(report_id)
        item = QStandardItem(label)
        item.setData(report_id, ID_ROLE)
        item.setEditable(False)
        self._matches.appendRow(item)

    def _on_completion(self, index: QModelIndex) -> None:
        report_id = index.data(ID_ROLE)
        if report_id is not None and self.set_current_id(int(report_id)):
            # The completer writes its text after this slot: show the title's start then.
            QTimer.singleShot(0, self, lambda: self.line_edit().setCursorPosition(0))
            self.picked.emit()


class PickersBar(QWidget):
    """Report A, a swap button, report B."""

    pair_changed = Signal(int, int)

    def __init__(self, source: PickerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker_a = ReportPicker(source, self)
        self.picker_b = ReportPicker(source, self)
        self.picker_a.setAccessibleName("Report A")
        self.picker_b.setAccessibleName("Report B")
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip("Swap A and B (Ctrl+Shift+X)")
        self.swap_button.setAccessibleName("Swap A and B")
        self.swap_button.clicked.connect(self.swap)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for text, widget in (("&A:", self.picker_a), ("&B:", self.picker_b)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            label.setObjectName(f"label{text[1]}")
            layout.addWidget(label)
            layout.addWidget(widget, 1)
            if widget is self.picker_a:
                layout.addWidget(self.swap_button)
        self.picker_a.picked.connect(self._emit_pair)
        self.picker_b.picked.connect(self._emit_pair)

    def set_event(self, event_id: int | None) -> None:
        self.picker_a.set_event(event_id)
        self.picker_b.set_event(event_id)

    def pair(self) -> tuple[int, int] | None:
        a, b = self.picker_a.current_id(), self.picker_b.current_id()
        return (a, b) if a is not None and b is not None else None

    def set_pair(self, a: int, b: int) -> None:
        """Show the pair and announce it (the window compares it)."""
        if self.picker_a.set_current_id(a) and self.picker_b.set_current_id(b):
            self._emit_pair()

    def show_pair(self, a: int, b: int) -> None:
        """Show the pair without announcing it (what the view shows, after a stop)."""
        self.picker_a.set_current_id(a)
        self.picker_b.set_current_id(b)

    def swap(self) -> None:
        pair = self.pair()
        if pair is not None:
            self.set_pair(pair[1], pair[0])

    def _emit_pair(self) -> None:
        pair = self.pair()
        if pair is not None:
            self.pair_changed.emit(*pair)
