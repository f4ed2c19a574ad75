"""`reportdiff --db PATH --compare A B --screenshot FILE.png`, run in-process."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_helpers import report_id

from reportdiff.store import Library
from reportdiff.ui.app import FIRST_PAIR_SEEDS, initial_pair, run_app

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


def _seed_name(library: Library, report_id: int) -> str:
    return Path(library.article(report_id).source_path or "").name


def test_first_start_opens_the_sample_pair_whose_figures_differ(
    qtbot: Any, tmp_path: Path, no_stray_threads: None
) -> None:
    """A new library opens on the README's pair ("more than 90 minutes", "two and a half hours")."""
    from reportdiff.ui.main_window import MainWindow

    shown: list[tuple[tuple[int, int] | None, str]] = []

    def watch() -> None:  # while the app runs: which comparison does it open on?
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

        def record() -> None:
            shown.append((window.shown_pair(), window.summary_label.text()))
            QApplication.exit(0)

        window.comparison_shown.connect(record)
        give_up = QTimer(window)
        give_up.setSingleShot(True)
        give_up.timeout.connect(lambda: QApplication.exit(1))
        give_up.start(60_000)

    QTimer.singleShot(0, watch)
    db = tmp_path / "first.db"
    assert run_app(str(db), None, None) == 0
    assert len(shown) == 1
    pair, summary = shown[0]
    assert pair is not None
    with Library.open(db, create=False) as library:
        assert tuple(_seed_name(library, i) for i in pair) == FIRST_PAIR_SEEDS
    assert "0 figures differ" not in summary


def test_initial_pair_of_a_new_library_is_the_sample_pair(library: Any, window: Any) -> None:
    a, b = initial_pair(library, window)
    assert (_seed_name(library, a), _seed_name(library, b)) == FIRST_PAIR_SEEDS


def test_initial_pair_without_the_sample_pair_is_two_reports_of_the_first_event(
    library: Any, window: Any
) -> None:
    library.delete_article(report_id(library, "003_"))
    pair = initial_pair(library, window)
    assert pair is not None
    assert len({library.article(i).event_id for i in pair}) == 1
    assert all(library.article(i).event_id == library.events()[0].id for i in pair)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb platform is Linux's")
def test_a_window_with_no_display_is_refused_before_qt_aborts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    db = tmp_path / "never.db"
    assert run_app(str(db), None, None) == 2
    err = capsys.readouterr().err
    assert err.startswith("reportdiff: cannot open the window.")
    assert "DISPLAY is not set" in err
    assert "reportdiff compare A B" in err
    assert not db.exists()  # refused before anything was opened


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb platform is Linux's")
def test_a_screenshot_run_is_not_refused_by_the_check(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_stray_threads: None
) -> None:
    # The QApplication of this test process is offscreen already; the check must not
    # stand in the way of a scripted screenshot whatever the environment says.
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    files = [str(SEEDS / name) for name in FIRST_PAIR_SEEDS]
    png = tmp_path / "shot.png"
    assert run_app(str(tmp_path / "new.db"), files, str(png)) == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_compare_says_which_files_it_imported(
    qtbot: Any, tmp_path: Path, library: Any, window: Any
) -> None:
    from ui_helpers import compare_and_wait

    from reportdiff.ui.app import _tell_once_shown, resolve_pair

    extra = tmp_path / "storm.txt"
    extra.write_text("Storm Ada\n\nStorm Ada closed 14 ports on Monday.", encoding="utf-8")
    seed = str(SEEDS / "001_b09a5fa10f149ba2.txt")  # stored when the library was seeded
    pair, notice = resolve_pair(library, [str(extra), seed])
    assert notice == (
        "Imported storm.txt into the library; 001_b09a5fa10f149ba2.txt was there already."
    )
    assert library.count_articles() == 6
    # a second run imports nothing
    assert resolve_pair(library, [str(extra), seed])[1] == (
        "Already in the library: storm.txt and 001_b09a5fa10f149ba2.txt."
    )
    # library ids say nothing
    assert resolve_pair(library, [str(pair[0]), str(pair[1])]) == (pair, "")
    _tell_once_shown(window, notice)
    compare_and_wait(qtbot, window, *pair)
    assert window.statusBar().currentMessage() == notice
