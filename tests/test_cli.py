"""The `reportdiff` library commands, run in-process on real temporary libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
    code, _, err = run(capsys, "list")
    assert code == EXIT_USAGE
    assert "no library here" in err
    assert not db.exists()


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
