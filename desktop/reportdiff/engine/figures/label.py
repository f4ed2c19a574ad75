"""What a pair of figures is about, in a few words: "people killed", "day of the vote".

The last stage of the figures pipeline (find → claim → group → pair →
judge → label): judge.py names each pair it makes with `describe`, from the
claims (context.py) of its figures and what they count (counted.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.engine.figures.context import MARGIN
from reportdiff.engine.figures.counted import figure_event
from reportdiff.engine.figures.extract import Found
from reportdiff.engine.figures.units import currency_of
from reportdiff.engine.figures.words import EVENT_CLASSES, noun_like, split_words, term

# The words a count of each event is labelled with ("people killed", "workers on strike").
_EVENT_LABELS = {
    "@death": "killed",
    "@injury": "injured",
    "@missing": "missing",
    "@displaced": "displaced",
    "@rescue": "rescued",
    "@arrest": "arrested",
    "@destroyed": "destroyed",
    "@damaged": "damaged",
    "@strike": "on strike",
}


def describe(*founds: Found) -> str:
    """A short name for what the figures measure ("phone call duration", "people killed")."""
    best = max(founds, key=lambda f: (len(f.context.phrase.split()), bool(f.context.phrase)))
    phrase = best.context.phrase
    dimension = best.figure.dimension
    if dimension == "count":
        return _count_what(founds, phrase)
    if dimension in ("date", "time"):
        return _when_what(founds)
    if dimension == "percent":
        return _share_what(founds, phrase)
    if not _noun_like(phrase) or (dimension == "money" and currency_of(phrase.split()[-1])):
        phrase = ""  # "koruna amount" for a sum in euros names no thing
    templates = {
        "duration": "{} duration",
        "money": "{} amount",
        "magnitude": "{} magnitude",
        "age": "age of {}",
        "percentage_points": "{} (points)",
        "length": "{} (distance)",
        "speed": "{} (speed)",
        "area": "{} (area)",
        "weight": "{} (weight)",
        "temperature": "{} (temperature)",
        "ordinal": "{} (ordinal)",
    }
    if not phrase:
        return dimension.replace("_", " ")
    return templates.get(dimension, "{} (" + dimension + ")").format(phrase)


# Events a day or a time is the day or time of ("day of the vote").
_WHEN_LABELS = {
    "@quake": "earthquake",
    "@aftershock": "aftershock",
    "@storm": "storm",
    "@landfall": "landfall",
    "@vote": "vote",
    "@fire": "fire",
    "@visit": "visit",
}
# Heads of these classes name the event themselves ("day of the call"), though
# their verbs ("spoke", "suspended") say too little to label a day from afar.
_WHEN_HEADS = frozenset(_WHEN_LABELS) | {"@talk", "@truce", "@plane"}
_ADJECTIVE_ENDINGS = ("al", "ic", "ern", "ous", "ive", "ful", "less", "ian", "ese")
_WHEN_WORDS = {"weekday": "day", "year": "year", "month": "month", "year-month": "month"}
_VOTE_WORDS = frozenset({"@vote", "election", "electoral", "@seat"})


def _noun_like(phrase: str) -> bool:
    """Whether a label reads as a noun ("ceasefire"), not a verb or adverb ("took", "shortly")."""
    return noun_like(phrase.split()[-1] if phrase else "")


def _plain_noun(word: str) -> bool:
    """A head that reads as a noun: not a verb form, an adverb or a common adjective."""
    return _noun_like(word) and not word.endswith(("ing", "s", *_ADJECTIVE_ENDINGS))


def _when_what(founds: Sequence[Found]) -> str:
    """ "day of the vote", "time of the earthquake", "date of the runoff"."""
    figure = founds[0].figure
    kind = "time" if figure.dimension == "time" else _WHEN_WORDS.get(figure.unit, "date")
    owner = next((f.context.noun for f in founds if f.context.bound), None)
    if owner:
        return f"{kind} of the {owner}"
    heads = [f.context.noun for f in founds if f.context.noun]
    for head in heads:
        if term(head) in _WHEN_HEADS and _noun_like(head) and not head.endswith("ing"):
            return f"{kind} of the {head}"
    for level in ("near", "terms"):
        for found in founds:
            terms = found.context.near if level == "near" else {t for t, _ in found.context.terms}
            label = next((_WHEN_LABELS[t] for t in sorted(terms) if t in _WHEN_LABELS), None)
            if label:
                return f"{kind} of the {label}"
        if level == "near" and kind != "time":  # "time of the plant" names no event
            plain = next((h for h in heads if _plain_noun(h) and _names_an_event(h)), None)
            if plain:
                return f"{kind} of the {plain}"
    return kind


# Nouns that name something that happens on a day ("day of the session"), beside
# the event classes; a day is never "of the area" or "of the leader".
_EVENT_HEADS = frozenset(
    split_words(
        """session hearing trial verdict ruling sentence raid search strike protest march rally
        attack crash collapse launch opening closure visit trip arrival departure announcement
        decision approval signing deadline referendum runoff inauguration funeral ceremony
        blackout outage evacuation rescue release deal agreement accord count result results
        debate summit conference interview broadcast walkout stoppage shutdown derailment"""
    )
)
_EVENT_ENDINGS = ("tion", "sion", "ment", "ance", "ence")


def _names_an_event(word: str) -> bool:
    return word in _EVENT_HEADS or (len(word) > 6 and word.endswith(_EVENT_ENDINGS))


def _share_what(founds: Sequence[Found], phrase: str) -> str:
    """ "turnout", "vote share", "share of territory"."""
    near = set().union(*(f.context.near for f in founds))
    terms = near | {t for f in founds for t, _ in f.context.terms}
    if "@turnout" in near:
        return "turnout"
    if phrase.startswith("share of "):
        return "vote share" if term(phrase.removeprefix("share of ")) == "@vote" else phrase
    if terms & _VOTE_WORDS and "@turnout" not in terms:
        return "vote share"
    return phrase if _noun_like(phrase) else "share"


def _count_what(founds: Sequence[Found], phrase: str) -> str:
    if all(MARGIN in f.context.near for f in founds):
        return f"lead in {phrase}" if phrase else "lead"  # "led Jonathan by 2 million votes"
    event = next((e for e in map(figure_event, founds) if e), None)
    noun = next((f.context.noun for f in founds if f.context.noun and not _event_noun(f)), None)
    if event and noun:
        return f"{noun} {_EVENT_LABELS[event]}"
    if event:
        return f"people {_EVENT_LABELS[event]}"
    return phrase or "count"


def _event_noun(found: Found) -> bool:
    return found.context.noun_term in EVENT_CLASSES
