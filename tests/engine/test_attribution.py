"""Who a paragraph attributes its statements to (engine/attribution.py)."""

from __future__ import annotations

import pytest

from reportdiff.engine import parse_report
from reportdiff.engine.align import align
from reportdiff.engine.attribution import sources
from reportdiff.engine.text import stem

SOURCE_CASES = [
    ("The Kremlin said Putin had ordered a halt.", {"kremlin"}),
    ("Zelenskyy later wrote on social media that drones hit Sumy.", {"zelenskyy"}),
    ("The White House has also confirmed the talks.", {"white", "house"}),
    ("“We are ready,” said Witkoff.", {"witkoff"}),
    ("“We are ready,” the minister added.", {"minist"}),
    ("Turnout was 58.9 per cent, the commission said.", {"commission"}),
    (
        "Osterhaus took 34.1%, according to results published by the electoral commission.",
        {"results", "published", "electoral", "commission"},
    ),
    ("Election observers from the OSCE said the vote was orderly.", {"observers", "osce"}),
    # pronouns, titles and days name no source
    ("He said the talks would resume.", set()),
    ("On Tuesday, Mr. Trump said nothing.", {"trump"}),
    # the subject stops at a clause word: "the plan that Kyiv announced" names Kyiv only
    ("Officials praised the plan that Kyiv announced.", {"kyiv"}),
    # no reporting verb, no source
    ("Rescuers pulled 14 survivors from the rubble.", set()),
    # a pronoun after another sentence: the words before the full stop are no source
    ("The bridge collapsed at dawn. He said nobody was hurt.", set()),
    # a noun that looks like a reporting verb
    ("Insurance claims rose sharply after the storm.", set()),
    # an abbreviation's full stop is no sentence end that matters
    ("U.S. officials said the talks failed.", {"officials"}),
    ("", set()),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_CASES)
def test_sources(text: str, expected: set[str]) -> None:
    assert sources(text) == {stem(w) for w in expected}


def test_a_paragraph_links_to_the_one_quoting_its_source() -> None:
    # Two paragraphs of B tell A's second paragraph; the mayor's version shares
    # more of its words, but A quotes the fire service, as B's other version does.
    # (The ledes, the same on both sides, face each other first.)
    a = parse_report(
        "Fire in Porto\n\nA fire broke out in Porto on Sunday night.\n"
        "The blaze destroyed the old warehouse near the harbour, the fire service said. "
        "Nobody was hurt."
    )
    b = parse_report(
        "Porto Blaze\n\nA fire broke out in Porto on Sunday night.\n"
        "The old warehouse near the harbour was destroyed by the blaze, the mayor said.\n"
        "The blaze destroyed a warehouse, the fire service said."
    )
    links = {(i, j) for g in align(a, b) for i in g.a for j in g.b}
    assert (2, 3) in links
    assert (2, 2) not in links
