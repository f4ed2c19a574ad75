"""Smoke test: the real app on a real X screen (Xvfb, Qt's `xcb` platform).

Offscreen tests never load the xcb plugin, so a system library missing on a
user's desktop (libxcb-cursor0, libEGL, ...) would go unnoticed. This test
starts the installed `reportdiff` command under Xvfb, lets it open a
comparison, take a screenshot and quit. CI installs Xvfb (`.ci/run`); on a
developer machine without it the test is skipped, but under CI it fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.xvfb


def _reportdiff_command() -> list[str]:
    script = Path(sys.executable).parent / "reportdiff"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "reportdiff.cli"]


def test_app_starts_on_a_real_x_screen(x_display: str, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        # Make Qt say which library is missing if the plugin cannot load.
        "QT_DEBUG_PLUGINS": "0",
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    run = subprocess.run(
        [
            *_reportdiff_command(),
            "--db",
            str(tmp_path / "library.db"),
            "--compare",
            str(SEEDS / "001_b09a5fa10f149ba2.txt"),
            str(SEEDS / "003_f4d5323a934206aa.txt"),
            "--screenshot",
            str(shot),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    assert "xcb" not in run.stderr.lower() or "could not" not in run.stderr.lower(), run.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG"), "the screenshot is not a PNG"
    assert len(data) > 10_000, "the screenshot is suspiciously small (an empty window?)"
