"""Atomic writes: a failure says what happened and leaves any earlier file intact."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reportdiff.export.atomic import ProtectedFileError, check_target, write_atomic

EARLIER = b"the earlier export"


@pytest.fixture
def earlier(tmp_path: Path) -> Path:
    path = tmp_path / "comparison.html"
    path.write_bytes(EARLIER)
    return path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_and_replaces(earlier: Path) -> None:
    write_atomic(earlier, b"new")
    assert earlier.read_bytes() == b"new"
    assert leftovers(earlier.parent) == []


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    write_atomic(path, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_replaced_file_keeps_its_permissions(earlier: Path) -> None:
    earlier.chmod(0o640)
    write_atomic(earlier, b"new")
    assert stat.S_IMODE(earlier.stat().st_mode) == 0o640


@pytest.mark.skipif(
    getattr(os, "geteuid", lambda: 1)() != 0, reason="only root can give files away"
)
def test_replaced_file_keeps_its_owner(earlier: Path) -> None:
    os.chown(earlier, 12345, 12346)
    write_atomic(earlier, b"new")
    assert (earlier.stat().st_uid, earlier.stat().st_gid) == (12345, 12346)


def test_read_only_file_is_refused_and_kept(earlier: Path) -> None:
    earlier.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only") as info:
        write_atomic(earlier, b"new")
    assert info.value.filename == str(earlier)
    assert earlier.read_bytes() == EARLIER
    assert leftovers(earlier.parent) == []


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.pdf", b"x")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_folder_that_takes_no_files_is_not_called_missing() -> None:
    with pytest.raises(OSError, match="files cannot be made in the folder /proc") as info:
        write_atomic(Path("/proc/reportdiff-test.pdf"), b"x")
    assert "does not exist" not in str(info.value)


def test_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_atomic(tmp_path, b"x")


def test_unwritable_folder(earlier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    earlier.parent.chmod(0o555)
    try:
        if os.access(earlier.parent, os.W_OK):  # root writes anywhere: make os.open refuse
            real_open = os.open

            def refuse(path: str, flags: int, mode: int = 0o777) -> int:
                if flags & os.O_CREAT:
                    raise PermissionError(13, "Permission denied", path)
                return real_open(path, flags, mode)

            monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(PermissionError, match="no permission to write in the folder"):
            write_atomic(earlier, b"new")
    finally:
        earlier.parent.chmod(0o755)
    assert earlier.read_bytes() == EARLIER


def test_full_disk(earlier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Writes go to /dev/full, which fails every write with ENOSPC like a full disk.
    real_fdopen = os.fdopen

    def full_disk(fd: int, mode: str = "r"):  # type: ignore[no-untyped-def]
        os.close(fd)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode)

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    monkeypatch.setattr(os, "fdopen", full_disk)
    with pytest.raises(OSError, match="the disk is full"):
        write_atomic(earlier, b"x" * 100_000)
    assert earlier.read_bytes() == EARLIER
    assert leftovers(earlier.parent) == []


def test_failed_rename_keeps_the_earlier_file(
    earlier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cross_device(src: str, dst: str) -> None:
        raise OSError(18, "Invalid cross-device link", src)

    monkeypatch.setattr(os, "replace", cross_device)
    with pytest.raises(OSError, match="cross-device"):
        write_atomic(earlier, b"new")
    assert earlier.read_bytes() == EARLIER
    assert leftovers(earlier.parent) == []


# --- targets that are not plain files ---------------------------------------


def test_symlink_is_followed_and_stays_a_link(earlier: Path) -> None:
    earlier.chmod(0o640)
    link = earlier.parent / "latest.html"
    link.symlink_to(earlier.name)  # relative, as `ln -s` usually makes them
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert os.readlink(link) == earlier.name
    assert earlier.read_bytes() == b"new"
    assert stat.S_IMODE(earlier.stat().st_mode) == 0o640
    assert leftovers(earlier.parent) == []


def test_chain_of_links_into_another_folder(earlier: Path, tmp_path: Path) -> None:
    other = tmp_path / "links"
    other.mkdir()
    (other / "one").symlink_to(earlier)
    (other / "two").symlink_to(other / "one")
    write_atomic(other / "two", b"new")
    assert earlier.read_bytes() == b"new"
    assert (other / "one").is_symlink()
    assert (other / "two").is_symlink()
    assert leftovers(other) == []
    assert leftovers(earlier.parent) == []


def test_dangling_link_makes_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "target.csv")
    write_atomic(link, b"x")
    assert link.is_symlink()
    assert (tmp_path / "target.csv").read_bytes() == b"x"


def test_link_to_a_read_only_file_is_refused(earlier: Path) -> None:
    earlier.chmod(0o444)
    link = earlier.parent / "link.html"
    link.symlink_to(earlier)
    with pytest.raises(PermissionError, match="read-only"):
        write_atomic(link, b"new")
    assert link.is_symlink()
    assert earlier.read_bytes() == EARLIER


def test_loop_of_links_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(OSError, match="loop of symbolic links"):
        write_atomic(tmp_path / "a", b"x")
    assert (tmp_path / "a").is_symlink()


needs_dev = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/null, /dev/full")


@needs_dev
def test_dev_null_is_written_to_and_stays_a_device() -> None:
    write_atomic(Path("/dev/null"), b"discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@needs_dev
def test_dev_full_says_the_device_is_full_and_stays_a_device() -> None:
    with pytest.raises(OSError, match="no space left on the device") as info:
        write_atomic(Path("/dev/full"), b"x" * 10_000)
    assert info.value.filename == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not Path("/dev/fd").exists(), reason="needs /dev/fd")
def test_dev_fd_writes_to_the_open_descriptor() -> None:
    read_end, write_end = os.pipe()
    try:
        write_atomic(Path(f"/dev/fd/{write_end}"), b"through the pipe")
        os.close(write_end)
        assert os.read(read_end, 100) == b"through the pipe"
    finally:
        os.close(read_end)
        with contextlib.suppress(OSError):
            os.close(write_end)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_written_to_and_stays_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, b"streamed")
    reader.join(timeout=10)
    assert received == [b"streamed"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs unix sockets")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OSError, match="is a socket, not a file"):
            write_atomic(path, b"x")
    assert stat.S_ISSOCK(path.stat().st_mode)


# --- files never written over ---------------------------------------------


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    import sqlite3

    path = tmp_path / "library.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    return path


def test_a_kept_file_is_refused_by_name_link_and_hard_link(tmp_path: Path) -> None:
    kept = tmp_path / "report.txt"
    kept.write_bytes(b"the report")
    link = tmp_path / "link.txt"
    link.symlink_to(kept)
    hard = tmp_path / "hard.txt"
    os.link(kept, hard)
    for target in (kept, link, hard, tmp_path / "." / "report.txt"):
        with pytest.raises(ProtectedFileError, match="is report A; choose another file"):
            write_atomic(target, b"export", keep={"report A": kept})
    assert kept.read_bytes() == b"the report"
    assert link.is_symlink()
    assert leftovers(tmp_path) == []


def test_the_library_and_its_side_files_are_refused_even_when_absent(tmp_path: Path) -> None:
    library = tmp_path / "library.db"  # not made yet: its name is still kept
    for name in ("library.db", "library.db-wal", "library.db-journal", "library.db-shm"):
        with pytest.raises(ProtectedFileError, match="is the library"):
            write_atomic(tmp_path / name, b"x", keep={"the library": library})
    assert list(tmp_path.iterdir()) == []


def test_any_sqlite_database_is_refused(library_file: Path) -> None:
    before = library_file.read_bytes()
    with pytest.raises(ProtectedFileError, match="is a database"):
        write_atomic(library_file, b"<html>")
    link = library_file.parent / "innocent.html"
    link.symlink_to(library_file)
    with pytest.raises(ProtectedFileError, match="is a database"):
        write_atomic(link, b"<html>")
    assert library_file.read_bytes() == before


def test_check_target_refuses_before_any_work(library_file: Path, tmp_path: Path) -> None:
    with pytest.raises(ProtectedFileError):
        check_target(library_file)
    with pytest.raises(ProtectedFileError):
        check_target(tmp_path / "x.png", keep={"the library": tmp_path / "x.png"})
    check_target(tmp_path / "fine.png", keep={"the library": library_file})  # no error


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "comparison.html"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".comparison.html.{dead.pid}-0badcafe.tmp"
    stale.write_bytes(b"half")
    live = tmp_path / f".comparison.html.{os.getppid()}-0badcafe.tmp"  # a live writer's file
    live.write_bytes(b"being written")
    old = tmp_path / ".comparison.html.deadbeef.tmp"  # an earlier version's, two hours old
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    other = tmp_path / f".other.html.{dead.pid}-0badcafe.tmp"  # another file's: not ours to judge
    other.write_bytes(b"other")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(leftovers(tmp_path)) == sorted([live.name, other.name])
