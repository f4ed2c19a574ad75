"""Headlines and titles: what a report is called when the file does not say.

A first short line without a final full stop is the headline; a headline
printed twice counts once; a report with no headline is named after the
start of its first sentence. Nothing here invents an outlet or a date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30
MAX_TITLE_WORDS = 14
MIN_TITLE_WORDS = 6

# Words a title should neither end on nor be named after. A cut made just
# before one of these falls at a phrase boundary ("… energy infrastructure |
# for 30 days").
_FUNCTION_WORDS_TEXT = """
    a about above after against along also although among an and any are as at be been
    before being below between both but by can could did do does during each either
    following for from had has have he her his how however i if in into is it its just
    may might more most must my nor not of off on once only or other our out over own
    said says she should since so some such than that the their them then there these
    they this those though through to too under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet
    you your"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# An initial ("F.") or a short abbreviation ("U.S.", "Mr.") is not the end of a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Jr|Sr|No|vs|etc)\.)$"
)


_FIRST_SENTENCE_READ = 2000
_ABBREVIATION_READ = 12

_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


def fold(line: str) -> str:
    """A line compared without case or spacing differences."""
    return " ".join(line.split()).casefold()


def is_headline(line: str, *, rest: str) -> bool:
    """Whether a first line is a headline: short, no final full stop, text after it."""
    text = line.strip()
    if not text or not rest.strip():
        return False
    if len(text) > MAX_HEADLINE_CHARS or len(text.split()) > MAX_HEADLINE_WORDS:
        return False
    return not text.endswith((".", ":", ";", ","))


def first_sentence(text: str) -> str:
    """The first sentence of the first paragraph, skipping abbreviations and initials."""
    paragraph = next((p.strip() for p in text.splitlines() if p.strip()), "")
    # A title is made from the start of the text: a "sentence" longer than this
    # is cut anyway, and reading no further keeps crafted text ("U.S. " a million
    # times) from costing more.
    paragraph = paragraph[:_FIRST_SENTENCE_READ]
    for match in _SENTENCE_END.finditer(paragraph):
        # Abbreviations are short: the few characters before the stop tell.
        head_start = max(0, match.start() - _ABBREVIATION_READ)
        if _ABBREVIATION.search(paragraph, head_start, match.start()):
            continue
        if (
            _MONTH_ABBREVIATION.search(paragraph, head_start, match.start())
            and paragraph[match.end() : match.end() + 1].isdigit()
        ):
            continue  # "LIMA, Oct. 14 (Meridian Press) -", not "The strike began in early Dec."
        return paragraph[: match.start()].strip()
    return paragraph


def title_from_sentence(sentence: str) -> str:
    """A title made from a sentence: the sentence if short, else cut at a phrase boundary."""
    sentence = sentence.strip().rstrip(".").strip()
    words = sentence.split()
    if len(words) <= MAX_TITLE_WORDS:
        return sentence
    cut = _phrase_cut(words)
    return " ".join(words[:cut]).rstrip(",;:—–-") + "…"


def _phrase_cut(words: Sequence[str]) -> int:
    """How many words to keep: the last cut before a function word, else the limit."""
    for keep in range(MAX_TITLE_WORDS, MIN_TITLE_WORDS - 1, -1):
        last, following = _bare(words[keep - 1]), _bare(words[keep])
        if last not in FUNCTION_WORDS and following in FUNCTION_WORDS:
            return keep
    keep = MAX_TITLE_WORDS
    while keep > MIN_TITLE_WORDS and _bare(words[keep - 1]) in FUNCTION_WORDS:
        keep -= 1
    return keep


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’()[]").casefold()


def suggest_event_name(titles: Sequence[str], *, fallback: str = "Sample reports") -> str:
    """A name for an event from the words most of its reports' titles share.

    Words found in at least half of the titles (and in at least two) are
    ranked by how many titles hold them; up to three are kept, in the order
    they appear in the first title that holds them all.
    """
    per_title = [_title_words(t) for t in titles]
    counts: Counter[str] = Counter(w for words in per_title for w in dict.fromkeys(words))
    need = max(2, (len(titles) + 1) // 2)
    shared = [w for w, n in counts.items() if n >= need]
    if not shared:
        return fallback
    first_seen = {w: i for i, w in reversed(list(enumerate(_all_words(per_title))))}
    chosen = sorted(shared, key=lambda w: (-counts[w], first_seen[w]))[:3]
    ordered = _in_title_order(chosen, per_title)
    spelling = _spellings(titles)
    return " ".join(spelling.get(w, w.title()) for w in ordered)


def _title_words(title: str) -> list[str]:
    words = []
    for match in _WORD.finditer(title):
        word = re.sub(r"['’]s$", "", match.group()).casefold()
        if len(word) >= 3 and word not in FUNCTION_WORDS:
            words.append(word)
    return words


def _all_words(per_title: Sequence[Sequence[str]]) -> list[str]:
    return [w for words in per_title for w in words]


def _in_title_order(chosen: Sequence[str], per_title: Sequence[Sequence[str]]) -> list[str]:
    for words in per_title:
        if all(w in words for w in chosen):
            return sorted(chosen, key=words.index)
    return list(chosen)


def _spellings(titles: Sequence[str]) -> dict[str, str]:
    """The capitalised spelling of each word when one occurs, for display."""
    seen: dict[str, Counter[str]] = {}
    for title in titles:
        for match in _WORD.finditer(title):
            raw = re.sub(r"['’]s$", "", match.group())
            seen.setdefault(raw.casefold(), Counter())[raw] += 1
    return {key: _display(spellings) for key, spellings in seen.items()}


def _display(spellings: Counter[str]) -> str:
    capitalised = [s for s, _ in spellings.most_common() if s[:1].isupper()]
    word = capitalised[0] if capitalised else spellings.most_common(1)[0][0]
    return word[:1].upper() + word[1:]
