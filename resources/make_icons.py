"""Render resources/icons/reportdiff.svg to the PNG sizes a desktop needs.

Run from the project's root after changing the SVG:
    .venv/bin/python resources/make_icons.py
Uses Qt's own SVG renderer (PySide6.QtSvg, part of PySide6-Essentials), so
no other program is needed; it runs headless.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"{target}: cannot write the PNG")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "reportdiff.svg"
    for size in SIZES:
        target = ICONS / f"reportdiff-{size}.png"
        render(svg, size, target)
        print(f"wrote {target}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
