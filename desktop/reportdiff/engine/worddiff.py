"""Word-level diff inside aligned groups.

diff-match-patch works on characters, so every distinct word, space or
punctuation token is mapped to one private character, the two strings of
characters are diffed and semantically cleaned up, and the result is mapped
back to runs of the *original* text. Tokens compare by a folded key (case,
quote and dash styles ignored), so "“peace”" and "\"Peace\"" are equal, yet
joining a paragraph's runs gives back its text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby

from diff_match_patch import diff_match_patch

from reportdiff.engine.model import AlignedGroup, Report, TextRun
from reportdiff.engine.text import STOPWORDS, fold, stem, strip_accents

# A number with its separators and a glued scale ("1,500", "6.1", "1.2m") is one
# token: a diff never cuts "€1.2m" into a shared "1" and an unshared ".2m".
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|\w+|\s+|[^\w\s]", re.UNICODE)
_GLUED_SCALE = re.compile(r"(?<=\d)(?:bn|mn|tn|m|k)$")
_BOUNDARY = "\x00¶"  # a paragraph break inside a group; in no text
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)
_DMP = diff_match_patch()
# Paragraph pairs of more token pairs than this are diffed by diff-match-patch
# with a time limit (a few thousand words each way, far beyond news paragraphs).
_MATCHER_MAX_CELLS = 4_000_000
_TIMED_DMP = diff_match_patch()
_TIMED_DMP.Diff_Timeout = 0.5
_KEY_LEN = 6


def tokens(text: str) -> list[str]:
    """Word, whitespace and single punctuation tokens that join back to `text`."""
    return _TOKEN_RE.findall(text)


def diff_groups(
    a: Report,
    b: Report,
    groups: tuple[AlignedGroup, ...],
    tick: Callable[[float], None] | None = None,
) -> tuple[AlignedGroup, ...]:
    """Fill `a_runs`/`b_runs` of every group: words only one side has are `unique`.

    A side with several paragraphs is diffed as one text and split back per
    paragraph. An unmatched paragraph is one unique run. `tick(fraction)` is
    told how far the work has come (engine/progress.py).
    """
    out = []
    for n, g in enumerate(groups):
        if tick is not None:
            tick(n / len(groups))
        a_texts = [a.paragraphs[i].text for i in g.a]
        b_texts = [b.paragraphs[i].text for i in g.b]
        a_runs, b_runs = diff_texts(a_texts, b_texts)
        out.append(replace(g, a_runs=a_runs, b_runs=b_runs))
    return tuple(out)


Runs = tuple[tuple[TextRun, ...], ...]


def diff_texts(a_texts: list[str], b_texts: list[str]) -> tuple[Runs, Runs]:
    """Runs for each text of side A and side B of one group."""
    if not a_texts or not b_texts:
        return _whole(a_texts, bool(a_texts) and not b_texts), _whole(b_texts, not a_texts)
    a_tokens, b_tokens = _joined(a_texts), _joined(b_texts)
    # Spaces are left out of the diff: never a difference themselves, they
    # would only double the work of diff-match-patch's bisection.
    a_words = [n for n, t in enumerate(a_tokens) if not t.isspace()]
    b_words = [n for n, t in enumerate(b_tokens) if not t.isspace()]
    codes: dict[str, str] = {}
    a_chars = _encode([a_tokens[n] for n in a_words], codes)
    b_chars = _encode([b_tokens[n] for n in b_words], codes)
    diffs = _diff(a_chars, b_chars)
    a_marks = [False] * len(a_tokens)
    b_marks = [False] * len(b_tokens)
    ia = ib = 0
    for op, chunk in diffs:
        for _ in chunk:
            if op <= 0:
                a_marks[a_words[ia]] = op < 0
                ia += 1
            if op >= 0:
                b_marks[b_words[ib]] = op > 0
                ib += 1
    a_keys = list(map(_content_key, a_tokens))
    b_keys = list(map(_content_key, b_tokens))
    _keep_shared_words(a_tokens, a_keys, a_marks, b_keys)
    _keep_shared_words(b_tokens, b_keys, b_marks, a_keys)
    return _runs(a_tokens, a_marks), _runs(b_tokens, b_marks)


def _diff(a_chars: str, b_chars: str) -> list[tuple[int, str]]:
    """diff-match-patch diffs of two token strings, semantically cleaned up.

    The raw diff comes from difflib's longest-matching-block search rather
    than diff-match-patch's own bisection: on two paraphrases that share few
    words the bisection explores nearly every edit path (most of a seed
    comparison's time), while the matching blocks cost a few hundred
    microseconds and give the same runs after the semantic cleanup.
    """
    if len(a_chars) * len(b_chars) > _MATCHER_MAX_CELLS:
        # Two very long, repetitive paragraphs: the block search is quadratic
        # there; diff-match-patch's bisection gives up on time (Diff_Timeout)
        # with a correct, if not minimal, diff.
        timed: list[tuple[int, str]] = _TIMED_DMP.diff_main(a_chars, b_chars, False)
        _TIMED_DMP.diff_cleanupSemantic(timed)
        return timed
    matcher = SequenceMatcher(None, a_chars, b_chars, autojunk=False)
    diffs: list[tuple[int, str]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            diffs.append((0, a_chars[a0:a1]))
            continue
        if a1 > a0:
            diffs.append((-1, a_chars[a0:a1]))
        if b1 > b0:
            diffs.append((1, b_chars[b0:b1]))
    _DMP.diff_cleanupSemantic(diffs)
    return diffs


def _keep_shared_words(
    toks: list[str], keys: list[str], marks: list[bool], other_keys: list[str]
) -> None:
    """Unmark content words the other side also has, elsewhere or reworded.

    Paraphrases reorder a sentence, so a name or number that the sequence diff
    could not line up is still not something "only this side has". Function
    words and punctuation left between two shared words are unmarked too.
    `keys` and `other_keys` are each token's `_content_key`.
    """
    shared = set(other_keys)
    shared.discard("")
    for n, key in enumerate(keys):
        if marks[n] and key in shared:
            marks[n] = False
    n = 0
    while n < len(toks):
        if not marks[n] or keys[n]:
            n += 1
            continue
        end = n
        while end < len(toks) and marks[end] and not keys[end]:
            end += 1
        inside = n > 0 and not marks[n - 1] and end < len(toks) and not marks[end]
        if inside and toks[n - 1] != _BOUNDARY and toks[end] != _BOUNDARY:
            marks[n:end] = [False] * (end - n)
        n = end


@lru_cache(maxsize=65536)
def _content_key(tok: str) -> str:
    """The stem of a content word; "" for function words, spaces, punctuation."""
    if not tok[0].isalnum() or tok == _BOUNDARY:
        return ""
    word = strip_accents(tok.casefold())
    if word[0].isdigit():
        # "1.2m" is the other side's "1.2" (million): the number is what both say.
        return _GLUED_SCALE.sub("", word)
    # The stem's first letters: "Russia"/"Russian" and "Ukraine"/"Ukrainian"
    # are the same word to a reader comparing two paraphrases.
    return "" if word in STOPWORDS else stem(word)[:_KEY_LEN]


def _whole(texts: list[str], unique: bool) -> Runs:
    return tuple((TextRun(t, unique=unique and bool(t)),) if t else () for t in texts)


def _joined(texts: list[str]) -> list[str]:
    out: list[str] = []
    for k, text in enumerate(texts):
        if k:
            out.append(_BOUNDARY)
        out.extend(tokens(text))
    return out


def _encode(toks: list[str], codes: dict[str, str]) -> str:
    """One character per token; equal keys get equal characters."""
    chars = []
    for key in map(_fold_token, toks):  # no token here is a space (diff_texts)
        ch = codes.get(key)
        if ch is None:
            n = _FIRST_CODE + len(codes)
            if n >= _SURROGATES.start:
                n += len(_SURROGATES)
            ch = codes[key] = chr(n)
        chars.append(ch)
    return "".join(chars)


@lru_cache(maxsize=65536)
def _fold_token(tok: str) -> str:
    return fold(tok)


def _runs(toks: list[str], marks: list[bool]) -> Runs:
    """Split marked tokens back into per-paragraph runs of original text."""
    paragraphs: list[tuple[TextRun, ...]] = []
    start = 0
    for end, tok in enumerate(toks):
        if tok == _BOUNDARY:
            paragraphs.append(_merge(toks, marks, start, end))
            start = end + 1
    paragraphs.append(_merge(toks, marks, start, len(toks)))
    return tuple(paragraphs)


def _merge(toks: list[str], marks: list[bool], start: int, end: int) -> tuple[TextRun, ...]:
    """Adjacent tokens of one kind as one run. A space alone is never a
    difference worth showing; a space between two unique tokens belongs to
    their unique run."""
    part = toks[start:end]
    unique = [m and not t.isspace() for m, t in zip(marks[start:end], part, strict=True)]
    for k in range(1, len(unique) - 1):
        if not unique[k] and unique[k - 1] and unique[k + 1] and part[k].isspace():
            unique[k] = True
    runs: list[TextRun] = []
    first = 0
    for kind, run in groupby(unique):
        size = len(list(run))
        runs.append(TextRun("".join(part[first : first + size]), kind))
        first += size
    return tuple(runs)
