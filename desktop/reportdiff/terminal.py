"""Text for a terminal: control characters shown, never obeyed.

A report's headline may hold an escape sequence (`ESC ]0;...BEL` sets the
terminal's title, `ESC [2J` clears the screen, `ESC [8m` hides text) or a
right-to-left override that makes a line read backwards. The command line
prints what reports say, so every such character is written as a visible
sign of one character, so that offsets into a text stay valid: C0 controls
as their Unicode control pictures ("␛"), C1 controls and bidirectional
overrides as the replacement character "�". Tabs and newlines stay; a
carriage return stays only where the command itself starts a progress line
with it.
"""

from __future__ import annotations

import dataclasses
from typing import TextIO

from reportdiff.engine.model import Report

_VISIBLE: dict[int, str] = {
    **{c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: "\u2421",
    **{c: "\ufffd" for c in range(0x80, 0xA0)},
    # embeddings, overrides and isolates that reorder what follows them
    **{c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    # a file name that is no UTF-8 ("b\\xff.txt") holds lone surrogates no terminal takes
    **{c: "\ufffd" for c in range(0xD800, 0xE000)},
}


def visible(text: str) -> str:
    """`text` with every control character written as a visible sign."""
    return text.translate(_VISIBLE)


def visible_report(report: Report) -> Report:
    """The report with every text made visible (same lengths: spans stay valid)."""
    return dataclasses.replace(
        report,
        title=visible(report.title),
        outlet=visible(report.outlet) if report.outlet else report.outlet,
        url=visible(report.url) if report.url else report.url,
        paragraphs=tuple(dataclasses.replace(p, text=visible(p.text)) for p in report.paragraphs),
    )


class VisibleControls:
    """A text stream that writes what it is given with control characters made visible."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if text.startswith("\r"):  # our own progress line ("\rimporting 3/10")
            self._stream.write("\r" + visible(text[1:]))
        else:
            self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)  # flush, isatty, fileno, encoding, buffer...
