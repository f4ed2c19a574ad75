"""The engine must import without Qt (STYLE.md 1)."""

from __future__ import annotations

import subprocess
import sys


def test_engine_does_not_load_pyside6() -> None:
    code = (
        "import sys, reportdiff.engine, reportdiff.engine.align, reportdiff.engine.worddiff, "
        "reportdiff.export.text; "
        "from reportdiff.engine import compare_texts; compare_texts('a b', 'a c', figures=False); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
