"""Text normalisation and tokenising shared by segmentation, alignment and word diff.

Shown text is never rewritten: these helpers produce *keys* for matching, in
which typographic quotes and dashes equal their plain forms, case is folded,
and words are lightly stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

QUOTES = "\"'„“”‟«»‹›’‘‚`´"
DASHES = "‐‑‒–—―−"
_FOLD = str.maketrans({**dict.fromkeys(QUOTES, '"'), **dict.fromkeys(DASHES, "-")})
_FOLD_APOS = str.maketrans({**dict.fromkeys("’‘`´", "'"), **dict.fromkeys(DASHES, "-")})

# Words, including inner apostrophes and hyphens ("Russia's", "co-operate"), and numbers
# with their separators ("1,200", "3.5").
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")

# Function words carry no evidence that two paragraphs say the same thing. Kept
# short on purpose: IDF over the two reports does the rest of the weighting.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "mr",
        "mrs",
        "ms",
        "dr",
        "s",
        "t",
        "ll",
        "d",
        "re",
        "ve",
        "m",
        "one",
        "also",
        "may",
        "might",
        "must",
        "shall",
        "upon",
        "per",
        "via",
        "amid",
        "among",
        "within",
        "without",
    ]
)

_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ies",
             "ied", "ers", "er", "ed", "es", "ly", "s")  # fmt: skip
_STEM_LEN = 6


def nfc(text: str) -> str:
    """Unicode NFC, the form every shown text is kept in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """A matching key: quotes and dashes unified, case folded."""
    return text.translate(_FOLD).casefold()


def fold_apostrophes(text: str) -> str:
    """Typographic apostrophes and dashes as plain ones, for cue matching."""
    return text.translate(_FOLD_APOS)


def strip_accents(word: str) -> str:
    """`word` without combining accents ("Méheut" → "Meheut")."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a folded word: "negotiations" and
    "negotiate", "settled" and "settle", "drones" and "drone" meet.

    Numbers stay as they are. Without the snowballstemmer package a cruder
    suffix-and-truncate stem stands in.
    """
    if word.isdigit() or len(word) <= 3:
        return word
    stemmer = _snowball()
    if stemmer is not None:
        return str(stemmer.stemWord(word))
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:_STEM_LEN]


@lru_cache(maxsize=1)
def _snowball() -> Any:
    # Imported on first use: the first window never needs it.
    try:
        import snowballstemmer
    except ImportError:
        return None
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The words and numbers of `text`, case-folded, accents removed, possessives dropped."""
    out = []
    for m in WORD_RE.finditer(text):
        w = strip_accents(m.group().casefold()).replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


def content_terms(text: str) -> list[str]:
    """Stemmed content words of `text` (stopwords and lone letters removed)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


# --- section headings ---------------------------------------------------------

# "In Bangladesh", "Earthquake Details", "Tectonic Summary": a short line with no
# sentence's end, no figure and no label's colon, over the paragraphs it heads.
_HEADING_MAX_WORDS = 6
_HEADING_WORD = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*")
_HEADING_SKIP = frozenset({"In", "The", "On", "At", "Across", "Elsewhere", "Meanwhile", "And"})
# Headings that say where what follows happens: "In Bangladesh", "Elsewhere in Asia".
_HEADING_LOCATIVE = frozenset({"In", "Across", "Elsewhere", "Throughout", "Inside", "Outside"})
# A capital after a word in lower case (or a comma) starts no sentence: a name.
_NAME_IN_PROSE = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*")


def section_heading(text: str) -> bool:
    """Whether a paragraph reads as a section's heading (see above)."""
    text = text.strip()
    return (
        0 < len(text.split()) <= _HEADING_MAX_WORDS
        and text[-1] not in '.!?:;,"”’)'
        and ":" not in text  # "Aircraft Damage: Destroyed", a form's label and its value
        and not any(c.isdigit() for c in text)
    )


def locative_heading(text: str) -> bool:
    """A heading that says where ("In Bangladesh", "Elsewhere in Asia")."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0] in _HEADING_LOCATIVE


def heading_words(text: str) -> frozenset[str]:
    """A heading's capitalised words, lower-cased, without its small words."""
    return frozenset(w.lower() for w in _HEADING_WORD.findall(text) if w not in _HEADING_SKIP)


def prose_names(texts: Iterable[str]) -> frozenset[str]:
    """Words written with a capital inside a sentence of `texts` (headings left
    out), lower-cased: names, as a heading in title case cannot show."""
    return frozenset(
        w.lower() for t in texts if not section_heading(t) for w in _NAME_IN_PROSE.findall(t)
    )
