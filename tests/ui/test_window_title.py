"""The window title names the pair readably (issue 15: no double space)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from reportdiff.ui.main_window import _short


@pytest.mark.parametrize(
    ("outlet", "title", "expected"),
    [
        ("Voice of America", "Anything", "Voice of America"),
        (None, "Short title", "Short title"),
        (None, "", "untitled"),
        # cut at a word: the 40th character was a space, which made "…  vs …"
        (
            None,
            "Russia and Ukraine Agree to Halt Attacks on Energy Infrastructure",
            "Russia and Ukraine Agree to Halt…",
        ),
        (None, "Spaces   inside    a title", "Spaces inside a title"),
    ],
)
def test_short_names_have_no_stray_spaces(outlet: str | None, title: str, expected: str) -> None:
    name = _short(SimpleNamespace(outlet=outlet, title=title))
    assert name == expected
    assert "  " not in f"{name} vs {name}"
