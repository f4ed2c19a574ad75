"""Figure extraction: phrases in sentence context → value, unit, qualifier.

Each row guards one way news writes a figure (or one thing that looks like a
figure and is not). Values are in base units: seconds, metres, km/h, kg, m²,
the currency's unit; dates as documented in extract.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.engine import parse_report
from reportdiff.engine.figures import display_value, extract_figures
from reportdiff.engine.figures.extract import extract_paragraph
from reportdiff.engine.model import Figure, Paragraph, Report

DAY = 86400.0
YEAR = 365.25 * DAY
MILE = 1609.344


def figures_of(sentence: str) -> tuple[Figure, ...]:
    return tuple(f.figure for f in extract_paragraph(Paragraph(index=0, text=sentence)))


# (sentence, figure text, value, unit, qualifier)
PHRASES = [
    # --- a 24-hour time in its zone, a word between them or not ---
    (
        "The quake hit at 4:00am (2000 yesterday UTC).",
        "2000 yesterday UTC",
        72000,
        "s UTC",
        "exact",
    ),
    ("The quake struck at 1339 IST.", "1339 IST", 13 * 3600 + 39 * 60, "s IST", "exact"),
    # --- counts told by their size: the span a reader allows ---
    ("Dozens of people were hurt.", "Dozens", 24, "", "approximate"),
    ("Hundreds of thousands fled the storm.", "Hundreds of thousands", 200_000, "", "approximate"),
    ("Tens of thousands of homes lost power.", "Tens of thousands", 20_000, "", "approximate"),
    # --- dozens ---
    ("More than two dozen were taken to hospitals.", "More than two dozen", 24, "", "more_than"),
    ("About 2 dozen people were hurt.", "About 2 dozen", 24, "", "approximate"),
    ("In 2014 West Africa was hit by Ebola.", "2014", 2014, "year", "exact"),
    # --- a length in two units is one figure ---
    ("The flight normally takes 1 hour 40 minutes.", "1 hour 40 minutes", 6000, "s", "exact"),
    (
        "The siege lasted two years and three months.",
        "two years and three months",
        2 * 31557600 + 3 * 2629800,
        "s",
        "exact",
    ),
    # --- cardinals in digits and words ---
    ("One hundred-and-86 people were on board.", "One hundred-and-86", 186, "", "exact"),
    ("Rescuers pulled 23 survivors from the rubble.", "23", 23, "", "exact"),  # plain digits
    ("Russia will exchange 175 prisoners with Ukraine.", "175", 175, "", "exact"),  # plain digits
    ("A dozen people were hurt in the blast.", "A dozen", 12, "", "exact"),  # "a dozen" = 12
    ("Half a dozen cars were burned.", "Half a dozen", 6, "", "exact"),  # "half a dozen" = 6
    (
        "Nearly 1,500 homes lost power.",
        "Nearly 1,500",
        1500,
        "",
        "approximate",
    ),  # separator + nearly
    ("The city has 2.4 million residents.", "2.4 million", 2.4e6, "", "exact"),  # scale word
    ("Officials said 5m people lost power.", "5m", 5e6, "", "exact"),  # glued "m" = million
    ("Some 300 firefighters battled the blaze.", "Some 300", 300, "", "approximate"),  # "some"
    ("At least 12 people were killed.", "At least 12", 12, "", "more_than"),  # lower bound
    ("Officials confirmed at least one death.", "at least one", 1, "", "more_than"),  # bound "one"
    ("Only one death has been confirmed.", "one", 1, "", "exact"),
    # "more than" is a lower bound
    ("More than 40 drones were launched overnight.", "More than 40", 40, "", "more_than"),
    ("Up to 15 people may still be trapped.", "Up to 15", 15, "", "less_than"),  # upper bound
    # "fewer than" is an upper bound
    ("Fewer than 100 voters turned out.", "Fewer than 100", 100, "", "less_than"),
    # "around" is approximate
    ("Around 200 people were evacuated.", "Around 200", 200, "", "approximate"),
    # "roughly" is approximate, with a thousands separator
    ("Roughly 5,000 troops took part.", "Roughly 5,000", 5000, "", "approximate"),
    ("Almost 30 buildings collapsed.", "Almost 30", 30, "", "approximate"),  # "almost" ≈
    ("Over 3,000 flights were cancelled.", "Over 3,000", 3000, "", "more_than"),  # "over"
    # "at most" is an upper bound
    ("At most 20 lawmakers are expected to defect.", "At most 20", 20, "", "less_than"),
    # "upwards of" is a lower bound
    ("Upwards of 10,000 people marched.", "Upwards of 10,000", 10000, "", "more_than"),
    # "less than" is an upper bound
    ("Less than 50 homes remain standing.", "Less than 50", 50, "", "less_than"),
    ("Under 40 votes separated the candidates.", "Under 40", 40, "", "less_than"),  # "under"
    ("Thirty-two miners were trapped underground.", "Thirty-two", 32, "", "exact"),  # hyphenated
    (
        "One hundred and seventy-five prisoners were freed.",
        "One hundred and seventy-five",
        175,
        "",
        "exact",
    ),
    ("The quake injured 1,200 people.", "1,200", 1200, "", "exact"),  # after a verb
    # decimal with a scale word before a noun phrase
    ("The tanker carried 1.2 million barrels of oil.", "1.2 million", 1.2e6, "", "exact"),
    # "an estimated" is approximate
    ("An estimated 40,000 people fled.", "An estimated 40,000", 40000, "", "approximate"),
    ("Seven people died and 12 were injured.", "Seven", 7, "", "exact"),  # sentence-initial word
    (
        "Seven people died and 12 were injured.",
        "12",
        12,
        "",
        "exact",
    ),  # second count, same sentence
    ("The bus carried forty-one passengers.", "forty-one", 41, "", "exact"),  # lower-case words
    # "about" at the start of a sentence
    ("About 2,500 soldiers were deployed.", "About 2,500", 2500, "", "approximate"),
    ("Police arrested 3 people.", "3", 3, "", "exact"),  # single digit
    ("As many as 60 homes were flooded.", "As many as 60", 60, "", "less_than"),  # upper bound
    ("Exactly 1,000,000 ballots were printed.", "1,000,000", 1e6, "", "exact"),  # two separators
    # --- durations ---
    # the DESIGN example: a duration with a lower bound
    ("The leaders spoke for more than 90 minutes.", "more than 90 minutes", 5400, "s", "more_than"),
    # spelled-out fraction of hours
    ("It was a two and a half hours phone call.", "two and a half hours", 9000, "s", "exact"),
    ("The meeting lasted 2.5 hours.", "2.5 hours", 9000, "s", "exact"),  # decimal hours
    ("Washington proposed a 30-day ceasefire.", "30-day", 30 * DAY, "s", "exact"),  # compound
    (
        "They refused a 30 -day stop in the fighting.",
        "30 -day",
        30 * DAY,
        "s",
        "exact",
    ),  # stray space
    (
        "They refused a 30 – day stop in the fighting.",
        "30 – day",
        30 * DAY,
        "s",
        "exact",
    ),  # en dash
    # "half an hour" = 30 minutes
    ("The talks took half an hour.", "half an hour", 1800, "s", "exact"),
    # hyphenated word-number compound
    ("It is the first truce in a three-year war.", "three-year", 3 * YEAR, "s", "exact"),
    # compound with a stray space (seen in a seed)
    ("It is the first truce in a three -year war.", "three -year", 3 * YEAR, "s", "exact"),
    (
        "Russia has attacked for more than three years.",
        "more than three years",
        3 * YEAR,
        "s",
        "more_than",
    ),
    # approximate duration
    ("The storm lasted about 12 hours.", "about 12 hours", 43200, "s", "approximate"),
    # years in seconds
    ("He was sentenced to 10 years in prison.", "10 years", 10 * YEAR, "s", "exact"),
    # hours in seconds
    ("The search went on for 48 hours.", "48 hours", 172800, "s", "exact"),
    # weeks in seconds
    ("Voting ran for three weeks.", "three weeks", 21 * DAY, "s", "exact"),
    # "an hour and a half" = 90 minutes
    ("The strike lasted an hour and a half.", "an hour and a half", 5400, "s", "exact"),
    # seconds are the base unit
    ("The tremor lasted 40 seconds.", "40 seconds", 40, "s", "exact"),
    # minute compound
    ("Trump held a 90-minute call with Putin.", "90-minute", 5400, "s", "exact"),
    # a range of durations, value is its low end
    ("The rescue took between 3 and 4 hours.", "between 3 and 4 hours", 10800, "s", "range"),
    # "to" range of durations
    ("Crews worked 10 to 12 hours a day.", "10 to 12 hours", 36000, "s", "range"),
    # hour compound
    ("Both sides agreed to a 72-hour truce.", "72-hour", 72 * 3600, "s", "exact"),
    # "nearly" is approximate
    ("The outage lasted nearly two days.", "nearly two days", 2 * DAY, "s", "approximate"),
    # plain hours
    ("The flight lasted 11 hours.", "11 hours", 11 * 3600, "s", "exact"),
    # months at their mean length
    ("The siege lasted six months.", "six months", 6 * 30.4375 * DAY, "s", "exact"),
    (
        "Fighting lasted less than a decade, or under 9 years.",
        "under 9 years",
        9 * YEAR,
        "s",
        "less_than",
    ),
    # word-number week compound
    ("A two-week curfew was imposed.", "two-week", 14 * DAY, "s", "exact"),
    # --- percentages ---
    # percent sign, approximate (seed wording)
    ("Russia occupies around 20% of Ukraine.", "around 20%", 20, "%", "approximate"),
    # "percent" spelled out, approximate (seed wording)
    ("Russia seized about 20 percent of Ukraine.", "about 20 percent", 20, "%", "approximate"),
    ("Turnout reached 20 per cent.", "20 per cent", 20, "%", "exact"),  # British spelling
    # decimal percent
    ("Inflation rose to 3.2%.", "3.2%", 3.2, "%", "exact"),
    # decimal percent spelled out
    ("He won 52.3 percent of the vote.", "52.3 percent", 52.3, "%", "exact"),
    # a range of percents
    ("Growth was between 3 and 4 percent.", "between 3 and 4 percent", 3, "%", "range"),
    ("Support fell by 5 percentage points.", "5 percentage points", 5, "pp", "exact"),  # not %
    # a quarter of an hour is a duration
    ("It took a quarter of an hour.", "a quarter of an hour", 900, "s", "exact"),
    ("It lasted three quarters of an hour.", "three quarters of an hour", 2700, "s", "exact"),
    ("The crossing took an hour and a quarter.", "an hour and a quarter", 4500, "s", "exact"),
    ("It forced a quarter of a million people out.", "a quarter of a million", 250000, "", "exact"),
    ("The stadium was three-quarters empty.", "three-quarters", 25, "%", "exact"),
    # a share in words
    ("About two-thirds of voters backed it.", "About two-thirds", 66.7, "%", "approximate"),
    ("Reservoirs are less than a third full.", "less than a third", 33.3, "%", "less_than"),
    ("Half of the town was flooded.", "Half", 50, "%", "exact"),
    # basis points and fractions of a point are percentage points
    ("Rates were cut by 25 basis points.", "25 basis points", 0.25, "pp", "exact"),
    ("It raised rates by 50bp.", "50bp", 0.5, "pp", "exact"),
    (
        "It cut by a quarter of a percentage point.",
        "a quarter of a percentage point",
        0.25,
        "pp",
        "exact",
    ),
    ("A half-point cut is likely.", "half-point", 0.5, "pp", "exact"),
    # a nautical mile is no mile
    ("The ship sank 2.8 nautical miles off the cape.", "2.8 nautical miles", 5185.6, "m", "exact"),
    ("The fire burned 20 square miles.", "20 square miles", 51.8e6, "m2", "exact"),
    # points where votes or shares are told are percentage points
    ("The margin of three points surprised pollsters.", "three points", 3, "pp", "exact"),
    # approximate percent
    ("Nearly 60% of homes were damaged.", "Nearly 60%", 60, "%", "approximate"),
    # hyphen range of percents
    ("Prices jumped 10-15% this year.", "10-15%", 10, "%", "range"),
    # plain percent
    ("The party won 41% of seats.", "41%", 41, "%", "exact"),
    # "pct" abbreviation
    ("Unemployment is 4.1 pct.", "4.1 pct", 4.1, "%", "exact"),
    # lower bound on a percent
    ("More than 70 percent of voters backed it.", "More than 70 percent", 70, "%", "more_than"),
    # --- money ---
    # dollar sign (seed boilerplate wording)
    ("Support us monthly starting from just $2.", "$2", 2, "USD", "exact"),
    # euro sign with glued "m" = million
    ("The EU approved a €40m aid package.", "€40m", 40e6, "EUR", "exact"),
    # dollars with a scale word
    ("The deal is worth $3.2 billion.", "$3.2 billion", 3.2e9, "USD", "exact"),
    # pounds with glued "bn"
    ("Britain pledged £1.5bn in loans.", "£1.5bn", 1.5e9, "GBP", "exact"),
    # lower bound on money
    ("Damage topped more than $1 billion.", "more than $1 billion", 1e9, "USD", "more_than"),
    # currency spelled out after the number
    ("He paid a fine of 500 euros.", "500 euros", 500, "EUR", "exact"),
    # currencies of other countries, spelled out
    ("The cabinet approved 2 billion koruna in aid.", "2 billion koruna", 2e9, "CZK", "exact"),
    ("Warsaw set aside 300 million zlotys for repairs.", "300 million zlotys", 3e8, "PLN", "exact"),
    # "US$" prefix
    ("The fund holds US$5 million.", "US$5 million", 5e6, "USD", "exact"),
    # approximate money
    ("Donors gave about $300,000 to victims.", "about $300,000", 300000, "USD", "approximate"),
    (
        "Repairs will cost between $3 and $4 billion.",
        "between $3 and $4 billion",
        3e9,
        "USD",
        "range",
    ),
    # yen with trillion
    ("Japan unveiled a ¥2 trillion stimulus.", "¥2 trillion", 2e12, "JPY", "exact"),
    # glued "m" after a decimal
    ("A $2.5m settlement was reached.", "$2.5m", 2.5e6, "USD", "exact"),
    # "dollars" spelled out
    ("Tickets cost 40 dollars each.", "40 dollars", 40, "USD", "exact"),
    # --- dates and years ---
    (
        "They clashed in the Oval Office on Feb. 28, officials said.",
        "Feb. 28",
        228,
        "month-day",
        "exact",
    ),
    # month and year
    ("The invasion began in February 2022.", "February 2022", 202202, "year-month", "exact"),
    # month and day
    ("The vote was held on March 19.", "March 19", 319, "month-day", "exact"),
    # a year after "in"
    ("Russia annexed Crimea in 2014.", "2014", 2014, "year", "exact"),
    # spans of years, not counts nor a change "from" one year "to" another
    (
        "Contracts were rigged between 2014 and 2019.",
        "between 2014 and 2019",
        2014,
        "year",
        "range",
    ),
    ("He was mayor from 2011 to 2020.", "2011 to 2020", 2011, "year", "range"),
    ("The 2014-2019 programme was cut.", "2014-2019", 2014, "year", "range"),
    ("Between 1900 and 2000 people were evacuated.", "Between 1900 and 2000", 1900, "", "range"),
    # a weekday for when something happened
    ("The talks began on Tuesday.", "Tuesday", 2, "weekday", "exact"),
    # weekday followed by a time of day
    ("Polls open on Sunday morning.", "Sunday", 7, "weekday", "exact"),
    (
        "On 19 March 2025 the quake struck.",
        "19 March 2025",
        dt.date(2025, 3, 19).toordinal(),
        "date",
        "exact",
    ),
    (
        "The quake struck on March 19, 2025.",
        "March 19, 2025",
        dt.date(2025, 3, 19).toordinal(),
        "date",
        "exact",
    ),
    # a year after "in" (seed wording)
    ("Russia was expelled in 2018.", "2018", 2018, "year", "exact"),
    (
        "Talks were held in late February.",
        "February",
        2,
        "month",
        "exact",
    ),  # month alone after "late"
    # a year after "by"
    ("The plant will close by 2030.", "2030", 2030, "year", "exact"),
    (
        "The filing is dated 2025-03-19.",
        "2025-03-19",
        dt.date(2025, 3, 19).toordinal(),
        "date",
        "exact",
    ),
    ("He won the 2024 presidential election.", "2024", 2024, "year", "exact"),  # year as modifier
    # abbreviated month with a period
    ("The storm made landfall on Aug. 29.", "Aug. 29", 829, "month-day", "exact"),
    # ordinal day "of" month
    ("Parliament votes on the 3rd of June.", "3rd of June", 603, "month-day", "exact"),
    # --- times of day ---
    # time with a.m.
    ("The quake struck at 9:30 a.m. local time.", "9:30 a.m.", 9.5 * 3600, "s", "exact"),
    # a full stop between hour and minutes (British style)
    ("The quake hit at 4.12 a.m. on Sunday.", "4.12 a.m.", 4 * 3600 + 720, "s", "exact"),
    # hour with pm
    ("Polls close at 11 pm tonight.", "11 pm", 23 * 3600, "s", "exact"),
    # 24-hour clock
    ("The train left at 14:45.", "14:45", 14.75 * 3600, "s", "exact"),
    # glued am
    ("Sirens sounded at 6am.", "6am", 6 * 3600, "s", "exact"),
    # a time "shortly after" the hour: the words belong to the figure
    (
        "The tornado touched down shortly after 6 p.m.",
        "shortly after 6 p.m.",
        18 * 3600,
        "s",
        "more_than",
    ),
    # "just before" the hour
    ("The dam gave way just before 11 p.m.", "just before 11 p.m.", 23 * 3600, "s", "less_than"),
    # "around" a time
    ("The ferry sank at around 3:10 a.m.", "around 3:10 a.m.", 3 * 3600 + 600, "s", "approximate"),
    # --- one unit after a qualifier or "for" ---
    ("The shaking was felt for close to a minute.", "close to a minute", 60, "s", "approximate"),
    ("Traffic stood still for an hour.", "an hour", 3600, "s", "exact"),
    ("Rebuilding the bridge took more than a year.", "more than a year", YEAR, "s", "more_than"),
    # --- magnitudes and measured quantities ---
    # "magnitude N"
    ("A magnitude 6.1 earthquake hit the region.", "magnitude 6.1", 6.1, "M", "exact"),
    # "N-magnitude"
    ("A 6.1-magnitude quake hit the region.", "6.1-magnitude", 6.1, "M", "exact"),
    # "magnitude-N"
    ("A magnitude-7.8 quake struck Turkey.", "magnitude-7.8", 7.8, "M", "exact"),
    # "a magnitude of N"
    ("The quake had a magnitude of 5.4.", "magnitude of 5.4", 5.4, "M", "exact"),
    # miles to metres
    ("The epicentre was 35 miles from the capital.", "35 miles", 35 * MILE, "m", "exact"),
    # kilometres to metres
    ("It struck at a depth of 10 km.", "10 km", 10000, "m", "exact"),
    ("It struck at a depth of 10km.", "10km", 10000, "m", "exact"),  # glued unit
    # a measure and its conversion after a slash, each read whole
    ("It lies 44 miles/70 kilometers south of the capital.", "44 miles", 44 * MILE, "m", "exact"),
    ("It lies 44 miles/70 kilometers south of the capital.", "70 kilometers", 70000, "m", "exact"),
    # mph to km/h
    ("Winds of 120 mph battered the coast.", "120 mph", 120 * 1.609344, "km/h", "exact"),
    # speed with an upper bound
    ("Gusts reached up to 150 km/h.", "up to 150 km/h", 150, "km/h", "less_than"),
    # area in square metres
    ("The fire burned 5,000 hectares.", "5,000 hectares", 5e7, "m2", "exact"),
    # length compound
    ("A 30-metre wave hit the port.", "30-metre", 30, "m", "exact"),
    # temperature in Celsius
    ("Temperatures reached 45°C.", "45°C", 45, "°C", "exact"),
    # weight in kilograms
    ("Trucks carried 20 tonnes of aid.", "20 tonnes", 20000, "kg", "exact"),
    # --- ranges ---
    # a range of counts
    ("Between 10 and 15 people were hurt.", "Between 10 and 15", 10, "", "range"),
    # "to" range of counts
    ("Officials said 10 to 15 people were missing.", "10 to 15", 10, "", "range"),
    # hyphen range of counts
    ("Officials said 10-15 people were missing.", "10-15", 10, "", "range"),
    (
        "Losses were put at $250 billion to $275 billion.",
        "$250 billion to $275 billion",
        2.5e11,
        "USD",
        "range",
    ),
    (
        "Repairs cost $300 million to $1 billion.",
        "$300 million to $1 billion",
        3e8,
        "USD",
        "range",
    ),  # own scales
    (
        "The city grew from 2.4 million to 3 million.",
        "2.4 million",
        2.4e6,
        "",
        "exact",
    ),  # a change, not a range
    ("Turnout rose from 51% to 66%.", "66%", 66, "%", "exact"),  # the new value stands alone
    # --- ordinals that state a quantity ---
    # ordinal that states a quantity
    ("The dam failed for the third time.", "third time", 3, "time", "exact"),
    # digit ordinal
    ("It is the 21st day of the siege.", "21st day", 21, "day", "exact"),
    # ordinal with "consecutive"
    (
        "Protests continued for a second consecutive day.",
        "second consecutive day",
        2,
        "day",
        "exact",
    ),
    # --- ages (not durations of the event) ---
    # an age, not a duration of the event
    ("A 10-year-old boy was among the dead.", "10-year-old", 10, "year", "exact"),
    # "aged N"
    ("A man aged 45 was arrested.", "aged 45", 45, "year", "exact"),
    # "a <person> of N" with nothing counted after the number
    ("A man of 74 was swept away with his car.", "74", 74, "year", "exact"),
    # "N years old"
    ("The victim, 34 years old, was a nurse.", "34 years old", 34, "year", "exact"),
    # an age set off by commas after a name is an age, not a count of 58 things
    ("said Rosa Quispe, 58, who ran into the street.", "58", 58, "year", "exact"),
    # ...or after a person, before "of <town>"
    ("The driver, 54, of Leeds, was arrested at the scene.", "54", 54, "year", "exact"),
    # ...or in brackets, as British papers write it
    ("Dennis Holt (71) was pulled from the water alive.", "71", 71, "year", "exact"),
    # --- bounds keep the contract's names; inclusiveness is kept inside (qualifiers.py) ---
    ("As many as 5,000 homes may be flooded.", "As many as 5,000", 5000, "", "less_than"),
    ("No fewer than 8 ministers resigned.", "No fewer than 8", 8, "", "more_than"),
    ("Below 30 patients remain in intensive care.", "Below 30", 30, "", "less_than"),
]

# (sentence, figure text, the qualifier as worded: inclusive or not)
BOUNDS = [
    ("At least 12 people were killed in the fire.", "At least 12", "at_least"),
    ("More than 12 people were killed in the fire.", "More than 12", "more_than"),
    ("Fewer than 10 people were injured in the crash.", "Fewer than 10", "less_than"),
    ("Up to 300 people were evacuated from the village.", "Up to 300", "at_most"),
    ("Under 40 votes separated the two candidates.", "Under 40", "less_than"),
    ("No more than 20 lawmakers are expected to defect.", "No more than 20", "at_most"),
    ("Some 300 firefighters battled the blaze.", "Some 300", "approximate"),
    ("Rescuers pulled 23 survivors from the rubble.", "23", "exact"),
]


@pytest.mark.parametrize(("sentence", "text", "said"), BOUNDS)
def test_bound_is_inclusive_or_not(sentence: str, text: str, said: str) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].said == said


# (sentence, figure text) — numbers that are ages or other things, never counts
NOT_COUNTS = [
    ("Vederi, 47, a former deputy governor, campaigned on the euro.", "47"),  # name, age,
    ("The suspect, 19, was charged with arson on Friday.", "19"),  # person, age,
    ("A 54-year-old man was arrested after the attack.", "54-year-old"),  # compound age
]


@pytest.mark.parametrize(("sentence", "text"), NOT_COUNTS)
def test_ages_are_not_counts(sentence: str, text: str) -> None:
    by_text = {f.text: f for f in figures_of(sentence)}
    assert by_text[text].dimension == "age"


# (sentence, figure text, the event its label names, or None)
EVENTS = [
    # a toll, however far its number: a magnitude between the two is the quake's
    (
        "Officials said the death toll from a 7.2 magnitude earthquake in Les Cayes rose to 2,207.",
        "2,207",
        "@death",
    ),
    ("The body's 12 members voted to approve the budget.", "12", None),  # possessive "body's"
    ("The governing body said 12 members had resigned.", "12", None),  # "body" owns no count
    ("Police found a body by the river, and 12 members of the search team joined.", "12", None),
    ("The union's 4,000 members walked out after the deaths of two workers.", "4,000", "@strike"),
    ("The union's 4,000 members walked out after the deaths of two workers.", "two", "@death"),
    ("Parliament's 150 members observed a minute of silence for the dead.", "150", None),
    ("The club's 300 members mourned the death of its founder.", "300", None),
    ("Rescuers said 15 people were killed when the dam burst.", "15", "@death"),  # not rescued
    ("The storm left four dead and 200,000 without power.", "200,000", None),
    ("Twelve miners were trapped and 3 died in the collapse.", "Twelve", "@missing"),  # not died
    ("Twelve miners were trapped and 3 died in the collapse.", "3", "@death"),
    ("Rescuers pulled four men alive from the mine.", "four", "@rescue"),  # pulled out alive
    ("Twelve miners were still alive, officials said.", "Twelve", None),  # alive, not rescued
    ("1,500 soldiers were sent to help with evacuations.", "1,500", None),  # another verb's
    ("The strike killed five soldiers and seven civilians.", "seven", "@death"),  # one verb
    ("The fire killed 12 people and 40 were injured.", "40", "@injury"),  # its own predicate
    ("The fire killed 12 people and destroyed 40 homes.", "40", "@destroyed"),
    ("The crash killed 7 of the 170 people on board.", "170", None),
    ("The death toll rose to 12 on Tuesday.", "12", "@death"),  # toll + linking verb
    ("The quake killed at least 12 people and injured 140.", "140", "@injury"),
    ("Firefighters recovered the bodies of 12 victims.", "12", "@death"),
    ("Twelve people lost their lives when the bus overturned.", "Twelve", "@death"),
    ("At least 79 people were trampled to death outside the stadium.", "At least 79", "@death"),
    (
        "At least 79 people, nearly all of them women, were trampled to death.",
        "At least 79",
        "@death",
    ),  # an aside between commas is passed over
    ("Twelve people, most of them children, were killed in the blast.", "Twelve", "@death"),
    ("Police questioned 30 people, officials said, and 12 were hurt.", "30", None),
    ("About 35,000 residents of low-lying areas were told to leave.", "About 35,000", "@displaced"),
    ("Russia would release 23 soldiers with serious injuries.", "23", "@injury"),
]


@pytest.mark.parametrize(("sentence", "text", "event"), EVENTS)
def test_event_words_govern_only_their_figure(sentence: str, text: str, event: str | None) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].context.event == event


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), PHRASES)
def test_phrase_is_read(sentence: str, text: str, value: float, unit: str, qualifier: str) -> None:
    by_text = {f.text: f for f in figures_of(sentence)}
    assert text in by_text, f"found {sorted(by_text)}"
    figure = by_text[text]
    assert figure.value == pytest.approx(value, rel=1e-6)
    assert (figure.unit, figure.qualifier) == (unit, qualifier)
    assert sentence[figure.start : figure.end] == text  # the span is exact


# (sentence, text that must not be or be part of a figure)
NOT_FIGURES = [
    ("The hundreds who came stayed all night.", "hundreds"),
    ("Putin mocked the G7 as too small to see on a map.", "G7"),  # group name
    ("The Boeing 787 landed safely in Doha.", "787"),  # aircraft model
    ("COVID-19 cases rose again in the city.", "19"),  # disease name
    ("Section 230 protects online platforms.", "230"),  # law section
    ("An F-16 crashed near the base.", "16"),  # aircraft model with dash
    ("Call 555-0123 for details.", "555-0123"),  # phone number
    ("Call +1 202 555 0143 for details.", "202"),  # international phone number
    ("See https://example.com/news/2024/quake-12 for more.", "2024"),  # URL
    ("Send tips to desk24@example.org today.", "24"),  # e-mail address
    ("Order A1234567 was shipped.", "1234567"),  # identifier
    ("Arsenal won 3-2 on Sunday.", "3-2"),  # a score, not a range
    ("The court issued a 5-4 ruling.", "5-4"),  # a vote split
    ("Memorials marked the 9/11 attacks.", "9/11"),  # date-like name
    ("Flight 370 vanished in 2014.", "370"),  # flight number
    ("Arrivals fell in the first half of the year.", "half"),  # a period, no share
    ("It was the best quarter of a century for the club.", "quarter"),  # an amount of time
    ("It was one of the worst storms in memory.", "one"),  # pronoun "one"
    ("The MH17 report was published.", "17"),  # flight code
    ("Article 5 of the treaty was invoked.", "5"),  # article number
    ("The toll may 5 rise, officials said.", "may"),  # "may" is no month in lower case
    ("The march drew crowds on Main Street.", "march"),  # "march" is no month here
    ("Android 14 was released.", "14"),  # product name
    ("The two leaders met in Geneva on Friday.", "two"),  # a reference to people named
    ("Talks between the three countries stalled.", "three"),  # a reference to groups named
    ("The ferry sails twice a day in summer.", "a day"),  # a rate, not a length
    ("Subscriptions cost $4 a month.", "a month"),  # a price per month
    ("A year ago the river burst its banks.", "A year"),  # when, not how long
    ("One person died, officials said.", "One"),  # "one" alone is mostly a pronoun
    ("At least one of them was killed.", "one"),  # one of a group: no count
    ("He was the only one left.", "one"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_FIGURES)
def test_not_a_figure(sentence: str, text: str) -> None:
    start = sentence.index(text)
    end = start + len(text)
    clashing = [f.text for f in figures_of(sentence) if f.start < end and start < f.end]
    assert not clashing


def test_age_is_not_a_duration() -> None:
    (figure,) = figures_of("A 10-year-old boy was among the dead.")
    assert figure.dimension == "age"


def test_percentage_points_differ_from_percent() -> None:
    (points,) = figures_of("Support fell by 5 percentage points.")
    (share,) = figures_of("Support fell to 5 percent.")
    assert points.dimension != share.dimension


# (sentence, figure text, noun) — what a figure counts or measures
NOUNS = [
    # "others" are the people an earlier number counts, never its unit or a thing
    ("The quake killed 34 people and injured 500 others.", "500", "people"),
    ("Police arrested 50 suspects over 3 days and charged 30 others.", "30", "suspects"),
    ("Rescuers found 12 bodies in the first 48 hours and pulled 40 others alive.", "40", "others"),
    # noun after adjectives
    ("Russia will release 23 Ukrainian soldiers with serious injuries.", "23", "soldiers"),
    # first plural noun, not the verb after it
    ("Russia launched over 40 drones targeting civilian infrastructure.", "over 40", "drones"),
    ("The death toll rose to 15.", "15", "toll"),  # the head before the figure
    # "dead" names what is counted
    ("At least 12 dead after the fire.", "At least 12", "dead"),
    # the noun a compound modifies
    ("Washington proposed a 30-day ceasefire.", "30-day", "ceasefire"),
    # percent sign, approximate (seed wording)
    ("Russia occupies around 20% of its territory.", "around 20%", "territory"),
    # "N-magnitude"
    ("A 6.1-magnitude earthquake struck.", "6.1-magnitude", "earthquake"),
]


@pytest.mark.parametrize(("sentence", "text", "noun"), NOUNS)
def test_noun(sentence: str, text: str, noun: str) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].context.noun == noun


# (sentence, figure text, whether it is recalled from before)
PAST = [
    ("Turnout was 48%, down from 53% four years ago.", "53%", True),
    ("Turnout was 48%, down from 53% four years ago.", "48%", False),
    ("Sales rose to 2.1 million, up from 1.8 million a year earlier.", "1.8 million", True),
    ("Inflation eased to 3.1%, compared with 4.2% last year.", "4.2%", True),
    ("The quake killed 12 people two days ago.", "12", False),
    ("The sheriff revised the death toll downward, from 88 to 85.", "88", True),
    ("The sheriff revised the death toll downward, from 88 to 85.", "85", False),
    (
        "His lead has dropped from more than 60 percent to just below a majority.",
        "more than 60 percent",
        True,
    ),
]


@pytest.mark.parametrize(("sentence", "text", "past"), PAST)
def test_past_figures_are_marked(sentence: str, text: str, past: bool) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].past is past


def test_a_year_in_a_clause_about_someone_is_not_the_figures_year() -> None:
    sentence = "Mendes, who has led the union since 2015, won 57% of the vote in 2024."
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found["57%"].years == frozenset({2024})


def test_boilerplate_states_no_figures() -> None:
    report = Report(
        title="t",
        paragraphs=(
            Paragraph(index=0, text="At least 12 people died."),
            Paragraph(index=1, text="Support us from just $2 a month.", boilerplate=True),
        ),
    )
    assert [f.text for f in extract_figures(report)] == ["At least 12"]


def test_figures_carry_their_paragraph_and_interval() -> None:
    (figure,) = figures_of("Around 200 people were evacuated.")
    assert figure.paragraph == 0
    assert (figure.low, figure.high) == pytest.approx((180, 220))


@given(st.text(max_size=300))
def test_any_text_gives_figures_with_exact_spans(text: str) -> None:
    for figure in figures_of(text):
        assert text[figure.start : figure.end] == figure.text
        assert 0 <= figure.start < figure.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "20%",
                "more than",
                "3",
                "hours",
                "$",
                "2.4",
                "million",
                "-",
                "day",
                "Feb.",
                "28",
                "between",
                "and",
                "to",
                "G7",
                "year-old",
                "percent",
                "a",
                "dozen",
                "half",
                "an",
            ]
        ),
        max_size=12,
    )
)
def test_figure_words_in_any_order_never_crash(words: list[str]) -> None:
    text = " ".join(words)
    for figure in figures_of(text):
        assert text[figure.start : figure.end] == figure.text


def test_engine_import_leaves_figure_machinery_unloaded() -> None:
    # The first window imports the engine; figures load with the first comparison.
    code = (
        "import sys, reportdiff.engine; "
        "print('reportdiff.engine.figures' in sys.modules, 'text_to_num' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]


# (sentence, figure text, the value as a view shows it) — display.display_value
DISPLAYS = [
    ("Dozens of people were hurt.", "Dozens", "24 to 99"),
    ("Hundreds of thousands fled the storm.", "Hundreds of thousands", "200,000 to 999,999"),
    ("The leaders spoke for more than 90 minutes.", "more than 90 minutes", "1 h 30 min"),
    ("They held a two and a half hours phone call.", "two and a half hours", "2 h 30 min"),
    ("The shaking lasted about 40 seconds.", "about 40 seconds", "40 s"),
    ("Washington proposed a 30-day ceasefire.", "30-day", "30 days"),
    ("It is the first truce in the three-year war.", "three-year", "3 years"),
    ("The curfew will last 1.5 days.", "1.5 days", "1 day 12 h"),
    ("Insured losses reached $3.2 billion.", "$3.2 billion", "3.2 billion USD"),
    ("The city has 2.4 million residents.", "2.4 million", "2.4 million"),
    ("Nearly 1,500 homes lost power.", "Nearly 1,500", "1,500"),
    ("The quake struck 35 kilometres below the surface.", "35 kilometres", "35 km"),
    ("Turnout was 62.4%, the commission said.", "62.4%", "62.4%"),
    ("The runoff is set for Nov. 24.", "Nov. 24", "24 November"),
    ("Between 10 and 15 people were hurt.", "Between 10 and 15", "10 to 15"),
    ("He was mayor from 2011 to 2020.", "2011 to 2020", "2011 to 2020"),
    # reference35 (Wikinews / USGS): a plate's drift, a time to the second, a dotted time
    ("The plates converge at a rate of 80 millimeters per year.", "80 millimeters per year",
     "8 cm/yr"),
    ("They converge at a rate of 71 mm/yr.", "71 mm/yr", "7.1 cm/yr"),
    ("The coast retreats 4 mm per year.", "4 mm per year", "4 mm/yr"),
    ("Winds of 100 km/h lashed the coast.", "100 km/h", "100 km/h"),
    ("- 2010-02-27 06:34:11 UTC", "06:34:11 UTC", "06:34:11"),
    ("The earthquake started at 06.34.14 UTC on Saturday.", "06.34.14 UTC", "06:34:14"),
    ("A wave reached the coast at 16.50 UTC.", "16.50 UTC", "16:50"),
    # a seismologist's notation for a magnitude
    ("- 8.8 mww", "8.8 mww", "magnitude 8.8"),
    ("The M 8.8 Chilean (Maule) earthquake occurred offshore.", "8.8", "magnitude 8.8"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "shown"), DISPLAYS)
def test_values_are_shown_in_words(sentence: str, text: str, shown: str) -> None:
    by_text = {f.text: f for f in figures_of(sentence)}
    assert display_value(by_text[text]) == shown


def test_display_needs_no_figure_machinery() -> None:
    # Views import display_value at start-up; extraction loads with the first comparison.
    code = (
        "import sys; from reportdiff.engine.figures import display_value; "
        "print('reportdiff.engine.figures.extract' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False"]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("Haiti Earthquake Death Toll Nears 1,300", "Nears 1,300", 1235.0, 1300.0),  # 5 % under
        ("The death toll passed 2,200 on Sunday.", "passed 2,200", 2200.0, None),
        ("The train passed 40 stations.", "40", 40.0, 40.0),  # no toll: no bound
    ],
)
def test_a_toll_that_nears_or_passes_a_number_is_bounded_by_it(
    sentence: str, text: str, low: float, high: float | None
) -> None:
    (figure,) = [f for f in figures_of(sentence) if f.dimension == "count"]
    assert (figure.text, figure.low, figure.high) == (text, low, high)


@pytest.mark.parametrize(
    ("sentence", "text", "dimension"),
    [
        ("The calamity left more than 2000 dead.", "more than 2000", "count"),
        ("Nearly 1500 homes were destroyed.", "Nearly 1500", "count"),
        ("The church was built in about 1900.", "1900", "date"),  # a year after "in"
        ("Rents have risen since at least 2010.", "2010", "date"),
    ],
)
def test_a_bound_on_a_year_like_number_is_a_count(sentence: str, text: str, dimension: str) -> None:
    (figure,) = figures_of(sentence)
    assert (figure.text, figure.dimension) == (text, dimension)


@pytest.mark.parametrize(
    ("sentence", "text", "dimension"),
    [
        ("It followed a massive 7.8 earthquake, which struck near noon.", "7.8", "magnitude"),
        ("A 6.1-quake hit the coast on Monday.", "6.1", "magnitude"),
        ("The region sees 2.5 quakes a day.", "2.5", "count"),  # a rate, not one quake
    ],
)
def test_a_decimal_right_before_a_quake_is_its_magnitude(
    sentence: str, text: str, dimension: str
) -> None:
    (figure,) = [f for f in figures_of(sentence) if f.text == text]
    assert figure.dimension == dimension


@pytest.mark.parametrize(
    ("sentence", "text", "past"),
    [
        (
            "Exports rose 4.5 percent, compared with 3.1 percent a year earlier.",
            "3.1 percent",
            True,
        ),
        ("Exports rose 4.5 percent, compared with 3.1 percent for 2019.", "3.1 percent", True),
        ("Sales rose 4 percent, compared with 3 percent for February.", "3 percent", True),
        (
            "Profit rose 9 percent, compared with 6 percent for the first quarter.",
            "6 percent",
            True,
        ),
        ("Output grew 5 percent, compared with 6 percent for all of 2019.", "6 percent", True),
        (
            "Johnson-Sirleaf has 56 percent of the vote, compared to nearly 44 percent for"
            " Mr. Weah.",
            "nearly 44 percent",
            False,
        ),  # another's share now, not an earlier one
    ],
)
def test_what_a_figure_is_compared_with_is_earlier_unless_it_is_anothers(
    sentence: str, text: str, past: bool
) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].past is past


def test_a_conversion_after_a_slash_restates_its_measure() -> None:
    """ "44 miles/70 kilometers" is one distance: the second is no figure of its
    own to pair, as "44 miles (70 kilometers)" is none; a rate ("5 mm/24 hours")
    is no conversion."""
    from reportdiff.engine.figures.reports import _found

    told = _found(parse_report("The volcano lies 44 miles/70 kilometers south of the capital."))
    read = [(f.figure.text, f.alias) for f in told]
    assert read == [("44 miles", False), ("70 kilometers", True)]
    rate = extract_figures(parse_report("Up to 5 mm/24 hours of rain fell."))
    assert "24 hours" not in [f.text for f in rate]


# (sentence, figure text, who holds it)
HOLDERS = [
    ("Mr. Karzai has 40.6 percent of votes tabulated.", "40.6 percent", {"karzai"}),
    ("His closest challenger has 38.7 percent.", "38.7 percent", set()),  # no name
    ("Abdullah Abdullah has nearly 203,000 votes.", "nearly 203,000", {"abdullah"}),
    ("The results give Karzai 42.3% of the ballot.", "42.3%", {"karzai"}),
    ("Karzai took 42.3% of the vote, compared to Abdullah's 33.1%.", "33.1%", {"abdullah"}),
    ("The count gave the victor, Ellen Johnson-Sirleaf 59.4 percent.", "59.4 percent",
     {"ellen", "johnson-sirleaf"}),
    ("Japan has 54 reactors.", "54", set()),  # having is winning only for votes and shares
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "holder"), HOLDERS)
def test_who_holds_a_share_or_votes_is_read(sentence: str, text: str, holder: set[str]) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert set(found[text].context.winner) == holder


def test_them_counts_the_people_named_before() -> None:
    sentence = (
        "It is unclear how many gunmen there were, but police say that at least nine of them"
        " have been killed."
    )
    (found,) = extract_paragraph(Paragraph(index=0, text=sentence))
    assert found.context.noun == "gunmen"


@pytest.mark.parametrize(
    ("sentence", "text", "progress"),
    [
        ("Preval has 49 percent after three quarters of the ballots have been counted.",
         "three quarters", True),
        ("Preval has 49 percent after three quarters of the ballots have been counted.",
         "49 percent", False),
        ("The results, based on 17% of polling stations, give Karzai 42.3%.", "17%", True),
        ("With 95% of precincts reporting, Smith leads with 52%.", "95%", True),
        ("Officials say Preval has won about 61 percent of the votes counted.",
         "about 61 percent", False),  # a share of the votes counted so far
    ],
)  # fmt: skip
def test_how_far_a_count_has_come_is_told_apart(sentence: str, text: str, progress: bool) -> None:
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found[text].context.progress is progress


def test_a_measured_range_written_high_to_low_is_a_range() -> None:
    (figure,) = figures_of("The second bomb held 2–1.5 kilograms of explosive.")
    assert (figure.low, figure.high) == (1.5, 2.0)
    assert figures_of("The home side won 5-3.") == ()  # a tally, not a range
    (mixed,) = figures_of("The first bomb held 1.5–two kilograms of explosive.")
    assert (mixed.low, mixed.high) == (1.5, 2.0)  # a range's high end in words


def test_a_time_in_brackets_ends_at_its_zone() -> None:
    """ "(2:56 PM CDT)": the bracket closes an aside, not the zone (it was shown
    as "2:56 PM CDT)"); "2:49 (IST)" keeps its own brackets."""
    seen = figures_of("It was first seen at 1:56 PM CST (2:56 PM CDT) near Moore.")
    assert [f.text for f in seen] == ["1:56 PM CST", "2:56 PM CDT"]
    assert next(f.text for f in figures_of("It struck at 2:49 (IST) on Monday.")) == "2:49 (IST)"


def test_a_counts_aside_is_read_past_for_its_noun() -> None:
    # reference33 (Global Voices' live blog)
    sentence = "Updated: 9219 (8.00 am, 05.13) deaths were reported in 8 provinces."
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert found["9219"].context.noun == "deaths"
    # a label opening the sentence is no place of its figures
    assert "updated" not in found["9219"].context.places


def test_a_place_before_a_colon_inside_a_sentence_is_still_a_place() -> None:
    sentence = "The toll rose in one province, Sichuan: 9,219 people were killed there."
    found = {f.figure.text: f for f in extract_paragraph(Paragraph(index=0, text=sentence))}
    assert "sichuan" in found["9,219"].context.places


@pytest.mark.parametrize(
    ("sentence", "text", "dimension"),
    [
        ("The index stood at 16.50 on Friday.", "16.50", "count"),  # no zone: no dotted time
        ("The infusion ran at 2.5 ml per hour.", "2.5", "count"),  # millilitres, no magnitude
        ("A wave reached the coast at 16.50 UTC.", "16.50 UTC", "time"),
        ("- 8.8 mww", "8.8 mww", "magnitude"),
    ],
)
def test_a_reading_needs_its_mark(sentence: str, text: str, dimension: str) -> None:
    by_text = {f.text: f for f in figures_of(sentence)}
    assert by_text[text].dimension == dimension
