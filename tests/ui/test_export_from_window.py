"""File ▸ Export… and Edit ▸ Copy comparison from the window."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from ui_helpers import compare_and_wait

from reportdiff.ui.export_dialog import format_for, with_suffix

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def compared(qtbot: Any, window: Any, seed_id: Any) -> Any:
    compare_and_wait(qtbot, window, seed_id("001_"), seed_id("003_"))
    return window


def export(qtbot: Any, window: Any, path: Path, fmt: str) -> Path:
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as signal:
        window.export_to(path, fmt)
    return Path(signal.args[0])


@pytest.mark.gui
@pytest.mark.parametrize("fmt", ["html", "csv", "json", "pdf"])
def test_export_writes_each_format(qtbot: Any, compared: Any, tmp_path: Path, fmt: str) -> None:
    written = export(qtbot, compared, tmp_path / f"out.{fmt}", fmt)
    data = written.read_bytes()
    if fmt == "html":
        assert b"two and a half hours" in data
    elif fmt == "csv":
        rows = list(csv.reader(data.decode("utf-8").splitlines()))
        assert len(rows) > 1
    elif fmt == "json":
        assert json.loads(data)["schema"] == "reportdiff.comparison/1"
    else:
        assert data.startswith(b"%PDF")
    assert compared.settings.export_folder() == str(tmp_path)


@pytest.mark.gui
def test_export_to_an_unwritable_folder_says_so_and_keeps_the_old_file(
    qtbot: Any, compared: Any, tmp_path: Path, message_boxes: Any
) -> None:
    if os.geteuid() == 0:
        target = tmp_path / "missing-folder" / "out.html"  # root ignores permissions
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "out.html"
    with qtbot.waitSignal(compared.work_failed, timeout=30_000) as signal:
        compared.export_to(target, "html")
    assert "not saved" in signal.args[0]
    assert "earlier file is unchanged" in message_boxes.texts("warning")[0]
    assert not target.exists()


@pytest.mark.gui
def test_export_over_the_open_library_is_refused_and_loses_nothing(
    qtbot: Any, compared: Any, message_boxes: Any
) -> None:
    library = compared.library.path
    before = library.read_bytes()
    link = library.parent / "comparison.html"
    link.symlink_to(library)
    for target in (library, link):
        with qtbot.waitSignal(compared.work_failed, timeout=30_000) as signal:
            compared.export_to(target, "html")
        assert "is the library; choose another file" in signal.args[0]
    assert library.read_bytes() == before
    assert compared.library.count_articles() == 5


@pytest.mark.gui
def test_copy_comparison_as_rich_text(compared: Any) -> None:
    compared.actions_by_name["copy_comparison"].trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml()
    assert "two and a half hours" in mime.html()
    assert "two and a half hours" in mime.text()


@pytest.mark.parametrize(
    ("path", "chosen_filter", "fmt", "final"),
    [
        ("/x/a.pdf", "HTML page (*.html *.htm)", "pdf", "/x/a.pdf"),  # the suffix wins
        ("/x/a", "Figures as CSV (*.csv)", "csv", "/x/a.csv"),  # no suffix: the filter
        ("/x/a.htm", "PDF document (*.pdf)", "html", "/x/a.htm"),
    ],
)
def test_format_and_suffix(path: str, chosen_filter: str, fmt: str, final: str) -> None:
    assert format_for(path, chosen_filter) == fmt
    assert with_suffix(path, fmt) == Path(final)
