"""What the window remembers between runs, through QSettings.

Tests redirect the files with `QSettings.setPath(IniFormat, UserScope, tmp)`:
`open_settings()` always uses the INI format in the user scope for that reason.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "ReportDiff"
APPLICATION = "reportdiff"

ZOOM_MIN, ZOOM_MAX = -6, 12


def open_settings() -> QSettings:
    """The settings file of the app (INI format, user scope)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


class WindowSettings:
    """Typed access to the remembered values; QSettings returns strings from INI files."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def last_pair(self) -> tuple[int, int] | None:
        raw = self._s.value("compare/last_pair", "")
        parts = str(raw).split(",") if raw else []
        if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
            return int(parts[0]), int(parts[1])
        return None

    def set_last_pair(self, a: int, b: int) -> None:
        self._s.setValue("compare/last_pair", f"{a},{b}")

    def zoom(self) -> int:
        return max(ZOOM_MIN, min(ZOOM_MAX, self._int("view/zoom", 0)))

    def set_zoom(self, steps: int) -> None:
        self._s.setValue("view/zoom", steps)

    def boilerplate(self) -> bool:
        return str(self._s.value("view/boilerplate", "false")).lower() == "true"

    def set_boilerplate(self, shown: bool) -> None:
        self._s.setValue("view/boilerplate", "true" if shown else "false")

    def export_folder(self) -> str:
        return str(self._s.value("export/folder", "") or "")

    def set_export_folder(self, folder: str) -> None:
        self._s.setValue("export/folder", folder)

    def import_folder(self) -> str:
        return str(self._s.value("import/folder", "") or "")

    def set_import_folder(self, folder: str) -> None:
        self._s.setValue("import/folder", folder)

    def sync(self) -> None:
        self._s.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._s.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
