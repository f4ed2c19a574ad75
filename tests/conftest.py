"""Shared fixtures: a temporary library seeded from seeds/, settings in tmp_path, no stray threads.

QT_QPA_PLATFORM is set before any Qt application exists so every GUI test
runs headless; QSettings are redirected into the test's own folder so no
test reads or writes the user's real settings.
"""

from __future__ import annotations

import os
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new examples on a developer's machine; in CI they run
# the same examples every time, so a run on a clean clone cannot fail by chance
# (an example found locally becomes a fixed test case instead).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test gets its own QSettings folder (INI files, user scope)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(library_path: Path) -> Iterator[object]:
    """A new library file, seeded from seeds/ as a first start would."""
    from reportdiff.store import Library

    lib = Library.open(library_path)
    lib.seed_if_new(SEEDS)
    yield lib
    lib.close()


@pytest.fixture
def no_stray_threads() -> Iterator[None]:
    """Fails a test that leaves background work running (and waits for it)."""
    from PySide6.QtCore import QThreadPool

    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000), "background work still running after the test"


@pytest.fixture
def web() -> Iterator[object]:
    """A web server on 127.0.0.1 serving the pages of tests/web_pages.py."""
    from web_pages import web_server

    with web_server() as server:
        yield server


@pytest.fixture
def x_display() -> Iterator[str]:
    """A virtual X screen (Xvfb) for the real app; its DISPLAY value. Skipped without
    Xvfb on a developer's machine, a failure under CI (.ci/run installs it)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is not installed: .ci/run must install the xvfb package")
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as fh:
            number = fh.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
