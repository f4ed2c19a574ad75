"""store/fetch.py and store/address.py: web pages read as an import reads them."""

from __future__ import annotations

import time
from typing import Any

import pytest

from reportdiff.engine.progress import Cancelled
from reportdiff.store import FetchLimits, ImportRefused, Library, read_address
from reportdiff.store.address import address_problem, is_address, lone_address
from reportdiff.store.fetch import USER_AGENT
from web_pages import ARTICLE_PARAGRAPHS, ARTICLE_TITLE


def test_an_article_page_gives_its_text_and_details(web: Any) -> None:
    item = read_address(web.url("/article"))
    assert item.title == ARTICLE_TITLE
    assert item.outlet == "Coast Times"  # og:site_name
    assert item.published == "2025-01-06"  # article:published_time
    assert item.author == "Jane Q. Reporter"
    assert item.url == web.url("/article")
    assert item.source_path is None
    # The headline and the paragraphs: no menu, byline or footer.
    assert item.body.split("\n\n") == [ARTICLE_TITLE, *ARTICLE_PARAGRAPHS]
    [(path, agent)] = web.requests
    assert (path, agent) == ("/article", USER_AGENT)
    assert agent.startswith("ReportDiff/0.")


def test_the_servers_charset_reads_a_page_that_names_none(web: Any) -> None:
    item = read_address(web.url("/latin1"))
    assert item.title == "Café owners count the cost of Storm Ada"
    assert "Señora Núñez" in item.body


def test_html_served_without_a_type_is_still_read(web: Any) -> None:
    assert read_address(web.url("/untyped")).title == "Harbour reopens after Storm Ada"


def test_without_site_name_or_date_the_address_gives_them(web: Any) -> None:
    # /chain/1 lands on /other, whose page states no date; its site name stays.
    item = read_address(web.url("/chain/1"))
    assert (item.url, item.published) == (web.url("/other"), None)


def test_a_lower_size_limit_stops_an_ordinary_page(web: Any) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_address(web.url("/article"), FetchLimits(max_bytes=1000))
    assert refused.value.address == web.url("/article")
    assert refused.value.path is None
    assert "the page is too large (" in refused.value.reason
    assert "the limit is 0.977 kB" in refused.value.reason


def test_a_page_that_never_ends_is_stopped_at_the_deadline(web: Any) -> None:
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"took longer than 0\.5 seconds to arrive"):
        read_address(web.url("/trickle"), FetchLimits(timeout=5, total_timeout=0.5))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("route", ["/trickle", "/drip"])
def test_a_page_that_drips_in_byte_by_byte_meets_the_deadline(web: Any, route: str) -> None:
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"took longer than 0\.5 seconds to arrive"):
        read_address(web.url(route), FetchLimits(timeout=5, total_timeout=0.5))
    assert time.monotonic() - started < 3


def test_headers_that_trickle_in_meet_the_deadline(web: Any) -> None:
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"took longer than 0\.5 seconds to arrive"):
        read_address(web.url("/slow-headers"), FetchLimits(timeout=5, total_timeout=0.5))
    assert time.monotonic() - started < 3


def test_a_cancel_stops_a_fetch_waiting_for_headers(web: Any) -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        read_address(web.url("/slow-headers"), cancelled=lambda: time.monotonic() - started > 0.3)
    assert time.monotonic() - started < 3


def test_a_cancel_stops_a_dripping_download(web: Any) -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        read_address(web.url("/drip"), cancelled=lambda: time.monotonic() - started > 0.3)
    assert time.monotonic() - started < 3


def test_a_cancel_stops_the_download(web: Any) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    started = time.monotonic()
    with pytest.raises(Cancelled):
        read_address(web.url("/trickle"), cancelled=cancelled)
    assert time.monotonic() - started < 3


def test_a_cancelled_batch_adds_nothing(web: Any, library: Any) -> None:
    before = library.count_articles()
    result = library.import_files([web.url("/trickle")], cancelled=lambda: True)
    assert (result.imported, result.refused, result.duplicates) == ([], [], [])
    assert library.count_articles() == before


def test_a_batch_names_refused_addresses_as_given(web: Any, library: Library) -> None:
    before = library.count_articles()
    result = library.import_files([web.url("/photo.png"), web.url("/article")])
    assert [s.title for s in result.imported] == [ARTICLE_TITLE]
    [refusal] = result.refused
    assert (refusal.address, refusal.path, refusal.source) == (
        web.url("/photo.png"),
        None,
        web.url("/photo.png"),
    )
    assert str(refusal) == (
        f"{web.url('/photo.png')}: not a web page but image/png (only HTML pages can be imported)"
    )
    assert library.count_articles() == before + 1
    assert library.article(result.imported[0].id).url == web.url("/article")


@pytest.mark.parametrize(
    ("text", "address", "lone"),
    [
        ("https://example.org/a", True, "https://example.org/a"),
        # Pasted as some mail programs copy it (no command line writes "<" first).
        ("  <https://example.org/a>\n", False, "https://example.org/a"),
        ("HTTP://EXAMPLE.ORG", True, "HTTP://EXAMPLE.ORG"),
        ("ftp://example.org/a", True, None),  # an address, not one to fetch
        ("http:/example.org/a", True, None),  # a mistyped one: still not a file name
        ("https://example.org/a and more words", True, None),  # text that starts with a link
        ("Storm Ada https://example.org/a", False, None),  # text that mentions a link
        ("C:\\news\\ada.html", False, None),  # a Windows path
        ("news/ada.html", False, None),
    ],
)
def test_addresses_told_from_file_names_and_from_text(
    text: str, address: bool, lone: str | None
) -> None:
    assert is_address(text) is address
    assert lone_address(text) == lone


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("https://example.org/a", None),
        ("http://127.0.0.1:8080/a?b=c", None),
        ("", "no web address given"),
        ("example.org/a", "not a web address (it should start with http:// or https://)"),
        ("mailto:desk@example.org", "not a web address (it should start with http:// or"),
        ("file:///home/ada.html", "only http:// and https:// addresses can be fetched, not file:"),
        ("https://exa mple.org", "not a web address (it contains spaces)"),
        ("http://[::1/a", "not a valid web address (invalid IPv6 URL)"),
        ("https:///a", "not a valid web address (no host name)"),
    ],
)
def test_what_keeps_an_address_from_being_fetched(text: str, problem: str | None) -> None:
    found = address_problem(text)
    assert found == problem or (problem is not None and found and found.startswith(problem))
