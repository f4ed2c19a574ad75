"""`reportdiff --db PATH --compare A B --screenshot FILE.png`, run in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reportdiff.store import Library
from reportdiff.ui.app import run_app

pytestmark = pytest.mark.gui

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_screenshot_of_two_files_on_a_new_library(
    qtbot: Any, tmp_path: Path, no_stray_threads: None
) -> None:
    db, png = tmp_path / "new.db", tmp_path / "shot.png"
    files = [str(SEEDS / "001_b09a5fa10f149ba2.txt"), str(SEEDS / "003_f4d5323a934206aa.txt")]
    assert run_app(str(db), files, str(png)) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 860)
    with Library.open(db, create=False) as library:
        # seeded on first start; the two files were already there (no duplicates added)
        assert library.count_articles() == 5


def test_screenshot_of_library_ids_and_a_new_file(
    qtbot: Any, tmp_path: Path, library_path: Path, library: Any, no_stray_threads: None
) -> None:
    extra = tmp_path / "storm.txt"
    extra.write_text("Storm Ada\n\nStorm Ada closed 14 ports on Monday.", encoding="utf-8")
    first = library.list_articles(limit=1)[0].id
    png = tmp_path / "shot.png"
    listed: list[int] = []

    def look() -> None:  # while the app runs: what does the library pane list?
        from reportdiff.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        listed.extend(w.library_pane.model.total() for w in windows)

    QTimer.singleShot(0, look)
    assert run_app(str(library_path), [str(first), str(extra)], str(png)) == 0
    assert png.stat().st_size > 10_000
    assert library.count_articles() == 6
    assert listed == [6]  # the imported file is listed, not only the reports there before


def test_an_unknown_id_is_a_clear_error(
    tmp_path: Path, library_path: Path, library: Any, capsys: Any
) -> None:
    assert run_app(str(library_path), ["99999", "1"], str(tmp_path / "x.png")) == 2
    assert "no report with id 99999" in capsys.readouterr().err


def test_first_start_seeds_the_library_and_paints(
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
    no_stray_threads: None,
) -> None:
    monkeypatch.setenv("REPORTDIFF_EXIT_AFTER_PAINT", "1")
    db = tmp_path / "first.db"
    assert run_app(str(db), None, None) == 0
    assert "first paint after" in capsys.readouterr().out
    with Library.open(db, create=False) as library:
        assert library.count_articles() == 5
        assert len(library.events()) == 1


def test_a_scripted_run_never_waits_on_a_dialog(
    tmp_path: Path,
    library_path: Path,
    library: Any,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    # As on a desktop: a person starting the window would get the dialog; a
    # `--screenshot` run is a script, and a dialog would hang it.
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert run_app(str(library_path), ["99999", "1"], str(tmp_path / "x.png")) == 2
    assert message_boxes.shown == []


def test_screenshot_over_the_library_is_refused_by_the_writer(
    qtbot: Any, tmp_path: Path, capsys: Any, no_stray_threads: None
) -> None:
    """run_app itself (not only the CLI's early check) keeps the library it opened."""
    db = tmp_path / "library"
    files = [str(SEEDS / "001_b09a5fa10f149ba2.txt"), str(SEEDS / "003_f4d5323a934206aa.txt")]
    assert run_app(str(db), files, str(db)) == 1
    assert "cannot save the screenshot" in capsys.readouterr().err
    with Library.open(db, create=False) as library:
        assert library.count_articles() == 5


def test_screenshot_replaces_an_earlier_picture_atomically(
    qtbot: Any, tmp_path: Path, no_stray_threads: None
) -> None:
    png = tmp_path / "shot.png"
    png.write_bytes(b"earlier")
    files = [str(SEEDS / "001_b09a5fa10f149ba2.txt"), str(SEEDS / "003_f4d5323a934206aa.txt")]
    assert run_app(str(tmp_path / "new.db"), files, str(png)) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
