"""export_comparison and the CLI's `compare --format ... -o FILE` route through it."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import html5lib
import pytest

from reportdiff.cli import main
from reportdiff.engine.model import Comparison
from reportdiff.export import ExportError, export_comparison, suggested_file_name

from .conftest import SEEDS

SEED_A, SEED_B = (str(next(SEEDS.glob(f"{n}_*.txt"))) for n in ("001", "003"))


def test_json_is_the_comparison_contract(hand_comparison: Comparison) -> None:
    data = json.loads(export_comparison(hand_comparison, "json"))
    assert data == json.loads(json.dumps(hand_comparison.to_json()))
    assert data["schema"] == "reportdiff.comparison/1"


@pytest.mark.parametrize(
    ("fmt", "page_size", "message"),
    [
        ("docx", "A4", "unknown format 'docx'"),
        ("html", "A3", "unknown page size 'A3'"),
    ],
)
def test_bad_requests_are_one_line_errors(
    hand_comparison: Comparison, fmt: str, page_size: str, message: str
) -> None:
    with pytest.raises(ExportError, match=message):
        export_comparison(hand_comparison, fmt, page_size=page_size)


@pytest.mark.parametrize(
    ("outlet_a", "outlet_b", "published", "fmt", "expected"),
    [
        (
            "Outlet Alpha",
            "Outlet Beta",
            "2025-03-18",
            "pdf",
            "outlet-alpha-vs-outlet-beta-2025-03-18.pdf",
        ),
        ("Le Monde", "Süddeutsche", None, "csv", "le-monde-vs-suddeutsche.csv"),
        (
            "Le Monde · Économie",
            "The New York Times",
            "2025-03-18",
            "html",
            "le-monde-economie-vs-the-new-york-2025-03-18.html",
        ),  # accents and punctuation never reach the file name; three words a side
        (None, None, "2025-03-18T10:00", "html", None),  # falls back to the titles
    ],
)
def test_suggested_file_name(
    hand_comparison: Comparison,
    outlet_a: str | None,
    outlet_b: str | None,
    published: str | None,
    fmt: str,
    expected: str | None,
) -> None:
    comparison = replace(
        hand_comparison,
        a=replace(hand_comparison.a, outlet=outlet_a, published=published),
        b=replace(hand_comparison.b, outlet=outlet_b, published=published),
    )
    name = suggested_file_name(comparison, fmt)
    if expected is None:
        # each title's first words that say something: short, and still telling
        assert name == "putin-agrees-halt-vs-trump-putin-talk-2025-03-18.html"
    else:
        assert name == expected


@pytest.mark.parametrize("fmt", ["html", "csv", "json"])
def test_cli_writes_each_text_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["compare", SEED_A, SEED_B, "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(text)
        assert "more than 90 minutes" in text
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(text)))[0] == "status"
    else:
        assert json.loads(text)["schema"] == "reportdiff.comparison/1"


def test_cli_html_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", SEED_A, SEED_B, "--format", "html", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_cli_read_only_target_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.html"
    out.write_text("earlier")
    out.chmod(0o444)
    assert main(["compare", SEED_A, SEED_B, "--format", "html", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "read-only" in err
    assert out.read_text() == "earlier"


@pytest.mark.parametrize("fmt", ["text", "html", "csv"])
def test_counts_of_one_take_the_singular(hand_comparison: Comparison, fmt: str) -> None:
    # One boilerplate paragraph a side, one paragraph only in A, one only in B,
    # one differing figure: every count of one must read "1 paragraph", not "1 paragraphs".
    text = export_comparison(hand_comparison, fmt, boilerplate=True)
    assert isinstance(text, str)
    assert "1 paragraph" in text or fmt != "text"
    assert not re.search(r"\b1 (paragraph|figure|report|word|difference)s\b", text)
