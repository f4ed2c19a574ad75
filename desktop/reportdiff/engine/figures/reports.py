"""The figures of two reports: extracted, paired, judged.

`compare_figures` is what the pipeline calls: it extracts every figure of
both reports' content paragraphs (boilerplate states no figures of the
report), pairs those that speak of the same thing and says whether they
agree. The stages it drives: patterns.py and extract.py (finding),
context.py (what a figure measures), evidence.py (which figures may be one
fact), slots.py and pair.py (pairing), judge.py (whether a pair agrees) and
label.py (what it is about); figures/__init__.py lists their helpers.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from typing import cast

from reportdiff.engine.figures.checks import other_places, same_claim_kind
from reportdiff.engine.figures.extract import (
    Found,
    Scan,
    clear_title_cache,
    extract_paragraph,
    scan,
)
from reportdiff.engine.figures.pair import order_pairs, pair_figures
from reportdiff.engine.figures.places import storm_title
from reportdiff.engine.figures.slots import Mention, mentions, slot_pairs
from reportdiff.engine.figures.words import WORD_RE, is_content, term
from reportdiff.engine.model import AlignedGroup, Figure, FigurePair, Report
from reportdiff.engine.text import heading_words, locative_heading, prose_names, section_heading

__all__ = ["clear_extraction_cache", "compare_figures", "extract_figures"]

# A report's figures, by what they are read from (every paragraph's text, kind
# and boilerplate flag: the headline is the title, which the body's content
# hash leaves out): switching pairs in the window meets the same reports again.
_CACHE_SIZE = 64
# Figures read from one report at most (and as many numbers besides): prose
# states a few hundred; a report of more is a table or a data dump, whose
# figures past this many are not compared (the comparison says so).
MAX_FIGURES = 3000
_Key = tuple[tuple[str, str, bool], ...]
_cache: OrderedDict[_Key, tuple[tuple[Found, ...], tuple[Mention, ...]]] = OrderedDict()
_cache_lock = threading.Lock()


def clear_extraction_cache() -> None:
    """Forget extracted figures (tests and benchmarks measure a cold start)."""
    with _cache_lock:
        _cache.clear()
    clear_title_cache()


def compare_figures(
    a: Report,
    b: Report,
    groups: tuple[AlignedGroup, ...],
    tick: Callable[[float], None] | None = None,
) -> tuple[FigurePair, ...]:
    """Pair the figures of A and B; differing pairs first, then same, only_a, only_b.

    Figures told in the same words (slots.py) pair first, whatever their
    values; the rest are paired by what they measure (pair.py). `tick(fraction)`
    is told how far the reading has come (engine/progress.py).
    """
    tick = tick or _no_tick
    found_a, mentions_a = _read(a, lambda done: tick(0.4 * done))
    found_b, mentions_b = _read(b, lambda done: tick(0.4 + 0.4 * done))
    if not mentions_a and not mentions_b:
        return ()
    linked = {(i, j) for g in groups if g.linked for i in g.a for j in g.b}
    # Read only if two figures' clauses both name places: most comparisons never ask.
    common = functools.cache(lambda: _lower_words(a, b))
    fixed: list[tuple[int, int]] = []
    minor: list[FigurePair] = []
    # Figures the extractor read that pair with a number it did not read: judged here.
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for ma, mb in slot_pairs(mentions_a, mentions_b, linked):
        if ma.index is not None and mb.index is not None:
            if (
                ma.figure.dimension == mb.figure.dimension == "time"
                and ma.figure.unit != mb.figure.unit
            ):
                continue  # "2:49 IST" / "0920 UTC": told in two zones, not compared
            if found_a[ma.index].increment != found_b[mb.index].increment:
                continue  # "bodies of 31 hikers" / "bodies of five more hikers": not one count
            if not same_claim_kind(found_a[ma.index], found_b[mb.index]):
                continue  # "is expected to reach 500" / "rose to 200": no count made
            if other_places(found_a[ma.index], found_b[mb.index], common):
                continue  # "an EF-3 tornado in Alabama" / "an EF-1 tornado in Georgia"
            fixed.append((ma.index, mb.index))
        elif _minor_differs(ma.figure, mb.figure):
            minor.append(minor_pair(ma, mb))
            taken_a.update([ma.index] if ma.index is not None else [])
            taken_b.update([mb.index] if mb.index is not None else [])
    heads = (_headline_indices(a), _headline_indices(b))
    ledes = (_lede_index(a), _lede_index(b))
    docs_a, docs_b = _paragraph_words(a), _paragraph_words(b)
    named = functools.cache(lambda: (frozenset().union(*docs_a), frozenset().union(*docs_b)))
    keep_a, new_a = _without(found_a, taken_a)
    keep_b, new_b = _without(found_b, taken_b)
    fixed = [(new_a[i], new_b[j]) for i, j in fixed]
    pairs = pair_figures(
        keep_a, keep_b, _idf([*docs_a, *docs_b]), linked, common, heads, ledes, named, fixed=fixed
    )
    return order_pairs(_told_apart((*pairs, *minor), a, b))


_DATED = "The reports are dated"
# What may change between two days' reports: counts (a toll, the missing) and shares.
_CHANGING = frozenset({"count", "percent"})


def _told_apart(pairs: Sequence[FigurePair], a: Report, b: Report) -> Sequence[FigurePair]:
    """Differing counts of two reports published on different days carry a note:
    a toll told on Monday and one told on Thursday may both have been right."""
    days = a.published_day(), b.published_day()
    if None in days or days[0] == days[1]:
        return pairs
    apart = abs((days[1] - days[0]).days)  # type: ignore[operator]
    said = (
        f"{_DATED} {apart} day{'s' if apart > 1 else ''} apart"
        f" ({days[0]:%d %b %Y} / {days[1]:%d %b %Y}): the figure may have changed in between."
    )
    return [
        dataclasses.replace(p, note=f"{p.note} {said}" if p.note else said)
        if p.status == "differs" and p.a is not None and p.a.dimension in _CHANGING
        else p
        for p in pairs
    ]


def without_dated_notes(pairs: Sequence[FigurePair]) -> tuple[FigurePair, ...]:
    """The pairs without the note that the reports' dates are apart (for reports
    of two events, whose figures were never one figure at two times)."""
    return tuple(
        dataclasses.replace(p, note=p.note.split(_DATED, 1)[0].strip() or None)
        if p.note and _DATED in p.note
        else p
        for p in pairs
    )


def _paragraph_words(report: Report) -> list[frozenset[str]]:
    """The words of each content paragraph, lower-cased."""
    return [frozenset(WORD_RE.findall(p.text.lower())) for p in report.content_paragraphs()]


_LEDE_WORDS = 20  # a lede is a full sentence, not a standfirst or a caption


def _lede_index(report: Report) -> int | None:
    """The first paragraph of the story: its main facts."""
    return next(
        (
            p.index
            for p in report.content_paragraphs()
            if p.kind != "headline" and len(p.text.split()) >= _LEDE_WORDS
        ),
        None,
    )


def _headline_indices(report: Report) -> frozenset[int]:
    return frozenset(p.index for p in report.paragraphs if p.kind == "headline")


def _without(found: tuple[Found, ...], taken: set[int]) -> tuple[Sequence[Found], dict[int, int]]:
    """The figures left once `taken` are set aside, and each old index's new one."""
    kept = [i for i in range(len(found)) if i not in taken]
    return [found[i] for i in kept], {old: new for new, old in enumerate(kept)}


def _minor_differs(x: Figure, y: Figure) -> bool:
    if x.value is None or y.value is None:
        return x.text.lower() != y.text.lower()
    return x.value != y.value


def minor_pair(ma: Mention, mb: Mention) -> FigurePair:
    """Two numbers at one place of one wording, at least one no figure the extractor read."""
    words = [w for w in ma.key[ma.at + 1 : ma.at + 3] if w != "#"] or [
        w for w in ma.key[max(0, ma.at - 2) : ma.at] if w != "#"
    ]
    return FigurePair(
        status="differs",
        what=" ".join(words) or "number",
        a=ma.figure,
        b=mb.figure,
        contradiction=True,
    )


def figures_capped(report: Report) -> bool:
    """Whether the report states more figures than are compared (MAX_FIGURES)."""
    return len(_found(report)) >= MAX_FIGURES


def extract_figures(report: Report) -> tuple[Figure, ...]:
    """Every figure of a report's content paragraphs, in reading order."""
    return tuple(f.figure for f in _found(report))


def _found(report: Report) -> tuple[Found, ...]:
    return _read(report)[0]


def _no_tick(_fraction: float) -> None:
    pass


def _read(
    report: Report, tick: Callable[[float], None] = _no_tick
) -> tuple[tuple[Found, ...], tuple[Mention, ...]]:
    """The report's figures, and every number in its sentence (slots.py)."""
    key = tuple((p.text, p.kind, p.boilerplate) for p in report.paragraphs)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    found: list[Found] = []
    scanned: dict[int, Scan] = {}
    section: frozenset[str] = frozenset()
    paragraphs = report.paragraphs
    names = functools.cache(
        lambda: prose_names(p.text for p in report.content_paragraphs() if p.kind != "headline")
    )
    for n, p in enumerate(paragraphs):
        if n % _TICK_EVERY == 0:
            tick(n / len(paragraphs))
        if p.boilerplate:
            continue  # "Advertisement" inside a section ends nothing
        if p.kind == "body" and section_heading(p.text):
            section = _heading_places(p.text, names)
            continue
        scanned[p.index] = scan(p.text)
        told = extract_paragraph(p, MAX_FIGURES - len(found), scanned[p.index])
        found += _in_section(told, section) if section else told
        if len(found) >= MAX_FIGURES:
            found = found[:MAX_FIGURES]  # a table, not prose: the rest is not compared
            break
    found = _without_storm_names(report, _headline_places(report, found))
    figures = [f.figure for f in found]
    read = tuple(found), tuple(mentions(report, figures, MAX_FIGURES, scanned))
    with _cache_lock:
        _cache[key] = read
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return read


_TICK_EVERY = 32  # paragraphs read between two progress reports


def _heading_places(text: str, names: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The places a section's heading names: all its words after "In" or
    "Elsewhere in" ("In Bangladesh"); else those the report's prose writes as
    names too (not "Felt Reports", "Tectonic Summary")."""
    words = frozenset(w for w in heading_words(text) if not storm_title(w))
    return words if locative_heading(text) else words & names()


def _headline_places(report: Report, found: list[Found]) -> list[Found]:
    """A headline's figure names no place of its own when its words are all
    capitals ("More Than 200 Dead Across South Asia"): it takes the places of
    the figure of the body it restates (the same value of the same kind)."""
    heads = {p.index for p in report.paragraphs if p.kind == "headline"}
    if not heads:
        return found
    places: dict[tuple[str, float | None], frozenset[str]] = {}
    for f in found:
        if f.figure.paragraph not in heads and f.context.places:
            places.setdefault((f.figure.dimension, f.figure.value), f.context.places)
    return [
        dataclasses.replace(f, context=dataclasses.replace(f.context, places=told))
        if f.figure.paragraph in heads
        and not f.context.places
        and (told := places.get((f.figure.dimension, f.figure.value)))
        else f
        for f in found
    ]


# "Hurricane Dean", "Tropical Storm Nanmadol", "Cyclone Nargis": the name of the event.
# Read in prose only: a headline in title case ("Typhoon Death Toll Rises") names none.
_PROSE_WORDS = 8
_STORM_WORDS = ("Hurricane", "Typhoon", "Cyclone", "Storm")
_STORM_NAME = re.compile(rf"\b(?:{'|'.join(_STORM_WORDS)})\s+([A-Z][a-z]+)\b")


def _without_storm_names(report: Report, found: list[Found]) -> list[Found]:
    """A storm's name is no place: "Dean is being blamed for 13 deaths" names no
    place that could set its toll apart from "11 deaths in Jamaica and Haiti"."""
    names: set[str] = set()
    for p in report.content_paragraphs():
        if not any(word in p.text for word in _STORM_WORDS):
            continue  # most paragraphs name no storm: a substring test is the cheapest
        named = _STORM_NAME.findall(p.text)
        if named and p.kind != "headline" and len(p.text.split()) >= _PROSE_WORDS:
            names.update(name.lower() for name in named)
    if not names:
        return found
    return [
        dataclasses.replace(
            f, context=dataclasses.replace(f.context, places=f.context.places - names)
        )
        if f.context.places & names
        else f
        for f in found
    ]


def _in_section(found: Sequence[Found], section: frozenset[str]) -> list[Found]:
    """A figure whose clause names no place happens where its section's heading says."""
    return [
        f
        if f.context.places
        else dataclasses.replace(f, context=dataclasses.replace(f.context, places=section))
        for f in found
    ]


_LOWER = re.compile(r"(?<![A-Za-z])[a-z][a-z'’]*")


def _lower_words(a: Report, b: Report) -> frozenset[str]:
    """Words the reports write in lower case somewhere: common words, not names."""
    found: set[str] = set()
    for report in (a, b):
        for p in report.content_paragraphs():
            found.update(_LOWER.findall(p.text))  # a set's update, not a generator: hot
    return frozenset(found)


def _idf(docs: Sequence[frozenset[str]]) -> dict[str, float]:
    """Rarity of each word across the paragraphs `docs` (of both reports).

    Smoothed (log((1 + n) / (1 + df)) + 1), so that in two short reports a
    word both share still counts for something.
    """
    # Each distinct word is read into its term once, not once per paragraph.
    terms = {w: term(w) for w in frozenset().union(*docs) if is_content(w)}
    counts: Counter[str] = Counter()
    for words in docs:
        told = set(map(terms.get, words))  # each term once per paragraph
        told.discard(None)
        counts.update(cast(set[str], told))
    n = len(docs)
    return {w: math.log((n + 1) / (c + 1)) + 1 for w, c in counts.items()}
