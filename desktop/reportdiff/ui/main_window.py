"""The main window: wires the panes, the actions and the background work.

It computes nothing itself: reports come from the store, the comparison from
`reportdiff.engine.compare`, the view's HTML from the one renderer
(`reportdiff.export.html.render_html`). Comparing, importing and exporting
run on the thread pool; results come back as signals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QProgressDialog,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reportdiff.engine.kinship import UNRELATED_WARNING
from reportdiff.engine.model import Comparison, FigurePair
from reportdiff.engine.progress import Cancelled, Progress, quiet
from reportdiff.review import (
    PAIR,
    PAIR_KEY,
    Review,
    figure_key,
    figure_label,
    hand_pair_key,
    link_key,
    paragraphs_label,
    row_key,
    structural,
)
from reportdiff.review import apply as apply_reviews
from reportdiff.store import (
    DuplicateReport,
    FetchLimits,
    ImportedText,
    ImportRefused,
    ImportResult,
    Library,
    LibraryError,
    read_address,
)
from reportdiff.store.address import lone_address
from reportdiff.ui import workers
from reportdiff.ui.aligned_view import (
    AlignedView,
    FindBar,
    ParsedView,
    build_document,
    view_key,
)
from reportdiff.ui.dialogs import (
    AddressDialog,
    EditDetailsDialog,
    PasteArticleDialog,
    confirm,
    show_error,
    theme_for,
)
from reportdiff.ui.figures_panel import FiguresPanel
from reportdiff.ui.library_pane import LibraryPane
from reportdiff.ui.pickers import PickersBar
from reportdiff.ui.settings import ZOOM_MAX, ZOOM_MIN, WindowSettings
from reportdiff.ui.shortcuts import ACTIONS

NO_EVENT = "(no event)"


class _ReviewCommand(QUndoCommand):
    """One review decision, undoable: the state before and after, stored on (re)do."""

    def __init__(
        self,
        window: MainWindow,
        pair: tuple[int, int],
        key: str,
        label: str,
        before: tuple[str | None, str | None],
        after: tuple[str | None, str | None],
        action: str,
    ) -> None:
        words = {
            "confirm": "Confirm",
            "dismiss": "Dismiss",
            "note": "Note on",
            "clear": "Clear",
            "pair": "Pair",
            "unpair": "Unpair",
            "link": "Link",
            "unlink": "Unlink",
        }
        super().__init__(f"{words.get(action, action)} “{label}”")
        self._window, self._pair, self._key, self._label = window, pair, key, label
        self._before, self._after = before, after

    def redo(self) -> None:
        self._window._store_review(self._pair, self._key, self._label, self._after)

    def undo(self) -> None:
        self._window._store_review(self._pair, self._key, self._label, self._before)


class _TextCommand(QUndoCommand):
    """A report's text replaced by a newer version (Edit ▸ Update report text),
    undoable: the text before is kept to put back."""

    def __init__(self, window: MainWindow, article_id: int, title: str, texts: list[str]) -> None:
        super().__init__(f"Update the text of “{title}”")
        self._window, self._id, self._texts = window, article_id, texts  # [before, after]

    def redo(self) -> None:
        self._window._set_text(self._id, self._texts[1])

    def undo(self) -> None:
        self._window._set_text(self._id, self._texts[0])


class _DeleteCommand(QUndoCommand):
    """Deleting reports, undoable within the session: undo restores their rows,
    ids and reviews from the snapshots taken before."""

    def __init__(self, window: MainWindow, ids: list[int], snapshots: list[Any]) -> None:
        super().__init__(f"Delete {len(ids)} report(s)")
        self._window, self._ids, self._snapshots = window, ids, snapshots

    def redo(self) -> None:
        self._window.delete_reports(self._ids)

    def undo(self) -> None:
        window = self._window

        def restore() -> None:
            for snapshot in self._snapshots:
                window.library.restore_article(snapshot)

        window._write(restore, rerender=False)
        window.statusBar().showMessage(f"Restored {len(self._ids)} report(s).", 5000)


def compare_job(
    path: Path,
    a: int,
    b: int,
    *,
    boilerplate: bool,
    theme: str,
    zoom: int = 0,
    kept: frozenset[str] = frozenset(),
    progress: Progress | None = None,
) -> tuple[Comparison, str, ParsedView | None, Any]:
    """Read two reports, compare them, render and parse the view's HTML (on a pool thread);
    the last item is the reader's review fitted to the comparison (review.reviewed).

    The parse is left out when the view keeps that HTML's document (`kept`, its
    `view_key`s when the job started). `progress` follows the work and may stop
    it (engine/progress.py).
    """
    from reportdiff.engine import compare
    from reportdiff.export.html import render_html
    from reportdiff.review import reviewed

    progress = progress or quiet
    progress("Reading the reports", 0.0)
    # SQLite connections belong to one thread: this job opens its own.
    with Library.open(path, create=False) as library:
        report_a, report_b = _report(library.article(a)), _report(library.article(b))
        stored = library.reviews(a, b)
    comparison = compare(
        report_a, report_b, progress=lambda stage, done: progress(stage, 0.8 * done)
    )
    # The reader's links, pairs and decisions (review.py) shape what is shown.
    comparison, review = reviewed(comparison, stored)
    progress("Laying out the text", _ENGINE_SHARE)
    html = render_html(
        comparison, boilerplate=boilerplate, theme=theme, for_screen=True, review=review
    )
    if view_key(html, zoom) in kept:
        return comparison, html, None, review
    progress("Laying out the text", 0.9)
    return comparison, html, build_document(html, zoom), review


def _report(article: Any) -> Any:
    """The engine's Report of a stored article, parsed once per text and details."""
    return _parse(article.body, article.title, article.outlet, article.url, article.published)


@functools.lru_cache(maxsize=64)
def _parse(
    body: str, title: str, outlet: str | None, url: str | None, published: str | None
) -> Any:
    # Keyed by everything the Report is made of, so an edited report is parsed anew.
    from reportdiff.store.importer import report_from

    return report_from(body, title, outlet, url, published)


DEFAULT_SIZE = (1400, 860)
COMPARE_PROGRESS_AFTER_MS = 400  # a comparison longer than this shows its progress
_ENGINE_SHARE = 0.8  # of a comparison's time in the window; laying out the text takes the rest


def default_size(available: QSize) -> tuple[int, int]:
    """The window's first size: 1400×860, or what the screen has room for."""
    return (
        min(DEFAULT_SIZE[0], max(800, available.width() - 40)),
        min(DEFAULT_SIZE[1], max(560, available.height() - 40)),
    )


def dock_widths(window_width: int) -> tuple[int, int]:
    """Library and figures docks' widths in the default layout: the reports'
    two columns get the rest, at least ~340 px each on a 1280 px screen."""
    library = max(200, min(320, window_width * 19 // 100))
    figures = max(260, min(460, window_width * 24 // 100))
    return library, figures


class MainWindow(QMainWindow):
    """Library on the left, the comparison in the centre, figures on the right."""

    comparison_shown = Signal()
    first_painted = Signal()  # the window is on screen: slower work may start
    import_finished = Signal(object)  # the store's ImportResult
    export_finished = Signal(object)  # the written path
    work_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: Any,
        parent: QWidget | None = None,
        *,
        restore_layout: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("ReportDiff")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.library = library
        self.settings = WindowSettings(settings)
        self._pair: tuple[int, int] | None = None
        self._shown_pair: tuple[int, int] | None = None
        self._token = 0
        self._busy = 0
        self._painted = False
        self._shut_down = False
        # A child timer, not QTimer.singleShot: it dies with the window, never firing late.
        self._first_paint_timer = QTimer(self)
        self._first_paint_timer.setSingleShot(True)
        self._first_paint_timer.setInterval(0)
        self._first_paint_timer.timeout.connect(self.first_painted.emit)
        # False for scripted runs (screenshots): settings stay as they were and failures
        # arrive through work_failed only, with no dialog waiting for a click.
        self.remember = True
        self.actions_by_name = self._make_actions()
        self._build_panes()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._compare_timer = QTimer(self)
        self._compare_timer.setSingleShot(True)
        # Marks a burst of requests within one event-loop turn; the last one wins.
        self._compare_timer.setInterval(0)
        self._compare_timer.timeout.connect(self._end_burst)
        self._compare_pending = False
        self._busy_message = ""
        self._fit_docks = False
        self._compare_job: workers.Job | None = None
        self.event_matrix: QWidget | None = None  # the last event matrix shown
        self.pair_note: str | None = None  # the reader's note on the shown pair
        # Links and pairs made by hand that no longer fit the reports (review.py).
        self._structure_outdated: list[Review] = []
        self.fetch_limits = FetchLimits()  # for web addresses (tests shorten the time-outs)
        self._restore_settings(restore_layout)

    # --- building ----------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        for name, spec in ACTIONS.items():
            action = QAction(spec.text, self)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            tip = spec.tip or spec.text.replace("&", "").rstrip("…")
            keys = ", ".join(spec.keys)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            handler: Callable[[], object] = getattr(self, f"_on_{name}")
            action.triggered.connect(lambda _checked=False, h=handler: h())
            if name != "delete":  # Delete is bound on the library list only (below)
                self.addAction(action)
            actions[name] = action
        for name in ("toggle_boilerplate", "toggle_library", "toggle_figures"):
            actions[name].setCheckable(True)
        # Delete acts on the library list only while it has focus (the action is added
        # to that list and the menu, not to the window): never on a stray key press.
        actions["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return actions

    def _build_panes(self) -> None:
        self.library_pane = LibraryPane(self.library, self)
        self.pickers = PickersBar(self.library, self)
        self.view = AlignedView(self)
        self.find_bar = FindBar(self.view, self)
        self.figures = FiguresPanel(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pickers)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.library_dock = self._dock("Library", "libraryDock", self.library_pane)
        self.figures_dock = self._dock("Figures", "figuresDock", self.figures)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.figures_dock)
        edit_names = ("compare", "edit_details", "move_to_event", "delete")
        self.library_pane.add_actions([self.actions_by_name[n] for n in edit_names])
        self.library_pane.event_changed.connect(self.pickers.set_event)
        self.library_pane.compare_requested.connect(self.pickers.set_pair)
        self.library_pane.report_activated.connect(self._on_report_activated)
        self.pickers.pair_changed.connect(self.compare_pair)
        self.pickers.set_event(self.library_pane.current_event_id())  # the pane chose before
        self.figures.figure_activated.connect(self.show_figure)
        self.figures.review_requested.connect(self.review_figure)
        self.figures.pair_requested.connect(self.pair_figures)
        self.view.link_requested.connect(self.link_rows)
        self.view.unlink_requested.connect(self.unlink_row)
        self.view.row_note_requested.connect(self.note_on_row)
        self.undo_stack = QUndoStack(self)
        self.view.figure_clicked.connect(self.show_figure)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.visibilityChanged.connect(lambda _v: self._sync_dock_actions())
        return dock

    def _build_menus(self) -> None:
        menus = {
            "&File": ("import", "import_address", "paste", None, "export", None, "quit"),
            "&Edit": (
                "copy_comparison", None, "find", "find_next", "find_previous", None,
                "edit_details", "update_text", "move_to_event", "delete",
            ),
            "&Compare": (
                "compare", "swap", None, "pick_a", "pick_b", None, "note_on_pair", None,
                "event_matrix",
            ),
            "&Navigate": (
                "next_difference", "previous_difference", "next_figure", "previous_figure", None,
                "focus_library", "focus_view", "focus_figures",
            ),
            "&View": (
                "zoom_in", "zoom_out", "zoom_reset", None, "toggle_boilerplate", None,
                "toggle_library", "toggle_figures",
            ),
        }  # fmt: skip
        for title, names in menus.items():
            menu = self.menuBar().addMenu(title)
            if title == "&Edit":  # undo and redo of review decisions and deletes
                # Ctrl+Z / Ctrl+Shift+Z: a text field with the focus takes them
                # first (Qt's shortcut override), for its own typing.
                undo = self.undo_stack.createUndoAction(self, "&Undo")
                undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
                redo = self.undo_stack.createRedoAction(self, "&Redo")
                redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
                for action in (undo, redo):
                    action.setObjectName(f"action_{action.text().strip('&').split()[0].lower()}")
                    menu.addAction(action)
                    self.addAction(action)
                menu.addSeparator()
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions_by_name[name])

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        names = (
            "import",
            "paste",
            None,
            "compare",
            "swap",
            None,
            "previous_difference",
            "next_difference",
            "previous_figure",
            "next_figure",
            None,
            "toggle_boilerplate",
            "export",
        )
        short = {
            "import": "Import", "paste": "Paste", "compare": "Compare", "swap": "Swap",
            "previous_difference": "◀ Difference", "next_difference": "Difference ▶",
            "previous_figure": "◀ Figure", "next_figure": "Figure ▶",
            "toggle_boilerplate": "Boilerplate", "export": "Export",
        }  # fmt: skip
        for name in names:
            if name is None:
                toolbar.addSeparator()
                continue
            action = self.actions_by_name[name]
            action.setIconText(short[name])
            toolbar.addAction(action)

    def _build_status_bar(self) -> None:
        self.summary_label = QLabel(self)
        self._position_message: str | None = None  # "Difference 4 of 23", while shown
        self.summary_label.setObjectName("summaryLabel")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.statusBar().addWidget(self.summary_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        # A long comparison shows how far it has come, and can be stopped.
        self.compare_progress = QProgressBar(self)
        self.compare_progress.setMaximumWidth(180)
        self.compare_progress.setRange(0, 100)
        self.stop_button = QToolButton(self)
        self.stop_button.setText("Stop")
        self.stop_button.setToolTip("Stop this comparison")
        self.stop_button.clicked.connect(self.stop_comparing)
        for widget in (self.compare_progress, self.stop_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        self._show_compare_progress = QTimer(self)
        self._show_compare_progress.setSingleShot(True)
        self._show_compare_progress.setInterval(COMPARE_PROGRESS_AFTER_MS)
        self._show_compare_progress.timeout.connect(self._on_long_compare)

    def _restore_settings(self, layout: bool) -> None:
        geometry, state = self.settings.geometry(), self.settings.state()
        if not layout:  # scripted screenshots: the default layout, whatever was saved
            geometry = state = None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(*default_size(self.screen().availableGeometry().size()))
        if state is not None:
            self.restoreState(state)
        self._fit_docks = state is None  # the default layout fits the docks to the window
        self.view.set_zoom(self.settings.zoom())
        self.actions_by_name["toggle_boilerplate"].setChecked(self.settings.boilerplate())
        self._sync_dock_actions()

    def save_settings(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.set_zoom(self.view.zoom())
        self.settings.set_boilerplate(self.actions_by_name["toggle_boilerplate"].isChecked())
        if self._pair is not None:
            self.settings.set_last_pair(*self._pair)
        self.settings.sync()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._fit_docks:
            # Once, on the default layout: docks sized to the window it opens in.
            self._fit_docks = False
            library, figures = dock_widths(self.width())
            self.resizeDocks(
                [self.library_dock, self.figures_dock],
                [library, figures],
                Qt.Orientation.Horizontal,
            )
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._first_paint_timer.start()
        return handled

    def painted(self) -> bool:
        return self._painted

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            self.save_settings()
        super().closeEvent(event)

    # --- comparing -----------------------------------------------------------

    def compare_pair(self, a: int, b: int) -> None:
        """Compare reports a and b; a burst of requests ends on the last one.

        The first request starts at once, not after the event loop has repainted
        the window around the old comparison; later ones in the same turn wait
        for its end, and only the last of them is compared then.
        """
        self._pair = (a, b)
        if self._shut_down:
            return
        if self._compare_timer.isActive():
            self._compare_pending = True
            return
        self._compare_timer.start()
        self._start_compare()

    def _end_burst(self) -> None:
        if self._compare_pending and not self._shut_down:
            self._compare_pending = False
            self._start_compare()

    def shut_down(self) -> None:
        """Start no more work (the app is ending); results of running work are dropped."""
        self._shut_down = True
        self._compare_timer.stop()
        self._first_paint_timer.stop()
        self._token += 1

    def pair(self) -> tuple[int, int] | None:
        return self._pair

    def shown_pair(self) -> tuple[int, int] | None:
        """The pair whose comparison the view shows now."""
        return self._shown_pair

    def theme(self) -> str:
        return theme_for(self.palette())

    def _start_compare(self) -> None:
        if self._pair is None:
            return
        self._token += 1
        token, (a, b), path = self._token, self._pair, self.library.path
        boilerplate, theme = self.actions_by_name["toggle_boilerplate"].isChecked(), self.theme()
        zoom, kept = self.view.zoom(), self.view.document_keys()
        self._set_busy(+1, "Comparing…")
        if self._compare_job is not None:
            self._compare_job.cancel()  # its result would be dropped: stop its work too

        def run(job: workers.Job) -> Any:
            return compare_job(
                path,
                a,
                b,
                boilerplate=boilerplate,
                theme=theme,
                zoom=zoom,
                kept=kept,
                progress=job.engine_progress,
            )

        self._compare_job = workers.start(
            run,
            lambda result: self._on_compared(token, (a, b), zoom, result),
            lambda exc: self._on_compare_failed(token, exc),
            lambda done, total, stage: self._on_compare_progress(token, done, stage),
            owner=self,
        )
        self.compare_progress.setValue(0)
        self.compare_progress.setFormat("Comparing %p%")
        self._show_compare_progress.start()
        if self._shown_pair is None:
            self.view.setPlaceholderText("Comparing the two reports…")

    def stop_comparing(self) -> None:
        """Stop the comparison under way (the Stop button); the view keeps what it shows."""
        if self._compare_job is not None:
            self._compare_job.cancel()

    def _on_long_compare(self) -> None:
        if self._compare_job is not None:
            self.compare_progress.show()
            self.stop_button.show()

    def _on_compare_progress(self, token: int, percent: int, stage: str) -> None:
        if token != self._token:
            return
        self.compare_progress.setValue(percent)
        self.compare_progress.setFormat(f"{stage} %p%")
        self.compare_progress.setToolTip(stage)

    def _end_compare_job(self, token: int) -> None:
        if token == self._token:
            self._compare_job = None
            self._show_compare_progress.stop()
            self.compare_progress.hide()
            self.stop_button.hide()

    def _on_compared(self, token: int, pair: tuple[int, int], zoom: int, result: Any) -> None:
        self._set_busy(-1)
        self._end_compare_job(token)
        if token != self._token:
            return  # a newer request is on its way
        comparison, html, parsed, review = result
        self._shown_pair = pair
        # A zoom change while the job ran makes its parsed document stale: parse here then.
        fresh = parsed if self.view.zoom() == zoom else None
        self.view.show_comparison(comparison, html, fresh)
        self.figures.set_comparison(comparison)
        self._set_reviews(*review)
        marked = self.view.marked_figure()  # kept when the same pair was shown again
        if marked is not None:
            self.figures.select_figure(marked)
        self._show_summary(comparison)
        self.setWindowTitle(f"{_short(comparison.a)} vs {_short(comparison.b)} — ReportDiff")
        if self.remember:
            self.settings.set_last_pair(*pair)
        self.comparison_shown.emit()

    def _on_compare_failed(self, token: int, exc: BaseException) -> None:
        self._set_busy(-1)
        self._end_compare_job(token)
        if token != self._token:
            return
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage("Comparison stopped.", 8000)
            if self._shown_pair is not None:  # the pickers name what the view still shows
                self.pickers.show_pair(*self._shown_pair)
            else:
                self.view.setPlaceholderText(
                    "Comparison stopped. Pick another pair, or press Compare to try again."
                )
            self.work_failed.emit("Comparison stopped.")
            return
        if isinstance(exc, KeyError):
            self._fail(
                "One of the two reports is no longer in the library.",
                "Pick another report for A or B.",
            )
        else:
            self._fail(
                f"The comparison could not be made: {_one_line(exc)}",
                "Check that the library file is reachable, then pick the pair again.",
            )

    def comparison(self) -> Comparison | None:
        return self.view.comparison()

    def _rerender(self) -> None:
        if self._pair is not None:
            self.compare_pair(*self._pair)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown_pair is not None:
            self._rerender()

    # --- busy state and errors ---------------------------------------------

    def _set_busy(self, delta: int, message: str = "") -> None:
        self._busy = max(0, self._busy + delta)
        if message:
            shown = self.statusBar().currentMessage()
            if not shown or shown == self._busy_message:  # a newer message stays
                self.statusBar().showMessage(message)
            self._busy_message = message
        elif self._busy == 0 and self.statusBar().currentMessage() == self._busy_message:
            self.statusBar().clearMessage()  # a message shown since ("Zoom 110 %") stays

    def _fail(self, what: str, todo: str) -> None:
        self.statusBar().showMessage(what, 8000)
        self.work_failed.emit(what)
        if self.remember:  # scripted runs (screenshots) report through work_failed only
            show_error(self, what, todo)

    # --- navigation ----------------------------------------------------------

    def _on_next_difference(self) -> None:
        self._step_difference(forward=True)

    def _on_previous_difference(self) -> None:
        self._step_difference(forward=False)

    def _step_difference(self, *, forward: bool) -> None:
        row = self.view.next_difference(forward)
        if row is None:
            where = "below" if forward else "above"
            total = len(self.view.difference_rows())
            self.statusBar().showMessage(f"No more differences {where} ({total} in all).", 3000)
        else:
            self.view.mark_row(row)
            index, total = self.view.difference_position(row)
            self._show_position(f"Difference {index} of {total}")
        self.view.setFocus()

    def _show_position(self, message: str) -> None:
        """Where the reader stands in the shown pair ("Difference 4 of 23"): it
        makes way for the next pair's summary (_show_summary)."""
        self._position_message = message
        self.statusBar().showMessage(message, 8000)

    def _on_next_figure(self) -> None:
        self._step_figure(+1)

    def _on_previous_figure(self) -> None:
        self._step_figure(-1)

    def _step_figure(self, step: int) -> None:
        comparison = self.comparison()
        if comparison is None:
            return
        differing = [k for k, f in enumerate(comparison.figures) if f.status == "differs"]
        if not differing:
            self.statusBar().showMessage("The two reports agree on every shared figure.", 3000)
            return
        current = self.view.marked_figure()
        if current in differing:
            k = differing[(differing.index(current) + step) % len(differing)]
        else:
            k = differing[0] if step > 0 else differing[-1]
        self.show_figure(k)
        self._show_position(f"Figure {differing.index(k) + 1} of {len(differing)} that differ")

    def show_figure(self, k: int) -> None:
        """Select figure K in the panel, scroll the view to it and mark it."""
        self.figures.select_figure(k)
        if not self.view.mark_figure(k):
            self.view.go_to_anchor(f"figure-{k}")

    def _on_find(self) -> None:
        self.find_bar.open_bar()

    def _on_find_next(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next()

    def _on_find_previous(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_previous()

    def _on_focus_library(self) -> None:
        self.library_dock.show()
        self.library_pane.search_edit.setFocus()
        self.library_pane.search_edit.selectAll()

    def _on_focus_view(self) -> None:
        self.view.setFocus()

    def _on_focus_figures(self) -> None:
        self.figures_dock.show()
        self.figures.table.setFocus()

    def _on_pick_a(self) -> None:
        self.pickers.picker_a.setFocus()
        self.pickers.picker_a.line_edit().selectAll()

    def _on_pick_b(self) -> None:
        self.pickers.picker_b.setFocus()
        self.pickers.picker_b.line_edit().selectAll()

    def _on_compare(self) -> None:
        if not self.library_pane.request_compare():
            self.statusBar().showMessage(
                "Select two reports in the library (Ctrl+click) to compare them.", 5000
            )

    def _on_event_matrix(self) -> None:
        """Build the matrix of the event chosen in the library, off the GUI thread."""
        event_id, name = self.library_pane.current_event_id(), self._current_event_name()
        if event_id is None or name is None:
            self.statusBar().showMessage("Choose an event in the library first.", 5000)
            return
        path = self.library.path
        ids = [s.id for s in self.library.list_articles(event_id=event_id)]
        if len(ids) < 2:
            self.statusBar().showMessage(f"“{name}” holds fewer than two reports.", 5000)
            return
        dialog = QProgressDialog("Comparing the reports pair by pair…", "Cancel", 0, 100, self)
        dialog.setWindowTitle("Event matrix")
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def run(job: workers.Job) -> Any:
            from reportdiff.engine.event import build_matrix

            with Library.open(path, create=False) as library:
                reports = [_report(library.article(i)) for i in ids]
            matrix = build_matrix(reports, job.engine_progress)
            id_of = {id(report): i for report, i in zip(reports, ids, strict=True)}
            columns = [id_of[id(report)] for report in matrix.reports]
            return matrix, columns

        def finish(result: Any) -> None:
            dialog.reset()
            dialog.deleteLater()
            matrix, columns = result
            self._show_event_matrix(name, matrix, columns)

        def failed(exc: BaseException) -> None:
            dialog.reset()
            dialog.deleteLater()
            if not isinstance(exc, Cancelled):
                self._fail(f"The event matrix could not be made: {_one_line(exc)}", "Try again.")

        job = workers.start(
            run, finish, failed, lambda done, _t, _s: dialog.setValue(done), owner=self
        )
        dialog.canceled.connect(job.cancel)

    def _show_event_matrix(self, name: str, matrix: Any, columns: list[int]) -> None:
        from reportdiff.ui.event_view import EventMatrixDialog

        dialog = EventMatrixDialog(name, matrix, columns, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pair_requested.connect(self.open_pair_at_figure)
        self.event_matrix = dialog
        dialog.show()

    def open_pair_at_figure(self, a: int, b: int, figure_text: str) -> None:
        """Compare A and B and, once shown, go to A's figure written `figure_text`."""

        def go() -> None:
            self.comparison_shown.disconnect(go)
            comparison = self.comparison()
            if comparison is None:
                return
            k = next(
                (k for k, f in enumerate(comparison.figures) if f.a and f.a.text == figure_text),
                None,
            )
            if k is not None:
                self.show_figure(k)

        self.comparison_shown.connect(go)
        self.pickers.set_pair(a, b)

    # --- review (review.py) ----------------------------------------------------

    def _show_reviews(self) -> None:
        """The stored decisions on the shown pair, in the figures panel."""
        comparison, pair = self.comparison(), self._shown_pair
        self.pair_note = None
        if comparison is None or pair is None or self.library.closed:
            return
        stored = self._stored_reviews(pair)
        if stored is None:
            return
        fitted, outdated = apply_reviews(comparison, stored)
        self._set_reviews(fitted, self._structure_outdated + outdated)

    def _set_reviews(self, fitted: dict[int, Review], outdated: list[Review]) -> None:
        comparison = self.comparison()
        if comparison is None:
            return
        fitted = dict(fitted)
        pair_note = fitted.pop(PAIR, None)
        self._structure_outdated = [r for r in outdated if structural(r.key)]
        self.figures.set_reviews(fitted, outdated)
        self.pair_note = pair_note.note if pair_note else None
        self._show_summary(comparison)

    def _show_summary(self, comparison: Comparison) -> None:
        """The status bar's summary: counts, a warning, a note on the pair. The
        previous pair's position ("Difference 6 of 7") no longer hides it."""
        if self._position_message and self.statusBar().currentMessage() == self._position_message:
            self.statusBar().clearMessage()
        summary = comparison.summary()
        if comparison.a.content_hash and comparison.a.content_hash == comparison.b.content_hash:
            summary += " · A and B are the same text"
        if UNRELATED_WARNING in comparison.warnings:
            summary += " · ⚠ may be different events"
        elif comparison.warnings:
            summary += " · ⚠ see the note"  # e.g. a table's figures past the ones compared
        tip = "\n".join(comparison.warnings)
        if self.pair_note:
            summary += " · ✎ noted"
            tip = f"Note on this pair: {self.pair_note}" + (f"\n{tip}" if tip else "")
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(tip)

    def review_figure(self, k: int, action: str, note: str | None = None) -> None:
        """Confirm, dismiss, note or clear figure pair K of the shown pair (undoable)."""
        comparison, pair = self.comparison(), self._shown_pair
        if comparison is None or pair is None or not 0 <= k < len(comparison.figures):
            return
        figure = comparison.figures[k]
        if action == "unpair":
            self._unpair(pair, comparison, figure)
            return
        key = figure_key(comparison, figure)
        stored_reviews = self._stored_reviews(pair)
        if stored_reviews is None:
            return
        before = stored_reviews.get(key)
        decision = before.decision if before else None
        written = before.note if before else None
        if action == "confirm":
            decision = "confirmed"
        elif action == "dismiss":
            decision = "dismissed"
        elif action == "clear":
            decision, written = None, None
        elif action == "note":
            if note is None:
                note, ok = QInputDialog.getMultiLineText(
                    self, "Note on a figure", figure_label(figure), written or ""
                )
                if not ok:
                    return
            written = note
        after = (decision, written)
        old = (before.decision, before.note) if before else (None, None)
        if after == old:
            return
        command = _ReviewCommand(self, pair, key, figure_label(figure), old, after, action)
        self.undo_stack.push(command)

    def _stored_reviews(self, pair: tuple[int, int]) -> dict[str, Review] | None:
        """The pair's stored decisions; None (said in the status bar) when the
        library cannot be read."""
        try:
            return self.library.reviews(*pair)
        except LibraryError as exc:
            self.statusBar().showMessage(f"Reviews could not be read: {exc}", 8000)
            return None

    def _decide(
        self,
        pair: tuple[int, int],
        key: str,
        label: str,
        decision: str | None,
        action: str,
        *,
        undoes: str | None = None,
    ) -> None:
        """Store `decision` under `key` (None forgets it), keeping any note; undoable.

        When `undoes` is stored there (pairing again what was unpaired), the
        decision takes that one back instead of standing on top of it."""
        stored_reviews = self._stored_reviews(pair)
        if stored_reviews is None:
            return
        before = stored_reviews.get(key)
        old = (before.decision, before.note) if before else (None, None)
        if undoes is not None and old[0] == undoes:
            decision = None
        after = (decision, old[1])
        if after != old:
            self.undo_stack.push(_ReviewCommand(self, pair, key, label, old, after, action))

    def pair_figures(self, k1: int, k2: int) -> None:
        """Pair by hand a figure of A and one of B, from two rows of the figures panel."""
        comparison, pair = self.comparison(), self._shown_pair
        if comparison is None or pair is None:
            return
        n = len(comparison.figures)
        if not (0 <= k1 < n and 0 <= k2 < n) or k1 == k2:
            return
        p1, p2 = comparison.figures[k1], comparison.figures[k2]
        if p1.a is not None and p2.b is not None and not (p2.a is not None and p1.b is None):
            fa, fb = p1.a, p2.b
        elif p2.a is not None and p1.b is not None:
            fa, fb = p2.a, p1.b
        else:
            self.statusBar().showMessage(
                "Pick one figure of report A and one of report B to pair them.", 5000
            )
            return
        key = hand_pair_key(comparison, fa, fb)
        label = f"{fa.text} / {fb.text}"
        self._decide(pair, key, label, "paired", "pair", undoes="unpaired")

    def _unpair(self, pair: tuple[int, int], comparison: Comparison, figure: FigurePair) -> None:
        if figure.a is None or figure.b is None:
            self.statusBar().showMessage("Only a pair of two figures can be unpaired.", 5000)
            return
        key = hand_pair_key(comparison, figure.a, figure.b)
        # A pair made by hand is unmade; one the engine made is marked unpaired.
        decision = None if figure.by_hand else "unpaired"
        self._decide(pair, key, figure_label(figure), decision, "unpair")

    def link_rows(self, rows: list[int]) -> None:
        """Link the paragraphs of aligned rows `rows` into one row (undoable)."""
        comparison, pair = self.comparison(), self._shown_pair
        if comparison is None or pair is None:
            return
        groups = [comparison.alignment[n] for n in rows if 0 <= n < len(comparison.alignment)]
        a = tuple(sorted(i for g in groups for i in g.a))
        b = tuple(sorted(j for g in groups for j in g.b))
        if not a or not b:
            self.statusBar().showMessage(
                "Select rows that hold paragraphs of both reports to link them.", 5000
            )
            return
        key = link_key(comparison, a, b)
        self._decide(pair, key, paragraphs_label(a, b), "linked", "link", undoes="unlinked")

    def unlink_row(self, n: int) -> None:
        """Take aligned row N apart: its paragraphs shown each alone (undoable)."""
        comparison, pair = self.comparison(), self._shown_pair
        if comparison is None or pair is None or not 0 <= n < len(comparison.alignment):
            return
        group = comparison.alignment[n]
        if not group.linked:
            return
        key, label = link_key(comparison, group.a, group.b), paragraphs_label(group.a, group.b)
        self._decide(pair, key, label, "unlinked", "unlink", undoes="linked")

    def note_on_row(self, n: int, note: str | None = None) -> None:
        """Write (or clear, with an empty note) the note on aligned row N (undoable)."""
        comparison, pair = self.comparison(), self._shown_pair
        if comparison is None or pair is None or not 0 <= n < len(comparison.alignment):
            return
        group = comparison.alignment[n]
        label = paragraphs_label(group.a, group.b)
        self._write_note(pair, row_key(comparison, group), label, note, "Note on a row")

    def note_on_pair(self, note: str | None = None) -> None:
        """Write (or clear, with an empty note) the note on the shown pair (undoable)."""
        pair = self._shown_pair
        if pair is None:
            self.statusBar().showMessage("Compare two reports first, then note on them.", 5000)
            return
        self._write_note(pair, PAIR_KEY, "the pair", note, "Note on this pair")

    def _write_note(
        self, pair: tuple[int, int], key: str, label: str, note: str | None, title: str
    ) -> None:
        """Write (or clear, with an empty note) a note kept under `key`, asked for
        in a dialog when `note` is None; undoable."""
        stored_reviews = self._stored_reviews(pair)
        if stored_reviews is None:
            return
        before = stored_reviews.get(key)
        written = before.note if before else None
        if note is None:
            note, ok = QInputDialog.getMultiLineText(
                self, title, f"A note on {label}:", written or ""
            )
            if not ok:
                return
        after = (None, note.strip() or None)
        if after != (None, written):
            self.undo_stack.push(
                _ReviewCommand(self, pair, key, label, (None, written), after, "note")
            )

    def _on_note_on_pair(self) -> None:
        self.note_on_pair()

    def _store_review(
        self, pair: tuple[int, int], key: str, label: str, state: tuple[str | None, str | None]
    ) -> None:
        try:
            self.library.set_review(*pair, key, decision=state[0], note=state[1], label=label)
        except LibraryError as exc:
            self._fail(f"The review could not be saved: {exc}", "Try again.")
            return
        # Reviews are read both ways round: (B, A) shown is this pair too.
        if self._shown_pair is not None and set(pair) == set(self._shown_pair):
            self._show_reviews()
            if self._pair is not None and set(pair) == set(self._pair):
                # The view shows the review too, and links and pairs made by hand
                # reshape it: laid out again (the engine's result is cached).
                self._start_compare()

    def _on_swap(self) -> None:
        self.pickers.swap()

    def _on_report_activated(self, report_id: int) -> None:
        # One report opened from the library becomes B; A stays, so reading on is one key.
        a = self.pickers.picker_a.current_id()
        if a is None:
            self.pickers.picker_a.set_current_id(report_id)
        else:
            self.pickers.set_pair(a, report_id)

    # --- view ------------------------------------------------------------------

    def _on_zoom_in(self) -> None:
        self._zoom_to(self.view.zoom() + 1)

    def _on_zoom_out(self) -> None:
        self._zoom_to(self.view.zoom() - 1)

    def _on_zoom_reset(self) -> None:
        self._zoom_to(0)

    def _zoom_to(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        # A shown comparison is parsed again at the new size on a pool thread
        # (100+ ms for a long pair): the window answers keys meanwhile.
        shown = self._pair is not None and self.view.comparison() is not None
        before = self.view.zoom()
        self.view.set_zoom(steps, render=not shown)
        if shown and steps != before:
            self._rerender()
        self.settings.set_zoom(steps)
        self.statusBar().showMessage(f"Zoom {round(100 * 1.1**steps)} %", 2000)

    def _on_toggle_boilerplate(self) -> None:
        self.settings.set_boilerplate(self.actions_by_name["toggle_boilerplate"].isChecked())
        self._rerender()

    def _on_toggle_library(self) -> None:
        self.library_dock.setVisible(self.actions_by_name["toggle_library"].isChecked())

    def _on_toggle_figures(self) -> None:
        self.figures_dock.setVisible(self.actions_by_name["toggle_figures"].isChecked())

    def _sync_dock_actions(self) -> None:
        for name, dock in (
            ("toggle_library", self.library_dock),
            ("toggle_figures", self.figures_dock),
        ):
            self.actions_by_name[name].setChecked(not dock.isHidden())

    # --- library: import ------------------------------------------------------

    def _on_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import reports",
            self.settings.import_folder(),
            "Reports (*.txt *.md *.markdown *.html *.htm);;All files (*)",
        )
        if paths:
            self.settings.set_import_folder(str(Path(paths[0]).parent))
            self.import_paths([Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _droppable(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if _droppable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files from a file manager are imported; a link from a browser is fetched."""
        paths, addresses = _local_paths(event.mimeData()), _web_addresses(event.mimeData())
        if paths or addresses:
            event.acceptProposedAction()
        if paths:
            self.import_paths(paths)
        if addresses:
            self.import_addresses(addresses, self._import_event_name())

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders on the pool, into the event chosen in the library."""
        path, event = self.library.path, self._import_event_name()
        dialog = QProgressDialog("Importing reports…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(600)  # only long imports show a dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_busy(+1, f"Importing {len(paths)} item(s)…")

        def run(job: workers.Job) -> Any:
            with Library.open(path, create=False) as library:
                return library.import_files(
                    paths, event=event, progress=job.progress, cancelled=job.cancelled
                )

        def progress(done: int, total: int, name: str) -> None:
            for bar in (dialog, self.progress):
                bar.setMaximum(total)
                bar.setValue(done)
            dialog.setLabelText(f"Importing {Path(name).name}…" if name else "Finishing…")

        def finish(then: Callable[[Any], None], outcome: Any) -> None:
            self._set_busy(-1)
            self.progress.hide()
            dialog.reset()
            dialog.deleteLater()
            then(outcome)

        job = workers.start(
            run,
            lambda result: finish(self._on_imported, result),
            lambda exc: finish(self._on_import_failed, exc),
            progress,
            owner=self,
        )
        dialog.canceled.connect(job.cancel)

    def _on_import_address(self) -> None:
        copied = lone_address(QGuiApplication.clipboard().text()) or ""
        dialog = AddressDialog(copied, self)
        if dialog.exec():
            self.import_addresses([dialog.address()], self._import_event_name())
        dialog.deleteLater()

    def import_addresses(
        self,
        addresses: list[str],
        event: str | None,
        details: dict[str, str | None] | None = None,
    ) -> None:
        """Fetch web pages on the pool, then add their reports to `event`.

        The reports are added here, on the GUI thread, once every page is in (one
        short transaction each): a Cancel before that drops the pages, so the
        library is never written after the user cancelled. `details` the user
        typed (the paste dialog's fields) replace what the pages give.
        """
        limits = self.fetch_limits
        shown = addresses[0] if len(addresses) == 1 else f"{len(addresses)} web pages"
        dialog = QProgressDialog(f"Fetching {shown}…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Import from address")
        dialog.setMinimumDuration(300)  # a quick page shows no dialog
        dialog.setValue(0)  # starts that clock (a busy dialog has no other value to set)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_busy(+1, f"Fetching {shown}…")
        ended = False

        def run(job: workers.Job) -> list[tuple[str, ImportedText | ImportRefused]]:
            pages: list[tuple[str, ImportedText | ImportRefused]] = []
            for address in addresses:
                try:
                    pages.append((address, read_address(address, limits, job.cancelled)))
                except ImportRefused as refusal:
                    pages.append((address, refusal))
            return pages

        def end() -> bool:
            """Close the progress; False when it was closed already (by a cancel)."""
            nonlocal ended
            if ended:
                return False
            ended = True
            self._set_busy(-1)
            self.progress.hide()
            dialog.reset()
            dialog.deleteLater()
            return True

        def fetched(pages: list[tuple[str, ImportedText | ImportRefused]]) -> None:
            if end():
                self._add_fetched(pages, event, details or {})

        def failed(exc: BaseException) -> None:
            if end() and not isinstance(exc, Cancelled):
                self._on_import_failed(exc)

        def cancel() -> None:
            job.cancel()  # the download stops at its next piece; its pages are dropped
            if end():
                self.statusBar().showMessage("Import cancelled: nothing was added.", 8000)

        job = workers.start(run, fetched, failed, owner=self)
        dialog.canceled.connect(cancel)

    def _add_fetched(
        self,
        pages: list[tuple[str, ImportedText | ImportRefused]],
        event: str | None,
        details: dict[str, str | None],
    ) -> None:
        typed = {name: value for name, value in details.items() if value}
        result = ImportResult()
        for address, page in pages:
            if isinstance(page, ImportRefused):
                result.refused.append(page)
                continue
            try:
                result.imported.append(
                    self.library.add_imported(replace(page, **typed), event=event)
                )
            except DuplicateReport as duplicate:
                result.duplicates.append((address, duplicate.existing_id))
            except LibraryError as exc:  # locked, disk full: _on_import_failed reloads
                self._on_import_failed(exc)
                return
        self._on_imported(result)
        if result.duplicates and not result.imported:  # show the user where it is
            self.library_pane.select_ids([i for _, i in result.duplicates])

    def _on_imported(self, result: Any) -> None:
        self.library_pane.reload()
        self.pickers.set_event(self.library_pane.current_event_id())
        parts = [f"Imported {_count(len(result.imported), 'report')}"]
        events = {s.event_name for s in result.imported if getattr(s, "event_name", None)}
        if len(events) == 1:  # where they went: the event chosen in the library
            parts[0] += f" into “{events.pop()}”"
        if result.duplicates:
            parts.append(self._duplicates_said(result.duplicates))
        if result.refused:
            parts.append(f"{len(result.refused)} refused")
        skipped = getattr(result, "skipped", ())
        if skipped:
            kinds = sorted({Path(s.path).suffix.lower() or "no extension" for s in skipped})
            parts.append(
                f"{_count(len(skipped), 'other file')} skipped ({', '.join(kinds)}: "
                "not .txt, .md or .html)"
            )
        self.statusBar().showMessage(" · ".join(parts) + ".", 8000)
        ids = [s.id for s in result.imported]
        outside = self.library_pane.current_event_id() is not None and not any(
            getattr(s, "event_name", None) for s in result.imported
        )
        if ids and outside:  # filed in no event: shown among all reports, not hidden
            self.library_pane.select_event(None)
            self.pickers.set_event(None)
        if ids:
            self.library_pane.select_ids(ids)
        if result.refused:
            show_error(self, *_refusals_message(result.refused, len(result.imported)))
        self.import_finished.emit(result)

    def _duplicates_said(self, duplicates: list[tuple[Any, int]]) -> str:
        """ "1 already in the library: “Storm hits coast” (#4, event “Storm”)": which
        report it is and where, as the command line says."""
        said = f"{len(duplicates)} already in the library"
        if len(duplicates) != 1:
            return said
        try:
            article = self.library.article(duplicates[0][1])
        except (KeyError, LibraryError):
            return said
        where = f"event “{article.event_name}”" if article.event_name else "in no event"
        return f"{said}: “{article.title}” (#{article.id}, {where})"

    def _on_import_failed(self, exc: BaseException) -> None:
        self.library_pane.reload()
        self._fail(
            f"The import stopped: {_one_line(exc)}",
            "Reports imported before the problem are kept. Close other programs using "
            "the library and import the rest again.",
        )

    def _import_event_name(self) -> str | None:
        """Where new reports go: the event the reader chose in the library; none when
        the app chose it (the sample event of the first window)."""
        return self._current_event_name() if self.library_pane.event_chosen else None

    def _current_event_name(self) -> str | None:
        event_id = self.library_pane.current_event_id()
        names = {e.id: e.name for e in self.library.events()}
        return names.get(event_id) if event_id is not None else None

    # --- library: paste, edit, move, delete -----------------------------------

    def _on_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        events = [e.name for e in self.library.events()]
        dialog = PasteArticleDialog(text, events, self._import_event_name(), self)
        if dialog.exec():
            address = dialog.address()
            if address:  # a link, not an article: fetch its page
                self.import_addresses([address], dialog.event_name(), dialog.details())
            else:
                self.add_pasted(dialog.text(), dialog.event_name(), dialog.details())
        dialog.deleteLater()

    def add_pasted(self, text: str, event: str | None, details: dict[str, str | None]) -> None:
        try:
            new_id = self.library.add_text(text, event=event, **details)
        except DuplicateReport as dup:
            self.library_pane.reload()
            self.library_pane.select_ids([dup.existing_id])
            self._fail(
                "This article is already in the library.", "It is selected in the library list."
            )
            return
        except (ImportRefused, LibraryError, ValueError) as exc:
            self._fail(
                f"The article could not be added: {_one_line(exc)}",
                "Check the text and the details, then paste it again.",
            )
            return
        self.library_pane.reload()
        self.pickers.set_event(self.library_pane.current_event_id())
        self.library_pane.select_ids([new_id])
        self.statusBar().showMessage("Article added to the library.", 5000)

    def _selected_or_warn(self, verb: str) -> list[int]:
        ids = self.library_pane.selected_ids()
        if not ids:
            self.statusBar().showMessage(f"Select a report in the library to {verb}.", 5000)
        return ids

    def _on_update_text(self) -> None:
        ids = self._selected_or_warn("update")
        if not ids:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Newer version of the report",
            self.settings.import_folder(),
            "Reports (*.txt *.md *.markdown *.html *.htm);;All files (*)",
        )
        if path:
            self.update_text(ids[0], Path(path))

    def update_text(self, article_id: int, path: Path) -> None:
        """Read `path` on the pool, then give report `article_id` that text (undoable).

        Its id, details, event and reviews stay; decisions whose figures the new
        text no longer holds show as outdated.
        """
        from reportdiff.store.importer import read_import

        self._set_busy(+1, "Reading the new text…")

        def done(item: Any) -> None:
            self._set_busy(-1)
            try:
                article = self.library.article(article_id)
                clash = self.library.report_with_text(item.content_hash)
            except KeyError:
                self.statusBar().showMessage("That report is no longer in the library.", 5000)
                return
            except LibraryError as exc:
                self._fail(f"The library could not be read: {_one_line(exc)}", "Try again.")
                return
            if item.content_hash == article.content_hash:
                self.statusBar().showMessage(f"“{_short(article)}” has that text already.", 5000)
                return
            if clash is not None:
                show_error(
                    self,
                    f"That text is report #{clash} already.",
                    f"“{article.title}” was not changed.",
                )
                return
            command = _TextCommand(self, article_id, article.title, [article.body, item.body])
            self.undo_stack.push(command)

        def failed(exc: BaseException) -> None:
            self._set_busy(-1)
            show_error(self, f"Could not read {exc}.", "The report was not changed.")

        workers.start(lambda _job: read_import(path), done, failed, owner=self)

    def _set_text(self, article_id: int, body: str) -> None:
        from reportdiff.store import DuplicateReport
        from reportdiff.store.importer import ImportedText, content_hash

        item = ImportedText(body=body, title="", content_hash=content_hash(body))
        done: list[bool] = []

        def replace() -> None:
            try:
                self.library.replace_text(article_id, item)
                done.append(True)
            except DuplicateReport as exc:  # undo/redo after that text was imported again
                self._fail(
                    f"That text is report #{exc.existing_id} now, so it was not put back.",
                    "Delete that report first, then undo again.",
                )

        self._write(replace)
        if done:
            self.statusBar().showMessage("The report's text was updated.", 5000)

    def _on_edit_details(self) -> None:
        ids = self._selected_or_warn("edit")
        if not ids:
            return
        try:
            article = self.library.article(ids[0])
        except KeyError:
            self.library_pane.reload()
            return
        dialog = EditDetailsDialog(article, self)
        if dialog.exec():
            self._write(lambda: self.library.update_article(ids[0], **dialog.details()))
        dialog.deleteLater()

    def _on_move_to_event(self) -> None:
        ids = self._selected_or_warn("move")
        if not ids:
            return
        names = [e.name for e in self.library.events()]
        name, ok = QInputDialog.getItem(
            self,
            "Move to event",
            "Event (choose one or type a new name):",
            [*names, NO_EVENT],
            0,
            True,
        )
        if ok and name.strip():
            self.move_reports(ids, name.strip())

    def move_reports(self, ids: list[int], event_name: str) -> None:
        def move() -> None:
            if event_name == NO_EVENT:
                self.library.move_to_event(ids, None)
                return
            existing = {e.name: e.id for e in self.library.events()}
            event_id = existing.get(event_name) or self.library.create_event(event_name)
            self.library.move_to_event(ids, event_id)

        self._write(move)

    def _on_delete(self) -> None:
        ids = self._selected_or_warn("delete")
        if not ids:
            return
        titles = [self.library.article(i).title for i in ids[:5]]
        listed = "\n".join(f"• {t}" for t in titles) + ("\n…" if len(ids) > 5 else "")
        if not confirm(self, "Delete reports",
                       f"Delete {len(ids)} report(s) from the library?\n\n{listed}\n\n"
                       "Edit ▸ Undo brings them back while this window is open."):  # fmt: skip
            return
        try:
            snapshots = [self.library.snapshot_article(i) for i in ids]
        except (KeyError, LibraryError) as exc:
            self._fail(f"The library was not changed: {_one_line(exc)}", "Try again.")
            return
        self.undo_stack.push(_DeleteCommand(self, ids, snapshots))

    def delete_reports(self, ids: list[int]) -> None:
        """Delete the reports (Edit ▸ Undo's _DeleteCommand puts them back)."""

        def delete() -> None:
            for report_id in ids:
                self.library.delete_article(report_id)

        shown = self._pair is not None and bool(set(self._pair) & set(ids))
        # Not compared again: a job for a deleted report would only fail.
        self._write(delete, rerender=not shown)
        if shown:
            self._token += 1  # and a job still running for the old pair is dropped
            self._pair = self._shown_pair = None
            self.view.show_comparison(None, "")
            self.figures.set_comparison(None)
            self.summary_label.clear()
            self.setWindowTitle("ReportDiff")

    def _write(self, change: Callable[[], object], *, rerender: bool = True) -> None:
        """Run a quick change to the library (one transaction) and show the result."""
        try:
            change()
        except KeyError:
            self.statusBar().showMessage("That report is no longer in the library.", 5000)
        except (LibraryError, ValueError) as exc:
            self._fail(
                f"The library was not changed: {_one_line(exc)}",
                "Close other programs using the library file and try again.",
            )
        self.library_pane.reload()
        self.pickers.set_event(self.library_pane.current_event_id())
        if self._pair is not None and rerender:
            self._rerender()

    # --- export and clipboard -----------------------------------------------

    def _on_export(self) -> None:
        comparison = self.comparison()
        if comparison is None:
            self.statusBar().showMessage("Compare two reports first, then export.", 5000)
            return
        from reportdiff.ui.export_dialog import ask_export_target

        target = ask_export_target(self, comparison, self.settings.export_folder())
        if target is not None:
            self.export_to(*target)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the comparison as `fmt` to `path`, on the pool.

        A PDF too: Qt lays out a QTextDocument and paints a QPdfWriter on any
        thread (as the view's documents are parsed on the pool), so a long
        comparison never holds the window.
        """
        from reportdiff.export import export_comparison
        from reportdiff.export.atomic import write_atomic

        comparison = self.comparison()
        if comparison is None:
            return
        self.settings.set_export_folder(str(path.parent))
        boilerplate = self.actions_by_name["toggle_boilerplate"].isChecked()
        # The reader's decisions go into the JSON and CSV (read here, on the GUI thread).
        fitted = dict(self.figures.model.reviews)
        if self.pair_note:
            fitted[PAIR] = Review(PAIR_KEY, None, self.pair_note, "the pair")
        review = (fitted, list(self.figures.outdated))
        keep = self._files_to_keep()

        def run(_job: workers.Job) -> Path:
            out = export_comparison(comparison, fmt, boilerplate=boilerplate, review=review)
            write_atomic(path, out if isinstance(out, bytes) else out.encode("utf-8"), keep=keep)
            return path

        self._set_busy(+1, f"Saving {path.name}…")
        workers.start(run, self._on_exported, self._on_export_failed, owner=self)

    def _files_to_keep(self) -> dict[str, Path | str | None]:
        """What no export may replace: the library, and the files the two reports came from."""
        keep: dict[str, Path | str | None] = {"the library": self.library.path}
        pair = list(self._pair or ())
        try:
            sources = self.library.source_paths(pair)
        except LibraryError:
            return keep  # the library is busy: the library itself is kept
        for name, article_id in zip("AB", pair, strict=False):
            keep[f"the file of report {name}"] = sources.get(article_id)
        return keep

    def _on_exported(self, path: Path) -> None:
        self._set_busy(-1)
        self.statusBar().showMessage(f"Saved {path}", 8000)
        self.export_finished.emit(path)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._set_busy(-1)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _one_line(exc)
        self._fail(
            f"The export was not saved: {reason}",
            "Choose another folder or file name; any earlier file is unchanged.",
        )

    def _on_copy_comparison(self) -> None:
        comparison = self.comparison()
        if comparison is None:
            self.statusBar().showMessage("Compare two reports first, then copy.", 5000)
            return
        from reportdiff.export.html import render_html
        from reportdiff.export.text import render_text

        mime = QMimeData()
        boilerplate = self.actions_by_name["toggle_boilerplate"].isChecked()
        mime.setHtml(render_html(comparison, boilerplate=boilerplate))
        mime.setText(render_text(comparison))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage("Comparison copied as rich text.", 5000)

    def _on_quit(self) -> None:
        self.close()


def _local_paths(mime: QMimeData) -> list[Path]:
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def _web_addresses(mime: QMimeData) -> list[str]:
    """Links dragged from a browser: the URLs that are not files (text/uri-list),
    else plain text that is one http(s) address."""
    found = [bytes(u.toEncoded().data()).decode() for u in mime.urls() if not u.isLocalFile()]
    if not found and not mime.hasUrls() and mime.hasText():
        address = lone_address(mime.text())
        found = [address] if address else []
    return found


def _droppable(mime: QMimeData) -> bool:
    return bool(_local_paths(mime) or _web_addresses(mime))


def _refusals_message(refused: list[ImportRefused], imported: int = 0) -> tuple[str, str]:
    """What a dialog says of refused files and web addresses, and what to do
    (`imported`: how many others of the same batch were imported)."""
    if len(refused) == 1 and refused[0].address and not imported:
        return (
            f"Could not import {refused[0]}.",
            "Check the address in a browser. A page that opens there can be saved "
            "(as .html) and imported as a file, or its text pasted with File ▸ Paste article.",
        )
    lines = "\n".join(f"• {r.source}: {r.reason}" for r in refused[:12])
    more = len(refused) - 12
    extra = f"\n… and {more} more." if more > 0 else ""
    pages = all(r.address for r in refused)
    kind = "web page(s)" if pages else "file(s)"
    done = f"The other {_count(imported, 'report')} were imported. " if imported else ""
    if imported == 1:
        done = "The other report was imported. "
    if pages:
        advice = (
            "Check the addresses in a browser: a page that opens there can be saved "
            "(as .html) and imported as a file, or its text pasted with File ▸ Paste article."
        )
    else:
        advice = (
            "Save the article as text (.txt), Markdown (.md) or a web page (.html) and "
            "import it again, or paste its text with File ▸ Paste article."
        )
    return f"{len(refused)} {kind} could not be imported:\n{lines}{extra}", done + advice


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _short(report: Any) -> str:
    """The outlet, else the title cut at a word (no trailing space: no double space in
    the window title), else "untitled"."""
    if report.outlet:
        return str(report.outlet)
    title = " ".join((report.title or "").split())
    if len(title) <= _SHORT_TITLE:
        return title or "untitled"
    return title[:_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"


_SHORT_TITLE = 40


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
