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
    ("utf-16-le without BOM", lambda t: t.encode("utf-16-le")),
    ("utf-16-be without BOM", lambda t: t.encode("utf-16-be")),
]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Землетрясение унесло жизни 12 человек\n\nВ понедельник произошло землетрясение.\n",
        "地震で12人死亡\n\n月曜日にマグニチュード6.1の地震が発生した。\n",
        "Āgenskalnā notika zemestrīce, kurā gāja bojā 12 cilvēki.\n",
    ],
    ids=["russian", "japanese", "latvian"],
)
def test_utf16_without_bom_in_other_scripts(encoding: str, text: str) -> None:
    from reportdiff.store.importer import decode

    assert decode(text.encode(encoding), None) == text


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
        # cp1250 fits these as well as cp1252 does ("naďve", "Grčve à"):
        # the Western code page, far more common, must win the tie.
        ("A naïve café owner said the façade was damaged.", "latin-1"),
        ("Grève à Paris : le ministère annonce 12 blessés. À Marseille, calme.", "latin-1"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy, řekl mluvčí.", "cp1250"),
        # ...and the tie must not turn Central European text Western either.
        ("Zginęło 12 osób", "cp1250"),  # cp1252 would read "Zginê³o": a symbol in a word
        ("Policija je rekla da će pregovori trajati.", "cp1250"),  # not "æe"
        ("30 osób zginęło", "iso8859_2"),
        ("Ålesund: 3 døde", "latin-1"),
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


def test_an_address_with_a_remark_is_the_url(write: WriteFile) -> None:
    text = "URL: https://example.org/a (stored copy of the release)\n\n" + ARTICLE
    imported = read_import(write("r.txt", text))
    assert imported.url == "https://example.org/a"
    assert "stored copy" not in imported.body


def test_an_address_with_no_date_gives_the_site_only(write: WriteFile) -> None:
    text = "Outlet: VOA\nURL: https://www.voanews.com/a/quake/3986068.html\n\n" + ARTICLE
    imported = read_import(write("r.txt", text))
    assert (imported.outlet, imported.published) == ("VOA", None)  # the text's outlet wins


def test_text_of_invisible_characters_only_is_refused(write: WriteFile) -> None:
    invisible = "\u00a0\u3000\u200b\u200d\ufeff\u2060 " * 200 + "\n\u200b\n"
    with pytest.raises(ImportRefused, match="only whitespace"):
        read_import(write("ws.txt", invisible))


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


# --- what a new user found (paragraphs, names, junk pages, header lines, paths) ---


def _html_page(paragraphs: list[str], *, author: str = "Jane Q. Reporter", title: str) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="{author}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{body}</article><footer>Subscribe to our newsletter</footer></body></html>"""


FLOOD_PARAGRAPHS = [
    "Heavy rain flooded three coastal towns on Monday, forcing about 2,000 people from homes.",
    "Rescue teams worked through the night, moving residents to schools on higher ground.",
    "The river rose by two metres in less than six hours, the highest level since 1998.",
    "The regional council said the damage would cost more than 40 million euros to repair.",
]


def test_html_keeps_its_paragraphs(write: WriteFile) -> None:
    page = _html_page(FLOOD_PARAGRAPHS, title="Storm floods coastal towns")
    imported = read_import(write("storm.html", page))
    # The headline and each <p> stay separate paragraphs, as the page shows them.
    assert imported.body.split("\n\n") == ["Storm floods coastal towns", *FLOOD_PARAGRAPHS]
    report = imported.report()
    assert [p.text for p in report.paragraphs] == ["Storm floods coastal towns", *FLOOD_PARAGRAPHS]


def test_two_html_imports_compare_paragraph_by_paragraph(
    library: Library, write: WriteFile
) -> None:
    from reportdiff.engine import compare

    other = [
        "The river rose two metres in under six hours, its highest level since 1998.",
        "About 2,000 people left their homes after heavy rain flooded three coastal towns.",
        "Officials put the cost of the damage at 45 million euros.",
    ]
    first = write("a.html", _html_page(FLOOD_PARAGRAPHS, title="Storm floods coastal towns"))
    second = write("b.html", _html_page(other, title="Floods force 2,000 from homes"))
    a, b = (item.id for item in library.import_files([first, second]).imported)
    comparison = compare(library.report(a), library.report(b))
    assert len(comparison.a.paragraphs) == 5
    assert len(comparison.b.paragraphs) == 4
    linked = [g for g in comparison.alignment if g.a and g.b]
    assert len(linked) >= 2  # several paragraph links, not one blob against another


@pytest.mark.parametrize(
    ("meta_author", "expected"),
    [
        ("Jane Q. Reporter", "Jane Q. Reporter"),  # the initial keeps its full stop
        ("J.Q. Reporter", "J.Q. Reporter"),  # initials written together
        ("Ann Lee", "Ann Lee"),  # no initial: trafilatura's name as it is
        ("Jane Q Reporter", "Jane Q Reporter"),  # no full stop on the page: none added
    ],
)
def test_html_author_keeps_the_full_stops_of_initials(
    write: WriteFile, meta_author: str, expected: str
) -> None:
    page = _html_page(FLOOD_PARAGRAPHS, author=meta_author, title="Storm floods coastal towns")
    assert read_import(write("storm.html", page)).author == expected


NAV_ONLY = """<!doctype html><html><head><title>Example News - Home</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="menu"><a href="/a">Politics</a> <a href="/b">Business</a></div>
<footer><a href="/c">Contact us</a> Copyright 2025</footer></body></html>"""

LINK_LIST = "<!doctype html><html><body><main><ul>{}</ul></main></body></html>".format(
    "".join(f'<li><a href="/s/{i}">Section number {i} news</a></li>' for i in range(12))
)


@pytest.mark.parametrize(
    ("page", "words"),
    [
        (NAV_ONLY, "only"),  # a menu of five links
        (LINK_LIST, "short lines"),  # many links, more than the word floor, no sentence
    ],
)
def test_html_without_an_article_is_refused(write: WriteFile, page: str, words: str) -> None:
    path = write("home.html", page)
    with pytest.raises(ImportRefused, match="no article text found") as caught:
        read_import(path)
    assert words in caught.value.reason
    assert "\n" not in str(caught.value)


def test_a_short_text_note_is_kept(write: WriteFile) -> None:
    # A one-line .txt is its writer's choice; only HTML pages have a floor.
    imported = read_import(write("note.txt", "Mayor resigns.\n"))
    assert imported.body == "Mayor resigns."


HEADER_CASES = [
    # (file text, expected (title, outlet, published, author, url)) — what each row guards
    (
        "Storm Floods Coastal Towns\n"
        "Outlet: The Daily Example\nDate: 2025-03-18\nBy: Jane Q. Reporter\n"
        "URL: https://daily.example.org/storm\n\n" + ARTICLE.split("\n", 2)[2],
        (
            "Storm Floods Coastal Towns",
            "The Daily Example",
            "2025-03-18",
            "Jane Q. Reporter",
            "https://daily.example.org/storm",
        ),
    ),  # the header after a headline
    (
        "Storm Floods Coastal Towns\n\nAuthor: Ann Lee\nSource: https://e.org/1\n\n"
        + ARTICLE.split("\n", 2)[2],
        ("Storm Floods Coastal Towns", "e.org", None, "Ann Lee", "https://e.org/1"),
    ),  # a blank line between headline and header; the site is read from the address
    (
        "Source: https://news.bbc.co.uk/2/hi/world/2019-03-04/quake.html\n\n" + ARTICLE,
        (
            "Storm Floods Coastal Towns",
            "bbc.co.uk",
            "2019-03-04",
            None,
            "https://news.bbc.co.uk/2/hi/world/2019-03-04/quake.html",
        ),
    ),  # outlet and day from the address: the registered domain, the date in the path
    (
        "Outlet: The Daily Example\nPublished: 18 March 2025\n\n" + ARTICLE,
        ("Storm Floods Coastal Towns", "The Daily Example", "18 March 2025", None, None),
    ),  # the header first, the headline after it
    (
        "Source: Reuters\n\n" + ARTICLE,
        ("Storm Floods Coastal Towns", "Reuters", None, None, None),
    ),  # a Source: that is not an address is the outlet
]


@pytest.mark.parametrize(("text", "expected"), HEADER_CASES)
def test_header_lines_fill_details_and_leave_the_body(
    write: WriteFile, text: str, expected: tuple[str | None, ...]
) -> None:
    imported = read_import(write("r.txt", text))
    got = (imported.title, imported.outlet, imported.published, imported.author, imported.url)
    assert got == expected
    for label in ("Outlet:", "Date:", "By:", "URL:", "Author:", "Source:", "Published:"):
        assert label not in imported.body
    assert imported.body.startswith("Storm Floods Coastal Towns\n")
    assert "Rescue teams worked through the night" in imported.body


@pytest.mark.parametrize(
    "text",
    [
        # A sentence of the article that starts like a header is article text.
        "Storm Floods Coastal Towns\n\nDate: the council has not set one for the vote on the "
        "repairs, which residents of the three towns have asked for since the flood of 1998 "
        "and again since Monday.\n",
        # A first line that is a sentence, not a headline, ends no header.
        "Rain flooded the towns.\nAuthor: Ann Lee\n\nRescue teams worked through the night.\n",
        # "URL:" without an address stays.
        "Storm Floods Coastal Towns\nURL: none given\n\nRescue teams worked.\n",
    ],
)
def test_article_text_that_looks_like_a_header_stays(write: WriteFile, text: str) -> None:
    imported = read_import(write("r.txt", text))
    assert imported.body == text.strip("\n")


def test_source_path_is_absolute(
    write: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    write("storm.txt", ARTICLE)
    monkeypatch.chdir(tmp_path / "inputs")
    assert read_import(Path("storm.txt")).source_path == str(tmp_path / "inputs" / "storm.txt")
    [item] = library.import_files(["storm.txt"]).imported
    assert library.article(item.id).source_path == str(tmp_path / "inputs" / "storm.txt")


def test_folder_import_names_the_files_it_skips(library: Library, write: WriteFile) -> None:
    folder = write("storm.txt", ARTICLE).parent
    write("scan.PDF", b"%PDF-1.4")
    write("README", "notes")
    write(".hidden/draft.docx", b"PK")  # hidden folders are passed over quietly
    result = library.import_files([folder])
    assert len(result.imported) == 1
    assert result.refused == []
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        ("README", "a file without an extension, not .txt, .md or .html"),
        ("scan.PDF", "a .pdf file, not .txt, .md or .html"),
    ]


def test_a_folders_readme_is_no_report_but_a_readme_named_alone_is(
    library: Library, write: WriteFile
) -> None:
    folder = write("storm.txt", ARTICLE).parent
    readme = write("README.md", "# Reference set\n\nThese files are " + "notes " * 50)
    write("LICENSE.txt", "CC BY 4.0 " * 30)
    result = library.import_files([folder])
    assert [s.title for s in result.imported] == ["Storm Floods Coastal Towns"]
    assert sorted(s.path.name for s in result.skipped) == ["LICENSE.txt", "README.md"]
    assert {s.reason for s in result.skipped} == {
        "a folder's notes (README, licence...), not a report"
    }
    assert len(library.import_files([readme]).imported) == 1  # the user asked for it


# --- odd entries in a batch (issue 16, points 5 and 6) ----------------------

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_file_name_that_is_no_utf8_imports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"b\xff.txt")
    (folder / name).write_bytes((SEEDS / "000_a8b6702e585eb75d.txt").read_bytes())
    with Library.open(tmp_path / "lib.db") as lib:
        result = lib.import_files([folder])
    assert len(result.imported) == 1
    assert result.refused == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_folder_is_skipped_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((SEEDS / "000_a8b6702e585eb75d.txt").read_bytes())
    os.mkfifo(folder / "pipe.txt")
    with Library.open(tmp_path / "lib.db") as lib:
        result = lib.import_files([folder])  # would block forever reading the pipe
    assert len(result.imported) == 1
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        ("pipe.txt", "not a regular file (a named pipe, socket or device)")
    ]


def test_an_unreadable_entry_is_one_refusal_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "a.txt"
    good.write_bytes((SEEDS / "000_a8b6702e585eb75d.txt").read_bytes())
    locked = tmp_path / "link-into-a-locked-folder"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:  # what a link into a folder we may not read does
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    with Library.open(tmp_path / "lib.db") as lib:
        result = lib.import_files([locked, good])
    assert len(result.imported) == 1
    assert [str(r) for r in result.refused] == [f"{locked}: cannot be read (permission denied)"]


def test_a_subfolder_that_cannot_be_listed_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "private").mkdir(parents=True)
    (folder / "a.txt").write_bytes((SEEDS / "000_a8b6702e585eb75d.txt").read_bytes())
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str = ".") -> object:  # root reads any folder
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with Library.open(tmp_path / "lib.db") as lib:
        result = lib.import_files([folder])
    assert len(result.imported) == 1
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        ("private", "a folder or file that cannot be read (permission denied)")
    ]


def test_a_lock_mid_batch_keeps_what_was_imported_before(tmp_path: Path) -> None:
    import sqlite3

    from reportdiff.store import LibraryError

    path = tmp_path / "lib.db"
    holder: list[sqlite3.Connection] = []

    def lock_after_first(done: int, total: int, name: str) -> None:
        if done == 1 and not holder:  # another program takes the write lock
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            holder.append(conn)

    with Library.open(path, timeout=0.2) as lib:
        with pytest.raises(LibraryError) as stopped:
            lib.import_files(
                [SEEDS / "000_a8b6702e585eb75d.txt", SEEDS / "001_b09a5fa10f149ba2.txt"],
                progress=lock_after_first,
            )
        holder[0].rollback()
        holder[0].close()
        partial = stopped.value.partial
        assert partial is not None
        assert len(partial.imported) == 1  # type: ignore[attr-defined]
        assert lib.count_articles() == 1


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        ("iso-8859-1", "utf-8"),  # saved as UTF-8 under a stale declaration
        ("windows-1252", "utf-8"),
        ("iso-8859-1", "iso-8859-1"),  # as declared
        ("utf-8", "utf-8"),
    ],
)
def test_a_pages_accents_survive_its_declared_charset(
    write: WriteFile, declared: str, encoding: str
) -> None:
    paragraphs = [p.replace("coastal", "côtières") for p in FLOOD_PARAGRAPHS]
    page = _html_page(paragraphs, title="Crue à Saint-Étienne").replace(
        'charset="utf-8"', f'charset="{declared}"'
    )
    imported = read_import(write("crue.html", page.encode(encoding)))
    assert imported.title == "Crue à Saint-Étienne"
    assert "côtières" in imported.body
    assert "Ã" not in imported.body
