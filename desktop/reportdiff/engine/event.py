"""All reports of one event at once: the figure matrix.

Rows are facts (the death toll, the call's length), columns are the event's
reports, cells are each report's figure for that fact as written. The facts
come from the two-report comparison run on every pair of reports (cached):
two figures the comparison pairs ("same" or "differs") are one fact, and facts
join transitively. A fact whose figures some pair finds different is a
disagreement, even when A~B and B~C agree: the conflict is shown, not hidden.
A count that only grows with the reports' publication dates (a toll that rises
over three days) is a timeline, not a contradiction.

Facts that only one report gives are left out: the matrix is for what the
reports can be held against each other on.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reportdiff.engine.compare import compare
from reportdiff.engine.model import Figure, Report
from reportdiff.engine.progress import Progress, quiet

RowStatus = str  # "disagree", "rises", "agree"

_ORDER = {"disagree": 0, "rises": 1, "agree": 2}


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact across the reports: `cells[k]` are report k's figures for it."""

    what: str
    status: RowStatus
    cells: tuple[tuple[Figure, ...], ...]  # per column: the figures (first is shown)
    conflicts: tuple[tuple[int, int], ...] = ()  # columns whose figures differ

    def reports(self) -> int:
        """How many reports give this fact."""
        return sum(1 for cell in self.cells if cell)


@dataclass(frozen=True, slots=True)
class EventMatrix:
    """The event's reports (columns, by publication time when known) and its facts."""

    reports: tuple[Report, ...]
    rows: tuple[FactRow, ...]

    def summary(self) -> str:
        counts = Counter(row.status for row in self.rows)
        parts = [f"{len(self.reports)} reports", f"{len(self.rows)} facts given by two or more"]
        if counts["disagree"]:
            parts.append(f"{counts['disagree']} disagree")
        if counts["rises"]:
            parts.append(f"{counts['rises']} change over time")
        return " · ".join(parts)


def build_matrix(reports: Sequence[Report], progress: Progress | None = None) -> EventMatrix:
    """The figure matrix of `reports` (all reports of one event).

    `progress` follows the pair comparisons and may stop them (engine/progress.py).
    """
    progress = progress or quiet
    columns = _by_time(reports)
    parent: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    figures: dict[tuple[int, int, int], Figure] = {}
    differing: list[tuple[tuple[int, int, int], tuple[int, int, int]]] = []
    labels: defaultdict[tuple[int, int, int], Counter[str]] = defaultdict(Counter)

    def find(x: tuple[int, int, int]) -> tuple[int, int, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = list(itertools.combinations(range(len(columns)), 2))
    for n, (i, j) in enumerate(pairs):
        progress("Comparing the reports pair by pair", n / max(1, len(pairs)))
        comparison = compare(columns[i], columns[j])
        for pair in comparison.figures:
            if pair.a is None or pair.b is None or pair.status not in ("same", "differs"):
                continue
            x, y = _key(i, pair.a), _key(j, pair.b)
            figures[x], figures[y] = pair.a, pair.b
            parent[find(x)] = find(y)
            labels[x][pair.what] += 1
            if pair.status == "differs":
                differing.append((x, y))
    progress("Comparing the reports pair by pair", 1.0)
    members: defaultdict[tuple[int, int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for key in figures:
        members[find(key)].append(key)
    conflicts: defaultdict[tuple[int, int, int], set[tuple[int, int]]] = defaultdict(set)
    for x, y in differing:
        conflicts[find(x)].add((min(x[0], y[0]), max(x[0], y[0])))
    rows = [
        _row(keys, figures, labels, conflicts[root], columns)
        for root, keys in members.items()
        if len({k[0] for k in keys}) > 1
    ]
    rows.sort(key=lambda r: (_ORDER[r.status], -r.reports(), _first_position(r)))
    return EventMatrix(reports=tuple(columns), rows=tuple(rows))


def _key(column: int, figure: Figure) -> tuple[int, int, int]:
    return column, figure.paragraph, figure.start


def _by_time(reports: Sequence[Report]) -> list[Report]:
    """The reports by publication date when every one has a date; else as given."""
    days = [r.published_day() for r in reports]
    known = [d for d in days if d is not None]
    if len(known) == len(reports):
        return [r for _, r in sorted(zip(known, reports, strict=True), key=lambda e: e[0])]
    return list(reports)


def _row(
    keys: list[tuple[int, int, int]],
    figures: dict[tuple[int, int, int], Figure],
    labels: defaultdict[tuple[int, int, int], Counter[str]],
    conflicts: set[tuple[int, int]],
    columns: list[Report],
) -> FactRow:
    cells: list[list[Figure]] = [[] for _ in columns]
    for key in sorted(keys):
        cells[key[0]].append(figures[key])
    said: Counter[str] = Counter()
    for key in keys:
        said.update(labels[key])
    what = said.most_common(1)[0][0] if said else "figure"
    status = "agree"
    if conflicts:
        status = "rises" if _rises(cells, columns) else "disagree"
    return FactRow(
        what=what,
        status=status,
        cells=tuple(tuple(c) for c in cells),
        conflicts=tuple(sorted(conflicts)),
    )


def _rises(cells: list[list[Figure]], columns: list[Report]) -> bool:
    """A count told on later days with larger values only: a rising toll."""
    told = [(columns[k].published_day(), cell[0]) for k, cell in enumerate(cells) if cell]
    if any(day is None for day, _ in told) or any(f.dimension != "count" for _, f in told):
        return False
    days = {day for day, _ in told}
    if len(days) < 2:
        return False
    by_day: dict[dt.date | None, list[float]] = defaultdict(list)
    for day, figure in told:
        by_day[day].append(figure.value or 0.0)
    ordered = [by_day[day] for day in sorted(d for d in days if d is not None)]
    # Reports of one day may disagree among themselves: then it is no timeline.
    if any(max(values) != min(values) for values in ordered):
        return False
    values = [v[0] for v in ordered]
    return all(a < b for a, b in itertools.pairwise(values))


def _first_position(row: FactRow) -> tuple[int, int, int]:
    for column, cell in enumerate(row.cells):
        if cell:
            return column, cell[0].paragraph, cell[0].start
    return (0, 0, 0)
