"""The catalogue: widely used datasets, their names in code, loader ids and stated licences.

It resolves a reference to a canonical id (``MNIST``, ``ylecun/mnist`` and
``keras.datasets.mnist`` are all ``mnist``). Licence facts are carried with their sources for
the licence rules; the matcher only uses names, loader ids and URLs.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from datasheet_lint.knowledge import registries
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
    aliases: tuple[Alias, ...]  # the curated names only: the generated ones are looked up
    loaders: Mapping[tuple[str, str], str]  # (source, name casefolded) -> id
    data_version: str
    generated: bool = False  # whether registries.json answers what the curated data does not
    # dataset id -> the folder and file names of its release (casefolded; '*' in a file name
    # stands for any part): the ``layouts`` section, read only in a file of that dataset
    layouts: Mapping[str, frozenset[str]] = MappingProxyType({})

    def by_loader(self, source: str, name: str) -> str | None:
        found = self.loaders.get((source, name.casefold()))
        if found is None and self.generated:
            found = registries.by_loader(source, name)
        return found

    def by_location(self, source: str, value: str) -> str | None:
        """A generated dataset a download URL or a data path names (curated ones are
        matched by name, with the blocklist's)."""
        if not self.generated:
            return None
        if source == "url":
            return registries.by_url(value)
        if source == "local":
            return registries.by_path(value)
        return None


def joined(curated: Catalogue) -> Catalogue:
    """The curated catalogue answering for the registry-derived one too: its ids, loader
    ids, URLs and data path names are read from registries.json only when asked for."""
    datasets = registries.Entries(curated.datasets, _generated_entry)
    return curated._replace(datasets=datasets, generated=True)


def _generated_entry(dataset_id: str, row: list[str | None]) -> CatalogueEntry:
    name, homepage, licence, source, confidence = row
    return CatalogueEntry(
        id=dataset_id,
        name=name or dataset_id,
        homepage=homepage,
        licence=licence,
        sourced=licence is not None,
        blocklist=None,
        licence_source=source,
        licence_confidence=confidence,
    )


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
    layouts: dict[str, set[str]] = {}
    for layout in document.get("layouts") or ():
        names = [str(name) for name in (*layout["unique"], *layout["shared"])]
        for dataset_id in layout["datasets"]:
            layouts.setdefault(str(dataset_id), set()).update(n.casefold() for n in names)
        # A name of one release alone is one of its names wherever it stands (the first
        # dataset listed is the release it comes from).
        owner = str(layout["datasets"][0])
        own = {a.value.casefold() for a in aliases if a.dataset == owner}
        aliases.extend(
            Alias(str(name), owner)
            for name in layout["unique"]
            if "*" not in str(name) and str(name).casefold() not in own
        )
    return Catalogue(
        datasets,
        tuple(aliases),
        loaders,
        str(document["data_version"]),
        layouts=MappingProxyType({key: frozenset(names) for key, names in layouts.items()}),
    )


def with_registries(curated: Mapping[str, Any], generated: Mapping[str, Any]) -> dict[str, Any]:
    """The curated document joined with the registry-derived entries (``registries.json``,
    written by ``scripts/registries.py``). Curated entries keep precedence: an ``extends``
    record only adds loader ids and URLs to the curated entry it names, and the generated
    datasets, whose names the script checked against both shipped files, follow. Each entry
    gains ``curated`` and ``registries`` (where its facts, or the added ones, came from)."""
    extensions = {record["extends"]: record for record in generated["extensions"]}
    datasets = []
    for raw in curated["datasets"]:
        record = extensions.get(raw["id"], {"registries": [], "loaders": {}})
        loaders = {kind: list(names) for kind, names in (raw.get("loaders") or {}).items()}
        for kind, names in record["loaders"].items():
            loaders[kind] = loaders.get(kind, []) + list(names)
        urls = [*(raw.get("urls") or ()), *record.get("urls", ())]
        joined = {"loaders": loaders, "urls": urls, "registries": record["registries"]}
        datasets.append({**raw, **joined, "curated": True})
    for raw in generated["datasets"]:
        datasets.append({**raw, "sourced": raw["licence"] is not None, "curated": False})
    return {**curated, "datasets": datasets}


@functools.cache
def builtin() -> Catalogue:
    """The shipped catalogue, from the JSON built from ``catalogue.yaml`` (and checked against
    its schema) by ``scripts/build_knowledge.py``. This is the catalogue's loader: every
    command that reads the shipped catalogue calls it (parsed once per process)."""
    from datasheet_lint.packagedata import load_json

    return joined(parse(load_json(__package__, "catalogue.json")))


@functools.cache
def shipped_document() -> dict[str, Any]:
    """The shipped catalogue as one document, catalogue.yaml (as built into catalogue.json)
    with registries.json: every fact of every entry, for ``datasheet-lint catalogue`` and the
    data tests (a run reads the curated rows and looks the generated ones up). Parsed once;
    callers only read it."""
    from datasheet_lint.packagedata import load_json

    curated: dict[str, Any] = load_json(__package__, "catalogue.json")
    return with_registries(curated, registry_document())


def registry_document() -> dict[str, Any]:
    """registries.json as written by scripts/registries.py."""
    from datasheet_lint.packagedata import load_json

    loaded: dict[str, Any] = load_json(__package__, "registries.json")
    return loaded
