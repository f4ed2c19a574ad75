"""Benchmarks of the library: importing 10,000 reports, searching 10,000 and 100,000.

Run: .venv/bin/pytest tests/bench/test_bench_store.py --benchmark-only -s
(skipped in the normal test run). Each benchmark also times a peer in the same
process — plain sqlite3 doing the same inserts / the bare FTS5 query — and
records the ratio in `extra_info`, so numbers from a busy machine still compare.
Targets (DESIGN/issue 2): import >= 500 reports/s; search median <= 30 ms at 100,000.
"""

from __future__ import annotations

import random
import resource
import sqlite3
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest

from reportdiff.store import Library
from reportdiff.store.importer import ImportedText, prepare_text

pytestmark = pytest.mark.timeout(3600)

WORDS_PER_REPORT = 600
VOCABULARY = 20_000
SEARCH_SIZES = (10_000, 100_000)


VOCABULARY_SEED = 2024


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Made-up words with Zipf-like frequencies, as in real prose (one fixed vocabulary)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted({"".join(rng.choices(letters, k=rng.randint(3, 10))) for _ in range(VOCABULARY)})
    rng.shuffle(words)
    return words, [1.0 / (rank + 1) for rank in range(len(words))]


def generate_reports(count: int, seed: int = 1) -> Iterator[str]:
    """`count` distinct reports: a headline and ~600 words in paragraphs of 60."""
    words, weights = _vocabulary(random.Random(VOCABULARY_SEED))
    rng = random.Random(seed)
    for number in range(count):
        text = rng.choices(words, weights, k=WORDS_PER_REPORT)
        headline = " ".join(text[:8]).title() + f" {number}"
        paragraphs = (" ".join(text[i : i + 60]) + "." for i in range(0, WORDS_PER_REPORT, 60))
        yield headline + "\n\n" + "\n\n".join(paragraphs)


def _queries(seed: int = 99) -> list[str]:
    """Mid- and low-frequency words, pairs, and a prefix, as a user would type."""
    rng = random.Random(seed)
    words, _ = _vocabulary(random.Random(VOCABULARY_SEED))
    rare = words[2_000:20_000]
    mid = words[200:2_000]
    queries = [rng.choice(rare) for _ in range(10)] + [rng.choice(mid) for _ in range(10)]
    queries += [f"{rng.choice(mid)} {rng.choice(mid)}" for _ in range(10)]
    queries += [rng.choice(mid)[:4] for _ in range(5)]  # prefix search while typing
    return queries


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- import -------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for number, text in enumerate(generate_reports(10_000)):
        (folder / f"report-{number:05}.txt").write_text(text, encoding="utf-8")
    return folder


def _peer_insert(path: Path, items: list[ImportedText]) -> float:
    """Plain sqlite3: the same rows into the same schema, one executemany."""
    Library.open(path).close()
    conn = sqlite3.connect(path)
    start = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO articles (title, outlet, url, published, author, body, content_hash, "
            "source_path, imported_at, event_id, words) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    i.title,
                    None,
                    None,
                    None,
                    None,
                    i.body,
                    i.content_hash,
                    i.source_path,
                    "now",
                    None,
                    i.words,
                )
                for i in items
            ],
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def test_import_10k_files(benchmark: Any, report_files: Path, tmp_path: Path) -> None:
    runs = iter(range(100))

    def setup() -> tuple[tuple[Path], dict[str, Any]]:
        return (tmp_path / f"import-{next(runs)}.db",), {}

    def import_all(path: Path) -> int:
        with Library.open(path) as lib:
            return len(lib.import_files([report_files]).imported)

    imported = benchmark.pedantic(import_all, setup=setup, rounds=1, iterations=1)
    assert imported == 10_000
    seconds = benchmark.stats.stats.median

    items = [prepare_text(p.read_text(encoding="utf-8")) for p in sorted(report_files.iterdir())]
    peer = _peer_insert(tmp_path / "peer.db", items)
    start = time.perf_counter()
    with Library.open(tmp_path / "bulk.db") as lib:
        assert lib.add_many(items) == 10_000
    bulk = time.perf_counter() - start
    memory = _import_memory(report_files, tmp_path / "memory.db", 1_000)
    benchmark.extra_info.update(
        reports_per_s=round(10_000 / seconds),
        bulk_add_many_reports_per_s=round(10_000 / bulk),
        peer_sqlite3_executemany_reports_per_s=round(10_000 / peer),
        ratio_import_files_to_peer=round(seconds / peer, 2),
        tracemalloc_peak_mb_per_1000_files=round(memory, 1),
        peak_rss_mb=round(_peak_rss_mb()),
    )
    print(f"\nimport: {benchmark.extra_info}")


def _import_memory(folder: Path, path: Path, count: int) -> float:
    files = sorted(folder.iterdir())[:count]
    tracemalloc.start()
    with Library.open(path) as lib:
        lib.import_files(files)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024


# --- search -------------------------------------------------------------------


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Libraries of 10,000 and 100,000 generated reports (built once, by the bulk path)."""
    folder = tmp_path_factory.mktemp("search")
    built: dict[int, Path] = {}
    for size in SEARCH_SIZES:
        path = folder / f"library-{size}.db"
        with Library.open(path) as lib:
            lib.add_many(prepare_text(text) for text in generate_reports(size, seed=size))
            assert lib.count_articles() == size
        built[size] = path
    return built


@pytest.mark.parametrize("size", SEARCH_SIZES)
def test_search(benchmark: Any, libraries: dict[int, Path], size: int) -> None:
    queries = _queries()
    with Library.open(libraries[size]) as lib:
        for query in queries:
            lib.search(query)  # warm the page cache for both sides alike
        turn = cycle(queries)
        results = benchmark(lambda: lib.search(next(turn)))
        assert isinstance(results, list)
        hits = [len(lib.search(q)) for q in queries]
        assert sum(1 for n in hits if n) >= len(queries) * 3 // 4  # the queries do find reports
        peer = _peer_search_median(lib.db.conn, queries)
        pane = _median(lambda q: lib.list_articles(search=q, limit=200), queries)
        counted = _median(lambda q: lib.count_articles(search=q), queries)
    median_ms = benchmark.stats.stats.median * 1000
    benchmark.extra_info.update(
        reports=size,
        median_ms=round(median_ms, 2),
        list_articles_search_limit_200_median_ms=round(pane * 1000, 2),
        count_articles_search_median_ms=round(counted * 1000, 2),
        peer_bare_fts5_median_ms=round(peer * 1000, 2),
        ratio_to_peer=round(median_ms / (peer * 1000), 2),
        peak_rss_mb=round(_peak_rss_mb()),
    )
    print(f"\nsearch {size}: {benchmark.extra_info}")


def _median(call: Callable[[str], object], queries: list[str]) -> float:
    """Median seconds of `call` over the queries (the library pane's filtered list)."""
    times = []
    for query in queries * 2:
        start = time.perf_counter()
        call(query)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peer_search_median(conn: sqlite3.Connection, queries: list[str]) -> float:
    """The bare FTS5 query (ids only, no join, no query cleaning) over the same words."""
    from reportdiff.store import fts_query

    times = []
    for _ in range(5):
        for query in queries:
            start = time.perf_counter()
            conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50",
                [fts_query(query)],
            ).fetchall()
            times.append(time.perf_counter() - start)
    return statistics.median(times)
