"""What the linter knows, shipped inside the package: the blocklist and the catalogue."""

from __future__ import annotations
