"""Normalisation and segmentation: text → headline, paragraphs, sentences.

(First version: paragraphs are non-empty lines. To be replaced by the full
segmenter of issue 3.)
"""

from __future__ import annotations

import hashlib
import unicodedata

from reportdiff.engine.model import Paragraph, Report


def content_hash(text: str) -> str:
    """A stable hash of a report's text, whitespace-folded and NFC-normalised."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def parse_report(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Report:
    """Split a report's text into paragraphs and recognise its headline."""
    lines = [ln.strip() for ln in unicodedata.normalize("NFC", text).splitlines() if ln.strip()]
    paragraphs = tuple(Paragraph(index=i, text=ln) for i, ln in enumerate(lines))
    return Report(
        title=title or (lines[0] if lines else ""),
        paragraphs=paragraphs,
        outlet=outlet,
        url=url,
        published=published,
        content_hash=content_hash(text),
    )
