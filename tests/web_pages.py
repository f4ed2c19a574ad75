"""A small web server on 127.0.0.1 for the import-from-address tests.

It serves pages written for the tests: an article, redirect chains, a slow
answer, a page that trickles in, huge bodies, other content types, errors,
a page of links only. `web_server()` runs it in a thread on a free port;
handlers that wait (slow, trickle, endless) stop as soon as the server is
closed, so no test leaves a thread behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_TITLE = "Storm Ada closes fourteen ports along the coast"
ARTICLE_PARAGRAPHS = (
    "Storm Ada closed 14 ports along the northern coast on Monday, the coast guard said,"
    " as winds of up to 120 km/h cut power to 3,000 homes.",
    "Ferries between the islands were cancelled for the day, and the port authority said"
    " it expected to reopen the harbours on Wednesday once the sea had calmed.",
    "Forecasters expect the storm to weaken as it moves east, but warned that rain of more"
    " than 80 millimetres could still flood low-lying streets in the old town.",
    "Emergency services said two fishermen were rescued after their boat lost its engine"
    " near the harbour mouth; both were taken to hospital as a precaution.",
)
SITE_NAME = "Coast Times"
PUBLISHED = "2025-01-06"


def article_page(
    title: str = ARTICLE_TITLE,
    paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
    *,
    site_name: str | None = SITE_NAME,
    published: str | None = PUBLISHED,
    charset: str = "utf-8",
) -> bytes:
    """A news page as a site serves it: metadata, a menu, the article, a footer."""
    meta = [f'<meta charset="{charset}">'] if charset else []
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{site_name}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T08:30:00Z">')
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(meta)}
<title>{title} | {site_name or "News"}</title>
<meta property="og:title" content="{title}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>{title}</h1>
<p class="byline">By Jane Q. Reporter</p>
{body}
</article></main>
<footer><p>© Coast Times. All rights reserved.</p></footer>
</body></html>"""
    return html.encode(charset or "utf-8")


OTHER_TITLE = "Harbour reopens after Storm Ada"
OTHER_PARAGRAPHS = (
    "The main harbour reopened on Wednesday morning after two days of closure, the port"
    " authority said, and the first ferry left for the islands at nine o'clock.",
    "Crews spent Tuesday clearing debris from the quays, where the storm had torn loose"
    " more than forty small boats from their moorings.",
)

MENU_PAGE = b"""<!DOCTYPE html><html><head><title>Coast Times</title></head><body>
<nav><ul><li><a href="/a">World</a></li><li><a href="/b">Sport</a></li>
<li><a href="/c">Weather</a></li></ul></nav></body></html>"""

HUGE_BYTES = 11 * 1024 * 1024  # over the default 10 MB limit


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass  # the tests' output stays clean

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path.split("?", 1)[0]
        if path.startswith("/chain/"):
            return self._chain(int(path.rsplit("/", 1)[1]))
        route = _ROUTES.get(path)
        if route is None:
            return self._send(404, "text/html", b"<html><body>Not here</body></html>")
        return route(self)

    # --- what the routes send -------------------------------------------

    def _send(self, status: int, kind: str | None, body: bytes, **headers: str) -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _chain(self, left: int) -> None:
        """/chain/N redirects N times, then lands on /other."""
        self._redirect(f"/chain/{left - 1}" if left > 1 else "/other")

    def _article(self) -> None:
        self._send(200, "text/html; charset=utf-8", article_page())

    def _other(self) -> None:
        self._send(200, "text/html", article_page(OTHER_TITLE, OTHER_PARAGRAPHS, published=None))

    def _latin1(self) -> None:
        """A page whose only word of its charset is the server's header."""
        page = article_page(
            "Café owners count the cost of Storm Ada",
            (
                *ARTICLE_PARAGRAPHS[:2],
                "The café on the quay, run by the Señora Núñez, lost"
                " its terrace and most of its chairs to the wind on Monday night.",
            ),
            charset="",
        )
        self._send(200, "text/html; charset=iso-8859-1", page.decode().encode("latin-1"))

    def _untyped(self) -> None:
        self._send(200, None, article_page(OTHER_TITLE, OTHER_PARAGRAPHS))

    def _untyped_binary(self) -> None:
        self._send(200, None, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)

    def _slow(self) -> None:
        """Answers only after the server's `slow_seconds` (or never, till it closes)."""
        if self.server.stopping.wait(self.server.slow_seconds):
            return
        self._article()

    def _trickle(self) -> None:
        """Headers at once, then a few bytes every tenth of a second, for a long time."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._every_tenth(lambda _n: b"13\r\n<p>still coming</p>\r\n")

    def _slow_headers(self) -> None:
        """The status line, then one header line every tenth of a second, never ending."""
        self._every_tenth(lambda n: f"X-Slow-{n}: yes\r\n".encode(), b"HTTP/1.1 200 OK\r\n")

    def _drip(self) -> None:
        """A declared length, then one byte every tenth of a second: no chunks."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self._every_tenth(lambda _n: b" ")

    def _every_tenth(self, piece: Callable[[int], bytes], first: bytes = b"") -> None:
        """Send `first`, then `piece(n)` every tenth of a second until the server
        stops or the client hangs up."""
        try:
            self.wfile.write(first)
            self.wfile.flush()
            n = 0
            while not self.server.stopping.wait(0.1):
                n += 1
                self.wfile.write(piece(n))
                self.wfile.flush()
        except OSError:
            return

    def _huge(self) -> None:
        """Declares and sends 11 MB."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        self._pour(HUGE_BYTES)

    def _endless(self) -> None:
        """No length declared: HTML until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self._pour(None)

    def _pour(self, size: int | None) -> None:
        chunk = b"<p>" + b"more words " * 6000 + b"</p>\n"
        sent = 0
        while (size is None or sent < size) and not self.server.stopping.is_set():
            piece = chunk if size is None else chunk[: size - sent]
            try:
                self.wfile.write(piece)
            except OSError:  # the client stopped reading: that was the point
                return
            sent += len(piece)

    def _pdf(self) -> None:
        self._send(200, "application/pdf", b"%PDF-1.4\n% a report\n")

    def _png(self) -> None:
        self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")

    def _json(self) -> None:
        self._send(200, "application/json", b'{"title": "Storm Ada"}')

    def _error(self) -> None:
        self._send(500, "text/html", b"<html><body>Something broke</body></html>")

    def _menu(self) -> None:
        self._send(200, "text/html", MENU_PAGE)

    def _to_ftp(self) -> None:
        self._redirect("ftp://127.0.0.1/report.html")


_ROUTES = {
    "/article": _Handler._article,
    "/other": _Handler._other,
    "/latin1": _Handler._latin1,
    "/untyped": _Handler._untyped,
    "/untyped-binary": _Handler._untyped_binary,
    "/slow": _Handler._slow,
    "/trickle": _Handler._trickle,
    "/drip": _Handler._drip,
    "/slow-headers": _Handler._slow_headers,
    "/huge": _Handler._huge,
    "/endless": _Handler._endless,
    "/report.pdf": _Handler._pdf,
    "/photo.png": _Handler._png,
    "/data.json": _Handler._json,
    "/broken": _Handler._error,
    "/menu": _Handler._menu,
    "/to-ftp": _Handler._to_ftp,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self.slow_seconds = 30.0
        self.requests: list[tuple[str, str]] = []

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (time-outs, size limits) is no error


class WebServer:
    """The running server: `url(path)` gives an address on it."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(path, user agent) of every request so far."""
        return self._server.requests

    def set_slow_seconds(self, seconds: float) -> None:
        self._server.slow_seconds = seconds


@contextmanager
def web_server() -> Iterator[WebServer]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield WebServer(server)
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (a connection is refused)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
