"""Before a real window: a missing display or X11 library is one message, not Qt's abort."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reportdiff.ui.startup_check import XCB_LIBRARIES, can_load, install_command, window_problem

README = Path(__file__).resolve().parents[2] / "README.md"

DESKTOP = {"DISPLAY": ":0"}


def everything(soname: str) -> bool:
    return True


def nothing(soname: str) -> bool:
    return False


def without(*missing: str) -> Callable[[str], bool]:
    return lambda soname: soname not in missing


def test_no_display_is_named() -> None:
    problem = window_problem({}, everything, "linux")
    assert problem is not None
    assert problem.startswith("reportdiff: cannot open the window.")
    assert "DISPLAY is not set" in problem
    assert "apt-get" not in problem  # the libraries are there: nothing to install
    assert "reportdiff compare A B" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem
    assert "--screenshot" in problem


def test_missing_libraries_are_named_with_only_their_packages() -> None:
    finder = without("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    problem = window_problem(DESKTOP, finder, "linux")
    assert problem is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "\n    sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in problem
    assert "libxcb-cursor0" not in problem  # Qt's own message blames this one whatever is missing
    assert "DISPLAY" not in problem
    assert "reportdiff compare A B" in problem


def test_no_display_and_missing_libraries_are_one_message() -> None:
    problem = window_problem({}, without("libxcb-cursor.so.0"), "linux")
    assert problem is not None
    assert problem.count("reportdiff: ") == 1
    assert "DISPLAY is not set" in problem
    assert "sudo apt-get install libxcb-cursor0" in problem


def test_a_package_with_two_missing_libraries_is_installed_once() -> None:
    command = install_command(["libglib-2.0.so.0", "libgthread-2.0.so.0", "libGL.so.1"])
    assert command == "sudo apt-get install libglib2.0-0 libgl1"


def test_nothing_missing_is_no_problem() -> None:
    assert window_problem(DESKTOP, everything, "linux") is None
    assert window_problem({**DESKTOP, "QT_QPA_PLATFORM": "xcb"}, everything, "linux") is None


@pytest.mark.parametrize(
    "platform",
    ["offscreen", "minimal", "wayland", "OFFSCREEN", "offscreen;xcb", "vnc:size=800x600"],
)
def test_a_headless_or_other_platform_is_left_to_qt(platform: str) -> None:
    assert window_problem({"QT_QPA_PLATFORM": platform}, nothing, "linux") is None


def test_an_empty_platform_variable_means_the_default_xcb() -> None:
    # `QT_QPA_PLATFORM= reportdiff`, as after `export QT_QPA_PLATFORM=`
    assert window_problem({"QT_QPA_PLATFORM": ""}, everything, "linux") is not None
    assert window_problem({"QT_QPA_PLATFORM": "xcb:nograb"}, everything, "linux") is not None


def test_wayland_is_left_to_qt_unless_xcb_is_asked_for() -> None:
    wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert window_problem(wayland, nothing, "linux") is None
    # xcb asked for on a Wayland session: it needs DISPLAY (XWayland) and the libraries
    problem = window_problem({**wayland, "QT_QPA_PLATFORM": "xcb"}, nothing, "linux")
    assert problem is not None
    assert "DISPLAY is not set" in problem


@pytest.mark.parametrize("platform", ["win32", "darwin", "freebsd14"])
def test_other_systems_are_left_to_qt(platform: str) -> None:
    assert window_problem({}, nothing, platform) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux shared libraries")
def test_can_load_asks_the_dynamic_linker() -> None:
    assert can_load("libc.so.6")
    assert not can_load("libreportdiff-no-such-library.so.7")


def test_the_readme_installs_every_package_the_check_names() -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"sudo apt-get install ((?:\\\n|[^\n])+)", text)
    assert match is not None
    listed = match.group(1).replace("\\\n", " ").split()
    assert sorted(listed) == sorted(set(XCB_LIBRARIES.values()))


def _needed(library: Path) -> list[str]:
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf is not installed (binutils)")
    out = subprocess.run(
        [readelf, "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


# Every Linux has these (the C and C++ runtimes, zlib, zstd).
_BASE = re.compile(
    r"(libc|libm|libstdc\+\+|libgcc_s|libz|libzstd|libpthread|libdl|librt|ld-linux.*)\.so"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")
def test_the_table_covers_what_the_installed_xcb_plugin_needs() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("this PySide6 has no xcb plugin")
    libraries = [plugin, *(qt / "lib" / f"libQt6{name}.so.6" for name in ("XcbQpa", "Gui", "DBus"))]
    needed = {soname for lib in libraries if lib.exists() for soname in _needed(lib)}
    bundled = {path.name for path in (qt / "lib").iterdir()}
    system = {s for s in needed if s not in bundled and not _BASE.match(s)}
    assert system - set(XCB_LIBRARIES) == set()
