"""The registry-derived part of the catalogue (``registries.json``), consulted only on a miss.

The blocklist and the curated catalogue are loaded on every run and their names compiled into
the matcher's one regex. The ~1,900 datasets that ``scripts/registries.py`` generated are not:
they would triple that regex and the rows a pre-commit hook loads, for names most commits never
use. They form an index of plain keys that is read only when the curated knowledge leaves a
loader id, a download URL or a data path unresolved (or a dataset id unknown), so a run that
needs none of them pays nothing, and a generated name never fires in prose: only where code
already names a dataset (a loader call, a download, a data path, a config value).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any, TypeVar

from datasheet_lint.lazyregex import lazy
from datasheet_lint.names import normalise

T = TypeVar("T")
SCHEME = lazy(r"^[a-z0-9+.-]+://(www\.)?", re.IGNORECASE)
DRIVE_ID = lazy(r"(?:[?&]id=|/d/)([A-Za-z0-9_-]{20,})")
EXTENSION = lazy(r"(\.[a-z0-9]{1,5})+$", re.IGNORECASE)
# The columns of an entry row: what a run needs of a generated dataset.
NAME, HOMEPAGE, LICENCE, LICENCE_SOURCE, CONFIDENCE = range(5)


def loader_key(source: str, name: str) -> str:
    return f"{source}\0{name.strip().casefold()}"


def url_key(url: str) -> str:
    """A URL without scheme, ``www.``, query or fragment, with separators dropped per part."""
    bare = SCHEME.sub("", url.strip()).split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return "/".join(normalise(part) for part in bare.split("/"))


def index_rows(generated: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The generated document as lookups: loader key, URL key and name key -> dataset id,
    and the entry rows by id."""
    parts: dict[str, dict[str, Any]] = {"loader": {}, "url": {}, "name": {}, "entries": {}}

    def add(dataset_id: str, record: Mapping[str, Any]) -> None:
        for source, names in record.get("loaders", {}).items():
            for name in names:
                parts["loader"].setdefault(loader_key(source, name), dataset_id)
        for item in record.get("urls") or ():
            value = item.get("url") or item.get("gdrive_id")
            if value:
                parts["url"].setdefault(url_key(value), dataset_id)
        for alias in record.get("aliases") or ():
            parts["name"].setdefault(normalise(alias["value"]), dataset_id)

    for record in generated["extensions"]:
        add(record["extends"], record)
    for record in generated["datasets"]:
        add(record["id"], record)
        parts["entries"][record["id"]] = [
            record["name"],
            record.get("homepage"),
            record.get("licence"),
            record.get("licence_source"),
            record.get("confidence"),
        ]
    return parts


@cache
def _lookup(kind: str) -> Any:
    """One of the lookups ``scripts/build_knowledge.py`` builds with the package from
    ``index_rows``, read the first time a run misses on that kind."""
    from datasheet_lint.packagedata import load_json

    return load_json(__package__, f"registries-{kind}.json")


def keys(kind: str) -> dict[str, str]:
    """One lookup: ``loader``, ``url`` or ``name`` key -> dataset id."""
    found: dict[str, str] = _lookup(kind)
    return found


def entries() -> dict[str, list[str | None]]:
    """The generated datasets' rows by id."""
    found: dict[str, list[str | None]] = _lookup("entries")
    return found


def by_loader(source: str, name: str) -> str | None:
    return keys("loader").get(loader_key(source, name))


def by_url(url: str) -> str | None:
    """The dataset whose generated URL is this URL or a folder above it, or whose Google
    Drive file this is."""
    lookup = keys("url")
    drive = DRIVE_ID.search(url)
    if drive is not None and "google.com" in url:
        return lookup.get(url_key(drive.group(1)))
    parts = url_key(url).split("/")
    for end in range(len(parts), 1, -1):  # a host alone names no dataset
        found = lookup.get("/".join(parts[:end]))
        if found is not None:
            return found
    return None


def by_path(path: str) -> str | None:
    """The dataset a folder or file of a data path is named after (``data/wmt14_xx/train``):
    generated names are distinctive, and a path is one of the places a name counts."""
    lookup = keys("name")
    for part in path.replace("\\", "/").split("/"):
        for name in dict.fromkeys((part, EXTENSION.sub("", part))):
            found = lookup.get(normalise(name)) if name else None
            if found is not None:
                return found
    return None


def by_name(name: str) -> str | None:
    return keys("name").get(normalise(name))


class Entries(Mapping[str, T]):
    """The curated entries, then the generated ones by id: those are read only when an id
    is not curated, and made into entries (``make``) one at a time."""

    def __init__(self, curated: Mapping[str, T], make: Callable[[str, list[str | None]], T]):
        self._curated = curated
        self._make = make
        self._made: dict[str, T] = {}

    def __getitem__(self, dataset_id: str) -> T:
        found = self._curated.get(dataset_id)
        if found is not None:
            return found
        if ":" in dataset_id:  # an unresolved reference (local:..., hf:...): never generated
            raise KeyError(dataset_id)
        made = self._made.get(dataset_id)
        if made is None:
            row = entries()[dataset_id]  # KeyError for an unknown id
            made = self._made[dataset_id] = self._make(dataset_id, row)
        return made

    def __contains__(self, dataset_id: object) -> bool:
        if dataset_id in self._curated:
            return True
        return isinstance(dataset_id, str) and ":" not in dataset_id and dataset_id in entries()

    def __iter__(self) -> Iterator[str]:
        yield from self._curated
        yield from (key for key in entries() if key not in self._curated)

    def __len__(self) -> int:
        return sum(1 for _ in self)
