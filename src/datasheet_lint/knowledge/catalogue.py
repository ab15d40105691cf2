"""The catalogue: widely used datasets, their names in code, loader ids and stated licences.

It resolves a reference to a canonical id (``MNIST``, ``ylecun/mnist`` and
``keras.datasets.mnist`` are all ``mnist``). Licence facts are carried with their sources for
the licence rules; the matcher only uses names, loader ids and URLs.
"""

import functools
from collections.abc import Mapping
from typing import Any, NamedTuple

from datasheet_lint.knowledge.blocklist import Alias, alias_records


class CatalogueEntry(NamedTuple):
    id: str
    name: str
    homepage: str | None
    licence: str | None
    sourced: bool
    blocklist: str | None  # a related blocklist entry (e.g. an older, withdrawn release)
    licence_source: str | None = None  # where the licence is stated
    licence_confidence: str | None = None  # high / medium / low, as the catalogue records it
    names: tuple[str, ...] = ()  # the aliases, as spelled in the catalogue
    loaders: tuple[tuple[str, str], ...] = ()  # (source, name) pairs, e.g. ("hf", "ylecun/mnist")
    commercial: bool | None = None  # commercial use allowed per the licence source; None: unclear


class Catalogue(NamedTuple):
    datasets: Mapping[str, CatalogueEntry]
    aliases: tuple[Alias, ...]
    loaders: Mapping[tuple[str, str], str]  # (source, name casefolded) -> id
    data_version: str

    def by_loader(self, source: str, name: str) -> str | None:
        return self.loaders.get((source, name.casefold()))


def parse(document: Mapping[str, Any]) -> Catalogue:
    datasets: dict[str, CatalogueEntry] = {}
    aliases: list[Alias] = []
    loaders: dict[tuple[str, str], str] = {}
    for raw in document["datasets"]:
        entry = CatalogueEntry(
            id=raw["id"],
            name=raw["name"],
            homepage=raw.get("homepage"),
            licence=raw.get("licence"),
            sourced=bool(raw.get("sourced", True)),
            blocklist=raw.get("blocklist"),
            licence_source=raw.get("licence_source"),
            licence_confidence=raw.get("confidence"),
            commercial=raw["commercial"] if isinstance(raw.get("commercial"), bool) else None,
            names=tuple(str(a["value"]) for a in raw.get("aliases") or () if "value" in a),
            loaders=tuple(
                (str(source), str(name))
                for source, names in (raw.get("loaders") or {}).items()
                for name in names
            ),
        )
        datasets[entry.id] = entry
        aliases.extend(alias_records(raw, entry.id))
        # Names the blocklist keeps as look-alikes (CIFAR-10 is not 80M Tiny Images): they are
        # this entry's own names, and the matcher lets a dataset's name replace a look-alike.
        aliases.extend(
            Alias(str(name), entry.id) for name in raw.get("blocklist_look_alikes") or ()
        )
        for source, names in (raw.get("loaders") or {}).items():
            for name in names:
                loaders.setdefault((source, str(name).casefold()), entry.id)
    return Catalogue(datasets, tuple(aliases), loaders, str(document["data_version"]))


@functools.cache
def builtin() -> Catalogue:
    """The shipped catalogue, from the JSON built from ``catalogue.yaml`` (and checked against
    its schema) by ``scripts/build_knowledge.py``. This is the catalogue's loader: every
    command that reads the shipped catalogue calls it (parsed once per process)."""
    from datasheet_lint.packagedata import load_json

    return parse(load_json(__package__, "catalogue.json"))
