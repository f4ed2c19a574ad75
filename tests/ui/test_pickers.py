"""The A/B pickers: the event's reports first, typing searches the whole library."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from reportdiff.ui.pickers import ID_ROLE, PickersBar

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(qtbot: Any, library: Any) -> PickersBar:
    library.add_text(
        "Storm Ada closes ports\n\nStorm Ada closed 14 ports on Monday, officials said.",
        event="Storms",
    )
    pickers = PickersBar(library)
    qtbot.addWidget(pickers)
    sample = next(e.id for e in library.events() if e.name != "Storms")
    pickers.set_event(sample)
    return pickers


def test_a_picker_lists_the_reports_of_its_event(bar: PickersBar, library: Any) -> None:
    sample = next(e for e in library.events() if e.name != "Storms")
    assert bar.picker_a.count() == sample.count


def test_typing_searches_the_whole_library(qtbot: Any, bar: PickersBar, library: Any) -> None:
    picker = bar.picker_a
    qtbot.keyClicks(picker.line_edit(), "Ada")
    qtbot.waitUntil(lambda: picker._matches.rowCount() == 1, timeout=5_000)
    completer = picker.completer()
    index = completer.completionModel().index(0, 0)
    with qtbot.waitSignal(picker.picked):
        completer.activated[type(index)].emit(index)
    assert library.article(picker.current_id()).title == "Storm Ada closes ports"
    assert index.data(ID_ROLE) == picker.current_id()
    picker.line_edit().setCursorPosition(len(picker.line_edit().text()))  # as the completer does
    qtbot.waitUntil(lambda: picker.line_edit().cursorPosition() == 0, timeout=2_000)


def test_swap_exchanges_a_and_b(qtbot: Any, bar: PickersBar, library: Any) -> None:
    ids = [s.id for s in library.list_articles(limit=2)]
    with qtbot.waitSignal(bar.pair_changed) as first:
        bar.set_pair(ids[0], ids[1])
    assert first.args == [ids[0], ids[1]]
    with qtbot.waitSignal(bar.pair_changed) as swapped:
        qtbot.mouseClick(bar.swap_button, Qt.MouseButton.LeftButton)
    assert swapped.args == [ids[1], ids[0]]


def test_a_report_known_by_its_address_shows_its_site_and_day(
    qtbot: Any, library: Any, tmp_path: Any
) -> None:
    page = tmp_path / "quake.txt"
    page.write_text(
        "Source: https://news.example.co.uk/world/2024-05-02/quake.html\n\n"
        "Quake kills 12\n\nA strong earthquake killed 12 people on Thursday, officials said.",
        encoding="utf-8",
    )
    result = library.import_files([page], event="Quakes")
    pickers = PickersBar(library)
    qtbot.addWidget(pickers)
    pickers.set_event(next(e.id for e in library.events() if e.name == "Quakes"))
    labels = [pickers.picker_a.itemText(k) for k in range(pickers.picker_a.count())]
    assert labels == ["Quake kills 12 — example.co.uk, 2024-05-02"]
    assert pickers.picker_a.set_current_id(result.imported[0].id)
