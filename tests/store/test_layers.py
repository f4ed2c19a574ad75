"""The store stays plain Python: no Qt, and trafilatura or urllib3 only when HTML is
read or a page fetched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
from reportdiff.store import Library
with Library.open(sys.argv[1]) as lib:
    lib.seed_if_new()
    lib.search("energy")
print(",".join(m for m in ("PySide6", "trafilatura", "urllib3") if m in sys.modules))
"""


def test_store_imports_neither_qt_nor_trafilatura_nor_urllib3(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path / "library.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == ""
