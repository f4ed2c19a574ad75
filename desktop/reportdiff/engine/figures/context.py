"""What a figure measures, read from the words around it.

For a count it is the noun counted ("175 prisoners") or the head before it
("the death toll rose to 15"); for a duration the thing that lasts ("a 30-day
ceasefire", "spoke for 90 minutes"); for a share what it is a share of ("20%
of its territory"). The sentence's other words make the figure's context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportdiff.engine.figures.units import MONTHS, WEEKDAYS
from reportdiff.engine.figures.words import (
    EVENT_CLASSES,
    LINKING_VERBS,
    STOPWORDS,
    WORD_RE,
    is_content,
    split_words,
    term,
)
from reportdiff.engine.model import Figure

_NEAR = 4  # content words this close to the figure weigh most
_NEAR_WORDS = 3  # content words on each side that must meet for a "differs"
_FAR_WEIGHT = 0.3  # the rest of the sentence may speak of other figures
_EVENT_TOKENS = 12  # tokens looked at for an event word, function words included
# Words that name what is counted although they do not end in "s".
_NOUNY = frozenset(
    split_words(
        """people dead injured wounded children men women staff personnel police troops missing
        homeless cattle aircraft crew livestock"""
    )
)
_NUMBER_WORDS = frozenset(
    split_words("""one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million billion trillion half dozen
    quarter percent cent bn""")
)


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
    # The noun is bound to the figure ("Monday's vote"): it names what the figure is of.
    bound: bool = False


class Token(NamedTuple):
    """A word of a paragraph; `capital` when written with a capital letter."""

    word: str
    start: int
    end: int
    capital: bool


def sentence_tokens(text: str, folded: str, start: int, end: int) -> tuple[Token, ...]:
    """The words of one sentence with their offsets."""
    new = tuple.__new__  # Token(...) through its Python-level __new__ costs twice as much
    return tuple(
        new(Token, (m.group(0), m.start(), m.end(), text[m.start()].isupper()))
        for m in WORD_RE.finditer(folded, start, end)
    )


def context_of(tokens: tuple[Token, ...], folded: str, figure: Figure) -> Context:
    """The context of one figure from the words of its sentence."""
    left = [t for t in tokens if t.end <= figure.start][::-1]
    right = [t for t in tokens if t.start >= figure.end]
    owner = _owner(folded, figure, right)
    noun, phrase = (owner, owner) if owner else _noun(figure, folded, left, right)
    return Context(
        noun=noun,
        noun_term=term(noun) if noun else None,
        event=_event(folded, left, right),
        terms=_terms(left, right),
        phrase=phrase,
        near=_near(left, right),
        places=_names(folded, left) | _names(folded, right),
        bound=owner is not None,
    )


def _owner(folded: str, figure: Figure, right: list[Token]) -> str | None:
    """ "Monday's vote" → "vote": a day named as the day of a thing."""
    if figure.dimension != "date" or not right:
        return None
    # The possessive is read as part of the day's word, before the noun.
    gap = folded[figure.end : right[0].start]
    if gap.strip() not in ("'s", "’s") or not is_content(right[0].word):
        return None
    return right[0].word


def _noun(
    figure: Figure, folded: str, left: list[Token], right: list[Token]
) -> tuple[str | None, str]:
    run = _run(folded, figure.end, right)
    dim = figure.dimension
    if dim == "count":
        noun = next((t.word for t in run if _plural(t.word)), run[-1].word if run else None)
        if noun:
            return noun, " ".join(t.word for t in run[: run.index(_find(run, noun)) + 1])
        whole = _of_phrase(folded, figure.end, right)  # "79 of the 230 seats"
        if whole:
            return whole, whole
        head = _head(left, skip_names=True)  # "the Socialists 77": a name is not what is counted
        return head, head or ""
    elif dim == "percent":
        share = _of_phrase(folded, figure.end, right)
        if share:
            return share, f"share of {share}"
    elif dim in ("date", "time"):
        head = _head(left, skip_names=True) or _head(right, skip_names=True)
        return head, head or ""
    elif run:
        # "a two and a half hours phone call": two nouns at most, no verb ("ceasefire covering").
        words = [run[0].word] + [t.word for t in run[1:2] if not t.word.endswith(("ing", "ed"))]
        if dim == "magnitude":
            words = words[:1]
        last = run[len(words) - 1]
        rest = [t for t in right if t.start >= last.end]
        of = _of_phrase(folded, last.end, rest) if len(words) == 1 else None
        phrase = " ".join(words) + (f" of {of}" if of else "")  # "state of emergency"
        return words[-1], phrase
    if dim != "magnitude" and (whole := _of_phrase(folded, figure.end, right)):
        return whole, whole  # "15 inches of rain"
    # "the shaking lasted about 40 seconds", "was felt for close to a minute":
    # what lasts is the subject, past the verb of lasting.
    duration = dim == "duration"
    head = _head(left, skip_names=duration, skip=_LASTING if duration else frozenset())
    return head, head or ""


def _find(run: list[Token], word: str) -> Token:
    return next(t for t in run if t.word == word)


def _plural(word: str) -> bool:
    return word in _NOUNY or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)


def _run(folded: str, end: int, right: list[Token]) -> list[Token]:
    """Up to three content words right after the figure, with nothing between."""
    run: list[Token] = []
    at = end
    for token in right[:3]:
        gap = folded[at : token.start]
        if gap.strip() or not is_content(token.word) or token.word in _NUMBER_WORDS:
            break
        run.append(token)
        at = token.end
    return run


def _of_phrase(folded: str, end: int, right: list[Token]) -> str | None:
    """ "20% of its territory" → "territory"."""
    if not right or right[0].word != "of" or folded[end : right[0].start].strip():
        return None
    words = [t for t in right[1:4] if is_content(t.word) and t.word not in _NUMBER_WORDS]
    plain = [t for t in words if not t.capital]
    return (plain or words)[0].word.rstrip("'’") if words else None


_LASTING = frozenset(
    split_words(
        """last lasted lasting lasts felt took take takes continued continue went go going
        ran run runs stretched persisted raged"""
    )
)


def _head(
    tokens: list[Token], *, skip_names: bool, skip: frozenset[str] = frozenset()
) -> str | None:
    """The nearest meaningful word on one side ("toll" in "the toll rose to 15")."""
    for token in tokens[:8]:
        if token.word in _CONJUNCTIONS:
            return None  # the head of another clause says nothing of this figure
        word = token.word
        if word in LINKING_VERBS or word in _TIME_WORDS or word in skip or not is_content(word):
            continue
        if token.word in _NUMBER_WORDS or (skip_names and token.capital):
            continue
        return token.word
    return None


def _event(folded: str, left: list[Token], right: list[Token]) -> str | None:
    """The nearest event class ("@death" for "killed") within a few words.

    A word past a clause break ("and", a comma) counts as further away: in
    "14 died and 30 were hurt", 30 were hurt.
    """
    best: tuple[int, str] | None = None
    for side in (left, right):
        distance, previous = 0, None
        # Distance in content words: "people in coastal counties had been
        # ordered to evacuate" puts the event five words away, not nine.
        for k, token in enumerate(side[:_EVENT_TOKENS]):
            if previous is not None and _clause_break(folded, previous, token):
                distance += 4
            if distance > _EVENT_MAX or (best is not None and distance >= best[0]):
                break  # farther on, nothing can come nearer
            cls = _order_to_leave(side, k) or term(token.word)
            if cls in EVENT_CLASSES:
                if best is None or distance < best[0]:
                    best = (distance, cls)
                break
            distance += is_content(token.word)
            previous = token
    return best[1] if best and best[0] <= _EVENT_MAX else None


_ORDER_VERBS = frozenset(split_words("ordered told urged asked forced advised instructed"))
_LEAVE = frozenset(split_words("leave leaving quit"))


def _order_to_leave(side: list[Token], k: int) -> str | None:
    """ "told to leave", "ordered to leave": an evacuation, in either reading direction."""
    word = side[k].word
    if word not in _LEAVE:
        return None
    for step in (1, -1):
        to, verb = k + step, k + 2 * step
        if 0 <= verb < len(side) and side[to].word == "to" and side[verb].word in _ORDER_VERBS:
            return "@displaced"
    return None


def _clause_break(folded: str, a: Token, b: Token) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = folded[first.end : second.start]
    return any(c in gap for c in ",;:") or a.word in _CONJUNCTIONS


# "late on Friday", "Sunday night": words that say when, not what happened.
_TIME_WORDS = frozenset(
    split_words(
        "early late mid night morning evening afternoon midnight local time day week dawn dusk "
        "noon midday daybreak"
    )
)
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "plus", "as"})
_EVENT_MAX = 6  # an event word further than this (clause breaks count 4) is another's


def _near(left: list[Token], right: list[Token]) -> frozenset[str]:
    near: set[str] = set()
    for side in (left, right):
        terms = [key for t in side if (key := _context_term(t.word))]
        near.update(terms[:_NEAR_WORDS])
    return frozenset(near)


@lru_cache(maxsize=8192)
def _context_term(word: str) -> str | None:
    """The term a word adds to a figure's context; None for function and number words."""
    if word in STOPWORDS or len(word) < 3 or word in _NUMBER_WORDS:
        return None
    return term(word)


def _names(folded: str, side: list[Token]) -> frozenset[str]:
    """Names in the figure's clause ("Georgia reported 11 deaths, while...")."""
    names = set()
    for token in side:
        if token.word in _CONJUNCTIONS or _semicolon_before(folded, token):
            break
        if not token.capital or not is_content(token.word) or token.word in _CALENDAR:
            continue
        if folded[token.end : token.end + 1].isdigit():
            continue  # "DLA2417", "MH17": a code, not a place
        # A capital at a sentence's start proves nothing for "Officials said".
        if not (_sentence_initial(folded, token) and _plural(token.word)):
            names.add(token.word)
    return frozenset(names)


def _semicolon_before(folded: str, token: Token) -> bool:
    return ";" in folded[max(0, token.start - 3) : token.start]


def _sentence_initial(folded: str, token: Token) -> bool:
    i = token.start - 1
    while i >= 0 and folded[i].isspace():
        i -= 1
    return i < 0 or folded[i] in '.!?"“”'


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _terms(left: list[Token], right: list[Token]) -> tuple[tuple[str, float], ...]:
    """The sentence's content terms; the nearest _NEAR on each side weigh most."""
    weights: dict[str, float] = {}
    for side in (left, right):
        distance = 0  # in content words: "is set for" puts "set" next to the figure
        for token in side:
            key = _context_term(token.word)
            if key is None:
                continue
            weight = 1.0 if distance < _NEAR else _FAR_WEIGHT
            if weights.get(key, 0.0) < weight:
                weights[key] = weight
            distance += 1
    return tuple(sorted(weights.items()))
