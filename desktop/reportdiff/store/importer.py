"""Reading report files (.txt, .md, .html) into text the library can store.

Every refusal is an `ImportRefused` naming the file and the reason in one
line. Sizes are checked before reading so a huge file costs nothing; bytes
are decoded as UTF-8, by their BOM, or by charset-normalizer's guess; HTML
goes through trafilatura (imported lazily: it is heavy).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from html import unescape
from pathlib import Path
from typing import Any

from reportdiff.engine import Report, parse_report
from reportdiff.engine.boilerplate import leading_clutter, stamp_details
from reportdiff.store.address import date_in, is_address, site_of
from reportdiff.store.errors import ImportRefused
from reportdiff.store.titles import first_sentence, fold, is_headline, title_from_sentence

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
IMPORT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

# utf-32 first: its little-endian BOM starts with utf-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_META_LINE = re.compile(
    r"^(source|url|link|title|headline|outlet|publisher|publication|site|published|date"
    r"|author|authors|by|byline)\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
# A header value is a name, a date or an address, not a sentence of the article.
MAX_META_VALUE_CHARS = 120
# An HTML page whose article text is shorter than this is a page of menus and
# links (a home page, a consent wall, a section front), not a report. Text files
# have no such floor: a one-line note in a .txt is what its writer meant.
MIN_HTML_WORDS = 20
# ... and one whose lines are all shorter than this holds no sentence of prose.
MIN_SENTENCE_WORDS = 8
# An address, alone or with a remark after it ("https://... (stored copy)").
_URL = re.compile(r"^<?(https?://\S+?)>?(?:\s+\(.*\))?$")
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedText:
    """A report's text and the details its file gave, ready to store."""

    body: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    source_path: str | None = None
    content_hash: str = ""

    @cached_property  # asked for twice per import; splitting 600 words is not free
    def words(self) -> int:
        return len(self.body.split())

    def report(self) -> Report:
        """The engine's view of this text."""
        return report_from(self.body, self.title, self.outlet, self.url, self.published)


def content_hash(text: str) -> str:
    """A stable hash of a report's text, whitespace-folded and NFC-normalised."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def report_from(
    body: str, title: str, outlet: str | None, url: str | None, published: str | None
) -> Report:
    """The engine Report for a stored text, carrying the library's content hash."""
    report = parse_report(body, title=title, outlet=outlet, url=url, published=published)
    return replace(report, content_hash=content_hash(body))


# --- finding files ----------------------------------------------------------


@dataclass(frozen=True)
class SkippedFile:
    """A file in an imported folder that is not a report file (a PDF, an image…),
    or an entry that could not be looked at (`unusual`: an unreadable folder, a pipe)."""

    path: Path
    reason: str
    unusual: bool = False


def expand_paths(
    paths: Iterable[Path | str],
) -> Iterator[Path | str | ImportRefused | SkippedFile]:
    """Files to import: files as given, folders searched for reports (sorted).

    A folder's other files are yielded as SkippedFile so the user hears of
    them; hidden files and folders (.git, .DS_Store) are passed over quietly.
    A web address given as text ("https://…") is yielded as that text, to fetch.
    """
    for given in paths:
        if isinstance(given, str) and is_address(given):
            yield given.strip()
            continue
        path = Path(given)
        try:
            is_folder = path.is_dir()
        except OSError as exc:  # a link into a folder we may not read, a name too long
            yield ImportRefused(path, _os_reason(exc))
            continue
        if not is_folder:
            yield path
            continue
        files, unreadable = _walk(path)
        found = [
            p
            for p, regular in files
            if regular and p.suffix.lower() in IMPORT_SUFFIXES and not _project_file(p)
        ]
        if not found:
            reason = "no .txt, .md or .html files in this folder"
            if unreadable and unreadable[0][0] == path:
                reason = f"the folder {unreadable[0][1]}"
            yield ImportRefused(path, reason)
        for folder, why in unreadable:
            if folder != path:
                yield SkippedFile(folder, f"a folder or file that {why}", unusual=True)
        for file, regular in files:
            suffix = file.suffix.lower()
            if not regular:
                yield SkippedFile(
                    file, "not a regular file (a named pipe, socket or device)", unusual=True
                )
            elif suffix not in IMPORT_SUFFIXES:
                kind = f"a {suffix} file" if suffix else "a file without an extension"
                yield SkippedFile(file, f"{kind}, not .txt, .md or .html")
            elif _project_file(file):
                yield SkippedFile(file, "a folder's notes (README, licence...), not a report")
        yield from found


# A folder's own notes, not news: skipped in a folder, imported when named alone.
_PROJECT_FILES = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "contributing",
        "authors",
        "notice",
    }
)


def _project_file(path: Path) -> bool:
    return path.stem.lower() in _PROJECT_FILES


def _walk(folder: Path) -> tuple[list[tuple[Path, bool]], list[tuple[Path, str]]]:
    """The files under `folder` (sorted; whether each is a regular file) and the
    folders that could not be read, with why. Hidden names are passed over; links to
    folders are not followed (a link into /proc or back up the tree would never end)."""
    unreadable: list[tuple[Path, str]] = []

    def failed(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or folder), _os_reason(exc)))

    files: list[tuple[Path, bool]] = []
    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            file = Path(root, name)
            try:
                info = file.stat()
            except OSError as exc:
                unreadable.append((file, _os_reason(exc)))
                continue
            if stat.S_ISDIR(info.st_mode):
                continue  # a link to a folder: not followed
            files.append((file, stat.S_ISREG(info.st_mode)))
    files.sort()
    return files, unreadable


# --- reading one file -------------------------------------------------------


def read_import(path: Path) -> ImportedText:
    """Read one report file; raise ImportRefused with the reason when it cannot be used."""
    data = read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:512]):
        return parse_html(data, path)
    text = decode(data, path)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        text = strip_markdown(text)
    return prepare_text(text, source_path=absolute_path(path), path=path)


def absolute_path(path: Path) -> str:
    """The file's absolute path, as stored: a relative one means nothing from elsewhere.

    os.path.abspath, not resolve(): a link keeps the name the user gave it.
    """
    # A name that is no UTF-8 ("b\\xff.txt") is stored with its odd bytes written out.
    return (
        os.path.abspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    )


def read_report_file(path: Path | str) -> Report:
    """A file's report for the engine, read exactly as an import would read it."""
    return read_import(Path(path)).report()


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after checking it exists, is a file, and is not too big."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportRefused(path, "no such file") from None
    except OSError as exc:
        raise ImportRefused(path, _os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportRefused(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(path, "not a regular file")
    if info.st_size > MAX_BYTES:
        size = info.st_size / 1024 / 1024
        raise ImportRefused(path, f"too large ({size:.0f} MB; the limit is {MAX_BYTES >> 20} MB)")
    try:
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for the size stat gave, not the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # the file grew since stat
                data += handle.read(MAX_BYTES + 1 - len(data))
    except OSError as exc:
        raise ImportRefused(path, _os_reason(exc)) from None
    if len(data) > MAX_BYTES:  # grew since stat
        raise ImportRefused(path, f"too large (the limit is {MAX_BYTES >> 20} MB)")
    if not data.strip():
        raise ImportRefused(path, "empty file" if not data else "only whitespace, no text")
    return data


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({(exc.strerror or str(exc)).lower()})"


def decode(data: bytes, path: Path | None) -> str:
    """Bytes to text: a BOM decides, else UTF-8, else charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom) :].decode(encoding), path)
            except UnicodeDecodeError:
                raise ImportRefused(path, f"not valid {encoding.upper()} text") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ImportRefused(path, "binary file (contains NUL bytes), not text")
        return _check_text(text, path)
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS))
    best = matches.best()
    if best is None:
        raise ImportRefused(path, "binary or undecodable file (no text encoding fits)")
    # Code pages that fit equally well (a Latin-1 "naïve" reads as cp1250
    # "naďve", a cp1250 "zginęło" as cp1252 "zginê³o", with the same scores):
    # the reading whose accented letters are the commoner ones in European
    # languages, with no symbol inside a word; else charset-normalizer's order.
    tied = [
        m
        for m in matches
        if round(m.percent_chaos, 1) == round(best.percent_chaos, 1)
        and round(m.percent_coherence, 1) == round(best.percent_coherence, 1)
    ]
    readings = [str(m) for m in tied] or [str(best)]
    pick = min(range(len(readings)), key=lambda k: (_oddity(readings[k]), k))
    return _check_text(readings[pick], path)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark, else None (binary).

    UTF-16 puts a NUL in one byte of every ASCII character (spaces,
    punctuation, Latin letters), all on one side: odd places for little-endian,
    even for big-endian; other scripts have few NULs, but still on that side.
    Binary data has NULs on both sides. The text must then decode and read as
    text: almost no control characters, mostly letters and spaces."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    for zeros, others, encoding in (
        (odd_zeros, even_zeros, "utf-16-le"),
        (even_zeros, odd_zeros, "utf-16-be"),
    ):
        # a few NULs on the other side are characters U+xx00 ("Ā", "一")
        if zeros < 0.05 * half or others > max(0.01 * half, zeros / 10):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
        wordy = sum(1 for c in text if c.isalpha() or c.isspace())
        return text if controls <= len(text) // 1000 and wordy >= 0.6 * len(text) else None
    return None


# Accented letters by how often European languages write them: a misread code
# page turns common ones into rarer ones ("è" into "č" is even, "ï" into "ď" is not).
_COMMON_LETTERS = frozenset("áàâäãåæçéèêëíîóôöõøúûüñßąęłśćżźńčšžřěůőűş")
_LESS_COMMON_LETTERS = frozenset("ìòùïœýÿăţđğı")
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s](?=[^\W\d_])")


def _oddity(text: str) -> int:
    """How unlikely a decoding reads: rare accented letters, symbols inside words."""
    score = 0
    for char in text:
        if char.isascii():
            continue
        lower = char.lower()
        if lower in _COMMON_LETTERS:
            continue
        score += 1 if lower in _LESS_COMMON_LETTERS else 2
    odd_symbols = [m for m in _SYMBOL_IN_WORD.findall(text) if not m.isascii()]
    return score + 5 * len(odd_symbols)


# Encodings text files of news are saved in besides UTF-8. Without this list
# charset-normalizer may read a short cp1252 file as BOM-less UTF-16 or EBCDIC.
_LEGACY_ENCODINGS = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "iso8859_5",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "mac_roman",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
)


# Control characters other than tab, newlines and form feed: rare in text, common in binaries.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, path: Path | None) -> str:
    if _CONTROL.search(text) is None:  # the usual case, at C speed
        return text
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise ImportRefused(path, "binary file (control characters), not text")
    return text


# --- text and Markdown ------------------------------------------------------


def prepare_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    author: str | None = None,
    source_path: str | None = None,
    path: Path | None = None,
) -> ImportedText:
    """Clean a report's text and find its title and the details its top lines state."""
    lines = _normalise_lines(text)
    meta, lines = _take_meta_lines(lines)
    lines = _drop_repeated_headline(lines)
    body = "\n".join(lines).strip("\n")
    if not _visible(body):
        raise ImportRefused(path, "empty or only whitespace, no text")
    for key, value in _stamp_meta(lines).items():
        meta.setdefault(key, value)
    url = _clean(url) or meta.get("url")
    # What the text leaves unsaid, its address may tell: the site and the day.
    outlet = _clean(outlet) or meta.get("outlet") or site_of(url)
    published = _clean(published) or meta.get("published") or date_in(url)
    return ImportedText(
        body=body,
        title=_clean(title) or meta.get("title") or guess_title(body),
        outlet=outlet,
        url=url,
        published=published,
        author=_clean(author) or meta.get("author"),
        source_path=source_path,
        content_hash=content_hash(body),
    )


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _visible(text: str) -> bool:
    """Whether any character would show: not only spaces of every kind, zero-width
    spaces, joiners and byte-order marks (Unicode's format characters)."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _normalise_lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.rstrip() for line in text.lstrip("\ufeff").split("\n")]


_META_KEYS = {
    "source": "source",
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "published": "published",
    "date": "published",
    "author": "author",
    "authors": "author",
    "by": "author",
    "byline": "author",
}


def _take_meta_lines(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Details stated on the file's first lines ("Source: <url>", "Author: …").

    The header may come first, or right after a headline; the headline stays
    in the text, the header lines leave it.
    """
    meta, end = _read_header(lines, 0)
    if meta:
        return meta, lines[end:]
    start = _first_filled(lines, 0)
    if start is None or _META_LINE.match(lines[start].strip()):
        return meta, lines
    meta, end = _read_header(lines, start + 1)
    after = _first_filled(lines, end)
    rest = "" if after is None else "\n".join(lines[after:])
    if not meta or not is_headline(lines[start], rest=rest):
        return {}, lines
    return meta, [*lines[: start + 1], "", *lines[end:]]


_STAMP_REACH = 10  # filled lines from the top where a page's time stamp may stand (below a
# cookie notice, a headline, a standfirst and a byline)


def _stamp_meta(lines: list[str]) -> dict[str, str]:
    """The date (and who it credits) a time-stamp line near the top states:
    "Herald staff and agencies | Tue 20 May 2025 11.05 CEST"."""
    filled = [line.strip() for line in lines if line.strip()][:_STAMP_REACH]
    for line in filled:
        credit, date = stamp_details(line)
        if date:
            meta = {"published": date}
            if credit and not credit.lower().startswith("by "):
                meta["outlet"] = credit
            return meta
    return {}


def _first_filled(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _read_header(lines: list[str], index: int) -> tuple[dict[str, str], int]:
    """The details stated by the "Key: value" lines from `index` on, and where they end."""
    meta: dict[str, str] = {}
    end = index
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        found = _meta_field(line)
        if found is None:
            break
        key, value = found
        meta.setdefault(key, value)
        end = index
    return meta, end


def _meta_field(line: str) -> tuple[str, str] | None:
    """The (field, value) a header line states, or None when it is article text."""
    match = _META_LINE.match(line)
    if not match:
        return None
    key, value = _META_KEYS[match.group(1).lower()], match.group(2).strip()
    url = _URL.match(value)
    if key in ("source", "url"):
        if url:
            return "url", url.group(1)
        if key == "url":
            return None
        key = "outlet"
    if len(value) > MAX_META_VALUE_CHARS:
        return None
    return key, value


def _drop_repeated_headline(lines: list[str]) -> list[str]:
    """A headline printed twice counts once: drop the second copy."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return lines
    first, second = filled[0], filled[1]
    rest = "\n".join(lines[second:])
    if fold(lines[first]) == fold(lines[second]) and is_headline(lines[first], rest=rest):
        return lines[: first + 1] + lines[second + 1 :]
    return lines


def guess_title(body: str) -> str:
    """The headline if the text has one, else a title from its first sentence."""
    lines = [line for line in body.split("\n") if line.strip()]
    if not lines:
        return ""
    # Past a time stamp or byline above the text ("Updated 19 May 2025, 21:40 CEST"),
    # a cookie notice and its "Accept all".
    lines = lines[min(leading_clutter(lines), len(lines) - 1) :]
    if is_headline(lines[0], rest="\n".join(lines[1:])):
        return " ".join(lines[0].split())
    title = title_from_sentence(first_sentence("\n".join(lines)))
    if not title.strip(" .…"):  # text that is all punctuation: show its start
        title = " ".join(lines[0].split())[:80]
    return title or UNTITLED


UNTITLED = "Untitled report"


# Every rule stays within one line and its spans are bounded, so that no
# crafted text ("**a " or "[a" repeated a million times) costs more than
# linear time: an unclosed mark is tried against a bounded stretch only.
_MD_SPAN = 300  # characters an emphasis or a link text may span
_MD_URL = 2000  # characters a link's address may span
_MD_RULES = (
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+([^\n]*)$", re.MULTILINE), lambda m: _heading(m[1])),
    (re.compile(rf"!\[[^\]\n]{{0,{_MD_SPAN}}}\]\([^)\n]{{0,{_MD_URL}}}\)"), ""),
    (re.compile(rf"\[([^\]\n]{{1,{_MD_SPAN}}})\]\([^)\n]{{0,{_MD_URL}}}\)"), r"\1"),
    (re.compile(rf"(\*\*|__)(?=\S)([^\n]{{1,{_MD_SPAN}}}?)(?<=\S)\1"), r"\2"),
    (re.compile(rf"(?<![\w*])\*(?=\S)([^*\n]{{1,{_MD_SPAN}}}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE), ""),
)


def _heading(text: str) -> str:
    """A heading's text without its closing hashes ("Title ##" -> "Title")."""
    stripped = text.rstrip(" \t").rstrip("#")
    if stripped != text.rstrip(" \t") and stripped and not stripped.endswith((" ", "\t")):
        return text.strip()  # "C#" keeps its hash: closing hashes follow a space
    return stripped.strip()


def strip_markdown(text: str) -> str:
    """Markdown to plain text: headings, links, emphasis and quotes lose their marks."""
    text = _strip_front_matter(text)
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _strip_front_matter(text: str) -> str:
    """YAML front matter becomes "key: value" lines, read like a text file's top lines."""
    match = re.match(r"^\ufeff?---\n(.*?)\n---\n", text.replace("\r\n", "\n"), re.DOTALL)
    if not match:
        return text
    head = "\n".join(line.replace('"', "").replace("'", "") for line in match.group(1).split("\n"))
    return head + "\n\n" + text.replace("\r\n", "\n")[match.end() :]


# --- HTML -------------------------------------------------------------------


def parse_html(
    data: bytes, path: Path | None, *, url: str | None = None, charset: str | None = None
) -> ImportedText:
    """An HTML page saved from a browser: its article text and stated details.

    A page fetched from the web gives its `url` (the report's address, whatever
    the page calls itself) and the `charset` its server declared.
    """
    html = _bounded_tags(_decode_html(data, path, charset))
    document = _extract(html, url)
    text = _clean_text(_raw_field(document, "text"))
    if not text:
        raise ImportRefused(
            path,
            "no article text found in this HTML (an empty or broken page, or one whose"
            " text is nested too deep to read)",
        )
    _check_article_text(text, path)
    title = _field(document, "title")
    if title and fold(text.split("\n", 1)[0]) != fold(title):
        text = f"{title}\n\n{text}"
    return prepare_text(
        text,
        title=title,
        outlet=_field(document, "sitename"),
        url=url or _field(document, "url"),
        published=_field(document, "date"),
        author=_restore_author(_field(document, "author"), html),
        source_path=absolute_path(path) if path else None,
        path=path,
    )


# A start tag longer than this keeps its name and loses its attributes: the HTML
# parser checks each attribute against the others (quadratic), and no article's
# markup needs thousands of them.
_MAX_TAG_CHARS = 8000
_TAG_NAME = re.compile(r"<(/?[A-Za-z][\w:-]{0,40})")


def _bounded_tags(html: str) -> str:
    """`html` with every over-long tag cut down to its name, in one linear pass."""
    parts: list[str] = []
    pos = done = 0
    while True:
        lt = html.find("<", pos)
        if lt < 0:
            break
        gt = html.find(">", lt)
        if gt < 0:
            break
        if gt - lt > _MAX_TAG_CHARS:
            name = _TAG_NAME.match(html, lt)
            parts += [html[done:lt], f"<{name.group(1)}>" if name else ""]
            done = gt + 1
        pos = gt + 1
    if not parts:
        return html
    parts.append(html[done:])
    return "".join(parts)


def _decode_html(data: bytes, path: Path | None, charset: str | None = None) -> str:
    """The page's text: by a BOM, else the server's charset (it outranks the page's
    own), else the page's <meta charset>, else decode()'s guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return decode(data, path)
    declared = _META_CHARSET.search(data[:4096])
    for name in (charset, declared.group(1).decode("ascii") if declared else None):
        if name:
            if _utf8_over_single_byte(data, name):
                return data.decode("utf-8")
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data, path)


def _utf8_over_single_byte(data: bytes, declared: str) -> bool:
    """A page saved as UTF-8 under a stale single-byte declaration ("iso-8859-1"):
    read as declared, every accent would turn into two symbols ("cafÃ©"). Text
    that is not UTF-8 almost never happens to be valid UTF-8 with accents."""
    try:
        single_byte = codecs.lookup(declared).name in _SINGLE_BYTE
    except LookupError:
        return False
    if not single_byte or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_SINGLE_BYTE = frozenset(
    {"iso8859-1", "latin-1", "cp1252", "iso8859-15", "cp1250", "iso8859-2", "ascii"}
)


def _extract(html: str, url: str | None = None) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,  # a fetched page's address: trafilatura reads the site and date from it too
            with_metadata=True,
            include_comments=False,
            # Only dates the page states in its markup; never a guess from the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError):  # trafilatura on hopeless markup
        return None


def _raw_field(document: Any, name: str) -> str | None:
    if document is None:
        return None
    value = document.get(name) if isinstance(document, dict) else getattr(document, name, None)
    return value if isinstance(value, str) else None


def _field(document: Any, name: str) -> str | None:
    """A one-line detail (title, site name, date…), its spacing folded."""
    return _clean(_raw_field(document, name))


def _clean_text(value: str | None) -> str:
    """Article text with one paragraph per block: spaces fold within a line, never across.

    trafilatura puts each paragraph (and each list item, heading…) on its own
    line; a blank line between them makes that unambiguous for the engine,
    which would otherwise rejoin lines that look like a hard-wrapped paragraph.
    """
    if not value:
        return ""
    lines = (" ".join(line.split()) for line in value.splitlines())
    return "\n\n".join(line for line in lines if line)


def _check_article_text(text: str, path: Path | None) -> None:
    """Refuse a page whose "article" is a few words or a column of link labels."""
    words = len(text.split())
    if words < MIN_HTML_WORDS:
        raise ImportRefused(
            path,
            f"no article text found in this HTML (only {words} {_plural(words, 'word')}: "
            "menus or links, not a report)",
        )
    longest = max(len(line.split()) for line in text.split("\n"))
    if longest < MIN_SENTENCE_WORDS:
        raise ImportRefused(
            path, "no article text found in this HTML (only short lines: menus or links, no prose)"
        )


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


_INITIAL = re.compile(r"^(?:[A-Z]|Jr|Sr)$")


def _restore_author(author: str | None, html: str) -> str | None:
    """The author's name with the full stops the page gives it ("Jane Q. Reporter").

    trafilatura reads a dot in a name as the separator of a handle like
    "jane.doe" and turns it into a space, so "Jane Q. Reporter" comes back as
    "Jane Q Reporter". Where the name carries an initial, look for it in the
    page as written and keep that spelling.
    """
    if not author:
        return author
    names = [_as_written(name, html) for name in author.split("; ")]
    return "; ".join(names)


def _as_written(name: str, html: str) -> str:
    tokens = name.split()
    if len(tokens) < 2 or not any(_INITIAL.match(t) for t in tokens):
        return name
    # After an initial the dot may stand alone ("J.Q. Reporter"), else a space separates.
    parts = [re.escape(t) + (r"\.?" if _INITIAL.match(t) else "") for t in tokens]
    pattern = r"(?<![\w.])" + r"(?:\s+|(?<=\.))".join(parts) + r"(?![\w])"
    match = re.search(pattern, unescape(html))
    return " ".join(match.group(0).split()) if match else name
