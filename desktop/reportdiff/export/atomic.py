"""Atomic file writes: a temporary file beside the target, then a rename.

An export that fails half-way never leaves a truncated file, and an earlier
file of the same name stays as it was. Failures are raised as `OSError`s
whose `strerror` says in plain words what went wrong and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "the disk is full; free some space or choose another place",
    errno.EDQUOT: "the disk quota is used up; free some space or choose another place",
    errno.EROFS: "the folder is on a read-only disk; choose another place",
    errno.EACCES: "no permission to write in the folder {folder}; choose another place",
    errno.EPERM: "no permission to write in the folder {folder}; choose another place",
    errno.ENOENT: "the folder {folder} does not exist",
    errno.ENOTDIR: "{folder} is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
}


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raise OSError (with the earlier file intact)."""
    path = Path(path)
    _refuse_unwritable_target(path)
    try:
        fd, tmp = _create_temporary(path)
    except OSError as exc:
        raise _explained(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _explained(exc, path) from exc
        raise


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _refuse_unwritable_target(path: Path) -> None:
    # A rename would replace even a read-only file (and root may write any
    # file), so the file's own write bits are checked: read-only means "keep".
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _explained(exc, path) from exc
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, f"{path} is a folder, not a file", str(path))
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(
            errno.EACCES,
            "the file is read-only; choose another name or make it writable",
            str(path),
        )


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, made with the usual permissions (0o666 less umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(_folder(path) / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path))


def _keep_mode(path: Path, tmp: str) -> None:
    """Give the new file the permissions of the file it replaces."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))


def _explained(exc: OSError, path: Path) -> OSError:
    reason = _REASONS.get(exc.errno or 0)
    text = reason.format(folder=_folder(path)) if reason else (exc.strerror or str(exc))
    return type(exc)(exc.errno or 0, text, str(path))
