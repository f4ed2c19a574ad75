"""What tells two figures of one kind apart: other places, years, owners, winners.

Read by evidence (evidence.py), between finding candidates and pairing
them (pair.py): "5 killed in Florida" and "Georgia reported 8 deaths" are
two tolls, "since 1997, when 228 people died" another event, "the CDU won
28.5%" and "the AfD won 20.8%" two shares, "core" and "headline" inflation
two measures. Two figures told of the same places, or each told as the
toll, are the opposite sign: likely one fact.
"""

from __future__ import annotations

from collections.abc import Callable

from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.words import split_words, term

# Opposed roles: the government's side, and the opposition's.
_ROLES = tuple(
    frozenset(map(term, split_words(words)))
    for words in ("ruling governing incumbent government", "opposition challenger rival")
)


# Words that name a winner by office or role, who may be the other report's named one.
_ROLE_WORDS = frozenset(
    map(
        term,
        split_words(
            """president incumbent prime minister premier chancellor mayor governor leader
            party ruling governing government opposition challenger candidate the his her its"""
        ),
    )
)


def _parts(names: frozenset[str]) -> frozenset[str]:
    return frozenset(part for name in names for part in name.split("-") if len(part) > 2)


def same_winner(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two shares taken by one named winner ("Atta-Mills has received 50.13 percent" /
    "Atta Mills obtained 50.23 percent")."""
    return (
        bool(x and y)
        and not (x <= _ROLE_WORDS or y <= _ROLE_WORDS)
        and bool((x & y) or (_parts(x) & _parts(y)))
    )


def other_winners(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two shares were won by different winners.

    Winners with no word in common are different ("the CDU/CSU bloc" / "the
    far-right AfD"), unless one is named only by office ("the president"),
    who may be the other's named candidate; opposed roles ("the ruling party"
    / "the opposition") are always different.
    """
    if not x or not y or not x.isdisjoint(y) or not _parts(x).isdisjoint(_parts(y)):
        return False  # "Atta-Mills" / "Atta Mills": one name, hyphenated or not
    if _opposed(x, y):
        return True
    return not (x <= _ROLE_WORDS or y <= _ROLE_WORDS)


def _opposed(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two winners are told as opposed roles (the ruling party, the opposition)."""
    government, opposition = _ROLES
    return bool(
        (x & government and y & opposition and not x & opposition and not y & government)
        or (x & opposition and y & government and not x & government and not y & opposition)
    )


# Words that name one variant of a measure: "core" and "headline" inflation,
# "regular" and "total" pay growth, "annual" and "monthly" rates are different figures.
_VARIANTS = frozenset(
    map(
        term,
        split_words(
            """core headline underlying regular total basic average median annual annualised
            annualized monthly quarterly weekly daily gross net real nominal adjusted"""
        ),
    )
)


def variants(found: Found) -> frozenset[str]:
    """The variant words among the nearest words of a figure's sentence."""
    return frozenset(t for t, weight in found.context.terms if weight == 1.0) & _VARIANTS


def other_heads(fa: Found, fb: Found) -> bool:
    """Whether each figure is "of" its own noun, which the other's sentence never names."""
    x, y = fa.context, fb.context
    if x.head_of is None or y.head_of is None or x.head_of == y.head_of:
        return False
    return x.head_of not in {t for t, _ in y.terms} and y.head_of not in {t for t, _ in x.terms}


def other_years(fa: Found, fb: Found) -> bool:
    """Whether a year close to one figure is named nowhere in the other's sentence."""
    return bool(fa.years - fb.years - fb.sentence_years or fb.years - fa.years - fa.sentence_years)


def other_owner(fa: Found, fb: Found) -> bool:
    """ "Tuesday's vote" is not the Tuesday of a sentence that names no vote."""
    for x, y in ((fa.context, fb.context), (fb.context, fa.context)):
        if x.bound and x.noun_term not in {t for t, _ in y.terms} | {y.noun_term}:
            return True
    return False


def same_owner(fa: Found, fb: Found) -> bool:
    """Both figures are the day of the same thing ("Monday's vote" / "Tuesday's vote")."""
    x, y = fa.context, fb.context
    return x.bound and y.bound and x.noun_term is not None and x.noun_term == y.noun_term


def other_places(fa: Found, fb: Found, common: Callable[[], frozenset[str]]) -> bool:
    """Whether both figures' clauses name places, and not the same ones: other
    places, or a total over a list of places against one of them ("160 killed
    in Nepal, Bangladesh and India" / "25 deaths in Bangladesh")."""
    places_a, places_b = _told_alike(_own_places(fa, common), _own_places(fb, common))
    if not (places_a and places_b):
        return False
    # Who took a share is no place, on either side: a name one report reads as
    # the owner ("Manigat, who holds 12 percent") the other may read as a place
    # ("Leslie Manigat is a distant second with 13 percent").
    places_a, places_b = _not_of(places_a, fb.context.winner), _not_of(places_b, fa.context.winner)
    if not (places_a and places_b):
        return False
    if not places_a & places_b:
        return True
    return _part_of_list(fa, places_a, places_b) or _part_of_list(fb, places_b, places_a)


def _not_of(places: frozenset[str], winner: frozenset[str]) -> frozenset[str]:
    if not winner:
        return places
    names = winner | _parts(winner)
    return frozenset(p for p in places if p not in names and not (_parts(frozenset({p})) & names))


def both_tolls(fa: Found, fb: Found) -> bool:
    """Each figure is told as the toll of one event ("the death toll rose to 238")."""
    x, y = fa.context, fb.context
    return x.toll and y.toll and x.event == y.event


def _own_places(found: Found, common: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The places a figure's clause names, without words the reports also write
    in lower case (a capital at a sentence's start)."""
    places = found.context.places
    return places - common() if places else places


def _part_of_list(whole: Found, places: frozenset[str], part: frozenset[str]) -> bool:
    return whole.context.place_list and len(part) < len(places) and part < places


def same_places(fa: Found, fb: Found, common: Callable[[], frozenset[str]]) -> bool:
    """Both clauses name the same places ("27 killed in Bangladesh" / "25 in Bangladesh")."""
    places, others = _told_alike(_own_places(fa, common), _own_places(fb, common))
    return bool(places) and places == others


# A people's name after its place's: "Pakistani officials" speak of Pakistan.
_DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")


def _told_alike(a: frozenset[str], b: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The two sets of places with a people's name written as its place where
    the other side names the place ("pakistani" / "pakistan", "chilean" /
    "chile"); "nigeria" stays apart from "niger"."""
    if not a or not b or a == b:
        return a, b

    def as_place(word: str, names: frozenset[str]) -> str:
        for place in names:
            people = len(place) >= 4 and word != place and word.startswith(place)
            ending = word[len(place) :]
            # "nigerian" is of Nigeria ("…ia" + "n"), not of Niger ("…er" + "ian")
            if people and ending in _DEMONYM_ENDINGS and not (ending == "ian" and place[-1] == "r"):
                return place
        return word

    return frozenset(as_place(w, b) for w in a), frozenset(as_place(w, a) for w in b)


def same_claim_kind(fa: Found, fb: Found) -> bool:
    """Neither figure is a forecast ("expected to reach 500"), a bar to reach ("the
    50% mark needed to win") or how far a count has come ("after three quarters of the
    ballots have been counted") that the other is not: those are no rivals of a result."""
    x, y = fa.context, fb.context
    return x.forecast == y.forecast and x.threshold == y.threshold and x.progress == y.progress
