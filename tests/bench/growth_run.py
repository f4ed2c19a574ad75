"""One side of the growth benchmark, in a process of its own (test_bench_growth.py).

    python growth_run.py TOOL WORDS

TOOL is "reportdiff" (parse, compare with figures, render the HTML the window
shows) or "htmldiff" (difflib.HtmlDiff.make_file on the same paragraphs).
Prints one JSON line: seconds and the process's peak memory in MB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    tool, words = sys.argv[1], int(sys.argv[2])
    from test_bench_engine import generated_texts

    text_a, text_b = generated_texts(words)
    t0 = time.perf_counter()
    if tool == "reportdiff":
        from reportdiff.engine import compare, parse_report
        from reportdiff.export.html import render_html

        comparison = compare(parse_report(text_a), parse_report(text_b))
        render_html(comparison, for_screen=True)
    else:
        import difflib

        difflib.HtmlDiff().make_file(text_a.split("\n\n"), text_b.split("\n\n"))
    seconds = time.perf_counter() - t0
    print(json.dumps({"tool": tool, "words": words, "seconds": seconds, "peak_mb": _peak_mb()}))


def _peak_mb() -> float:
    """This process's peak resident memory. Linux keeps `ru_maxrss` across fork and
    exec, so a child started by a large parent reports the parent's peak: VmHWM,
    which the new program starts afresh, is read where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
