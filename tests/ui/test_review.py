"""Reviewing a comparison in the window: confirm, dismiss, note, undo, filter,
and the decisions found again after a restart (review.py, the reviews table)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
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


def _edit_and_compare_again(
    qtbot: Any, window: Any, library: Any, seed_id: Any, old: str, new: str
) -> None:
    """Change report A's (seed 001's) text behind the window, show another pair,
    then A and B (seed 003) again."""
    a, b = seed_id("001_"), seed_id("003_")
    body = library.article(a).body.replace(old, new)
    assert body != library.article(a).body
    library.db.execute("UPDATE articles SET body = ? WHERE id = ?", [body, a])
    compare_and_wait(qtbot, window, seed_id("000_"), b)  # another pair, then back
    compare_and_wait(qtbot, window, a, b)


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
    old, new = "more than 90 minutes", "about 95 minutes"
    _edit_and_compare_again(qtbot, window, library, seed_id, old, new)
    label = window.figures.review_label
    assert "1 outdated" in label.text()
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


# --- corrections by hand: pair and unpair figures, link and unlink rows, row notes


def _shown(qtbot: Any, window: Any, act: Any) -> None:
    """Do `act` and wait for the view to show the corrected comparison."""
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        act()


def _select_rows(panel: Any, ks: list[int]) -> None:
    """Select the panel rows of figures `ks`, as Ctrl+click does."""
    from PySide6.QtCore import QItemSelectionModel

    selection = panel.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for k in ks:
        index = panel.proxy.mapFromSource(panel.model.index(k, 0))
        selection.select(index, flags)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def _panel_action(panel: Any, name: str) -> Any:
    return {a.objectName(): a for a in panel.table.actions()}[name]


def _select_view_rows(view: Any, first: int, last: int) -> None:
    from PySide6.QtGui import QTextCursor

    cursor = view.textCursor()
    cursor.setPosition(view._spans[f"row-{first}"][0])
    cursor.setPosition(view._spans[f"row-{last}"][0] + 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.update_row_actions()


def test_figures_paired_and_unpaired_by_hand_survive_a_restart(
    qtbot: Any, window: Any, library: Any, seed_id: Any, tmp_path: Any
) -> None:
    import json

    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    figures = window.comparison().figures
    lone_a = next(k for k, f in enumerate(figures) if f.status == "only_a")
    lone_b = next(k for k, f in enumerate(figures) if f.status == "only_b")
    texts = (figures[lone_a].a.text, figures[lone_b].b.text)
    panel = window.figures
    _select_rows(panel, [lone_a])
    assert not _panel_action(panel, "review_pair").isEnabled()  # one row: nothing to pair
    _select_rows(panel, [lone_a, lone_b])
    assert _panel_action(panel, "review_pair").isEnabled()
    _shown(qtbot, window, _panel_action(panel, "review_pair").trigger)
    made = [(k, f) for k, f in enumerate(window.comparison().figures) if f.by_hand and f.a and f.b]
    assert [(f.a.text, f.b.text) for _, f in made] == [texts]
    assert panel.model.index(made[0][0], 3).data().endswith("· paired by hand")

    # the engine's flag unpaired: two lone figures
    flag = _flag(window)
    engine_pair = window.comparison().figures[flag]
    _review_from_the_menu(window, flag, "confirm")  # a decision on it, kept apart
    _shown(qtbot, window, lambda: _review_from_the_menu(window, _flag(window), "unpair"))
    now = window.comparison().figures
    assert not any(f.a == engine_pair.a and f.b == engine_pair.b for f in now)
    k_a = next(k for k, f in enumerate(now) if f.status == "only_a" and f.a == engine_pair.a)
    assert panel.model.index(k_a, 3).data() == "only in A · unpaired by hand"
    # its confirmation is set aside, not "outdated": no text changed
    assert "outdated" not in panel.review_label.text()
    window.export_to(tmp_path / "x.json", "json")
    qtbot.waitUntil(lambda: (tmp_path / "x.json").exists(), timeout=20_000)
    exported = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    by_hand = [f for f in exported["figures"] if f.get("by_hand")]
    assert [f["a"]["text"] for f in by_hand if f["a"] and f["b"]] == [texts[0]]
    assert {f["status"] for f in by_hand if not (f["a"] and f["b"])} == {"only_a", "only_b"}
    window.close()

    again = MainWindow(library, open_settings())
    qtbot.addWidget(again)
    again.show()
    compare_and_wait(qtbot, again, a, b)
    assert [
        (f.a.text, f.b.text) for f in again.comparison().figures if f.by_hand and f.a and f.b
    ] == [texts]
    assert not any(
        f.a == engine_pair.a and f.b == engine_pair.b for f in again.comparison().figures
    )
    # undo is per session; unpairing the hand-made pair unmakes it
    k = next(k for k, f in enumerate(again.comparison().figures) if f.by_hand and f.a and f.b)
    _shown(qtbot, again, lambda: _review_from_the_menu(again, k, "unpair"))
    assert not any(f.by_hand and f.a and f.b for f in again.comparison().figures)
    again.close()


def test_rows_linked_unlinked_and_noted_in_the_view(
    qtbot: Any, window: Any, library: Any, seed_id: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog

    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    view = window.view
    groups = window.comparison().alignment
    n = next(n for n in range(len(groups) - 1) if groups[n].linked and not groups[n + 1].linked)
    joined_a = set(groups[n].a) | set(groups[n + 1].a)
    joined_b = set(groups[n].b) | set(groups[n + 1].b)

    _select_view_rows(view, n, n + 1)
    assert view.link_action.isEnabled()
    _shown(qtbot, window, view.link_action.trigger)
    row = next(g for g in window.comparison().alignment if g.by_hand)
    assert (set(row.a), set(row.b)) == (joined_a, joined_b)
    assert "linked by hand" in view.toPlainText()

    # a note on that row, written in the dialog
    m = window.comparison().alignment.index(row)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *_a, **_k: ("Same quote, two sources.", True)
    )
    _select_view_rows(view, m, m)
    _shown(qtbot, window, view.row_note_action.trigger)
    assert window.comparison().alignment[m].note == "Same quote, two sources."
    assert "Same quote, two sources." in view.toPlainText()

    # an engine row unlinked: its paragraphs each alone
    k = next(k for k, g in enumerate(window.comparison().alignment) if g.linked and not g.by_hand)
    engine_row = window.comparison().alignment[k]
    _select_view_rows(view, k, k)
    assert view.unlink_action.isEnabled()
    _shown(qtbot, window, view.unlink_action.trigger)
    after = window.comparison().alignment
    assert all(((i,), ()) in [(g.a, g.b) for g in after] for i in engine_row.a)
    # undo takes the unlink back; redo makes it again
    _shown(qtbot, window, window.undo_stack.undo)
    assert engine_row in window.comparison().alignment
    _shown(qtbot, window, window.undo_stack.redo)
    assert engine_row not in window.comparison().alignment
    target = tmp_path / "rows.html"
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_to(target, "html")
    html = target.read_text(encoding="utf-8")
    assert "linked by hand" in html
    assert "Same quote, two sources." in html
    window.close()

    again = MainWindow(library, open_settings())
    qtbot.addWidget(again)
    again.show()
    compare_and_wait(qtbot, again, a, b)
    kept = again.comparison().alignment
    assert any(g.by_hand and g.note == "Same quote, two sources." for g in kept)
    assert all(((i,), ()) in [(g.a, g.b) for g in kept] for i in engine_row.a)
    again.close()


def test_hand_links_on_an_edited_report_show_as_outdated(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    k = next(k for k, g in enumerate(window.comparison().alignment) if g.linked)
    row = window.comparison().alignment[k]
    _shown(qtbot, window, lambda: window.unlink_row(k))
    paragraph = window.comparison().a.paragraphs[row.a[0]].text
    _edit_and_compare_again(qtbot, window, library, seed_id, paragraph, paragraph + " (corrected)")
    label = window.figures.review_label
    assert "1 outdated" in label.text()
    assert "unlinked" in label.toolTip()


def test_decisions_are_found_with_the_reports_swapped(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    k = _flag(window)
    told = (window.comparison().figures[k].a.text, window.comparison().figures[k].b.text)
    window.review_figure(k, "confirm")
    window.note_on_pair(note="Ask both outlets.")
    groups = window.comparison().alignment
    n = next(n for n in range(len(groups) - 1) if groups[n].linked and not groups[n + 1].linked)
    _shown(qtbot, window, lambda: window.link_rows([n, n + 1]))
    linked = next(g for g in window.comparison().alignment if g.by_hand)

    compare_and_wait(qtbot, window, b, a)  # B on the left now
    figures = window.comparison().figures
    k = next(k for k, f in enumerate(figures) if f.a and f.b and (f.b.text, f.a.text) == told)
    assert window.figures.model.reviews[k].decision == "confirmed"
    assert window.pair_note == "Ask both outlets."
    swapped = next(g for g in window.comparison().alignment if g.by_hand)
    assert (swapped.a, swapped.b) == (linked.b, linked.a)

    # a decision made this way round replaces the one made the other way
    window.review_figure(k, "dismiss")
    flags = [r for r in library.reviews(a, b).values() if r.decision in ("confirmed", "dismissed")]
    assert [r.decision for r in flags] == ["dismissed"]


def test_ctrl_z_takes_a_decision_back(qtbot: Any, window: Any, seed_id: Any) -> None:
    from PySide6.QtGui import QKeySequence

    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    k = _flag(window)
    window.review_figure(k, "confirm")
    undo = window.findChild(QAction, "action_undo")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    window.activateWindow()
    window.figures.table.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    qtbot.keyClick(window.figures.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert k not in window.figures.model.reviews


def test_a_newer_text_from_the_window_shows_decisions_as_outdated_and_undo_restores(
    qtbot: Any, window: Any, library: Any, seed_id: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    window.review_figure(_flag(window), "confirm")
    before = library.article(a).body
    newer = tmp_path / "newer.txt"
    newer.write_text(before.replace("more than 90 minutes", "about 95 minutes"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(newer), ""))
    window.library_pane.select_ids([a])
    window.actions_by_name["update_text"].trigger()
    # The text is read on the pool: wait for it, not for any comparison shown
    # meanwhile (on a loaded machine an earlier one may be shown first).
    qtbot.waitUntil(lambda: "about 95 minutes" in library.article(a).body, timeout=20_000)
    assert library.article(a).id == a  # the same report, its details kept
    qtbot.waitUntil(lambda: "1 outdated" in window.figures.review_label.text(), timeout=20_000)
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.undo_stack.undo()
    assert library.article(a).body == before
    assert window.figures.review_label.text() == "1 of 1 flags reviewed"


def test_undo_with_the_reports_swapped_refreshes_the_panel(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    window.review_figure(_flag(window), "confirm")
    compare_and_wait(qtbot, window, b, a)
    assert window.figures.review_label.text() == "1 of 1 flags reviewed"
    window.undo_stack.undo()
    assert window.figures.review_label.text() == "0 of 1 flags reviewed"
