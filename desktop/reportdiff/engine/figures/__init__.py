"""Figures: find, normalise and pair the figures two reports state.

`compare_figures` (what the pipeline calls) and `extract_figures` live in
reports.py and load with their first use, so that importing this package for
`display_value` (what views show) costs nothing at start-up. See
patterns.py and extract.py (finding), readers.py (values and units),
qualifiers.py (what a wording allows), context.py (what a figure measures),
pair.py (pairing, judging) and display.py (values in words).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reportdiff.engine.figures.display import display_value, duration_words

if TYPE_CHECKING:
    from reportdiff.engine.figures.reports import compare_figures, extract_figures

__all__ = ["compare_figures", "display_value", "duration_words", "extract_figures"]
_LAZY = frozenset({"compare_figures", "extract_figures"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("reportdiff.engine.figures.reports"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
