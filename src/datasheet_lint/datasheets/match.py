"""Which datasheet covers which referenced dataset.

A datasheet covers a dataset when its id, one of its aliases or one of its loader ids resolves
to the same canonical dataset as the reference: first through the shipped blocklist and
catalogue (``ylecun/mnist``, ``MNIST`` and ``mnist_784`` are all ``mnist``), then by normalised
name (``my_faces`` and ``My-Faces`` are one dataset). A reference to a dataset the linter does
not know keeps the loader's own id (``hf:org/name``); its name part is matched by name too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from datasheet_lint.datasheets.model import Datasheet
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import Reference
from datasheet_lint.names import normalise

NAME = "name:"  # prefix of a name-only key, so it never equals a canonical id


def name_key(name: str) -> str | None:
    key = normalise(name)
    return NAME + key if key else None


def dataset_keys(dataset_id: str) -> frozenset[str]:
    """The keys of a referenced dataset: its canonical id and, for unknown ids, its name."""
    keys = {dataset_id}
    source, _, name = dataset_id.partition(":")
    if name and source in {"hf", "kaggle", "local"}:
        # "hf:org/my_data" -> "org/my_data" and "my_data"; "local:data/faces" -> "faces".
        for part in {name, name.rstrip("/").rsplit("/", 1)[-1]}:
            key = name_key(part)
            if key:
                keys.add(key)
    elif name and source not in {"url"}:
        key = name_key(name)
        if key:
            keys.add(key)
    elif not name:  # a catalogue or blocklist id
        key = name_key(dataset_id)
        if key:
            keys.add(key)
    return frozenset(keys)


def sheet_keys(sheet: Datasheet, knowledge: Knowledge) -> frozenset[str]:
    """Every key the datasheet claims, through the knowledge first and then by name."""
    keys: set[str] = set()
    for name in (sheet.id, *sheet.aliases, sheet.text("name") or ""):
        if not name:
            continue
        known = knowledge.known(name, whole=True)
        if known is not None:
            keys.add(known)
        key = name_key(name)
        if key:
            keys.add(key)
    for source, name in sheet.loaders:
        resolved = knowledge.resolve(source, name)
        if resolved is not None:
            keys.add(resolved)
            keys |= dataset_keys(resolved)
    return frozenset(keys)


class Coverage(NamedTuple):
    """Datasheets and referenced datasets, joined both ways."""

    sheets: Sequence[Datasheet]
    keys: Mapping[str, frozenset[str]]  # datasheet path -> keys it claims

    @classmethod
    def build(cls, sheets: Sequence[Datasheet], knowledge: Knowledge) -> Coverage:
        return cls(tuple(sheets), {s.path: sheet_keys(s, knowledge) for s in sheets})

    def sheets_for(self, dataset_id: str) -> tuple[Datasheet, ...]:
        """The datasheets that cover a referenced dataset, in path order."""
        wanted = dataset_keys(dataset_id)
        return tuple(s for s in self.sheets if self.keys[s.path] & wanted)

    def datasets_of(self, sheet: Datasheet, references: Iterable[Reference]) -> list[str]:
        """The referenced datasets a datasheet covers, sorted."""
        mine = self.keys[sheet.path]
        return sorted({r.dataset for r in references if dataset_keys(r.dataset) & mine})

    def canonical(self, sheet: Datasheet) -> frozenset[str]:
        """The keys that are canonical ids (not name keys): what the knowledge knows it as."""
        return frozenset(k for k in self.keys[sheet.path] if not k.startswith(NAME))
