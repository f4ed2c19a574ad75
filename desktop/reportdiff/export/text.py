"""Comparison → plain text for a person in a terminal (placeholder; issue 3)."""

from __future__ import annotations

from reportdiff.engine.model import Comparison


def render_text(comparison: Comparison) -> str:
    lines = [f"A: {comparison.a.title}", f"B: {comparison.b.title}", comparison.summary()]
    return "\n".join(lines) + "\n"
