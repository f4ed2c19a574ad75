"""The library's reads and writes against a real temporary SQLite file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff.store import (
    DuplicateReport,
    ImportRefused,
    Library,
    bundled_share,
    fts_query,
    seeds_dir,
)

from .conftest import ARTICLE, SEEDS, WriteFile

OTHER = "Quake Shakes Capital\n\nA magnitude 6.1 earthquake shook the capital at dawn.\n"


def test_add_text_then_read_it_back(library: Library) -> None:
    new_id = library.add_text(ARTICLE, outlet="The Example", published="2024-05-02", event="Floods")
    article = library.article(new_id)
    assert article.title == "Storm Floods Coastal Towns"
    assert (article.outlet, article.published, article.event_name) == (
        "The Example",
        "2024-05-02",
        "Floods",
    )
    assert article.words == len(ARTICLE.split())
    report = library.report(new_id)
    assert report.title == article.title
    assert report.content_hash == article.content_hash
    assert report.outlet == "The Example"


def test_duplicate_is_recognised_and_not_stored(library: Library) -> None:
    first = library.add_text(ARTICLE)
    with pytest.raises(DuplicateReport) as caught:
        library.add_text("  " + ARTICLE.replace("\n\n", "\n\n\n") + "\n", event="Other")
    assert caught.value.existing_id == first
    assert library.count_articles() == 1
    assert library.events() == []  # the refused add left no event behind


def test_empty_paste_is_refused(library: Library) -> None:
    with pytest.raises(ImportRefused, match="empty"):
        library.add_text(" \n\t ")
    assert library.count_articles() == 0


def test_missing_article_is_a_key_error(library: Library) -> None:
    with pytest.raises(KeyError):
        library.article(99)
    with pytest.raises(KeyError):
        library.report(99)
    with pytest.raises(KeyError):
        library.delete_article(99)
    with pytest.raises(KeyError):
        library.update_article(99, title="x")


def test_update_changes_only_given_fields(library: Library) -> None:
    new_id = library.add_text(ARTICLE, outlet="Old Outlet", author="Ann")
    library.update_article(new_id, title="  New   title ", url="https://e.org")
    article = library.article(new_id)
    assert (article.title, article.url, article.outlet, article.author) == (
        "New title",
        "https://e.org",
        "Old Outlet",
        "Ann",
    )
    library.update_article(new_id, outlet=None)
    assert library.article(new_id).outlet is None
    with pytest.raises(ValueError, match="title"):
        library.update_article(new_id, title=" ")


def test_search_follows_edits_and_deletes(library: Library) -> None:
    new_id = library.add_text(ARTICLE)
    assert [a.id for a in library.search("flooded")] == [new_id]
    library.update_article(new_id, title="Typhoon Report")
    assert [a.id for a in library.search("typhoon")] == [new_id]
    library.delete_article(new_id)
    assert library.search("flooded") == []
    assert library.search("typhoon") == []


SEARCHES = [
    # (query, finds the flood report?) — what each row guards
    ("flood", True),  # prefix match on the last word while typing
    ("coastal towns", True),  # all words must match
    ("coastal quake", False),  # ... all of them
    ('"coastal towns"', True),  # a quoted phrase stays a phrase
    ('"towns coastal"', False),  # ... in order
    ("storm AND OR NOT", True),  # operators without a term after them are dropped
    ("storm OR quake", True),  # upper-case OR is an operator
    ("quake OR storm", True),  # ... on either side
    ("storm AND quake", False),  # upper-case AND is an operator
    ("storm NOT quake", True),  # NOT excludes
    ("storm NOT rescue", False),  # ... what the report holds
    ("storm or quake", False),  # lower-case "or" is a word, and no report holds all three
    ("NOT storm", True),  # NOT with nothing before it is dropped
    ("AND", False),  # an operator alone is no query
    ("coast flood", True),  # every word is a prefix, not only the last
    ("Zelensky", False),  # (no such name here; see the table below)
    ('storm "', True),  # an unmatched quote is harmless
    ("rain*) (NEAR", False),  # so are FTS5 symbols
    ("résidents", False),
    ("regional:council", True),  # a column filter is just two words
    ("", False),
    ("   ", False),
]


@pytest.mark.parametrize(("query", "found"), SEARCHES)
def test_search_makes_user_text_safe(library: Library, query: str, found: bool) -> None:
    flood = library.add_text(ARTICLE)
    library.add_text(OTHER)
    assert (flood in [a.id for a in library.search(query)]) is found


def test_search_ranks_title_hits_first(library: Library) -> None:
    body_hit = library.add_text("Weather Today\n\nA quake was felt. " + "Calm day. " * 20)
    title_hit = library.add_text(OTHER)
    assert [a.id for a in library.search("quake")] == [title_hit, body_hit]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_no_typed_text_breaks_search(library: Library, query: str) -> None:
    library.search(query)
    library.list_articles(search=query)
    assert fts_query(query).count('"') % 2 == 0


def test_events_group_and_order_the_list(library: Library) -> None:
    quake = library.add_text(OTHER, event="Quake", published="2024-01-02")
    early = library.add_text(ARTICLE, event="floods", published="2024-05-01")
    late = library.add_text("Floods Recede\n\nThe water went down.", event="Floods")
    loose = library.add_text("Loose Note\n\nA report in no event.")
    assert [e.name for e in library.events()] == ["floods", "Quake"]
    assert [e.count for e in library.events()] == [2, 1]
    assert [a.id for a in library.list_articles()] == [early, late, quake, loose]
    floods = library.event_id("FLOODS")
    assert floods is not None
    assert [a.id for a in library.list_articles(event_id=floods)] == [early, late]
    assert library.count_articles(event_id=floods) == 2
    assert [a.id for a in library.list_articles(limit=2, offset=1)] == [late, quake]
    assert library.count_articles(search="water") == 1


def test_event_create_rename_move_delete(library: Library) -> None:
    floods = library.create_event("Floods")
    assert library.create_event(" floods ") == floods  # one event per name, any case
    quake = library.create_event("Quake")
    with pytest.raises(ValueError, match="already exists"):
        library.rename_event(quake, "FLOODS")
    library.rename_event(quake, "Earthquake")
    article = library.add_text(ARTICLE, event=floods)
    library.move_to_event([article], quake)
    assert library.article(article).event_name == "Earthquake"
    with pytest.raises(KeyError):
        library.move_to_event([article], 999)
    library.delete_event(quake)
    assert library.article(article).event_id is None  # the report stays
    with pytest.raises(ValueError, match="name"):
        library.create_event("  ")


def test_import_batch_goes_on_past_bad_inputs(library: Library, write: WriteFile) -> None:
    good = write("a.txt", ARTICLE)
    bad = write("b.txt", b"\x00\x01binary")
    other = write("c.md", OTHER)
    result = library.import_files([good, bad, good, other, write("d.txt", "")], event="Mixed")
    assert [a.title for a in result.imported] == [
        "Storm Floods Coastal Towns",
        "Quake Shakes Capital",
    ]
    assert result.duplicates == [(good, result.imported[0].id)]
    assert [r.path for r in result.refused] == [bad, good.parent / "d.txt"]
    assert library.count_articles() == 2
    assert [e.name for e in library.events()] == ["Mixed"]


def test_import_folder_picks_report_files(
    library: Library, write: WriteFile, tmp_path: Path
) -> None:
    write("news/a.txt", ARTICLE)
    write(
        "news/sub/b.HTML",
        f"<html><body><article><p>{'Quake shook the capital. ' * 10}</p></article></body></html>",
    )
    write("news/photo.jpg", b"\xff\xd8\x00")
    write("news/.hidden/c.txt", OTHER)
    result = library.import_files([tmp_path / "inputs" / "news"])
    assert len(result.imported) == 2
    assert result.refused == []


def test_empty_folder_is_refused(library: Library, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = library.import_files([tmp_path / "empty"])
    assert "no .txt, .md or .html files" in str(result.refused[0])


def test_progress_and_cancel(library: Library, write: WriteFile) -> None:
    paths = [write(f"r{i}.txt", f"Report {i}\n\nText number {i}.") for i in range(5)]
    seen: list[tuple[int, int, str]] = []
    result = library.import_files(
        paths, progress=lambda *step: seen.append(step), cancelled=lambda: len(seen) >= 2
    )
    assert len(result.imported) == 2
    assert seen[0] == (0, 5, str(paths[0]))
    assert seen[-1] == (5, 5, "")


def test_seeds_once_as_one_event(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        assert lib.seed_if_new(SEEDS) == 5
        assert lib.seed_if_new(SEEDS) == 0
        [event] = lib.events()
        assert event.count == 5
        assert event.name
    with Library.open(path) as lib:
        assert lib.seed_if_new(SEEDS) == 0
        for article in lib.list_articles():
            lib.delete_article(article.id)
    with Library.open(path) as lib:
        assert lib.seed_if_new(SEEDS) == 0  # emptied by the user: stays empty


def test_an_empty_never_seeded_library_gets_the_seeds(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    Library.open(path).close()  # e.g. made by the CLI
    with Library.open(path) as lib:
        assert lib.seed_if_new(SEEDS) == 5


def test_seeds_dir_is_the_checkout_s() -> None:
    assert seeds_dir() == SEEDS


def test_seeds_dir_in_a_standalone_bundle_is_the_bundle_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen by PyInstaller (packaging/build), the samples come from inside the bundle."""
    bundled = tmp_path / "_internal" / "share" / "reportdiff" / "seeds"
    bundled.mkdir(parents=True)
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert bundled_share() == tmp_path / "_internal" / "share" / "reportdiff"
    assert seeds_dir() == bundled


def test_no_bundle_outside_one() -> None:
    assert bundled_share() is None


def test_worker_thread_opens_its_own_library(library: Library) -> None:
    library.add_text(ARTICLE)
    found: list[int] = []

    def work() -> None:
        with Library.open(library.path) as own:
            found.append(own.count_articles())
            own.add_text(OTHER)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert found == [1]
    assert library.count_articles() == 2


def test_bulk_add_skips_duplicates(library: Library) -> None:
    from reportdiff.store.importer import prepare_text

    items = [prepare_text(f"Report {i}\n\nBody {i % 3}.") for i in range(7)]
    assert library.add_many(items, event="Bulk", batch=3) == 7
    assert library.add_many(items, batch=4) == 0
    assert library.count_articles() == 7


NAMES = (
    "Talks in Kyiv\n\nPresident Zelenskyy met the envoy. The economy and energy were discussed.\n"
)

PREFIX_SEARCHES = [
    # (query, finds the report?) — what each row guards
    ("Zelensky", True),  # a shorter spelling finds the longer one (Porter's y→i)
    ("zelenskyy", True),  # the spelling in the text
    ("Zelen", True),  # a start of the name
    ("econ energ", True),  # every word is a prefix
    ("economies", True),  # Porter stems still apply
    ('"Zelensky"', False),  # a quoted word is exact
    ("Zelensky OR Selenskyj", True),  # either spelling
    ("Selenskyj", False),
    ("Kyiv NOT envoy", False),
]


@pytest.mark.parametrize(("query", "found"), PREFIX_SEARCHES)
def test_search_is_forgiving_with_names_and_operators(
    library: Library, query: str, found: bool
) -> None:
    talks = library.add_text(NAMES)
    assert (talks in [a.id for a in library.search(query)]) is found
    assert (talks in [a.id for a in library.list_articles(search=query)]) is found
    assert library.count_articles(search=query) == int(found)


_TYPED = st.lists(
    st.sampled_from(
        ["AND", "OR", "NOT", "NEAR", "storm", "quake", '"', "*", "(", ")", ":", "^", "-"]
    )
    | st.text(max_size=6),
    max_size=8,
).map(" ".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TYPED)
def test_operators_and_symbols_never_break_search(library: Library, query: str) -> None:
    library.search(query)
    library.list_articles(search=query)
    library.count_articles(search=query)


def test_move_to_an_event_by_name_creates_it_once(library: Library) -> None:
    first, second = library.add_text(ARTICLE), library.add_text(OTHER)
    event_id = library.move_to_event([first, second], "Storms")
    assert library.move_to_event([second], "STORMS") == event_id
    assert [(e.name, e.count) for e in library.events()] == [("Storms", 2)]
    assert library.move_to_event([first], None) is None
    assert library.article(first).event_id is None
    with pytest.raises(ValueError, match="name"):
        library.move_to_event([first], "  ")
    assert [e.name for e in library.events()] == ["Storms"]


def test_a_full_disk_folds_the_write_ahead_log_and_says_so(library: Library) -> None:
    """A full volume is made here by capping the file's pages: SQLite then fails
    a write exactly as on a full disk ("database or disk is full")."""
    from reportdiff.store import LibraryError

    library.seed_if_new(SEEDS)
    before = library.count_articles()
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count = {pages + 5}")
    big = "Big report\n\n" + " ".join(f"word{i}" for i in range(200_000))
    with pytest.raises(LibraryError, match="the disk is full") as refused:
        library.add_text(big)
    assert "write-ahead log" in str(refused.value)
    assert "free some space" in str(refused.value)
    wal = Path(f"{library.path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # folded in and emptied
    assert library.count_articles() == before  # nothing half-written
    assert library.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    # room again: the same import goes through
    library.db.execute("PRAGMA max_page_count = 1073741823")
    library.add_text(big)
    assert library.count_articles() == before + 1
