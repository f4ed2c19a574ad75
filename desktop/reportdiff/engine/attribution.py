"""Who a paragraph says is speaking: the sources its statements are attributed to.

News attributes: "the Kremlin said", "Zelensky later wrote", "..., said
Witkoff", "according to the electoral commission". Two paragraphs that each
name who said what, but no source in common, are less likely to tell the same
thing than their shared words suggest ("Trump acknowledged the challenges …"
against "… the Kremlin said"). Alignment uses this as a mild cue.

Sources are the stemmed content words of the noun phrase next to a reporting
verb, so "the commission said" and "according to results published by the
electoral commission" share "commission". A pronoun ("he said") names no
source. The cue is English, like the stopword list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportdiff.engine.text import STOPWORDS, stem, strip_accents

_REPORTING_VERBS = [
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "stated",
    "told",
    "tells",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "warned",
    "warns",
    "accused",
    "accuses",
    "described",
    "describes",
    "acknowledged",
    "acknowledges",
    "reiterated",
    "reiterates",
    "claimed",
    "added",
    "adds",
    "suggested",
    "suggests",
    "expressed",
    "noted",
    "stressed",
    "stresses",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "argued",
    "argues",
    "urged",
    "urges",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "outlined",
    "indicated",
    "indicates",
    "mentioned",
    "reported",
]


def _alternation(words: list[str]) -> str:
    """`words` as a regular expression grouped by first letter: Python's re
    tries a flat alternation word by word at every position, twice as slowly."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in by_first.items()) + ")"


_VERB_RE = re.compile(r"\b" + _alternation(_REPORTING_VERBS) + r"\b")
# "…," said Witkoff / "…" the minister added: a source after the verb, after a quote.
_AFTER_QUOTE_RE = re.compile(
    r"[”\"]\s*,?\s*(?:said|says|added|adds|wrote|writes)\s+((?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)"
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to ([^,;:.“”\"—]{1,60})")
_WORD_RE = re.compile(r"[\w’'-]+")
# Where the subject of the reporting verb cannot reach back past: punctuation
# that opens a clause, and the end of the sentence before ("… at dawn. He said").
_CLAUSE_BREAK_RE = re.compile(r"[,;:“”\"—()]|[.!?](?=\s)")
_CLAUSE_WORDS = frozenset(
    [
        "that",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "while",
        "as",
        "and",
        "but",
        "after",
        "before",
    ]
)
# Adverbs and auxiliaries between subject and verb ("has also said").
_BETWEEN = frozenset(["has", "had", "have", "later", "also", "then", "previously"])
# Words that stand next to a reporting verb without naming a source.
_NOT_SOURCES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "later",
        "also",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "asked",
        "statement",
        "interview",
        "post",
        "call",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_SUBJECT_WORDS = 4  # a subject is at most this many words before the verb
_REACH = 60  # characters looked back for it


def sources(text: str) -> frozenset[str]:
    """Stemmed words naming who the statements of `text` are attributed to."""
    found: set[str] = set()
    for m in _VERB_RE.finditer(text):
        _add(found, _subject_before(text, m.start()))
    if "ccording to" in text:
        for m in _ACCORDING_RE.finditer(text):
            _add(found, _WORD_RE.findall(m.group(1)))
    for m in _AFTER_QUOTE_RE.finditer(text):
        _add(found, _WORD_RE.findall(m.group(1)))
    return frozenset(found)


def _subject_before(text: str, end: int) -> list[str]:
    """The words of the clause just before a reporting verb, up to its subject."""
    window = text[max(0, end - _REACH) : end]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    words = _WORD_RE.findall(window)
    while words and words[-1].casefold() in _BETWEEN:
        words.pop()
    words = words[-_SUBJECT_WORDS:]
    for k in range(len(words) - 1, -1, -1):
        if words[k].casefold() in _CLAUSE_WORDS:
            return words[k + 1 :]
    return words


def _add(found: set[str], words: list[str]) -> None:
    found.update(map(_source_term, words))
    found.discard("")


@lru_cache(maxsize=8192)
def _source_term(raw: str) -> str:
    """The stem a word adds to the sources; "" for a word that names no one."""
    word = strip_accents(raw.casefold()).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in STOPWORDS or word in _NOT_SOURCES or len(word) < 3 or word[0].isdigit():
        return ""
    return stem(word)
