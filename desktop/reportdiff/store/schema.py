"""The library's schema and its forward migrations.

`PRAGMA application_id` marks the file as ours, so "SQLite but not a
ReportDiff library" is recognised; `PRAGMA user_version` is the schema
version. Migration n takes a library from version n-1 to n inside the
opening transaction; a library newer than `SCHEMA_VERSION` is refused.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

# "RDif" as a 32-bit big-endian integer: ReportDiff's mark in the SQLite header.
APPLICATION_ID = 0x52446966
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _create_v1(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ids are shown to users: never reuse one
            title TEXT NOT NULL,
            outlet TEXT,
            url TEXT,
            published TEXT,
            author TEXT,
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            source_path TEXT,
            imported_at TEXT NOT NULL,
            event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
            words INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_by_event ON articles(event_id, published, imported_at);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )
    # sqlite-utils writes the external-content FTS5 table and the triggers
    # that keep it in step with every insert, update and delete.
    db.table("articles").enable_fts(
        ["title", "outlet", "body"], create_triggers=True, tokenize=FTS_TOKENIZER
    )
    # Title hits count most, then outlet, then body; `ORDER BY rank` uses it.
    db.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)')"
    )
    # Each imported file is its own transaction, so FTS5 writes one small
    # segment per file; merging 8 at a time instead of 4 makes imports ~20%
    # faster with no measurable cost to search (tests/bench/test_bench_store.py).
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8)")


def _reviews_v2(db: Database) -> None:
    """What a reader decided about a compared pair: a flag confirmed or dismissed,
    a note. Keyed by the two reports and the figures' own words and paragraphs
    (review.py), so a decision outlives re-comparisons and engine changes, and
    one whose figures are gone (an edited text) shows as outdated."""
    db.executescript(
        """
        CREATE TABLE reviews (
            a_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            b_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            decision TEXT CHECK (decision IN ('confirmed', 'dismissed')),
            note TEXT,
            label TEXT NOT NULL,  -- how the figures read when decided, for outdated ones
            updated_at TEXT NOT NULL,
            PRIMARY KEY (a_id, b_id, key)
        );
        """
    )


def _hand_links_v3(db: Database) -> None:
    """Reviews also hold what the reader paired or linked by hand (and unpaired
    or unlinked): the decision's CHECK is widened, which SQLite does by copying
    the table into a new one."""
    # One statement at a time: executescript would commit the opening transaction.
    db.execute(
        """
        CREATE TABLE reviews_v3 (
            a_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            b_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            decision TEXT CHECK (decision IN (
                'confirmed', 'dismissed', 'paired', 'unpaired', 'linked', 'unlinked'
            )),
            note TEXT,
            label TEXT NOT NULL,  -- how the figures read when decided, for outdated ones
            updated_at TEXT NOT NULL,
            PRIMARY KEY (a_id, b_id, key)
        )
        """
    )
    db.execute(
        "INSERT INTO reviews_v3 SELECT a_id, b_id, key, decision, note, label, updated_at"
        " FROM reviews ORDER BY rowid"
    )
    db.execute("DROP TABLE reviews")
    db.execute("ALTER TABLE reviews_v3 RENAME TO reviews")


MIGRATIONS: tuple[Callable[[Database], None], ...] = (_create_v1, _reviews_v2, _hand_links_v3)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: Database, from_version: int) -> None:
    """Run the migrations after `from_version`; the caller holds the transaction."""
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](db)
        db.execute(f"PRAGMA user_version = {version}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
