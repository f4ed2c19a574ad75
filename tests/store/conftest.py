"""Fixtures owning temporary library files (closed after the test)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reportdiff.store import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

WriteFile = Callable[[str, str | bytes], Path]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.db", timeout=0.2) as lib:
        yield lib


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write a file under tmp_path/inputs: text as UTF-8, bytes as given."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write_file


ARTICLE = (
    "Storm Floods Coastal Towns\n\n"
    "Heavy rain flooded three coastal towns on Monday, forcing about 2,000 people "
    "from their homes.\n\n"
    "Rescue teams worked through the night, the regional council said.\n"
)
