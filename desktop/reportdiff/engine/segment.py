"""Normalisation and segmentation: text → headline, paragraphs, sentences.

Paragraphs are separated by blank lines or by single newlines (saved web pages
use both). A block of hard-wrapped lines is joined back into one paragraph.
The headline is the short first line; a headline printed twice is kept once.
Boilerplate (appeals, comment forms, link lists...) is flagged, not removed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from reportdiff.engine.boilerplate import (
    flag_boilerplate,
    is_clutter,
    leading_clutter,
    names_outlet,
)
from reportdiff.engine.model import Paragraph, Report
from reportdiff.engine.text import fold, nfc, words

_HEADLINE_MAX_WORDS = 30
_HEADLINE_MAX_CHARS = 220
_TITLE_MAX_CHARS = 90

# Abbreviations whose period does not end a sentence (lower-case, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "rev",
        "hon",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vs",
        "v",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "dept",
        "univ",
        "approx",
        "est",
        "fig",
        "al",
        "ft",
        "mt",
        "ave",
        "blvd",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "e.g",
        "i.e",
        "d.c",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)")
_DOTTED = re.compile(r"^(?:\w\.)+\w$")
_WRAP_WIDTH = (40, 100)


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
    """Split a report's text into paragraphs and sentences, recognise its headline
    and flag its boilerplate.

    When `title` is given and the text does not start with it, the title is
    added as the headline paragraph, so a report read from a file and the same
    report stored in the library (body and title apart) compare alike.
    """
    texts = split_paragraphs(nfc(text))
    texts, has_headline = _place_headline(texts, nfc(title).strip() if title else None)
    flags = [
        flag or names_outlet(t, outlet)
        for flag, t in zip(flag_boilerplate(texts), texts, strict=True)
    ]
    paragraphs = tuple(
        Paragraph(
            index=i,
            text=t,
            boilerplate=flags[i] and not (has_headline and i == 0),
            kind="headline" if has_headline and i == 0 else "body",
            sentences=split_sentences(t),
        )
        for i, t in enumerate(texts)
    )
    return Report(
        title=title or _title_of(paragraphs),
        paragraphs=paragraphs,
        outlet=outlet,
        url=url,
        published=published,
        content_hash=content_hash(text),
    )


_SPACES = re.compile(r"[\t\f\v]")


def split_paragraphs(text: str) -> list[str]:
    """Paragraph texts: blocks between blank lines, each line its own paragraph
    unless the block is hard-wrapped prose."""
    out: list[str] = []
    for block in re.split(
        r"\n[ \t\r\f\v\u00a0]*\n", text.replace("\r\n", "\n").replace("\r", "\n")
    ):
        # Lines are kept as written (tabs become spaces), so that a paragraph's
        # text, and every span in it, is the file's.
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.extend(_unwrap(lines))
    return out


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that continue one another (a hard-wrapped paragraph)."""
    if len(lines) > 2 and _looks_wrapped(lines):
        return [" ".join(lines)]
    merged = [lines[0]]
    for line in lines[1:]:
        prev = merged[-1]
        # A line that stops mid-sentence followed by one starting in lower case
        # is one paragraph broken by the page, not two.
        if len(prev) >= _WRAP_WIDTH[0] and not _ends_sentence(prev) and line[0].islower():
            merged[-1] = f"{prev} {line}"
        else:
            merged.append(line)
    return merged


def _looks_wrapped(lines: list[str]) -> bool:
    """All lines but the last of similar width, most not ending a sentence."""
    body = lines[:-1]
    lo, hi = _WRAP_WIDTH
    if not all(lo <= len(line) <= hi for line in body):
        return False
    if max(map(len, body)) - min(map(len, body)) > 25:
        return False
    return sum(not _ends_sentence(line) for line in body) * 2 > len(body)


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’»)]").endswith((".", "!", "?", ":", "…"))


def _place_headline(texts: list[str], title: str | None) -> tuple[list[str], bool]:
    """Put the headline first, once; say whether there is one."""
    if title and not _title_from_first_paragraph(texts, title):
        lead = min(leading_clutter(texts), len(texts) - 1) if texts else 0
        if texts and fold(texts[lead]) == fold(title):
            texts = [texts[lead], *texts[:lead], *texts[lead + 1 :]]  # above a stamp
        else:
            texts = [title, *texts]
        return _drop_repeats(texts), True
    # A time stamp or a byline on the first line is no headline.
    if texts and _looks_like_headline(texts[0]) and len(texts) > 1 and not is_clutter(texts[0]):
        return _drop_repeats(texts), True
    return texts, False


def _title_from_first_paragraph(texts: list[str], title: str) -> bool:
    """Whether `title` was made from the start of the first paragraph (a report
    with no headline gets its first sentence, perhaps cut short, as title):
    such a title is not a headline of its own and must not be shown twice."""
    k = leading_clutter(texts)  # past a stamp, a byline, a cookie notice and its button
    if k >= len(texts):
        return False
    lead = texts[k]
    stem = fold(title).rstrip("….").strip()
    first = fold(lead)
    return bool(stem) and first != fold(title) and first.startswith(stem)


def _drop_repeats(texts: list[str]) -> list[str]:
    """A headline printed again (page title then article title) is kept once."""
    key = fold(texts[0])
    rest = texts[1:4]
    dropped = 0
    while dropped < len(rest) and fold(rest[dropped]) == key:
        dropped += 1
    return [texts[0], *texts[1 + dropped :]]


def _looks_like_headline(text: str) -> bool:
    n_words = len(words(text))
    if not 0 < n_words <= _HEADLINE_MAX_WORDS or len(text) > _HEADLINE_MAX_CHARS:
        return False
    # A headline does not end with a full stop; a short first sentence of body text does.
    return not text.rstrip().endswith((".", ",", ";", ":"))


def _title_of(paragraphs: tuple[Paragraph, ...]) -> str:
    # The first paragraph of text, not a time stamp or byline above it.
    lead = next((p for p in paragraphs if not p.boilerplate), paragraphs[0] if paragraphs else None)
    if lead is None:
        return ""
    first = lead.text
    if lead.kind == "headline" or len(first) <= _TITLE_MAX_CHARS:
        return first
    return first[: _TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"


_LOOK = 40  # characters read each side of a full stop (the longest abbreviation is short)


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the sentences of one paragraph.

    A period after an abbreviation ("Mr.", "U.S.", "Feb.", "a.m.") or an
    initial ("Vladimir F. Putin") does not end a sentence, nor one followed by
    a lower-case word.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if not _is_boundary(text, m.start(), end):
            continue
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _is_boundary(text: str, dot: int, end: int) -> bool:
    # Only a few characters either side are read: copying the rest of the text
    # for every full stop made a long paragraph cost quadratic time.
    after = text[end : end + _LOOK].lstrip()
    if after and (after[0].islower() or after[0] in ",;:"):
        return False
    if text[dot] != ".":
        return True
    before = text[max(0, dot - _LOOK) : dot]
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    token = token.lstrip("\"'“‘«(").lower()
    if token in _ABBREVIATIONS or token.replace(".", "") in _ABBREVIATIONS:
        return False
    # A lone letter before the dot is an initial; "e.g"-like tokens are dotted abbreviations.
    return not (len(token) == 1 and token.isalpha()) and not _DOTTED.match(token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
