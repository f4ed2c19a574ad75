"""Every keyboard shortcut of the window, in one table (STYLE.md 10).

The main window builds its actions from `ACTIONS`; `tests/ui/test_shortcuts.py`
fails when a key sequence is bound twice, so keyboard users never find a key
that silently does the wrong thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """What an action is called in the menus and which keys trigger it."""

    text: str
    keys: tuple[str, ...] = ()
    tip: str = ""


# Keys are PortableText strings so the table reads like the menus do.
ACTIONS: dict[str, ActionSpec] = {
    # File
    "import": ActionSpec("&Import reports…", ("Ctrl+O",), "Add report files to the library"),
    "import_address": ActionSpec(
        "Import from &address…", ("Ctrl+Shift+O",), "Add a report from its web address"
    ),
    "paste": ActionSpec("&Paste article…", ("Ctrl+Shift+V",), "Add an article from the clipboard"),
    "export": ActionSpec(
        "&Export…", ("Ctrl+Shift+E",), "Save the comparison as HTML, PDF, CSV or JSON"
    ),
    "quit": ActionSpec("&Quit", ("Ctrl+Q",)),
    # Edit
    "copy_comparison": ActionSpec(
        "&Copy comparison as rich text", ("Ctrl+Shift+C",), "Copy the comparison to the clipboard"
    ),
    "find": ActionSpec("&Find in comparison…", ("Ctrl+F",)),
    "find_next": ActionSpec("Find &next", ("F3",)),
    "find_previous": ActionSpec("Find pre&vious", ("Shift+F3",)),
    "edit_details": ActionSpec("Edit report &details…", ("F2",)),
    "update_text": ActionSpec(
        "&Update report text…",
        (),
        "Give the selected report a newer version of its text, from a file",
    ),
    "delete": ActionSpec("&Delete report…", ("Del",)),
    "move_to_event": ActionSpec("&Move to event…", ("Ctrl+M",)),
    # Compare
    "compare": ActionSpec(
        "&Compare selected", ("Ctrl+Return",), "Compare the two reports selected in the library"
    ),
    "swap": ActionSpec("&Swap A and B", ("Ctrl+Shift+X",)),
    "pick_a": ActionSpec("Choose report &A", ("Ctrl+1",)),
    "pick_b": ActionSpec("Choose report &B", ("Ctrl+2",)),
    "note_on_pair": ActionSpec("&Note on this pair…", (), "Write a note on the two reports"),
    "event_matrix": ActionSpec(
        "&Event matrix…",
        ("Ctrl+Shift+M",),
        "Every report of the event chosen in the library, fact by fact",
    ),
    # Navigate
    "next_difference": ActionSpec("&Next difference", ("Alt+Down",)),
    "previous_difference": ActionSpec("&Previous difference", ("Alt+Up",)),
    "next_figure": ActionSpec("Next differing &figure", ("Alt+PgDown",)),
    "previous_figure": ActionSpec("Previous differing fi&gure", ("Alt+PgUp",)),
    "focus_library": ActionSpec("Go to &library search", ("Ctrl+L",)),
    "focus_view": ActionSpec("Go to the &comparison", ("Ctrl+3",)),
    "focus_figures": ActionSpec("Go to the fig&ures panel", ("Ctrl+4",)),
    # View
    "zoom_in": ActionSpec("Zoom &in", ("Ctrl+=", "Ctrl++")),
    "zoom_out": ActionSpec("Zoom &out", ("Ctrl+-",)),
    "zoom_reset": ActionSpec("&Actual size", ("Ctrl+0",)),
    "toggle_boilerplate": ActionSpec("Show &boilerplate", ("Ctrl+B",)),
    "toggle_library": ActionSpec("&Library panel", ("F9",)),
    "toggle_figures": ActionSpec("F&igures panel", ("F10",)),
}
