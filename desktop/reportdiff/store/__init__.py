"""The library of reports (placeholder until issue 2's store lands)."""

from __future__ import annotations

from pathlib import Path

from reportdiff.engine import Report, parse_report


class LibraryError(Exception):
    """The library or a file could not be used; the message says why."""


def default_library_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("reportdiff", appauthor=False) / "library.db"


def read_report_file(path: Path) -> Report:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LibraryError(f"{path}: {exc.strerror}") from exc
    return parse_report(text)
