"""Unexpected errors are logged to a file and shown, never a silent exit."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest

from reportdiff.ui import errors


@pytest.fixture
def log_file(tmp_path: Path) -> Any:
    path = errors.setup_logging(tmp_path / "reportdiff.log")
    yield path
    for handler in list(errors.log.handlers):
        if isinstance(handler, logging.FileHandler):
            handler.close()
            errors.log.removeHandler(handler)


def _raise() -> Any:
    try:
        raise RuntimeError("the index is broken")
    except RuntimeError:
        return sys.exc_info()


def test_an_unexpected_exception_is_logged(log_file: Path, capsys: Any) -> None:
    text = errors.handle_exception(*_raise(), show=False)
    assert "RuntimeError: the index is broken" in text
    assert "the index is broken" in log_file.read_text(encoding="utf-8")


@pytest.mark.gui
def test_an_unexpected_exception_shows_a_dialog(
    qtbot: Any, log_file: Path, message_boxes: Any, capsys: Any
) -> None:
    errors.handle_exception(*_raise())
    [text] = message_boxes.texts("critical")
    assert "the index is broken" in text
    assert "library is unchanged" in text


def test_describe_is_one_line() -> None:
    assert errors.describe(ValueError("first\nsecond")) == "first"
    assert errors.describe(KeyError()) == "KeyError"
