"""Whose figure it is: the thing a day is of, the person an age is of, who won, who speaks.

A stage of reading a figure's claim (context.py assembles it, from the
tokens of tokens.py): "Monday's vote" (the day of the vote), "a 10-year-old
girl" or "Rosa Quispe, 58" (whose age), "the ruling party won 35%" (whose
share), "forecasters said" (who tells of it, which tells no event apart).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from reportdiff.engine.figures.tokens import (
    CLAUSE_WORDS,
    DETERMINERS,
    SPEECH,
    TIME_WORDS,
    Token,
    breaks,
    context_term,
    possessive,
    run_after,
    strip_possessive,
)
from reportdiff.engine.figures.units import MONTHS, WEEKDAYS
from reportdiff.engine.figures.words import LINKING_VERBS, is_content, noun_like, split_words
from reportdiff.engine.model import Figure

_ADJECTIVE_ENDINGS = ("al", "ic", "ary", "ern", "ous", "ive", "ful", "less", "ian", "ese")


def owner_of(folded: str, figure: Figure, left: list[Token], right: list[Token]) -> str | None:
    """ "Monday's vote" → "vote": a day named as the day of a thing."""
    if figure.dimension != "date" or not right:
        return None
    gap = folded[figure.end : right[0].start]
    attributive = bool(left) and left[0].word in DETERMINERS  # "his 2024 campaign"
    if figure.unit == "year" and not gap.strip() and attributive:
        # "the 2024 presidential election campaign": the noun phrase the year
        # opens, up to its first verb or adverb ("his 2020 campaign failed").
        nouns = _noun_phrase(folded, figure.end, right)
        if nouns:
            return nouns[-1]
    # The possessive is read as part of the day's word, before the noun.
    if gap.strip() not in ("'s", "’s") or not is_content(right[0].word):
        return None
    # "Sunday's parliamentary election": the noun the adjectives lead to.
    nouns = _noun_phrase(folded, right[0].start, right)
    if len(nouns) > 1 and nouns[0].endswith(_ADJECTIVE_ENDINGS):
        return nouns[-1]
    return right[0].word


def _noun_phrase(folded: str, start: int, right: list[Token]) -> list[str]:
    """The words of the noun phrase at `start`, up to its first verb, adverb or name."""
    nouns: list[str] = []
    for token in run_after(folded, start, right):
        word = token.word
        if token.capital or word in TIME_WORDS or possessive(word) or not noun_like(word):
            break
        nouns.append(word)
    return nouns


_PRONOUNS = frozenset(split_words("he she him her his"))
_PERSON_RE = re.compile(
    r"\b(man|woman|boy|girl|child|baby|driver|passenger|pilot|victim|suspect|mother|father"
    r"|son|daughter|wife|husband|teacher|resident|student|worker|farmer|nurse|doctor|officer"
    r"|soldier|survivor|engineer)\b"
)


def is_person_word(word: str | None) -> bool:
    """Whether `word` names a kind of person ("girl", "driver", "nurse")."""
    return word is not None and _PERSON_RE.fullmatch(word) is not None


def age_owner(
    folded: str, figure: Figure, left: list[Token], run: list[Token]
) -> tuple[str | None, str]:
    """Whose age it is: "a 10-year-old girl", "Rosa Quispe, 58", "she was 10" → the girl.

    A name keeps its capital in the label; a pronoun stands for the last
    person named before it in the paragraph.
    """
    if run and figure.text.endswith("old") and "-" in figure.text:
        # "a 10-year-old girl (alive)", "a 57-year-old street sweeper": a
        # person's word, else the last of two nouns before any verb.
        nouns = list(itertools.takewhile(lambda t: not _verb_like(t.word), run[:2])) or run[:1]
        owner = next((t for t in nouns if _PERSON_RE.fullmatch(t.word)), nouns[-1])
        return owner.word, owner.word
    near = next((t for t in left[:4] if t.word not in LINKING_VERBS), None)
    if near is not None and near.word in _PRONOUNS:
        people = _PERSON_RE.findall(folded, 0, near.start)
        return (people[-1], people[-1]) if people else (None, "")
    apposed = _APPOSED.search(folded, max(0, figure.start - 40), figure.start)
    if apposed is not None:  # "Ángel Núñez, 52": the word before the comma
        word = apposed.group(1)
        # Set off by commas, the word is a person ("the driver, 54,") or else a name.
        return word, word if _PERSON_RE.fullmatch(word) else word.title()
    head = next((t for t in left[:8] if is_content(t.word) and t.word not in LINKING_VERBS), None)
    if head is None:
        return None, ""
    return head.word, head.word


_APPOSED = re.compile(r"(\w[\w'’-]*)\s*[,(]\s*$")


def _verb_like(word: str) -> bool:
    """A word that reads as a verb after a noun: "died", "drowning", "fell"."""
    return not noun_like(word) or word.endswith("ing")


_WINNING = frozenset(
    split_words(
        "won wins win took takes take got gets received receives secured secures gained"
        " obtained obtains garnered garners polled polls captured captures"
    )
)
_RELATIVE = frozenset({"who", "which", "that"})
# ... and for a share alone: "Weah finished with 40.6 percent" (not "the search ended
# with 282 bodies recovered").
_FINISHING = frozenset(split_words("finished finishes ended ends"))
# "Mr. Karzai has 40.6 percent", "Abdullah has nearly 203,000 votes": for a share
# or a count of votes, having is winning.
_HAVING = frozenset(split_words("has had have holds held"))
_VOTES = ("vote", "ballot", "seat")
_GIVING = frozenset(split_words("give gives gave giving"))


def _among_votes(left: list[Token], right: list[Token]) -> bool:
    """Whether the figure's sentence speaks of votes, ballots or an election."""
    return any(t.word.startswith(_VOTE_WORDS) for t in (*left[:_VOTE_REACH], *right[:_VOTE_REACH]))


_VOTE_WORDS = ("vote", "ballot", "elect", "poll")
_VOTE_REACH = 16


def _given_or_owned(folded: str, left: list[Token], right: list[Token], k: int) -> frozenset[str]:
    """A share's owner right before it: a name's possessive ("Abdullah's 33.1%"),
    or the name a result gives it to ("give Karzai 42.3%", "gave the victor,
    Ellen Johnson-Sirleaf 59.4 percent")."""
    near = left[k]
    if k == 0 and near.capital and possessive(near.word):
        name = strip_possessive(near.word)
        if name in WEEKDAYS or name in MONTHS or not _among_votes(left, right):
            return frozenset()  # "Sunday's 45 percent turnout", "Afghanistan's literacy rate"
        key = context_term(name)
        return frozenset([key]) if key else frozenset()
    names: list[str] = []
    previous: Token | None = None
    apposed = False  # a comma after the name: "the victor, Ellen Johnson-Sirleaf"
    for token in left[k : k + _GIVEN_REACH]:
        gap = folded[token.end : previous.start] if previous is not None else ""
        if gap.strip() == "," and names and not apposed:
            apposed = True
        elif breaks(gap):
            break
        if token.word in _GIVING:
            return frozenset(names)
        if not apposed and (not token.capital or possessive(token.word)):
            break
        key = context_term(token.word)
        if key is not None and not apposed:
            names.append(key)
        previous = token
    return frozenset()


_GIVEN_REACH = 7  # words from the figure back to "gave": a name and an apposition


_GAP_TO_FIGURE = frozenset(
    split_words("a an the about around some nearly almost over more than with")
)


def winner(
    folded: str,
    left: list[Token],
    right: list[Token],
    *,
    share: bool,
    sentence: Callable[[], list[Token]] = list,
) -> frozenset[str]:
    """The subject of a verb of winning right before the figure: "the ruling party won 35%";
    or, for a `share`, the owner it names after "for" ("nearly 44 percent for Mr. Weah")
    or who finished with it ("Weah finished with 40.6 percent"); failing those, for a
    share of votes, the subject of its sentence's verb of winning (`sentence()`: the
    words from the sentence's start to the figure, read only then)."""
    after = _share_for(folded, right) if share else frozenset()
    if after:
        return after
    k = 0
    while k < len(left) and left[k].word in _GAP_TO_FIGURE:
        k += 1
    votes = share or (bool(right) and right[0].word.startswith(_VOTES))
    if k < len(left) and votes and (given := _given_or_owned(folded, left, right, k)):
        return given
    if k >= len(left) or not (
        left[k].word in _WINNING
        or (share and left[k].word in _FINISHING)
        or (votes and left[k].word in _HAVING)
    ):
        if share and _among_votes(left, right):
            return _subject_of_winning(folded, sentence())
        return frozenset()
    having = left[k].word in _HAVING
    relative = _relative_antecedent(folded, left, k)
    if relative is not None:
        return relative  # "Ma Ying-jeou, who got 60 percent": who is named before "who"
    found: set[str] = set()
    for previous, token in zip(left[k:], left[k + 1 : k + 5], strict=False):
        gap = folded[token.end : previous.start]
        # "George Weah, finished with 40.6 percent": the comma closes an apposition
        appositive = previous is left[k] and gap.strip() == ","
        if (breaks(gap) and not appositive) or token.word in CLAUSE_WORDS:
            break
        if having and not token.capital:
            break  # "Abdullah has 38.7 percent", not "his closest challenger has"
        key = context_term(token.word)
        if key is not None:
            found.add(key)
    if not found and share and _among_votes(left, right):
        return _subject_of_winning(folded, sentence())  # "Preval, a former president, has won"
    return frozenset(found)


# "taking around 61 percent": a participle whose subject is its sentence's
_WINNING_PARTICIPLES = frozenset(
    split_words("winning taking securing receiving getting garnering capturing gaining obtaining")
)
_AUXILIARIES = frozenset(split_words("has have had will would"))
# Words that bring in another holder of a share: "with Mousavi on 33 percent".
_ANOTHER_HOLDER = frozenset(split_words("with while whereas and but"))
_SUBJECT_REACH = 12  # words from a verb back past an apposition to its subject


def _subject_of_winning(folded: str, words: list[Token]) -> frozenset[str]:
    """Who a share belongs to when no verb stands right before it, from the words of
    its sentence up to it (reading order): the subject of the sentence's verb of
    winning ("Preval, a former president, has won about 61 percent"; "Ahmadinejad
    ... has won the election with a landslide of 61.8%"; "Mr. Ahmadinejad won by a
    wide margin, taking around 61 percent"), or the name a relative clause stands
    for ("Rene Preval, who is in first place with a little over 49 percent"). No
    other figure may stand between that verb and the share, nor another holder ("...,
    with Mousavi on 33 percent"; "; Manigat came second with 12 percent")."""
    for k in range(len(words) - 1, -1, -1):
        word = words[k].word
        after = words[k + 1].start if k + 1 < len(words) else words[k].end
        if any(c.isdigit() or c == ";" for c in folded[words[k].end : after]):
            return frozenset()  # another figure or another clause between: the verb is theirs
        if (
            words[k].capital
            and k > 0
            and (words[k - 1].word in _ANOTHER_HOLDER or possessive(words[k].word))
        ):
            return frozenset()  # "with Mousavi on 33 percent", "Khan's party trailing on 17"
        comma_before = k > 0 and "," in folded[words[k - 1].end : words[k].start]
        if word in _RELATIVE and comma_before:
            return _names_before(folded, words, k - 1)
        if word in _WINNING_PARTICIPLES and comma_before:
            continue  # ", taking ...": the main clause's verb is further back
        if word in _WINNING:
            j = k - 1
            while j >= 0 and words[j].word in _AUXILIARIES:
                j -= 1
            if j >= 0 and "," in folded[words[j].end : words[j + 1].start] and not words[j].capital:
                # an apposition: "Preval, a former president, has won"
                stop = max(-1, j - _SUBJECT_REACH)
                while j > stop and "," not in folded[words[j - 1].end : words[j].start]:
                    j -= 1
                j -= 1
            return _names_before(folded, words, j)
    return frozenset()


def _names_before(folded: str, words: list[Token], j: int) -> frozenset[str]:
    """The run of capitalised words ending at `words[j]` ("Rene Preval")."""
    names: set[str] = set()
    while j >= 0 and words[j].capital and len(names) < 4:
        key = context_term(strip_possessive(words[j].word))
        if key is not None:
            names.add(key)
        if j == 0 or breaks(folded[words[j - 1].end : words[j].start]):
            break
        j -= 1
    return frozenset(names)


def _relative_antecedent(folded: str, left: list[Token], k: int) -> frozenset[str] | None:
    """The name a relative clause's winner stands for: "KMT's Ma Ying-jeou, who got 60
    percent", "Frank Hsieh, who only got 42 percent", "the KMT, which won 58 percent";
    None when the verb `left[k]` is no relative clause's (nothing but a few
    lower-case words such as "only", "has" between it and "who")."""
    j = k + 1
    while j < min(len(left), k + 3) and left[j].word not in _RELATIVE and not left[j].capital:
        j += 1
    if j + 1 >= len(left) or left[j].word not in _RELATIVE:
        return None
    if folded[left[j + 1].end : left[j].start].strip() != ",":
        return None
    # the name's run of capitals before the comma ("... beat Frank Hsieh, who")
    run = left[j + 1 : j + 5][::-1]  # in reading order
    return _names_before(folded, run, len(run) - 1)


def _share_for(folded: str, right: list[Token]) -> frozenset[str]:
    """ "44 percent for Mr. Weah", "30 percent for the Socialists": the names after "for";
    not a period ("for February", "for 2019", "for the first quarter")."""
    if not right or right[0].word != "for":
        return frozenset()
    found: set[str] = set()
    names = False
    for previous, token in itertools.pairwise(right[:5]):
        if breaks(folded[previous.end : token.start]) or token.word in CLAUSE_WORDS:
            break
        if token.word in MONTHS or token.word in WEEKDAYS:
            return frozenset()
        key = context_term(token.word)
        if key is not None:
            found.add(key)
            names = names or token.capital
    return frozenset(found) if names else frozenset()


_SPEAKER_WORDS = 3  # content words of a speaker's noun phrase


def speakers(folded: str, left: list[Token], right: list[Token]) -> frozenset[str]:
    """The terms of who is said to speak: "forecasters said", "said the regional police".

    The subject before a verb of saying, within its clause; after the verb
    when it follows a comma or a quote ("..., forecasters said" / "..., said X").
    """
    tokens = [*left[::-1], *right]
    found: set[str] = set()
    for k, token in enumerate(tokens):
        if token.word not in SPEECH:
            continue
        for step in (-1, 1):
            taken, at = 0, k
            while taken < _SPEAKER_WORDS and 0 <= at + step < len(tokens):
                nxt = tokens[at + step]
                low, high = (nxt, tokens[at]) if step < 0 else (tokens[at], nxt)
                if breaks(folded[low.end : high.start]) or nxt.word in SPEECH:
                    break
                key = context_term(nxt.word)
                if key is not None:
                    found.add(key)
                    taken += 1
                at += step
            if step < 0 and taken and not _inverted(folded, tokens, k):
                break  # "police said that ...": what follows is what was said
    return frozenset(found)


def _inverted(folded: str, tokens: list[Token], k: int) -> bool:
    """ "..., said the police": a verb of saying after a comma or a quote, its subject after it."""
    start = tokens[k - 1].end if k else max(0, tokens[k].start - 3)
    return any(c in ',"”’' for c in folded[start : tokens[k].start])
