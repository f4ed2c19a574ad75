"""Words around a figure: tokens, crude stems, and news concept classes.

A figure's identity ("what it measures") comes from the words next to it.
Outlets paraphrase ("killed" / "dead" / "death toll", "spoke" / "phone call"),
so words are folded into stems and, for the common vocabulary of news events,
into concept classes. The classes are general news vocabulary, not phrases of
any one report.
"""

from __future__ import annotations

import re
from functools import lru_cache


def split_words(text: str) -> tuple[str, ...]:
    """The words of a space-separated word list."""
    return tuple(text.split())


# A word of lower-cased text: Latin letters with or without accents
# ("kaštela", "quequeña"; a class of ranges, twice as fast as Unicode's
# [^\W\d_]), apostrophes inside, hyphenated parts joined.
_LETTER = "a-z\u00df-\u00f6\u00f8-\u024f"
WORD_RE = re.compile(f"[{_LETTER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*")

# Irregular verbs news puts next to figures: a label, or the noun a figure
# belongs to, is a noun and never one of these.
IRREGULAR_VERBS = frozenset(
    split_words(
        """took won got came fell rose said made gave put left held hit saw drew ran stood
        told found felt kept lost paid sent set spent went struck began grew cut led met
        sold brought fought sought"""
    )
)


def noun_like(word: str) -> bool:
    """Whether a word reads as a noun ("ceasefire"), not a verb or adverb ("took", "shortly")."""
    return (
        bool(word) and word not in IRREGULAR_VERBS and not word.endswith(("ly", "ed", "'s", "’s"))
    )


STOPWORDS = frozenset(
    split_words(
        """a an the and or but of in on at to for from by with without as is are was were be been
    being has have had do does did this that these those it its it's their they them he she his
    her him we our us you your i me my who whom which what when where why how than then there
    here not no nor so if into onto over under up down out off about around after before since
    until while during per some any all each every both either neither more most less least few
    fewer many much such same other another own only just also very too can could would should
    will shall may might must said says say according also now later earlier ago last next this
    mr mrs ms dr st yet still again already even least nearly almost roughly approximately
    between among against toward towards upon via within across through throughout including
    near whose whether because though although however along beside behind beyond outside
    inside amid"""
    )
)

# News event vocabulary folded into one class each, so paraphrases meet.
_CLASSES: dict[str, tuple[str, ...]] = {
    "@death": split_words(
        "kill killed killing kills dead death deaths die died dying fatality fatalities fatal "
        "toll lives life bodies body perished"
    ),
    "@injury": split_words("injure injured injuring injuries injury wound wounded wounding hurt"),
    # The trapped are missing until found ("more than 100 people trapped in the
    # rubble" / "about 100 people are missing"), and not yet dead.
    "@missing": split_words("missing unaccounted disappeared trapped stranded"),
    "@displaced": split_words(
        "evacuate evacuated evacuation evacuations evacuees displace displaced displacement "
        "homeless flee fled fleeing"
    ),
    "@rescue": split_words("rescue rescued rescuers saved"),
    "@strike": split_words("strike strikes striking strikers walkout walkouts stoppage stoppages"),
    "@penalty": split_words("fine fines fined penalty penalties"),
    "@destroyed": split_words(
        "destroy destroys destroyed destroying flatten flattens flattened raze razes razed"
        " levelled leveled gutted obliterated"
    ),
    "@damaged": split_words("damage damaged damaging"),
    "@cut": split_words("cut cuts reduction reductions"),
    "@arrest": split_words("arrest arrested arrests detained detain detention custody"),
    "@talk": split_words(
        "call calls called phone spoke speak speaking talk talks talked conversation meet meets "
        "conversations discussion discussions discussed meeting met summit negotiation "
        "negotiations"
    ),
    "@truce": split_words(
        "ceasefire ceasefires cease-fire truce truces halt halted pause paused moratorium "
        "suspension suspend suspended cessation stop stopped"
    ),
    "@war": split_words("war wars conflict fighting invasion hostilities"),
    "@quake": split_words("earthquake earthquakes quake quakes tremor tremors temblor seismic"),
    "@aftershock": split_words("aftershock aftershocks"),
    "@vote": split_words("vote votes voted voting voter voters ballot ballots polls"),
    "@storm": split_words("storm storms hurricane hurricanes typhoon typhoons cyclone cyclones"),
    "@landfall": split_words("landfall ashore"),
    # "left without power" / "lost electricity": a utility's customers cut off
    "@power": split_words("power electricity blackout blackouts outage outages"),
    "@turnout": split_words("turnout"),
    "@seat": split_words("seat seats"),
    "@home": split_words("home homes house houses building buildings dwellings structures"),
    "@plane": split_words("plane planes jet jets aircraft airliner airliners flight"),
    "@passenger": split_words("passenger passengers aboard onboard"),
    "@crew": split_words("crew crewmembers"),
    "@people": split_words("people persons residents civilians men women"),
    "@wind": split_words("wind winds"),
    "@gust": split_words("gust gusts gusting"),  # a gust is no sustained wind
    "@rain": split_words("rain rainfall"),
    "@margin": split_words("margin margins"),
    "@full": split_words("full filled capacity"),
    "@visit": split_words("visit visits visited visiting trip"),
    "@limit": split_words("limit limits restricted restriction restrictions"),
    "@peak": split_words("peak peaks peaked peaking crest crests crested cresting highest"),
    "@fire": split_words("fire fires wildfire wildfires blaze blazes flames burned burnt scorched"),
    "@acre": split_words("acres hectares"),
    "@prisoner": split_words("prisoner prisoners pows captives hostages hostage"),
    "@soldier": split_words("soldier soldiers troops servicemen"),
    "@drone": split_words("drone drones uavs"),
    "@missile": split_words("missile missiles rockets rocket"),
    "@depth": split_words("depth deep"),
    "@ship": split_words("ship ships vessel vessels boat boats freighter freighters"),
    "@vehicle": split_words(
        "car cars vehicle vehicles carriage carriages coach coaches wagon wagons truck trucks"
        " lorry lorries"
    ),
    "@child": split_words("child children kids"),
    "@worker": split_words("worker workers employee employees staff staffers"),
    # who attacked, not whom: "seven suspected terrorists have been killed"
    "@attacker": split_words(
        "attacker attackers terrorist terrorists gunman gunmen assailant assailants bomber"
        " bombers hijacker hijackers shooter shooters militant militants insurgent insurgents"
    ),
}
CLASS_OF: dict[str, str] = {w: c for c, words in _CLASSES.items() for w in words}

# Classes that say what happened to what is counted; two counts with
# different ones ("12 killed" / "12 injured") are never the same thing.
EVENT_CLASSES = frozenset(
    {
        "@death",
        "@injury",
        "@missing",
        "@displaced",
        "@rescue",
        "@arrest",
        "@destroyed",
        "@damaged",
        "@strike",
    }
)

# Classes of things a report counts once, if at all ("40 ships", "17 drones");
# unlike people, seats or votes, of which a report gives many counts.
THING_CLASSES = frozenset({"@ship", "@vehicle", "@plane", "@drone", "@missile"})

# Counted nouns that are people: the crowd, the strikers, the passengers; and the
# endings of nouns for people ("hikers", "survivors", "tourists", "residents").
PEOPLE_CLASSES = frozenset(
    {"@people", "@worker", "@soldier", "@passenger", "@crew", "@child", "@prisoner"}
)
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ians")

# Words that name what a count counts but say nothing on their own ("people").
GENERIC_NOUNS = frozenset({"people", "persons", "residents", "civilians", "others", "more"})

# Verbs between a noun and its figure ("the toll rose to 15").
LINKING_VERBS = frozenset(
    split_words("""rose risen rise rises climbed climbs climb reached reach reaches stood stands
    stand hit hits jumped jumps increased increase increases grew grow totaled totalled total
    totals was were is are be been to at of put puts estimated estimate now
    had has have by with from""")
)


def stem(word: str) -> str:
    """A crude stem so that "attacks"/"attack" and "injuries"/"injury" meet."""
    if "'" in word or "’" in word:
        word = word.replace("’", "'").removesuffix("'s").strip("'")
    n = len(word)
    last = word[-1:] if n else ""
    if last == "s":
        if n >= 5 and word.endswith("ies"):
            return word[:-3] + "y"
        return word[:-1] if n > 3 and word[-2] != "s" else word
    if last == "g" and n >= 6 and word.endswith("ing"):
        return word[:-3]
    if last == "d" and n >= 5 and word[-2] == "e":
        return word[:-3] + "y" if word[-3] == "i" else word[:-2]
    return word


@lru_cache(maxsize=8192)
def term(word: str) -> str:
    """The term a word contributes to a figure's context: its class, else its stem."""
    word = word.replace("’", "'")
    return CLASS_OF.get(word) or CLASS_OF.get(stem(word)) or stem(word)


def is_content(word: str) -> bool:
    """Whether a word carries meaning (not a function word, not too short)."""
    return len(word) > 2 and word not in STOPWORDS
