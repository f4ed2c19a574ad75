"""Dialogs: paste an article, give a web address, edit a report's details, show an error.

The dialogs only collect and check what the user typed; the window hands the
values to the store.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reportdiff.store.address import address_problem, lone_address

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$")


def check_details(published: str, url: str) -> str | None:
    """What is wrong with a date or url the user typed, or None."""
    if published and not _DATE.match(published):
        return "The date should look like 2025-03-18."
    if url and not url.lower().startswith(("http://", "https://")):
        return "The address should start with http:// or https://."
    return None


def theme_for(palette: QPalette) -> str:
    """'dark' when the window colour is dark, so what we draw matches the desktop."""
    return "dark" if palette.color(QPalette.ColorRole.Window).lightness() < 128 else "light"


def _problem_label(dialog: QDialog) -> QLabel:
    """Where a dialog says what is wrong with its input."""
    label = QLabel(dialog)
    label.setWordWrap(True)
    # A red that reads on the dialog's own background, light or dark.
    dark = theme_for(dialog.palette()) == "dark"
    label.setStyleSheet(f"color: {'#ff8a80' if dark else '#c62828'};")
    return label


class _DetailsForm(QDialog):
    """Title / outlet / date / url / author fields with a check on OK."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title_edit = QLineEdit(self)
        self.outlet_edit = QLineEdit(self)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://…")
        self.author_edit = QLineEdit(self)
        self.problem = _problem_label(self)
        self.form = QFormLayout()
        for label, edit in (
            ("&Title:", self.title_edit),
            ("&Outlet:", self.outlet_edit),
            ("&Date:", self.date_edit),
            ("&Web address:", self.url_edit),
            ("A&uthor:", self.author_edit),
        ):
            self.form.addRow(label, edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self, extra: QWidget | None = None) -> None:
        layout = QVBoxLayout(self)
        if extra is not None:
            layout.addWidget(extra, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def details(self) -> dict[str, str | None]:
        def value(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return {
            "title": value(self.title_edit),
            "outlet": value(self.outlet_edit),
            "published": value(self.date_edit),
            "url": value(self.url_edit),
            "author": value(self.author_edit),
        }

    def problem_text(self) -> str | None:
        return check_details(self.date_edit.text().strip(), self.url_edit.text().strip())

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        super().accept()


_HINT_TEXT_LIMIT = 2_000_000  # longer pasted text is not read for hints as it is typed


class PasteArticleDialog(_DetailsForm):
    """An article's text (from the clipboard) with its details and event.

    Text that is only a web address is not taken as the article: the dialog
    says so and OK becomes "Fetch article" (the window fetches the page).
    """

    def __init__(
        self,
        text: str,
        events: list[str],
        current_event: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Paste article", parent)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(text)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText("Paste the article's text here (Ctrl+V).")
        self.event_box = QComboBox(self)
        self.event_box.setEditable(True)
        self.event_box.addItems(events)
        self.event_box.setEditText(current_event or "")
        event_edit = self.event_box.lineEdit()
        if event_edit is not None:
            event_edit.setPlaceholderText("none (or type a new event's name)")
        self.form.addRow("&Event:", self.event_box)
        self.address_note = QLabel(self)
        self.address_note.setWordWrap(True)
        self.form.addRow(self.address_note)
        self._show_found_details()
        self.text_edit.textChanged.connect(self._show_found_details)
        self._finish_layout(self.text_edit)
        self.resize(640, 560)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def _show_found_details(self) -> None:
        """What the text's own lines give ("Outlet: …", "Date: …", the headline),
        as grey hints in the empty fields: saved unless typed over."""
        from reportdiff.store import LibraryError
        from reportdiff.store.importer import prepare_text

        text = self.text()
        found = None
        address = self.address()
        self._show_address(address)
        if len(text) <= _HINT_TEXT_LIMIT and address is None:
            try:
                found = prepare_text(text)
            except LibraryError:
                found = None  # no text yet
        hints = (
            (self.title_edit, found.title if found else "", "the first line of the text"),
            (self.outlet_edit, found.outlet if found else "", ""),
            (self.date_edit, found.published if found else "", "YYYY-MM-DD"),
            (self.url_edit, found.url if found else "", "https://…"),
            (self.author_edit, found.author if found else "", ""),
        )
        for edit, value, default in hints:
            edit.setPlaceholderText((value or "")[:120] or default)

    def address(self) -> str | None:
        """The web address the text is, when it is nothing else."""
        return lone_address(self.text())

    def _show_address(self, address: str | None) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Fetch article" if address else "OK")
        self.address_note.setText(
            "This is a web address: “Fetch article” imports the article from that page"
            " (the fields below, when filled, replace what the page gives)."
            if address
            else ""
        )
        self.address_note.setVisible(bool(address))

    def event_name(self) -> str | None:
        return self.event_box.currentText().strip() or None

    def problem_text(self) -> str | None:
        if not self.text().strip():
            return "There is no text: paste the article into the box above."
        return super().problem_text()


class AddressDialog(QDialog):
    """The web address of a report to import; checked on OK."""

    def __init__(self, address: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from address")
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setPlaceholderText("https://…")
        label = QLabel("The article's &web address, as the browser shows it:", self)
        label.setBuddy(self.address_edit)
        self.problem = _problem_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.address_edit, self.problem, buttons):
            layout.addWidget(widget)
        self.resize(560, 0)

    def address(self) -> str:
        return self.address_edit.text().strip()

    def accept(self) -> None:
        problem = address_problem(self.address())
        if problem:
            self.problem.setText(f"{problem[:1].upper()}{problem[1:]}.")
            return
        super().accept()


class EditDetailsDialog(_DetailsForm):
    """Edit the title, outlet, date, url and author of one report."""

    def __init__(self, article: Any, parent: QWidget | None = None) -> None:
        super().__init__("Edit report details", parent)
        self.title_edit.setText(article.title or "")
        self.outlet_edit.setText(article.outlet or "")
        self.date_edit.setText(article.published or "")
        self.url_edit.setText(article.url or "")
        self.author_edit.setText(getattr(article, "author", None) or "")
        self._finish_layout()
        self.resize(520, 0)

    def problem_text(self) -> str | None:
        if not self.title_edit.text().strip():
            return "A report needs a title."
        return super().problem_text()


def show_error(parent: QWidget | None, what: str, todo: str) -> None:
    """A dialog saying what happened and what to do about it."""
    QMessageBox.warning(parent, "ReportDiff", f"{what}\n\n{todo}")


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
