"""Crafted inputs never hang the import, the comparison or the export (issue 16, 3-4).

Each case runs in a subprocess under a generous time limit: the code they
guard took from 12 s to several minutes on these inputs (quadratic regexes
and scans), and takes about a second now. The limit is far above that, so a
slow machine does not fail them; a return of the quadratic cost does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LIMIT = 60.0  # seconds; each case takes about 1 s on a 2-core machine

IMPORT = """
import sys
from pathlib import Path
from reportdiff.store import read_report_file
report = read_report_file(Path(sys.argv[1]))
print(len(report.paragraphs))
"""

COMPARE = """
import sys
from pathlib import Path
from reportdiff.engine import compare_texts
from reportdiff.export import export_comparison
a = Path(sys.argv[1]).read_text(encoding="utf-8")
b = Path(sys.argv[2]).read_text(encoding="utf-8")
comparison = compare_texts(a, b)
html = export_comparison(comparison, "html")
print(len(comparison.figures), len(html))
"""

ATTRIBUTES = " ".join(f"a{i}='x'" for i in range(40_000))
CRAFTED = {
    "bold.md": "Title\n\n" + "**a " * 250_000,
    "links.md": "Title\n\n" + "[a" * 500_000,
    "images.md": "Title\n\n" + "![a" * 350_000,
    "heading.md": "# " * 500_000 + "x\n\nbody",
    "rules.md": "Title\n\n" + "-\n" * 300_000,
    "abbreviations.txt": "U.S. " * 200_000,
    "attributes.html": (
        f"<html><body><p {ATTRIBUTES}>Some text here for the article body that is long"
        " enough to pass the limit of twenty words for a page, yes indeed it is.</p>"
        "</body></html>"
    ),
}


def run(tmp_path: Path, script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_file_imports_in_linear_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CRAFTED[name], encoding="utf-8")
    assert int(run(tmp_path, IMPORT, str(path))) >= 1


SENTENCE = "At least 12 people died. "
PAIRS = {
    # a report of 10,000 sentences against one of 13 words
    "long-vs-short": (
        "Deaths\n\n" + SENTENCE * 10_000,
        "Deaths\n\nAt least 12 people died in the floods on Monday, officials said.",
    ),
    # two one-paragraph reports of 5,000 sentences each: every sentence pair was scored
    "long-vs-long": ("Deaths\n\n" + SENTENCE * 5_000, "Deaths\n\n" + SENTENCE * 5_000),
    # 100,000 bare numbers
    "numbers": ("Numbers\n\n" + "12 " * 100_000, "Numbers\n\n" + "13 " * 1_000),
    # 1 MB of "1," with no space: the word around each number was the whole text
    "commas": (
        "Numbers\n\n" + "1," * 500_000,
        "Numbers\n\nAt least 12 people died in the floods on Monday, officials said.",
    ),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_crafted_pair_compares_and_exports_in_bounded_time(tmp_path: Path, name: str) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(PAIRS[name][0], encoding="utf-8")
    b.write_text(PAIRS[name][1], encoding="utf-8")
    figures, html = map(int, run(tmp_path, COMPARE, str(a), str(b)).split())
    assert figures >= 1
    assert html > 1000
