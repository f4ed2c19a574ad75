"""A report compared from its file and from the library gives one comparison.

The store keeps title and body apart; the engine must not turn a title that
the library made from the first sentence into a second headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.engine import compare
from reportdiff.store import Library, read_report_file

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _linked(comparison: object) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(g.a, g.b) for g in comparison.alignment if g.a and g.b]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("a", "b"), [("001", "003"), ("002", "004"), ("000", "002")])
def test_same_links_from_files_and_from_the_library(tmp_path: Path, a: str, b: str) -> None:
    file_a, file_b = next(SEEDS.glob(f"{a}_*.txt")), next(SEEDS.glob(f"{b}_*.txt"))
    with Library.open(tmp_path / "library.db") as library:
        result = library.import_files([file_a, file_b])
        ids = {
            Path(s.source_path).name: s.id
            for s in map(lambda x: library.article(x.id), result.imported)
        }
        stored = compare(library.report(ids[file_a.name]), library.report(ids[file_b.name]))
    from_files = compare(read_report_file(file_a), read_report_file(file_b))
    assert [p.text for p in stored.a.paragraphs] == [p.text for p in from_files.a.paragraphs]
    assert [p.text for p in stored.b.paragraphs] == [p.text for p in from_files.b.paragraphs]
    assert _linked(stored) == _linked(from_files)
