"""The places a figure's clause names: "Georgia reported 11 deaths", "in Nepal and India".

A stage of reading a figure's claim (context.py assembles it, from the
tokens of tokens.py): the capitalised names in the figure's clause, whether
they are a list (a total over them), and the words a speaker's place
("The U.S. Embassy in Manila says") or a title-case headline leave out.
Pairing (checks.py) compares the places of two figures.
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.tokens import (
    CONJUNCTIONS,
    SPEECH,
    Token,
    counted,
    plural,
    strip_possessive,
)
from reportdiff.engine.figures.units import MONTHS, WEEKDAYS
from reportdiff.engine.figures.words import is_content, split_words, term


def clause_names(folded: str, side: list[Token]) -> tuple[frozenset[str], bool]:
    """Names in the figure's clause ("Georgia reported 11 deaths, while...").

    A conjunction ends the clause, except inside a list of names ("rains in
    Nepal, Bangladesh and India have killed 160"): those are all its places,
    and the second value says they were such a list.
    """
    if not any(t.capital for t in side):
        return frozenset(), False  # no name at all (and so no list of names): most clauses
    names: set[str] = set()
    listed = False
    speakers = _organisation_tokens(folded, side)
    semicolons = side and ";" in folded[min(side[0].start, side[-1].start) - 3 : side[-1].end]
    for k, token in enumerate(side):
        if names and token.word in _SUBORDINATORS and _comma_before(folded, side, k):
            break  # "killed 14 in Bangladesh, after bearing down on ... Chittagong"
        if token.word in CONJUNCTIONS:
            if _in_name_list(side, k):
                listed = True
            elif not _joins_words(folded, side, k):
                break
        if semicolons and _semicolon_before(folded, token):
            break
        if not token.capital or token.start in speakers:
            continue  # "Associated Press put the injured at 400": a speaker, not a place
        word = strip_possessive(token.word)
        if not is_content(word) or word in _CALENDAR:
            continue  # "Saturday's earthquake": a day, no place
        if storm_title(word):
            continue  # "Tropical Storm Nanmadol", "Typhoon Morakot": an event's title
        if folded[token.end : token.end + 1].isdigit():
            continue  # "DLA2417", "MH17": a code, not a place
        if folded[token.end : token.end + 1] == ":" and _sentence_initial(folded, token):
            continue  # "Updated: 9219 deaths were reported": a label, not a place
        # A capital at a sentence's start proves nothing for "Officials said";
        # a counted plural is a group, not a place ("one thousand Marines").
        if plural(word) and (_sentence_initial(folded, token) or counted(folded, side, k)):
            continue
        names.add(word)
    return frozenset(names), listed


# Words that make a capitalised run an organisation's name: "Associated Press put the
# injured at 400", "the United States Geological Survey said" name a speaker, not a place.
_ORGANISATION_HEADS = frozenset(
    split_words(
        """press agency agencies news survey service ministry department office council committee
    commission institute institution center centre bureau corporation company association
    organization organisation network broadcasting radio television university foundation
    authority party"""
    )
)


_IN_A_NAME = (" ", " of ", " (")
_AT_BEFORE = re.compile(r"\b(?:at|in)\s+$")


def _organisation_tokens(folded: str, side: list[Token]) -> set[int]:
    """Where the words of capitalised runs that hold an organisation's head noun start
    ("Associated Press", "the Florida Department of Health": not "in Florida")."""
    capitals = [t for t in side if t.capital]
    if _ORGANISATION_HEADS.isdisjoint(t.word for t in capitals):
        return set()  # no organisation's head noun: most clauses
    if capitals[0].start > capitals[-1].start:
        capitals.reverse()  # the words left of a figure come nearest first
    starts: set[int] = set()
    run: list[Token] = []
    for token in [*capitals, None]:
        if token is not None and run and folded[run[-1].end : token.start] in _IN_A_NAME:
            run.append(token)  # "Department of Health", "People's Democratic Party (PDP"
            continue
        # "Department of Health": the name goes on past "of"; "at Nairobi University"
        # is where, not who.
        if any(t.word in _ORGANISATION_HEADS for t in run) and not _AT_BEFORE.search(
            folded, max(0, run[0].start - 4), run[0].start
        ):
            starts.update(t.start for t in run)
        run = [token] if token is not None else []
    return starts


def _in_name_list(side: list[Token], k: int) -> bool:
    """Whether the conjunction `side[k]` joins two names ("Nepal and India")."""
    return (
        side[k].word in _LIST_JOINERS
        and 0 < k < len(side) - 1
        and side[k - 1].capital
        and side[k + 1].capital
    )


_LIST_JOINERS = frozenset({"and", "plus"})


def _joins_words(folded: str, side: list[Token], k: int) -> bool:
    """Whether "and" joins two common words ("flash flooding and mudslides across
    India"), not two clauses ("11 deaths, and Florida 8" / "11 deaths and Florida 8")."""
    token = side[k]
    if token.word not in _LIST_JOINERS or not 0 < k < len(side) - 1:
        return False
    before, after = sorted((side[k - 1], side[k + 1]), key=lambda t: t.start)
    return not before.capital and not after.capital and "," not in folded[before.end : token.start]


def title_case(tokens: tuple[Token, ...]) -> bool:
    """Whether a sentence is written in title case ("More Than 200 People Dead
    Across South Asia"): its capitals then name nothing."""
    words = [t for t in tokens if len(t.word) > 3]
    return len(words) >= 4 and sum(t.capital for t in words) >= 0.7 * len(words)


def before_saying(folded: str, left: list[Token], figure_start: int) -> list[Token]:
    """The words left of a figure up to a verb of saying: "The U.S. Embassy in Manila
    says 17 helicopters...": Manila is where the speaker is, not the helicopters.
    So for a source named first: "According to the RAI (Italian public broadcasting
    service), at least 1,500 people have been injured" keeps what follows its comma."""
    for k, token in enumerate(left):
        if token.word in SPEECH:
            return left[:k]
        if token.word == "according":
            comma = folded.rfind(",", token.end, figure_start)
            return [t for t in left[:k] if t.start > comma] if comma >= 0 else []
    return left


def before_source(right: list[Token]) -> list[Token]:
    """The words right of a figure up to the source it is told on: "1,500 injured,
    according to officials in Rome" keeps Rome, the speakers' place, out."""
    for k, token in enumerate(right):
        if token.word == "according":
            return right[:k]
    return right


def storm_title(word: str) -> bool:
    """ "Tropical", "Cyclone" (of "Tropical Cyclone Mahasen"): an event's title, no place."""
    return word in _STORM_TITLE or term(word) == "@storm"


# Words that open another clause after a comma: its places are not the figure's.
_SUBORDINATORS = frozenset(
    split_words("after before while when since because although though following until")
)


def _comma_before(folded: str, side: list[Token], k: int) -> bool:
    """Whether a comma stands right before `side[k]`, read after the figure."""
    return (
        k > 0
        and side[k].start > side[k - 1].start
        and "," in folded[side[k - 1].end : side[k].start]
    )


def _semicolon_before(folded: str, token: Token) -> bool:
    return ";" in folded[max(0, token.start - 3) : token.start]


def _sentence_initial(folded: str, token: Token) -> bool:
    i = token.start - 1
    while i >= 0 and folded[i].isspace():
        i -= 1
    return i < 0 or folded[i] in '.!?"“”'


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_STORM_TITLE = frozenset({"tropical", "super"})
