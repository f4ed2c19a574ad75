"""The comparison engine: pure Python, no Qt.

text → paragraphs → alignment → word diff → figures → `Comparison`.
Use `parse_report` to turn a text into a `Report` and `compare` to compare two.
"""

from reportdiff.engine.compare import compare, compare_texts
from reportdiff.engine.model import (
    AlignedGroup,
    Comparison,
    Figure,
    FigurePair,
    Paragraph,
    Report,
    TextRun,
)
from reportdiff.engine.segment import parse_report

__all__ = [
    "AlignedGroup",
    "Comparison",
    "Figure",
    "FigurePair",
    "Paragraph",
    "Report",
    "TextRun",
    "compare",
    "compare_texts",
    "parse_report",
]
