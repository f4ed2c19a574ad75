"""Metamorphic checks of figure flags: change one figure, and only it must differ.

Any number of any reference text (seeds and tests/data/reference*) is
changed in a copy; the comparison of original and copy must flag that
number as differing and nothing else. A number restated another way
("20 percent" -> "20%", "1,500" -> "1500") must flag nothing. No reference
is needed: the original is its own gold.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff.engine import compare
from reportdiff.engine.model import Comparison
from reportdiff.store import read_report_file

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/reference*/*.txt")],
    key=lambda p: str(p),
)
# A number standing alone, not part of a name such as "F-16" or "787-8".
NUMBER = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/]|[.,]\d|-\d)")
HEADER = re.compile(r"^(?:source|url|link|date|published|outlet|by|http)", re.IGNORECASE)


# Known limits, left out: a 24-hour time before a zone ("0912 GMT") changed
# into no time at all ("4560 GMT", "1999 yesterday UTC"), and a line that repeats the headline (the
# original's repeat is dropped as a copy of the title, the changed copy's is not).
CLOCK = re.compile(r"\d{4}\s*(?:[a-z]+\s+)?(?:GMT|UTC)")


@cache
def numbers(path: Path) -> tuple[str, list[tuple[int, int]]]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    spans, pos = [], 0
    for line in lines:
        keep = line.strip() and not HEADER.match(line.strip()) and line.strip() != lines[0]
        if keep:
            spans += [
                (pos + m.start(), pos + m.end())
                for m in NUMBER.finditer(line)
                if not CLOCK.match(line, m.start())
            ]
        pos += len(line) + 1
    return text, spans


MONTHS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^,?\s*"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
    re.IGNORECASE,
)


def changed(text: str, start: int, end: int, factor: int) -> str:
    """Another value of the same kind: a year one earlier, a day of the month one
    later, a decimal times two, the low end of a range divided by `factor`, any
    other number times `factor`."""
    old = text[start:end]
    whole, _, frac = old.partition(".")
    n = int(whole.replace(",", ""))
    if frac:
        return f"{float(old.replace(',', '')) * 2:.{len(frac)}f}"
    if "," not in whole and 1900 <= n <= 2100:
        return str(n - 1)
    near = text[max(0, start - 12) : start].strip(), text[end : end + 12]
    if n <= 31 and (MONTHS.search(near[0]) or MONTHS.match(near[1].strip())):
        return str(n + 1 if n < 28 else n - 1)
    value = n * factor if n else 3
    if _RANGE_AFTER.match(text, end):
        value = n // factor if n // factor != n else n - 1  # "45 to 49": the range stays one
    return f"{value:,}" if "," in whole else str(value)


_RANGE_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d")


def compared(tmp_path: Path, text: str, mutant: str) -> Comparison:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(mutant, encoding="utf-8")
    return compare(read_report_file(a), read_report_file(b))


@settings(
    max_examples=100,
    derandomize=True,  # the same examples on every run: CI is no lottery
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_one_changed_number_is_the_one_flag(tmp_path: Path, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([p for p in TEXTS if numbers(p)[1]]), label="file")
    text, spans = numbers(path)
    start, end = data.draw(st.sampled_from(spans), label="number")
    factor = data.draw(st.sampled_from([2, 5, 10]), label="factor")
    old = text[start:end]
    new = changed(text, start, end, factor)
    mutant = text[:start] + new + text[end:]
    result = compared(tmp_path, text, mutant)
    flags = [p for p in result.figures if p.status == "differs"]
    where = f"{path.name}: {old!r} -> {new!r} in …{text[max(0, start - 50) : end + 30]!r}"
    assert flags, f"not flagged: {where}"
    assert len(flags) == 1, f"{[(f.a and f.a.text, f.b and f.b.text) for f in flags]}: {where}"
    flag = flags[0]
    assert flag.a is not None, where
    assert flag.b is not None, where
    assert old in flag.a.text, where
    assert new in flag.b.text, where


RESTATE = [
    (re.compile(r"\b(\d+(?:\.\d+)?) ?(?:percent|per cent)\b"), lambda m: m[1] + "%"),
    (re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)%"), lambda m: m[1] + " percent"),
    (re.compile(r"(?<![\w.,/:-])(\d{1,3}),(\d{3})(?![\d,.])"), lambda m: m[1] + m[2]),
]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_restated_numbers_flag_nothing(tmp_path: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    mutant = text
    for pattern, make in RESTATE:
        mutant = pattern.sub(make, mutant)
    if mutant == text:
        pytest.skip("nothing to restate")
    result = compared(tmp_path, text, mutant)
    flags = [(p.a and p.a.text, p.b and p.b.text) for p in result.figures if p.status == "differs"]
    assert flags == []
