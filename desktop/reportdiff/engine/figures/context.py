"""What a figure claims: what it measures, read from the words around it.

The claim stage of the figures pipeline (find → claim → group → pair →
judge → label): extract.py finds a figure, and `context_of` assembles its
`Context` from readings of its sentence's tokens (tokens.py): what it counts
or measures (nouns.py), whose it is (owners.py), what happened to what it
counts (events.py) and the places its clause names (places.py). The
sentence's other words, weighted here by their nearness, make the rest of
the figure's context. Pairing (evidence.py, pair.py) reads the `Context`;
of these modules it asks only whether a word is countable (nouns.py) or
names a person (owners.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from reportdiff.engine.figures.events import event_of, toll_of, toll_to
from reportdiff.engine.figures.nouns import (
    head_of,
    names_people,
    noun_of,
    of_whole,
    share_part,
    subset_of_another,
)
from reportdiff.engine.figures.owners import owner_of, speakers, winner
from reportdiff.engine.figures.places import (
    before_saying,
    before_source,
    clause_names,
    title_case,
)
from reportdiff.engine.figures.tokens import Token, context_term, strip_possessive
from reportdiff.engine.figures.words import EVENT_CLASSES, split_words, term
from reportdiff.engine.model import Figure

_NEAR = 4  # content words this close to the figure weigh most
_NEAR_WORDS = 3  # content words on each side that must meet for a "differs"
_FAR_WEIGHT = 0.3  # the rest of the sentence may speak of other figures


@dataclass(frozen=True, slots=True)
class Context:
    """The words that say what a figure measures.

    `noun` names it ("prisoners", "ceasefire", "territory"); `event` is the
    event class next to it ("@death", "@injury"); `terms` are the sentence's
    content terms with a weight for their nearness.
    """

    noun: str | None
    noun_term: str | None
    event: str | None
    terms: tuple[tuple[str, float], ...]
    phrase: str
    near: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # The places are a list ("in Nepal, Bangladesh and India"): a total over them.
    place_list: bool = False
    # The figure is told as the toll itself ("the death toll rose to 238", "raising
    # the toll to 301"), not as one count of the dead among others.
    toll: bool = False
    # The noun is bound to the figure ("Monday's vote"): it names what the figure is of.
    bound: bool = False
    # Who the sentence says is speaking ("forecasters said"): they tell no event apart.
    speakers: frozenset[str] = frozenset()
    # Who won or took the figure ("the ruling party won 35%"): the share's owner.
    winner: frozenset[str] = frozenset()
    # A count of what a whole is made of ("a train with six carriages").
    of_whole: bool = False
    # The period its clause names relative to the report's day ("next year", "this
    # week"): two figures of two periods are two facts.
    period: str | None = None
    # The noun the figure is "of" ("a gender gap of 14 points" → "gap").
    head_of: str | None = None
    # What a share's part is ("a third of those killed were children" → "child").
    part: str | None = None
    # A count told as a part of the figure before it ("131 injured, of which 20 are
    # in a serious condition"): no rival of a whole.
    subset: bool = False
    # When its sentence says the figure holds: "now" ("Currently, ... top sustained
    # winds at 85 mph") or "then", a moment before ("at the time of impact").
    moment: str | None = None
    # What a verb of expecting says the figure will be ("the toll is expected to reach
    # 500", "will likely exceed 500"): a forecast, no rival of a count made.
    forecast: bool = False
    # A bar to reach, not a result: "the 50% mark needed to win", "needs more than 50
    # percent", "neither man won more than 50 percent".
    threshold: bool = False
    # How far a count has come, not a result: "after three quarters of the ballots
    # have been counted", "based on 17% of polling stations".
    progress: bool = False
    # The place a distance is told from: "50 kilometers northwest of Padang", "60 km (35
    # miles) WNW of Padang" (None when the clause names none).
    origin: str | None = None


_START, _END = attrgetter("start"), attrgetter("end")


def context_of(
    tokens: tuple[Token, ...],
    folded: str,
    figure: Figure,
    sentence_start: int = 0,
    wide: tuple[Token, ...] | None = None,
    sentence_words: Callable[[], list[Token]] = list,
) -> Context:
    """The context of one figure from the words of its sentence (which starts at
    `sentence_start`; `tokens` are the words within reach of the figure, `wide`
    the words further on in which its clause may still name its places, and
    `sentence_words()` the words from the sentence's start to the figure, read only
    when a share's winner is looked for further back)."""
    # Tokens are in reading order: the figure cuts them at two places.
    left = list(tokens[: bisect_right(tokens, figure.start, key=_END)][::-1])
    right = list(tokens[bisect_left(tokens, figure.end, key=_START) :])
    far_right = (
        right
        if wide is None or wide is tokens
        else list(wide[bisect_left(wide, figure.end, key=_START) :])
    )
    owner = owner_of(folded, figure, left, right)
    toll = toll_of(folded, sentence_start, figure) or toll_to(folded, figure)
    noun, phrase = (
        (owner, owner) if owner else noun_of(figure, folded, left, right, toll=toll is not None)
    )
    places: frozenset[str] = frozenset()
    listed_left = listed_right = False
    if not title_case(tokens):
        (before, listed_left), (after, listed_right) = (
            clause_names(folded, before_saying(folded, left, figure.start)),
            clause_names(folded, before_source(far_right)),
        )
        places = before | after
    won_by = winner(
        folded, left, right, share=figure.dimension == "percent", sentence=sentence_words
    )
    if won_by and places:
        # who took the share is no place ("Atta Mills obtained 50.23 percent")
        places = frozenset(p for p in places if context_term(p) not in won_by)
    # "opened fire": a shooting, no fire ("Friday" is no "day of the fire")
    shooting = _FIRE if _OPENED_FIRE.search(folded, sentence_start, figure.end + 200) else _NONE
    return Context(
        noun=noun,
        noun_term=term(noun) if noun else None,
        event=toll
        or _event_noun(folded, figure, right, noun)
        or event_of(folded, figure, left, right),
        toll=toll is not None,
        terms=_terms(left, right, shooting),
        phrase=phrase,
        near=_near(folded, figure, left, right) - shooting,
        speakers=speakers(folded, left, right),
        winner=won_by,
        of_whole=of_whole(figure, left),
        period=_period(folded, figure, sentence_start),
        moment=_moment(folded, figure, sentence_start),
        forecast=_FORECAST.search(folded, max(sentence_start, figure.start - 50), figure.start)
        is not None,
        threshold=_threshold(folded, figure, sentence_start),
        progress=_progress(folded, figure, sentence_start),
        origin=_origin(folded, figure, right),
        head_of=head_of(figure, left),
        part=share_part(figure, right),
        subset=subset_of_another(figure, folded, left, right),
        places=places,
        place_list=len(places) > 1 and (listed_left or listed_right),
        bound=owner is not None,
    )


def _event_noun(folded: str, figure: Figure, right: list[Token], noun: str | None) -> str | None:
    """The event a count's own noun names, right after it ("1000+ injuries / 158
    fatalities"): what it counts, whatever a label before it says ("Injuries/Deaths")."""
    if noun is None or figure.dimension != "count" or not right or right[0].word != noun:
        return None
    if folded[figure.end : right[0].start].strip():
        return None
    kind = term(noun)
    return kind if kind in EVENT_CLASSES else None


# "... northwest of Padang", "(35 miles) WNW of the city of Padang", "from Lima",
# "Northeast of Italy's capital of Rome", "south of the capital, Lima"
_ORIGIN = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:[a-z-]{1,20}\s+)?(?:of|from)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?:[a-z]+['’]s\s+)?(?:city|town|capital|village|island|coast|port),?\s+(?:of\s+)?)?"
    r"(?P<place>[a-z][\w'’-]+)"
)


def _origin(folded: str, figure: Figure, right: list[Token]) -> str | None:
    """The named place a distance is told from, right after it; None for any other figure."""
    if figure.dimension != "length":
        return None
    told = _ORIGIN.match(folded, figure.end)
    if told is None:
        return None
    at = told.start("place")
    name = next((t for t in right if t.start == at), None)
    return strip_possessive(name.word) if name is not None and name.capital else None


_PERIOD = re.compile(r"\b(this|next|last|previous|coming) (year|month|week)\b")
_PERIOD_REACH = 40  # characters either side, within the sentence
_PERIOD_NAMES = {"previous": "last", "coming": "next"}


# What the figure will or may be: a modal ("will likely exceed 500", "could be as high as
# 500") or a verb of expecting ("is expected to reach 500") before the verb that governs it.
# Not "would" (narrative: "witnesses said the waves would reach 10 meters within minutes").
_FORECAST = re.compile(
    r"\b(?:(?:will|could|might|may)\s+(?:likely\s+|probably\s+|eventually\s+|soon\s+|well\s+)?"
    r"|(?:expected|likely|forecast|predicted|projected|feared)\s+to\s+)"
    r"(?:rise\s+(?:to|above)|climb\s+(?:to|above)|increase\s+to|reach|exceed|top|surpass|pass|hit"
    r"|near|be)\s+(?:an?\s+)?(?:at\s+least\s+|more\s+than\s+|about\s+|nearly\s+|around\s+"
    r"|over\s+|above\s+|as\s+(?:high|many|much)\s+as\s+)?$"
)
_BAR_AFTER = re.compile(r"\s*(?:mark|threshold|barrier|hurdle|needed|required)\b")
_BAR_BEFORE = re.compile(
    r"\b(?:needs?|needed|required?|requires|requiring)\s+(?:to\s+(?:win|get|secure|obtain|take)"
    r"\s+)?(?:more\s+than\s+|at\s+least\s+|over\s+|above\s+)?$"
)
_NEITHER = re.compile(r"\b(?:neither|no\s+(?:one|candidate|party))\b")


def _threshold(folded: str, figure: Figure, sentence_start: int) -> bool:
    """Whether the figure is a bar a result must pass, not a result."""
    if figure.dimension != "percent":
        return False
    before = max(sentence_start, figure.start - 40)
    return (
        _BAR_AFTER.match(folded, figure.end) is not None
        or _BAR_BEFORE.search(folded, before, figure.start) is not None
        or _NEITHER.search(folded, before, figure.start) is not None
    )


_TALLIED = (
    r"(?:ballots?|votes?|polling\s+(?:stations?|places?)|precincts?|constituencies|the\s+total)"
)
_PROGRESS_AFTER = re.compile(rf"\s+of\s+(?:the\s+|all\s+)?{_TALLIED}\b")
# "... of the ballots have been counted", "... of precincts reporting"; not "won 61
# percent of the votes counted", a share of the votes counted so far.
_COUNTED = re.compile(
    r"\s+(?:(?:have|has|had|were|was|are|is)\s+(?:now\s+|so\s+far\s+)?(?:been\s+)?"
    r"(?:counted|tallied|processed|reported)|reporting|(?:are|were)\s+in)\b"
)
_PROGRESS_BEFORE = re.compile(r"\b(?:based\s+on|covers?|covering)\s+(?:only\s+|just\s+)?$")


def _progress(folded: str, figure: Figure, sentence_start: int) -> bool:
    """Whether a share tells how much of the count is in ("after three quarters of
    the ballots have been counted", "based on 17% of polling stations")."""
    if figure.dimension != "percent":
        return False
    after = _PROGRESS_AFTER.match(folded, figure.end)
    if after is None:
        return False
    return bool(
        _COUNTED.match(folded, after.end())
        or _PROGRESS_BEFORE.search(folded, max(sentence_start, figure.start - 20), figure.start)
    )


_OPENED_FIRE = re.compile(r"\b(?:open|opened|opening|opens|returned|return)\s+fire\b")
_FIRE = frozenset({term("fire")})
_NONE: frozenset[str] = frozenset()

_NOW = re.compile(r"\b(?:currently|at present|presently|as of now)\b")
_THEN = re.compile(
    r"\b(?:at the time of (?:the )?(?:impact|landfall|the quake|earthquake|crash|explosion|blast)"
    r"|at landfall|at (?:its|the) peak|initially|at first|originally)\b"
)
_MOMENT_REACH = 200  # characters after the figure, within its sentence


def _moment(folded: str, figure: Figure, sentence_start: int) -> str | None:
    """ "now" or "then": when the figure's sentence says it holds, if it says."""
    end = folded.find(". ", figure.end, figure.end + _MOMENT_REACH)
    end = end if end >= 0 else min(len(folded), figure.end + _MOMENT_REACH)
    now = _NOW.search(folded, sentence_start, end) is not None
    then = _THEN.search(folded, sentence_start, end) is not None
    return ("now" if now else "then") if now != then else None


def _period(folded: str, figure: Figure, sentence_start: int) -> str | None:
    """ "next year" in "has promised to raise pensions by 8% next year"."""
    start = max(sentence_start, figure.start - _PERIOD_REACH)
    end = folded.find(".", figure.end, figure.end + _PERIOD_REACH)
    found = {
        f"{_PERIOD_NAMES.get(m[1], m[1])} {m[2]}"
        for m in _PERIOD.finditer(folded, start, end if end >= 0 else figure.end + _PERIOD_REACH)
    }
    return found.pop() if len(found) == 1 else None


def _near(folded: str, figure: Figure, left: list[Token], right: list[Token]) -> frozenset[str]:
    """The nearest content terms on each side, within the figure's clause.

    A clause joined by ", and" or ";" tells of another figure ("... of about 52
    percent, and the Guadalquivir basin ... stood at 24 percent"); a relative
    clause between a subject and the figure is passed over ("the basin, which
    waters Andalusia's olive groves, stood at 24 percent" → "stood", "basin").
    """
    near: set[str] = set()
    for side, step in ((_clause_left(folded, figure.start, left), -1), (right, 1)):
        terms: list[str] = []
        at = figure.start if step < 0 else figure.end
        for token in side:
            gap = folded[token.end : at] if step < 0 else folded[at : token.start]
            if ";" in gap or ("," in gap and token.word in _CLAUSE_JOINS and step > 0):
                break
            if (
                step < 0
                and token.word in _CLAUSE_JOINS
                and "," in folded[max(0, token.start - 2) : token.start]
            ):
                break  # "held 18 percent, and dams stood at 24 percent"
            at = token.start if step < 0 else token.end
            if key := context_term(token.word):
                terms.append(key)
                if len(terms) == _NEAR_WORDS:
                    break
        near.update(terms)
    if _margin(folded, figure, left, right):
        near.add(MARGIN)
    return frozenset(near)


# "Buhari led Jonathan by nearly 2 million votes" / "beat Jonathan and the PDP by
# more than 2 million votes": the figure is a lead, by whomever it is told; the
# same term as the word "margin" gives.
MARGIN = term("margin")
_BY_BEFORE = re.compile(r"\bby\s+$")
_LEAD_VERBS = frozenset(
    split_words("led leads leading beat beats defeated defeats won wins ahead trailed trails")
)
_LEAD_REACH = 16  # words back from the figure, within its clause


def _margin(folded: str, figure: Figure, left: list[Token], right: list[Token]) -> bool:
    """Whether the figure is what one side leads another by, in its clause.

    A count of people is who leads, not by how much ("a march led by 5,000
    workers"); an aside between commas does not end the clause ("beat Jonathan,
    the incumbent, by 2 million votes"), a single comma does.
    """
    if not _BY_BEFORE.search(folded, max(0, figure.start - 4), figure.start):
        return False
    if right and right[0].start - figure.end <= 1 and names_people(right[0].word):
        return False
    start = folded.rfind(";", 0, figure.start)
    for t in left[:_LEAD_REACH]:
        if t.start <= start:
            break
        if t.word in _LEAD_VERBS:
            return folded.count(",", t.end, figure.start) % 2 == 0
    return False


_CLAUSE_JOINS = frozenset(split_words("and but while whereas"))
_RELATIVE_WORDS = frozenset(split_words("which who whose"))


def _clause_left(folded: str, start: int, left: list[Token]) -> list[Token]:
    """The words before a figure with a relative clause that ends right before its
    verb taken out: "the basin, which waters the groves, stood at 24 percent"."""
    for k, token in enumerate(left[:12]):
        if token.word in _RELATIVE_WORDS and "," in folded[max(0, token.start - 3) : token.start]:
            closing = next(
                (
                    j
                    for j in range(k)
                    if "," in folded[left[j].end : left[j - 1].start if j else start]
                ),
                None,
            )
            if closing is not None:
                return left[:closing] + left[k + 1 :]
            break
    return left


def _terms(
    left: list[Token], right: list[Token], leave_out: frozenset[str] = frozenset()
) -> tuple[tuple[str, float], ...]:
    """The sentence's content terms (but `leave_out`); the nearest _NEAR on each side
    weigh most."""
    weights: dict[str, float] = dict.fromkeys(leave_out, 2.0)  # above any weight: never set
    for side in (left, right):
        distance = 0  # in content words: "is set for" puts "set" next to the figure
        for token in side:
            key = context_term(token.word)
            if key is None:
                continue
            weight = 1.0 if distance < _NEAR else _FAR_WEIGHT
            if weights.get(key, 0.0) < weight:
                weights[key] = weight
            distance += 1
    return tuple(sorted((k, w) for k, w in weights.items() if k not in leave_out))
