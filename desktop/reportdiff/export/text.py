"""Comparison → plain text for a person in a terminal (`--format text`).

Headlines and the summary first, then the figures that differ, then each
aligned group as A above B with the words only one side has marked
`[-like this-]` (A) and `{+like this+}` (B), then the boilerplate in brief.
"""

from __future__ import annotations

import textwrap

from reportdiff.engine.model import AlignedGroup, Comparison, FigurePair, Report, TextRun

WIDTH = 100
_INDENT = "      "
_BOILERPLATE_PREVIEW = 60


def render_text(comparison: Comparison, *, width: int = WIDTH) -> str:
    """The whole comparison as readable text, lines at most `width` wide."""
    lines = [*_header(comparison), ""]
    lines += _figures(comparison.figures)
    lines += ["Aligned paragraphs   ([-…-] only in A, {+…+} only in B)", ""]
    for group in comparison.alignment:
        lines += _group(group, comparison, width)
    lines += _boilerplate(comparison)
    return "\n".join(lines).rstrip() + "\n"


def _header(c: Comparison) -> list[str]:
    return [f"A: {_describe(c.a)}", f"B: {_describe(c.b)}", c.summary()]


def _describe(report: Report) -> str:
    extras = ", ".join(x for x in (report.outlet, report.published) if x)
    return f"{report.title or '(untitled)'}" + (f" ({extras})" if extras else "")


def _figures(pairs: tuple[FigurePair, ...]) -> list[str]:
    if not pairs:
        return []
    differ = [p for p in pairs if p.status == "differs"]
    lines = [f"Figures that differ ({len(differ)} of {len(pairs)} figures):"]
    for p in differ:
        a_text = p.a.text if p.a else "—"
        b_text = p.b.text if p.b else "—"
        lines.append(f"  ! {p.what}: A “{a_text}” ≠ B “{b_text}”")
    counts = {s: sum(p.status == s for p in pairs) for s in ("same", "only_a", "only_b")}
    lines.append(
        f"  {counts['same']} agree · {counts['only_a']} only in A · {counts['only_b']} only in B"
    )
    return [*lines, ""]


def _group(group: AlignedGroup, c: Comparison, width: int) -> list[str]:
    if group.linked:
        head = f"── A {_ids(group.a)} ↔ B {_ids(group.b)} · similarity {group.score:.2f}"
    elif group.a:
        head = f"── A {_ids(group.a)} only in A"
    else:
        head = f"── B {_ids(group.b)} only in B"
    lines = [head]
    lines += _side("A", group.a, group.a_runs, c.a, "[-", "-]", group.linked, width)
    lines += _side("B", group.b, group.b_runs, c.b, "{+", "+}", group.linked, width)
    return [*lines, ""]


def _ids(indices: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in indices)


def _side(
    name: str,
    indices: tuple[int, ...],
    runs: tuple[tuple[TextRun, ...], ...],
    report: Report,
    open_mark: str,
    close_mark: str,
    marked: bool,
    width: int,
) -> list[str]:
    lines = []
    for k, index in enumerate(indices):
        if marked and k < len(runs):
            body = "".join(
                f"{open_mark}{r.text}{close_mark}" if r.unique else r.text for r in runs[k]
            )
        else:
            body = report.paragraphs[index].text
        label = f"{name}{index:<4} "
        wrapped = textwrap.fill(
            body,
            width=width,
            initial_indent=label.ljust(len(_INDENT)),
            subsequent_indent=_INDENT,
            break_on_hyphens=False,
        )
        lines.append(wrapped)
    return lines


def _boilerplate(c: Comparison) -> list[str]:
    lines = []
    for name, report in (("A", c.a), ("B", c.b)):
        items = [p for p in report.paragraphs if p.boilerplate]
        if not items:
            continue
        lines.append(f"Boilerplate in {name} (not compared): {len(items)} paragraphs")
        for p in items:
            text = (
                p.text
                if len(p.text) <= _BOILERPLATE_PREVIEW
                else p.text[: _BOILERPLATE_PREVIEW - 1] + "…"
            )
            lines.append(f"  {name}{p.index:<4} {text}")
        lines.append("")
    return lines
