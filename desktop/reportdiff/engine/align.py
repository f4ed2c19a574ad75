"""Paragraph alignment: which paragraphs of A tell the same thing as which of B.

Reports of one event are paraphrases in another order, so the similarity of
two paragraphs weighs their (Snowball-stemmed) content words by rarity across
both reports (IDF over their sentences), numbers a little more, and takes
sentence-level evidence into account: a paragraph that shares one sentence's
worth of facts with another is related even when the rest differs. A score
built on too little shared weight (two common words) is scaled down, and a
number only one side gives weighs as a plain word (reports disagree on figures).
Two paragraphs that attribute their statements to different sources (the
Kremlin said / Trump wrote) score a little lower. A second, plainer reading
counts too when it says more: the TF-IDF cosine of every word as written
(_PLAIN_WEIGHT), which real paraphrases of one fact reach through the small
words of its telling that content words leave out.

Paragraphs whose text is the same on both sides (case, quote and dash styles
and spacing aside) link first with score 1, however short. The other links are
then chosen globally above a threshold, best pair first (but the
two ledes before all others: news tells the main fact first). A pair of free
paragraphs forms a group, and a free paragraph may join a group that is a star
around its partner (up to MAX_STAR partners: the partner tells several things
the other report splits) when it scores nearly as well as the group's first
link, or well in itself, and rests on a sentence of the partner no other link
of the group rests on; a little less nearly when it stands right next to the
group's first partner. A paragraph still alone at the end joins such a star
around the paragraph it tells most of, if that scores LEFTOVER_LINK. Groups
never chain into many-to-many blobs.

Story order is evidence too: reports keep rough story order, so a pair of free
paragraphs right before or after a link, in both reports, links on less shared
wording (ORDER_THRESHOLD), and each such link lets its own neighbours follow.
(Between two long texts only each paragraph's best candidates are scored, so
there the order adds the neighbours that are among them.)

Shared facts are evidence last: given `facts` (compare.py passes the figures
stage, run on the links above), a paragraph still alone joins the paragraph of
the other report whose figure pairs with one of its own. Two reports often
tell one toll or one distance in wholly different words, which the lexical
score cannot see; the figures stage pairs them on what they measure.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from reportdiff.engine import attribution
from reportdiff.engine.model import AlignedGroup, Paragraph, Report
from reportdiff.engine.text import STOPWORDS, WORD_RE, fold, stem, strip_accents

# Numbers pin down a fact and weigh more. Names get no boost: in reports of
# one event the names (the leaders, the town, the storm) are everywhere, and
# IDF already weighs the rare ones (measured: a boost of 2 lowered both
# references' ranking quality).
_NUMBER_BOOST = 1.5
# A number only one paragraph of a pair has weighs as a plain word in that
# pair's norms: reports of one fact often give different figures (turnout
# 62.4% against 58.9%), which must not push the two paragraphs apart.
_UNSHARED_NUMBER_CUT = 1.0 - 1.0 / _NUMBER_BOOST**2

# Two paragraphs that each attribute what they say, to no source in common,
# score this much of their shared words' worth ("Trump acknowledged …" against
# "… the Kremlin said"). Measured on both references: 0.85 removes wrong links
# that rest on common words; at 0.7 and below right links across a paragraph
# quoting several sources are lost.
_OTHER_SOURCES = 0.85

# A link needs this score; a second link for a paragraph (one-to-many) needs
# this much of the score of the link it joins.
LINK_THRESHOLD = 0.15
# Two ledes tell the main fact (inverted pyramid): a little less shared wording links them.
LEDE_THRESHOLD = 0.10
# ... unless either lede has a partner that scores more than twice as well.
LEDE_RATIO = 0.5
EXTRA_RATIO = 0.8
# ... and a second link onto the paragraph right next to the group's partner
# (a paragraph the other report splits in two, in story order) this much of it.
NEXT_RATIO = 0.7
# ... or this score, whatever the group's link: a paragraph that tells much of what
# another does belongs with it, however much better a third paragraph tells it
# (measured at 0.3-0.5: from 0.35 up no set lost; at 0.3 the seeds did).
STRONG_LINK = 0.4
# A paragraph links to at most this many of the other report's (a lede that sums
# up three paragraphs; measured at 3 to 8: the same on every reference set).
MAX_STAR = 4
# A paragraph left without a partner joins the paragraph it tells most of at this
# score (measured at 0.2 to 0.4: 0.25 raised reference4 0.90 -> 0.93, reference6
# 0.61 -> 0.64 and lowered none; 0.2 cost the seeds).
LEFTOVER_LINK = 0.25
# A pair of free paragraphs right after (or before) two linked ones, in both
# reports' order, links with at least this score: reports keep rough story order, so the
# order is evidence that adds to their words (measured on the references at
# 0.05-0.12: 0.10 lifted the invented sets by 0.01 and the real ones by 0.012;
# lower, short paragraphs of one report link to unrelated neighbours).
ORDER_THRESHOLD = LEDE_THRESHOLD
_MIN_SHARED_TERMS = 2
# Shared evidence below this many rarest-possible words' weight scales the
# score down: two short paragraphs sharing two common words are no match.
_EVIDENCE_WORDS = 2.0

# Terms found in more than this share of the paragraphs do not propose candidate
# pairs (they still count in the score). Keeps alignment near-linear on long texts.
_CANDIDATE_DF_SHARE = 0.2
_MIN_CANDIDATE_DF = 8
_MAX_CANDIDATE_DF = 200  # however long the texts: a term in more paragraphs proposes none
_MAX_CANDIDATES = 12
_SCORE_ALL_PAIRS = 10_000  # below this many pairs, pruning saves nothing
_MAX_SENTENCE_PAIRS = 2_500  # sentence pairs compared for one paragraph pair

Vector = dict[str, float]

# A second reading of how alike two paragraphs are: the plain TF-IDF cosine of
# every word as written, function words and all, which counts this much of
# itself. Paraphrases of one fact share the small words of its telling ("the
# two", "were on board", "said it was") that the content terms above leave
# out; on real reports (tests/data/reference6-9) the content score alone kept
# recall at 0.29-0.55 where plain TF-IDF best-match reached 0.43-0.73. Measured
# at 0.5/0.7/0.9: 0.7 lifted those four sets' F1 by 0.06-0.17 and cost the
# invented references at most 0.03 (0.9 cost them up to 0.08).
_PLAIN_WEIGHT = 0.7
# ... for paragraphs whose content words meet at least a little (measured at
# 0, 0.02 and 0.03: the same links at 0.02, and most pairs of two long reports
# skip the plain cosine).
_PLAIN_MIN_CONTENT = 0.02


@dataclass(frozen=True, slots=True)
class _Score:
    """A pair's similarity and the sentence of each side its best evidence is in."""

    value: float
    sentence_a: int = -1  # -1: no sentence pair shares a term
    sentence_b: int = -1
    sentences_a: int = 0  # how many sentences each paragraph has
    sentences_b: int = 0


_NO_SCORE = _Score(0.0)


@dataclass(frozen=True, slots=True)
class _Unit:
    """A paragraph ready for scoring: its vector and its sentences' vectors."""

    index: int
    vector: Vector
    norm: float
    numbers: tuple[str, ...]  # the number terms of `vector`
    sentences: tuple[tuple[Vector, float], ...]  # vector and norm of each sentence
    evidence: float  # shared weight that counts as full evidence
    sources: frozenset[str]  # who its statements are attributed to (see attribution)
    plain: tuple[Vector, float] = ({}, 1.0)  # TF-IDF of every word, and its norm


Facts = Callable[[tuple[AlignedGroup, ...]], Iterable[tuple[int, int]]]


def align(
    a: Report,
    b: Report,
    tick: Callable[[float], None] | None = None,
    facts: Facts | None = None,
) -> tuple[AlignedGroup, ...]:
    """Link paragraphs of A and B that tell the same thing.

    Boilerplate paragraphs take no part and appear in no group; every other
    paragraph appears in exactly one group (linked, or alone on its side).
    Paragraphs whose text is the same on both sides link first, whatever their
    length. `tick(fraction)` is told how far the work has come (engine/progress.py).
    `facts`, given the links made, names pairs of paragraphs (A's, B's) that
    state one fact; a paragraph still alone joins its partner in such a pair.
    """
    content_a, content_b = a.content_paragraphs(), b.content_paragraphs()
    # Each sentence's words are read once, for its content terms and the plain reading.
    words = {
        id(p): [WORD_RE.findall(s) for s in _sentence_texts(p)] for p in (*content_a, *content_b)
    }
    terms = {key: [_terms(w) for w in sentences] for key, sentences in words.items()}
    sentences = [{t for t, _ in s} for s_list in terms.values() for s in s_list]
    idf = _idf(sentences)
    evidence = _EVIDENCE_WORDS * math.log(1.0 + len(sentences))
    # The plain reading is for reports, not for books: past the size where every
    # pair is scored (_SCORE_ALL_PAIRS), the content score alone ranks them.
    small = len(content_a) * len(content_b) <= _SCORE_ALL_PAIRS
    plain = _plain_vectors(words) if small else defaultdict(_no_plain)
    links = _identical_links(content_a, content_b)
    linked_a, linked_b = {i for i, _ in links}, {j for _, j in links}
    pa = tuple(p for p in content_a if p.index not in linked_a)
    pb = tuple(p for p in content_b if p.index not in linked_b)
    head_a, head_b = _headline(pa), _headline(pb)
    if head_a is not None and head_b is not None:
        # Two headlines both name the event: they face each other when they
        # share a content word (reports that lead with different news can have
        # headlines with none in common), and neither competes with body
        # paragraphs (a headline matches half of any report).
        ha = _unit(head_a, terms[id(head_a)], idf, evidence, plain[id(head_a)])
        hb = _unit(head_b, terms[id(head_b)], idf, evidence, plain[id(head_b)])
        if ha.vector.keys() & hb.vector.keys():
            links[head_a.index, head_b.index] = similarity(ha, hb)
        pa = tuple(p for p in pa if p is not head_a)
        pb = tuple(p for p in pb if p is not head_b)
    ua = [_unit(p, terms[id(p)], idf, evidence, plain[id(p)]) for p in pa]
    ub = [_unit(p, terms[id(p)], idf, evidence, plain[id(p)]) for p in pb]
    scores = _score_candidates(ua, ub, tick)
    ledes = _ledes(_lede(content_a), _lede(content_b), ua, ub, scores)
    order = _StoryOrder(content_a, content_b)
    links.update(_choose_links(scores, ledes, order))
    _follow_story_order(links, scores, order)
    _adopt_leftovers(links, scores)
    ids_a, ids_b = [p.index for p in content_a], [p.index for p in content_b]
    groups = _groups(links, ids_a, ids_b)
    if facts is None:
        return groups
    units = {(0, u.index): u for u in ua} | {(1, u.index): u for u in ub}
    if _join_facts(links, facts(groups), scores, units, set(ids_a), set(ids_b)):
        groups = _groups(links, ids_a, ids_b)
    return groups


def _join_facts(
    links: dict[tuple[int, int], float],
    facts: Iterable[tuple[int, int]],
    scores: dict[tuple[int, int], _Score],
    units: dict[tuple[int, int], _Unit],
    ids_a: set[int],
    ids_b: set[int],
) -> bool:
    """Link the pairs of `facts` of which one paragraph (or both) has no partner
    yet, best scored first; whether any was linked. A paragraph given a partner
    so is alone no more: it never chains two groups into one. A link keeps its
    own score where the pair has one (0 where its wording shares nothing: a
    loose match for the reader)."""
    partnered = {(0, i) for i, _ in links} | {(1, j) for _, j in links}
    new: dict[tuple[int, int], float] = {}
    for i, j in dict.fromkeys(facts):
        if i in ids_a and j in ids_b and (i, j) not in links:
            score = scores.get((i, j))
            if score is None and (0, i) in units and (1, j) in units:
                score = _score(units[0, i], units[1, j])
            new[i, j] = score.value if score is not None else 0.0
    linked = False
    for (i, j), value in sorted(new.items(), key=lambda e: -e[1]):
        if (0, i) in partnered and (1, j) in partnered:
            continue  # both have partners: the link would join two groups
        links[i, j] = value
        partnered |= {(0, i), (1, j)}
        linked = True
    return linked


def _identical_links(
    pa: tuple[Paragraph, ...], pb: tuple[Paragraph, ...]
) -> dict[tuple[int, int], float]:
    """Links of score 1 between paragraphs whose matching keys are equal.

    However short: a one-word headline facing the same word is the same
    paragraph, though the scoring below would find too little evidence in it.
    A text repeated on one side pairs with its repeats on the other in order.
    """
    # Only paragraphs with a word count the other side also has can be equal:
    # the (slower) folded keys are made for those alone.
    size_a = {p.index: len(p.text.split()) for p in pa}
    size_b = {p.index: len(p.text.split()) for p in pb}
    shared_sizes = set(size_a.values()) & set(size_b.values())
    by_key: dict[str, list[int]] = defaultdict(list)
    for p in pb:
        if size_b[p.index] in shared_sizes:
            by_key[_identity_key(p.text)].append(p.index)
    candidates_a = [p for p in pa if size_a[p.index] in shared_sizes]
    links: dict[tuple[int, int], float] = {}
    for p in candidates_a:
        key = _identity_key(p.text)
        same = by_key.get(key)
        if key and same:
            links[p.index, same.pop(0)] = 1.0
    return links


def _identity_key(text: str) -> str:
    """The text with case, quote and dash styles and whitespace runs folded."""
    return " ".join(fold(text).split())


def _headline(paragraphs: tuple[Paragraph, ...]) -> Paragraph | None:
    return next((p for p in paragraphs if p.kind == "headline"), None)


def _lede(paragraphs: tuple[Paragraph, ...]) -> Paragraph | None:
    return next((p for p in paragraphs if p.kind == "body"), None)


def _ledes(
    lede_a: Paragraph | None,
    lede_b: Paragraph | None,
    ua: list[_Unit],
    ub: list[_Unit],
    scores: dict[tuple[int, int], _Score],
) -> tuple[int, int] | None:
    """The pair of first body paragraphs, when it is a link at all (LEDE_THRESHOLD).

    News puts the main fact first (inverted pyramid), so the two ledes face
    each other even when one of them scores a little higher elsewhere: it is
    the first link taken, and may still gain a second partner. Not when either
    scores more than twice as well elsewhere (LEDE_RATIO): then the reports
    lead with different news. A lede already linked (identical to a paragraph
    of the other side) leaves no such pair.
    """
    la = next((u for u in ua if lede_a is not None and u.index == lede_a.index), None)
    lb = next((u for u in ub if lede_b is not None and u.index == lede_b.index), None)
    if la is None or lb is None:
        return None
    pair = (la.index, lb.index)
    if pair not in scores:  # pruned from the candidates of a long text
        scores[pair] = _score(la, lb)
    value = scores[pair].value
    if value < LEDE_THRESHOLD:
        return None
    # A prior, not a rule: reports that lead with different news may each tell
    # the other's lede further down, far better than the two ledes match.
    better = max(s.value for (i, j), s in scores.items() if i == pair[0] or j == pair[1])
    return pair if value >= LEDE_RATIO * better else None


# --- terms and weights --------------------------------------------------------


def _terms(words: list[str]) -> list[tuple[str, float]]:
    """Content terms of a sentence's words with their boost (numbers weigh more)."""
    return [t for t in map(_term, words) if t[0]]


@lru_cache(maxsize=65536)
def _term(raw: str) -> tuple[str, float]:
    """The stemmed term of one word ("" for a function word) and its boost."""
    word = strip_accents(raw.casefold()).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        return "", 1.0
    word = _SPELLED.get(word, word)  # "Eighteen passengers" / "18 survivors": one number
    if word[0].isdigit():
        return stem(word), _NUMBER_BOOST
    return stem(word), 1.0


# Numbers spelled out in one word, as their digits ("one" is a function word).
_SPELLED = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
    "eighty": "80", "ninety": "90",
}  # fmt: skip


def _sentence_texts(p: Paragraph) -> list[str]:
    spans = p.sentences or ((0, len(p.text)),)
    return [p.text[s:e] for s, e in spans]


def _idf(documents: list[set[str]]) -> dict[str, float]:
    """Inverse document frequency over the sentences of both reports."""
    df = Counter(itertools.chain.from_iterable(documents))
    n = len(documents)
    return {t: math.log(1.0 + n / d) for t, d in df.items()}


def _no_plain() -> tuple[Vector, float]:
    return {}, 1.0


def _plain_vectors(words: dict[int, list[list[str]]]) -> dict[int, tuple[Vector, float]]:
    """Each paragraph's TF-IDF vector of every word (its sentences' `words`), lower-cased,
    and its norm, by the paragraph's id()."""
    counts = {key: _plain_counts(sentences) for key, sentences in words.items()}
    df: Counter[str] = Counter(itertools.chain.from_iterable(counts.values()))
    n = len(words)
    idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
    vectors = {}
    for key, count in counts.items():
        vec = {w: c * idf[w] for w, c in count.items()}
        vectors[key] = (vec, math.sqrt(sum(x * x for x in vec.values())) or 1.0)
    return vectors


def _plain_counts(sentences: list[list[str]]) -> Counter[str]:
    """How often a paragraph says each word, lower-cased; a number spelled out as its digits."""
    words = [w.lower() for sentence in sentences for w in sentence]
    return Counter(map(_SPELLED.get, words, words))


def _plain_cosine(x: tuple[Vector, float], y: tuple[Vector, float]) -> float:
    (vx, nx), (vy, ny) = x, y
    return sum([vx[t] * vy[t] for t in vx.keys() & vy.keys()]) / (nx * ny)


def _vector(terms: list[tuple[str, float]], idf: dict[str, float]) -> Vector:
    vec: Vector = {}
    for term, boost in terms:
        w = boost * idf.get(term, 0.0)
        if w > vec.get(term, -1.0):
            vec[term] = w
    return vec


def _norm(vec: Vector) -> float:
    return math.sqrt(sum(w * w for w in vec.values()))


def _unit(
    p: Paragraph,
    sentence_terms: list[list[tuple[str, float]]],
    idf: dict[str, float],
    evidence: float,
    plain: tuple[Vector, float] = ({}, 1.0),
) -> _Unit:
    vec: Vector = {}
    sentences = []
    for s in sentence_terms:
        sv = _vector(s, idf)
        if sv:
            sentences.append((sv, _norm(sv)))
            # The paragraph keeps each term's highest weight, as `_vector` does.
            for t, w in sv.items():
                if w > vec.get(t, -1.0):
                    vec[t] = w
    numbers = tuple(t for t in vec if t[0].isdigit())
    return _Unit(
        p.index,
        vec,
        _norm(vec),
        numbers,
        tuple(sentences),
        evidence,
        attribution.sources(p.text),
        plain,
    )


# --- scoring ------------------------------------------------------------------


def _pair_norm(vec: Vector, norm: float, unshared_numbers: list[str]) -> float:
    """`norm` with the numbers the other paragraph lacks at their plain weight."""
    if not unshared_numbers:
        return norm
    cut = 0.0
    for t in unshared_numbers:
        w = vec.get(t)
        if w is not None:
            cut += w**2
    cut *= _UNSHARED_NUMBER_CUT
    return math.sqrt(max(norm * norm - cut, 1e-12))


def similarity(x: _Unit, y: _Unit) -> float:
    """How strongly two paragraphs tell the same thing, 0..1.

    The whole-paragraph cosine, raised by the best matching sentence pair: a
    long paragraph that contains the other's one sentence still links. Scaled
    down when the words both share weigh too little in all to be a fact.
    """
    return _score(x, y).value


def _score(x: _Unit, y: _Unit) -> _Score:
    """The content score (`_content_score`), or the plain TF-IDF cosine's share
    of itself (_PLAIN_WEIGHT) when that says more of two paragraphs that share
    content words at all."""
    score = _content_score(x, y)
    if score.value <= _PLAIN_MIN_CONTENT:
        return score  # next to no content shared: small words alone ("the", "in") are no link
    plain = _PLAIN_WEIGHT * _plain_cosine(x.plain, y.plain)
    if plain > score.value:
        return _Score(
            plain, score.sentence_a, score.sentence_b, score.sentences_a, score.sentences_b
        )
    return score


def _content_score(x: _Unit, y: _Unit) -> _Score:
    xv, yv = x.vector, y.vector
    shared = xv.keys() & yv.keys()
    # One shared word is coincidence, not a shared fact.
    if len(shared) < _MIN_SHARED_TERMS:
        return _NO_SCORE
    only_x = [t for t in x.numbers if t not in shared]
    only_y = [t for t in y.numbers if t not in shared]
    dot = mass = 0.0
    for t in shared:  # a plain loop: this is the innermost work of aligning
        wx, wy = xv[t], yv[t]
        dot += wx * wy
        mass += wx if wx < wy else wy
    nx = _pair_norm(xv, x.norm, only_x) if only_x else x.norm
    ny = _pair_norm(yv, y.norm, only_y) if only_y else y.norm
    whole = dot / (nx * ny)
    if len(x.sentences) == 1 and len(y.sentences) == 1:
        # One sentence each: the sentence pair is the paragraph pair.
        best, best_a, best_b = whole, 0, 0
    elif len(x.sentences) * len(y.sentences) > _MAX_SENTENCE_PAIRS:
        # Paragraphs of hundreds of sentences are no news paragraphs: the whole
        # cosine speaks for them (every sentence pair would cost quadratic time).
        best, best_a, best_b = whole, -1, -1
    else:
        best, best_a, best_b = _best_sentences(x, y, shared, only_x, only_y)
    value = max(whole, best) * min(1.0, mass / x.evidence)
    if x.sources and y.sources and x.sources.isdisjoint(y.sources):
        value *= _OTHER_SOURCES
    return _Score(value, best_a, best_b, len(x.sentences), len(y.sentences))


def _best_sentences(
    x: _Unit, y: _Unit, shared: set[str], only_x: list[str], only_y: list[str]
) -> tuple[float, int, int]:
    """The best sentence pair's cosine and the two sentences (-1 when none share)."""
    best, best_a, best_b = 0.0, -1, -1
    # Each sentence of y's norm without the numbers x lacks, once it is needed.
    y_norms: dict[int, float] = {}
    for ka, (sx, nx) in enumerate(x.sentences):
        # Terms outside `shared` cannot be in both sentences: intersect with it once.
        keys = sx.keys() & shared
        if not keys:
            continue
        if only_x:
            nx = _pair_norm(sx, nx, only_x)
        for kb, (sy, ny) in enumerate(y.sentences):
            dot = 0.0
            for t in keys:
                w = sy.get(t)
                if w is not None:
                    dot += sx[t] * w
            if not dot:
                continue
            if only_y:
                ny = y_norms.get(kb) or y_norms.setdefault(kb, _pair_norm(sy, ny, only_y))
            c = dot / (nx * ny)
            if c > best:
                best, best_a, best_b = c, ka, kb
    return best, best_a, best_b


def _score_candidates(
    ua: list[_Unit], ub: list[_Unit], tick: Callable[[float], None] | None = None
) -> dict[tuple[int, int], _Score]:
    """Scores of the candidate pairs: those sharing a term that is not everywhere.

    A first pass accumulates whole-paragraph dot products through an inverted
    index; only each paragraph's best few candidates get the full score.
    """
    if len(ua) * len(ub) <= _SCORE_ALL_PAIRS:
        return {(x.index, y.index): _score(x, y) for x in ua for y in ub}
    tick = tick or _no_tick
    n = len(ua) + len(ub)
    cap = max(_MIN_CANDIDATE_DF, min(_MAX_CANDIDATE_DF, int(_CANDIDATE_DF_SHARE * n)))
    posting_b: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, u in enumerate(ub):
        for t, w in u.vector.items():
            posting_b[t].append((j, w))
    df_a: dict[str, int] = defaultdict(int)
    for u in ua:
        for t in u.vector:
            df_a[t] += 1
    # Each paragraph of A is scored against B at once and only its best few are
    # kept, and the best few of each paragraph of B: memory grows with the
    # paragraphs, not with the pairs (a 100,000-word pair held millions).
    keep: set[tuple[int, int]] = set()
    best_of_b: list[list[tuple[float, int]]] = [[] for _ in ub]  # min-heaps of (cosine, i)
    for i, u in enumerate(ua):
        if i % _TICK_EVERY == 0:
            tick(0.5 * i / len(ua))
        row: dict[int, float] = defaultdict(float)
        for t, w in u.vector.items():
            post = posting_b.get(t)
            if post is None or len(post) + df_a[t] > cap:
                continue
            for j, wb in post:
                row[j] += w * wb
        if not row:
            continue
        norm = u.norm or 1.0
        cosines = [(d / (norm * (ub[j].norm or 1.0)), j) for j, d in row.items()]
        keep.update((i, j) for _, j in heapq.nlargest(_MAX_CANDIDATES, cosines))
        for c, j in cosines:
            heap = best_of_b[j]
            if len(heap) < _MAX_CANDIDATES:
                heapq.heappush(heap, (c, i))
            elif c > heap[0][0]:
                heapq.heapreplace(heap, (c, i))
    for j, heap in enumerate(best_of_b):
        keep.update((i, j) for _, i in heap)
    pairs = sorted(keep)
    scores = {}
    for n_done, (i, j) in enumerate(pairs):
        if n_done % (_TICK_EVERY * 8) == 0:
            tick(0.5 + 0.5 * n_done / len(pairs))
        scores[ua[i].index, ub[j].index] = _score(ua[i], ub[j])
    return scores


_TICK_EVERY = 64  # paragraphs between two progress reports


def _no_tick(_fraction: float) -> None:
    pass


# --- choosing links -----------------------------------------------------------


class _StoryOrder:
    """Where each content paragraph stands in its report."""

    __slots__ = ("at_a", "at_b", "ids_a", "ids_b")

    def __init__(self, content_a: tuple[Paragraph, ...], content_b: tuple[Paragraph, ...]):
        self.ids_a = [p.index for p in content_a]
        self.ids_b = [p.index for p in content_b]
        self.at_a = {x: k for k, x in enumerate(self.ids_a)}
        self.at_b = {x: k for k, x in enumerate(self.ids_b)}

    def next_to(self, first: tuple[int, int], pair: tuple[int, int]) -> bool:
        """Whether `pair` shares a paragraph with `first` and its other one stands
        right next to `first`'s in their report."""
        if pair[0] == first[0]:
            return abs(self.at_b[pair[1]] - self.at_b[first[1]]) == 1
        return pair[1] == first[1] and abs(self.at_a[pair[0]] - self.at_a[first[0]]) == 1

    def diagonal(self, i: int, j: int) -> list[tuple[int, int]]:
        """The pairs right before and right after (i, j) in both reports' order."""
        x, y = self.at_a[i], self.at_b[j]
        return [
            (self.ids_a[u], self.ids_b[v])
            for u, v in ((x - 1, y - 1), (x + 1, y + 1))
            if 0 <= u < len(self.ids_a) and 0 <= v < len(self.ids_b)
        ]


def _follow_story_order(
    links: dict[tuple[int, int], float],
    scores: dict[tuple[int, int], _Score],
    order: _StoryOrder,
) -> None:
    """Add the pairs of free paragraphs that continue a link in both reports' order
    and score ORDER_THRESHOLD: a sequence prior, as monolingual aligners use."""
    linked_a, linked_b = {i for i, _ in links}, {j for _, j in links}

    def free(pair: tuple[int, int]) -> bool:
        score = scores.get(pair)
        return (
            score is not None
            and score.value >= ORDER_THRESHOLD
            and pair[0] not in linked_a
            and pair[1] not in linked_b
        )

    # Best first; each new link makes its own neighbours candidates in turn.
    waiting = [(-scores[n].value, n) for pair in links for n in order.diagonal(*pair) if free(n)]
    heapq.heapify(waiting)
    while waiting:
        _, (i, j) = heapq.heappop(waiting)
        if free((i, j)):
            links[i, j] = scores[i, j].value
            linked_a.add(i)
            linked_b.add(j)
            for n in order.diagonal(i, j):
                if free(n):
                    heapq.heappush(waiting, (-scores[n].value, n))


def _adopt_leftovers(
    links: dict[tuple[int, int], float], scores: dict[tuple[int, int], _Score]
) -> None:
    """A paragraph left without a partner joins the group of the paragraph it tells
    most of, when that scores LEFTOVER_LINK: the other report told it inside a
    paragraph that tells more. The group stays a star around that paragraph, and
    no two of its partners rest on one of its sentences (_same_sentence)."""
    partners: dict[tuple[int, int], set[int]] = defaultdict(set)  # (side, paragraph) -> others
    for i, j in links:
        partners[0, i].add(j)
        partners[1, j].add(i)
    best: dict[tuple[int, int], tuple[int, int]] = {}  # (side, paragraph) -> its best pair
    for pair, s in scores.items():
        for side in (0, 1):
            key = (side, pair[side])
            if s.value >= LEFTOVER_LINK and (key not in best or s.value > scores[best[key]].value):
                best[key] = pair
    for (side, k), pair in sorted(best.items(), key=lambda e: -scores[e[1]].value):
        hub = pair[1 - side]
        others = partners[1 - side, hub]
        star = [(x, hub) if side == 0 else (hub, x) for x in others]
        if (
            partners[side, k]  # not left alone
            or any(partners[side, x] != {hub} for x in others)  # not a star around hub
            or not _star_takes(scores, star, pair, shares_a=side == 1)
        ):
            continue
        links[pair] = scores[pair].value
        partners[side, k].add(hub)
        others.add(k)


def _choose_links(
    scores: dict[tuple[int, int], _Score], lead: tuple[int, int] | None, order: _StoryOrder
) -> dict[tuple[int, int], float]:
    """Links above the threshold, best first, in groups of one-to-one, or one
    paragraph and up to MAX_STAR paragraphs of the other report (a star).

    A pair whose two paragraphs are free forms a group. A pair with one side
    free joins the other side's group when that group is a star around the
    shared paragraph, the pair scores nearly as well as the group's first link
    (or well in itself: STRONG_LINK), and it rests on another sentence of the
    shared paragraph than each link of the group: a paragraph that tells what
    the other report splits in two, three or four. Taking pairs strictly best
    first lets a strong second link win over a weak first link elsewhere.
    `lead`, a pair above the threshold, is taken before all others.
    """
    ranked = sorted(
        ((s.value, i, j) for (i, j), s in scores.items() if s.value >= LINK_THRESHOLD),
        reverse=True,
    )
    if lead is not None:
        entry = (scores[lead].value, *lead)
        if entry in ranked:
            ranked.remove(entry)
        ranked.insert(0, entry)
    links: dict[tuple[int, int], float] = {}
    group_a: dict[int, tuple[int, int]] = {}  # paragraph of A -> its group's first link
    group_b: dict[int, tuple[int, int]] = {}
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for s, i, j in ranked:
        if i in group_a and j in group_b:
            continue
        first = group_a.get(i) or group_b.get(j)
        if first is None:
            first = (i, j)
        elif not _may_join(scores, first, (i, j), members[first], order):
            continue
        links[i, j] = s
        group_a[i] = group_b[j] = first
        members.setdefault(first, []).append((i, j))
    return links


def _may_join(
    scores: dict[tuple[int, int], _Score],
    first: tuple[int, int],
    pair: tuple[int, int],
    group: list[tuple[int, int]],
    order: _StoryOrder,
) -> bool:
    """Whether `pair` may join the group `first` started (its links `group`)."""
    shares_a = pair[0] == first[0]
    around_hub = all(link[0] == pair[0] if shares_a else link[1] == pair[1] for link in group)
    if not around_hub:
        return False  # the group is a star around another paragraph
    ratio = NEXT_RATIO if order.next_to(first, pair) else EXTRA_RATIO
    value = scores[pair].value
    if value < ratio * scores[first].value and value < STRONG_LINK:
        return False
    return _star_takes(scores, group, pair, shares_a=shares_a)


def _star_takes(
    scores: dict[tuple[int, int], _Score],
    star: list[tuple[int, int]],
    pair: tuple[int, int],
    *,
    shares_a: bool,
) -> bool:
    """Whether the links `star`, all of one paragraph (the hub: A's when `shares_a`),
    take `pair` of the hub as one more: fewer than MAX_STAR, and each partner on
    a sentence of the hub of its own (_same_sentence)."""
    return len(star) < MAX_STAR and not any(
        _same_sentence(scores[link], scores[pair], shares_a=shares_a) for link in star
    )


def _same_sentence(first: _Score, extra: _Score, *, shares_a: bool) -> bool:
    """Whether a would-be link rests on the same sentence of the shared paragraph
    as a link the group has.

    Two partners matching one sentence are rivals for it (paraphrases of one
    fact), not the two halves of a split. A one-sentence paragraph gives no
    such sign, so it never blocks.
    """
    if shares_a:
        return first.sentences_a > 1 and first.sentence_a == extra.sentence_a
    return first.sentences_b > 1 and first.sentence_b == extra.sentence_b


def _groups(
    links: dict[tuple[int, int], float], a_ids: list[int], b_ids: list[int]
) -> tuple[AlignedGroup, ...]:
    """Connected links as groups, plus lone paragraphs, in reading order."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for i, j in links:
        parent[find(("b", j))] = find(("a", i))
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in a_ids:
        members[find(("a", i))][0].append(i)
    for j in b_ids:
        members[find(("b", j))][1].append(j)
    groups = []
    for ga, gb in members.values():
        pairs = [links[i, j] for i in ga for j in gb if (i, j) in links]
        score = sum(pairs) / len(pairs) if pairs else 0.0
        groups.append(AlignedGroup(a=tuple(sorted(ga)), b=tuple(sorted(gb)), score=score))
    return reading_order(groups)


def reading_order(groups: list[AlignedGroup]) -> tuple[AlignedGroup, ...]:
    """Order by A's paragraphs; a paragraph only B has follows its B predecessor."""
    key_of_b: dict[int, int] = {j: g.a[0] for g in groups if g.a for j in g.b}
    linked_b = sorted(key_of_b)

    def key(g: AlignedGroup) -> tuple[int, int, int]:
        if g.a:
            return (g.a[0], 0, g.b[0] if g.b else -1)
        if not linked_b:
            # Nothing links (two events): the two reports side by side, in turns,
            # not all of B above all of A.
            return (g.b[0], 1, g.b[0])
        pos = bisect.bisect_left(linked_b, g.b[0])
        anchor = key_of_b[linked_b[pos - 1]] if pos else -1
        return (anchor, 1, g.b[0])

    return tuple(sorted(groups, key=key))
