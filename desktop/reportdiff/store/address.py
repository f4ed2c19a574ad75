"""What a report's web address says when its text does not: the site and the day.

A saved page or a text with a "Source: https://…" line often names neither its
outlet nor its date, while its address does: "https://www.voanews.com/a/…"
is VOA's site, ".../2023/05/11/statement" was published on 11 May 2023. The
site is the registered domain (courlan, with the public suffix list, so
"news.bbc.co.uk" is "bbc.co.uk"); the day comes from htmldate's reading of
dates in addresses. Both libraries come with trafilatura and are imported
only when an address is read.

It also tells an address from a file name (`is_address`), an address alone
from text that mentions one (`lone_address`), and what keeps an address from
being fetched (`address_problem`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# "https://…", "ftp://…": a scheme and "//". A Windows path ("C:\\news") has no "//".
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# A lone address as a browser copies or drags it, maybe in angle brackets.
_LONE = re.compile(r"^<?(https?://\S+?)>?$", re.IGNORECASE)


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


def is_address(text: str) -> bool:
    """Whether `text` is meant as a web address rather than a file name: a scheme
    and "//" ("https://…", "ftp://…"), or "http:"/"https:" mistyped ("https:/x")."""
    text = text.strip()
    return bool(_SCHEME.match(text)) or text.lower().startswith(("http:", "https:"))


def lone_address(text: str) -> str | None:
    """The http(s) address that `text` is, alone on its line(s), else None: pasted
    or dropped text that is just a link, not an article that mentions one."""
    match = _LONE.match(text.strip())
    return match.group(1) if match else None


def address_problem(text: str) -> str | None:
    """Why `text` is not an http(s) address that can be fetched, or None."""
    text = text.strip()
    if not text:
        return "no web address given"
    if any(c.isspace() for c in text):
        return "not a web address (it contains spaces)"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises ValueError on a port that is no number)
    except ValueError as exc:
        why = str(exc) or "malformed"
        return f"not a valid web address ({why[:1].lower()}{why[1:]})"
    scheme = parts.scheme.lower()
    if not scheme or not text[len(scheme) :].startswith("://"):
        return "not a web address (it should start with http:// or https://)"
    if scheme not in ("http", "https"):
        return f"only http:// and https:// addresses can be fetched, not {scheme}:"
    if not parts.hostname:
        return "not a valid web address (no host name)"
    return None
