"""The library of reports: SQLite through sqlite-utils, no Qt.

`Library` is the entry point; `read_report_file` reads a file, and
`read_address` a web page, the way an import would, without a library.
Errors come in two kinds: `LibraryError` (and subclasses: the environment's
fault, with a one-line message) and `LibraryBug` (ours).
"""

from reportdiff.store.database import DEFAULT_TIMEOUT, library_exists
from reportdiff.store.errors import (
    DuplicateReport,
    ImportRefused,
    LibraryBug,
    LibraryDamaged,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    NoLibrary,
    NotALibrary,
)
from reportdiff.store.fetch import FetchLimits, read_address
from reportdiff.store.importer import (
    MAX_BYTES,
    ImportedText,
    SkippedFile,
    content_hash,
    read_report_file,
)
from reportdiff.store.library import (
    Article,
    ArticleSummary,
    Event,
    ImportResult,
    Library,
    bundled_share,
    default_library_path,
    fts_query,
    resolve_library_path,
    seeds_dir,
)
from reportdiff.store.schema import SCHEMA_VERSION
from reportdiff.store.titles import suggest_event_name

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "Article",
    "ArticleSummary",
    "DuplicateReport",
    "Event",
    "FetchLimits",
    "ImportRefused",
    "ImportResult",
    "ImportedText",
    "Library",
    "LibraryBug",
    "LibraryDamaged",
    "LibraryError",
    "LibraryLocked",
    "LibraryTooNew",
    "NoLibrary",
    "NotALibrary",
    "SkippedFile",
    "bundled_share",
    "content_hash",
    "default_library_path",
    "fts_query",
    "library_exists",
    "read_address",
    "read_report_file",
    "resolve_library_path",
    "seeds_dir",
    "suggest_event_name",
]
