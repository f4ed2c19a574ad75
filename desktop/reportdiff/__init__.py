"""ReportDiff: compare two reports of one event."""

__version__ = "0.1.0"
APP_NAME = "ReportDiff"
APP_ID = "reportdiff"
