"""A reader's decisions on a compared pair, kept in the library (review.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reportdiff.engine import compare
from reportdiff.review import apply, figure_key, figure_label
from reportdiff.store import SCHEMA_VERSION, Library

from .conftest import SEEDS


def _pair(library: Library) -> tuple[int, int]:
    ids = [s.id for s in library.list_articles()]
    sources = library.source_paths(ids)
    by_name = {Path(sources[i]).name[:4]: i for i in ids if sources.get(i)}
    return by_name["001_"], by_name["003_"]


def test_a_decision_and_a_note_survive_a_restart(library_path: Path) -> None:
    with Library.open(library_path) as library:
        library.seed_if_new(SEEDS)
        a, b = _pair(library)
        comparison = compare(library.report(a), library.report(b))
        k = next(k for k, f in enumerate(comparison.figures) if f.status == "differs")
        pair = comparison.figures[k]
        key = figure_key(comparison, pair)
        library.set_review(
            a, b, key, decision="confirmed", note="Both cite the Kremlin.", label=figure_label(pair)
        )
    with Library.open(library_path) as library:
        comparison = compare(library.report(a), library.report(b))
        fitted, outdated = apply(comparison, library.reviews(a, b))
        assert fitted[k].decision == "confirmed"
        assert fitted[k].note == "Both cite the Kremlin."
        assert outdated == []
        # B against A finds the same decision, its key the other way round
        from reportdiff.review import swapped_key

        (back,) = library.reviews(b, a).values()
        assert (back.key, back.decision) == (swapped_key(key), "confirmed")
        library.set_review(a, b, key, decision=None, note=None, label="")
        assert library.reviews(a, b) == {}


def test_an_edited_text_makes_a_decision_outdated_not_lost(library: Library) -> None:
    library.seed_if_new(SEEDS)
    a, b = _pair(library)
    comparison = compare(library.report(a), library.report(b))
    k = next(k for k, f in enumerate(comparison.figures) if f.status == "differs")
    pair = comparison.figures[k]
    library.set_review(
        a, b, figure_key(comparison, pair), decision="dismissed", note=None,
        label=figure_label(pair),
    )  # fmt: skip
    # The report's text changes where the figure is: its paragraph is rewritten.
    article = library.article(a)
    body = article.body.replace("more than 90 minutes", "about 95 minutes")
    library.db.execute("UPDATE articles SET body = ? WHERE id = ?", [body, a])
    comparison = compare(library.report(a), library.report(b))
    fitted, outdated = apply(comparison, library.reviews(a, b))
    assert fitted == {}
    assert [r.label for r in outdated] == [
        "phone call duration: more than 90 minutes / two and a half hours"
    ]
    assert outdated[0].decision == "dismissed"


def test_a_deleted_report_takes_its_reviews_along(library: Library) -> None:
    library.seed_if_new(SEEDS)
    a, b = _pair(library)
    library.set_review(a, b, "k", decision="confirmed", note=None, label="x")
    library.delete_article(a)
    assert library.reviews(a, b) == {}


def test_an_unknown_decision_is_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="unknown decision"):
        library.set_review(1, 2, "k", decision="maybe", note=None, label="x")


def test_a_version_1_library_gains_the_reviews_table(tmp_path: Path) -> None:
    from reportdiff.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "old.db"
    from sqlite_utils import Database

    db = Database(sqlite3.connect(path))
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.conn.commit()
    db.conn.close()
    with Library.open(path) as library:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert library.reviews(1, 2) == {}


def test_a_version_2_library_keeps_its_reviews_and_takes_hand_links(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from reportdiff.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "v2.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS[0](db)
    MIGRATIONS[1](db)
    db.execute("PRAGMA user_version = 2")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    now = "2026-01-01T00:00:00"
    for title in ("a", "b"):
        db.execute(
            "INSERT INTO articles (title, body, content_hash, imported_at) VALUES (?, ?, ?, ?)",
            [title, title, title, now],
        )
    db.execute("INSERT INTO reviews VALUES (1, 2, 'k', 'confirmed', 'kept', 'x', ?)", [now])
    db.conn.commit()
    db.conn.close()
    with Library.open(path) as library:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert library.reviews(1, 2)["k"].note == "kept"
        library.set_review(1, 2, "@paragraphs x|y", decision="linked", note=None, label="l")
        assert library.reviews(1, 2)["@paragraphs x|y"].decision == "linked"


def test_a_deleted_report_comes_back_with_its_id_and_reviews(library: Library) -> None:
    from reportdiff.store import LibraryError

    library.seed_if_new(SEEDS)
    a, b = _pair(library)
    library.set_review(a, b, "k", decision="confirmed", note="n", label="x")
    before = library.article(a)
    snapshot = library.snapshot_article(a)
    library.delete_article(a)
    library.restore_article(snapshot)
    after = library.article(a)
    assert (after.id, after.title, after.body, after.event_id) == (
        before.id, before.title, before.body, before.event_id,
    )  # fmt: skip
    assert library.reviews(a, b)["k"].decision == "confirmed"
    assert [s.id for s in library.search("Putin") if s.id == a]  # searchable again
    # restored once only: the same text imported again in between stays as it is
    library.delete_article(a)
    library.add_text(before.body, title=before.title)
    with pytest.raises(LibraryError, match="is in the library again"):
        library.restore_article(snapshot)


@pytest.mark.parametrize(
    "key",
    [
        "@pair",
        "more than 90 minutes@0123456789ab:12|two and a half hours@ba9876543210:4",
        "-|two and a half hours@ba9876543210:4",
        "@figures 30 days@0123456789ab:3|three -year@ba9876543210:40",
        "@paragraphs 0123456789ab,aaaaaaaaaaaa|ba9876543210",
        "@row |ba9876543210",
    ],
)
def test_a_key_swapped_twice_is_itself(key: str) -> None:
    from reportdiff.review import swapped_key

    assert swapped_key(swapped_key(key)) == key
    if key != "@pair":
        assert swapped_key(key) != key
