"""Titles from text and event names from titles: tables of cases, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.store import ImportRefused, content_hash, suggest_event_name
from reportdiff.store.importer import guess_title, prepare_text
from reportdiff.store.titles import first_sentence

TITLES = [
    # (text, title) — what each row guards
    ("Storm Floods Towns\n\nRain fell all day.", "Storm Floods Towns"),  # a short first line
    ("Why did the dam fail?\n\nEngineers looked.", "Why did the dam fail?"),  # question headline
    ("Rain fell all day.\n\nTowns flooded.", "Rain fell all day"),  # full stop: no headline
    ("Only one line without a stop", "Only one line without a stop"),  # no text after it
    (
        "Mr. J. Smith said the river rose by two metres overnight in the town. Then it fell.",
        "Mr. J. Smith said the river rose by two metres overnight in the town",
    ),  # abbreviations and initials do not end the sentence
    (
        "Vladimira Kova has agreed to temporarily halt the works on the city's water network "
        "following a long phone call with the mayor.",
        "Vladimira Kova has agreed to temporarily halt the works on the city's water network…",
    ),  # a long first sentence is cut before a function word
    (
        "The number of people who were told to leave their homes rose sharply overnight "
        "as the storm came ashore near the port.",
        "The number of people who were told to leave their homes rose sharply overnight…",
    ),
    ("A" * 250 + "\n\nText.", "A" * 250),  # too long for a headline: it is one sentence
    # a time stamp or byline above the text is not the title
    ("Updated 19 May 2025, 21:40 CEST\n\nStorm Floods Towns\n\nRain fell.", "Storm Floods Towns"),
    ("By Ana Lopes, in Lisbon\n\nRain fell all day.\n\nTowns flooded.", "Rain fell all day"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_title_from_text(text: str, title: str) -> None:
    assert guess_title(text) == title


EVENT_NAMES = [
    # (titles, name) — what each row guards
    (
        ["Quake hits Capital", "Capital shaken by quake", "Strong quake in the capital"],
        "Quake Capital",
    ),
    (["Budget passes", "Storm hits coast"], "Sample reports"),  # nothing shared
    ([], "Sample reports"),
    (["One title only"], "Sample reports"),
]


@pytest.mark.parametrize(("titles", "name"), EVENT_NAMES)
def test_event_name_from_shared_words(titles: list[str], name: str) -> None:
    assert suggest_event_name(titles) == name


@given(st.lists(st.text(max_size=60), max_size=8))
def test_event_name_is_never_empty(titles: list[str]) -> None:
    assert suggest_event_name(titles).strip()


@given(st.text(max_size=300))
def test_any_text_is_stored_or_refused_in_one_line(text: str) -> None:
    try:
        item = prepare_text(text)
    except ImportRefused as refused:
        message = str(refused)
    else:
        assert item.body.strip()
        assert item.title.strip()
        assert item.content_hash == content_hash(item.body)
        return
    assert "\n" not in message
    assert message.startswith("pasted text: ")


def test_a_time_stamp_at_the_top_gives_the_date_and_the_credit() -> None:
    text = (
        "Danube Herald staff and agencies | Tue 20 May 2025 11.05 CEST\n\n"
        "Floods in the east of the country have killed 11 people.\n\nRain fell all week."
    )
    prepared = prepare_text(text)
    assert prepared.published == "Tue 20 May 2025 11.05 CEST"
    assert prepared.outlet == "Danube Herald staff and agencies"
    assert prepared.title.startswith("Floods in the east")
    # a date stated in a header line wins over the stamp's
    assert prepare_text("Date: 2025-05-21\n\n" + text).published == "2025-05-21"


def test_a_time_stamp_under_page_furniture_gives_the_date() -> None:
    text = (
        "We use cookies to give you the best experience on our site.\n"
        "Accept all\n"
        "Spanish town breaks temperature record as heat deaths climb\n"
        "Red alerts across Andalusia and Extremadura and a wildfire outside Córdoba\n"
        "Lucía Ferrándiz-Hart in Córdoba\n"
        "October 13, 2025 6:02 AM UTC · Updated 3 hours ago\n"
        "The small town recorded 46.2C on Tuesday afternoon, the agency said.\n"
    )
    prepared = prepare_text(text)
    assert prepared.published == "October 13, 2025 6:02 AM UTC"
    assert prepared.outlet is None  # "Updated 3 hours ago" credits nobody
    assert prepared.title == "Spanish town breaks temperature record as heat deaths climb"


def test_a_month_abbreviation_ends_a_sentence_unless_a_day_follows() -> None:
    assert first_sentence("LIMA, Oct. 14 (Wire) - A quake struck. More.") == (
        "LIMA, Oct. 14 (Wire) - A quake struck."
    )
    assert first_sentence("The strike began in early Dec. Unions said 5,000 joined.") == (
        "The strike began in early Dec."
    )


def test_a_cookie_notice_and_its_button_are_no_title() -> None:
    text = (
        "We use cookies to give you the best experience. By clicking Accept all you agree.\n"
        "Accept all\n"
        "Spanish town breaks temperature record as heat deaths climb\n"
        "The town recorded 46.2C on Tuesday, the agency said.\n"
    )
    assert guess_title(text) == "Spanish town breaks temperature record as heat deaths climb"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "By Anna Weber\nMerz elected\nThe Bundestag elected Friedrich Merz on Tuesday.",
            "Merz elected",
        ),
        (
            "This site uses cookies to improve your experience.\nAccept all cookies\n"
            "Flood kills 12 in Valencia\nThe flood struck on Tuesday, officials said.",
            "Flood kills 12 in Valencia",
        ),
    ],
)
def test_a_short_headline_under_page_furniture_is_the_title(text: str, title: str) -> None:
    assert guess_title(text) == title
