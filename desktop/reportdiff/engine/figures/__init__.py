"""Figures: find, normalise and pair the figures two reports state.

`compare_figures` (what the pipeline calls) and `extract_figures` live in
reports.py and load with their first use, so that importing this package for
`display_value` (what views show) costs nothing at start-up.

reports.py drives the stages, each in its own modules, each importing only
the modules of the stages before it:

- find: patterns.py and extract.py, with readers.py (values and units),
  numbers.py, units.py and qualifiers.py (what a wording allows);
- claim (what a figure measures): context.py, assembled from tokens.py
  (a sentence's words), nouns.py, owners.py, events.py and places.py;
- group (which figures may be one fact): evidence.py, with counted.py (what
  a figure counts), priors.py (what each report gives one of) and checks.py
  (what tells two figures apart);
- pair: slots.py (figures told in the same words), pair.py (the rest) and
  assign.py (which candidate pairs are taken: one-to-one, the differing ones
  together);
- judge: judge.py, with precision.py (how precisely a figure is written);
- label: label.py; display.py puts values in words;
- and back to the aligner: links.py (which pairs mark one fact, so that
  their paragraphs link though their wording differs).
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
