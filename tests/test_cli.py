"""The `reportdiff` library commands, run in-process on real temporary libraries."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reportdiff.cli import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    CliError,
    build_parser,
    load_report,
    main,
)

if TYPE_CHECKING:
    from reportdiff.store import Library

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library path given through REPORTDIFF_DB, as a user's shell would."""
    path = tmp_path / "library.db"
    monkeypatch.setenv("REPORTDIFF_DB", str(path))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, _ = run(capsys, *argv, "--json")
    assert code == EXIT_OK
    return json.loads(out)


def test_import_seeds_twice_leaves_five(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", str(SEEDS))
    assert code == EXIT_OK
    assert "5 imported" in out
    code, out, _ = run(capsys, "import", str(SEEDS))
    assert code == EXIT_OK
    assert "0 imported, 5 already in the library" in out
    assert len(run_json(capsys, "list")) == 5  # type: ignore[arg-type]


def test_refused_inputs_exit_1_and_the_rest_is_imported(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Flood Report\n\nThe river rose.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(tmp_path / "missing.txt"), str(good), "--json")
    assert code == EXIT_REFUSED
    result = json.loads(out)
    assert [a["title"] for a in result["imported"]] == ["Flood Report"]
    assert result["refused"] == [{"path": str(tmp_path / "missing.txt"), "reason": "no such file"}]
    code, out, err = run(capsys, "import", str(tmp_path / "missing.txt"))
    assert code == EXIT_REFUSED
    assert err.strip() == f"reportdiff: refused {tmp_path / 'missing.txt'}: no such file"


def test_db_option_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    other = tmp_path / "other.db"
    assert run(capsys, "--db", str(other), "import", str(SEEDS))[0] == EXIT_OK
    assert len(run_json(capsys, "list", "--db", str(other))) == 5  # type: ignore[arg-type]
    assert len(run_json(capsys, "--db", str(other), "list")) == 5  # type: ignore[arg-type]
    assert not db.exists()  # REPORTDIFF_DB was overridden


def test_list_search_event_show_events_delete(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(SEEDS), "--event", "Energy talks")
    [event] = run_json(capsys, "events")  # type: ignore[misc]
    assert (event["name"], event["count"]) == ("Energy talks", 5)
    found = run_json(capsys, "list", "--search", "two and a half hours", "--event", "energy TALKS")
    assert len(found) == 1  # type: ignore[arg-type]
    report_id = found[0]["id"]  # type: ignore[index]
    code, out, _ = run(capsys, "show", str(report_id))
    assert code == EXIT_OK
    assert "two and a half hours" in out
    assert "Event:     Energy talks" in out
    assert run_json(capsys, "show", str(report_id))["id"] == report_id  # type: ignore[index]
    code, out, _ = run(capsys, "list")
    assert out.startswith("Energy talks\n")
    code, out, err = run(capsys, "delete", str(report_id))  # stdin is not a terminal
    assert code == EXIT_USAGE
    assert "--yes" in err
    assert run(capsys, "delete", str(report_id), "--yes")[0] == EXIT_OK
    code, _, err = run(capsys, "show", str(report_id))
    assert code == EXIT_REFUSED
    assert f"no report with id {report_id}" in err
    assert run(capsys, "list", "--event", "nope")[0] == EXIT_REFUSED


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"hello, not a database", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
    ],
)
def test_unusable_library_exits_2_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    db.write_bytes(content)
    for argv in (["list"], ["import", str(SEEDS)], ["events"]):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_USAGE
        assert err.count("\n") == 1
        assert words in err
        assert str(db) in err
    assert db.read_bytes() == content


def test_read_commands_do_not_create_a_library(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list")
    assert code == EXIT_OK  # nothing yet is an empty library to a listing
    assert "no library at" in out
    assert "reportdiff import" in out
    assert run(capsys, "events", "--json")[:2] == (EXIT_OK, "[]\n")
    code, _, err = run(capsys, "show", "1")
    assert code == EXIT_USAGE
    assert "no library here yet" in err
    assert not db.exists()


def test_a_typed_library_path_in_a_missing_folder_makes_no_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "typo" / "library.db"
    code, _, err = run(capsys, "--db", str(db), "import", str(SEEDS))
    assert code == EXIT_USAGE
    assert f"the folder {db.parent} does not exist" in err
    assert not db.parent.exists()


def test_compare_loads_reports_by_library_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(SEEDS))
    args = build_parser().parse_args(["compare", "1", str(SEEDS / "001_b09a5fa10f149ba2.txt")])
    by_id, by_file = load_report(args.a, args), load_report(args.b, args)
    assert by_id.title.startswith("Ukraine Proposes Ceasefire")
    assert by_file.content_hash == load_report("2", args).content_hash
    with pytest.raises(CliError, match="no report with id 99"):
        load_report("99", args)


def test_install_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    code, out, _ = run(capsys, "install-desktop")
    assert code == EXIT_OK, out
    entry = (tmp_path / "share" / "applications" / "reportdiff.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").strip('"')).is_file()
    assert "Icon=reportdiff" in entry
    hicolor = tmp_path / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 64, 128, 256):
        assert (hicolor / f"{size}x{size}" / "apps" / "reportdiff.png").is_file()
    assert (hicolor / "scalable" / "apps" / "reportdiff.svg").is_file()


def test_install_desktop_from_a_standalone_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Frozen (packaging/build), the launcher starts the bundle's own program, and the
    icons come from inside the bundle."""
    internal = tmp_path / "bundle" / "_internal"
    icons = internal / "share" / "reportdiff" / "resources" / "icons"
    icons.mkdir(parents=True)
    checkout = Path(__file__).resolve().parents[1] / "resources"
    shutil.copy(checkout / "reportdiff.desktop", icons.parent)
    shutil.copy(checkout / "icons" / "reportdiff-48.png", icons)
    program = tmp_path / "bundle" / "reportdiff"
    program.write_bytes(b"")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(internal), raising=False)
    monkeypatch.setattr("sys.executable", str(program))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    code, out, _ = run(capsys, "install-desktop")
    assert code == EXIT_OK, out
    entry = (tmp_path / "share" / "applications" / "reportdiff.desktop").read_text(encoding="utf-8")
    assert f"Exec={program}" in entry.splitlines()
    hicolor = tmp_path / "share" / "icons" / "hicolor"
    assert (hicolor / "48x48" / "apps" / "reportdiff.png").is_file()
    assert not (hicolor / "256x256").exists()  # the bundle's icons, not the checkout's


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a library", encoding="utf-8")
    run_ = subprocess.run(
        [sys.executable, "-m", "reportdiff.cli", "--db", str(bad), "import", str(SEEDS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run_.returncode == EXIT_USAGE
    assert "Traceback" not in run_.stderr
    assert (
        run_.stderr.strip()
        == f"reportdiff: {bad}: not a ReportDiff library (not an SQLite database)"
    )


# --- compare: where the output goes -------------------------------------------

SEED_A, SEED_B = (str(next(SEEDS.glob(f"{n}_*.txt"))) for n in ("001", "003"))


def _compare_into(stdout: int, *extra: str) -> subprocess.CompletedProcess[str]:
    """`reportdiff compare` of two seeds in a child process whose stdout is `stdout`."""
    return subprocess.run(
        [sys.executable, "-m", "reportdiff.cli", "compare", SEED_A, SEED_B, *extra],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_compare_to_a_closed_pipe_ends_quietly(fmt: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte, as with `| head -0`
    try:
        result = _compare_into(write_end, "--format", fmt)
    finally:
        os.close(write_end)
    assert result.returncode == EXIT_OK
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "csv"])
def test_compare_to_a_full_disk_is_one_line(fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        result = _compare_into(full.fileno(), "--format", fmt)
    assert result.returncode == EXIT_REFUSED
    assert result.stderr == "reportdiff: cannot write the output: no space left on the device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_compare_output_to_a_device_writes_to_it_and_leaves_it_a_device(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "--format", "csv", "-o", "/dev/full")
    assert code == EXIT_REFUSED
    assert err == "reportdiff: cannot write /dev/full: no space left on the device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    code, _, _ = run(capsys, "compare", SEED_A, SEED_B, "--format", "csv", "-o", "/dev/null")
    assert code == EXIT_OK
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_compare_output_to_dev_stdout_appends_to_what_the_shell_opened(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("earlier line\n", encoding="utf-8")
    with log.open("ab") as appended:  # `>> log.csv`
        result = _compare_into(appended.fileno(), "--format", "csv", "-o", "/dev/stdout")
    assert result.returncode == EXIT_OK, result.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier line"
    assert lines[1].startswith("status,what,")


def test_compare_output_through_a_link_updates_the_linked_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    code, _, _ = run(capsys, "compare", SEED_A, SEED_B, "--format", "json", "-o", str(link))
    assert code == EXIT_OK
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == "reportdiff.comparison/1"


# --- library commands: what a new user found ---------------------------------


def test_move_puts_reports_in_an_event_created_when_new(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(SEEDS), "--event", "Energy talks")
    code, out, _ = run(capsys, "move", "1", "2", "--event", "Ceasefire")
    assert code == EXIT_OK
    assert out.count("moved report #") == 2
    assert "to event Ceasefire" in out
    moved = run_json(capsys, "move", "2", "--event", "ceasefire")
    assert moved == {"moved": [2], "event_id": 2, "event": "Ceasefire"}
    counts = {e["name"]: e["count"] for e in run_json(capsys, "events")}  # type: ignore[union-attr]
    assert counts == {"Energy talks": 3, "Ceasefire": 2}
    assert run_json(capsys, "move", "1", "--no-event")["event"] is None  # type: ignore[index]
    code, _, err = run(capsys, "move", "1", "99", "--event", "Elsewhere")
    assert (code, err.strip()) == (EXIT_REFUSED, "reportdiff: no report with id 99 in the library")
    assert "Elsewhere" not in [e["name"] for e in run_json(capsys, "events")]  # type: ignore[union-attr]
    assert run(capsys, "move", "1")[0] == EXIT_USAGE  # --event or --no-event is needed


def test_importing_a_stored_file_names_its_event_and_how_to_move_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEEDS / "001_b09a5fa10f149ba2.txt"
    run(capsys, "import", str(seed), "--event", "Energy talks")
    code, out, _ = run(capsys, "import", str(seed), "--event", "Other talks")
    assert code == EXIT_OK
    assert (
        f"{seed}: already in the library as #1 (event Energy talks); "
        "use `reportdiff move 1 --event 'Other talks'` to move it"
    ) in out
    [event] = run_json(capsys, "events")  # type: ignore[misc]
    assert (event["name"], event["count"]) == ("Energy talks", 1)  # nothing moved, no new event
    code, out, _ = run(capsys, "import", str(seed), "--event", "energy TALKS")
    assert "already in the library as #1 (event Energy talks)\n" in out  # already there: no hint
    result = run_json(capsys, "import", str(seed))
    assert result["duplicates"] == [  # type: ignore[index]
        {"path": str(seed), "existing_id": 1, "event": "Energy talks"}
    ]


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["show", "99"], EXIT_REFUSED, "no report with id 99"),  # a missing report
        (["delete", "99", "--yes"], EXIT_REFUSED, "no report with id 99"),
        (["list", "--event", "nope"], EXIT_REFUSED, "no event called 'nope'"),
        (["show", "abc"], EXIT_USAGE, "not a report id"),  # argparse's own errors too
        (["move", "1"], EXIT_USAGE, "--event"),
    ],
)
def test_json_errors_are_json_on_stdout(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, words: str
) -> None:
    run(capsys, "import", str(SEEDS))
    got, out, err = run(capsys, *argv, "--json")
    assert got == code
    error = json.loads(out)
    assert words in error["error"]
    assert error["exit_code"] == code
    assert words in err  # the one-line message on stderr stays


def test_unusable_library_is_a_json_error_too(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.write_bytes(b"hello, not a database")
    code, out, _ = run(capsys, "list", "--json")
    assert code == EXIT_USAGE
    assert "not an SQLite database" in json.loads(out)["error"]


def test_ids_win_over_file_names(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(SEEDS))
    (tmp_path / "12").write_text("A file that happens to be called 12.\n", encoding="utf-8")
    (tmp_path / "3").write_text("A file that happens to be called 3.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "show", "12")
    assert code == EXIT_REFUSED
    assert "no report with id 12" in err
    assert run_json(capsys, "show", "3")["id"] == 3  # type: ignore[index]
    assert run(capsys, "delete", "12", "--yes")[0] == EXIT_REFUSED
    assert (tmp_path / "12").exists()


def test_output_counts_are_in_the_right_number(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Resigned.\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(note))
    assert code == EXIT_OK
    assert "(1 word)" in out
    assert "1 words" not in out


def test_folder_import_says_what_it_skipped(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "storm.txt").write_text("Storm Report\n\nThe river rose.\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    (folder / "other.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run(capsys, "import", str(folder))
    assert code == EXIT_OK  # skipping is not refusing
    assert "1 imported, 0 already in the library, 0 refused, 3 skipped" in out
    assert err.strip() == (
        "reportdiff: skipped 3 files that are not .txt, .md or .html (1 .jpg, 2 .pdf)"
    )
    result = run_json(capsys, "import", str(folder))
    assert [s["path"] for s in result["skipped"]] == [  # type: ignore[index]
        str(folder / name) for name in ("other.pdf", "photo.jpg", "scan.pdf")
    ]


def test_import_stores_absolute_paths(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "storm.txt").write_text("Storm Report\n\nThe river rose.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run(capsys, "import", "storm.txt")
    assert run_json(capsys, "show", "1")["source_path"] == str(tmp_path / "storm.txt")  # type: ignore[index]


def _compare_on_a_terminal(env: dict[str, str]) -> str:
    """What `reportdiff compare` prints when its stdout is a terminal (a pty)."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    received: list[bytes] = []

    def drain() -> None:  # a pty holds little: read while the child writes
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 65536):
                received.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reportdiff.cli", "compare", SEED_A, SEED_B],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "TERM": "xterm", **env},
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(timeout=60)  # returns as soon as the pty is drained; a loaded machine is slow
        os.close(leader)
    assert result.returncode == EXIT_OK, result.stderr
    return b"".join(received).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_compare_colours_a_terminal_unless_no_color() -> None:
    coloured = _compare_on_a_terminal({"NO_COLOR": ""})
    assert "\x1b[38;5;208m" in coloured  # words only in A, orange
    assert "[-" not in coloured
    plain = _compare_on_a_terminal({"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "[-" in plain


def test_compare_text_into_a_pipe_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--format", "text")
    assert code == EXIT_OK
    assert "\x1b[" not in out
    assert "How to read: A¶3 is the third paragraph of report A." in out


def test_compare_never_writes_over_a_report_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "a.txt"
    report.write_bytes(Path(SEED_A).read_bytes())
    code, _, err = run(
        capsys, "compare", str(report), SEED_B, "--format", "json", "-o", str(report)
    )
    assert code == EXIT_REFUSED
    assert err == f"reportdiff: {report} is report A; choose another file for the output\n"
    assert report.read_bytes() == Path(SEED_A).read_bytes()


@pytest.mark.parametrize("fmt", ["html", "text", "json", "csv"])
@pytest.mark.parametrize("via", ["name", "symlink"])
def test_compare_never_writes_over_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, via: str
) -> None:
    library = tmp_path / "lib"  # no .db suffix: nothing but its role marks it
    assert run(capsys, "--db", str(library), "import", SEED_A, SEED_B)[0] == EXIT_OK
    before = library.read_bytes()
    out = library
    if via == "symlink":
        out = tmp_path / "comparison.out"
        out.symlink_to(library)
    code, _, err = run(
        capsys, "--db", str(library), "compare", "1", "2", "--format", fmt, "-o", str(out)
    )
    assert code == EXIT_REFUSED
    assert "wrote" not in err
    assert "is the library; choose another file" in err
    assert library.read_bytes() == before
    assert len(run_json(capsys, "--db", str(library), "list")) == 2  # type: ignore[arg-type]


def test_compare_never_writes_over_another_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    other = tmp_path / "other.db"
    assert run(capsys, "--db", str(other), "import", SEED_A)[0] == EXIT_OK
    before = other.read_bytes()
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "-o", str(other), "--format", "html")
    assert code == EXIT_REFUSED
    assert "is a database" in err
    assert other.read_bytes() == before


@pytest.mark.parametrize("target", ["library", "report"])
def test_a_screenshot_never_replaces_the_library_or_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    library = tmp_path / "lib"
    assert run(capsys, "--db", str(library), "import", SEED_A)[0] == EXIT_OK
    report = tmp_path / "a.txt"
    report.write_bytes(Path(SEED_A).read_bytes())
    kept = library if target == "library" else report
    before = kept.read_bytes()
    code, _, err = run(
        capsys, "--db", str(library), "--compare", str(report), SEED_B, "--screenshot", str(kept)
    )
    assert code == EXIT_USAGE
    what = "the library" if target == "library" else "report A"
    assert f"cannot save the screenshot: {kept} is {what}" in err
    assert kept.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("out.pdf", b"%PDF-"),
        ("out.html", b"<!DOCTYPE html>"),
        ("out.json", b"{"),
        ("out.csv", b"status,"),
    ],
)
def test_compare_output_format_follows_the_file_extension(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    name: str,
    starts: bytes,
) -> None:
    if name.endswith(".pdf"):
        request.getfixturevalue("qapp")  # PDF goes through Qt: the session's application
    out = tmp_path / name
    code, _, _ = run(capsys, "compare", SEED_A, SEED_B, "-o", str(out))
    assert code == EXIT_OK
    assert out.read_bytes().lstrip().startswith(starts)


def test_compare_refuses_a_file_type_it_does_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.docx"  # text under a word processor's name would not open there
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "-o", str(out))
    assert code == EXIT_USAGE
    assert "does not write .docx files" in err
    assert not out.exists()
    code, _, _ = run(capsys, "compare", SEED_A, SEED_B, "-o", str(tmp_path / "out.md"))
    assert code == EXIT_OK  # text-like names take the text format


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("out.pdf", "text"), ("out.txt", "pdf")],  # text in a "PDF"; a PDF under a text name
)
def test_compare_refuses_an_extension_that_names_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fmt: str
) -> None:
    out = tmp_path / name
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "--format", fmt, "-o", str(out))
    assert code == EXIT_USAGE
    assert f"names a {out.suffix} file but --format is {fmt}" in err
    assert not out.exists()


def test_compare_json_flag_is_format_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--json")
    assert code == EXIT_OK
    assert json.loads(out)["schema"].startswith("reportdiff.comparison/")


def test_compare_to_an_empty_file_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "-o", "")
    assert code == EXIT_USAGE
    assert "-o needs a file name" in err


def test_comparing_a_report_with_itself_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", SEED_A, SEED_A)
    assert code == EXIT_OK
    assert "A and B are the same text" in err
    assert "A:" in out


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["list", "--bogus"], "usage: reportdiff list"),
        (["delete", "4", "5"], "usage: reportdiff delete"),
    ],
)
def test_an_unknown_argument_shows_its_commands_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert err.startswith(usage)
    assert "unrecognized arguments" in err


EVIL_TITLE = "Evil \x1b]0;pwned\x07\x1b[2J\x1b[8mHidden \u202eRTL"


@pytest.fixture
def evil_report(tmp_path: Path) -> Path:
    body = " ".join(["The quake killed 12 people on Monday in the town, officials said."] * 12)
    path = tmp_path / "evil.txt"
    path.write_text(f"{EVIL_TITLE}\n\n{body}\n", encoding="utf-8")
    return path


def _no_controls(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\u202e" not in text


def test_terminal_escapes_in_a_report_are_shown_not_obeyed(
    db: Path, evil_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", str(evil_report))
    assert code == EXIT_OK
    _no_controls(out + err)
    assert "\u241b]0;pwned\u2407" in out  # ESC and BEL as their control pictures
    assert "\ufffdRTL" in out
    for argv in (["list"], ["show", "1"], ["compare", str(evil_report), SEED_B]):
        code, out, err = run(capsys, *argv)
        assert code == EXIT_OK, argv
        _no_controls(out + err)
        assert "\u241b" in out, argv


def test_machine_output_keeps_the_text_exact(
    db: Path, evil_report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(evil_report))
    listed = run_json(capsys, "list")
    assert listed[0]["title"] == EVIL_TITLE  # type: ignore[index]
    out = tmp_path / "c.txt"
    assert run(capsys, "compare", str(evil_report), SEED_B, "-o", str(out))[0] == EXIT_OK
    _no_controls(out.read_text(encoding="utf-8"))  # a text file is read in a terminal too


@pytest.mark.slow
def test_a_screenshot_that_times_out_ends_the_process_at_once(tmp_path: Path) -> None:
    """A comparison that cannot be interrupted no longer keeps the process alive
    after the window gave up on it (issue 15: it burned a core for minutes)."""
    import random
    import time

    rng = random.Random(1)
    words = [
        "the",
        "quake",
        "killed",
        "people",
        "in",
        "the",
        "town",
        "on",
        "monday",
        "officials",
        "said",
        "rescuers",
    ]

    def text() -> str:
        paragraphs = (
            " ".join(f"{rng.choice(words)} {rng.randint(1, 999)}" for _ in range(60)) + "."
            for _ in range(3000)
        )
        return "Big\n\n" + "\n\n".join(paragraphs)

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text(), encoding="utf-8")
    b.write_text(text(), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "REPORTDIFF_SCREENSHOT_TIMEOUT_MS": "1000",
    }
    argv = [sys.executable, "-m", "reportdiff.cli", "--db", str(tmp_path / "lib.db")]
    started = time.monotonic()
    done = subprocess.run(
        [*argv, "--compare", str(a), str(b), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    waited = time.monotonic() - started
    assert done.returncode == 1
    assert "did not appear in time" in done.stderr
    assert not (tmp_path / "x.png").exists()
    # The comparison alone takes longer than the whole run did: it was not waited for.
    started = time.monotonic()
    subprocess.run(
        [*argv, "compare", str(a), str(b), "--format", "json", "-o", str(tmp_path / "c.json")],
        capture_output=True,
        env=env,
        timeout=600,
        check=True,
    )
    assert waited < time.monotonic() - started + 1.0


def test_event_matrix_of_the_seeds(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", str(SEEDS), "--event", "Energy truce")[0] == EXIT_OK
    code, out, _ = run(capsys, "event", "energy truce")
    assert code == EXIT_OK
    assert "⚠ disagree: phone call duration" in out
    assert "more than 90 minutes" in out
    assert "two and a half hours" in out
    code, out, _ = run(capsys, "event", "1", "--format", "json")
    data = json.loads(out)
    assert len(data["reports"]) == 5
    first = data["rows"][0]
    assert (first["status"], first["what"]) == ("disagree", "phone call duration")
    told = {cell["text"] for cell in first["cells"] if cell}
    assert told == {"more than 90 minutes", "two and a half hours"}
    target = tmp_path / "matrix.pdf"
    assert run(capsys, "event", "Energy truce", "-o", str(target))[0] == EXIT_OK
    assert target.read_bytes().startswith(b"%PDF")
    for suffix in ("csv", "html"):
        target = tmp_path / f"matrix.{suffix}"
        assert run(capsys, "event", "Energy truce", "-o", str(target))[0] == EXIT_OK
        text = target.read_text(encoding="utf-8")
        assert "two and a half hours" in text
        if suffix == "html":
            assert "<script" not in text
        else:
            assert text.startswith("what,status,")


def test_an_unknown_event_is_a_clear_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(SEEDS), "--event", "Energy truce")
    code, _, err = run(capsys, "event", "Floods")
    assert code == EXIT_USAGE
    assert "no event 'Floods' in the library (events: #1 Energy truce)" in err
    assert "Traceback" not in err


def _seed_ids(lib: Library) -> tuple[int, int]:
    """The library ids of seeds 001 and 003 (the pair whose call lengths differ)."""
    ids = [s.id for s in lib.list_articles()]
    sources = lib.source_paths(ids)
    a, b = (next(i for i in ids if Path(sources[i]).name.startswith(p)) for p in ("001_", "003_"))
    return a, b


def test_compare_of_library_ids_carries_the_stored_review(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportdiff.engine import compare
    from reportdiff.review import figure_key, figure_label
    from reportdiff.store import Library

    run(capsys, "import", str(SEEDS))
    with Library.open(db) as lib:
        a, b = _seed_ids(lib)
        comparison = compare(lib.report(a), lib.report(b))
        k = next(k for k, f in enumerate(comparison.figures) if f.status == "differs")
        pair = comparison.figures[k]
        lib.set_review(
            a, b, figure_key(comparison, pair), decision="confirmed", note="=checked",
            label=figure_label(pair),
        )  # fmt: skip
    _, out, _ = run(capsys, "compare", str(a), str(b), "--format", "json")
    data = json.loads(out)
    assert data["figures"][k]["review"] == {"decision": "confirmed", "note": "=checked"}
    assert data["outdated_reviews"] == []
    _, out, _ = run(capsys, "compare", str(a), str(b), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    reviewed = [r for r in rows if r["review"]]
    assert [(r["review"], r["review_note"]) for r in reviewed] == [("confirmed", "'=checked")]
    # files, not ids: no review is looked up
    _, out, _ = run(
        capsys, "compare", str(SEEDS / "001_b09a5fa10f149ba2.txt"),
        str(SEEDS / "003_f4d5323a934206aa.txt"), "--format", "json",
    )  # fmt: skip
    assert "outdated_reviews" not in json.loads(out)


def test_compare_of_library_ids_shows_rows_and_pairs_made_by_hand(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportdiff.engine import compare
    from reportdiff.review import hand_pair_key, link_key, row_key
    from reportdiff.store import Library

    run(capsys, "import", str(SEEDS))
    with Library.open(db) as lib:
        a, b = _seed_ids(lib)
        c = compare(lib.report(a), lib.report(b))
        lone_a = next(p for p in c.figures if p.status == "only_a")
        lone_b = next(p for p in c.figures if p.status == "only_b")
        row = next(g for g in c.alignment if g.linked)
        lib.set_review(
            a, b, hand_pair_key(c, lone_a.a, lone_b.b), decision="paired", note=None, label="p"
        )
        lib.set_review(a, b, row_key(c, row), decision=None, note="Two sources", label="r")
        lone = next(g for g in c.alignment if g.b and not g.a)
        lib.set_review(
            a, b, link_key(c, row.a, row.b + lone.b), decision="linked", note=None, label="l"
        )
    _, out, _ = run(capsys, "compare", str(a), str(b), "--format", "json")
    data = json.loads(out)
    (made,) = [f for f in data["figures"] if f.get("by_hand")]
    assert (made["a"]["text"], made["b"]["text"]) == (lone_a.a.text, lone_b.b.text)  # type: ignore[union-attr]
    (linked,) = [g for g in data["alignment"] if g.get("by_hand")]
    assert linked["b"] == sorted(row.b + lone.b)
    # the note was on the engine's row, which the link changed: outdated, not lost
    assert [r["note"] for r in data["outdated_reviews"]] == ["Two sources"]
    _, out, _ = run(capsys, "compare", str(a), str(b), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["review"] for r in rows if r["review"]] == ["paired by hand"]
    _, text, _ = run(capsys, "compare", str(a), str(b))
    assert "linked by hand" in text
    assert "(paired by hand)" in text or made["status"] == "same"


@pytest.mark.parametrize("command", [["list"], ["events"], ["compare", "1", "2"]])
def test_a_device_as_the_library_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, out, err = run(capsys, *command, "--db", "/dev/null")
    assert code == 2
    assert "/dev/null: not a library file (a device, pipe or socket)" in err
    assert "no library at" not in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from reportdiff import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"reportdiff {__version__}"


def test_update_gives_a_report_newer_text_and_keeps_its_review(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from reportdiff.engine import compare
    from reportdiff.review import figure_key, figure_label
    from reportdiff.store import Library

    run(capsys, "import", str(SEEDS))
    with Library.open(db) as lib:
        a, b = _seed_ids(lib)
        c = compare(lib.report(a), lib.report(b))
        pair = next(f for f in c.figures if f.status == "differs")
        lib.set_review(
            a, b, figure_key(c, pair), decision="confirmed", note=None, label=figure_label(pair)
        )
        body = lib.article(a).body
    newer = tmp_path / "newer.txt"
    newer.write_text(body.replace("more than 90 minutes", "about 95 minutes"), encoding="utf-8")
    code, out, _ = run(capsys, "update", str(a), str(newer))
    assert code == EXIT_OK
    assert out.startswith(f"updated report #{a} ")
    _, out, _ = run(capsys, "compare", str(a), str(b), "--format", "json")
    assert [r["decision"] for r in json.loads(out)["outdated_reviews"]] == ["confirmed"]
    # the same text again: nothing to do; another report's text: refused, unchanged
    assert run(capsys, "update", str(a), str(newer))[0] == EXIT_OK
    code, _, err = run(capsys, "update", str(b), str(newer))
    assert code == EXIT_REFUSED
    assert f"that text is report #{a} already; report #{b} is unchanged" in err


def test_an_import_that_adds_nothing_leaves_no_new_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    code, _, err = run(capsys, "--db", str(db), "import", str(tmp_path / "missing.txt"))
    assert code == EXIT_REFUSED
    assert "no such file" in err
    assert list(tmp_path.iterdir()) == []  # no library file, no -wal, no -shm
    code, _, _ = run(capsys, "--db", str(db), "import", str(SEEDS / "001_b09a5fa10f149ba2.txt"))
    assert code == EXIT_OK
    assert db.exists()
