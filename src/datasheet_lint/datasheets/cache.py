"""Parsed YAML datasheets, remembered between runs: a pre-commit hook parses only what changed.

ruamel.yaml's pure-Python parser takes tens of milliseconds per datasheet, and every run needs
every datasheet (a changed file is covered by a datasheet nobody touched). One JSON file per
project under the user's cache folder (never in the repository) maps a hash of each
datasheet's text to its parse; it holds only the datasheets of the last run, so it never grows
beyond the project's own, and it is rewritten (atomically) only when something changed. Any
failure to read or write it only means parsing again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from datasheet_lint import __version__
from datasheet_lint.knowledge.cache import cache_dir, digest


class ParseCache:
    def __init__(self, root: Path, parse: Callable[[str], dict[str, Any]]) -> None:
        key = digest(__version__ + "\0" + str(root))
        self.path = cache_dir() / f"datasheets-{key}.json"
        self._parse = parse
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._old = loaded
        except (OSError, ValueError):
            pass

    def parse(self, text: str) -> dict[str, Any]:
        key = digest(text)
        found = self._new.get(key) or self._old.get(key)
        if not isinstance(found, dict):
            found = self._parse(text)
        self._new[key] = found
        return found

    def save(self) -> None:
        """Keep this run's datasheets only; write nothing if they are what was read."""
        if self._new.keys() == self._old.keys():
            return
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._new, out)
            Path(temporary).replace(self.path)
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
