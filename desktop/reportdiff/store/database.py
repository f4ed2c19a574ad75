"""The one module that owns the SQLite connection (STYLE.md 4).

It opens a library file (recognising files that are not SQLite, SQLite of
another program, a newer schema, a lock held elsewhere, damage), sets WAL and
foreign keys, migrates forward, and turns sqlite3's errors into our two
kinds: `LibraryError` (the environment's fault) or `LibraryBug` (ours).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from reportdiff.store.errors import (
    LibraryBug,
    LibraryDamaged,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    NoLibrary,
    NotALibrary,
)
from reportdiff.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_SIZE_LIMIT = 4 * 1024 * 1024  # bytes the write-ahead log keeps after a checkpoint
DEFAULT_TIMEOUT = 2.0  # seconds to wait for another writer before calling it locked

_ENVIRONMENT_WORDS = (
    "disk",
    "i/o",
    "readonly",
    "read-only",
    "unable to open",
    "full",
    "permission",
)


def translate(exc: sqlite3.Error, path: Path) -> Exception:
    """sqlite3's error as one of ours, with a one-line message naming the file."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return LibraryLocked(
            f"{path}: the library is in use by another program (locked); close it and try again"
        )
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return LibraryDamaged(f"{path}: the library file is damaged ({exc}); restore a backup")
    if "readonly" in message or "read-only" in message:
        return LibraryError(
            f"{path}: the library is read-only here (a read-only disk or file); "
            "it can be listed, shown and compared, not changed"
        )
    if isinstance(exc, sqlite3.OperationalError) and any(w in message for w in _ENVIRONMENT_WORDS):
        return LibraryError(f"{path}: cannot use the library file ({exc})")
    return LibraryBug(f"{path}: database error: {exc}")


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Run a block with sqlite3's errors translated (see `translate`)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


@contextmanager
def transaction(db: Database, path: Path) -> Iterator[Database]:
    """One write transaction: committed at the end, rolled back on any error.

    BEGIN IMMEDIATE takes the write lock up front, so a busy library waits
    (then fails as locked) before any work rather than at commit.
    """
    with sqlite_errors(path):
        if db.conn.in_transaction:
            with db.atomic():  # a savepoint inside the outer transaction
                yield db
            return
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.conn.execute("COMMIT")
        except BaseException as exc:
            db.rollback()
            if _disk_full(exc):
                raise _after_full_disk(db, path, exc) from exc
            raise


def _disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower()


def _after_full_disk(db: Database, path: Path, exc: BaseException) -> LibraryError:
    """A write that found the disk full: the write-ahead log, which holds every
    change since SQLite last folded it into the library, is folded in now and
    emptied, so the space it held is free again; the message says so."""
    wal = Path(f"{path}-wal")
    before = _size(wal)
    with contextlib.suppress(sqlite3.Error):  # the message below still says what to do
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    freed = max(0, before - _size(wal))
    note = (
        f" ReportDiff folded its write-ahead log into the library, freeing"
        f" {freed / 1024 / 1024:.1f} MB;"
        if freed
        else ""
    )
    return LibraryError(
        f"{path}: the disk is full ({exc}).{note} free some space on the disk, then try again"
        " (nothing of this change was saved)"
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def open_database(
    path: Path, *, create: bool, timeout: float = DEFAULT_TIMEOUT
) -> tuple[Database, bool]:
    """Open (and when needed create or migrate) a library; return it and whether it is new."""
    _refuse_special_file(path)
    existed = library_exists(path)
    if not existed:
        if not create:
            raise NoLibrary(f"{path}: no library here yet (`reportdiff import FILES` starts one)")
        _make_parent(path)
    else:
        _check_header(path)
        # Looked at read-only first: a refused file is left exactly as it was
        # (a normal open would merge and delete another program's pending WAL).
        _check_identity(path, *_inspect(path), create=create)
    writable = not existed or _writable(path)
    with sqlite_errors(path):
        if writable:
            conn = sqlite3.connect(str(path), timeout=timeout)
        else:
            # Read-only media or file: list, show, compare and export still work.
            folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
            mode = "mode=ro" if folder_ok else "immutable=1"
            conn = sqlite3.connect(_uri(path, mode), uri=True, timeout=timeout)
    try:
        db = _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return db, not existed


def _uri(path: Path, query: str) -> str:
    return f"file:{urllib.parse.quote(str(path.absolute()))}?{query}"


def _inspect(path: Path) -> tuple[int, int, int]:
    """(application id, schema version, tables) read without changing the file.

    With a write-ahead log beside it the truth may be in the log (a library
    just created by another connection): a read-only connection reads it and
    never checkpoints it. Without one, or where the log's index cannot be
    made (a read-only folder), the main file alone is read (immutable).
    """
    queries = ["immutable=1"]
    if Path(f"{path}-wal").exists():
        queries.insert(0, "mode=ro")
    for k, query in enumerate(queries):
        try:
            conn = sqlite3.connect(_uri(path, query), uri=True)
            try:
                return _identity_of(conn)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            if k == len(queries) - 1:
                raise translate(exc, path) from exc
    raise AssertionError("unreachable")


def _writable(path: Path) -> bool:
    """Whether the library and its folder (for the WAL's side files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _refuse_special_file(path: Path) -> None:
    """A device, a pipe or a socket is no library ("--db /dev/null")."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # absent (a new library) or unreadable: said where it is used
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise NotALibrary(f"{path}: not a library file (a device, pipe or socket)")


def library_exists(path: Path) -> bool:
    """Whether a library (a non-empty file) is at `path`; an unreadable path, or
    a device, pipe or socket there ("--db /dev/null"), raises."""
    _refuse_special_file(path)
    return _existing_size(path) > 0


def _existing_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise LibraryError(f"{path}: cannot use the library file ({exc.strerror})") from None


def _make_parent(path: Path) -> None:
    """Make the default library's folder; another folder must exist already.

    A library path the user typed (--db, $REPORTDIFF_DB) with a folder that is
    not there is more likely a slip than a wish for new folders.
    """
    from reportdiff.store.library import default_library_path

    if not path.parent.is_dir() and path.parent != default_library_path().parent:
        raise LibraryError(
            f"{path}: the folder {path.parent} does not exist; create it or choose another path"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"{path}: cannot create the library's folder ({exc.strerror})") from None


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise NotALibrary(f"{path}: is a folder, not a library file") from None
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read the library file ({exc.strerror})") from None
    if head != SQLITE_MAGIC:
        raise NotALibrary(f"{path}: not a ReportDiff library (not an SQLite database)")


def _prepare(conn: sqlite3.Connection, path: Path) -> Database:
    with sqlite_errors(path):
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        app_id, version, tables = _identity(db)
        _check_identity(path, app_id, version, tables)
        _check_pages(db, path)
        if version < SCHEMA_VERSION:
            _upgrade(db, path)
        db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; commits need no fsync
        # After each checkpoint the write-ahead log shrinks back to this size
        # (else it keeps the largest size it ever reached: a full disk stays full).
        db.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    return db


# Libraries up to this size are checked page by page on open (PRAGMA
# quick_check reads every page: about 10 ms a megabyte here); a larger one is
# checked as it is read, by SQLite's own errors.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def _check_pages(db: Database, path: Path) -> None:
    """Refuse a library with damaged pages before anything reads or writes it."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    if not 0 < size <= QUICK_CHECK_MAX_BYTES:
        return
    problems = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    if problems != ["ok"]:
        detail = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
        raise LibraryDamaged(
            f"{path}: the library file is damaged ({detail[:120]}); restore a backup"
        )


def _identity(db: Database) -> tuple[int, int, int]:
    return _identity_of(db.conn)


def _identity_of(conn: sqlite3.Connection) -> tuple[int, int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return int(app_id), int(version), int(tables)


def _check_identity(
    path: Path, app_id: int, version: int, tables: int, *, create: bool = True
) -> None:
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise NotALibrary(
            f"{path}: an SQLite database of another program, not a ReportDiff library"
        )
    if app_id == APPLICATION_ID and version == 0 and tables:
        # Ours by its id, yet its version was lost: its tables cannot be trusted.
        raise LibraryDamaged(
            f"{path}: the library file is damaged (its version is missing); restore a backup"
        )
    if not tables and not create:
        # An empty SQLite file is adopted only by a command that writes (import).
        raise NoLibrary(f"{path}: no library here yet (`reportdiff import FILES` starts one)")
    if version > SCHEMA_VERSION:
        raise LibraryTooNew(
            f"{path}: made by a newer ReportDiff (library version {version}, this app reads "
            f"up to {SCHEMA_VERSION}); update ReportDiff to open it"
        )


def _upgrade(db: Database, path: Path) -> None:
    # WAL can only be switched on outside a transaction; it stays on in the file.
    db.enable_wal()
    with transaction(db, path):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        app_id, version, tables = _identity(db)
        _check_identity(path, app_id, version, tables)
        if version < SCHEMA_VERSION:
            migrate(db, version)
