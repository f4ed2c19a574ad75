"""The view keeps the documents of the comparisons shown last, laid out."""

from __future__ import annotations

from typing import Any

import shiboken6
from ui_helpers import compare_and_wait


def test_going_back_to_a_pair_reuses_its_laid_out_document(
    qtbot: Any, window: Any, seed_id: Any
) -> None:
    one, three, two, four = (seed_id(p) for p in ("001_", "003_", "002_", "004_"))
    compare_and_wait(qtbot, window, one, three)
    first = window.view.document()
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    compare_and_wait(qtbot, window, two, four)
    assert window.view.document() is not first
    assert window.view.verticalScrollBar().value() == 0  # another pair opens at its top
    compare_and_wait(qtbot, window, one, three)
    assert window.view.document() is first
    assert window.view.verticalScrollBar().value() == 0
    # the kept document still navigates: its anchors are the ones shown
    figures = window.view.comparison().figures
    differing = next(k for k, f in enumerate(figures) if f.status == "differs")
    window.show_figure(differing)
    assert window.view.marked_figure() == differing
    marked = [s.cursor.selectedText() for s in window.view.extraSelections()]
    assert "more than 90 minutes" in marked
    assert "two and a half hours" in marked


def test_documents_beyond_the_last_few_are_freed(qtbot: Any, window: Any, seed_id: Any) -> None:
    ids = [seed_id(f"00{i}_") for i in range(5)]
    pairs = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    compare_and_wait(qtbot, window, *pairs[0])
    oldest = window.view.document()
    for pair in pairs[1:7]:
        compare_and_wait(qtbot, window, *pair)
    qtbot.waitUntil(lambda: not shiboken6.isValid(oldest), timeout=5_000)
    assert len(window.view.document_keys()) == 4


def test_long_documents_are_kept_fewer(qtbot: Any, window: Any, seed_id: Any) -> None:
    from reportdiff.ui import aligned_view

    ids = [seed_id(f"00{i}_") for i in range(4)]
    compare_and_wait(qtbot, window, ids[0], ids[1])
    shown = window.view.document().characterCount()
    # A budget for fewer than two documents of this size: only the shown one stays.
    window.view._documents.CHARACTERS = shown + 1
    compare_and_wait(qtbot, window, ids[2], ids[3])
    assert len(window.view.document_keys()) == 1
    assert aligned_view.view_key(window.view._html, 0) in window.view.document_keys()
