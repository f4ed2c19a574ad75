"""Opening library files: ours, new, and every kind the app must refuse without harm."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reportdiff.store import (
    SCHEMA_VERSION,
    Library,
    LibraryBug,
    LibraryDamaged,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    NotALibrary,
)
from reportdiff.store.database import sqlite_errors
from reportdiff.store.errors import NoLibrary
from reportdiff.store.schema import APPLICATION_ID

from .conftest import ARTICLE


def _make_library(path: Path) -> None:
    with Library.open(path) as lib:
        lib.add_text(ARTICLE, event="Floods")


def _text_file(path: Path) -> None:
    path.write_text("my shopping list\neggs\n", encoding="utf-8")


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.close()


def _newer_schema(path: Path) -> None:
    _make_library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def _damaged_header(path: Path) -> None:
    _make_library(path)
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x00\x07"  # a page size SQLite cannot have
    path.write_bytes(bytes(data))


BAD_FILES: list[tuple[str, Callable[[Path], None], type[LibraryError], str]] = [
    # (what, make the file, error, words the message must hold)
    ("plain text", _text_file, NotALibrary, "not an SQLite database"),
    ("another program's SQLite", _foreign_sqlite, NotALibrary, "another program"),
    ("newer schema", _newer_schema, LibraryTooNew, "newer ReportDiff"),
    ("damaged header", _damaged_header, LibraryDamaged, "damaged"),
]


@pytest.mark.parametrize(
    ("make", "error", "words"), [row[1:] for row in BAD_FILES], ids=[row[0] for row in BAD_FILES]
)
def test_bad_library_file_is_refused_and_left_alone(
    tmp_path: Path, make: Callable[[Path], None], error: type[LibraryError], words: str
) -> None:
    path = tmp_path / "library.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        Library.open(path, timeout=0.1)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert words in message
    assert path.read_bytes() == before


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(NotALibrary, match="folder"):
        Library.open(tmp_path)


def test_missing_library_without_create(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(LibraryError, match="no library here"):
        Library.open(path, create=False)
    assert not path.exists()


def test_new_library_is_ours_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        assert lib.created
        conn = lib.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with Library.open(path) as again:
        assert not again.created


def test_empty_file_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.touch()
    with Library.open(path) as lib:
        assert lib.created
        assert lib.count_articles() == 0


def test_empty_sqlite_database_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    with Library.open(path) as lib:
        assert lib.events() == []


def test_damaged_pages_fail_as_damaged_not_as_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    _make_library(path)
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the first
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryDamaged) as caught, Library.open(path, timeout=0.1) as lib:
        lib.list_articles()
    assert str(path) in str(caught.value)


def test_locked_by_another_process_at_open(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    _make_library(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryLocked) as caught:
            Library.open(path, timeout=0.1)
        assert "locked" in str(caught.value)
        assert str(path) in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_locked_for_writing_refuses_the_import_and_changes_nothing(
    tmp_path: Path, write: Callable[[str, str], Path]
) -> None:
    path = tmp_path / "library.db"
    _make_library(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Library.open(path, timeout=0.1) as lib, pytest.raises(LibraryLocked):
            lib.import_files([write("new.txt", "A new report.\n\nWith text.")])
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Library.open(path) as lib:
        assert lib.count_articles() == 1


def test_transaction_rolls_back_on_error(library: Library) -> None:
    def write_then_fail() -> None:
        with library.transaction() as db:
            db.execute("INSERT INTO events (name, created_at) VALUES ('x', 'now')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert library.events() == []


def test_our_sql_mistake_is_a_bug_not_a_library_error(library: Library) -> None:
    with pytest.raises(LibraryBug), sqlite_errors(library.path):
        library.db.execute("SELECT nonsense FROM nowhere")
    assert not issubclass(LibraryBug, LibraryError)


def test_copy_of_a_library_opens_cheaply_without_seeding(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    _make_library(path)
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    with Library.open(copy) as lib:
        assert not lib.created
        assert lib.count_articles() == 1


# --- refusals change nothing; damage and read-only media (issue 16, 8-11) ----


def test_a_foreign_wal_database_is_refused_with_its_wal_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE notes (x)")
    writer.executemany("INSERT INTO notes VALUES (?)", [(i,) for i in range(100)])
    writer.commit()  # pending in other.db-wal while the other program keeps it open
    wal = tmp_path / "other.db-wal"
    before = path.read_bytes(), wal.read_bytes()
    try:
        with pytest.raises(NotALibrary):
            Library.open(path)
        assert (path.read_bytes(), wal.read_bytes()) == before
    finally:
        writer.close()


def test_a_read_command_never_turns_an_empty_sqlite_file_into_a_library(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    before = path.read_bytes()
    with pytest.raises(NoLibrary):
        Library.open(path, create=False)
    assert path.read_bytes() == before


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_no_library_and_nothing_is_made_beside_it(tmp_path: Path) -> None:
    with pytest.raises(NotALibrary, match="device, pipe or socket"):
        Library.open("/dev/null")
    assert not Path("/dev/null-journal").exists()
    assert not Path("/dev/null-wal").exists()


def test_our_id_without_a_version_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    _make_library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryDamaged, match="restore a backup"):
        Library.open(path)


def test_a_library_on_read_only_media_is_read_and_refuses_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "library.db"
    _make_library(path)
    with Library.open(path) as lib:
        lib.seed_if_new()
        count = lib.count_articles()
    before = path.read_bytes()
    real_access = os.access

    def access(
        p: object, mode: int, **kw: object
    ) -> bool:  # a read-only mount (root ignores chmod)
        if mode & os.W_OK and str(p) in (str(path), str(tmp_path)):
            return False
        return real_access(p, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with Library.open(path) as lib:
        assert lib.count_articles() == count
        assert lib.list_articles(limit=1)
        with pytest.raises(LibraryError, match="read-only"):
            lib.import_files([Path(__file__)])
    assert path.read_bytes() == before


def test_damaged_btree_pages_are_found_on_open_and_nothing_is_written(tmp_path: Path) -> None:
    """quick_check on open: every command refuses a damaged library in one line."""
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        lib.seed_if_new()
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for k in range(2, len(data) // page, 3):  # break the header of every third page
        data[page * k : page * k + 12] = b"\x0d" + b"\xff" * 11
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(LibraryDamaged, match=r"damaged .*; restore a backup") as caught:
        Library.open(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before
