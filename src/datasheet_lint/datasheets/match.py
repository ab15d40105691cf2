"""Which datasheet covers which referenced dataset.

A datasheet covers a dataset when its id, one of its aliases or one of its loader ids resolves
to the same canonical dataset as the reference: first through the shipped blocklist and
catalogue (``ylecun/mnist``, ``MNIST`` and ``mnist_784`` are all ``mnist``), then by normalised
name (``my_faces`` and ``My-Faces`` are one dataset).

Ids the linter does not know are matched by what they are, never by a bare name:
- Hub and Kaggle ids are owner-qualified: ``hf:acme/claims`` is not ``hf:evilcorp/claims``,
  however alike their names (another owner's dataset is another dataset). An id without an
  owner (``hf:imdb``, the Hub's global namespace) matches by its whole name.
- Local ids match by path prefix on whole path components: a datasheet for ``data/a``
  covers ``data/a/train.jsonl``, never ``data/b/train.jsonl`` nor ``data/ab``. A loader path
  with glob characters (a dataset card's ``data_files: data/train-*``) covers what it
  matches, and an empty path (a repository's root dataset card) covers the whole repository.
- ``load_dataset("org/name")`` in a repository that holds the folder ``org/name`` loads that
  folder (the Hub's own rule): a datasheet for ``local:org/name`` covers ``hf:org/name``.
- A download's whole address also claims the readable id it goes by
  (extract/download_ids.py): a datasheet written for ``url:s3.amazonaws.com/text-datasets/
  nietzsche.txt`` (before ids were readable, or by ``init``, which writes the address) covers
  ``url:nietzsche``, and still covers the whole id where a second source with the same name
  gives the download its whole id back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from datasheet_lint.datasheets.model import Datasheet
from datasheet_lint.globs import Glob
from datasheet_lint.knowledge.download_names import readable
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import Reference
from datasheet_lint.names import normalise

NAME = "name:"  # prefix of a name-only key, so it never equals a canonical id
OWNED = frozenset({"hf", "kaggle"})  # namespaces whose ids are "owner/name"
LOCAL = "local"
NO_NAME_KEYS = frozenset({*OWNED, LOCAL, "url"})  # ids that never match by their name alone
GLOB_CHARS = frozenset("*?[")


def name_key(name: str) -> str | None:
    key = normalise(name)
    return NAME + key if key else None


def _exact(dataset_id: str) -> str:
    """The id as a key: Hub and Kaggle ids ignore case, as the Hub and Kaggle do."""
    source, sep, name = dataset_id.partition(":")
    return f"{source}:{name.lower()}" if sep and source in OWNED else dataset_id


def dataset_keys(dataset_id: str) -> frozenset[str]:
    """The exact keys of a referenced dataset: its id and, for a name that is not a path,
    a Hub or Kaggle id or a URL, its normalised name."""
    keys = {_exact(dataset_id)}
    source, sep, name = dataset_id.partition(":")
    if sep and source == "hf" and name:
        keys.add(f"{LOCAL}:{name}")  # the folder load_dataset("org/name") reads when present
    # A Hub id without an owner ("hf:imdb") names a dataset of the Hub's global namespace:
    # its whole name is the id, so it matches like a library's name does.
    ownerless = source in OWNED and "/" not in name
    if not sep or (name and (source not in NO_NAME_KEYS or ownerless)):
        key = name_key(name if sep else dataset_id)
        if key:
            keys.add(key)
    return frozenset(keys)


class Claims(NamedTuple):
    """What one datasheet claims: exact keys, and local paths and patterns it covers."""

    keys: frozenset[str]
    folders: tuple[str, ...] = ()  # "" is the whole repository
    patterns: tuple[Glob, ...] = ()


def _local_path(dataset_id: str) -> str | None:
    source, sep, name = dataset_id.partition(":")
    return name.strip("/") if sep and source == LOCAL else None


def _is_under(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or inside it, compared on whole path components."""
    return folder == "" or path == folder or path.startswith(folder + "/")


def sheet_claims(sheet: Datasheet, knowledge: Knowledge) -> Claims:
    """Every key, folder and pattern the datasheet claims, through the knowledge first."""
    keys: set[str] = set()
    loaders = list(sheet.loaders)
    for name in (sheet.id, *sheet.aliases, sheet.text("name") or ""):
        if not name:
            continue
        source, sep, rest = name.partition(":")
        if sep and rest and source in NO_NAME_KEYS:
            loaders.append((source, rest))  # an id written with its source: "hf:acme/claims"
            continue
        known = knowledge.known(name, whole=True)
        if known is not None:
            keys.add(known)
        key = name_key(name)
        if key:
            keys.add(key)
    folders: list[str] = []
    patterns: list[Glob] = []
    for source, name in loaders:
        if source == LOCAL and GLOB_CHARS & set(name):
            patterns.append(Glob(name.strip().removeprefix("./").strip("/")))
            continue
        if source == LOCAL and name.strip() in {"", ".", "./"}:
            folders.append("")
            continue
        resolved = knowledge.resolve(source, name)
        if resolved is None:
            continue
        keys.add(_exact(resolved))
        keys |= {key for key in dataset_keys(resolved) if key.startswith(NAME)}
        named = readable(resolved) if resolved.startswith("url:") else None
        if named is not None:  # a download's readable id (extract/download_ids.py)
            keys.add(f"url:{named.name}")
        folder = _local_path(resolved)
        if folder is not None:
            folders.append(folder)
    return Claims(frozenset(keys), tuple(folders), tuple(patterns))


def sheet_keys(sheet: Datasheet, knowledge: Knowledge) -> frozenset[str]:
    """Every exact key the datasheet claims (ids, names, loader ids)."""
    return sheet_claims(sheet, knowledge).keys


def _strength(claims: Claims, dataset_id: str) -> int:
    """How closely the claims cover the dataset: 0 not at all; an exact key beats the
    longest folder, which beats a shorter one or a pattern."""
    wanted = dataset_keys(dataset_id)
    if claims.keys & wanted:
        return 1 << 20
    path = _local_path(dataset_id)
    if path is None:
        return 0
    best = 0
    for folder in claims.folders:
        if _is_under(path, folder):
            best = max(best, 2 + folder.count("/") + (1 if folder else 0))
    if any(glob.matches(path) for glob in claims.patterns):
        best = max(best, 1)
    return best


class Coverage(NamedTuple):
    """Datasheets and referenced datasets, joined both ways."""

    sheets: Sequence[Datasheet]
    keys: Mapping[str, frozenset[str]]  # datasheet path -> exact keys it claims
    claims: Mapping[str, Claims] = MappingProxyType({})

    @classmethod
    def build(cls, sheets: Sequence[Datasheet], knowledge: Knowledge) -> Coverage:
        claims = {s.path: sheet_claims(s, knowledge) for s in sheets}
        return cls(tuple(sheets), {path: c.keys for path, c in claims.items()}, claims)

    def covers(self, sheet: Datasheet, dataset_id: str) -> bool:
        claims = self.claims.get(sheet.path)
        return claims is not None and _strength(claims, dataset_id) > 0

    def sheets_for(self, dataset_id: str) -> tuple[Datasheet, ...]:
        """The datasheets that cover a referenced dataset, closest first, then in path order
        (a datasheet for ``data/faces`` before the one for all of ``data``)."""
        ranked = []
        for sheet in self.sheets:
            claims = self.claims.get(sheet.path)
            strength = _strength(claims, dataset_id) if claims is not None else 0
            if strength:
                ranked.append((-strength, sheet.path, sheet))
        return tuple(sheet for _, _, sheet in sorted(ranked, key=lambda item: item[:2]))

    def datasets_of(self, sheet: Datasheet, references: Iterable[Reference]) -> list[str]:
        """The referenced datasets a datasheet covers, sorted."""
        return sorted({r.dataset for r in references if self.covers(sheet, r.dataset)})

    def canonical(self, sheet: Datasheet) -> frozenset[str]:
        """The keys that are canonical ids (not name keys): what the knowledge knows it as."""
        return frozenset(k for k in self.keys[sheet.path] if not k.startswith(NAME))
