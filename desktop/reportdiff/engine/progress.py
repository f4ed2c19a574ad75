"""Progress and cancelling for long comparisons.

The engine is plain Python and knows nothing of threads or windows: a caller
that wants to follow a comparison passes a `Progress` function. The engine
calls it now and then with the stage it is in and how far the whole
comparison has come (0..1); the function may raise `Cancelled` to stop the
work there (the window's Cancel button does). Nothing half-done is cached.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, float], None]


class Cancelled(Exception):  # noqa: N818 (a user's request, not an error)
    """The comparison was stopped before its end."""


def quiet(_stage: str, _done: float) -> None:
    """The `Progress` of a caller that does not follow the work."""


def part(progress: Progress, stage: str, start: float, end: float) -> Callable[[float], None]:
    """A tick for one stage spanning `start`..`end` of the whole: tick(0.5) is halfway."""
    span = end - start

    def tick(fraction: float) -> None:
        progress(stage, start + span * min(1.0, max(0.0, fraction)))

    return tick
