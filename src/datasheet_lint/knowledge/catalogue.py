"""The catalogue: widely used datasets, their names in code, loader ids and stated licences.

It resolves a reference to a canonical id (``MNIST``, ``ylecun/mnist`` and
``keras.datasets.mnist`` are all ``mnist``). Licence facts are carried with their sources for
the licence rules; the matcher only uses names, loader ids and URLs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from datasheet_lint.knowledge.blocklist import (
    Alias,
    alias_of,
    alias_records,
    alias_row,
    parse_yaml,
)


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


def to_rows(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as plain JSON values, for the cache; ``from_rows`` turns them back."""
    entries = [
        [
            e.id,
            e.name,
            e.homepage,
            e.licence,
            e.sourced,
            e.blocklist,
            e.licence_source,
            e.licence_confidence,
            list(e.names),
            [list(pair) for pair in e.loaders],
            e.commercial,
        ]
        for e in catalogue.datasets.values()
    ]
    return {
        "entries": entries,
        "aliases": [alias_row(a) for a in catalogue.aliases],
        "loaders": [[source, name, to] for (source, name), to in catalogue.loaders.items()],
        "data_version": catalogue.data_version,
    }


def from_rows(rows: Mapping[str, Any]) -> Catalogue:
    """The Catalogue ``to_rows`` gave; TypeError (or another error) for rows of another shape."""
    from datasheet_lint.knowledge.blocklist import alias_columns
    from datasheet_lint.knowledge.cache import BOOL, OPTIONAL_STR, STR, text
    from datasheet_lint.knowledge.cache import rows as checked

    maybe = OPTIONAL_STR
    entry_row = (STR, STR, maybe, maybe, BOOL, maybe, maybe, maybe, [STR], [(STR, STR)],
                 frozenset({bool, type(None)}))  # fmt: skip
    if type(rows) is not dict:
        raise TypeError("cached catalogue rows are not a mapping")
    datasets = {}
    for row in checked(rows["entries"], entry_row):
        key, name, homepage, licence, sourced, blocklist, source, confidence = row[:8]
        names, loaders, commercial = row[8:]
        datasets[key] = CatalogueEntry(
            key,
            name,
            homepage,
            licence,
            sourced,
            blocklist,
            source,
            confidence,
            tuple(names),
            tuple((library, value) for library, value in loaders),
            commercial,
        )
    loaders = checked(rows["loaders"], (STR, STR, STR))
    return Catalogue(
        datasets,
        tuple(alias_of(row) for row in checked(rows["aliases"], alias_columns())),
        {(source, name): dataset for source, name, dataset in loaders},
        text(rows["data_version"]),
    )


_BUILTIN: Catalogue | None = None


def builtin() -> Catalogue:
    """The shipped catalogue (validated by the test suite, cached like the blocklist)."""
    global _BUILTIN
    if _BUILTIN is None:
        from datasheet_lint.knowledge import blocklist
        from datasheet_lint.knowledge.cache import cached, shipped_key

        # The key covers this parser and the blocklist's, whose alias_records it uses.
        key = shipped_key("catalogue.yaml", __file__, blocklist.__file__)
        _BUILTIN = cached("catalogue-rows", key, _builtin_rows, from_rows)
    return _BUILTIN


def _builtin_rows(_key: str) -> dict[str, Any]:
    from datasheet_lint.knowledge.cache import shipped_text

    return to_rows(parse(parse_yaml(shipped_text("catalogue.yaml"))))
