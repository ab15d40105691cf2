"""datasheet-lint: keep ML repositories honest about the data they use."""

from __future__ import annotations

__version__ = "0.1.0"
