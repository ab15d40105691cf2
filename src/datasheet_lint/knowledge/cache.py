"""A cache of parsed data files, keyed by their content, outside any repository.

The shipped YAML takes ~0.4 s to parse in pure Python, which a pre-commit hook would pay on
every commit; its JSON form loads in milliseconds. The cache lives under the user's cache
folder (``$XDG_CACHE_HOME`` or ``~/.cache``), is named by a hash of the source text (so a new
release never reads a stale file), is written atomically, and any failure to read or write it
only means the YAML is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from datasheet_lint import __version__


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "datasheet-lint"


def cached(name: str, source_text: str, build: Callable[[str], Any]) -> Any:
    """``build(source_text)``, remembered as JSON under a content-addressed file name."""
    digest = hashlib.sha256(f"{__version__}\0{source_text}".encode()).hexdigest()[:24]
    path = cache_dir() / f"{name}-{digest}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build(source_text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(value, out)
        Path(temporary).replace(path)
    except OSError:
        pass
    return value
