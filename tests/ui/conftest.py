"""Fixtures for the window tests: a real seeded library, a real engine, a shown window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import MessageBoxes, report_id


@pytest.fixture
def window(
    qtbot: Any, library: Any, no_stray_threads: None, message_boxes: MessageBoxes
) -> Iterator[Any]:
    """A shown main window; Qt's message boxes are recorded, never left open and blocking."""
    from reportdiff.ui.main_window import MainWindow
    from reportdiff.ui.settings import open_settings

    win = MainWindow(library, open_settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def seed_id(library: Any) -> Callable[[str], int]:
    return lambda prefix: report_id(library, prefix)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Patch Qt's message boxes (not our code): questions answer Yes, all are recorded."""
    boxes = MessageBoxes(QMessageBox.StandardButton.Yes)
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes(kind)))
    return boxes
