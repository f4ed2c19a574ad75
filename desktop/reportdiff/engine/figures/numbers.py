"""Numbers as news writes them: digits, number words, fractions and scale words.

text2num reads plain sequences of number words ("one hundred and seventy-five");
what it does not read ("two and a half", "a dozen", "two dozen", "2.4 million",
"1,500") is handled here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportdiff.engine.figures.words import split_words

_UNITS = split_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = split_words("twenty thirty forty fifty sixty seventy eighty ninety")
_BIG = ("hundred", "thousand", "million", "billion", "trillion")

_WORD = "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
_BIGW = "|".join((*_BIG, "dozen"))  # "two dozen", "three dozen"
# One spelled-out cardinal: "three", "twenty-three", "one hundred and seventy-five".
# At most eight words ("one hundred and seventy-five thousand three hundred"):
# unbounded, "one one one ..." would cost quadratic time.
WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}|{_BIGW})){{0,8}}"
    # "One hundred-and-86": a sentence's first number spelled out, its end in digits
    rf"(?:(?<=hundred)[\s-]+(?:and[\s-]+)?\d{{1,2}}(?![\d,.]))?"
    rf"|a\s+(?:dozen|hundred|thousand|million|billion)|half\s+a\s+dozen|a\s+dozen)"
)
# Digits with thousands separators or a decimal part: "1,500", "2.4", "23".
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
FRACTION = r"(?:\s+and\s+a\s+(?:half|quarter)|½|¼|¾)"
SCALE = r"(?:trillion|billion|million|thousand|dozen|bn|mn|tn|m|k)"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})(?:{FRACTION})?"

_SCALES = {
    "dozen": 12.0,  # "2 dozen"
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "½": 0.5, "¼": 0.25, "¾": 0.75}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
ORDINAL_WORD = "|".join(_ORDINALS)
_SPACE = re.compile(r"[\s-]+")


def scale_value(word: str | None) -> float:
    """The multiplier of a scale word ("million" → 1e6); 1 when there is none."""
    return _SCALES.get((word or "").strip().lower(), 1.0)


def ordinal_value(word: str) -> int | None:
    """ "third" → 3, "21st" → 21; None when the word is no ordinal."""
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(digits.group(1)) if digits else None


def parse_number(text: str) -> float | None:
    """The value of a number as written: "1,500", "2.4", "two and a half", "a dozen"."""
    text = text.strip().lower()
    fraction = 0.0
    for word, part in _FRACTIONS.items():
        if text.endswith(word):
            fraction = part
            text = re.sub(r"(?:\s+and\s+a\s+)?\s*" + word + "$", "", text).strip()
            break
    whole = _parse_whole(text)
    return None if whole is None else whole + fraction


def _parse_whole(text: str) -> float | None:
    if not text:
        return 0.0
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    tail = _DIGIT_TAIL.search(text)
    if tail is not None:  # "one hundred-and-86": the words, then the digits
        head = _parse_words(_SPACE.sub(" ", text[: tail.start()]))
        return None if head is None else head + float(tail.group(1))
    return _parse_words(_SPACE.sub(" ", text))


_DIGIT_TAIL = re.compile(r"[\s-]+(?:and[\s-]+)?(\d{1,2})$")


@lru_cache(maxsize=512)
def _parse_words(text: str) -> float | None:
    if text == "half a dozen":
        return 6.0
    if text.endswith(" dozen") and not text.startswith("a "):
        dozens = _parse_words(text.removesuffix(" dozen"))  # "two dozen": 24
        return None if dozens is None else 12.0 * dozens
    if text.startswith("a "):
        rest = text[2:]
        return 12.0 if rest == "dozen" else scale_value(rest) if rest in _SCALES else 100.0
    # Imported here: the app's first window never needs number words.
    from text_to_num import text2num

    try:
        return float(text2num(text, "en"))
    except ValueError:
        return None
