"""File ▸ Export…: where to save the comparison and in which format.

The default file name says what was compared and when
("reuters-vs-nyt-2025-03-18.html", export.suggested_file_name); the folder
is the one used last time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reportdiff.engine.model import Comparison
from reportdiff.export import suggested_file_name

# (format, file suffix, filter shown in the dialog)
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("html", ".html", "HTML page (*.html *.htm)"),
    ("pdf", ".pdf", "PDF document (*.pdf)"),
    ("csv", ".csv", "Figures as CSV (*.csv)"),
    ("json", ".json", "Comparison as JSON (*.json)"),
)


def format_for(path: str, name_filter: str) -> str:
    """The format the user chose: the file's suffix wins, else the chosen filter."""
    suffix = Path(path).suffix.lower()
    for fmt, ext, _filt in FORMATS:
        if suffix == ext or (suffix == ".htm" and fmt == "html"):
            return fmt
    return next((fmt for fmt, _, filt in FORMATS if filt == name_filter), "html")


def with_suffix(path: str, fmt: str) -> Path:
    """Add the format's suffix when the user typed a name without one."""
    target = Path(path)
    ext = next(s for f, s, _ in FORMATS if f == fmt)
    known = {s for _, s, _ in FORMATS} | {".htm"}
    return target if target.suffix.lower() in known else target.with_name(target.name + ext)


def ask_export_target(
    parent: QWidget | None, comparison: Comparison, folder: str, fmt: str = "html"
) -> tuple[Path, str] | None:
    """Ask where to save; returns (path, format) or None when cancelled."""
    start = Path(folder or Path.home()) / suggested_file_name(comparison, fmt)
    filters = ";;".join(f for _, _, f in FORMATS)
    chosen_filter = next(f for name, _, f in FORMATS if name == fmt)
    path, name_filter = QFileDialog.getSaveFileName(
        parent, "Export comparison", str(start), filters, chosen_filter
    )
    if not path:
        return None
    chosen = format_for(path, name_filter)
    return with_suffix(path, chosen), chosen
