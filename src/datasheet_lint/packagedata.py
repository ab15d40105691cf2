"""The data files built into the package by ``scripts/build_knowledge.py``.

They are read through the package's loader (``pkgutil.get_data``), so a wheel, a zip or a
read-only install all work. ``importlib.resources`` reads them the same way, but its imports
(``tempfile``, ``zipfile`` and more) are a noticeable share of a pre-commit run
(docs/performance.md).
"""

from __future__ import annotations

import json
import pkgutil
from typing import Any


def read_bytes(package: str, name: str) -> bytes:
    """A data file shipped in ``package`` (e.g. ``datasheet_lint.knowledge``)."""
    data = pkgutil.get_data(package, name)
    if data is None:  # a loader that cannot read data files: not one Python ships
        raise FileNotFoundError(f"{package}: {name} cannot be read")
    return data


def load_json(package: str, name: str) -> Any:
    """A JSON file built into ``package``: the shipped knowledge, terms and patterns."""
    return json.loads(read_bytes(package, name))
