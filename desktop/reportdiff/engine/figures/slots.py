"""Figures told in the same words: one fact, whatever their values say.

Reports of one event share sentences: wire copy taken over, a statement
quoted by both, a report and its corrected version. A figure that stands at
the same place of the same wording in both reports is one fact, and that is
known without looking at its values: "the quake killed 10 people in the city
on Friday" and "the quake killed 50 people in the city on Friday" pair
because everything around the numbers is the same, and are judged after.

A sentence's *key* is its words with every number masked (the figures the
extractor found, and any other number: "the two leaders", "Flight 2417",
"Source 1"). Masks pair, k-th with k-th:

1. between sentences whose keys are equal (each key's occurrences in
   reading order), anywhere in the two reports;
2. between sentences of linked paragraphs whose keys are alike (most of
   their words in the same order) where a mask has the same words on both
   sides in both sentences.

Numbers the extractor did not take as figures are *minor*: they take part
only here, and are shown only when their values differ.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reportdiff.engine.figures.extract import Scan, scan, sentences
from reportdiff.engine.figures.numbers import DIGIT_NUMBER, WORD_NUMBER, parse_number
from reportdiff.engine.figures.words import WORD_RE
from reportdiff.engine.model import Figure, Paragraph, Report

MASK = "#"
# Keys alike enough to pair their masks by the words around them.
ALIKE = 0.75
# Words each side of a mask that must be equal for a near match.
SIDE_WORDS = 2
# A key needs this many words to pair when it occurs more than once in a report.
KEY_WORDS = 3
# Sentences longer than this (in words) are compared by key only: the near
# match is quadratic in the sentence's length.
NEAR_MAX_WORDS = 200
# Sentences of the linked paragraphs one sentence is compared with, at most.
NEAR_MAX_SENTENCES = 60

# Any number standing alone, as digits or as words ("Flight 2417", "the two sides").
_NUMBER = re.compile(
    rf"(?<![\w.,/:-])(?:{DIGIT_NUMBER}|\b(?:{WORD_NUMBER})\b)(?![\w/]|[.,]\d|-\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One number in its sentence: a figure (index into the report's figures) or minor."""

    figure: Figure
    index: int | None  # into the report's extracted figures; None for a minor number
    key: tuple[str, ...]  # the sentence's words, every number masked
    at: int  # position of this mask in the key
    paragraph: int
    sentence: int  # the sentence's place in the report, for reading order


def mentions(
    report: Report,
    figures: Sequence[Figure],
    limit: int = 10**9,
    scanned: Mapping[int, Scan] | None = None,
) -> list[Mention]:
    """Every number of every paragraph (boilerplate too), in reading order.

    Minor numbers stop after `limit` of them: a data dump is no prose.
    `scanned` holds the paragraphs the extractor has scanned already, by index.
    """
    scanned = scanned or {}
    by_paragraph: dict[int, list[tuple[int, Figure]]] = defaultdict(list)
    for i, f in enumerate(figures):
        by_paragraph[f.paragraph].append((i, f))
    out: list[Mention] = []
    sentence_no = 0
    minor_left = limit
    label: list[str] = []
    for paragraph in report.paragraphs:
        found = sorted(by_paragraph.get(paragraph.index, ()), key=lambda x: x[1].start)
        spans: list[tuple[int, int, int | None, Figure]] = [
            (f.start, f.end, i, f) for i, f in found
        ]
        if minor_left > 0:
            extra = list(
                itertools.islice(_minor(paragraph, spans, scanned.get(paragraph.index)), minor_left)
            )
            minor_left -= len(extra)
            spans += [(s, e, None, m) for s, e, m in extra]
        spans.sort(key=lambda x: x[0])
        starts = [x[0] for x in spans]
        lower = paragraph.text.lower()
        told = sentences(paragraph)
        for s, e in told:
            inside = spans[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
            if inside:
                said = _sentence_mentions(paragraph.index, lower, (s, e), inside, sentence_no)
                if label and len(told) == 1 and _few_words(said[0].key):
                    said = _labelled(said, label)
                out += said
            sentence_no += 1
        label = _label_words(lower)
    return out


_LABEL_WORDS = 4  # "- Magnitude", "Path Length": a data page's label, on its own line


def _label_words(text: str) -> list[str]:
    """The words of a paragraph that reads as a label of the value under it, else []."""
    found = WORD_RE.findall(text)
    if not found or len(found) > _LABEL_WORDS or any(c.isdigit() for c in text):
        return []
    return found


def _few_words(key: tuple[str, ...]) -> bool:
    return sum(w != MASK for w in key) < KEY_WORDS


def _labelled(said: list[Mention], label: list[str]) -> list[Mention]:
    """A value alone on its line ("- 8.8 mww") keyed with its label's line before it
    ("- Magnitude"): which value of a data page is which is told by its label."""
    key = (*label, *said[0].key)
    return [dataclasses.replace(m, key=key, at=m.at + len(label)) for m in said]


def _minor(
    paragraph: Paragraph,
    spans: list[tuple[int, int, int | None, Figure]],
    scanned: Scan | None,
) -> Iterable[tuple[int, int, Figure]]:
    text = paragraph.text
    folded, where = scanned or scan(text)
    taken = [(s, e) for s, e, _, _ in spans]  # in order, not overlapping
    done = 0
    # Only where a number may start (the extractor's anchors: a digit, a number
    # word): one scan of the text instead of the number pattern tried everywhere.
    for at, kind in where:
        if at < done or kind not in ("digit", "word"):
            continue
        m = _NUMBER.match(folded, at)
        if m is None:
            continue
        done = m.end()
        k = bisect.bisect_left(taken, (m.end(), -1)) - 1  # the last figure starting before
        if k >= 0 and taken[k][1] > m.start():
            continue  # inside a figure the extractor read
        # None for words that read as no number ("ten-six"): their text is compared.
        value = parse_number(m.group(0))
        yield (
            m.start(),
            m.end(),
            Figure(
                text=text[m.start() : m.end()],
                paragraph=paragraph.index,
                start=m.start(),
                end=m.end(),
                value=value,
                unit="",
                dimension="number",
            ),
        )


def _sentence_mentions(
    index: int,
    text: str,
    sentence: tuple[int, int],
    inside: list[tuple[int, int, int | None, Figure]],
    sentence_no: int,
) -> list[Mention]:
    """The mentions of one sentence of paragraph `index`, whose lower-cased text is `text`."""
    key: list[str] = []
    ats: list[int] = []
    pos = sentence[0]
    for s, e, _, _ in inside:
        key += WORD_RE.findall(text[pos:s])
        ats.append(len(key))
        key.append(MASK)
        pos = max(pos, e)
    key += WORD_RE.findall(text[pos : sentence[1]])
    frozen = tuple(key)
    return [
        Mention(f, i, frozen, at, index, sentence_no)
        for (_, _, i, f), at in zip(inside, ats, strict=True)
    ]


def slot_pairs(
    a: Sequence[Mention], b: Sequence[Mention], linked: set[tuple[int, int]]
) -> list[tuple[Mention, Mention]]:
    """Mentions of A and B at the same place of the same (or nearly the same) wording."""
    pairs: list[tuple[Mention, Mention]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    sents_a, sents_b = _by_sentence(a), _by_sentence(b)
    # 1. Equal keys, occurrences in reading order.
    by_key_a: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_key_b: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for no, ms in sents_a.items():
        by_key_a[ms[0].key].append(no)
    for no, ms in sents_b.items():
        by_key_b[ms[0].key].append(no)
    for key, nos_a in by_key_a.items():
        nos_b = by_key_b.get(key)
        if not nos_b:
            continue
        if sum(w != MASK for w in key) < KEY_WORDS and not (len(nos_a) == len(nos_b) == 1):
            continue  # "# killed" twice in a report: which is which is not told
        for sa, sb in _occurrences(nos_a, nos_b, sents_a, sents_b, linked):
            for ma, mb in zip(sents_a[sa], sents_b[sb], strict=True):
                pairs.append((ma, mb))
            used_a.add(sa)
            used_b.add(sb)
    # 2. Alike keys in linked paragraphs: masks with the same words either side.
    by_paragraph_b: dict[int, list[int]] = defaultdict(list)
    for sb, ms_b in sents_b.items():
        by_paragraph_b[ms_b[0].paragraph].append(sb)
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in linked:
        partners[i] += by_paragraph_b.get(j, ())
    for sa, ms_a in sents_a.items():
        if sa in used_a or len(ms_a[0].key) > NEAR_MAX_WORDS:
            continue
        candidates = partners.get(ms_a[0].paragraph, [])
        if len(candidates) > NEAR_MAX_SENTENCES:
            continue  # a "paragraph" of hundreds of sentences: equal keys only
        best: tuple[float, int] | None = None
        for sb in candidates:
            ms_b = sents_b[sb]
            if sb in used_b or len(ms_b[0].key) > NEAR_MAX_WORDS:
                continue
            matcher = SequenceMatcher(None, ms_a[0].key, ms_b[0].key, autojunk=False)
            if matcher.real_quick_ratio() < ALIKE or matcher.quick_ratio() < ALIKE:
                continue
            ratio = matcher.ratio()
            if ratio >= ALIKE and (best is None or ratio > best[0]):
                best = (ratio, sb)
        if best is None:
            continue
        sb = best[1]
        used_a.add(sa)
        used_b.add(sb)
        taken: set[int] = set()
        for ma in ms_a:
            partner = _same_place(ma, [m for m in sents_b[sb] if m.at not in taken])
            if partner is not None:
                taken.add(partner.at)
                pairs.append((ma, partner))
    return pairs


def _occurrences(
    nos_a: list[int],
    nos_b: list[int],
    sents_a: dict[int, list[Mention]],
    sents_b: dict[int, list[Mention]],
    linked: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The sentences of one wording in A and in B, paired: those of linked paragraphs
    first, then the rest in reading order. A page that tells one sentence twice ("passed
    over Cyclone Mahasen on May 15 at 2133 UTC" / "... on May 16 at 0406 UTC") pairs
    each with its own paragraph's partner, not with the other copy's."""
    if len(nos_a) == 1 and len(nos_b) == 1:
        return [(nos_a[0], nos_b[0])]
    pairs = []
    free_b = list(nos_b)
    rest_a = []
    for sa in nos_a:
        pa = sents_a[sa][0].paragraph
        sb = next((sb for sb in free_b if (pa, sents_b[sb][0].paragraph) in linked), None)
        if sb is None:
            rest_a.append(sa)
        else:
            free_b.remove(sb)
            pairs.append((sa, sb))
    pairs += zip(rest_a, free_b, strict=False)
    return pairs


def _by_sentence(ms: Sequence[Mention]) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = defaultdict(list)
    for m in ms:
        out[m.sentence].append(m)
    return out


def _same_place(ma: Mention, others: list[Mention]) -> Mention | None:
    """The one mask of `others` with the same words on both sides of it, else on one side.

    One side is enough when the other reads the figure differently ("a
    magnitude 6.1 earthquake": one figure, or a word and a number).
    """
    left, right = _sides(ma)
    both = [m for m in others if _sides(m) == (left, right)]
    if len(both) == 1 and sum(w != MASK for w in left + right) >= 2:
        return both[0]
    one = [
        m
        for m in others
        if (len(left) == SIDE_WORDS and MASK not in left and _sides(m)[0] == left)
        or (len(right) == SIDE_WORDS and MASK not in right and _sides(m)[1] == right)
    ]
    return one[0] if len(one) == 1 and not both else None


def _sides(m: Mention) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return m.key[max(0, m.at - SIDE_WORDS) : m.at], m.key[m.at + 1 : m.at + 1 + SIDE_WORDS]
