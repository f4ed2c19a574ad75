"""Fetching a report from its web address: one bounded GET, then the HTML path.

urllib3 (it comes with trafilatura) fetches the page with a time-out on
connecting and on each wait for data, a deadline for the whole page, a limit
on redirects, and a size limit: the body is streamed and dropped once past
it. The user agent names the app. Only HTML is taken; it goes through the
same extraction as a saved .html file (`importer.parse_html`), with the final
address, after redirects, as the report's URL. Every refusal is one
`ImportRefused` line naming the address. urllib3 is imported when a page is
fetched, never at start-up.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportdiff import __version__
from reportdiff.engine.progress import Cancelled
from reportdiff.store.address import address_problem
from reportdiff.store.errors import ImportRefused
from reportdiff.store.importer import ImportedText, parse_html

USER_AGENT = (
    f"ReportDiff/{__version__} (desktop app comparing news reports; "
    "fetches one page when its reader asks)"
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024
_HTML_START = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much a fetch may take."""

    timeout: float = 20.0  # seconds to connect, and to wait for each piece of the page
    total_timeout: float = 120.0  # seconds for the whole page
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: its final address, its bytes, its server's charset."""

    url: str
    data: bytes
    charset: str | None = None


def check_address(address: str) -> str:
    """The address, trimmed, when it can be fetched; else ImportRefused saying why."""
    problem = address_problem(address)
    if problem:
        raise ImportRefused(None, problem, address=address.strip() or address)
    return address.strip()


def read_address(
    address: str,
    limits: FetchLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportedText:
    """Fetch a page and read its article as an import would; ImportRefused naming
    the address when it cannot be had, Cancelled when `cancelled()` turns true."""
    page = fetch_page(address, limits, cancelled)
    try:
        return parse_html(page.data, None, url=page.url, charset=page.charset)
    except ImportRefused as refusal:
        raise ImportRefused(None, refusal.reason, address=address.strip()) from None


def fetch_page(
    address: str,
    limits: FetchLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Page:
    """GET an HTML page within `limits`; ImportRefused naming the address otherwise."""
    import urllib3

    url = check_address(address)
    limits = limits or FetchLimits()
    deadline = time.monotonic() + limits.total_timeout
    manager = urllib3.PoolManager(
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=urllib3.Timeout(connect=limits.timeout, read=limits.timeout),
    )
    watch = _Watchdog(deadline, cancelled)
    watch.guard(manager)
    response = None
    try:
        response = manager.request(
            "GET", url, preload_content=False, redirect=True, retries=_retries(limits)
        )
        charset = _check_response(response, url, limits)
        data = _read_body(response, url, limits, deadline, cancelled)
        final = _final_address(url, response)
    except (urllib3.exceptions.HTTPError, OSError, ImportRefused) as exc:
        watch.stop()
        watch.raise_if_fired(url, limits)  # what cut the fetch short, not its symptom
        if isinstance(exc, urllib3.exceptions.HTTPError):
            raise ImportRefused(None, _failure(exc, limits), address=url) from None
        raise
    finally:
        watch.stop()
        if response is not None:
            response.close()
        manager.clear()
    watch.raise_if_fired(url, limits)  # headers cut short may still read as a response
    if charset is None and not data.lstrip()[:14].lower().startswith(_HTML_START):
        raise ImportRefused(
            None, "not a web page (the server named no type and this is not HTML)", address=url
        )
    return Page(final, data, charset or None)


class _Watchdog:
    """Holds the deadline and the Cancel over every wait of a fetch, also those
    inside urllib3 (headers that trickle in, a body decoded from a slow stream):
    when either comes, it shuts the fetch's sockets, which ends the wait."""

    def __init__(self, deadline: float, cancelled: Callable[[], bool] | None) -> None:
        self.fired: str | None = None
        self._deadline, self._cancelled = deadline, cancelled
        self._connections: list[Any] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fetch-watchdog", daemon=True)
        self._thread.start()

    def guard(self, manager: Any) -> None:
        """Make the manager's connection pools tell this watchdog of each connection."""
        from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

        connections = self._connections

        def watched(base: type) -> type:
            class Watched(base):  # type: ignore[misc]
                def _new_conn(self) -> Any:
                    conn = super()._new_conn()
                    connections.append(conn)
                    return conn

            return Watched

        manager.pool_classes_by_scheme = {
            "http": watched(HTTPConnectionPool),
            "https": watched(HTTPSConnectionPool),
        }

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=1)

    def raise_if_fired(self, url: str, limits: FetchLimits) -> None:
        if self.fired == "cancel":
            raise Cancelled
        if self.fired == "deadline":
            raise ImportRefused(None, _too_slow(limits), address=url)

    def _run(self) -> None:
        while not self._done.wait(_WATCH_EVERY):
            if time.monotonic() > self._deadline:
                self.fired = "deadline"
            elif self._cancelled is not None and self._cancelled():
                self.fired = "cancel"
            else:
                continue
            for conn in list(self._connections):
                sock = getattr(conn, "sock", None)
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
            return


_WATCH_EVERY = 0.1  # seconds between two looks at the deadline and the Cancel


def _too_slow(limits: FetchLimits) -> str:
    return f"the page took longer than {_seconds(limits.total_timeout)} to arrive"


def _final_address(url: str, response: Any) -> str:
    """The address the page came from, after the redirects (each one's Location
    read against the address that gave it: it may be relative)."""
    from urllib.parse import urljoin

    final = url
    for step in response.retries.history if response.retries else ():
        if step.redirect_location:
            final = urljoin(step.url or final, step.redirect_location)
    return final


def _retries(limits: FetchLimits) -> Any:
    from urllib3.util.retry import Retry

    # One try: a refused connection or a time-out is the answer, not a reason to
    # wait twice as long. Only redirects are followed, up to the limit.
    return Retry(
        total=None,
        connect=False,
        read=False,
        other=0,
        status=0,
        redirect=limits.max_redirects,
        raise_on_redirect=True,
        raise_on_status=False,
    )


def _check_response(response: Any, url: str, limits: FetchLimits) -> str | None:
    """Refuse an error status, a type that is not HTML, a declared size over the
    limit; return the declared charset ("" for HTML without one, None when the
    server named no type at all)."""
    if not 200 <= response.status < 300:
        reason = f" {response.reason}" if response.reason else ""
        raise ImportRefused(None, f"the server answered {response.status}{reason}", address=url)
    kind, _, params = (response.headers.get("Content-Type") or "").partition(";")
    kind = kind.strip().lower()
    if kind and kind not in HTML_TYPES:
        raise ImportRefused(
            None, f"not a web page but {kind} (only HTML pages can be imported)", address=url
        )
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        raise ImportRefused(None, _too_large(limits, int(length)), address=url)
    if not kind:
        return None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def _read_body(
    response: Any,
    url: str,
    limits: FetchLimits,
    deadline: float,
    cancelled: Callable[[], bool] | None,
) -> bytes:
    """The body, streamed: stopped past the size limit, the deadline, or a cancel.

    Each read returns what has arrived (read1), not a whole chunk: a server
    that trickles a byte a second must still meet the deadline and the Cancel.
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        # decoded or as sent (a compressed body counts by what came over the line too)
        if max(size, response.tell()) > limits.max_bytes:
            raise ImportRefused(None, _too_large(limits), address=url)
        if time.monotonic() > deadline:
            raise ImportRefused(None, _too_slow(limits), address=url)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limits: FetchLimits, size: int | None = None) -> str:
    limit = _megabytes(limits.max_bytes)
    if size is None:
        return f"the page is too large (over {limit}, the limit)"
    return f"the page is too large ({_megabytes(size)}; the limit is {limit})"


def _seconds(value: float) -> str:
    return "1 second" if value == 1 else f"{value:g} seconds"


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:  # a limit set low (tests, a slow line)
        return f"{size / 1024:.3g} kB"
    return f"{size / 1024 / 1024:.3g} MB"


def _failure(exc: Exception, limits: FetchLimits) -> str:
    """One line for what went wrong on the way to the page."""
    from urllib3 import exceptions as e

    if isinstance(exc, e.MaxRetryError):
        if isinstance(exc.reason, e.ResponseError) and "redirect" in str(exc.reason):
            return f"too many redirects (more than {limits.max_redirects})"
        if isinstance(exc.reason, Exception):
            return _failure(exc.reason, limits)
    if isinstance(exc, e.NameResolutionError):
        return "could not find the server (no such host name)"
    if isinstance(exc, e.NewConnectionError):  # a subclass of ConnectTimeoutError: first
        cause = exc.__cause__
        if isinstance(cause, ConnectionRefusedError):
            return "could not connect to the server (connection refused)"
        detail = getattr(cause, "strerror", None) or "no connection"
        return f"could not connect to the server ({str(detail).lower()})"
    if isinstance(exc, e.ConnectTimeoutError):
        return f"the server did not answer within {_seconds(limits.timeout)} (time-out)"
    if isinstance(exc, e.ReadTimeoutError):
        return f"the server sent nothing for {_seconds(limits.timeout)} (time-out)"
    if isinstance(exc, e.SSLError):
        return "the secure connection failed (a certificate or TLS problem)"
    if isinstance(exc, e.LocationValueError):
        return "redirected to an address that cannot be fetched"
    if isinstance(exc, e.DecodeError):
        return "the page's compressed data is damaged"
    if isinstance(exc, e.ProtocolError):
        return "the connection broke off before the page arrived"
    return f"could not be fetched ({type(exc).__name__})"
