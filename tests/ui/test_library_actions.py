"""Adding, finding, editing, moving and deleting reports through the window."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog
from ui_helpers import compare_and_wait

from reportdiff.ui.dialogs import EditDetailsDialog, PasteArticleDialog

pytestmark = pytest.mark.gui

ARTICLE = (
    "Storm Ada closes ports along the coast\n\n"
    "Storm Ada closed 14 ports on Monday, the coast guard said, and 3,000 homes lost power.\n\n"
    "Forecasters expect the storm to weaken by Wednesday."
)


def drop_files(window: Any, paths: list[Path]) -> None:
    """Drag files over the window and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt delivers a drop only to the widget that accepted the drag's enter event.
    with warnings.catch_warnings():
        # PySide6 offers only the QPoint constructor, which it marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)


def test_dropping_files_imports_them_and_a_binary_file_is_refused(
    qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any
) -> None:
    good = tmp_path / "storm.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    before = window.library_pane.model.total()
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as signal:
        drop_files(window, [binary, good])
    result = signal.args[0]
    assert [s.title for s in result.imported] == ["Storm Ada closes ports along the coast"]
    assert [Path(r.path).name for r in result.refused] == ["photo.txt"]
    assert window.library_pane.model.total() == before + 1
    warnings = message_boxes.texts("warning")
    assert len(warnings) == 1
    assert "photo.txt" in warnings[0]
    assert "The other report was imported" in warnings[0]


def test_dropping_a_folder_says_which_files_it_skipped(
    qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not a report")
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        drop_files(window, [folder])
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 1 report ·")  # no event chosen: none named
    assert "1 other file skipped (.pdf" in message
    assert not message_boxes.texts("warning")


def test_dropping_a_duplicate_is_recognised(qtbot: Any, window: Any, message_boxes: Any) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "001_b09a5fa10f149ba2.txt"
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as signal:
        drop_files(window, [seed])
    assert len(signal.args[0].duplicates) == 1
    message = window.statusBar().currentMessage()
    # which report it is and where it is, as the command line says
    assert "1 already in the library: “" in message
    assert "(#" in message
    assert "event “" in message or "in no event" in message
    assert message_boxes.shown == []


def _fill_paste_dialog(window: Any, **fields: str) -> None:
    dialog = window.findChild(PasteArticleDialog)
    assert dialog is not None
    for name, value in fields.items():
        getattr(dialog, f"{name}_edit").setText(value)
    dialog.accept()


def test_paste_article_from_the_clipboard(qtbot: Any, window: Any, library: Any) -> None:
    QGuiApplication.clipboard().setText(ARTICLE)
    QTimer.singleShot(
        0,
        lambda: _fill_paste_dialog(
            window, outlet="Coast Times", date="2025-01-06", url="https://example.org/ada"
        ),
    )
    window.actions_by_name["paste"].trigger()
    found = library.search("Ada")
    assert len(found) == 1
    article = library.article(found[0].id)
    assert article.outlet == "Coast Times"
    assert article.published.startswith("2025-01-06")
    assert article.url == "https://example.org/ada"
    assert window.library_pane.selected_ids() == [article.id]


def test_paste_dialog_shows_the_details_the_text_gives(qtbot: Any) -> None:
    text = "Outlet: Coast Times\nDate: 2025-01-06\n\n" + ARTICLE
    dialog = PasteArticleDialog(text, ["Storms"])
    qtbot.addWidget(dialog)
    assert dialog.outlet_edit.placeholderText() == "Coast Times"
    assert dialog.date_edit.placeholderText().startswith("2025-01-06")
    assert dialog.title_edit.placeholderText() == "Storm Ada closes ports along the coast"
    dialog.text_edit.setPlainText(ARTICLE)  # the user pastes other text: hints follow
    assert dialog.outlet_edit.placeholderText() == ""
    dialog.text_edit.setPlainText("")
    assert dialog.title_edit.placeholderText() == "the first line of the text"


def test_paste_dialog_refuses_a_bad_date(qtbot: Any) -> None:
    dialog = PasteArticleDialog(ARTICLE, ["Storms"])
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("last Monday")
    dialog.accept()
    assert dialog.result() == 0
    assert "2025-03-18" in dialog.problem.text()


def test_delete_asks_first_and_removes_the_report(
    qtbot: Any, window: Any, library: Any, seed_id: Any, message_boxes: Any
) -> None:
    target = seed_id("004_")
    window.library_pane.select_ids([target])
    window.library_pane.table.setFocus()
    window.actions_by_name["delete"].trigger()
    assert len(message_boxes.texts("question")) == 1
    assert "Edit ▸ Undo brings them back" in message_boxes.texts("question")[0]
    with pytest.raises(KeyError):
        library.article(target)
    assert window.library_pane.model.total() == 4


def test_delete_cancelled_keeps_the_report(
    qtbot: Any, window: Any, library: Any, seed_id: Any, message_boxes: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    message_boxes.answer = QMessageBox.StandardButton.Cancel
    target = seed_id("004_")
    window.library_pane.select_ids([target])
    window.actions_by_name["delete"].trigger()
    assert library.article(target).id == target


def test_search_filters_the_library(qtbot: Any, window: Any) -> None:
    pane = window.library_pane
    qtbot.keyClicks(pane.search_edit, "Zelensky")
    pane.search_edit.returnPressed.emit()
    assert 0 < pane.model.total() < 5
    pane.search_edit.clear()
    pane.search_edit.returnPressed.emit()
    assert pane.model.total() == 5


def test_edit_details(qtbot: Any, window: Any, library: Any, seed_id: Any) -> None:
    target = seed_id("003_")
    window.library_pane.select_ids([target])

    def fill() -> None:
        dialog = window.findChild(EditDetailsDialog)
        dialog.outlet_edit.setText("The Daily Example")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.library_dock.setFloating(True)
    window.library_dock.resize(700, 500)  # room for every column
    qtbot.waitUntil(lambda: window.library_pane.width() > 600, timeout=2_000)
    table = window.library_pane.table
    assert table.isColumnHidden(1)  # no seed names its outlet: no empty column
    window.actions_by_name["edit_details"].trigger()
    assert library.article(target).outlet == "The Daily Example"
    assert not table.isColumnHidden(1)
    assert table.isColumnHidden(2)  # still no date anywhere


def test_move_to_a_new_event(
    qtbot: Any, window: Any, library: Any, seed_id: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Other event", True))
    )
    target = seed_id("002_")
    window.library_pane.select_ids([target])
    window.actions_by_name["move_to_event"].trigger()
    assert library.article(target).event_name == "Other event"
    names = [window.library_pane.events_list.item(i).text() for i in range(3)]
    assert any(n.startswith("Other event (1)") for n in names)


def test_deleting_a_report_of_the_shown_pair_clears_its_picker(
    qtbot: Any, window: Any, seed_id: Any, message_boxes: Any
) -> None:
    a, b = seed_id("002_"), seed_id("004_")
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.pickers.set_pair(a, b)
    window.library_pane.select_ids([a])
    window.library_pane.table.setFocus()
    window.actions_by_name["delete"].trigger()
    # Not another report silently shown as A: the picker is empty, B stays.
    assert window.pickers.picker_a.current_id() is None
    assert window.pickers.picker_b.current_id() == b
    assert window.comparison() is None
    assert window.windowTitle() == "ReportDiff"


def test_the_pickers_offer_the_reports_from_the_start(window: Any) -> None:
    for picker in (window.pickers.picker_a, window.pickers.picker_b):
        assert picker.count() == window.library_pane.model.total() == 5


def test_a_narrow_library_pane_keeps_room_for_titles(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    library.update_article(seed_id("001_"), outlet="The Moscow Times", published="2025-03-18")
    pane = window.library_pane
    pane.reload()
    window.library_dock.setFloating(True)
    # the outlet tells reports apart: the words go first, then the date
    for width, shown in ((230, {1}), (330, {1, 2}), (800, {1, 2, 3})):
        window.library_dock.resize(width, 500)
        qtbot.waitUntil(lambda w=width: abs(pane.width() - w) < 40, timeout=2_000)
        visible = {c for c in (1, 2, 3) if not pane.table.isColumnHidden(c)}
        assert visible == shown, width
        assert pane.table.columnWidth(0) >= pane.table.fontMetrics().horizontalAdvance("x" * 18)
    title = pane.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "\n" in title or pane.model.index(0, 1).data() == ""


def test_deleting_a_report_of_the_shown_pair_empties_the_view_quietly(
    qtbot: Any, window: Any, seed_id: Any, message_boxes: Any
) -> None:
    a, b = seed_id("002_"), seed_id("004_")
    compare_and_wait(qtbot, window, a, b)
    failed: list[str] = []
    window.work_failed.connect(failed.append)
    window.library_pane.select_ids([a])
    window.library_pane.table.setFocus()
    window.actions_by_name["delete"].trigger()
    qtbot.wait(500)  # time for a (wrong) comparison of the deleted report to fail
    assert failed == []
    assert message_boxes.texts("warning") == []
    assert window.comparison() is None
    assert window.view.toPlainText() == ""


def test_reports_dropped_on_the_first_window_stay_out_of_the_sample_event(
    qtbot: Any, window: Any, library: Any, seed_id: Any, tmp_path: Path
) -> None:
    from reportdiff.ui.app import open_on_pair

    open_on_pair(window, library, (seed_id("001_"), seed_id("003_")))  # as the app starts
    sample = window.library_pane.current_event_id()
    assert sample is not None
    before = library.count_articles(event_id=sample)
    (tmp_path / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        drop_files(window, [tmp_path / "storm.txt"])
    assert library.count_articles(event_id=sample) == before  # not filed with the samples
    assert window.library_pane.current_event_id() is None  # shown among all reports
    assert window.library_pane.selected_ids()  # and selected there
    # once the reader picks the event, new reports go into it
    window.library_pane.select_event(sample)
    (tmp_path / "storm2.txt").write_text(ARTICLE.replace("storm", "gale"), encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        drop_files(window, [tmp_path / "storm2.txt"])
    assert library.count_articles(event_id=sample) == before + 1
