"""A datasheet as the rules see it: plain data in the datasheet format's shape, with positions.

Whatever the file was (a YAML datasheet, a Hugging Face dataset card, a Croissant file), it is
mapped into the shape of ``schemas/datasheet.schema.json``; ``anchors`` remember where each
node was written so that a finding can point at ``path:line:col``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from datasheet_lint.models import Location

Path = tuple[str | int, ...]  # a node's path in the document: ("distribution", "license")

TODO = "TODO"  # what `init` writes where only a person can answer


def is_todo(value: Any) -> bool:
    """True for the placeholder `init` writes (``TODO`` or ``TODO: what to write``)."""
    return isinstance(value, str) and value.lstrip().startswith(TODO)


@dataclass(frozen=True, slots=True)
class Datasheet:
    """One datasheet file, mapped into the datasheet model."""

    path: str  # repository-relative file
    format: str  # "yaml", "hf-card" or "croissant"
    data: Mapping[str, Any]
    anchors: Mapping[Path, tuple[int, int]] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, *path: str | int) -> Any:
        """The value at ``path``, or None if any step is missing or of the wrong type."""
        node: Any = self.data
        for key in path:
            in_list = isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node)
            in_mapping = isinstance(key, str) and isinstance(node, Mapping) and key in node
            if in_list or in_mapping:
                node = node[key]
            else:
                return None
        return node

    def text(self, *path: str | int) -> str | None:
        """A string value that is filled in (not empty and not a TODO), else None."""
        value = self.get(*path)
        if isinstance(value, str) and value.strip() and not is_todo(value):
            return value.strip()
        return None

    def location(self, *path: str | int) -> Location:
        """Where the node at ``path`` (or its nearest written ancestor) is; else line 1."""
        for end in range(len(path), 0, -1):
            where = self.anchors.get(tuple(path[:end]))
            if where is not None:
                return Location(self.path, where[0], where[1])
        return Location(self.path, 1, 1)

    # The fields rules read most, by name.
    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    @property
    def name(self) -> str:
        return self.text("name") or self.id or self.path

    @property
    def aliases(self) -> tuple[str, ...]:
        return _strings(self.get("aliases"))

    @property
    def loaders(self) -> tuple[tuple[str, str], ...]:
        """(library, name) pairs from ``loaders``: ``("hf", "ylecun/mnist")``."""
        loaders = self.get("loaders")
        if not isinstance(loaders, Mapping):
            return ()
        return tuple(
            (str(source), name) for source, value in loaders.items() for name in _strings(value)
        )

    @property
    def license(self) -> str | None:
        return self.text("distribution", "license")

    @property
    def status(self) -> str | None:
        return self.text("maintenance", "status")

    @property
    def activities(self) -> tuple[str, ...] | None:
        """What this repository does with the dataset, if the datasheet narrows it."""
        value = self.get("uses", "this_repository")
        return _strings(value) or None if isinstance(value, list) else None

    @property
    def derived_from(self) -> tuple[tuple[int, str, str], ...]:
        """(index, id, relation) of each ``lineage.derived_from`` item with an id."""
        items = self.get("lineage", "derived_from")
        if not isinstance(items, list):
            return ()
        result = []
        for index, item in enumerate(items):
            value = item.get("id") if isinstance(item, Mapping) else None
            if isinstance(value, str) and value.strip() and not is_todo(value):
                result.append((index, item["id"].strip(), str(item.get("relation") or "")))
        return tuple(result)


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip() and not is_todo(v))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a datasheet file itself, found while loading it."""

    kind: str  # "syntax", "schema", "todo" or "incomplete"
    location: Location
    message: str
    hint: str = ""
    surface: str = ""  # the offending key path, for stable fingerprints
