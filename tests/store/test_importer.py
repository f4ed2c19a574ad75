"""Reading report files: every bad input refused in one line, good ones read faithfully."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.store import ImportRefused, Library, read_report_file
from reportdiff.store.importer import MAX_BYTES, read_import

from .conftest import ARTICLE, WriteFile

TEXT = "Café owners said the “quiet” season ended early.\n\nPrices rose by 5%.\n"

BAD_INPUTS: list[tuple[str, str, bytes, str]] = [
    # (what, file name, content, words the reason must hold)
    ("binary with NUL bytes", "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ("control characters", "noise.txt", bytes(range(1, 9)) * 50, "binary"),
    (
        "random bytes without NULs",
        "blob.txt",
        bytes((i * 7919) % 255 + 1 for i in range(4000)),
        "binary",
    ),
    ("empty", "empty.txt", b"", "empty"),
    ("whitespace only", "blank.md", b" \n\t\n   \r\n", "whitespace"),
    (
        "broken HTML",
        "page.html",
        b"<html><head><title></title></head><body><div><p",
        "no article text",
    ),
    ("HTML with no text", "empty.htm", b"<!doctype html><html><body></body></html>", "no article"),
]


@pytest.mark.parametrize(
    ("name", "content", "words"), [r[1:] for r in BAD_INPUTS], ids=[r[0] for r in BAD_INPUTS]
)
def test_bad_input_is_refused_in_one_line(
    write: WriteFile, name: str, content: bytes, words: str
) -> None:
    path = write(name, content)
    with pytest.raises(ImportRefused) as caught:
        read_import(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert words in caught.value.reason
    assert caught.value.path == path


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk, must cost no reading
    with pytest.raises(ImportRefused, match="too large") as caught:
        read_import(path)
    assert "200 MB" in caught.value.reason


def test_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b"The council met again and talked for a long while.\n"
    path.write_bytes(line * (MAX_BYTES // len(line)))
    assert read_import(path).words > 100_000


@pytest.mark.parametrize(
    ("path_in", "reason"),
    [
        ("missing.txt", "no such file"),
        ("report.txt/inside.txt", "cannot be read"),  # a file used as a folder
    ],
)
def test_missing_or_unreadable_path(tmp_path: Path, path_in: str, reason: str) -> None:
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ImportRefused, match=reason):
        read_import(tmp_path / path_in)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_file_without_read_permission(write: WriteFile) -> None:
    path = write("secret.txt", ARTICLE)
    path.chmod(0)
    with pytest.raises(ImportRefused, match="permission denied"):
        read_import(path)


ENCODINGS: list[tuple[str, Callable[[str], bytes]]] = [
    ("cp1252", lambda t: t.encode("cp1252")),
    ("latin-1", lambda t: t.replace("“", '"').replace("”", '"').encode("latin-1")),
    ("utf-16 with BOM", lambda t: t.encode("utf-16")),
    ("utf-8 with BOM", lambda t: t.encode("utf-8-sig")),
    ("utf-16-be with BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
]


@pytest.mark.parametrize("encode", [e[1] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected(write: WriteFile, encode: Callable[[str], bytes]) -> None:
    text = "Café Owners Count the Cost\n\n" + TEXT * 3
    imported = read_import(write("report.txt", encode(text)))
    assert imported.title == "Café Owners Count the Cost"
    assert "Café owners said the" in imported.body
    assert "\ufeff" not in imported.body


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café", "cp1252"),  # too short for a confident guess: must not become UTF-16
        ("Prices rose 5 € in Málaga", "cp1252"),
        ("Zürich Straße Öl", "latin-1"),
        ("Привет, как дела? Всё хорошо.", "cp1251"),
        ("Zażółć gęślą jaźń", "cp1250"),
    ],
)
def test_short_legacy_texts_decode(write: WriteFile, text: str, encoding: str) -> None:
    assert read_import(write("r.txt", text.encode(encoding))).body == text


def test_source_line_is_the_url_not_text(write: WriteFile) -> None:
    path = write("r.txt", "Source: https://example.org/news/1\n\n" + ARTICLE)
    imported = read_import(path)
    assert imported.url == "https://example.org/news/1"
    assert "example.org" not in imported.body
    assert imported.title == "Storm Floods Coastal Towns"


def test_url_line_and_stated_details_are_read(write: WriteFile) -> None:
    text = "URL: <https://example.org/a>\nAuthor: Ann Lee\nPublished: 2024-05-02\n\n" + ARTICLE
    imported = read_import(write("r.txt", text))
    assert (imported.url, imported.author, imported.published) == (
        "https://example.org/a",
        "Ann Lee",
        "2024-05-02",
    )


def test_nothing_is_invented(write: WriteFile) -> None:
    imported = read_import(write("r.txt", ARTICLE))
    assert (imported.outlet, imported.published, imported.url, imported.author) == (None,) * 4
    assert imported.source_path == str(write("r.txt", ARTICLE))


def test_headline_printed_twice_counts_once(write: WriteFile) -> None:
    text = (
        "Storm Floods Coastal Towns\n\nStorm Floods Coastal Towns\n\n\n" + ARTICLE.split("\n", 2)[2]
    )
    imported = read_import(write("r.txt", text))
    assert imported.title == "Storm Floods Coastal Towns"
    assert imported.body.count("Storm Floods Coastal Towns") == 1


def test_markdown_marks_are_removed(write: WriteFile) -> None:
    text = (
        "# Storm Floods *Coastal* Towns\n\n"
        "Heavy rain flooded **three** towns, [the council](https://x.org) said.\n\n"
        "> Rescue teams worked through the night.\n"
    )
    imported = read_import(write("r.md", text))
    assert imported.title == "Storm Floods Coastal Towns"
    assert "Heavy rain flooded three towns, the council said." in imported.body
    assert "**" not in imported.body
    assert "https://x.org" not in imported.body


def test_html_article_and_its_stated_details(write: WriteFile) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: heavy rain flooded three coastal towns on Monday and rescue teams "
        f"worked through the night to move about 2,000 residents to higher ground.</p>"
        for i in range(6)
    )
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Storm floods coastal towns | The Daily Example</title>
<meta property="og:title" content="Storm floods coastal towns">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<link rel="canonical" href="https://daily.example.org/2024/05/02/storm">
</head><body><nav><a href="/">Home</a></nav><article><h1>Storm floods coastal towns</h1>
{paragraphs}</article><footer>Subscribe to our newsletter</footer></body></html>"""
    imported = read_import(write("storm.html", html))
    assert imported.title == "Storm floods coastal towns"
    assert imported.outlet == "The Daily Example"
    assert imported.author == "Ann Lee"
    assert imported.published == "2024-05-02"
    assert imported.url == "https://daily.example.org/2024/05/02/storm"
    assert "Paragraph 5: heavy rain" in imported.body
    assert imported.body.startswith("Storm floods coastal towns\n")


def test_html_without_stated_date_gets_none(write: WriteFile) -> None:
    body = "<p>" + "Rescue teams worked through the night in the flooded town. " * 8 + "</p>"
    imported = read_import(write("p.html", f"<html><body><article>{body}</article></body></html>"))
    assert imported.published is None
    assert imported.outlet is None


def test_read_report_file_matches_the_library(library: Library, write: WriteFile) -> None:
    path = write("r.txt", "Source: https://example.org/x\n" + ARTICLE)
    report = read_report_file(path)
    [item] = library.import_files([path]).imported
    stored = library.report(item.id)
    assert report.content_hash == stored.content_hash != ""
    assert report.title == stored.title == "Storm Floods Coastal Towns"
    assert [p.text for p in report.paragraphs] == [p.text for p in stored.paragraphs]


def test_read_report_file_refuses_like_an_import(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no such file"):
        read_report_file(tmp_path / "nope.txt")


@settings(max_examples=60, deadline=None)
@given(
    content=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_no_file_content_crashes_the_importer(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        try:
            imported = read_import(path)
        except ImportRefused as refused:
            message = str(refused)
        else:
            assert imported.body.strip()
            assert imported.title.strip()
            return
    assert "\n" not in message
    assert message.startswith(str(path))
