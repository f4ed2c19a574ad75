"""Importing from a web address in the window: File ▸ Import from address, a link
dropped from a browser, a link pasted in the paste dialog, and Cancel."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton
from ui_helpers import compare_and_wait

from reportdiff.store import FetchLimits
from reportdiff.ui.dialogs import AddressDialog, PasteArticleDialog
from web_pages import ARTICLE_TITLE, OTHER_TITLE, closed_port

pytestmark = pytest.mark.gui


def contents(library: Any) -> list[tuple[Any, ...]]:
    """Every stored report and event, to tell whether an import changed anything."""
    articles = library.db.execute("SELECT * FROM articles ORDER BY id").fetchall()
    events = library.db.execute("SELECT * FROM events ORDER BY id").fetchall()
    return [*articles, *events]


def answer_address_dialog(window: Any, address: str) -> None:
    """Type `address` in File ▸ Import from address and press Import (once it is open)."""

    def answer() -> None:
        dialog = window.findChild(AddressDialog)
        assert dialog is not None
        dialog.address_edit.setText(address)
        dialog.accept()

    QTimer.singleShot(0, answer)


def import_from_dialog(qtbot: Any, window: Any, address: str) -> Any:
    """File ▸ Import from address with `address`; the import's result."""
    answer_address_dialog(window, address)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as signal:
        window.actions_by_name["import_address"].trigger()
    return signal.args[0]


def test_import_from_address_adds_the_article(
    qtbot: Any, window: Any, library: Any, web: Any, message_boxes: Any
) -> None:
    before = library.count_articles()
    result = import_from_dialog(qtbot, window, web.url("/article"))
    [summary] = result.imported
    article = library.article(summary.id)
    assert (article.title, article.outlet, article.published) == (
        ARTICLE_TITLE,
        "Coast Times",
        "2025-01-06",
    )
    assert article.url == web.url("/article")
    assert library.count_articles() == before + 1
    assert window.library_pane.selected_ids() == [article.id]
    assert window.statusBar().currentMessage().startswith("Imported 1 report")
    assert message_boxes.shown == []


def test_the_address_dialog_starts_with_a_copied_link(qtbot: Any, window: Any) -> None:
    QGuiApplication.clipboard().setText("  https://example.org/storm\n")

    def check() -> None:
        dialog = window.findChild(AddressDialog)
        assert dialog.address_edit.text() == "https://example.org/storm"
        dialog.reject()

    QTimer.singleShot(0, check)
    window.actions_by_name["import_address"].trigger()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "No web address given."),
        ("ftp://a.org/a", "Only http:// and https:// addresses can be fetched, not ftp:."),
        ("example.org/a", "Not a web address (it should start with http:// or https://)."),
        ("https://", "Not a valid web address (no host name)."),
    ],
)
def test_the_address_dialog_refuses_what_cannot_be_fetched(
    qtbot: Any, text: str, problem: str
) -> None:
    dialog = AddressDialog(text)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.problem.text() == problem


BAD_PAGES = [
    # (address on the test server, what the one line must say)
    ("/missing", "the server answered 404 Not Found"),
    ("/broken", "the server answered 500 Internal Server Error"),
    ("/report.pdf", "not a web page but application/pdf (only HTML pages can be imported)"),
    ("/photo.png", "not a web page but image/png (only HTML pages can be imported)"),
    ("/data.json", "not a web page but application/json (only HTML pages can be imported)"),
    ("/huge", "the page is too large (11 MB; the limit is 10 MB)"),
    ("/endless", "the page is too large (over 10 MB, the limit)"),
    ("/chain/6", "too many redirects (more than 5)"),
    ("/menu", "no article text found in this HTML (only 3 words: menus or links, not a report)"),
    ("/slow", "the server sent nothing for 0.5 seconds (time-out)"),
    ("CLOSED", "could not connect to the server (connection refused)"),
]


@pytest.mark.parametrize(("where", "reason"), BAD_PAGES)
def test_a_page_that_cannot_be_imported_is_one_line_and_changes_nothing(
    qtbot: Any, window: Any, library: Any, web: Any, message_boxes: Any, where: str, reason: str
) -> None:
    window.fetch_limits = FetchLimits(timeout=0.5)
    address = web.url(where) if where != "CLOSED" else f"http://127.0.0.1:{closed_port()}/a"
    before = contents(library)
    result = import_from_dialog(qtbot, window, address)
    assert (result.imported, result.duplicates) == ([], [])
    [warning] = message_boxes.texts("warning")
    assert warning.startswith(f"Could not import {address}: {reason}.\n\n")
    assert contents(library) == before
    assert window.statusBar().currentMessage() == "Imported 0 reports · 1 refused."


def test_a_page_already_in_the_library_is_recognised(
    qtbot: Any, window: Any, library: Any, web: Any, message_boxes: Any
) -> None:
    first = import_from_dialog(qtbot, window, web.url("/article")).imported[0].id
    window.library_pane.select_ids([])
    before = contents(library)
    result = import_from_dialog(qtbot, window, web.url("/article?from=feed"))
    assert result.duplicates == [(web.url("/article?from=feed"), first)]
    assert "1 already in the library" in window.statusBar().currentMessage()
    assert window.library_pane.selected_ids() == [first]  # where it is
    assert contents(library) == before
    assert message_boxes.shown == []


def drop(window: Any, mime: QMimeData) -> bool:
    """Drag `mime` over the window and drop it; whether the window took the drag."""
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide6 offers only the QPoint constructor, which it marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(
        window, QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )
    return True


def link_from_a_browser(address: str) -> QMimeData:
    """What a browser puts in a drag of a link: text/uri-list and the address as text."""
    mime = QMimeData()
    mime.setUrls([QUrl(address)])
    mime.setText(address)
    return mime


def plain_text(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


@pytest.mark.parametrize(
    ("make", "path", "final", "title"),
    [
        (link_from_a_browser, "/article", "/article", ARTICLE_TITLE),
        (plain_text, "/chain/2", "/other", OTHER_TITLE),  # an address dragged as text; redirected
    ],
)
def test_dropping_a_link_imports_its_page(
    qtbot: Any,
    window: Any,
    library: Any,
    web: Any,
    message_boxes: Any,
    make: Callable[[str], QMimeData],
    path: str,
    final: str,
    title: str,
) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as signal:
        assert drop(window, make(web.url(path)))
    [summary] = signal.args[0].imported
    assert summary.title == title
    assert library.article(summary.id).url == web.url(final)
    assert message_boxes.shown == []


def test_a_dropped_link_that_cannot_be_fetched_says_so(
    qtbot: Any, window: Any, library: Any, message_boxes: Any
) -> None:
    before = contents(library)
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        assert drop(window, link_from_a_browser("ftp://127.0.0.1/report.html"))
    assert message_boxes.texts("warning")[0].startswith(
        "Could not import ftp://127.0.0.1/report.html: only http:// and https:// addresses"
    )
    assert contents(library) == before


def test_dropped_text_that_is_not_an_address_is_not_taken(window: Any) -> None:
    assert not drop(window, plain_text("Storm Ada closed 14 ports, see https://example.org/a"))


def test_a_link_pasted_in_the_paste_dialog_is_fetched(
    qtbot: Any, window: Any, library: Any, web: Any, message_boxes: Any
) -> None:
    QGuiApplication.clipboard().setText(web.url("/article"))
    seen: list[str] = []

    def fill() -> None:
        dialog = window.findChild(PasteArticleDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.extend([ok.text(), dialog.address_note.text()])
        dialog.outlet_edit.setText("The Coast Times")  # typed: it wins over the page's
        dialog.event_box.setEditText("Storm Ada")
        dialog.accept()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as signal:
        window.actions_by_name["paste"].trigger()
    assert seen[0] == "&Fetch article"
    assert seen[1].startswith("This is a web address")
    [summary] = signal.args[0].imported
    article = library.article(summary.id)
    assert article.body.startswith(ARTICLE_TITLE)  # the page's article, not the address
    assert (article.outlet, article.published, article.url) == (
        "The Coast Times",
        "2025-01-06",
        web.url("/article"),
    )
    assert article.event_name == "Storm Ada"
    assert message_boxes.shown == []


def test_the_paste_dialog_takes_text_with_a_link_in_it_as_text(qtbot: Any) -> None:
    dialog = PasteArticleDialog("https://example.org/a", [])
    qtbot.addWidget(dialog)
    assert dialog.address() == "https://example.org/a"
    dialog.text_edit.setPlainText("Storm Ada closed 14 ports.\n\nSource: https://example.org/a")
    assert dialog.address() is None
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    assert dialog.address_note.isHidden()


@pytest.mark.parametrize("path", ["/trickle", "/slow"])  # a page arriving; a server silent
def test_cancel_leaves_the_library_unchanged_and_the_window_responsive(
    qtbot: Any,
    window: Any,
    library: Any,
    web: Any,
    message_boxes: Any,
    seed_id: Any,
    path: str,
) -> None:
    window.fetch_limits = FetchLimits(timeout=1)  # the silent server's fetch ends soon after
    before = contents(library)
    finished: list[object] = []
    window.import_finished.connect(finished.append)
    answer_address_dialog(window, web.url(path))
    window.actions_by_name["import_address"].trigger()

    def progress_shown() -> QProgressDialog:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        assert len(shown) == 1
        return shown[0]

    # Shown once the fetch has taken 300 ms.
    qtbot.waitUntil(lambda: bool(progress_shown()), timeout=5_000)
    assert progress_shown().labelText() == f"Fetching {web.url(path)}…"
    qtbot.mouseClick(progress_shown().findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was added."
    assert not window.progress.isVisible()
    # The window goes on at once: a comparison runs while the fetch winds down.
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("002_"))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the worker's late result, if any, reaches the window and is dropped
    assert contents(library) == before
    assert finished == []
    assert message_boxes.shown == []


def test_the_message_for_refused_pages_speaks_of_pages_and_of_what_was_imported() -> None:
    from pathlib import Path

    from reportdiff.store.errors import ImportRefused
    from reportdiff.ui.main_window import _refusals_message

    pages = [
        ImportRefused(None, "the server answered 404 Not Found", address="http://x/a"),
        ImportRefused(None, "not a web page but image/png", address="http://x/b.png"),
    ]
    title, advice = _refusals_message(pages)
    assert title.startswith("2 web page(s) could not be imported")
    assert "were imported" not in advice
    assert "Check the addresses in a browser" in advice
    files = [ImportRefused(Path("/tmp/x.bin"), "binary file")]
    _, advice = _refusals_message(files, imported=3)
    assert advice.startswith("The other 3 reports were imported.")
