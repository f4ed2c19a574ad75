"""Reviewing a comparison in the window: confirm, dismiss, note, undo, filter,
and the decisions found again after a restart (review.py, the reviews table)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import compare_and_wait

from reportdiff.ui.main_window import MainWindow
from reportdiff.ui.settings import open_settings

pytestmark = pytest.mark.gui


def _flag(window: Any) -> int:
    return next(k for k, f in enumerate(window.comparison().figures) if f.status == "differs")


def _review_from_the_menu(window: Any, k: int, action: str) -> None:
    """Select figure K in the panel and trigger the panel's menu action."""
    window.figures.select_figure(k)
    window.figures.table.setCurrentIndex(window.figures.table.selectionModel().selectedRows()[0])
    actions = {a.objectName(): a for a in window.figures.table.actions()}
    actions[f"review_{action}"].trigger()


def test_confirm_dismiss_note_undo_and_a_restart(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    k = _flag(window)
    panel = window.figures
    assert panel.review_label.text() == "0 of 1 flags reviewed"

    _review_from_the_menu(window, k, "confirm")
    assert panel.review_label.text() == "1 of 1 flags reviewed"
    status = panel.model.index(k, 3).data()
    assert status == "differs · ✓ confirmed"

    _review_from_the_menu(window, k, "dismiss")
    assert panel.model.index(k, 3).data() == "differs · ✗ dismissed"
    assert panel.model.index(k, 0).data(Qt.ItemDataRole.FontRole).strikeOut()

    window.review_figure(k, "note", note="Kremlin readout says 'more than 90 minutes'.")
    assert panel.model.index(k, 3).data() == "differs · ✗ dismissed ✎"
    assert "Kremlin readout" in panel.model.index(k, 0).data(Qt.ItemDataRole.ToolTipRole)

    # undo walks back: the note, then the dismissal
    window.undo_stack.undo()
    assert panel.model.index(k, 3).data() == "differs · ✗ dismissed"
    window.undo_stack.undo()
    assert panel.model.index(k, 3).data() == "differs · ✓ confirmed"
    window.undo_stack.redo()
    window.undo_stack.redo()

    # the unreviewed filter hides the reviewed flag and every unflagged row
    panel.unreviewed.setChecked(True)
    assert panel.proxy.rowCount() == 0
    panel.unreviewed.setChecked(False)
    assert panel.proxy.rowCount() == len(window.comparison().figures)
    window.close()

    # a new window on the same library finds the decision again
    again = MainWindow(library, open_settings())
    qtbot.addWidget(again)
    again.show()
    compare_and_wait(qtbot, again, a, b)
    assert again.figures.model.index(k, 3).data() == "differs · ✗ dismissed ✎"
    assert again.figures.review_label.text() == "1 of 1 flags reviewed"
    again.close()


def test_an_edited_report_shows_its_decision_as_outdated(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    window.review_figure(_flag(window), "confirm")
    body = library.article(a).body.replace("more than 90 minutes", "about 95 minutes")
    library.db.execute("UPDATE articles SET body = ? WHERE id = ?", [body, a])
    compare_and_wait(qtbot, window, seed_id("000_"), b)  # another pair, then back
    compare_and_wait(qtbot, window, a, b)
    label = window.figures.review_label
    assert "1 outdated (the text changed)" in label.text()
    assert "more than 90 minutes" in label.toolTip()


def test_a_deleted_report_is_restored_by_undo(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    window.review_figure(_flag(window), "confirm")
    count = library.count_articles()
    window.library_pane.select_ids([a])
    window.library_pane.table.setFocus()
    window.actions_by_name["delete"].trigger()
    assert library.count_articles() == count - 1
    assert window.comparison() is None
    window.undo_stack.undo()
    assert library.count_articles() == count
    assert library.article(a).title
    assert window.library_pane.model.row_of(a) is not None  # listed again
    compare_and_wait(qtbot, window, a, b)
    assert window.figures.review_label.text() == "1 of 1 flags reviewed"  # its review too
    window.undo_stack.redo()
    assert library.count_articles() == count - 1


def test_a_note_on_the_pair_is_kept_shown_and_exported(
    qtbot: Any, window: Any, library: Any, seed_id: Any, tmp_path: Any
) -> None:
    import json

    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    window.note_on_pair(note="Ask both outlets for their source.")
    assert window.summary_label.text().endswith("· ✎ noted")
    assert "Ask both outlets" in window.summary_label.toolTip()
    target = tmp_path / "pair.json"
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_to(target, "json")
    assert json.loads(target.read_text(encoding="utf-8"))["pair_note"] == (
        "Ask both outlets for their source."
    )
    assert window.figures.review_label.text() == "0 of 1 flags reviewed"  # no flag reviewed
    window.undo_stack.undo()
    assert not window.summary_label.text().endswith("· ✎ noted")
