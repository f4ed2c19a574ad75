"""Compare ▸ Event matrix: the seeds' event, fact by fact, in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import report_id

pytestmark = pytest.mark.gui


def _open_matrix(qtbot: Any, window: Any) -> Any:
    window.library_pane.select_event(window.library.events()[0].id)
    window.actions_by_name["event_matrix"].trigger()
    qtbot.waitUntil(lambda: window.event_matrix is not None, timeout=20_000)
    dialog = window.event_matrix
    qtbot.waitExposed(dialog)
    return dialog


def test_the_matrix_opens_on_the_event_with_the_disagreement_first(qtbot: Any, window: Any) -> None:
    dialog = _open_matrix(qtbot, window)
    model, proxy = dialog.model, dialog.proxy
    assert model.columnCount() == 2 + 5
    assert proxy.index(0, 0).data() == "phone call duration"
    assert proxy.index(0, 1).data() == "⚠ disagree"
    values = {proxy.index(0, c).data() for c in range(2, 7)} - {None}
    assert values == {"more than 90 minutes", "two and a half hours"}
    # the cell's tooltip gives the value as read and the report's title
    cell = next(c for c in range(2, 7) if proxy.index(0, c).data() == "more than 90 minutes")
    assert "more than 1 h 30 min" in proxy.index(0, cell).data(Qt.ItemDataRole.ToolTipRole)
    assert proxy.index(0, cell).data(Qt.ItemDataRole.BackgroundRole) is not None
    # sorting by fact, then back by status
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    facts = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert facts == sorted(facts)
    dialog.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 1).data() == "⚠ disagree"


def test_a_double_click_opens_the_pair_at_the_figure(qtbot: Any, window: Any, library: Any) -> None:
    dialog = _open_matrix(qtbot, window)
    proxy = dialog.proxy
    cell = next(c for c in range(2, 7) if proxy.index(0, c).data() == "more than 90 minutes")
    rect = dialog.table.visualRect(proxy.index(0, cell))
    viewport = dialog.table.viewport()
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        # a press first, as a real double click has: the view opens what was pressed
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    a, b = window.shown_pair()
    assert a == report_id(library, "001_")  # the report of the cell
    assert b == report_id(library, "003_")  # the one that disagrees with it
    qtbot.waitUntil(lambda: window.view.marked_figure() is not None, timeout=5_000)
    figure = window.comparison().figures[window.view.marked_figure()]
    assert figure.a.text == "more than 90 minutes"


def test_the_matrix_exports(qtbot: Any, window: Any, tmp_path: Path) -> None:
    dialog = _open_matrix(qtbot, window)
    for fmt in ("html", "csv", "json"):
        target = tmp_path / f"m.{fmt}"
        assert dialog.export(target, fmt)
        assert "two and a half hours" in target.read_text(encoding="utf-8")
    from pypdf import PdfReader

    assert dialog.export(tmp_path / "m.pdf", "pdf")
    page = PdfReader(tmp_path / "m.pdf").pages[0]
    assert "twoandahalf" in "".join(page.extract_text().split())
    assert page.mediabox.width > page.mediabox.height  # five reports: landscape
    # the library is never written over: refused, said, and left as it was
    before = window.library.path.read_bytes()
    assert not dialog.export(window.library.path, "html")
    assert window.library.path.read_bytes() == before
