"""One shortcut table: no key does two things, every action is wired."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence

from reportdiff.ui.main_window import MainWindow
from reportdiff.ui.shortcuts import ACTIONS


def _portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_no_key_is_bound_twice() -> None:
    keys = Counter(_portable(k) for spec in ACTIONS.values() for k in spec.keys)
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_every_key_parses_and_every_action_has_a_handler(name: str) -> None:
    for key in ACTIONS[name].keys:
        assert _portable(key), f"{name}: {key!r} is not a key sequence Qt understands"
    assert callable(getattr(MainWindow, f"_on_{name}", None))


# Keys a focused text field takes for itself under X11 (Qt's KB_X11 line-edit
# bindings, emacs-like): bound to an action they would do nothing while the
# search box or a picker has focus, which is most of the time.
_TEXT_FIELD_KEYS = ("Ctrl+E", "Ctrl+K", "Ctrl+U", "Ctrl+A", "Ctrl+Z", "Ctrl+Y", "Ctrl+V")


def test_no_action_key_is_taken_by_a_text_field() -> None:
    taken = {_portable(k) for k in _TEXT_FIELD_KEYS}
    bound = {_portable(k): name for name, spec in ACTIONS.items() for k in spec.keys}
    assert {k: n for k, n in bound.items() if k in taken} == {}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("next_difference", "Alt+Down"),  # DESIGN.md: Alt+Up / Alt+Down
        ("previous_difference", "Alt+Up"),
        ("find", "Ctrl+F"),
        ("zoom_in", "Ctrl+="),
        ("zoom_out", "Ctrl+-"),
    ],
)
def test_the_documented_keys(name: str, key: str) -> None:
    assert _portable(key) in {_portable(k) for k in ACTIONS[name].keys}


@pytest.mark.gui
def test_window_actions_carry_the_table_keys(qtbot: object, window: MainWindow) -> None:
    for name, spec in ACTIONS.items():
        bound = [
            s.toString(QKeySequence.SequenceFormat.PortableText)
            for s in window.actions_by_name[name].shortcuts()
        ]
        assert bound == [_portable(k) for k in spec.keys]
