"""Find every figure a paragraph states: its exact span, value, unit and qualifier.

`extract_paragraph(paragraph)` returns `Found` values: the public `Figure`
plus the words around it that pairing needs (what is counted, the sentence's
terms). Figures in URLs, e-mail addresses, phone numbers and identifiers
("G7", "Boeing 787", "COVID-19", "Section 230") are not figures.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportdiff.engine.figures.context import Context, context_of
from reportdiff.engine.figures.events import TOLL_BOUND_VERBS
from reportdiff.engine.figures.patterns import (
    A_WORDS,
    ANCHOR_SET,
    ANCHOR_WORDS,
    MASKS,
    NON_WORD_ANCHOR_RE,
    PATTERNS_AT,
    PREPOSITION_BEFORE,
    QUALIFIER_BEFORE,
    SCORE_VERBS,
    SCORE_WORDS,
    VAGUE_WORDS,
    WORDS_RE,
    ZONE_NAMES,
)
from reportdiff.engine.figures.precision import round_step
from reportdiff.engine.figures.qualifiers import CONTRACT, LOWER, QUALIFIERS, UPPER, said_of
from reportdiff.engine.figures.readers import READERS, Reading
from reportdiff.engine.figures.tokens import Token, sentence_tokens
from reportdiff.engine.figures.units import (
    MONTHS,
    WEEKDAYS,
)
from reportdiff.engine.figures.words import STOPWORDS
from reportdiff.engine.model import Figure, Paragraph

_DASHES = re.compile("[‐‑‒–—―−]")
_APPROX = 0.1  # "about 20" allows 18..22
# "nearly 20" allows 19..20: a little under ("19 helicopters"), not 18 (measured on the
# blind golds: "nearly 300" against 282 and "nearly 44 percent" against 40.6 differ).
_NEARLY = 0.05
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”»’']?\s+(?=[\"“«‘']?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:mr|mrs|ms|dr|st|gen|gov|sen|rep|lt|col|sgt|no|vs|u\.s|u\.k|u\.n|jan|feb|mar|apr|jun|jul"
    r"|aug|sep|sept|oct|nov|dec|a\.m|p\.m|[a-z])\.$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A figure and the words around it that say what it measures."""

    figure: Figure
    context: Context
    years: frozenset[int] = frozenset()  # years named close by in the same sentence
    sentence_years: frozenset[int] = frozenset()  # every year the sentence names
    # A figure recalled for comparison ("up from 55% four years ago"), not
    # the report's own fact: it never differs from one that is.
    past: bool = False
    # The qualifier as worded (qualifiers.py): "at_least" where the contract says "more_than".
    said: str = "exact"
    # A yardstick ("the 10-year average ... of about 52 percent"), see _yardstick.
    yardstick: bool = False
    # A count added to another ("a further 15 people on the ground"): never a total.
    increment: bool = False
    # The same value restated in brackets in another unit ("80 km/h (50 mph)").
    alias: bool = False
    # On the figure before the brackets: the figure that restates it.
    restated: Figure | None = None
    # "23 cars and six trucks": the two counts together, which the other report
    # may give as one ("29 vehicles").
    total: float | None = None
    parts: tuple[str, ...] = ()  # the nouns of the two counts that make the total


def fold(text: str) -> str:
    """Lower-case text with dashes folded, keeping every character's offset."""
    folded = _DASHES.sub("-", text).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in _DASHES.sub("-", text))


def sentences(paragraph: Paragraph) -> tuple[tuple[int, int], ...]:
    """The paragraph's sentence spans; split here when segmentation gave none."""
    if paragraph.sentences:
        return paragraph.sentences
    text, spans, start = paragraph.text, [], 0
    for cut in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : cut.start()]):
            continue
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, len(text)))
    return tuple(spans)


class Scan(NamedTuple):
    """A paragraph's folded text and where a number may start in it: read once,
    used by the extractor and by the scan for minor numbers (slots.py)."""

    folded: str
    anchors: list[tuple[int, str]]


def scan(text: str) -> Scan:
    folded = fold(text)
    return Scan(folded, anchors(folded))


def extract_paragraph(
    paragraph: Paragraph, limit: int = 10**9, scanned: Scan | None = None
) -> tuple[Found, ...]:
    """Every figure of one paragraph, in reading order (the first `limit` of them)."""
    folded, where = scanned or scan(paragraph.text)
    found: list[Figure] = []
    done = 0  # no figure starts before the end of the last one
    # A paragraph of hundreds of thousands of number-like marks ("1,1,1,...")
    # is no prose: after this many tries its rest is not read (bounded time).
    tries = min(limit, 10**6) * _TRIES_PER_FIGURE
    for pos, anchor in where:
        tries -= 1
        if tries < 0:
            break
        if pos < done or (anchor == "digit" and _masked(folded, pos)):
            continue
        figure = _figure_at(paragraph, folded, pos, anchor, done)
        if figure is not None:
            found.append(figure)
            done = figure.end
            if len(found) >= limit:
                break
    if not found:
        return ()
    return _with_context(paragraph, folded, found)


def _with_context(paragraph: Paragraph, folded: str, figures: list[Figure]) -> tuple[Found, ...]:
    """Each figure with the words of its sentence, up to _REACH characters away."""
    spans = sentences(paragraph)
    result: list[Found] = []
    dated = [(f, y) for f in figures for y in years_of(f)]
    for figure in figures:
        s, e = sentence_of(spans, figure.start) or (0, len(folded))
        start = max(s, figure.start - _REACH)
        if start > s:
            start = folded.find(" ", start) + 1  # not from the middle of a word
        end = min(max(e, figure.end), figure.end + _REACH)
        # Places are read over the whole clause, which may run further: the
        # words are read once, as far as that, and the nearer ones kept apart.
        wide_end = min(max(e, figure.end), figure.end + _PLACE_REACH)
        wide = sentence_tokens(paragraph.text, folded, start, wide_end)
        tokens = wide if wide_end == end else tuple(t for t in wide if t.start < end)
        context = context_of(
            tokens,
            folded,
            figure,
            s,
            wide,
            functools.partial(_words_before, paragraph.text, folded, s, figure.start),
        )
        years = frozenset(
            y
            for f, y in dated
            if f is not figure
            and s <= f.start < e
            and _gap(f, figure) <= _YEAR_REACH
            and not _aside(folded, s, f, figure)
            and (not _compared_year(folded, f) or _when_clause(folded, f, figure))
        )
        found = Found(
            figure=_with_noun(figure, context.noun),
            context=context,
            years=years,
            sentence_years=frozenset(
                y
                for f, y in dated
                if f is not figure and s <= f.start < e and not _compared_year(folded, f)
            ),
            past=_past(folded, figure, s, owned=bool(context.winner)),
            yardstick=_yardstick(folded, figure),
            increment=_INCREMENT.search(folded, max(0, figure.start - 20), figure.start) is not None
            or _MORE_AFTER.match(folded, figure.end) is not None,
            said="vague"
            if _VAGUE.fullmatch(folded, figure.start, figure.end)
            else said_of(folded, figure.start, figure.qualifier),
        )
        if result and _restated(folded, result[-1].figure, figure):
            found = dataclasses.replace(found, alias=True)
            result[-1] = dataclasses.replace(result[-1], restated=found.figure)
        elif result and (total := _joined_total(folded, result[-1], found)) is not None:
            parts = (result[-1].context.noun or "", found.context.noun or "")
            result[-1] = dataclasses.replace(result[-1], total=total, parts=parts)
            found = dataclasses.replace(found, total=total, parts=parts)
        result.append(found)
    return tuple(result)


_JOINED = re.compile(r"\s+[a-z-]+(?:\s+[a-z-]+)?\s+and\s+$")


def _words_before(text: str, folded: str, start: int, end: int) -> list[Token]:
    """The words of a sentence before a figure, no further back than `_WINNER_REACH`
    characters (a run-on sentence of a megabyte stays linear)."""
    start = max(start, end - _WINNER_REACH)
    if start > 0 and folded[start - 1].isalnum():
        start = folded.find(" ", start) + 1 or end  # not from the middle of a word
    return list(sentence_tokens(text, folded, start, end))


_WINNER_REACH = 400  # characters back to a share's winner: "Mahmoud Ahmadinejad, ..., has won"


def _joined_total(folded: str, first: Found, second: Found) -> float | None:
    """ "23 cars and six trucks": two counts of two nouns joined by "and"."""
    x, y = first.figure, second.figure
    if x.dimension != "count" or y.dimension != "count" or x.value is None or y.value is None:
        return None
    if (
        x.qualifier != "exact"
        or y.qualifier != "exact"
        or not _JOINED.fullmatch(folded, x.end, y.start)
    ):
        return None
    nouns = first.context.noun, second.context.noun
    if None in nouns or nouns[0] == nouns[1]:
        return None
    events = first.context.event, second.context.event
    if events[0] != events[1] and (
        None not in events or not _CARRYING.search(folded, max(0, x.start - 30), x.start)
    ):
        # "14 dead and 12 injured", "30 nurses and 12 patients who died" make no
        # total; "carrying 216 passengers and 12 crew members that disappeared" does.
        return None
    return x.value + y.value


_CARRYING = re.compile(r"\b(?:carrying|carried|carries|with|aboard)\s+(?:[a-z]+\s+)?$")
_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:about|around|roughly|some|or|nearly|almost)?\s*$")


def _restated(folded: str, first: Figure, second: Figure) -> bool:
    """ "80 km/h (50 mph)", "2.5 metres (8 feet)", "44 miles/70 kilometers": a
    conversion of the figure before it."""
    if second.dimension != first.dimension or first.value is None or second.value is None:
        return False
    slashed = first.end + 1 == second.start and folded[first.end] == "/"
    if not slashed and not (
        _BRACKET_OPEN.fullmatch(folded, first.end, second.start)
        and folded.startswith(")", second.end)
    ):
        return False
    big, small = max(first.value, second.value), min(first.value, second.value)
    return small > 0 and big / small <= 1.1


def _with_noun(f: Figure, noun: str | None) -> Figure:
    """The figure, now that its context is read, with the noun it counts.

    The figure was made a few lines above and nothing else holds it yet, so the
    noun is set in place: a second frozen Figure costs more than the rest of a
    figure's reading.
    """
    object.__setattr__(f, "noun", noun)
    return f


def _gap(x: Figure, y: Figure) -> int:
    return max(x.start, y.start) - min(x.end, y.end)


_YEAR_REACH = 60  # characters: "since 1997, when 228 people died"
_RELATIVE = re.compile(r"\s*(?:who|which|whose)\b")
_YARDSTICK_BEFORE = re.compile(
    r"\b(?:average|norm|normal|usual|typical)\s+(?:for|of|is|was)\b[^.;,]{0,30}$"
)
_OTHER_EVENT_AFTER = re.compile(
    r"(?:[^.;]|\.\d){0,80}?\bin\s+an?\s+(?:[^.;]|\.\d){0,60}?\b(?:last\s+(?:year|month|week)"
    r"|(?:a|one|two|three|four|five|\d+)\s+(?:years?|months?|weeks?)\s+ago"
    r"|earlier\s+this\s+(?:year|month)|in\s+(?:19|20)\d\d)\b"
)
# "Last September, 154 people were killed": a month or a year back, in the
# figure's own clause, is another event's time ("since last year" is not).
_PAST_LEFT = re.compile(
    r"(?<!since )\blast\s+(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|year)\b[^.;:]*$"
)
# A verb of change or a toll before "from ... to ...": not "flights from 2 to 5".
_CHANGED_BEFORE = re.compile(
    r"\b(?:revised|rose|risen|rising|fell|fallen|dropped|climbed|increased|decreased|jumped|grew"
    r"|lowered|raised|cut|upgraded|downgraded|went|changed|toll)\b[^.;:]*\bfrom\s+$"
)
_CHANGED_TO = re.compile(
    r"\s+to\s+(?:at\s+least\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b)"
)
_PAST_BEFORE = re.compile(
    r"\b(?:(?:up|down)(?:wards?)?\s+from|compared\s+(?:with|to)|versus"
    # "his lead has dropped from more than 60 percent to just below the majority"
    r"|(?:dropped|fell|declined|slipped|shrank|rose|climbed|jumped|grew|increased|decreased)"
    r"\s+from)\s+(?:the\s+)?$"
)
_PAST_AFTER = re.compile(
    r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|before)"
    r"|(?:a\s+)?(?:year|month|week)\s+(?:ago|earlier|before)"
    r"|last\s+(?:year|time|month|week)|in\s+the\s+(?:previous|last|prior)\s+)\b"
)


def _aside(folded: str, start: int, year: Figure, figure: Figure) -> bool:
    """Whether a year stands in a relative clause before the figure.

    In "Osterhaus, who has led the government since 2019, took 33.7%" the
    year tells of the man, not of the share he took.
    """
    if year.end > figure.start:
        return False
    comma = folded.rfind(",", start, year.start)
    return (
        comma >= 0
        and _RELATIVE.match(folded, comma + 1) is not None
        and "," in folded[year.end : figure.start]
    )


_SEASON_OF = (
    r"(?:(?:the\s+)?(?:summer|spring|autumn|fall|winter|end|start|beginning|middle)\s+of\s+)?"
)
_COMPARED_BEFORE = re.compile(
    # "than in 2019", "compared with 2022", "the level seen in 2014"
    rf"\b(?:than(?:\s+in)?|compared\s+(?:with|to)|seen\s+in)\s+(?:the\s+)?{_SEASON_OF}$"
    # "the lowest since the summer of 2019", "for the first time since 2008"
    rf"|\b(?:[a-z]+est|most|least|first\s+time|worst|best)\b[^.,;:()]{{0,30}}\bsince\s+"
    rf"(?:the\s+)?{_SEASON_OF}$"
)


_WHEN = re.compile(r"\s*,?\s*when\b")


def _when_clause(folded: str, year: Figure, figure: Figure) -> bool:
    """ "since 2017, when 160 people were killed": the year the clause after it tells of."""
    return year.end <= figure.start and _WHEN.match(folded, year.end) is not None


def _compared_year(folded: str, year: Figure) -> bool:
    """ "lowest since the summer of 2019", "the level seen in 2014": a year to compare
    with, which ties no figure to its own period."""
    return _COMPARED_BEFORE.search(folded, max(0, year.start - 50), year.start) is not None


# "a further 15", "an additional 300": a count on top of one told before ("another
# 58 missing" is not: it often adds another kind, "12,500 injured and another 58 missing").
_VAGUE = re.compile(VAGUE_WORDS)  # "dozens", "hundreds of thousands": told by size
_INCREMENT = re.compile(r"\b(?:a\s+further|an\s+additional)\s+$")
# "the bodies of five more hikers", "12 more deaths", "another 3 additional": added to a
# count told before; not "five more than last year" (a comparison).
_MORE_AFTER = re.compile(r"\s+(?:more|additional|other)\s+(?!than\b)[a-z]")


def _yardstick(folded: str, figure: Figure) -> bool:
    """Whether a figure is a yardstick ("the 10-year average for mid-July of about 52
    percent"), not the report's own fact: it differs only from another yardstick."""
    return _YARDSTICK_BEFORE.search(folded, max(0, figure.start - 40), figure.start) is not None


def _past(folded: str, figure: Figure, sentence_start: int = 0, *, owned: bool = False) -> bool:
    """Whether a figure is recalled from before ("up from 55% four years ago",
    "Last September, 154 people were killed"). What a figure is compared with is
    earlier, unless it is `owned`, another's share at the same time ("56 percent of
    the vote, compared to nearly 44 percent for Mr. Weah")."""
    before = _PAST_BEFORE.search(folded, max(0, figure.start - 16), figure.start)
    if before is not None and not (before.group(0).startswith("compared") and owned):
        return True
    if _PAST_LEFT.search(folded, max(sentence_start, figure.start - 90), figure.start):
        return True
    if _PAST_AFTER.match(folded, figure.end) is not None:
        return True
    if (
        folded.endswith("from ", 0, figure.start)
        and _CHANGED_TO.match(folded, figure.end)
        and _CHANGED_BEFORE.search(folded, max(sentence_start, figure.start - 60), figure.start)
    ):
        return True  # "revised the toll downward, from 88 to 85": what it was before
    # "more than 200 people were killed in a 7.2 magnitude earthquake last month":
    # another event ("a", not "the"), told with another time, later in the clause.
    if folded.find(" in a", figure.end, figure.end + 90) < 0:
        return False  # the usual case, at C speed
    return _OTHER_EVENT_AFTER.match(folded, figure.end) is not None


def years_of(figure: Figure) -> tuple[int, ...]:
    """The years a date figure names: one, or both ends of a span ("2014-2019")."""
    if figure.dimension != "date" or figure.value is None:
        return ()
    if figure.unit == "year":
        if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
            return int(figure.low), int(figure.high)
        return (int(figure.value),)
    if figure.unit == "year-month":
        return (int(figure.value) // 100,)
    if figure.unit == "date":
        return (dt.date.fromordinal(int(figure.value)).year,)
    return ()


_REACH = 80  # characters: about 13 words on either side
_PLACE_REACH = 200  # characters after a figure in which its clause may name its places
_WORD_REACH = 300  # characters an address or identifier around a number may run
_TRIES_PER_FIGURE = 10  # anchors looked at per figure a paragraph may still give


def _masked(folded: str, pos: int) -> bool:
    """Whether an anchor lies in an address, a phone number or an identifier."""
    # The word around the anchor, looked for within a bounded reach: in a text
    # with no spaces (1 MB of "1,") the whole text is no word to copy per anchor.
    low, high = max(0, pos - _WORD_REACH), min(len(folded), pos + _WORD_REACH)
    left = folded.rfind(" ", low, pos)
    right = folded.find(" ", pos, high)
    chunk = folded[left + 1 if left >= 0 else low : right if right >= 0 else high]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return True
    return any(
        m.start() <= pos < m.end() for m in MASKS.finditer(folded, max(0, pos - 24), pos + 24)
    )


def anchors(folded: str) -> list[tuple[int, str]]:
    """Where a figure may start: digits, number words, months, weekdays, currency signs.

    Digits and signs come from one scan; words are looked up by distinct word
    (a paragraph holds few), which is much cheaper than a token-by-token loop.
    """
    anchors = [
        _sign_anchor(folded, at)
        for m in NON_WORD_ANCHOR_RE.finditer(folded)
        if not ((at := m.start()) and folded[at - 1].isdigit())
    ]
    for word in ANCHOR_SET.intersection(WORDS_RE.findall(folded)):
        kind = ANCHOR_WORDS.get(word)
        for at in _whole_word(folded, word):
            if kind is not None:
                anchors.append((at, kind))
            article = _article_before(folded, at) if word in A_WORDS else None
            if article is not None:
                anchors.append((article, "a"))  # "a dozen", "an hour and a half"
    anchors.sort()
    return anchors


def _sign_anchor(folded: str, at: int) -> tuple[int, str]:
    if folded[at].isdigit():
        return at, "digit"
    if folded.startswith("us", at - 2) and (at < 3 or not folded[at - 3].isalpha()):
        return at - 2, "currency"  # "US$5 million"
    return at, "currency"


def _whole_word(folded: str, word: str) -> list[int]:
    found, at, size = [], folded.find(word), len(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not folded[at - 1].isalpha()) and (
            end >= len(folded) or not folded[end].isalpha()
        ):
            found.append(at)
        at = folded.find(word, at + 1)
    return found


def _article_before(folded: str, at: int) -> int | None:
    """Where "a"/"an" stands right before a word, if it does."""
    i = at - 1
    while i >= 0 and folded[i].isspace():
        i -= 1
    if i == at - 1:
        return None
    for article in ("a", "an"):
        start = i - len(article) + 1
        if folded.startswith(article, start) and (start == 0 or not folded[start - 1].isalpha()):
            return start
    return None


def _figure_at(
    paragraph: Paragraph,
    folded: str,
    pos: int,
    anchor: str,
    done: int,
) -> Figure | None:
    """The first pattern that matches at an anchor, read into a figure."""
    before = PREPOSITION_BEFORE.search(folded, max(done, pos - 12), pos)
    pre = before.group("pre") if before else None
    for kind, pattern in PATTERNS_AT[anchor]:
        match = pattern.match(folded, pos)
        if match is not None and pre == "from" and _low_end(kind, match):
            # "rose from 2.4 million to 3 million": a change, two figures, no range.
            match = pattern.match(folded, pos, _low_end(kind, match))
        if match is None:
            continue
        reading = _read(kind, match, paragraph.text, folded, pre)
        if reading is None and _low_end(kind, match):
            # "voted 52 to 48", "30 to 9": no range, but the first number is a figure
            match = pattern.match(folded, pos, _low_end(kind, match))
            reading = _read(kind, match, paragraph.text, folded, pre) if match else None
        if match is None or reading is None:
            continue
        if kind == "time":
            return _time(paragraph, folded, (pos, match.end(), done), reading, match)
        end = match.end()
        if kind == "count" and _apposed_age(paragraph.text, match):
            reading = Reading(reading.value, "year", "age")  # "Rosa Quispe, 58, said"
            kind = "age"
        elif kind == "count" and (
            points := _share_points(folded, end, _sentence_at(paragraph, pos))
        ):
            # "a margin of just over three points" where shares are told: percentage points
            reading = Reading(reading.value, "pp", "percentage_points")
            end = points
        sign = _SIGN_BEFORE.search(folded, max(done, pos - 8), pos)
        if sign is not None and kind in _SIGNED:
            reading = dataclasses.replace(reading, value=-(reading.value or 0.0))
            pos = sign.start()  # "-5 degrees", "minus 5 degrees": the sign is the figure's
        elif kind in _SIGNED and _BELOW_ZERO.match(folded, end):
            reading = dataclasses.replace(reading, value=-(reading.value or 0.0))
            end = _BELOW_ZERO.match(folded, end).end()  # type: ignore[union-attr]
        qualifier = QUALIFIER_BEFORE.search(folded, max(done, pos - 20), pos)
        start = qualifier.start() if qualifier and kind not in _UNQUALIFIED else pos
        said = QUALIFIERS[" ".join(qualifier.group("q").split())] if qualifier else "exact"
        if qualifier is None and kind not in _UNQUALIFIED:
            # "Death Toll Nears 1,300", "the toll passed 2,200": the verb is the qualifier.
            verb = _TOLL_VERB_BEFORE.search(folded, max(done, pos - 80), pos)
            if verb is not None:
                said = "nearly" if verb.group("v").startswith("near") else "more_than"
                start = verb.start("v")  # the figure reads "nears 1,300", as "nearly 1,300"
        return _figure(paragraph, (start, end), reading, match, said)
    return None


def _low_end(kind: str, match: re.Match[str]) -> int:
    """Where the first number of a range "N to M" ends (0 when the match has none):
    matched again up to there, it is read alone."""
    if kind == "years" or not match.groupdict().get("lo2"):
        return 0
    return match.end("loscale2" if match.group("loscale2") else "lo2")


# A toll that "nears" a number is a little under it; one that "passes" it, over.
_TOLL_VERB_BEFORE = re.compile(
    r"\btoll\b(?:[^.;]|\.(?=\d)){0,60}?\b(?P<v>" + TOLL_BOUND_VERBS + r")\s+$"
)


def _sentence_at(paragraph: Paragraph, pos: int) -> tuple[int, int]:
    return sentence_of(sentences(paragraph), pos) or (0, len(paragraph.text))


def sentence_of(spans: tuple[tuple[int, int], ...], pos: int) -> tuple[int, int] | None:
    """The span of `spans` (in order) that holds `pos`, found by bisection."""
    k = bisect.bisect_right(spans, (pos, math.inf)) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


_POINTS_AFTER = re.compile(r"\s+points?\b")
_SHARE_TALK = re.compile(
    r"%|\bper\s*cent|\bpercent|\bpoll|\bvot(?:e|es|ers|ing)\b|\bturnout|\bballot"
)


_INDEX_TALK = re.compile(
    r"\bindex\b|\bftse\b|\bdow\b|\bnasdaq\b|\bnikkei\b|\bdax\b|\bcac\b|s&p|\bstoxx\b"
    r"|\bhang\s+seng\b|\bkospi\b|\bsensex\b|\bpoints?\s+(?:higher|lower|up|down)\b"
)


def _share_points(folded: str, end: int, sentence: tuple[int, int]) -> int:
    """Where "N points" end when they are percentage points (their sentence speaks of
    shares or votes, not of a market index), else 0."""
    points = _POINTS_AFTER.match(folded, end)
    if points is None:
        return 0
    start, stop = sentence
    if _INDEX_TALK.search(folded, start, stop) or not _SHARE_TALK.search(folded, start, stop):
        return 0
    return points.end()


# People news gives an age to ("the driver, 54,"): with a name, the age's owner.
_PERSONS = (
    "man|woman|boy|girl|driver|passenger|pilot|victim|suspect|mother|father|son|daughter|wife"
    "|husband|teacher|resident|student|worker|farmer|nurse|doctor|officer|soldier|survivor"
)
_AGE_BEFORE = re.compile(rf"(?:\b[A-Z][\w'’-]+|\b(?:{_PERSONS}))\s*(?P<open>[,(])\s*$")
_AGE_AFTER = {",": re.compile(r"\s*,(?!\d)"), "(": re.compile(r"\s*\)")}
# "a man of 74 was swept away": a person of N years, the number counting nothing after it.
_PERSON_OF = re.compile(rf"\b(?:{_PERSONS})\s+of\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(?:(?P<word>[a-z]+)\b|[,.;:)!?]|$)", re.IGNORECASE)
_MAX_AGE = 120


def _apposed_age(text: str, match: re.Match[str]) -> bool:
    """ "Rosa Quispe, 58, said", "the driver, 54, of Leeds", "Smith (47)", "a man of 74":
    an age, not a count.

    A bare number set off by commas (or brackets) right after a name or a
    person, or following "a <person> of", states that person's age.
    """
    number = match.group(0)
    if not number.isdigit() or not 0 < int(number) <= _MAX_AGE:
        return False
    if _PERSON_OF.search(text, max(0, match.start() - 20), match.start()):
        after = _NEXT_WORD.match(text, match.end())
        return after is not None and (not after["word"] or after["word"].lower() in STOPWORDS)
    before = _AGE_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None or before.group(0).split()[0].rstrip(",(").lower() in _CALENDAR_WORDS:
        return False
    return _AGE_AFTER[before.group("open")].match(text, match.end()) is not None


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


_TIME_QUALIFIER = re.compile(
    r"\b(?P<q>(?:(?:shortly|just|soon|not\s+long)\s+)?(?:after|before)"
    r"|around|about|approximately|roughly|circa|nearly|almost|close\s+to)\s+(?:at\s+)?$"
)
_MINUTE = 60.0
_HOUR = 3600.0


def _time(
    paragraph: Paragraph,
    folded: str,
    where: tuple[int, int, int],
    reading: Reading,
    match: re.Match[str],
) -> Figure:
    """A time of day with the window its wording allows.

    A time on the hour is a rounded statement: "shortly after 4 a.m." agrees
    with 4:17, "around 2 a.m." with 2:15, and a bare "8 p.m." with 8:10,
    while "9:30" and "9:45" differ.
    """
    pos, end, done = where
    said = _TIME_QUALIFIER.search(folded, max(done, pos - 24), pos)
    word = " ".join(said.group("q").split()) if said else ""
    value = reading.value or 0.0
    on_hour = value % _HOUR == 0
    if word.endswith("after"):
        qualifier, low, high = "more_than", value, value + (_HOUR if on_hour else 30 * _MINUTE)
    elif word.endswith("before"):
        qualifier, low, high = "less_than", value - (_HOUR if on_hour else 30 * _MINUTE), value
    elif word:
        spread = 30 * _MINUTE if on_hour else 10 * _MINUTE
        qualifier, low, high = "approximate", value - spread, value + spread
    else:
        spread = 15 * _MINUTE if on_hour else 0.0
        qualifier, low, high = "exact", value - spread, value + spread
    start = said.start() if said else pos
    zone = _ZONE_IN.search(folded, pos, end) or _ZONE_AFTER.match(folded, end)
    if zone is not None and not paragraph.text[zone.start("z") : zone.end("z")].isupper():
        zone = None  # a zone is written in capitals: "at 10:00 eat" is no zone
    if zone is not None and zone.start() >= end:
        end = zone.end()  # "2:49 IST": the zone is the time's
    name = zone.group("z") if zone is not None else None
    text = paragraph.text[start:end]
    return Figure(
        text=text,
        paragraph=paragraph.index,
        start=start,
        end=end,
        value=reading.value,
        # A time told in a zone ("2:49 IST", "0920 UTC") is compared only with
        # one told in the same zone: "2:49 IST" and "0920 UTC" may be one moment.
        unit=reading.unit if name is None else f"{reading.unit} {_ZONES.get(name, name.upper())}",
        qualifier=qualifier,  # type: ignore[arg-type]
        dimension=reading.dimension,
        low=low,
        high=high,
        display=reading.display or text,
    )


# "2:49 IST", "2:49 (IST)"; the ")" of "(2:56 PM CDT)" closes an aside, not the zone
_ZONE_AFTER = re.compile(rf"\s*(\()?(?P<z>{ZONE_NAMES})\b(?(1)\))")
_ZONE_IN = re.compile(rf"\b(?P<z>{ZONE_NAMES})\b")
_ZONES = {"gmt": "UTC", "z": "UTC"}


# A minus sign or "minus" right before a measure ("-5 degrees", "−12C", "minus
# 40"), not a dash after a word or number ("F-16", "3-5"); "below zero" after it.
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,%-])-|\bminus\s+)$")
_BELOW_ZERO = re.compile(r"\s+below\s+zero\b")
_SIGNED = frozenset({"temperature", "measure", "percent", "money"})

_UNQUALIFIED = frozenset({"date", "month", "weekday", "time", "year", "years", "ordinal", "age"})


def _figure(
    paragraph: Paragraph, span: tuple[int, int], reading: Reading, match: re.Match[str], said: str
) -> Figure:
    qualifier = reading.qualifier or (said if span[0] < match.start() else "exact")
    low, high = _interval(reading, qualifier)
    figure = Figure(
        text=paragraph.text[span[0] : span[1]],
        paragraph=paragraph.index,
        start=span[0],
        end=span[1],
        value=reading.value,
        unit=reading.unit,
        qualifier=CONTRACT[qualifier],
        dimension=reading.dimension,
        low=low,
        high=high,
        display=reading.display or paragraph.text[span[0] : span[1]],
    )
    if qualifier == "approximate" and low is not None and high is not None:
        half = min((high - low) / 2, _approximate_reach(figure))
        figure = dataclasses.replace(figure, low=figure.value - half, high=figure.value + half)  # type: ignore[operator]
    return figure


def _approximate_reach(figure: Figure) -> float:
    """How far an approximate figure reaches each way: what its last digit written
    rounds ("around 61 percent" is not 61.8; "about 140" spans 135 to 145; "around
    231" is not 232), a five rounding to fives ("about 25" spans 22.5 to 27.5)."""
    step = round_step(figure)
    value = abs(figure.value or 0.0)
    if step and round(value / step) % 10 == 5:
        step *= 5
    return step / 2


def _interval(reading: Reading, qualifier: str) -> tuple[float | None, float | None]:
    v = reading.value
    if qualifier in ("range", "vague"):
        return reading.low, reading.high
    if v is None or reading.dimension in ("date", "weekday", "time"):
        return v, v
    if qualifier == "approximate":
        low, high = v * (1 - _APPROX), v * (1 + _APPROX)
        return min(low, high), max(low, high)  # "about -5 degrees": -5.5 to -4.5
    if qualifier == "nearly" and v > 0:
        return v * (1 - _NEARLY), v  # "nearly 12 percent" is a little under 12
    if qualifier in LOWER:
        return v, None
    if qualifier in UPPER:
        return 0.0, v
    return v, v


def _read(
    kind: str, match: re.Match[str], text: str, folded: str, pre: str | None
) -> Reading | None:
    if not _bounded(kind, match, text, folded, pre):
        return None
    reader = READERS[kind]
    try:
        return reader(match, text, pre)
    except (ValueError, KeyError, OverflowError):
        return None


_GLUED_KINDS = frozenset({"measure", "temperature", "percent"})
_LABEL_LETTERS = 5  # a label is a word; "mh", "af", "covid" codes are shorter or no measure


def _label_before(folded: str, start: int) -> bool:
    """Whether a word of letters only, long enough to be a label, ends right at `start`."""
    at = start
    while at > 0 and folded[at - 1].isalpha():
        at -= 1
    return start - at >= _LABEL_LETTERS and (at == 0 or not folded[at - 1].isalnum())


# "44 miles/70 kilometers": the same measure in another unit, not a rate ("5 mm/24 hours")
_CONVERSION = re.compile(
    r"\d[\d.,]*\s*(?!(?:hours?|hrs?|h|days?|weeks?|months?|years?|minutes?|mins?|seconds?|secs?|s)\b)"
    r"[a-z]"
)


_MEASURE_BEFORE_SLASH = re.compile(r"\d\s*[a-z]+/$")


def _bounded(kind: str, match: re.Match[str], text: str, folded: str, pre: str | None) -> bool:
    """Whether the match stands alone (not inside "G7", "COVID-19", "9/11", "3-2")."""
    start, end = match.start(), match.end()
    before = folded[start - 1] if start else " "
    if before.isalpha() and kind in _GLUED_KINDS and _label_before(folded, start):
        before = " "  # "Depth8.8 km": a table's label and its value, run together in a copy
    if (
        kind == "measure"
        and before == "/"
        and _MEASURE_BEFORE_SLASH.search(folded, max(0, start - 24), start)
        and _CONVERSION.match(folded, start)
    ):
        before = " "  # "44 miles/70 kilometers": a measure and its conversion
    if (
        before.isalnum()
        or before in "/_#@.:,"
        or (before == "-" and start > 1 and folded[start - 2].isalnum())
    ):
        return False
    after = folded[end] if end < len(folded) else " "
    if after.isalnum() and kind not in ("date", "weekday"):
        return False
    conversion = kind == "measure" and after == "/" and _CONVERSION.match(folded, end + 1)
    if (after in "/" and not conversion) or (after in "-:" and folded[end + 1 : end + 2].isdigit()):
        return False
    bare_year = kind == "year" and not pre
    if bare_year and _bounded_count(folded, start):
        return False
    if (kind == "count" or bare_year) and _identifier(text, start):
        return False
    return not (kind in ("count", "duration", "measure") and _score(match, folded))


def _bounded_count(folded: str, start: int) -> bool:
    """ "more than 2000 dead", "nearly 1500 homes": a bound counts; a year is
    bounded only after a preposition ("in about 1900", "since at least 2010")."""
    qualifier = QUALIFIER_BEFORE.search(folded, max(0, start - 20), start)
    if qualifier is None:
        return False
    return not PREPOSITION_BEFORE.search(folded, max(0, qualifier.start() - 12), qualifier.start())


def _identifier(text: str, start: int) -> bool:
    """ "Boeing 787", "Section 230", "Flight 370": a capitalised name before a number."""
    head = text[max(0, start - 40) : start].rstrip()  # bounded: long paragraphs stay linear
    word = _LAST_WORD.search(head)
    if not word:
        return False
    name = word.group(1).lower()
    if name in ("no.", "nos.", "number", "nr.", "num."):
        return True
    if not word.group(1)[0].isupper() or _title_case(text) or name.endswith("."):
        return False  # "...on Sunday. Twenty-three people": a sentence ended before it
    if name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        return False  # "the Socialists 77": names of models are singular
    ahead = text[start : start + 12]
    if _sentence_start(head, word.start()) and re.match(r"\d{1,3}(?:,\d{3})+\b", ahead):
        return False  # "Exactly 1,000,000 ballots": a count starts the sentence
    return not (name in MONTHS or name in WEEKDAYS or name in QUALIFIERS or name in STOPWORDS)


def _sentence_start(head: str, at: int) -> bool:
    before = head[:at].rstrip()
    return not before or before[-1] in '.!?:"“”'


_LAST_WORD = re.compile(r"([A-Za-z][\w.]{0,30})$")


def clear_title_cache() -> None:
    """Forget which paragraphs are written in title case (a cold start)."""
    _title_case.cache_clear()


@lru_cache(maxsize=64)
def _title_case(text: str) -> bool:
    """A headline in title case ("Quake Kills 12"): capitals say nothing there."""
    words = re.findall(r"[A-Za-z]{4,}", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _score(match: re.Match[str], folded: str) -> bool:
    """ "3-2", "a 5-4 ruling", "beat them 2-1": a score, not a range."""
    groups = match.groupdict()
    lo = groups.get("lo2")
    if not lo or "-" not in folded[match.start() : match.end()]:
        return False
    tail = folded[match.end() : match.end() + 20]
    return bool(SCORE_WORDS.match(tail) or SCORE_VERBS.search(folded[: match.start()]))
