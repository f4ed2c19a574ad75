"""Helpers for the window tests (a module, since tests/ is not a package)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox


def report_id(library: Any, source_prefix: str) -> int:
    """The id of the seed report whose file name starts with `source_prefix`."""
    for summary in library.list_articles():
        source = library.article(summary.id).source_path or ""
        if source.rsplit("/", 1)[-1].startswith(source_prefix):
            return int(summary.id)
    raise LookupError(source_prefix)


class MessageBoxes:
    """Qt's static QMessageBox functions, answered and recorded instead of shown."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.shown: list[tuple[str, str]] = []

    def __call__(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            self.shown.append((kind, text))
            return self.answer

        return show

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, t in self.shown if kind is None or k == kind]


def compare_and_wait(qtbot: Any, window: Any, a: int, b: int) -> None:
    """Pick a and b and wait for the comparison; a failure fails with its message."""
    outcome: list[str] = []

    def shown() -> None:
        outcome.append("")

    window.work_failed.connect(outcome.append)
    window.comparison_shown.connect(shown)
    try:
        window.pickers.set_pair(a, b)
        qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    finally:
        window.work_failed.disconnect(outcome.append)
        window.comparison_shown.disconnect(shown)
    assert outcome == [""], f"the comparison failed: {outcome[0]}"
