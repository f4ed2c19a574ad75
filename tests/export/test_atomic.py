"""Atomic writes: a failure says what happened and leaves any earlier file intact."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reportdiff.export.atomic import write_atomic

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
