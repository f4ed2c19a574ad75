"""What a figure measures, read from the words around it.

For a count it is the noun counted ("175 prisoners") or the head before it
("the death toll rose to 15"); for a duration the thing that lasts ("a 30-day
ceasefire", "spoke for 90 minutes"); for a share what it is a share of ("20%
of its territory"). The sentence's other words make the figure's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.engine.figures.events import event_of, toll_of, toll_to
from reportdiff.engine.figures.owners import age_owner, owner_of, speakers, winner
from reportdiff.engine.figures.places import before_saying, clause_names, title_case
from reportdiff.engine.figures.tokens import (
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    NUMBER_WORDS,
    SPEECH,
    TIME_WORDS,
    Token,
    context_term,
    plural,
    possessive,
    run_after,
)
from reportdiff.engine.figures.words import (
    LINKING_VERBS,
    is_content,
    noun_like,
    split_words,
    term,
)
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
    # The noun the figure is "of" ("a gender gap of 14 points" → "gap").
    head_of: str | None = None
    # What a share's part is ("a third of those killed were children" → "child").
    part: str | None = None


def context_of(
    tokens: tuple[Token, ...],
    folded: str,
    figure: Figure,
    sentence_start: int = 0,
    wide: tuple[Token, ...] | None = None,
) -> Context:
    """The context of one figure from the words of its sentence (which starts at
    `sentence_start`; `tokens` are the words within reach of the figure, `wide`
    the words further on in which its clause may still name its places)."""
    left = [t for t in tokens if t.end <= figure.start][::-1]
    right = [t for t in tokens if t.start >= figure.end]
    far_right = (
        right if wide is None or wide is tokens else [t for t in wide if t.start >= figure.end]
    )
    owner = owner_of(folded, figure, left, right)
    noun, phrase = (owner, owner) if owner else _noun(figure, folded, left, right)
    toll = toll_of(folded, sentence_start, figure) or toll_to(folded, figure)
    places: frozenset[str] = frozenset()
    listed_left = listed_right = False
    if not title_case(tokens):
        (before, listed_left), (after, listed_right) = (
            clause_names(folded, before_saying(left)),
            clause_names(folded, far_right),
        )
        places = before | after
    return Context(
        noun=noun,
        noun_term=term(noun) if noun else None,
        event=toll or event_of(folded, figure, left, right),
        toll=toll is not None,
        terms=_terms(left, right),
        phrase=phrase,
        near=_near(folded, figure, left, right),
        speakers=speakers(folded, left, right),
        winner=winner(folded, left),
        of_whole=_of_whole(figure, left),
        head_of=_head_of(figure, left),
        part=_share_part(figure, right),
        places=places,
        place_list=len(places) > 1 and (listed_left or listed_right),
        bound=owner is not None,
    )


def _noun(
    figure: Figure, folded: str, left: list[Token], right: list[Token]
) -> tuple[str | None, str]:
    run = run_after(folded, figure.end, right)
    dim = figure.dimension
    if dim == "count":
        noun = next((t.word for t in run if plural(t.word)), run[-1].word if run else None)
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
    if dim != "magnitude" and (whole := _of_phrase(folded, figure.end, right)):
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
    return frozenset(near)


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


_QUALIFIER_WORDS = frozenset(
    split_words("about around some nearly almost roughly over under just more less than up to")
)


_BE = frozenset(split_words("were are was is"))


def _share_part(figure: Figure, right: list[Token]) -> str | None:
    """ "About a third of those killed were children", "Half of the 300 migrants on board
    were minors": the part the share is of the whole."""
    if figure.dimension != "percent" or not right or right[0].word != "of":
        return None
    for k, token in enumerate(right[1:7], start=1):
        if token.word in _BE:
            rest = [t for t in right[k + 1 : k + 3] if is_content(t.word)]
            return context_term(rest[0].word) if rest else None
    return None


def _head_of(figure: Figure, left: list[Token]) -> str | None:
    """ "a margin of eight points", "a fine of about €1m": the noun the figure measures."""
    tokens = [t for t in left[:5] if t.word not in _QUALIFIER_WORDS]
    if len(tokens) < 2 or tokens[0].word != "of" or not noun_like(tokens[1].word):
        return None
    return context_term(tokens[1].word)


_PLACES_OF = frozenset(
    split_words("town city village country nation community region island district province")
)


def _of_whole(figure: Figure, left: list[Token]) -> bool:
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


def _terms(left: list[Token], right: list[Token]) -> tuple[tuple[str, float], ...]:
    """The sentence's content terms; the nearest _NEAR on each side weigh most."""
    weights: dict[str, float] = {}
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
    return tuple(sorted(weights.items()))
