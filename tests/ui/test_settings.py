"""What the window remembers: layout, last pair, zoom, boilerplate."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import compare_and_wait

from reportdiff.ui.app import initial_pair
from reportdiff.ui.main_window import MainWindow
from reportdiff.ui.settings import open_settings

pytestmark = pytest.mark.gui


def test_settings_are_restored_on_a_new_window(
    qtbot: Any, window: Any, library: Any, seed_id: Any
) -> None:
    a, b = seed_id("002_"), seed_id("004_")
    compare_and_wait(qtbot, window, a, b)
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["toggle_boilerplate"].trigger()
    window.figures_dock.hide()
    window.resize(701, 503)  # within the offscreen screen (800×600)
    qtbot.waitUntil(lambda: window.shown_pair() == (a, b))
    window.close()

    again = MainWindow(library, open_settings())
    qtbot.addWidget(again)
    assert again.view.zoom() == 1
    assert again.actions_by_name["toggle_boilerplate"].isChecked()
    assert again.figures_dock.isHidden()
    assert not again.actions_by_name["toggle_figures"].isChecked()
    assert (again.width(), again.height()) == (701, 503)
    assert initial_pair(library, again) == (a, b)


def test_first_start_opens_two_reports_of_the_sample_event(window: Any, library: Any) -> None:
    pair = initial_pair(library, window)
    event = library.events()[0]
    assert pair is not None
    assert {library.article(i).event_id for i in pair} == {event.id}


def test_a_deleted_last_pair_falls_back_to_the_event(
    window: Any, library: Any, seed_id: Any
) -> None:
    window.settings.set_last_pair(seed_id("001_"), 999_999)
    pair = initial_pair(library, window)
    assert pair is not None
    assert 999_999 not in pair
