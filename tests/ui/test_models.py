"""The custom item models: Qt's model tester, lazy paging, figure order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reportdiff.engine import compare
from reportdiff.store import Library, read_report_file
from reportdiff.store.importer import prepare_text
from reportdiff.ui.figures_panel import FiguresModel, FiguresPanel
from reportdiff.ui.library_model import PAGE, LibraryModel

pytestmark = pytest.mark.gui

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _many(library: Any, n: int) -> None:
    texts = (
        prepare_text(f"Report {i} on the flood\n\nThe river rose {i} cm overnight.", title=None)
        for i in range(n)
    )
    library.add_many(texts, event="Flood")


def seed_comparison() -> Any:
    return compare(
        read_report_file(SEEDS / "001_b09a5fa10f149ba2.txt"),
        read_report_file(SEEDS / "003_f4d5323a934206aa.txt"),
    )


def test_library_model_passes_qt_model_tester(qtmodeltester: Any, library: Any) -> None:
    qtmodeltester.check(LibraryModel(library), force_py=True)


def test_library_model_loads_pages_lazily(library_path: Path, qtmodeltester: Any) -> None:
    with Library.open(library_path) as library:
        _many(library, PAGE * 2 + 10)
        model = LibraryModel(library)
        assert model.total() == PAGE * 2 + 10
        assert model.rowCount() == PAGE
        assert model.canFetchMore()
        model.fetchMore()
        assert model.rowCount() == PAGE * 2
        model.fetchMore()
        assert model.rowCount() == model.total()
        assert not model.canFetchMore()
        qtmodeltester.check(model, force_py=True)


def test_library_model_filters_by_event_and_search(library: Any) -> None:
    _many(library, 3)
    model = LibraryModel(library)
    flood = next(e.id for e in library.events() if e.name == "Flood")
    model.set_filter(event_id=flood, search=None)
    assert model.total() == 3
    model.set_filter(event_id=None, search="Kremlin")
    assert 0 < model.total() <= 5
    assert all("Report" not in (model.summary(r).title or "") for r in range(model.rowCount()))


def test_figures_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = FiguresModel()
    model.set_comparison(seed_comparison())
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_figures_panel_puts_differing_figures_first(qtbot: Any) -> None:
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    comparison = seed_comparison()
    panel.set_comparison(comparison)
    statuses = [
        comparison.figures[panel.figure_at_row(r)].status for r in range(len(comparison.figures))
    ]
    first_other = next((i for i, s in enumerate(statuses) if s != "differs"), len(statuses))
    assert "differs" not in statuses[first_other:]
    assert statuses[0] == "differs"


def test_figures_panel_sorts_by_what(qtbot: Any) -> None:
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    comparison = seed_comparison()
    panel.set_comparison(comparison)
    panel.table.sortByColumn(0, panel.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    whats = [
        comparison.figures[panel.figure_at_row(r)].what.casefold()
        for r in range(len(comparison.figures))
    ]
    assert whats == sorted(whats)


def test_figures_panel_sorts_values_as_numbers(qtbot: Any) -> None:
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    comparison = seed_comparison()
    panel.set_comparison(comparison)
    panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    counts = [
        figure.value
        for r in range(len(comparison.figures))
        if (figure := comparison.figures[panel.figure_at_row(r)].b) is not None
        and figure.dimension == "count"
    ]
    assert len(counts) >= 2
    assert counts == sorted(counts)  # 23 before 175, not "175" before "23"
    last = comparison.figures[panel.figure_at_row(len(comparison.figures) - 1)]
    assert last.b is None  # figures B does not give come last


def test_figures_panel_shows_values_and_status_whole(qtbot: Any) -> None:
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(seed_comparison())
    panel.resize(panel.sizeHint())
    panel.show()
    qtbot.waitExposed(panel)
    metrics = panel.table.fontMetrics()
    header = panel.table.horizontalHeader()
    for text, column in (
        ("differs", 3),
        ("only in B", 3),
        ("two and a half", 1),
        ("more than 90", 2),
    ):
        assert metrics.horizontalAdvance(text) < header.sectionSize(column), text
    assert header.sectionSize(0) >= metrics.horizontalAdvance("phone call")
