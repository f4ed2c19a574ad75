"""The library of reports: articles, events, full-text search, imports.

A `Library` wraps one SQLite connection, for one thread: worker threads open
their own `Library` on the same path (WAL lets readers and one writer work at
once), so opening an existing library is cheap — a header check, a version
check, no seeding. Every write is one transaction.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlite_utils import Database

from reportdiff.engine import Report
from reportdiff.engine.progress import Cancelled
from reportdiff.review import DECISIONS, Review, swapped_key
from reportdiff.store.database import DEFAULT_TIMEOUT, open_database, sqlite_errors, transaction
from reportdiff.store.errors import DuplicateReport, ImportRefused, LibraryError
from reportdiff.store.fetch import FetchLimits, read_address
from reportdiff.store.importer import (
    ImportedText,
    SkippedFile,
    expand_paths,
    prepare_text,
    read_import,
    report_from,
)
from reportdiff.store.schema import FTS_TOKENIZER
from reportdiff.store.titles import suggest_event_name

P = ParamSpec("P")
R = TypeVar("R")

ProgressCallback = Callable[[int, int, str], None]


def default_library_path() -> Path:
    """library.db in the user's data folder (platformdirs)."""
    from platformdirs import user_data_path

    return user_data_path("reportdiff", appauthor=False) / "library.db"


def resolve_library_path(cli_value: str | None) -> Path:
    """--db when given, else $REPORTDIFF_DB, else the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("REPORTDIFF_DB")
    return Path(env).expanduser() if env else default_library_path()


def bundled_share() -> Path | None:
    """share/reportdiff inside a standalone bundle (packaging/build), None elsewhere.

    PyInstaller's bootloader sets `sys.frozen` and points `sys._MEIPASS` at the
    bundle's folder of data; packaging/reportdiff.spec lays the seeds and the
    resources there as a pip install does under its prefix.
    """
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or not isinstance(base, str):
        return None
    return Path(base) / "share" / "reportdiff"


def seeds_dir() -> Path | None:
    """The sample reports: the bundle's, else the checkout's seeds/, else the installed
    share/reportdiff/seeds."""
    share = bundled_share()
    for candidate in (
        *([share / "seeds"] if share else []),
        Path(__file__).resolve().parents[3] / "seeds",
        Path(sys.prefix) / "share" / "reportdiff" / "seeds",
    ):
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Article:
    """One stored report with everything the library knows of it."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    author: str | None
    body: str
    content_hash: str
    source_path: str | None
    imported_at: str
    event_id: int | None
    event_name: str | None
    words: int


@dataclass(frozen=True)
class ArticleSummary:
    """A report as the library list shows it."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    words: int
    event_id: int | None
    event_name: str | None


@dataclass(frozen=True)
class Event:
    """A group of reports of one event, with how many reports it holds."""

    id: int
    name: str
    count: int


@dataclass(frozen=True)
class ImportResult:
    """What a batch import did with each input."""

    imported: list[ArticleSummary] = field(default_factory=list)
    # (the file, or the web address as given; the id of the report it already is)
    duplicates: list[tuple[Path | str, int]] = field(default_factory=list)
    refused: list[ImportRefused] = field(default_factory=list)
    # Files of an imported folder that are not reports (not counted as refused).
    skipped: list[SkippedFile] = field(default_factory=list)


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

_SUMMARY_COLUMNS = "a.id, a.title, a.outlet, a.published, a.words, a.event_id, e.name"
_ORDER = (
    "e.name IS NULL, e.name COLLATE NOCASE, a.published IS NULL, a.published, a.imported_at, a.id"
)
_EDITABLE = ("title", "outlet", "url", "published", "author")


def _guarded(
    method: Callable[Concatenate[Library, P], R],
) -> Callable[Concatenate[Library, P], R]:
    """Translate sqlite3 errors raised by a public method into our two kinds."""

    def wrapper(self: Library, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with sqlite_errors(self.path):
            return method(self, *args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
    return wrapper


def _now(*, precise: bool = False) -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds" if precise else "seconds")


class Library:
    """A ReportDiff library file, open for use in the current thread."""

    closed = False  # set by close(): a window's late callbacks read nothing more

    def __init__(self, db: Database, path: Path, created: bool) -> None:
        self.db = db
        self.path = path
        self.created = created

    @classmethod
    def open(
        cls, path: Path | str, *, create: bool = True, timeout: float = DEFAULT_TIMEOUT
    ) -> Library:
        """Open the library at `path`, creating it when missing (unless create=False)."""
        path = Path(path)
        db, created = open_database(path, create=create, timeout=timeout)
        return cls(db, path, created)

    def close(self) -> None:
        self.closed = True
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction, rolled back when the block raises."""
        with transaction(self.db, self.path) as db:
            yield db

    # --- reading --------------------------------------------------------

    @_guarded
    def article(self, article_id: int) -> Article:
        """The stored report `article_id`; KeyError when there is none."""
        row = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.url, a.published, a.author, a.body, "
            "a.content_hash, a.source_path, a.imported_at, a.event_id, e.name, a.words "
            "FROM articles a LEFT JOIN events e ON e.id = a.event_id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return Article(*row)

    @_guarded
    def source_paths(self, article_ids: list[int]) -> dict[int, str | None]:
        """The file each of the stored reports was imported from (absent ids left out)."""
        marks = ", ".join("?" * len(article_ids))
        rows = self.db.execute(
            f"SELECT id, source_path FROM articles WHERE id IN ({marks})", article_ids
        ).fetchall()
        return {int(i): path for i, path in rows}

    def report(self, article_id: int) -> Report:
        """The engine's Report of a stored report (KeyError when there is none)."""
        art = self.article(article_id)
        return report_from(art.body, art.title, art.outlet, art.url, art.published)

    @_guarded
    def list_articles(
        self,
        *,
        event_id: int | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Reports ordered by event, then date published, then import time."""

        def run(match: str) -> list[ArticleSummary]:
            where, params = self._filters(event_id, match)
            sql = (
                f"SELECT {_SUMMARY_COLUMNS} FROM articles a LEFT JOIN events e ON e.id = a.event_id"
                f"{where} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
            )
            rows = self.db.execute(sql, [*params, -1 if limit is None else limit, offset])
            return [ArticleSummary(*row) for row in rows]

        return _with_fallback(search or "", run)

    @_guarded
    def count_articles(self, *, event_id: int | None = None, search: str | None = None) -> int:
        def run(match: str) -> int:
            where, params = self._filters(event_id, match)
            row = self.db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
            return int(row[0])

        return _with_fallback(search or "", run)

    def _filters(self, event_id: int | None, match: str) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if event_id is not None:
            clauses.append("a.event_id = ?")
            params.append(event_id)
        if match:
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    @_guarded
    def search(self, query: str, *, limit: int = 50) -> list[ArticleSummary]:
        """Full-text search over title, outlet and body, best matches first."""

        def run(match: str) -> list[ArticleSummary]:
            if not match:
                return []
            rows = self.db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM articles_fts f "
                "JOIN articles a ON a.id = f.rowid LEFT JOIN events e ON e.id = a.event_id "
                "WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?",
                [match, limit],
            )
            return [ArticleSummary(*row) for row in rows]

        return _with_fallback(query, run)

    @_guarded
    def events(self) -> list[Event]:
        rows = self.db.execute(
            "SELECT e.id, e.name, count(a.id) FROM events e "
            "LEFT JOIN articles a ON a.event_id = e.id GROUP BY e.id ORDER BY e.name COLLATE NOCASE"
        )
        return [Event(*row) for row in rows]

    @_guarded
    def event_id(self, name: str) -> int | None:
        """The id of the event called `name` (any case), or None."""
        row = self.db.execute("SELECT id FROM events WHERE name = ?", [name.strip()]).fetchone()
        return None if row is None else int(row[0])

    # --- writing --------------------------------------------------------

    def create_event(self, name: str) -> int:
        """The id of the event called `name`, creating it when there is none."""
        with self.transaction():
            return self._event_for(name)

    def _event_for(self, event: str | int) -> int:
        if isinstance(event, int):
            if not self.db.execute("SELECT 1 FROM events WHERE id = ?", [event]).fetchone():
                raise KeyError(event)
            return event
        name = " ".join(event.split())
        if not name:
            raise ValueError("an event needs a name")
        existing = self.event_id(name)
        if existing is not None:
            return existing
        cursor = self.db.execute(
            "INSERT INTO events (name, created_at) VALUES (?, ?)", [name, _now()]
        )
        return int(cursor.lastrowid or 0)

    def rename_event(self, event_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise ValueError("an event needs a name")
        with self.transaction():
            other = self.event_id(name)
            if other is not None and other != event_id:
                raise ValueError(f"an event called {name!r} already exists")
            cursor = self.db.execute("UPDATE events SET name = ? WHERE id = ?", [name, event_id])
            if cursor.rowcount == 0:
                raise KeyError(event_id)

    def delete_event(self, event_id: int) -> None:
        """Remove an event; its reports stay in the library, outside any event."""
        with self.transaction():
            cursor = self.db.execute("DELETE FROM events WHERE id = ?", [event_id])
            if cursor.rowcount == 0:
                raise KeyError(event_id)

    # --- reviews (review.py) ---------------------------------------------------

    @_guarded
    def reviews(self, a_id: int, b_id: int) -> dict[str, Review]:
        """The decisions stored for the pair (A, B), by figure key; those made
        with the two reports the other way round (B, A) too, their keys swapped."""
        rows = self.db.execute(
            "SELECT a_id, key, decision, note, label FROM reviews "
            "WHERE (a_id = ? AND b_id = ?) OR (a_id = ? AND b_id = ?) "
            # In the order they were made, whichever way round: links and
            # pairs made later build on those made before; at the same second
            # this way round wins a clash.
            "ORDER BY updated_at, a_id = ?, rowid",
            [a_id, b_id, b_id, a_id, a_id],
        )
        found: dict[str, Review] = {}
        for first, key, decision, note, label in rows:
            if first != a_id:
                key = swapped_key(key)
            found[key] = Review(key, decision, note, label)
        return found

    def set_review(
        self, a_id: int, b_id: int, key: str, *, decision: str | None, note: str | None, label: str
    ) -> None:
        """Store a decision (and note) on one figure pair of (A, B); with neither, forget it."""
        if decision is not None and decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}")
        note = _tidy(note)
        with self.transaction():
            if a_id != b_id:  # one decision per pair, whichever way round it was made
                self.db.execute(
                    "DELETE FROM reviews WHERE a_id = ? AND b_id = ? AND key = ?",
                    [b_id, a_id, swapped_key(key)],
                )
            if decision is None and note is None:
                self.db.execute(
                    "DELETE FROM reviews WHERE a_id = ? AND b_id = ? AND key = ?", [a_id, b_id, key]
                )
                return
            self.db.execute(
                "INSERT INTO reviews (a_id, b_id, key, decision, note, label, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (a_id, b_id, key) DO UPDATE SET "
                "decision = excluded.decision, note = excluded.note, label = excluded.label, "
                "updated_at = excluded.updated_at",
                # to the microsecond: reviews() applies them in the order made
                [a_id, b_id, key, decision, note, label, _now(precise=True)],
            )

    def update_article(
        self,
        article_id: int,
        *,
        title: str | None = UNSET,
        outlet: str | None = UNSET,
        url: str | None = UNSET,
        published: str | None = UNSET,
        author: str | None = UNSET,
    ) -> None:
        """Change the given details of a report (None clears one; title cannot be empty)."""
        given = dict(title=title, outlet=outlet, url=url, published=published, author=author)
        changes = {k: _tidy(v) for k, v in given.items() if v is not UNSET}
        if "title" in changes and not changes["title"]:
            raise ValueError("a report needs a title")
        with self.transaction():
            if not changes:
                self.article(article_id)  # still KeyError for a missing report
                return
            assignments = ", ".join(f"{k} = ?" for k in changes)
            cursor = self.db.execute(
                f"UPDATE articles SET {assignments} WHERE id = ?", [*changes.values(), article_id]
            )
            if cursor.rowcount == 0:
                raise KeyError(article_id)

    @_guarded
    def replace_text(self, article_id: int, item: ImportedText) -> str:
        """Give a report a newer version of its text (an outlet updated the story),
        keeping its id, details, event and reviews: decisions whose figures the
        new text no longer holds show as outdated. Returns the old text (undo).

        DuplicateReport when another report has that text already; KeyError
        when the report is gone.
        """
        with self.transaction():
            row = self.db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise KeyError(article_id)
            existing = self._id_by_hash(item.content_hash)
            if existing is not None and existing != article_id:
                raise DuplicateReport(existing, item.source_path)
            self.db.execute(
                "UPDATE articles SET body = ?, content_hash = ?, words = ? WHERE id = ?",
                [item.body, item.content_hash, item.words, article_id],
            )
        return str(row[0])

    def move_to_event(self, article_ids: Iterable[int], event: int | str | None) -> int | None:
        """Put reports in an event: an id, a name (created when new), or None for no event.

        Returns the event's id. One transaction: a new event is not left behind
        when the move fails.
        """
        ids = list(article_ids)
        with self.transaction():
            event_id = None if event is None else self._event_for(event)
            self.db.conn.executemany(
                "UPDATE articles SET event_id = ? WHERE id = ?", [(event_id, i) for i in ids]
            )
        return event_id

    @_guarded
    def snapshot_article(self, article_id: int) -> dict[str, Any]:
        """Everything stored of one report (its row and its reviews), so that
        `restore_article` can put it back after a delete (Edit ▸ Undo)."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        columns = [d[0] for d in row.description]
        values = row.fetchone()
        if values is None:
            raise KeyError(article_id)
        reviews = self.db.execute(
            "SELECT * FROM reviews WHERE a_id = ? OR b_id = ?", [article_id, article_id]
        )
        review_columns = [d[0] for d in reviews.description]
        return {
            "article": dict(zip(columns, values, strict=True)),
            "reviews": [dict(zip(review_columns, r, strict=True)) for r in reviews.fetchall()],
        }

    def restore_article(self, snapshot: dict[str, Any]) -> None:
        """Put back a report deleted after `snapshot_article`, with its id and reviews
        (a review of a pair whose other report is gone too stays gone)."""
        article = dict(snapshot["article"])
        again = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", [article["content_hash"]]
        ).fetchone()
        if again is not None:
            raise LibraryError(
                f"“{article['title']}” is in the library again, as report #{again[0]}:"
                " it was not restored twice"
            )
        with self.transaction():
            known = self.db.execute(
                "SELECT 1 FROM events WHERE id = ?", [article.get("event_id")]
            ).fetchone()
            if known is None:
                article["event_id"] = None  # its event went in the meantime
            self.db.table("articles").insert(article)
            for review in snapshot["reviews"]:
                other = review["b_id"] if review["a_id"] == article["id"] else review["a_id"]
                if self.db.execute("SELECT 1 FROM articles WHERE id = ?", [other]).fetchone():
                    self.db.table("reviews").insert(review, replace=True)

    def delete_article(self, article_id: int) -> None:
        with self.transaction():
            cursor = self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            if cursor.rowcount == 0:
                raise KeyError(article_id)

    @_guarded
    def add_text(
        self,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        published: str | None = None,
        author: str | None = None,
        source_path: str | None = None,
        event: str | int | None = None,
    ) -> int:
        """Store a pasted report; DuplicateReport when its text is already stored."""
        item = prepare_text(
            text,
            title=title,
            outlet=outlet,
            url=url,
            published=published,
            author=author,
            source_path=source_path,
        )
        return self._add(item, event).id

    @_guarded
    def add_imported(self, item: ImportedText, *, event: str | int | None = None) -> ArticleSummary:
        """Store a text read already (a fetched page); DuplicateReport when stored before."""
        return self._add(item, event)

    def _add(self, item: ImportedText, event: str | int | None) -> ArticleSummary:
        with self.transaction():
            existing = self._id_by_hash(item.content_hash)
            if existing is not None:
                raise DuplicateReport(existing, item.source_path)
            event_id = None if event is None else self._event_for(event)
            new_id = self._insert(item, event_id)
        name = None if event_id is None else self._event_name(event_id)
        return ArticleSummary(
            new_id, item.title, item.outlet, item.published, item.words, event_id, name
        )

    @_guarded
    def report_with_text(self, digest: str) -> int | None:
        """The id of the report whose text has this content hash, if any."""
        return self._id_by_hash(digest)

    def _id_by_hash(self, digest: str) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        return None if row is None else int(row[0])

    def _event_name(self, event_id: int) -> str | None:
        row = self.db.execute("SELECT name FROM events WHERE id = ?", [event_id]).fetchone()
        return None if row is None else str(row[0])

    def _insert(self, item: ImportedText, event_id: int | None, *, ignore: bool = False) -> int:
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        cursor = self.db.conn.execute(
            f"{verb} INTO articles (title, outlet, url, published, author, body, content_hash, "
            "source_path, imported_at, event_id, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(item, event_id),
        )
        return int(cursor.lastrowid or 0) if cursor.rowcount else 0

    @_guarded
    def add_many(
        self, items: Iterable[ImportedText], *, event: str | int | None = None, batch: int = 1000
    ) -> int:
        """Bulk path: store prepared texts, `batch` per transaction; duplicates skipped.

        Returns how many were stored.
        """
        added = 0
        chunk: list[ImportedText] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch:
                added += self._add_chunk(chunk, event)
                chunk = []
        return added + (self._add_chunk(chunk, event) if chunk else 0)

    def _add_chunk(self, chunk: Sequence[ImportedText], event: str | int | None) -> int:
        with self.transaction():
            event_id = None if event is None else self._event_for(event)
            cursor = self.db.conn.executemany(
                "INSERT OR IGNORE INTO articles (title, outlet, url, published, author, body, "
                "content_hash, source_path, imported_at, event_id, words) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_row(item, event_id) for item in chunk],
            )
            # rowcount leaves out the FTS trigger's rows and the ignored duplicates.
            return int(cursor.rowcount)

    # --- importing files ------------------------------------------------

    @_guarded
    def import_files(
        self,
        paths: Iterable[Path | str],
        *,
        event: str | None = None,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        fetch_limits: FetchLimits | None = None,
    ) -> ImportResult:
        """Import files, folders and web addresses ("https://…", fetched within
        `fetch_limits`), each report in its own transaction.

        A refused or duplicate input is recorded and the batch goes on; a
        library that cannot be written (locked, damaged) stops it with a
        LibraryError, keeping what was imported before. A cancel stops it
        between reports, or during a page's download.
        """
        result = ImportResult()
        items: list[Path | str | ImportRefused] = []
        for item in expand_paths(paths):
            if isinstance(item, SkippedFile):
                result.skipped.append(item)
            else:
                items.append(item)
        for done, item in enumerate(items):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                name = item.address or item.path if isinstance(item, ImportRefused) else item
                progress(done, len(items), str(name))
            try:
                self._import_one(item, event, result, fetch_limits, cancelled)
            except Cancelled:
                break
            except LibraryError as exc:
                exc.partial = result  # what was imported before the library refused more
                raise
        if progress is not None:
            progress(len(items), len(items), "")
        return result

    def _import_one(
        self,
        item: Path | str | ImportRefused,
        event: str | None,
        result: ImportResult,
        fetch_limits: FetchLimits | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        try:
            if isinstance(item, ImportRefused):
                raise item
            if isinstance(item, str):  # a web address
                text = read_address(item, fetch_limits, cancelled)
            else:
                text = read_import(item)
            result.imported.append(self._add(text, event))
        except ImportRefused as refusal:
            result.refused.append(refusal)
        except DuplicateReport as duplicate:
            where = item if isinstance(item, str) else Path(str(item))
            result.duplicates.append((where, duplicate.existing_id))

    # --- samples --------------------------------------------------------

    @_guarded
    def seed_if_new(self, seeds: Path | None = None) -> int:
        """Import the sample reports once, as one event, into a new library.

        Runs on a library this process created, or on an empty one that was
        never seeded (e.g. created by the CLI); returns how many were added.
        """
        folder = seeds if seeds is not None else seeds_dir()
        if folder is None or not self._wants_seeds():
            return 0
        texts = list(_read_all(folder))
        with self.transaction():
            added = 0
            if texts:
                event_id = self._event_for(suggest_event_name([t.title for t in texts]))
                added = sum(1 for t in texts if self._insert(t, event_id, ignore=True))
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', ?)", [_now()]
            )
        return added

    @_guarded
    def _wants_seeds(self) -> bool:
        seeded = self.db.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone()
        return seeded is None and (self.created or self.count_articles() == 0)


def _read_all(folder: Path) -> Iterator[ImportedText]:
    for item in expand_paths([folder]):
        if isinstance(item, Path):
            try:
                yield read_import(item)
            except ImportRefused:
                continue  # a broken sample must not stop the app from starting


def _row(item: ImportedText, event_id: int | None) -> tuple[Any, ...]:
    return (
        item.title,
        item.outlet,
        item.url,
        item.published,
        item.author,
        item.body,
        item.content_hash,
        item.source_path,
        _now(),
        event_id,
        item.words,
    )


def _with_fallback(typed: str, run: Callable[[str], R]) -> R:
    """Run a search with the query made from `typed`; if FTS5 still finds fault
    with it, run it again with every word a plain term, never failing on syntax."""
    try:
        return run(fts_query(typed))
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc) and "syntax" not in str(exc):
            raise
    return run(fts_query(typed, operators=False))


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORDS = re.compile(r"\w+", re.UNICODE)
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def fts_query(text: str, *, operators: bool = True) -> str:
    """A safe FTS5 query from what a user typed.

    Every word matches as a prefix ("Zelensky" finds "Zelenskyy", "flood"
    finds "flooded"); "quoted phrases" stay exact phrases; upper-case AND, OR
    and NOT between terms are operators, anywhere else they are dropped; all
    other text is quoted, so `*`, `:`, `(` and NEAR are never syntax. With
    operators=False every word is a term (the fallback when FTS5 refuses a
    query).
    """
    parts: list[str] = []
    pending: str | None = None
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if operators and bare in _OPERATORS:
            # An operator needs a term on both sides; a second one in a row is dropped.
            pending = bare if parts and pending is None else pending
            continue
        term = _phrase(phrase) if phrase is not None else _prefix_term(bare)
        if not term:
            continue
        if pending is not None:
            parts.append(pending)
            pending = None
        parts.append(term)
    return " ".join(parts)


def _phrase(text: str) -> str:
    words = _WORDS.findall(text)
    return '"' + " ".join(words) + '"' if words else ""


def _prefix_term(text: str) -> str:
    """A typed word (or a run like "U.S." or "cease-fire") as a prefix query."""
    words = _WORDS.findall(text)
    if not words:
        return ""
    words[-1] = prefix_stem(words[-1])
    return '"' + " ".join(words) + '"*'


@lru_cache(maxsize=4096)
def prefix_stem(word: str) -> str:
    """The start of `word` to search as a prefix so that every word it begins matches.

    The index holds Porter stems and FTS5 stems a prefix query too:
    "zelensky" becomes "zelenski", which does not begin "zelenskyi", the stem
    of "Zelenskyy". Where stemming changes the word's letters rather than only
    dropping a suffix, search the part the word and its stem share instead —
    only for long words whose last letter alone changed: for "city" the stem
    "citi" already finds "cities", and "cit" would find "cite".
    """
    if len(word) < _MIN_REWRITTEN:
        return word
    plain, stem = _tokenise(word)
    if plain is None or stem is None or plain.startswith(stem):
        return word
    shared = _shared_start(plain, stem)
    if len(shared) < len(plain) - 1 or _tokenise(shared)[1] != shared:
        return word
    return shared


_MIN_REWRITTEN = 7


def _shared_start(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


_STEMMER_LOCK = threading.Lock()


def _tokenise(word: str) -> tuple[str | None, str | None]:
    """`word` as the index's tokenizer sees it: (case- and accent-folded, Porter stem)."""
    with _STEMMER_LOCK:
        conn = _stemmer()
        terms = []
        for table in ("plain", "stems"):
            conn.execute(f"DELETE FROM {table}")
            conn.execute(f"INSERT INTO {table} (word) VALUES (?)", [word])
            terms.append(conn.execute(f"SELECT term FROM {table}_terms").fetchall())
    if any(len(found) != 1 for found in terms):
        return None, None  # not one word to the tokenizer ("U2", "", …): leave it be
    return str(terms[0][0][0]), str(terms[1][0][0])


@lru_cache(maxsize=1)
def _stemmer() -> sqlite3.Connection:
    """In-memory FTS5 tables with the library's tokenizer, with and without Porter."""
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    plain = FTS_TOKENIZER.replace("porter ", "")
    conn.executescript(
        f"""
        CREATE VIRTUAL TABLE plain USING fts5(word, tokenize='{plain}');
        CREATE VIRTUAL TABLE plain_terms USING fts5vocab(plain, 'row');
        CREATE VIRTUAL TABLE stems USING fts5(word, tokenize='{FTS_TOKENIZER}');
        CREATE VIRTUAL TABLE stems_terms USING fts5vocab(stems, 'row');
        """
    )
    return conn
