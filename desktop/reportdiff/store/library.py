"""The library of reports: articles, events, full-text search, imports.

A `Library` wraps one SQLite connection, for one thread: worker threads open
their own `Library` on the same path (WAL lets readers and one writer work at
once), so opening an existing library is cheap — a header check, a version
check, no seeding. Every write is one transaction.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlite_utils import Database

from reportdiff.engine import Report
from reportdiff.store.database import DEFAULT_TIMEOUT, open_database, sqlite_errors, transaction
from reportdiff.store.errors import DuplicateReport, ImportRefused
from reportdiff.store.importer import (
    ImportedText,
    expand_paths,
    prepare_text,
    read_import,
    report_from,
)
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


def seeds_dir() -> Path | None:
    """The sample reports: the checkout's seeds/, else the installed share/reportdiff/seeds."""
    for candidate in (
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
    duplicates: list[tuple[Path, int]] = field(default_factory=list)
    refused: list[ImportRefused] = field(default_factory=list)


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Library:
    """A ReportDiff library file, open for use in the current thread."""

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
        where, params = self._filters(event_id, search)
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a LEFT JOIN events e ON e.id = a.event_id"
            f"{where} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
        )
        rows = self.db.execute(sql, [*params, -1 if limit is None else limit, offset])
        return [ArticleSummary(*row) for row in rows]

    @_guarded
    def count_articles(self, *, event_id: int | None = None, search: str | None = None) -> int:
        where, params = self._filters(event_id, search)
        row = self.db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
        return int(row[0])

    def _filters(self, event_id: int | None, search: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if event_id is not None:
            clauses.append("a.event_id = ?")
            params.append(event_id)
        match = fts_query(search or "")
        if match:
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    @_guarded
    def search(self, query: str, *, limit: int = 50) -> list[ArticleSummary]:
        """Full-text search over title, outlet and body, best matches first."""
        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles_fts f "
            "JOIN articles a ON a.id = f.rowid LEFT JOIN events e ON e.id = a.event_id "
            "WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?",
            [match, limit],
        )
        return [ArticleSummary(*row) for row in rows]

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

    def move_to_event(self, article_ids: Iterable[int], event_id: int | None) -> None:
        """Put reports in an event (None: in no event)."""
        ids = list(article_ids)
        with self.transaction():
            if event_id is not None:
                self._event_for(event_id)
            self.db.conn.executemany(
                "UPDATE articles SET event_id = ? WHERE id = ?", [(event_id, i) for i in ids]
            )

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
    ) -> ImportResult:
        """Import files and folders, each file in its own transaction.

        A refused or duplicate input is recorded and the batch goes on; a
        library that cannot be written (locked, damaged) stops it with a
        LibraryError, keeping what was imported before.
        """
        items = list(expand_paths(paths))
        result = ImportResult()
        for done, item in enumerate(items):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(
                    done, len(items), str(item.path if isinstance(item, ImportRefused) else item)
                )
            self._import_one(item, event, result)
        if progress is not None:
            progress(len(items), len(items), "")
        return result

    def _import_one(
        self, item: Path | ImportRefused, event: str | None, result: ImportResult
    ) -> None:
        try:
            if isinstance(item, ImportRefused):
                raise item
            result.imported.append(self._add(read_import(item), event))
        except ImportRefused as refusal:
            result.refused.append(refusal)
        except DuplicateReport as duplicate:
            result.duplicates.append((Path(str(item)), duplicate.existing_id))

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


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORDS = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a user typed.

    Every word is quoted (so AND, OR, NOT, NEAR, *, : and quotes are just
    text), "quoted phrases" stay phrases, all terms must match, and the last
    word matches as a prefix so results appear while typing.
    """
    terms: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORDS.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        else:
            terms.extend(f'"{w}"' for w in _WORDS.findall(bare))
    if not terms:
        return ""
    last = text.rstrip()
    if not last.endswith('"') and terms[-1].endswith('"'):
        terms[-1] += "*"
    return " ".join(terms)
