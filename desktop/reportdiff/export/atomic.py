"""Atomic file writes: a temporary file beside the target, then a rename.

An export that fails half-way never leaves a truncated file, and an earlier
file of the same name stays as it was. Failures are raised as `OSError`s
whose `strerror` says in plain words what went wrong and what to do.

What a command-line user names with `-o` is not always a plain file:

- a symbolic link: the file it points to is replaced (atomically, beside that
  file), the link stays a link;
- a stream — a terminal, `/dev/null`, a named pipe, `/dev/stdout` or
  `/dev/fd/N` (bash's `>(…)`): it is written to directly, as the shell's `>`
  would; a rename there would swap the device node for a plain file;
- a folder, a disk device or a socket: refused, untouched.

Some files are never replaced, whatever the user typed: the caller's `keep`
files (the open library, the reports being compared) and their SQLite
side files, found through symbolic links and hard links, and any SQLite
database at all (a library of ours or anyone's). A write killed half-way
leaves a temporary file named after its process; the next write beside it
removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Mapping
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
    errno.ELOOP: "the name is a loop of symbolic links",
}

# Errors of writing to a stream rather than making a file in a folder.
_STREAM_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EACCES: "no permission to write to it",
    errno.EPERM: "no permission to write to it",
    errno.EPIPE: "nothing is reading from it any more",
    errno.ENXIO: "nothing is reading from it",
    errno.EBADF: "it is not open for writing",
}

# /dev/stdout, /dev/fd/3, /proc/self/fd/1: a descriptor this process already has open.
_OPEN_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$|^/dev/std(out|err)$")


# The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite keeps beside a database while it is open or after a crash.
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class ProtectedFileError(PermissionError):
    """The target is a file the app must never write over (a library, an input)."""


def write_atomic(
    path: Path, data: bytes, *, keep: Mapping[str, Path | str | None] | None = None
) -> None:
    """Write `data` to `path` atomically; raise OSError (with the earlier file intact).

    A symbolic link is followed; a terminal, pipe or device such as /dev/null
    is written to directly; a folder, disk device or socket is refused. So is
    any of the `keep` files (named by what to call them: {"the library": path,
    "report A": path}) and any SQLite database: a `ProtectedFileError` says
    which it is.
    """
    path = Path(path)
    real, target = _checked_target(path, keep)
    if real is None:
        _write_stream(path, data)  # even a file the shell opened: it may be `>> log`
        return
    _remove_leftovers(real)
    _replace(real, data, target)


def check_target(path: Path, *, keep: Mapping[str, Path | str | None] | None = None) -> None:
    """Raise the OSError `write_atomic(path, ..., keep=keep)` would raise before writing.

    For a refusal the user should hear before long work starts (a screenshot
    that would replace the library is refused before the window opens).
    """
    _checked_target(Path(path), keep)


def _checked_target(
    path: Path, keep: Mapping[str, Path | str | None] | None
) -> tuple[Path | None, os.stat_result | None]:
    """(the file to replace, what is there now), or (None, ...) for a stream to write
    to directly; raise when the target is refused."""
    if _OPEN_DESCRIPTOR.match(str(path)):
        return None, None
    target = _existing(path)
    if target is not None and _is_stream(target):
        return None, target
    real = Path(os.path.realpath(path))
    _refuse_protected(path, real, target, keep or {})
    if target is not None:
        _refuse_unwritable_file(path, target)
    return real, target


def _refuse_protected(
    path: Path, real: Path, target: os.stat_result | None, keep: Mapping[str, Path | str | None]
) -> None:
    """Refuse to write over a kept file (by name or by inode) or any SQLite database."""
    for what, kept in keep.items():
        if kept is None or str(kept) in ("", "-"):
            continue
        kept_real = os.path.realpath(kept)
        names = {kept_real + side for side in ("", *_SQLITE_SIDE_FILES)}
        same_file = False
        if target is not None:
            with contextlib.suppress(OSError):
                kept_stat = os.stat(kept)
                same_file = (kept_stat.st_dev, kept_stat.st_ino) == (target.st_dev, target.st_ino)
        if str(real) in names or same_file:
            raise ProtectedFileError(
                errno.EPERM,
                f"{path} is {what}; choose another file for the output",
                str(path),
            )
    if target is not None and stat.S_ISREG(target.st_mode) and _is_sqlite(real):
        raise ProtectedFileError(
            errno.EPERM,
            f"{path} is a database (perhaps a ReportDiff library); choose another file",
            str(path),
        )


def _is_sqlite(real: Path) -> bool:
    try:
        with open(real, "rb") as fh:
            return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False  # unreadable: the rename's own errors will speak


# A temporary file killed half-way: `.NAME.PID-RANDOM.tmp`.
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
# Temporary files of earlier versions carry no process id: removed when an hour old.
_OLD_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.tmp$")
_OLD_LEFTOVER_AGE = 3600.0


def _remove_leftovers(real: Path) -> None:
    """Remove temporary files of `real` whose writer was killed (its process is gone)."""
    folder = _folder(real)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(f".{real.name}.")]
    except OSError:
        return
    for name in names:
        match = _LEFTOVER.match(name)
        if match and match["name"] == real.name:
            stale = not _process_alive(int(match["pid"]))
        else:
            old = _OLD_LEFTOVER.match(name)
            if not (old and old["name"] == real.name):
                continue
            try:
                stale = time.time() - os.lstat(folder / name).st_mtime > _OLD_LEFTOVER_AGE
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: keep
    return True


def _existing(path: Path) -> os.stat_result | None:
    """What `path` names after following links, or None when nothing is there yet."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _explained(exc, path) from exc


def _is_stream(st: os.stat_result) -> bool:
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)


def _refuse_unwritable_file(path: Path, st: os.stat_result) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, f"{path} is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        kind = "a disk device" if stat.S_ISBLK(mode) else "a socket"
        raise OSError(errno.EINVAL, f"{path} is {kind}, not a file; choose a file", str(path))
    # A rename would replace even a read-only file (and root may write any
    # file), so the file's own write bits are checked: read-only means "keep".
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(
            errno.EACCES,
            "the file is read-only; choose another name or make it writable",
            str(path),
        )


def _replace(real: Path, data: bytes, earlier: os.stat_result | None) -> None:
    """Write a temporary file beside `real`, then rename it over `real`."""
    try:
        fd, tmp = _create_temporary(real)
    except OSError as exc:
        raise _explained(exc, real) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if earlier is not None:
            _keep_owner_and_mode(tmp, earlier)
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _explained(exc, real) from exc
        raise


def _write_stream(path: Path, data: bytes) -> None:
    """Write to a terminal, pipe or device as the shell's `>` would: no temporary file."""
    match = _OPEN_DESCRIPTOR.match(str(path))
    try:
        if match:
            # Write to the descriptor itself: reopening /dev/stdout would
            # truncate a file the shell opened for appending (`>> log`).
            fd = 1 if match.group(2) == "out" else 2 if match.group(2) else int(match.group(1))
            _write_all(fd, data)
            return
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as exc:
        raise type(exc)(exc.errno or 0, stream_error_text(exc), str(path)) from exc


def stream_error_text(exc: OSError) -> str:
    """Why writing to a terminal, pipe or device failed, in plain words."""
    return _STREAM_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, made with the usual permissions (0o666 less umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(_folder(path) / f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path))


def _keep_owner_and_mode(tmp: str, earlier: os.stat_result) -> None:
    """Give the new file the owner and permissions of the file it replaces."""
    if hasattr(os, "chown"):
        # Only root may give a file away; anyone else keeps their own file.
        with contextlib.suppress(OSError):
            os.chown(tmp, earlier.st_uid, earlier.st_gid)
    os.chmod(tmp, stat.S_IMODE(earlier.st_mode))


def _explained(exc: OSError, path: Path) -> OSError:
    reason = _REASONS.get(exc.errno or 0)
    if exc.errno == errno.ENOENT and Path(_folder(path)).is_dir():
        # The folder is there but refuses new files (/proc, a vanished mount).
        reason = "files cannot be made in the folder {folder}; choose another place"
    text = reason.format(folder=_folder(path)) if reason else (exc.strerror or str(exc))
    return type(exc)(exc.errno or 0, text, str(path))
