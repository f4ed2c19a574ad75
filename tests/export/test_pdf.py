"""PDF through Qt: the same content as the HTML, A4 and Letter, numbered pages."""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportdiff.engine.model import Comparison

from .conftest import SEEDS

pytestmark = pytest.mark.gui

# Page sizes in points (1/72 inch).
SIZES = {"A4": (595, 842), "Letter": (612, 792)}


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    """The PDF's text with all whitespace removed.

    Qt draws an anchor's first letter as its own text run and pypdf then
    breaks the word ("p\nhone"); comparing without whitespace is robust to
    that and to line wrapping inside table cells.
    """
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return reader, squeeze(text)


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_seed_pdf_has_both_headlines_figures_and_page_numbers(
    qapp: object, seed_comparison: Comparison, page_size: str
) -> None:
    from reportdiff.export.pdf import render_pdf

    reader, text = pdf_text(render_pdf(seed_comparison, page_size=page_size))
    assert squeeze(seed_comparison.a.title) in text
    assert squeeze(seed_comparison.b.title) in text
    assert "morethan90minutes" in text
    assert "twoandahalfhours" in text
    n = len(reader.pages)
    assert n > 1
    assert f"Page1of{n}" in text
    assert f"Page{n}of{n}" in text
    width, height = SIZES[page_size]
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == width
        assert round(float(page.mediabox.height)) == height


def test_hand_pdf_shows_figure_table_and_boilerplate(
    qapp: object, hand_comparison: Comparison
) -> None:
    from reportdiff.export.pdf import render_pdf

    _, text = pdf_text(render_pdf(hand_comparison, boilerplate=True))
    for phrase in (
        "phone call duration",
        "more than 90 minutes",
        "two and a half hours",
        "Donate to keep us going.",
        hand_comparison.summary(),
    ):
        assert squeeze(phrase) in text


def test_unknown_page_size_is_refused(qapp: object, hand_comparison: Comparison) -> None:
    from reportdiff.export.pdf import render_pdf

    with pytest.raises(ValueError, match="page size"):
        render_pdf(hand_comparison, page_size="A3")


def test_pages_are_cut_between_rows(qapp: object, seed_comparison: Comparison) -> None:
    from PySide6.QtGui import QTextDocument

    from reportdiff.export.html import render_html
    from reportdiff.export.pdf import _row_boundaries, _tables, page_cuts

    document = QTextDocument()
    document.setHtml(render_html(seed_comparison))
    document.setTextWidth(700)
    rows = set(_row_boundaries(document, list(_tables(document.rootFrame()))))
    pages = page_cuts(document, 900)
    assert len(pages) > 1
    assert pages[0].top == 0
    assert pages[-1].bottom == pytest.approx(document.size().height())
    for page, following in itertools.pairwise(pages):
        assert page.bottom == following.top  # nothing left out, nothing painted twice
        assert page.bottom in rows  # every page but the last ends between rows
    for page in pages:
        header = page.header[1] - page.header[0] if page.header else 0
        assert page.bottom - page.top + header <= 900
    # The aligned table runs over several pages: its header row comes again.
    assert any(page.header for page in pages)


@pytest.mark.parametrize("page_height", [241, 353, 444, 654])
def test_a_page_cut_inside_a_row_slices_no_line(
    qapp: object, seed_comparison: Comparison, page_height: int
) -> None:
    """Short pages force cuts between lines inside rows, where the two columns
    break their lines at other heights: a cut must pass under lines of both."""
    from PySide6.QtGui import QTextDocument

    from reportdiff.export.html import render_html
    from reportdiff.export.pdf import _blocks, page_cuts

    document = QTextDocument()
    document.setHtml(render_html(seed_comparison))
    document.setTextWidth(700)
    layout = document.documentLayout()
    lines = []
    for block in _blocks(document):
        top = layout.blockBoundingRect(block).top()
        for i in range(block.layout().lineCount()):
            rect = block.layout().lineAt(i).rect()
            lines.append((top + rect.top(), top + rect.bottom()))
    for page in page_cuts(document, page_height)[:-1]:
        sliced = [(a, b) for a, b in lines if a + 0.5 < page.bottom < b - 0.5]
        assert not sliced, (page, sliced[:3])


def test_cli_writes_a_pdf_without_a_display(tmp_path: Path) -> None:
    (a,) = SEEDS.glob("001_*.txt")
    (b,) = SEEDS.glob("003_*.txt")
    out = tmp_path / "out.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [
        sys.executable,
        "-m",
        "reportdiff.cli",
        "compare",
        str(a),
        str(b),
        "--format",
        "pdf",
        "--page-size",
        "Letter",
        "-o",
        str(out),
    ]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=120)
    _, text = pdf_text(out.read_bytes())
    assert "morethan90minutes" in text


def test_many_pdfs_do_not_use_up_the_references_to_none(
    qapp: object, hand_comparison: Comparison
) -> None:
    # PySide6 6.12.0 on Python 3.11 steals a reference to None per void call,
    # and a few dozen exports abort the interpreter: pyproject.toml excludes
    # that release. This fails if a binding with the same fault is installed.
    from reportdiff.export.pdf import render_pdf

    render_pdf(hand_comparison)
    before = sys.getrefcount(None)
    for _ in range(20):
        render_pdf(hand_comparison)
    assert sys.getrefcount(None) >= before - 5


def test_source_addresses_are_links_in_the_pdf(qapp: object, hand_comparison: Comparison) -> None:
    from reportdiff.export.pdf import render_pdf

    reader, _ = pdf_text(render_pdf(hand_comparison))
    uris = {
        action.get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if (action := annot.get_object().get("/A")) is not None
    }
    assert {hand_comparison.a.url, hand_comparison.b.url} <= uris


def test_the_review_is_in_the_pdf(qapp: object, hand_comparison: Comparison) -> None:
    from reportdiff.export.pdf import render_pdf
    from reportdiff.review import Review

    k = next(k for k, f in enumerate(hand_comparison.figures) if f.status == "differs")
    data = render_pdf(hand_comparison, review=({k: Review("key", "confirmed", "Checked", "x")}, []))
    _, text = pdf_text(data)
    assert squeeze("✓ confirmed") in text or "confirmed" in text
    assert "Checked" in text
