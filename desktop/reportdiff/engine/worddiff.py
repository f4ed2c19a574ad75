"""Word-level diff inside aligned groups (first version: placeholder)."""

from __future__ import annotations

from dataclasses import replace

from reportdiff.engine.model import AlignedGroup, Report, TextRun


def diff_groups(a: Report, b: Report, groups: tuple[AlignedGroup, ...]) -> tuple[AlignedGroup, ...]:
    """Fill `a_runs`/`b_runs` of every group."""
    out = []
    for g in groups:
        a_runs = tuple((TextRun(a.paragraphs[i].text, unique=True),) for i in g.a)
        b_runs = tuple((TextRun(b.paragraphs[i].text, unique=True),) for i in g.b)
        out.append(replace(g, a_runs=a_runs, b_runs=b_runs))
    return tuple(out)
