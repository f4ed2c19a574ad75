"""What a figure counts or measures: its noun, and what it is of or part of.

A stage of reading a figure's claim (context.py assembles it, from the
tokens of tokens.py): for a count the noun counted ("175 prisoners") or the
head before it ("the death toll rose to 15"); for a duration the thing that
lasts ("a 30-day ceasefire", "spoke for 90 minutes"); for a share what it is
a share of ("20% of its territory"); for an age whose it is (owners.py).
Besides: the noun a figure is "of" ("a gap of 14 points"), the part a share
is of a whole ("a third of those killed were children"), and a count of what
a whole holds ("a train with six carriages").
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.owners import age_owner, is_person_word
from reportdiff.engine.figures.tokens import (
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    NUMBER_WORDS,
    SPEECH,
    TIME_WORDS,
    Token,
    breaks,
    context_term,
    counted,
    plural,
    possessive,
    run_after,
)
from reportdiff.engine.figures.words import (
    EVENT_CLASSES,
    LINKING_VERBS,
    PEOPLE_CLASSES,
    PEOPLE_ENDINGS,
    is_content,
    noun_like,
    split_words,
    term,
)
from reportdiff.engine.model import Figure

_TOLLS = frozenset({"toll", "tolls"})


def noun_of(
    figure: Figure, folded: str, left: list[Token], right: list[Token], *, toll: bool = False
) -> tuple[str | None, str]:
    """The noun a figure counts or measures, and the phrase that labels it
    ("175 prisoners", "a 30-day ceasefire", "20% of its territory").

    A `toll` counts the dead (or injured): the words before it tell whose toll
    it is ("the toll in a coal mine disaster in western Turkey rose to 238"),
    not what it counts, unless they are the toll or what it counts ("the toll
    among children rose to 40"). A count's aside right after it is read past:
    "9219 (8.00 am, 05.13) deaths" counts deaths."""
    dim = figure.dimension
    end = _past_aside(folded, figure.end) if dim == "count" else figure.end
    if end != figure.end:
        right = [t for t in right if t.start >= end]
    run = run_after(folded, end, right)
    if dim == "count":
        noun = next((t.word for t in run if plural(t.word)), run[-1].word if run else None)
        if noun == _OTHERS and (earlier := _earlier_count(folded, left)):
            # "killed 34 people and injured more than 500 others": others of the same kind
            return earlier, earlier
        if noun:
            return noun, " ".join(t.word for t in run[: run.index(_find(run, noun)) + 1])
        if _of_them(right) and (named := _named_before(left)):
            # "how many gunmen there were, but ... at least nine of them have been killed"
            return named, named
        whole = _of_phrase(folded, end, right)  # "79 of the 230 seats"
        if whole:
            return whole, whole
        head = _head(left, skip_names=True)  # "the Socialists 77": a name is not what is counted
        if toll and head is not None and head not in _TOLLS and not countable(head):
            return None, ""
        return head, head or ""
    elif dim == "percent":
        share = _of_phrase(folded, end, right)
        if share:
            return share, f"share of {share}"
    elif dim in ("date", "time"):
        # "talks would continue on Sunday": a verb is no head, its subject is;
        # "said on Tuesday that Kyiv would...": past "that" is another clause.
        head = _head(left, skip_names=True, folded=folded) or _head(
            right, skip_names=True, folded=folded, clause=True
        )
        return head, head or ""
    elif dim == "age":
        return age_owner(folded, figure, left, run)
    elif dim == "ordinal" and " " in figure.text.strip():
        noun = figure.text.split()[-1].lower()  # "second term": the ordinal holds its noun
        return noun, noun
    elif run:
        # "a two and a half hours phone call": two nouns at most, no verb ("ceasefire covering").
        words = [run[0].word] + [t.word for t in run[1:2] if not t.word.endswith(("ing", "ed"))]
        if dim == "magnitude":
            words = words[:1]
        last = run[len(words) - 1]
        rest = [t for t in right if t.start >= last.end]
        of = _of_phrase(folded, last.end, rest, shown=True) if len(words) == 1 else None
        phrase = " ".join(words) + (f" of {of}" if of else "")  # "state of emergency"
        return words[-1], phrase
    if dim != "magnitude" and (whole := _of_phrase(folded, end, right)):
        return whole, whole  # "15 inches of rain"
    # "the shaking lasted about 40 seconds", "was felt for close to a minute":
    # what lasts is the subject, past the verb of lasting.
    duration = dim == "duration"
    head = _head(left, skip_names=duration, skip=_LASTING if duration else frozenset())
    if duration and head and _object_of_preposition(left, head):
        # "halted attacks on energy infrastructure for 30 days": the
        # infrastructure does not last 30 days. No label beats a wrong one;
        # the noun still serves the pairing.
        return head, ""
    return head, head or ""


_OTHERS = "others"
_ASIDE_RE = re.compile(r"\s*\([^()]{1,40}\)")


def _past_aside(folded: str, end: int) -> int:
    """Where the words after a figure go on past an aside in brackets ("9219 (8.00 am,
    05.13) deaths"), or `end` when none follows it."""
    aside = _ASIDE_RE.match(folded, end)
    return aside.end() if aside else end


def names_people(word: str) -> bool:
    """Whether a plural names people: "people", "passengers", "hikers", "suspects"."""
    if not plural(word) or word == _OTHERS:
        return False
    return (
        term(word) in PEOPLE_CLASSES
        or word.endswith(PEOPLE_ENDINGS)
        or is_person_word(word.removesuffix("s"))
    )


def _of_them(right: list[Token]) -> bool:
    return len(right) > 1 and right[0].word == "of" and right[1].word in _THEM


_THEM = frozenset({"them", "those", "these"})


def _named_before(left: list[Token]) -> str | None:
    """The people "them" stands for: the nearest plural before it in the sentence
    that names people ("gunmen", "passengers")."""
    for token in left:  # nearest first
        word = token.word
        if token.capital:
            continue  # a name ("from Yemen"), not the people
        if names_people(word) or (word.endswith("men") and len(word) > _MEN_WORD):
            return word
    return None


_MEN_WORD = 4  # "gunmen", "firemen"; not "men" alone, which names_people reads


def _earlier_count(folded: str, left: list[Token]) -> str | None:
    """The people an earlier number of the sentence counts ("34 people" in "killed
    34 people and injured 500 others"); "others" are people, never "48 hours" or
    "300 homes" ("destroyed 300 homes and left 2,000 others homeless")."""
    for k, token in enumerate(left):  # nearest first
        if names_people(token.word) and counted(folded, left, k):
            return token.word
    return None


_PREPOSITIONS = frozenset(
    split_words(
        """on in at by of to from with against over across into onto near about under
        through throughout during among between toward towards"""
    )
)
# Words a noun phrase may hold before its head noun ("its allies", "the past").
_NOUN_PHRASE = DETERMINERS | frozenset(split_words("these those and or"))


def _object_of_preposition(left: list[Token], head: str) -> bool:
    """Whether `head`, the nearest noun before the figure, sits in a phrase
    that a preposition opens ("on energy infrastructure", "by its allies")."""
    at = next((k for k, t in enumerate(left) if t.word == head), None)
    if at is None:
        return False
    for token in left[at + 1 : at + 7]:  # "energy" in "energy infrastructure" goes on
        if token.word in _PREPOSITIONS:
            return True
        if not (token.word in _NOUN_PHRASE or token.capital or is_content(token.word)):
            return False
    return False


def _find(run: list[Token], word: str) -> Token:
    return next(t for t in run if t.word == word)


def countable(word: str) -> bool:
    """Whether a word can be what a count counts: a plural, or a word for people."""
    return plural(word)


def _of_phrase(folded: str, end: int, right: list[Token], *, shown: bool = False) -> str | None:
    """ "20% of its territory" → "territory"; `shown`: a place as it is written
    ("6 km south-east of Pine Hollow")."""
    if not right or right[0].word != "of" or folded[end : right[0].start].strip():
        return None
    clause = right[1:5]
    for k in range(1, len(clause)):
        if any(c in ",;:.()" for c in folded[clause[k - 1].end : clause[k].start]):
            clause = clause[:k]  # "south-east of Pine Hollow, the survey said": not "survey"
            break
    words = [
        t
        for t in clause
        if is_content(t.word) and t.word not in NUMBER_WORDS and not possessive(t.word)
    ]  # "three of the train's five cars" counts cars
    plain = [t for t in words if not t.capital]
    if shown and words and not plain:
        name = [words[0]]
        for token in right[right.index(words[0]) + 1 :]:
            if not token.capital or folded[name[-1].end : token.start].strip():
                break
            name.append(token)
        return " ".join(t.word.title() for t in name)
    return (plain or words)[0].word.rstrip("'’") if words else None


_LASTING = frozenset(
    split_words(
        """last lasted lasting lasts felt took take takes continued continue went go going
        ran run runs stretched persisted raged"""
    )
)


def _head(
    tokens: list[Token],
    *,
    skip_names: bool,
    skip: frozenset[str] = frozenset(),
    folded: str = "",
    clause: bool = False,
) -> str | None:
    """The nearest meaningful word on one side ("toll" in "the toll rose to 15").

    Given the paragraph's `folded` text (for a day or a time), a verb after a
    modal ("would continue", "to support") is passed over and a verb of saying
    ends the search; with `clause`, a relative or complement word ("that",
    "which") ends it too.
    """
    for token in tokens[:8]:
        if token.word in CONJUNCTIONS or (clause and token.word in CLAUSE_WORDS):
            return None  # the head of another clause says nothing of this figure
        word = token.word
        if folded and word in SPEECH:
            return None  # "said on Tuesday": the day of the saying, not of a thing
        if folded and _after_modal(folded, token.start):
            continue
        if word in LINKING_VERBS or word in TIME_WORDS or word in skip or not is_content(word):
            continue
        if token.word in NUMBER_WORDS or (skip_names and token.capital):
            continue
        return token.word
    return None


_MODALS = frozenset(split_words("would will can could should shall may might must to do does did"))
_PREVIOUS_WORD_RE = re.compile(r"([a-z]+)\s+$")


def _after_modal(folded: str, at: int) -> bool:
    """Whether the word before offset `at` is a modal or "to" ("would continue")."""
    previous = _PREVIOUS_WORD_RE.search(folded, max(0, at - 12), at)
    return previous is not None and previous.group(1) in _MODALS


_QUALIFIER_WORDS = frozenset(
    split_words("about around some nearly almost roughly over under just more less than up to")
)


_BE = frozenset(split_words("were are was is"))


def share_part(figure: Figure, right: list[Token]) -> str | None:
    """ "About a third of those killed were children", "Half of the 300 migrants on board
    were minors": the part the share is of the whole."""
    if figure.dimension != "percent" or not right or right[0].word != "of":
        return None
    for k, token in enumerate(right[1:7], start=1):
        if token.word in _BE:
            rest = [t for t in right[k + 1 : k + 3] if is_content(t.word)]
            return context_term(rest[0].word) if rest else None
    return None


def subset_of_another(figure: Figure, folded: str, left: list[Token], right: list[Token]) -> bool:
    """ "131 injured, of which 20 are in a serious condition": a count told as a part
    of the figure before it, with nothing of its own to count. "476 people, of whom
    282 are still missing" counts the missing, "among them 20 children" children:
    those are read as what they say."""
    if figure.dimension != "count" or len(left) < 2:
        return False
    if (left[1].word, left[0].word) not in _SUBSET_OPENERS:
        return False
    if run_after(folded, figure.end, right):
        return False  # its own noun: "among them 20 children"
    at = figure.end
    for token in right[:_SUBSET_REACH]:
        if breaks(folded[at : token.start]) or token.word in CONJUNCTIONS:
            break
        if term(token.word) in EVENT_CLASSES:
            return False  # its own event: "of whom 282 are still missing"
        at = token.end
    return True


_SUBSET_REACH = 6  # words after the count in which its own event may stand
# The words right before a count that make it a part of the figure before it.
_SUBSET_OPENERS = frozenset({("of", "which"), ("of", "whom"), ("among", "them"), ("among", "whom")})


def head_of(figure: Figure, left: list[Token]) -> str | None:
    """ "a margin of eight points", "a fine of about €1m": the noun the figure measures."""
    tokens = [t for t in left[:5] if t.word not in _QUALIFIER_WORDS]
    if len(tokens) < 2 or tokens[0].word != "of" or not noun_like(tokens[1].word):
        return None
    return context_term(tokens[1].word)


_PLACES_OF = frozenset(
    split_words("town city village country nation community region island district province")
)


def of_whole(figure: Figure, left: list[Token]) -> bool:
    """ "a train with six carriages", "a ferry with 300 passengers": what a thing holds;
    "a farming town of about 3,000 people": how many live there."""
    if (
        figure.dimension == "count"
        and len(left) > 1
        and left[0].word == "of"
        and left[1].word in _PLACES_OF
    ):
        return True
    return (
        figure.dimension == "count"
        and len(left) > 2
        and left[0].word == "with"
        and left[0].end + 2 >= figure.start
        and noun_like(left[1].word)
        and is_content(left[1].word)
        and left[1].word not in NUMBER_WORDS
        and any(t.word in DETERMINERS for t in left[2:4])  # "a (regional) train with"
    )
