"""``python -m datasheet_lint``."""

from __future__ import annotations

from datasheet_lint.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
