"""Properties of the whole engine on any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.engine import compare, parse_report
from reportdiff.engine.compare import clear_cache

WORDS = [
    "quake",
    "Chile",
    "12",
    "rescue",
    "the",
    "power",
    "“mines”",
    "—",
    "Boric",
    "said",
    "a.m.",
    "U.S.",
]
word_text = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
paragraphs = st.lists(word_text, max_size=12).map("\n".join)
any_text = st.one_of(paragraphs, st.text(max_size=400))


def _check(text_a: str, text_b: str) -> None:
    clear_cache()
    a, b = parse_report(text_a), parse_report(text_b)
    c = compare(a, b, figures=False)
    seen_a = [i for g in c.alignment for i in g.a]
    seen_b = [j for g in c.alignment for j in g.b]
    # every paragraph index appears in at most one group
    assert len(seen_a) == len(set(seen_a))
    assert len(seen_b) == len(set(seen_b))
    # ...and every content paragraph appears in one
    assert set(seen_a) == {p.index for p in a.content_paragraphs()}
    assert set(seen_b) == {p.index for p in b.content_paragraphs()}
    for g in c.alignment:
        # the runs rebuild both paragraph texts exactly
        assert ["".join(r.text for r in runs) for runs in g.a_runs] == [
            a.paragraphs[i].text for i in g.a
        ]
        assert ["".join(r.text for r in runs) for runs in g.b_runs] == [
            b.paragraphs[j].text for j in g.b
        ]
    for p in a.paragraphs:
        assert all(0 <= s < e <= len(p.text) for s, e in p.sentences)


@settings(deadline=None, max_examples=150)
@given(any_text, any_text)
def test_any_pair_of_texts(text_a: str, text_b: str) -> None:
    _check(text_a, text_b)


@settings(deadline=None, max_examples=50)
@given(any_text)
def test_identical_reports(text: str) -> None:
    _check(text, text)


EDGE_CASES = [
    "",
    "one paragraph only",
    "nospacesatallbutaverylongwordthatgoesonandon" * 50,
    "\u200b\u0301\ud7ff\U0001f600 ¶ \x00 text",
    "\n".join(f"Paragraph {n} says quake {n % 7} hit town {n % 13}." for n in range(5000)),
]


def test_edge_cases() -> None:
    for text in EDGE_CASES:
        _check(text, EDGE_CASES[1])
        _check(text, text)
