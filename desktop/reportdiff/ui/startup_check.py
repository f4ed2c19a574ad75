"""Can Qt open a window here? Asked before the QApplication exists.

On Linux, Qt's X11 platform plugin (xcb) aborts the whole process (SIGABRT)
when it cannot start, and names the wrong culprit ("xcb-cursor0 is needed")
whichever of its libraries is missing; with no display it aborts too. So
before a real window is made, `window_problem` looks for what the plugin
needs and returns one readable message instead. It imports nothing from Qt:
the caller passes the environment, a library finder and the platform, so it
is tested anywhere.

`XCB_LIBRARIES` is what `ldd` lists for the xcb plugin of PySide6 6.11
(`PySide6/Qt/plugins/platforms/libqxcb.so`, its `libQt6XcbQpa`, and the
system libraries of `libQt6Gui` and `libQt6DBus`) with the Debian/Ubuntu
package that ships each one. Libraries that every Linux has (libc, libz, ...)
and those bundled with PySide6 (ICU, Qt itself) are left out.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Mapping

# soname -> Debian/Ubuntu package (same names on Ubuntu 22.04 and 24.04, Debian 12).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

# What works with no window at all, said after every problem.
HEADLESS_HINT = (
    "Without a display, `reportdiff compare A B` compares two reports (text, HTML,\n"
    "PDF, CSV or JSON), and `QT_QPA_PLATFORM=offscreen reportdiff --compare A B\n"
    "--screenshot FILE.png` saves a picture of the window."
)


def can_load(soname: str) -> bool:
    """Whether the dynamic linker finds `soname` (and what it needs) here."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def qt_platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM's first name, "" when unset.

    The variable may list fallbacks ("wayland;xcb") and options ("xcb:foo=1").
    """
    first = environ.get("QT_QPA_PLATFORM", "").split(";")[0]
    return first.split(":")[0].strip().lower()


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will start its X11 plugin: on Linux, asked for, or by default without Wayland."""
    if not platform.startswith("linux"):
        return False
    chosen = qt_platform(environ)
    if chosen == "xcb":
        return True
    return chosen == "" and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(finder: Callable[[str], bool]) -> list[str]:
    """The sonames of XCB_LIBRARIES that `finder` cannot find, in table order."""
    return [soname for soname in XCB_LIBRARIES if not finder(soname)]


def install_command(sonames: list[str]) -> str:
    """The apt-get line that installs the packages of `sonames` (each package once)."""
    packages = dict.fromkeys(XCB_LIBRARIES[s] for s in sonames)
    return "sudo apt-get install " + " ".join(packages)


def window_problem(
    environ: Mapping[str, str],
    finder: Callable[[str], bool],
    platform: str,
) -> str | None:
    """Why Qt could not open a window here (one message for stderr), or None when it can.

    Only Qt's xcb platform on Linux is examined: any other platform (offscreen,
    minimal, wayland, Windows, macOS) is left to Qt. `finder(soname)` says
    whether a shared library can be loaded (`can_load` in real use).
    """
    if not uses_xcb(environ, platform):
        return None
    problems: list[str] = []
    if not environ.get("DISPLAY"):
        problems.append(
            "There is no display: DISPLAY is not set (nor WAYLAND_DISPLAY). Start\n"
            "ReportDiff from a desktop session, or over `ssh -X`."
        )
    missing = missing_libraries(finder)
    if missing:
        problems.append(
            "Qt's X11 platform (xcb) needs system libraries that are missing:\n"
            f"{', '.join(missing)}. On Debian or Ubuntu install them with:\n\n"
            f"    {install_command(missing)}"
        )
    if not problems:
        return None
    return "\n\n".join(["reportdiff: cannot open the window.", *problems, HEADLESS_HINT])
