"""The store's errors, in two kinds (STYLE.md 4).

`LibraryError` and its subclasses are the environment's fault (a locked,
damaged or foreign file, a refused input): the UI and the CLI show their
one-line message and carry on. `LibraryBug` is our fault (bad SQL, a wrong
call): it should reach a crash report, not a polite dialog.
"""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """The library or an input could not be used; str() is one line naming the file.

    `partial`, set when a batch import stops on it, is what that batch did before.
    """

    partial: object = None


class LibraryLocked(LibraryError):  # noqa: N818 (public API name)
    """Another program holds the library's lock for longer than we wait."""


class LibraryDamaged(LibraryError):  # noqa: N818 (public API name)
    """The file is an SQLite database whose contents are broken."""


class NotALibrary(LibraryError):  # noqa: N818 (public API name)
    """The file is not SQLite, or SQLite belonging to another program."""


class NoLibrary(LibraryError):  # noqa: N818 (public API name)
    """Nothing is at the path yet and the command does not make a library."""


class LibraryTooNew(LibraryError):  # noqa: N818 (public API name)
    """The library was written by a newer ReportDiff than this one."""


class LibraryBug(Exception):  # noqa: N818 (public API name)
    """A database error that is our fault (bad SQL, misuse); not the user's to fix."""


class ImportRefused(LibraryError):  # noqa: N818 (public API name)
    """One input was refused; the rest of a batch goes on.

    A refused web address is `address`, as the user gave it (a Path would fold
    its "//"), with `path` None.
    """

    def __init__(self, path: Path | str | None, reason: str, *, address: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.address = address
        self.reason = reason
        where = address or (str(path) if path is not None else "pasted text")
        super().__init__(f"{where}: {reason}")

    @property
    def source(self) -> str:
        """The address or the file's name, as a list of refusals shows it."""
        if self.address:
            return self.address
        return self.path.name if self.path is not None else "pasted text"


class DuplicateReport(Exception):  # noqa: N818 (public API name)
    """The text is already in the library, as report `existing_id`."""

    def __init__(self, existing_id: int, path: Path | str | None = None) -> None:
        self.existing_id = existing_id
        self.path = Path(path) if path is not None else None
        where = f"{path}: " if path is not None else ""
        super().__init__(f"{where}already in the library as report #{existing_id}")
