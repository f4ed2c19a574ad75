"""What happened to what a figure counts: killed, injured, evacuated, rescued.

A stage of reading a figure's claim (context.py assembles it, from the
tokens of tokens.py): the event class of the word that governs the figure
("killed 12", "15 people were injured", "told to leave"), and whether the
figure is told as the toll itself ("the death toll rose to 238").
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.tokens import (
    CONJUNCTIONS,
    NUMBER_WORDS,
    Token,
    breaks,
    possessive,
)
from reportdiff.engine.figures.words import (
    EVENT_CLASSES,
    LINKING_VERBS,
    is_content,
    split_words,
    term,
)
from reportdiff.engine.model import Figure

_EVENT_TOKENS = 12  # tokens looked at for an event word, function words included
_EVENT_MAX = 6  # an event word further than this (clause breaks count 4) is another's


# Verbs a toll nears or passes a number with: the figure reads them as its bound
# ("Death Toll Nears 1,300" as "nearly 1,300"; extract.py).
TOLL_BOUND_VERBS = (
    "nears|neared|nearing|passes|passed|tops|topped|exceeds|exceeded|surpasses|surpassed"
    "|crosses|crossed"
)
# "the death toll from a powerful earthquake that struck ... has climbed to at
# least 113": the sentence's subject is a toll, however far from its figure,
# and a verb of reaching or being ties it to the figure.
_TOLL = re.compile(
    r"\b(?:(?P<kind>death|injury|casualty)\s+)?tolls?\b(?P<between>(?:[^.;:!?]|\.(?=\d))*?)"
    r"\b(?:rose|risen|rises|rising|rise|climbed|climbs|climbing|climb|reached|reaches|reach"
    r"|jumped|increased"
    r"|stood|stands|was|is|has\s+been|hit|soared|grew|grown|exceed|surpass|"
    + TOLL_BOUND_VERBS
    + ")"
    r"(?:\s+(?:to|at|past|beyond|above))?"
    r"\s*(?:at\s+least|more\s+than|about|nearly|almost|over|some|around)?\s*$"
)
# The word a figure starts with before its number: a toll's verb it reads ("tops 18,000").
_LEAD_WORD = re.compile(r"[a-z]+\s+(?=\d)")
_TOLL_READ = 400  # characters of the sentence read for its subject
# The toll's own number, right after it ("the toll of 12", "the toll, 40,"); a
# number further on ("the toll from a 7.2 magnitude quake rose to") is another's.
_TOLL_OWN_NUMBER = re.compile(r"\s*(?:(?:of|at|was|is|stood\s+at|now)\s+|[:,]\s*)?\d")


def toll_of(folded: str, sentence_start: int, figure: Figure) -> str | None:
    """ "@death" when the figure is what a (death) toll rose to or stands at."""
    start = max(sentence_start, figure.start - _TOLL_READ)
    if folded.find("toll", start, figure.start) < 0:
        return None  # the usual case, at C speed
    # "the death toll ... tops 18,000": the figure reads its verb, as "more than 18,000".
    verb = _LEAD_WORD.match(folded, figure.start)
    match = _TOLL.search(folded, start, verb.end() if verb else figure.start)
    if match is None or _TOLL_OWN_NUMBER.match(match.group("between")):
        return None  # "the toll of 12 rose ...": the number after the toll is the toll's
    return "@injury" if match.group("kind") == "injury" else "@death"


# "raising the death toll to 301", "a toll of at least 40", "bring the death toll from
# the eruption to at least 36", "revised the death toll downward, from 88 to 85": the
# toll, told before its verb (and what it was revised from).
_TOLL_TO = re.compile(
    r"\b(?:(?P<kind>death|injury|casualty)\s+)?tolls?\s+"
    r"(?:(?:up|down)(?:wards?)?,?\s+)?"
    r"(?:from\s+(?:[\d,.]+\s+to\s+)?"
    r"|(?:(?:from|in)\s+(?:the\s+|a\s+|this\s+)?[a-z'’-]+(?:\s+[a-z'’-]+)?\s+)?(?:to|of|at)\s+)"
    r"(?:at\s+least|more\s+than|about|nearly|almost|over|some|around)?\s*$"
)


def toll_to(folded: str, figure: Figure) -> str | None:
    """ "@death" when the figure is what a toll is told to be before its verb."""
    match = _TOLL_TO.search(folded, max(0, figure.start - 70), figure.start)
    if match is None:
        return None
    return "@injury" if match.group("kind") == "injury" else "@death"


def event_of(folded: str, figure: Figure, left: list[Token], right: list[Token]) -> str | None:
    """The event class ("@death" for "killed") of a word that governs the figure.

    A label says "killed" only when the killing is told of what is counted:
    a verb right before the figure ("killed 12", "injuring at least 140"), an
    event noun tied to it by a linking verb ("the death toll rose to 12", "the
    bodies of 12 victims"), or a predicate after the counted noun ("15 people
    were killed", "12 dead"). A possessive ("the body's 12 members"), a word
    past another figure, a conjunction or a preposition ("walked out after the
    deaths of...") governs nothing.
    """
    if _pulled_alive(left, right):
        return "@rescue"  # "pulled four men alive from the mine"
    before = _event_before(folded, figure.start, left, right, shared_verb=False)
    if before is not None:
        return before
    # "killed five soldiers and seven civilians": a verb before the first count
    # governs the second, unless words after the second say otherwise
    # ("killed 12 people and 40 were injured").
    return _event_after(folded, figure.end, right) or _event_before(
        folded, figure.start, left, right, shared_verb=True
    )


def _event_before(
    folded: str, at: int, left: list[Token], right: list[Token], *, shared_verb: bool
) -> str | None:
    skip_to = -1
    for k, token in enumerate(left[:_EVENT_TOKENS]):
        if token.start >= skip_to >= 0:
            continue  # inside the count joined by "and"
        if skip_to >= 0:
            at, skip_to = token.end, -1  # the verb of both counts is read from here
        elif (
            shared_verb
            and token.word == "and"
            and (prior := _PRIOR_COUNT.search(folded, 0, token.start))
        ):
            # "killed five soldiers and seven civilians": one verb governs both counts
            skip_to = prior.start()
            continue
        if breaks(folded[token.end : at]) or token.word in CONJUNCTIONS:
            return None
        cls = _order_to_leave(left, k) or _walked_out(left, k) or term(token.word)
        if token.word in _LEFT_HOME and _from_homes(right):
            cls = "@displaced"  # "driven about 9,000 people from their homes"
        if cls in EVENT_CLASSES:
            return None if possessive(token.word) else cls
        if token.word not in _GOVERNED_GAP:
            return None
        at = token.start
    return None


_PRIOR_COUNT = re.compile(
    r"(?<![\w,.])(?:\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|dozens?|hundreds?|thousands?))\s+[a-z'’-]+\s+$"
)


def _event_after(folded: str, at: int, right: list[Token]) -> str | None:
    distance = 0  # in content words; a comma (an aside) counts as four
    right = _without_aside(folded, at, right[:_EVENT_TOKENS])
    for k, token in enumerate(right):
        gap = folded[at : token.start]
        if token.word == "with":
            # "23 soldiers with serious injuries"; not "1,500 soldiers sent to help with
            # evacuations", where "with" belongs to another verb
            return _with_event(right[k + 1 : k + 3]) if k <= 1 else None
        if breaks(gap.replace(",", "")) or (token.word in _STOP_AFTER and not _listed_as(right, k)):
            return None
        distance += 4 * ("," in gap)
        if distance > _EVENT_MAX:
            return None
        cls = _order_to_leave(right, k) or _walked_out(right, k) or term(token.word)
        # An event noun past the counted noun is an object ("mourned the
        # death of..."); next to the figure it is what is counted ("12 deaths").
        noun_ok = (
            token.word not in _EVENT_NOUNS or k == 0 or _lost_lives(right, k) or _to_death(right, k)
        )
        if cls in EVENT_CLASSES and not possessive(token.word) and noun_ok:
            return cls
        distance += is_content(token.word)
        at = token.end
    return None


_ASIDE_TOKENS = 6  # words an aside set off by commas may hold


def _without_aside(folded: str, at: int, right: list[Token]) -> list[Token]:
    """The words after a counted noun without an aside set off by commas right after
    it: "79 people, nearly all of them women, were trampled to death"."""
    if len(right) < 3 or "," not in folded[right[0].end : right[1].start]:
        return right
    for m in range(2, min(len(right), _ASIDE_TOKENS + 2)):
        gap = folded[right[m - 1].end : right[m].start]
        if any(c.isdigit() or c in ";:()." for c in gap):
            return right
        if "," in gap:
            return [right[0], *right[m:]]
    return right


_LISTED = frozenset(split_words("listed reported registered classified counted confirmed declared"))


def _listed_as(side: list[Token], k: int) -> bool:
    """ "five people were listed as missing": "as" joins the count to its state."""
    return side[k].word == "as" and k > 0 and side[k - 1].word in _LISTED


def _with_event(tokens: list[Token]) -> str | None:
    """The event of an event noun right after "with" ("with injuries", "with serious burns")."""
    for token in tokens:
        cls = term(token.word)
        if cls in EVENT_CLASSES and token.word in _EVENT_NOUNS:
            return cls
    return None


def _to_death(side: list[Token], k: int) -> bool:
    """ "79 people were trampled to death", "crushed to death": an idiom of dying."""
    return side[k].word == "death" and k > 0 and side[k - 1].word == "to"


def _lost_lives(side: list[Token], k: int) -> bool:
    """ "12 people lost their lives": an idiom of dying."""
    return side[k].word in ("lives", "life") and k > 0 and side[k - 1].word == "their"


# Event words that are nouns: they govern a figure from the left through a
# linking verb ("the toll rose to 12"), on the right only as what is counted.
_EVENT_NOUNS = frozenset(
    split_words(
        """death deaths toll tolls fatality fatalities life lives body bodies injury injuries
        evacuation evacuations evacuees displacement rescue rescues rescuers arrest arrests
        detention custody"""
    )
)
# Words that may stand between a governing word on the left and the figure.
_GOVERNED_GAP = (
    LINKING_VERBS
    | NUMBER_WORDS
    | frozenset(
        split_words(
            """the a an of than least more most about around some nearly almost over all only just
            another other further additional have has had been were was be being"""
        )
    )
)
# Words after the figure past which nothing governs it ("after the deaths of").
_STOP_AFTER = frozenset(
    split_words(
        """and but while whereas plus as for after before since during with without from
        than among against despite following amid"""
    )
    + tuple(NUMBER_WORDS)
)


_ORDER_VERBS = frozenset(split_words("ordered told urged asked forced advised instructed"))
_LEAVE = frozenset(split_words("leave leaving quit"))


_LEFT_HOME = frozenset(
    split_words("left leave leaving fled flee fleeing abandoned forced driven drove chased")
)
_HOMES = frozenset(split_words("home homes house houses"))


_EXTRACTING = frozenset(
    split_words(
        """pulled pull pulls pulling brought bring dragged plucked lifted hauled freed
        winched airlifted carried"""
    )
)


def _pulled_alive(left: list[Token], right: list[Token]) -> bool:
    """ "Rescuers pulled four men alive", "have brought three miners out alive"."""
    after = [t.word for t in right[:3]]
    return "alive" in after and any(t.word in _EXTRACTING for t in left[:3])


_WALK = frozenset(split_words("walk walks walked walking"))


def _walked_out(side: list[Token], k: int) -> str | None:
    """ "walked out", "walked off the job": a strike."""
    return "@strike" if side[k].word in _WALK and _word_after(side, k) in ("out", "off") else None


def _word_after(side: list[Token], k: int) -> str | None:
    """The word after side[k] in reading order (`side` runs either way from the figure)."""
    later = [t for t in side if t.start > side[k].start]
    return min(later, key=lambda t: t.start).word if later else None


def _from_homes(right: list[Token]) -> bool:
    """ "... 9,000 people from their homes": the counted noun, then where they left."""
    words = [t.word for t in right[1:4]]
    return (
        len(words) == 3
        and words[0] == "from"
        and words[1] in ("their", "his", "her")
        and words[2] in _HOMES
    )


def _order_to_leave(side: list[Token], k: int) -> str | None:
    """ "told to leave", "ordered to leave": an evacuation, in either reading
    direction; "left their homes", "forced from their homes" after the count."""
    word = side[k].word
    if word in _LEFT_HOME:
        rest = [t.word for t in side[k + 1 : k + 4]]
        if rest[:1] == ["from"]:
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in ("their", "his", "her") and rest[1] in _HOMES:
            return "@displaced"
    if word not in _LEAVE:
        return None
    for step in (1, -1):
        to, verb = k + step, k + 2 * step
        if 0 <= verb < len(side) and side[to].word == "to" and side[verb].word in _ORDER_VERBS:
            return "@displaced"
    return None
