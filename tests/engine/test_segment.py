"""Segmentation: paragraphs, headline, sentences (engine/segment.py)."""

from __future__ import annotations

import pytest

from reportdiff.engine.segment import content_hash, parse_report, split_paragraphs, split_sentences

PARAGRAPH_CASES = [
    # blank-line separated paragraphs (most saved pages)
    ("One.\n\nTwo.\n\nThree.", ["One.", "Two.", "Three."]),
    # single-newline separated paragraphs (the other common form)
    ("First paragraph.\nSecond paragraph.", ["First paragraph.", "Second paragraph."]),
    # Windows line ends are folded, tabs become spaces; spaces stay as written
    # (a figure's span is the file's), a no-break space too
    ("A  b.\r\n\r\nC\tD.", ["A  b.", "C D."]),
    ("Source\u00a01 \u2022 Source 2", ["Source\u00a01 \u2022 Source 2"]),
    # a hard-wrapped block of prose is joined back into one paragraph
    (
        "The rescue teams worked through the night to reach the\n"
        "people trapped under the collapsed apartment block in the\n"
        "centre of the town, officials said on Sunday morning.",
        [
            "The rescue teams worked through the night to reach the people trapped under the "
            "collapsed apartment block in the centre of the town, officials said on Sunday morning."
        ],
    ),
    # a line broken mid-sentence before a lower-case word continues its paragraph
    (
        "Officials said the bridge had been closed since\nthe storm began.\nNext paragraph.",
        ["Officials said the bridge had been closed since the storm began.", "Next paragraph."],
    ),
    # nothing but whitespace gives no paragraph
    (" \n\n\t\n", []),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


SENTENCE_CASES = [
    # "U.S." and "Mr." do not end a sentence
    ("The U.S. envoy met Mr. Smith. He left.", ["The U.S. envoy met Mr. Smith.", "He left."]),
    # a middle initial does not end a sentence
    (
        "President Vladimir F. Putin spoke. Then Trump.",
        ["President Vladimir F. Putin spoke.", "Then Trump."],
    ),
    # month abbreviations and "a.m." do not end a sentence
    (
        "On Feb. 3 at 9 a.m. Moscow time it began. Calm returned.",
        ["On Feb. 3 at 9 a.m. Moscow time it began.", "Calm returned."],
    ),
    # a closing quote stays with its sentence; ! and ? end sentences
    ("He said “Stop!” Nobody did. Why? Fear.", ["He said “Stop!”", "Nobody did.", "Why?", "Fear."]),
    # decimals are not sentence ends
    ("Growth was 3.5 percent. Fine.", ["Growth was 3.5 percent.", "Fine."]),
    # a text without end punctuation is one sentence
    ("no punctuation at all", ["no punctuation at all"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


HEADLINE_CASES = [
    # a short first line without a full stop is the headline
    ("Quake Hits Chile\n\nA strong quake hit Chile on Saturday.", "Quake Hits Chile", 2),
    # a headline printed twice is kept once
    ("Quake Hits Chile\n\nQuake Hits Chile\n\nA strong quake hit.", "Quake Hits Chile", 2),
    # a long first paragraph ending in a full stop is body text, not a headline
    ("A strong quake hit Chile on Saturday, killing twelve.\nRescuers dug.", None, 2),
    # a page's time stamp on the first line is no headline
    ("Updated 19 May 2025, 21:40 CEST\n\nA strong quake hit Chile.\nRescuers dug.", None, 3),
]


@pytest.mark.parametrize(("text", "headline", "count"), HEADLINE_CASES)
def test_headline(text: str, headline: str | None, count: int) -> None:
    report = parse_report(text)
    heads = [p.text for p in report.paragraphs if p.kind == "headline"]
    assert heads == ([headline] if headline else [])
    assert len(report.paragraphs) == count


def test_title_given_is_added_as_headline_when_the_text_lacks_it() -> None:
    # the library stores title and body apart: both routes must give the same paragraphs
    from_file = parse_report("Quake Hits Chile\n\nA strong quake hit Chile.")
    from_store = parse_report("A strong quake hit Chile.", title="Quake Hits Chile")
    assert [(p.text, p.kind) for p in from_store.paragraphs] == [
        (p.text, p.kind) for p in from_file.paragraphs
    ]
    assert from_store.title == "Quake Hits Chile"


def test_title_given_and_already_first_is_not_repeated() -> None:
    report = parse_report("Quake Hits Chile\nA strong quake hit Chile.", title="Quake Hits Chile")
    assert [p.text for p in report.paragraphs] == ["Quake Hits Chile", "A strong quake hit Chile."]


def test_shown_text_keeps_typographic_quotes_and_is_nfc() -> None:
    report = parse_report("He said “no” — twice.\nCafe\u0301 closed.")
    assert report.paragraphs[0].text == "He said “no” — twice."
    assert report.paragraphs[1].text == "Café closed."


def test_content_hash_ignores_whitespace_layout() -> None:
    assert content_hash("a  b\n\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_title_made_from_the_first_sentence_is_not_a_second_headline() -> None:
    # the library titles a report without a headline by its first sentence, cut
    # short; comparing the stored report must not show that sentence twice
    body = (
        "Rescuers pulled two survivors from the rubble of a collapsed hotel on Sunday, "
        "officials said.\nThe search went on through the night."
    )
    report = parse_report(body, title="Rescuers pulled two survivors from the rubble…")
    assert [p.text[:9] for p in report.paragraphs] == ["Rescuers ", "The searc"]
    assert all(p.kind == "body" for p in report.paragraphs)
    assert report.title == "Rescuers pulled two survivors from the rubble…"


def test_a_stamp_above_the_text_is_boilerplate_and_the_title_skips_it() -> None:
    body = "June 11, 2025 4:12 PM GMT+1 Updated 2 hours ago\n\nDockworkers struck on Wednesday."
    report = parse_report(body, title="Dockworkers struck on Wednesday")
    assert [(p.kind, p.boilerplate) for p in report.paragraphs] == [
        ("body", True),
        ("body", False),
    ]
    assert parse_report(body).title == "Dockworkers struck on Wednesday."


def test_a_headline_under_a_stamp_is_read_once() -> None:
    body = "Updated 19 May 2025, 21:40 CEST\n\nStorm Floods Towns\n\nRain fell all day."
    report = parse_report(body, title="Storm Floods Towns")
    assert [(p.text[:12], p.kind, p.boilerplate) for p in report.paragraphs] == [
        ("Storm Floods", "headline", False),
        ("Updated 19 M", "body", True),
        ("Rain fell al", "body", False),
    ]
