"""The regular expressions that find figures, most specific first.

They run on a lower-cased copy of the paragraph with typographic dashes
folded to "-", which keeps every character at its offset, so a match's span
is the figure's span in the paragraph as shown.
"""

from __future__ import annotations

import re

from reportdiff.engine.figures.numbers import NUMBER, ORDINAL_WORD, SCALE, WORD_NUMBER
from reportdiff.engine.figures.qualifiers import QUALIFIERS
from reportdiff.engine.figures.units import MONTHS, UNIT_PATTERN, WEEKDAYS
from reportdiff.engine.figures.words import split_words

_Q = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len)[::-1])
N = rf"(?:{NUMBER})"
_SC = r"(?:\s?(?:trillion|billion|million|thousand|dozen)\b|(?:bn|mn|tn|m|k)\b)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_DUR = r"(?:second|minute|hour|day|week|month|year|decade)"
_CUR = r"(?:us\$|\$|€|£|¥|₹)"
_CURWORD = (
    r"(?:dollars?|euros?|yen|roubles?|rubles?|rupees?|yuan|renminbi|korunas?|koruny|zlotys?"
    r"|forints?|lira|hryvnias?|shekels?|dirhams?|riyals?|naira|kronor|usd|eur|gbp)"
)
# "between 3 and 4", "10 to 15", "10-15", "1.5-two": the low end of a range.
_RANGE = (
    rf"(?:(?P<between>between)\s+(?P<lo>{N})(?P<loscale>{_SC})?\s+and\s+"
    rf"|(?P<lo2>{N})(?P<loscale2>{_SC})?\s*(?:to\s+|-\s*(?=\d)"
    r"|(?<=\d)-\s*(?=(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)))"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# A count told by its order of size: "dozens", "hundreds of thousands", "tens of millions".
VAGUE_WORDS = (
    r"(?:(?P<tens>tens)\s+of\s+(?P<of>thousands|millions)"
    r"|(?P<size>dozens|hundreds|thousands|millions)(?:\s+of\s+(?P<of2>thousands|millions))?)\b"
)
VAGUE = (
    VAGUE_WORDS + r"(?=\s+(?:of\b|more\b|[a-z]))"
)  # "dozens of …", "hundreds more", "thousands fled"
# Time zones written after a time; GMT and Z are UTC.
ZONE_NAMES = (
    "utc|gmt|ist|pkt|aft|npt|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|hst|bst|cet|cest|eet|eest"
    "|wet|west|msk|jst|kst|hkt|sgt|pht|wib|wita|ict|aest|aedt|acst|awst|nzst|nzdt|sast|wat"
    "|eat|cat|brt|art|trt|irst|gst"
)

# (kind, anchors, pattern) in priority order. Each pattern is tried only at an
# anchor (a digit, a number word, a month...) of the kinds it names, and the
# first that matches there wins; qualifiers and prepositions before the
# anchor are read by looking back (QUALIFIER_BEFORE, PREPOSITION_BEFORE).
_NUM = ("digit", "word", "between")
SPECS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # "9:30 a.m.", and British "4.12 a.m.", "2.30pm"
    ("time", ("digit",), r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s?(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"),
    ("time", ("digit",), r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:)"),
    # "06:34:11 UTC": to the second, in a zone (not a marathon's "2:03:59")
    (
        "time",
        ("digit",),
        r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d):(?P<se>[0-5]\d)\b(?=\s*\(?"
        rf"(?:{ZONE_NAMES})\b)",
    ),
    # "06.34.14 UTC", "16.50 UTC": a time written with dots, in its zone (not "16.50 percent")
    (
        "time",
        ("digit",),
        r"(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)(?:\.(?P<se>[0-5]\d))?\s*"
        rf"(?P<zone>{ZONE_NAMES})\b",
    ),
    # "0920 UTC", "1339 IST", "(2000 yesterday UTC)": a 24-hour time in its zone
    (
        "time",
        ("digit",),
        r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:(?:yesterday|today|tomorrow|local)\s+)?"
        rf"(?P<zone>{ZONE_NAMES})\b",
    ),
    ("date", ("digit",), r"(?P<y>" + _YEAR + r")-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
    (
        "date",
        ("month",),
        rf"(?P<month>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "date",
        ("digit",),
        rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b(?:\s+(?P<y>{_YEAR})\b)?",
    ),
    ("date", ("month",), rf"(?P<month>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ("month", ("month",), rf"(?P<month>{_MONTH})\b"),
    ("weekday", ("weekday",), rf"(?P<wd>{_WEEKDAY})\b"),
    # "a quarter of a million people", "half a million": a count
    (
        "fraction_count",
        ("word", "half", "quarter", "ordinal"),
        r"(?:(?P<num>an?|one|two|three)[\s-]+)?(?P<frac>half|thirds?|quarters?)(?:\s+of)?\s+an?\s+"
        r"(?P<scale>hundred|thousand|million|billion)\b",
    ),
    # "two-thirds of voters", "a quarter of normal activity", "less than a third full":
    # a share, not a count (and not "a quarter of an hour")
    (
        "share",
        ("word", "half", "quarter", "ordinal"),
        r"(?:(?P<num>an?|one|two|three|four|nine)[\s-]+)?(?P<frac>halves|half|thirds?|quarters?"
        r"|fifths?|tenths?)(?=\s+(?:of\b(?!\s+an?\s)(?!\s+(?:the\s+)?(?:year|month|season|decade"
        r"|century|term|match|game|quarter|week|day|\d))|(?P<state>full|empty)\b))",
    ),
    # "dozens of people", "hundreds of thousands": a count told by its order of size
    ("vague", ("vague",), VAGUE),
    ("age", ("digit", "word"), rf"(?P<n>{N})\s*-\s*(?:years?|months?)\s*-\s*old\b"),
    ("age", ("digit", "word"), rf"(?P<n>{N})\s+years?\s+old\b"),
    ("age", ("aged",), rf"aged\s+(?P<n>{N})\b"),
    ("magnitude", ("magnitude",), r"magnitude(?:\s*-\s*|\s*)(?:of\s+)?(?P<n>\d+(?:\.\d+)?)"),
    # "a Category 4 storm", "alert level 3", "stage 2 restrictions": a step on a scale
    (
        "category",
        ("category",),
        rf"(?P<unit>category|level|stage|phase|tier)(?:\s+|-)(?P<n>\d{{1,2}}|{WORD_NUMBER})\b"
        r"(?![.,]\d|-)",
    ),
    # a tornado's rating on the (Enhanced) Fujita scale: "EF-5", "an EF4", "an F-4"
    ("rating", ("rating",), r"(?P<unit>ef|f)-?(?P<n>[0-5])\b(?![.,]\d|-)"),
    ("magnitude", ("digit",), r"(?P<n>\d+(?:\.\d+)?)\s*-?\s*magnitude\b"),
    ("magnitude", ("digit",), r"(?P<n>\d+(?:\.\d+)?)\s+on\s+the\s+richter\s+scale"),
    # "a massive 7.8 earthquake": a decimal right before a quake is its magnitude
    ("magnitude", ("digit",), r"(?P<n>[1-9]\.\d)(?=\s*-?\s*(?:(?:earth)?quake|temblor)\b)"),
    # a seismologist's notation: "8.8 mww", "6.1 Mw", "M 8.8", "Mw 7.8"
    # (the reader checks the case as written: "12.5 MW" is megawatts)
    ("magnitude", ("digit",), r"(?P<n>\d{1,2}(?:\.\d+)?)\s*(?P<mtype>mww|mwc|mwb|mwr|mwp|mw)\b"),
    (
        "magnitude",
        ("digit",),
        r"(?:(?<=(?<![\w'’.])m )|(?<=(?<![\w'’.])mw ))(?P<n>\d\.\d+)\b(?!\s*%)",
    ),
    (
        "percent",
        _NUM,
        rf"{_RANGE}?(?P<n>{N})\s*(?:%|-?percentage\s+points?|percent\b|per\s+cent\b|pct\b)",
    ),
    # "25 basis points", "50bp": hundredths of a percentage point
    ("basis", _NUM, rf"{_RANGE}?(?P<n>{N})\s*(?:-?basis[\s-]+points?|bps?\b)"),
    # "a quarter of a percentage point", "half a percentage point", "a quarter-point cut"
    (
        "fraction_point",
        ("half", "quarter"),
        r"(?:an?\s+)?(?P<frac>quarter|half)(?:\s+of)?(?:\s+an?)?\s*-?\s*(?:percentage[\s-]+)?point\b",
    ),
    (
        "money",
        ("currency", "between"),
        rf"(?:(?P<between>between)\s+(?P<cur0>{_CUR})?(?P<lo>{N})(?P<loscale>{_SC})?\s+and\s+"
        rf"|(?P<cur1>{_CUR})(?P<lo2>{N})(?P<loscale2>{_SC})?\s*(?:to\s+|-\s*)(?=[$€£¥₹\d]|us\$))?"
        rf"(?P<cur>{_CUR})?\s?(?P<n>{N})(?P<scale>{_SC})?",
    ),
    ("money", _NUM, rf"{_RANGE}?(?P<n>{N})(?P<scale>{_SC})?\s+(?P<curword>{_CURWORD})\b"),
    (
        "half",
        ("half",),
        rf"(?:half\s+an?\s+(?P<u1>{_DUR})|an?\s+(?P<u2>{_DUR})\s+and\s+a\s+(?P<part>half|quarter))\b",
    ),
    # "a quarter of an hour", "three quarters of an hour"
    (
        "quarter_unit",
        ("quarter", "word", "half"),
        rf"(?P<q>an?|three)[\s-]+quarters?\s+of\s+an?\s+(?P<unit>{_DUR})\b",
    ),
    # "close to a minute", "for an hour": one unit, when a qualifier or "for" says so.
    # ("a second" is mostly an ordinal: "for a second day").
    (
        "single",
        ("half",),
        r"an?\s+(?P<unit>minute|hour|day|week|month|year|decade)\b(?!\s*-|\s+and\s+a\s+half)",
    ),
    # "1 hour 40 minutes", "two years and three months": one length in two units
    (
        "compound_duration",
        ("digit", "word"),
        rf"(?P<n>{N})\s+(?P<unit>{_DUR})s?,?\s+(?:and\s+)?(?P<n2>{N})\s+(?P<unit2>{_DUR})s?\b",
    ),
    ("duration", _NUM, rf"{_RANGE}?(?P<n>{N})\s*-\s*(?P<unit>{_DUR})\b(?!\s*-\s*old)"),
    ("duration", _NUM, rf"{_RANGE}?(?P<n>{N})\s+(?P<unit>{_DUR})s?\b(?!\s*-?\s*old)"),
    (
        "temperature",
        _NUM,
        rf"{_RANGE}?(?P<n>{N})\s*(?:°\s*(?P<t1>[cf])\b|degrees\s+(?P<t2>celsius|fahrenheit|c|f)\b"
        # "46.2C", and degrees with no scale ("-5 degrees", "5°"): the text's scale
        r"|(?<=\d)(?P<t3>[cf])\b(?![-.'’]\w)|°|degrees\b(?!\s+(?:of|east|west|north|south)\b))",
    ),
    # "60 million tons": a scale word between the number and its unit
    ("measure", _NUM, rf"{_RANGE}?(?P<n>{N})(?P<scale>{_SC})?\s*-?\s*(?P<unit>{UNIT_PATTERN})\b"),
    (
        "ordinal",
        ("ordinal", "digit"),
        rf"(?P<ord>{ORDINAL_WORD}|\d+(?:st|nd|rd|th))\s+(?:consecutive\s+|straight\s+)?"
        r"(?P<what>time|day|night|week|month|year|round|term|attempt|cut|reduction|hike|increase"
        r"|election|victory|defeat)s?\b",
    ),
    # "between 2014 and 2019", "from 2011 to 2020", "2014-2019": a span of years, not a count.
    (
        "years",
        ("digit", "between"),
        rf"(?:between\s+(?P<lo>{_YEAR})\s+and|(?P<lo2>{_YEAR})\s*(?:to|-))\s*(?P<y>{_YEAR})\b",
    ),
    ("year", ("digit",), rf"(?P<y>{_YEAR})\b(?!\s*(?:people|persons))"),
    # "1000+ injuries": a trailing plus is "at least"
    ("count", (*_NUM, "half"), rf"{_RANGE}?(?P<n>{N})(?P<scale>{_SC})?(?P<plus>\+(?![\d+]))?"),
)
COMPILED = tuple((kind, frozenset(anchors), re.compile(p)) for kind, anchors, p in SPECS)
QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{_Q})\s+$")
PREPOSITION_BEFORE = re.compile(
    r"\b(?P<pre>in|since|by|until|till|early|late|mid|last|next|this|of|from|before|after|during"
    r"|between|and|to)[\s-]+$"
)
# Words where a figure may start, by kind; "a"/"an" only before these words.
_NUMBER_WORDS = set(re.findall(r"[a-z]+", WORD_NUMBER)) - {"a", "and", "s"}
ANCHOR_WORDS: dict[str, str] = {
    **dict.fromkeys(_NUMBER_WORDS, "word"),
    **dict.fromkeys(MONTHS, "month"),
    **dict.fromkeys(WEEKDAYS, "weekday"),
    **dict.fromkeys(re.findall(r"[a-z]+", ORDINAL_WORD), "ordinal"),
    "between": "between",
    "magnitude": "magnitude",
    "ef": "rating",
    "f": "rating",
    **dict.fromkeys(("category", "level", "stage", "phase", "tier"), "category"),
    "aged": "aged",
    "half": "half",
    "quarter": "quarter",
    **dict.fromkeys(("dozens", "hundreds", "thousands", "millions", "tens"), "vague"),
}
A_BEFORE = frozenset(
    split_words(
        "dozen hundred thousand million billion second minute hour day week month year decade"
        " third quarter fifth tenth"
    )
)

WORDS_RE = re.compile(r"[a-z]+")
# One character class scans several times faster than "\d+|[$€£¥₹]"; a digit
# that follows a digit is passed over by the caller.
NON_WORD_ANCHOR_RE = re.compile(r"[\d$€£¥₹]")
A_WORDS = A_BEFORE | {w + "s" for w in A_BEFORE}
# The patterns to try at each kind of anchor, in priority order ("a" starts
# "a dozen" and "an hour and a half").
PATTERNS_AT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    anchor: tuple(
        (kind, pattern)
        for kind, anchors, pattern in COMPILED
        if anchors & ({"word", "half"} if anchor == "a" else {anchor})
    )
    for anchor in (
        "digit",
        "word",
        "vague",
        "between",
        "month",
        "weekday",
        "ordinal",
        "magnitude",
        "rating",
        "category",
        "aged",
        "half",
        "quarter",
        "currency",
        "a",
    )
}
# A paragraph none of whose words is here has no figure ("a" counts only
# before "dozen", "hour"...).
ANCHOR_SET = frozenset(ANCHOR_WORDS) | A_WORDS
SCALE_RE = re.compile(SCALE)

# Spans that are never figures: addresses, e-mails, phone numbers, long ids, note markers.
MASKS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\S+@\S+\.\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|uk|ru|ua|de|fr|info)\b(?:/\S*)?"
    r"|(?:\+\d{1,3}[\s.-]?)?\(\d{2,4}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}-\d{4}\b"
    r"|\b\d{7,}\b"
    # a code ("mh17", "af447", "dla2417"), not a table's label glued to its value
    # ("Depth8.8 km", "Magnitude6.3", as a page's table reads once copied)
    # ("Distances60 km": a whole value, followed by its unit)
    r"|\b[a-z]{1,4}\d+[a-z\d]*\b|\b\d+[a-z]+\d+[a-z\d]*\b"
    r"|\b[a-z]{5,}\d+(?![\d.,])(?!\s?(?:km|kilomet\w*|miles?|mi|met(?:er|re)s?|ft|feet|%|percent)\b)"
    r"[a-z\d]*\b"
    # a note's or a source's marker: "hit Metro Manila [2]", "the agency said.[14]"
    r"|\[\d{1,3}\]"
)

SCORE_WORDS = re.compile(
    r"\s*(?:win|victory|defeat|loss|lead|draw|scoreline|score|result|triumph|ruling|decision)\b"
)
SCORE_VERBS = re.compile(
    r"\b(?:won|beat|beats|lost|loses|defeated|drew|leads|led|trailed|trails)\s+(?:\w+\s+){0,3}$"
)
