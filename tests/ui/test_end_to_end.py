"""A user's path: a new library, two seed reports compared, figures, navigation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import compare_and_wait

pytestmark = pytest.mark.gui


def _compare_seeds_in_a_short_window(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.resize(1200, 500)  # short enough that the view scrolls
    qtbot.wait(10)


def test_new_library_is_seeded_as_one_event(window: Any, library: Any) -> None:
    events = library.events()
    assert len(events) == 1
    assert events[0].count == 5
    assert window.library_pane.model.total() == 5


def test_compare_001_and_003_shows_linked_rows_and_the_differing_duration(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    comparison = window.comparison()
    assert comparison.linked_count > 0
    text = window.view.toPlainText()
    assert "more than 90 minutes" in text
    assert "two and a half hours" in text
    assert window.summary_label.text() == comparison.summary()
    assert " linked · " in window.summary_label.text()
    # The figures panel lists the differing duration first.
    first = window.figures.figure_at_row(0)
    pair = comparison.figures[first]
    assert pair.status == "differs"
    assert {pair.a.text, pair.b.text} == {"more than 90 minutes", "two and a half hours"}


def test_clicking_a_figure_scrolls_the_view_to_it_and_marks_it(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    k = window.figures.figure_at_row(0)
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    table = window.figures.table
    rect = table.visualRect(window.figures.proxy.index(0, 0))
    from PySide6.QtCore import Qt

    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.marked_figure() == k
    assert view.anchor_visible(f"fig-{k}-a") or view.anchor_visible(f"fig-{k}-b")
    assert len(view.extraSelections()) >= 1


def test_the_next_pairs_summary_is_not_hidden_by_the_last_position(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    """ "Difference 2 of 7" is about the pair it was said on: another pair's summary
    (with its different-events warning) shows at once, not eight seconds later.
    Stepping through the figures says where the reader stands too."""
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.actions_by_name["next_figure"].trigger()
    differing = [f for f in window.comparison().figures if f.status == "differs"]
    assert window.statusBar().currentMessage() == f"Figure 1 of {len(differing)} that differ"
    window.actions_by_name["next_difference"].trigger()
    assert window.statusBar().currentMessage().startswith("Difference ")
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("002_"))
    assert window.statusBar().currentMessage() == ""
    assert window.summary_label.isVisible()


def test_next_and_previous_difference_move_through_the_rows(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    _compare_seeds_in_a_short_window(qtbot, window, seed_id)
    rows = window.view.difference_rows()
    assert len(rows) >= 3
    next_action = window.actions_by_name["next_difference"]
    previous_action = window.actions_by_name["previous_difference"]
    visited = []
    for _ in range(3):
        next_action.trigger()
        visited.append(window.view.current_row())
    assert visited == sorted(visited)
    assert len(set(visited)) == 3
    assert window.view.verticalScrollBar().value() > 0
    previous_action.trigger()
    assert window.view.current_row() == visited[1]


def test_stepping_to_a_difference_says_which_of_how_many_and_marks_it(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    _compare_seeds_in_a_short_window(qtbot, window, seed_id)
    rows = window.view.difference_rows()
    window.actions_by_name["next_difference"].trigger()
    row = window.view.current_row()
    index = rows.index(row) + 1
    assert window.statusBar().currentMessage() == f"Difference {index} of {len(rows)}"
    assert window.view.marked_row() == row
    # the bar beside the row is painted in the margin, in the palette's highlight
    image = window.view.viewport().grab().toImage()
    top = window.view._anchor_y(f"row-{row}") - window.view.verticalScrollBar().value()
    highlight = window.view.palette().color(window.view.palette().ColorRole.Highlight)
    assert image.pixelColor(2, max(0, top + 8)).name() == highlight.name()
    # marking a figure takes the bar away
    window.actions_by_name["next_figure"].trigger()
    assert window.view.marked_row() is None


def test_next_difference_reaches_every_differing_row_to_the_end(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    _compare_seeds_in_a_short_window(qtbot, window, seed_id)
    rows = window.view.difference_rows()
    visited = []
    for _ in range(len(rows) + 2):
        row = window.view.next_difference(True)
        if row is None:
            break
        visited.append(row)
    # The last rows cannot scroll to the top of the view; they are reached all the same.
    assert visited == [r for r in rows if r > rows[0]] or visited == rows
    assert window.view.next_difference(True) is None
    assert window.view.next_difference(False) == visited[-2]


def test_showing_boilerplate_keeps_the_place_and_the_marked_figure(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    _compare_seeds_in_a_short_window(qtbot, window, seed_id)
    window.actions_by_name["next_figure"].trigger()
    k = window.view.marked_figure()
    row = window.view.current_row()
    assert k is not None
    assert row is not None
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.actions_by_name["toggle_boilerplate"].trigger()
    assert window.view.marked_figure() == k
    assert window.view.current_row() == row
    assert window.view.verticalScrollBar().value() > 0
    assert window.figures.figure_at_row(window.figures.table.currentIndex().row()) == k


def test_next_differing_figure_marks_it(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.actions_by_name["next_figure"].trigger()
    k = window.view.marked_figure()
    assert k is not None
    assert window.comparison().figures[k].status == "differs"


def test_swap_compares_b_with_a(qtbot: Any, window: Any, seed_id: Any) -> None:
    a, b = seed_id("001_"), seed_id("003_")
    compare_and_wait(qtbot, window, a, b)
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.actions_by_name["swap"].trigger()
    assert window.shown_pair() == (b, a)
    assert window.comparison().a.title == window.library.report(b).title


def test_selecting_two_reports_and_compare(qtbot: Any, window: Any, seed_id: Any) -> None:
    a, b = seed_id("000_"), seed_id("002_")
    window.library_pane.select_ids([a, b])
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.actions_by_name["compare"].trigger()
    assert set(window.shown_pair()) == {a, b}


def test_a_burst_of_pairs_ends_on_the_last(qtbot: Any, window: Any, seed_id: Any) -> None:
    ids = [seed_id(f"00{i}_") for i in range(5)]
    for other in ids[1:]:
        window.pickers.set_pair(ids[0], other)
    qtbot.waitUntil(lambda: window.shown_pair() == (ids[0], ids[-1]), timeout=20_000)


def test_find_in_comparison(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.actions_by_name["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "two and a half")
    assert window.view.textCursor().selectedText() == "two and a half"
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum() // 2)
    place = window.view.verticalScrollBar().value()
    window.find_bar.edit.setText("no such words anywhere")
    assert not window.find_bar.find_next()
    assert window.view.verticalScrollBar().value() == place  # nothing found: nothing moves
    assert window.find_bar.status.text() == "Not found"


def test_find_counts_its_matches(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.actions_by_name["find"].trigger()
    qtbot.keyClicks(window.find_bar.edit, "Putin")
    total = window.view.toPlainText().count("Putin")
    assert total > 3
    assert window.find_bar.status.text() == f"1 of {total}"
    window.find_bar.find_next()
    assert window.find_bar.status.text() == f"2 of {total}"
    window.find_bar.find_previous()
    window.find_bar.find_previous()
    assert window.find_bar.status.text() == f"{total} of {total}"  # wrapped to the last


def test_find_enter_and_shift_enter_step_forward_and_back(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    from PySide6.QtCore import Qt

    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    window.actions_by_name["find"].trigger()
    qtbot.keyClicks(window.find_bar.edit, "Putin")
    positions = [window.view.textCursor().selectionStart()]
    for _ in range(2):
        qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
        positions.append(window.view.textCursor().selectionStart())
    assert positions[0] < positions[1] < positions[2]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.textCursor().selectionStart() == positions[1]


def test_zoom_keys_scale_the_text(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    size = window.view.document().defaultFont().pointSizeF()
    html = window.view.toHtml()
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.actions_by_name["zoom_in"].trigger()
        window.actions_by_name["zoom_in"].trigger()
    assert window.view.zoom() == 2
    assert window.view.toHtml() != html or window.view.document().defaultFont().pointSizeF() > size
    assert window.statusBar().currentMessage() == "Zoom 121 %"  # not wiped by the re-render
    window.actions_by_name["zoom_reset"].trigger()
    assert window.view.zoom() == 0


def test_boilerplate_toggle_re_renders(qtbot: Any, window: Any, seed_id: Any) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.actions_by_name["toggle_boilerplate"].trigger()
    assert "Boilerplate" in window.view.toPlainText()


def test_a_differing_figure_has_a_tooltip_with_both_values(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    from PySide6.QtGui import QTextCursor

    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    k = window.figures.figure_at_row(0)
    view = window.view
    assert view.mark_figure(k)
    start, length = view._spans[f"fig-{k}-a"]
    assert length == len(window.comparison().figures[k].a.text)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + length // 2)
    tip = view.tooltip_at(view.cursorRect(cursor).center())
    assert "more than 90 minutes" in tip
    assert "two and a half hours" in tip


def test_two_reports_of_two_events_are_warned_of(
    qtbot: Any, window: Any, seed_id: Any, library: Any
) -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "data" / "reference2"
    flood = library.add_text((folder / "flood_a.txt").read_text(encoding="utf-8"))
    compare_and_wait(qtbot, window, seed_id("001_"), flood)
    assert window.comparison().warnings
    assert window.summary_label.text().endswith("· ⚠ may be different events")
    assert "different events" in window.summary_label.toolTip()
    assert "different events" in window.view.toPlainText()
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    assert window.summary_label.toolTip() == ""


def test_a_source_address_is_a_link_that_opens_in_the_browser(
    qtbot: Any, window: Any, library: Any
) -> None:
    from pathlib import Path

    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    data = Path(__file__).parents[1] / "data" / "reference7"
    result = library.import_files([data / "laura_a.txt", data / "laura_b.txt"])
    a, b = (summary.id for summary in result.imported)
    compare_and_wait(qtbot, window, a, b)
    url = window.comparison().a.url
    assert url is not None
    assert url.startswith("https://")
    # The link is in the view's document, as an anchor.
    assert url in window.view.document().toHtml()

    class Browser(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[str] = []

        @Slot(QUrl)
        def open(self, target: QUrl) -> None:
            self.opened.append(target.toString())

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")  # Qt's hook for the user's browser
    try:
        window.view.anchorClicked.emit(QUrl(url))
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == [url]


def test_copying_a_passage_leaves_the_markers_out(qtbot: Any, window: Any, seed_id: Any) -> None:
    from PySide6.QtGui import QGuiApplication, QTextCursor

    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    view = window.view
    shown = view.toPlainText()
    assert "A¶2" in shown
    assert "⚠" in shown
    cursor = QTextCursor(view.document())
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)  # everything: every kind of marker is in it
    view.copy()
    mime = QGuiApplication.clipboard().mimeData()
    for marked in (mime.text(), mime.html()):
        assert "¶" not in marked
        assert "⚠" not in marked
    assert "more than 90 minutes" in mime.text()
    assert "two and a half hours" in mime.text()
    assert not any(line.startswith(" ") for line in mime.text().split("\n"))


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_the_default_layout_leaves_room_for_the_reports(
    qtbot: Any, library: Any, seed_id: Any, no_stray_threads: None, width: int, height: int
) -> None:
    from reportdiff.ui.main_window import MainWindow
    from reportdiff.ui.settings import open_settings

    win = MainWindow(library, open_settings(), restore_layout=False)
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    qtbot.waitExposed(win)
    try:
        compare_and_wait(qtbot, win, seed_id("001_"), seed_id("003_"))
        # each report's column gets a third of the screen or more ...
        assert win.view.width() >= width * 0.53
        # ... and the first paragraphs after the headlines show without scrolling
        first = win.comparison().alignment[1]
        assert win.view.anchor_visible("row-1"), first
    finally:
        win.close()


def _long_report(seed: int, words: int) -> str:
    import random

    rng = random.Random(seed)
    vocabulary = [f"word{n}" for n in range(3000)] + ["killed", "people", "storm", "town"]
    paragraphs = []
    for _ in range(words // 34):
        sentence = " ".join(rng.choices(vocabulary, k=30))
        paragraphs.append(f"{sentence.capitalize()} {rng.randint(2, 900)} people were counted.")
    return "Long report\n\n" + "\n\n".join(paragraphs)


def _start_long_comparison(
    qtbot: Any, window: Any, library: Any, seeds: tuple[int, int]
) -> tuple[int, int, list[str]]:
    """Two long reports picked as A and B, their comparison running; the list of
    what the window says when work fails or stops."""
    a = library.add_text(_long_report(seeds[0], 40_000))
    b = library.add_text(_long_report(seeds[1], 40_000))
    stopped: list[str] = []
    window.work_failed.connect(stopped.append)
    window.pickers.set_pair(a, b)
    qtbot.waitUntil(lambda: window.stop_button.isVisible(), timeout=10_000)
    return a, b, stopped


def test_a_long_comparison_shows_its_progress_and_can_be_stopped(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b, stopped = _start_long_comparison(qtbot, window, library, (1, 2))
    qtbot.waitUntil(lambda: window.compare_progress.value() > 0, timeout=10_000)
    assert "%" in window.compare_progress.text()
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(stopped), timeout=10_000)
    assert stopped == ["Comparison stopped."]
    assert window.statusBar().currentMessage() == "Comparison stopped."
    assert not window.stop_button.isVisible()
    assert window.shown_pair() != (a, b)
    # the window goes on: another pair compares as usual
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))


def test_a_note_on_capped_figures_is_no_warning_of_two_events(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    from dataclasses import replace

    from reportdiff.engine.compare import _reports_state

    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    capped = f"{_reports_state(['A', 'B'])} more than 3,000 figures, as a table does."
    assert capped.startswith("Reports A and B state more")
    window._show_summary(replace(window.comparison(), warnings=(capped,)))
    assert "different events" not in window.summary_label.text()
    assert window.summary_label.text().endswith("· ⚠ see the note")
    assert capped in window.summary_label.toolTip()


def test_a_stopped_comparison_leaves_the_pickers_on_the_pair_shown(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    shown = (seed_id("001_"), seed_id("003_"))
    compare_and_wait(qtbot, window, *shown)
    _a, _b, stopped = _start_long_comparison(qtbot, window, library, (3, 4))
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(stopped), timeout=30_000)
    assert window.shown_pair() == shown
    assert window.pickers.pair() == shown  # not the stopped pair the view never showed


def test_a_report_against_itself_is_said_to_be_the_same_text(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("001_"))
    assert "A and B are the same text" in window.summary_label.text()
