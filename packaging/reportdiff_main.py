"""The standalone bundle's program: the `reportdiff` command, frozen by
packaging/reportdiff.spec (no argument starts the window)."""

import sys

from reportdiff.cli import main

if __name__ == "__main__":
    sys.exit(main())
