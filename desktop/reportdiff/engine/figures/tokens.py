"""The words of a figure's sentence, and the small readings its claim is built from.

The first step of reading what a figure claims (context.py assembles the
claim): the sentence as tokens with their offsets, and the word lists and
tests that the readings of its noun (nouns.py), its owner (owners.py), its
event (events.py) and its places (places.py) share: number words,
determiners, conjunctions, verbs of saying, where a clause breaks, the run
of words right after a figure.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from reportdiff.engine.figures.words import STOPWORDS, WORD_RE, is_content, split_words, term

# Words that name what is counted although they do not end in "s".
_NOUNY = frozenset(
    split_words(
        """people dead injured wounded children men women staff personnel police troops missing
        homeless cattle aircraft crew livestock"""
    )
)

NUMBER_WORDS = frozenset(
    split_words("""one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million billion trillion half dozen
    quarter percent cent bn""")
)

DETERMINERS = frozenset(split_words("the a an his her its their our your my this that"))

# "late on Friday", "Sunday night": words that say when, not what happened.
TIME_WORDS = frozenset(
    split_words(
        "early late mid night morning evening afternoon midnight local time day week dawn dusk "
        "noon midday daybreak"
    )
)

CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "plus", "as"})

SPEECH = frozenset(
    split_words("said says told tells announced announces added wrote writes stated reported")
)

CLAUSE_WORDS = frozenset(split_words("that which who whom whose where when"))


class Token(NamedTuple):
    """A word of a paragraph; `capital` when written with a capital letter."""

    word: str
    start: int
    end: int
    capital: bool


def sentence_tokens(text: str, folded: str, start: int, end: int) -> tuple[Token, ...]:
    """The words of one sentence with their offsets."""
    new = tuple.__new__  # Token(...) through its Python-level __new__ costs twice as much
    words = []
    for m in WORD_RE.finditer(folded, start, end):
        at, stop = m.span()
        words.append(new(Token, (m[0], at, stop, text[at].isupper())))
    return tuple(words)


def run_after(folded: str, end: int, right: list[Token]) -> list[Token]:
    """Up to three content words right after the figure, with nothing between."""
    run: list[Token] = []
    at = end
    for token in right[:3]:
        gap = folded[at : token.start]
        if gap.strip() or not is_content(token.word) or token.word in NUMBER_WORDS:
            break
        run.append(token)
        at = token.end
    return run


def counted(folded: str, side: list[Token], k: int) -> bool:
    """Whether a number stands right before `side[k]` ("300 Marines", "one thousand
    Marines"); `side` is the words of one side of a figure, in either order."""
    backwards = len(side) > 1 and side[0].start > side[1].start  # the left side, reversed
    j = k + 1 if backwards else k - 1
    if 0 <= j < len(side):
        before = side[j]
        if before.word in NUMBER_WORDS and before.end >= side[k].start - 2:
            return True
    gap = folded[max(0, side[k].start - 3) : side[k].start]
    return any(c.isdigit() for c in gap)


def breaks(gap: str) -> bool:
    """Whether text between two words ends a clause or holds another figure."""
    if not gap or gap.isspace():
        return False  # the usual gap, at C speed
    return any(c.isdigit() or c in ",;:()" for c in gap)


def plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("prisoners"), or names people ("police")."""
    return word in _NOUNY or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)


def possessive(word: str) -> bool:
    """Whether a word is written as a possessive ("Monday's", "the workers'")."""
    return word.endswith(("'s", "’s", "s'", "s’"))


def strip_possessive(word: str) -> str:
    """ "Abdullah's" → "Abdullah"."""
    return word.removesuffix("'s").removesuffix("’s")


@lru_cache(maxsize=8192)
def context_term(word: str) -> str | None:
    """The term a word adds to a figure's context; None for function and number words."""
    if word in STOPWORDS or len(word) < 3 or word in NUMBER_WORDS:
        return None
    return term(word)
