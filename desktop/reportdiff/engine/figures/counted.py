"""What a figure counts: the event, the noun, and whether two counts count one thing.

Read by every stage after the claim (context.py): whether "2,600 injured"
and "11,000 injured" count one event, "dockworkers" and "workers" one kind
of people, "97 passengers and 14 crew" and "111 people on board" one whole.
Evidence (evidence.py, priors.py), judging (judge.py) and labels (label.py)
ask it; it asks only the claim.
"""

from __future__ import annotations

from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.nouns import countable
from reportdiff.engine.figures.words import EVENT_CLASSES, GENERIC_NOUNS, PEOPLE_CLASSES, term


def figure_event(found: Found) -> str | None:
    """The event a figure counts: its claim's event, or its noun's ("12 deaths")."""
    noun = found.context.noun_term
    return found.context.event or (noun if noun in EVENT_CLASSES else None)


def generic(found: Found) -> bool:
    """Whether a figure's noun names no kind of its own: none, "people", "residents"."""
    noun = found.context.noun
    return noun is None or noun in GENERIC_NOUNS or term(noun) == "@people"


def count_key(found: Found) -> str | None:
    """What a count counts, for telling whether a report gives one number of it."""
    if found.figure.dimension != "count":
        return None
    noun = found.context.noun_term
    event = figure_event(found)
    if generic(found) or noun in EVENT_CLASSES:
        return event  # "8,000 people evacuated": the evacuated
    if event is not None and not countable(found.context.noun or ""):
        return event  # "the toll climbed past 500": the dead
    return noun  # "1,500 troops sent to help with evacuations": troops


def same_counted(fa: Found, fb: Found, agree: bool) -> bool:
    """Counts of the same noun and the same event ("killed" never meets "injured").

    A count whose noun is unknown ("the Socialists 77") may meet a count of the
    same value ("77 seats"), which can only make a "same" pair.
    """
    na, nb = fa.context.noun_term, fb.context.noun_term
    ea, eb = figure_event(fa), figure_event(fb)
    if ea is not None and eb is not None and ea != eb:
        return False  # an event one side leaves unsaid never counts against a pair
    if (na == "@attacker") != (nb == "@attacker"):
        return False  # "151 people were killed" / "seven suspected terrorists have been killed"
    if whole_of(fa, fb) or whole_of(fb, fa):
        return True  # "97 passengers and 14 crew" / "111 people on board"
    if (na == nb and na is not None) or compound_of(fa.context.noun, fb.context.noun):
        return True
    # A singular noun next to a count with a known event is no counted noun ("the
    # toll climbed past 500", "Earthquake Death Toll Rises to 654").
    specific_a = _specific(fa) and (ea is None or countable(fa.context.noun or ""))
    specific_b = _specific(fb) and (eb is None or countable(fb.context.noun or ""))
    if specific_a and specific_b:
        return False
    if _people_told_alike(fa, fb) or _people_told_alike(fb, fa):
        return True
    return ea is not None or (agree and (na is None or nb is None))


# Nouns that count people of one kind: "people" may stand for them.
_PERSONS = PEOPLE_CLASSES - {"@people"}


def _people_told_alike(persons: Found, people: Found) -> bool:
    """ "carrying about 350 passengers" / "carrying more than 400 people": people of
    one kind and people, counted by the same word (a verb, not the nouns)."""
    if persons.context.noun_term not in _PERSONS or people.context.noun_term != "@people":
        return False
    said = (persons.context.near & people.context.near) - PEOPLE_CLASSES
    return any(not word.startswith("@") for word in said)


def _specific(found: Found) -> bool:
    noun = found.context.noun_term
    return noun is not None and noun not in EVENT_CLASSES and not generic(found)


def compound_of(x: str | None, y: str | None) -> bool:
    """ "dockworkers" and "workers", "shipyards" and "yards": one noun is the
    other with a word before it, so they count the same kind of thing."""
    if not x or not y or x == y:
        return False
    short, long = sorted((x, y), key=len)
    if len(short) < _COMPOUND_HEAD or len(long) - len(short) < 3 or not long.endswith(short):
        return False
    return not long.startswith(_KIN_PREFIXES)  # grandchildren are not children


_COMPOUND_HEAD = 5
_KIN_PREFIXES = ("grand", "great", "step", "half", "god")


def whole_of(parts: Found, whole: Found) -> bool:
    """Whether `whole` counts together the two counts `parts` is one of ("23 cars and
    six trucks" / "29 vehicles", "97 passengers and 14 crew" / "111 people").

    The whole is told by a broader noun (the parts' class, or people), never by
    a part's own noun ("five soldiers and seven civilians" / "12 civilians").
    """
    if parts.total is None or parts.total != whole.figure.value:
        return False
    noun = whole.context.noun
    if noun is None or noun in parts.parts or figure_event(whole) != figure_event(parts):
        return False
    return generic(whole) or whole.context.noun_term == parts.context.noun_term


def damage_rating(found: Found) -> bool:
    """ "EF-4 damage was observed": the damage seen at one place, rated on the storm's scale."""
    return found.figure.unit == "EF" and found.context.noun_term == "@damaged"
