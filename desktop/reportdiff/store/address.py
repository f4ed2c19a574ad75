"""What a report's web address says when its text does not: the site and the day.

A saved page or a text with a "Source: https://…" line often names neither its
outlet nor its date, while its address does: "https://www.voanews.com/a/…"
is VOA's site, ".../2023/05/11/statement" was published on 11 May 2023. The
site is the registered domain (courlan, with the public suffix list, so
"news.bbc.co.uk" is "bbc.co.uk"); the day comes from htmldate's reading of
dates in addresses. Both libraries come with trafilatura and are imported
only when an address is read.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None) -> str | None:
    """The registered domain of a web address ("voanews.com"), or None."""
    if url is None or not _web_address(url):
        return None
    from courlan.urlutils import extract_domain

    try:
        return extract_domain(url) or None
    except ValueError:
        return None


def date_in(url: str | None) -> str | None:
    """The publication day an address states ("…/2023/05/11/…" → "2023-05-11"), or None."""
    if url is None or not _web_address(url):
        return None
    from htmldate import find_date

    try:
        # An empty page: only the address is read, nothing is fetched.
        return find_date("<html><body></body></html>", url=url, extensive_search=False) or None
    except (ValueError, TypeError):
        return None


def _web_address(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
