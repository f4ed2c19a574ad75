"""`reportdiff import https://…`: pages fetched from a local web server into a real library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reportdiff.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from web_pages import ARTICLE_TITLE, OTHER_TITLE, closed_port

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A library holding the sample reports, made through the command itself."""
    path = tmp_path / "library.db"
    assert main(["--db", str(path), "import", str(SEEDS)]) == EXIT_OK
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def contents(db: Path) -> list[tuple[Any, ...]]:
    """Every stored report and event, to tell whether an import changed anything."""
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
        events = conn.execute("SELECT * FROM events ORDER BY id").fetchall()
    return [*articles, *events]


def test_import_an_article_from_its_address(
    web: Any, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, err = run(capsys, db, "import", web.url("/article"), "--event", "Storm Ada")
    assert code == EXIT_OK, err
    assert f"imported  #6     {ARTICLE_TITLE}  (Coast Times · 2025-01-06 · " in out
    assert out.endswith("1 imported, 0 already in the library, 0 refused\n")
    assert err == ""  # not a terminal: no "fetching" line
    code, out, _ = run(capsys, db, "show", "6", "--json")
    report = json.loads(out)
    assert report["url"] == web.url("/article")
    assert (report["outlet"], report["published"], report["event_name"]) == (
        "Coast Times",
        "2025-01-06",
        "Storm Ada",
    )
    assert report["author"] == "Jane Q. Reporter"
    assert report["body"].startswith(ARTICLE_TITLE)
    assert "All rights reserved" not in report["body"]  # the page's footer is not the article
    assert web.requests[-1][1].startswith("ReportDiff/")


def test_the_final_address_after_redirects_is_the_reports_url(
    web: Any, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, db, "import", web.url("/chain/3"), "--json")
    assert code == EXIT_OK
    [imported] = json.loads(out)["imported"]
    assert imported["title"] == OTHER_TITLE
    code, out, _ = run(capsys, db, "show", str(imported["id"]), "--json")
    assert json.loads(out)["url"] == web.url("/other")


def test_files_and_addresses_in_one_import(
    web: Any, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Harbour note\n\nThe harbour master counted 40 boats adrift.\n")
    capsys.readouterr()
    code, out, _ = run(
        capsys, db, "import", str(note), web.url("/article"), web.url("/missing"), "--json"
    )
    assert code == EXIT_REFUSED
    result = json.loads(out)
    assert [a["title"] for a in result["imported"]] == ["Harbour note", ARTICLE_TITLE]
    assert result["refused"] == [
        {"address": web.url("/missing"), "reason": "the server answered 404 Not Found"}
    ]


def test_a_page_already_in_the_library_is_recognised(
    web: Any, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, db, "import", web.url("/article"))
    before = contents(db)
    # The same article at another address (a tracking parameter) is the same text.
    again = web.url("/article?utm_source=feed")
    code, out, _ = run(capsys, db, "import", again)
    assert code == EXIT_OK
    assert f"{again}: already in the library as #6 (in no event)" in out
    assert "0 imported, 1 already in the library, 0 refused" in out
    assert contents(db) == before
    code, out, _ = run(capsys, db, "import", again, "--json")
    assert json.loads(out)["duplicates"] == [{"address": again, "existing_id": 6, "event": None}]


BAD_ADDRESSES = [
    # (path on the test server or a whole address, what the one line must say)
    ("/missing", "the server answered 404 Not Found"),
    ("/broken", "the server answered 500 Internal Server Error"),
    ("/report.pdf", "not a web page but application/pdf (only HTML pages can be imported)"),
    ("/photo.png", "not a web page but image/png"),
    ("/data.json", "not a web page but application/json"),
    ("/untyped-binary", "not a web page (the server named no type and this is not HTML)"),
    ("/huge", "the page is too large (11 MB; the limit is 10 MB)"),  # declared size
    ("/endless", "the page is too large (over 10 MB, the limit)"),  # no length: streamed
    ("/chain/6", "too many redirects (more than 5)"),
    ("/to-ftp", "redirected to an address that cannot be fetched"),
    ("/menu", "no article text found"),
    ("/slow", "the server sent nothing for 0.5 seconds (time-out)"),
    ("ftp://127.0.0.1/report.html", "only http:// and https:// addresses can be fetched, not ftp:"),
    ("http:/127.0.0.1/article", "not a web address (it should start with http:// or https://)"),
    ("https://", "not a valid web address (no host name)"),
    ("http://127.0.0.1:99999/a", "not a valid web address (port out of range 0-65535)"),
    ("CLOSED", "could not connect to the server (connection refused)"),
]


@pytest.mark.parametrize(("where", "reason"), BAD_ADDRESSES)
def test_a_bad_address_is_one_line_and_leaves_the_library_unchanged(
    web: Any, db: Path, capsys: pytest.CaptureFixture[str], where: str, reason: str
) -> None:
    if where == "CLOSED":
        address = f"http://127.0.0.1:{closed_port()}/article"
    else:
        address = web.url(where) if where.startswith("/") else where
    before = contents(db)
    capsys.readouterr()
    code, out, err = run(capsys, db, "import", address, "--timeout", "0.5", "--event", "Storm")
    assert code == EXIT_REFUSED
    [line] = err.splitlines()
    assert line.startswith(f"reportdiff: refused {address}: {reason}")
    assert out == "0 imported, 0 already in the library, 1 refused\n"
    assert contents(db) == before  # no report, and no new event either


def test_the_time_out_must_be_a_number_of_seconds(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, db, "import", "https://example.org/a", "--timeout", "soon")
    assert code == EXIT_USAGE
    assert "'soon' is not a number of seconds above zero" in err


def test_compare_reads_reports_from_their_addresses(
    web: Any, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = contents(db)
    code, out, _ = run(
        capsys, db, "compare", web.url("/article"), web.url("/chain/1"), "--format", "json"
    )
    assert code == EXIT_OK
    comparison = json.loads(out)
    assert (comparison["a"]["title"], comparison["b"]["title"]) == (ARTICLE_TITLE, OTHER_TITLE)
    assert contents(db) == before  # compare reads; it stores nothing
    code, _, err = run(capsys, db, "compare", web.url("/article"), web.url("/missing"))
    assert code == EXIT_REFUSED
    assert err == f"reportdiff: {web.url('/missing')}: the server answered 404 Not Found\n"
