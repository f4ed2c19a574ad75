"""The pipeline: two `Report`s in, one `Comparison` out, cached by content."""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

from reportdiff.engine.align import align
from reportdiff.engine.kinship import UNRELATED_WARNING, likely_unrelated
from reportdiff.engine.model import AlignedGroup, Comparison, FigurePair, Report
from reportdiff.engine.progress import Progress, part, quiet
from reportdiff.engine.segment import parse_report
from reportdiff.engine.worddiff import diff_groups

_CACHE_SIZE = 64
_cache: OrderedDict[tuple[str, str, bool], Comparison] = OrderedDict()
_cache_lock = threading.Lock()


def compare(
    a: Report, b: Report, *, figures: bool = True, progress: Progress | None = None
) -> Comparison:
    """Compare two reports; the result is cached by the pair of content hashes.

    `progress` (engine/progress.py) is told how far the work has come and may
    stop it by raising `Cancelled`; a stopped comparison is not cached.
    """
    key = (a.content_hash, b.content_hash, figures)
    cacheable = bool(a.content_hash and b.content_hash)
    if cacheable:
        with _cache_lock:
            hit = _cache.get(key)
            if hit is not None and hit.a == a and hit.b == b:
                _cache.move_to_end(key)
                return hit
    result = _compute(a, b, figures=figures, progress=progress or quiet)
    if cacheable:
        with _cache_lock:
            _cache[key] = result
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return result


def compare_texts(text_a: str, text_b: str, *, figures: bool = True) -> Comparison:
    """Compare two plain texts (a convenience for tests and scripts)."""
    return compare(parse_report(text_a), parse_report(text_b), figures=figures)


def clear_cache() -> None:
    """Forget cached comparisons, extracted figures and every reading of a
    paragraph's text (tests and benchmarks measure the work, not the caches)."""
    with _cache_lock:
        _cache.clear()
    if "reportdiff.engine.figures" in sys.modules:  # never imported just to be cleared
        from reportdiff.engine.figures.reports import clear_extraction_cache

        clear_extraction_cache()


# How much of a comparison's time each stage takes, roughly (for progress bars).
_STAGES = {"align": (0.0, 0.35), "figures": (0.35, 0.7), "words": (0.7, 1.0)}


def _compute(a: Report, b: Report, *, figures: bool, progress: Progress) -> Comparison:
    """Align, pair the figures on that alignment, let the paired figures link
    paragraphs the wording did not (align.py's `facts`), then mark the words."""
    timings: dict[str, float] = {"figures": 0.0}
    pairs: tuple[FigurePair, ...] = ()
    unrelated: bool | None = None

    def figure_pairs(groups: tuple[AlignedGroup, ...]) -> Iterable[tuple[int, int]]:
        nonlocal pairs, unrelated
        # Imported here so that opening the first window never waits for it.
        from reportdiff.engine.figures import compare_figures
        from reportdiff.engine.figures.links import fact_links

        started = time.perf_counter()
        pairs = compare_figures(
            a, b, groups, tick=part(progress, "Comparing figures", *_STAGES["figures"])
        )
        timings["figures"] = time.perf_counter() - started
        # Whether the two tell one event is judged on the links their wording
        # made; the figures of two events link nothing (two quakes' tolls pair).
        unrelated = likely_unrelated(a, b, groups, pairs)
        return () if unrelated else fact_links(pairs)

    t0 = time.perf_counter()
    groups = align(
        a,
        b,
        tick=part(progress, "Aligning paragraphs", *_STAGES["align"]),
        facts=figure_pairs if figures else None,
    )
    t1 = time.perf_counter()
    groups = diff_groups(a, b, groups, tick=part(progress, "Marking words", *_STAGES["words"]))
    timings["align"] = t1 - t0 - timings["figures"]
    timings["worddiff"] = time.perf_counter() - t1
    if not figures:
        del timings["figures"]
    progress("Compared", 1.0)
    if unrelated is None:  # no figures compared (or none to compare)
        unrelated = likely_unrelated(a, b, groups, pairs)
    if unrelated and pairs:
        from reportdiff.engine.figures.reports import without_dated_notes

        pairs = without_dated_notes(pairs)  # two events' figures never changed into each other
    warnings: tuple[str, ...] = (UNRELATED_WARNING,) if unrelated else ()
    if figures:
        from reportdiff.engine.figures.reports import MAX_FIGURES, figures_capped

        capped = [name for name, r in (("A", a), ("B", b)) if figures_capped(r)]
        if capped:
            warnings += (
                f"{_reports_state(capped)} more than {MAX_FIGURES:,} figures, as a"
                f" table does: only the first {MAX_FIGURES:,} were compared.",
            )
    return Comparison(a=a, b=b, alignment=groups, figures=pairs, timings=timings, warnings=warnings)


def _reports_state(names: list[str]) -> str:
    """ "Report A states", "Reports A and B state"."""
    return (
        f"Report {names[0]} states" if len(names) == 1 else f"Reports {' and '.join(names)} state"
    )
