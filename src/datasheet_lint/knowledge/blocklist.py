"""The blocklist: retracted and deprecated datasets, their derivatives, and their names in code.

The shipped file is ``blocklist.yaml`` beside this module, built into ``blocklist.json`` by
``scripts/build_knowledge.py``; users add entries in the same schema
(``blocklist = ["org-blocklist.yaml"]`` in the config), parsed at run time. One ``parse``
turns either document into records. Each entry and derivative becomes a
``BlockedDataset``; each alias, URL and look-alike becomes an ``Alias`` for the matcher.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from datasheet_lint import sentences
from datasheet_lint.errors import UserError
from datasheet_lint.models import Severity
from datasheet_lint.names import normalise

REMOVED = frozenset({"retracted", "withdrawn", "taken-down"})
SUPERSEDED = frozenset({"deprecated", "replaced"})


class Source(NamedTuple):
    url: str
    says: str


class BlockedDataset(NamedTuple):
    """A blocklisted dataset: a top-level entry, or a derivative that points at its parent."""

    id: str
    name: str
    status: str
    date: str | None
    acted_by: str
    summary: str
    replacement: str | None
    confidence: str
    severity: Severity | None  # explicit override from the data, else derived from status
    sources: tuple[Source, ...]
    parent: str | None = None  # id of the entry this derivative was built from
    relation: str = ""
    carrier: bool = False
    origin: str = "builtin"

    @property
    def removed(self) -> bool:
        return self.status in REMOVED

    @property
    def default_severity(self) -> Severity:
        """Error for a removal stated with high confidence; warning otherwise."""
        if self.severity is not None:
            return self.severity
        if self.status in SUPERSEDED or self.confidence == "medium" or self.carrier:
            return Severity.WARNING
        return Severity.ERROR


class Alias(NamedTuple):
    """One way a dataset is named (a name, URL, host, token or Drive id), or a look-alike."""

    value: str
    dataset: str | None  # None: a look-alike that must never match (e.g. Re-LAION-5B)
    url: bool = False  # a URL, host, token or Drive id: where it appears, it is a download
    ambiguous: bool = False
    needs_near: bool = False
    near: tuple[str, ...] = ()
    model: str | None = None  # a model's name or download id: ``dataset`` is its training set
    names_models: bool = False  # a name of a dataset whose name in a weight's name is evidence
    title: bool = False  # its paper's title: the dataset where code cites it, not in prose


class BlockedModel(NamedTuple):
    """Pretrained weights trained on a blocklisted dataset: a model zoo's family of weights, or
    (``by_name``) every weight whose file, folder or hub name holds a name of its training set."""

    id: str
    name: str
    trained_on: str  # a blocklist id: the entry or one of its derivatives
    confidence: str
    sources: tuple[Source, ...]
    replacement: str | None = None
    by_name: bool = False


class Blocklist(NamedTuple):
    """All entries and aliases, from the shipped file and any user files."""

    datasets: Mapping[str, BlockedDataset]
    aliases: tuple[Alias, ...]
    data_version: str
    updated: str
    models: Mapping[str, BlockedModel] = MappingProxyType({})

    def get(self, dataset_id: str) -> BlockedDataset | None:
        return self.datasets.get(dataset_id)

    def parent_of(self, dataset: BlockedDataset) -> BlockedDataset:
        return self.datasets[dataset.parent] if dataset.parent else dataset

    def entries(self) -> list[BlockedDataset]:
        return [d for d in self.datasets.values() if d.parent is None]

    def derivatives_of(self, dataset_id: str) -> list[BlockedDataset]:
        return [d for d in self.datasets.values() if d.parent == dataset_id]

    def model_named(self, surface: str, dataset_id: str) -> BlockedModel | None:
        """The model a model reference names: a model zoo's name or download id by its key,
        else the family of weights named for the dataset."""
        key = normalise(surface)
        for alias in self.aliases:
            if alias.model is not None and normalise(alias.value) == key:
                return self.models.get(alias.model)
        return next(
            (m for m in self.models.values() if m.by_name and m.trained_on == dataset_id), None
        )

    def find(self, text: str) -> BlockedDataset | None:
        """Look an id or any alias up, as `blocklist show` does."""
        if text in self.datasets:
            return self.datasets[text]
        key = normalise(text)
        for alias in self.aliases:
            if alias.dataset and normalise(alias.value) == key:
                return self.datasets[alias.dataset]
        return None


def _first_sentence(text: str, limit: int = 200) -> str:
    """The reason's first sentence, for messages when an entry has no ``summary``."""
    sentence = sentences.first_sentence(text).rstrip(" .;,:")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def alias_records(
    raw: Mapping[str, Any], dataset_id: str, *, model: str | None = None
) -> Iterable[Alias]:
    """The aliases and URLs of one entry (blocklist or catalogue: same shapes) or model."""
    for item in raw.get("aliases") or ():
        yield Alias(
            value=str(item["value"]),
            dataset=dataset_id,
            ambiguous=bool(item.get("ambiguous", False)),
            needs_near=bool(item.get("needs_near", False)),
            near=tuple(str(token) for token in item.get("near") or ()),
            model=model,
            title=bool(item.get("title", False)),
        )
    for item in raw.get("urls") or ():
        for key in ("url", "host", "token", "gdrive_id"):
            if key in item:
                value = _strip_scheme(str(item[key]))
                yield Alias(value=value, dataset=dataset_id, url=True, model=model)


# Compiled once: every run strips the ~370 shipped URLs, and re.sub with a pattern string
# looks it up in re's cache each time (two lookups per URL, on every run).
_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)
_WWW = re.compile(r"^www\.", re.IGNORECASE)


def _strip_scheme(url: str) -> str:
    return _WWW.sub("", _SCHEME.sub("", url.strip())).rstrip("/")


def _sources(raw: Mapping[str, Any]) -> tuple[Source, ...]:
    return tuple(Source(str(s["url"]), str(s["says"])) for s in raw.get("sources") or ())


def _severity(raw: Mapping[str, Any]) -> Severity | None:
    return Severity.parse(raw["severity"]) if raw.get("severity") else None


def parse(document: Mapping[str, Any], *, origin: str = "builtin") -> Blocklist:
    """Turn a schema-valid blocklist document into a Blocklist."""
    datasets: dict[str, BlockedDataset] = {}
    models: dict[str, BlockedModel] = {}
    aliases: list[Alias] = []
    for entry in document["entries"]:
        parent = BlockedDataset(
            id=entry["id"],
            name=entry["name"],
            status=entry["status"],
            date=entry.get("date"),
            acted_by=entry["acted_by"],
            summary=entry.get("summary") or _first_sentence(entry["reason"]),
            replacement=entry.get("replacement"),
            confidence=entry["confidence"],
            severity=_severity(entry),
            sources=_sources(entry),
            origin=origin,
        )
        datasets[parent.id] = parent
        aliases.extend(alias_records(entry, parent.id))
        aliases.extend(
            Alias(value=str(item["value"]), dataset=None) for item in entry.get("not_flagged") or ()
        )
        for child in entry.get("derivatives") or ():
            datasets[child["id"]] = BlockedDataset(
                id=child["id"],
                name=child["name"],
                status=child.get("status", parent.status),
                date=parent.date,
                acted_by=parent.acted_by,
                summary=parent.summary,
                replacement=parent.replacement,
                confidence=child.get("confidence", parent.confidence),
                severity=_severity(child) or parent.severity,
                sources=_sources(child) or parent.sources,
                parent=parent.id,
                relation=child["relation"],
                carrier=bool(child.get("carrier", False)),
                origin=origin,
            )
            aliases.extend(alias_records(child, child["id"]))
        for raw in entry.get("models") or ():
            model = _model(raw)
            models[model.id] = model
            aliases.extend(alias_records(raw, model.trained_on, model=model.id))
            aliases.extend(
                Alias(value=str(item["value"]), dataset=None)
                for item in raw.get("not_flagged") or ()
            )
    return Blocklist(
        datasets=datasets,
        aliases=_mark_model_names(aliases, models.values()),
        data_version=str(document["data_version"]),
        updated=str(document["updated"]),
        models=models,
    )


def _model(raw: Mapping[str, Any]) -> BlockedModel:
    return BlockedModel(
        id=raw["id"],
        name=raw["name"],
        trained_on=raw["trained_on"],
        confidence=raw["confidence"],
        sources=_sources(raw),
        replacement=raw.get("replacement"),
        by_name=bool(raw.get("by_name", False)),
    )


def _mark_model_names(aliases: list[Alias], models: Iterable[BlockedModel]) -> tuple[Alias, ...]:
    """Flag the names (not URLs) of datasets that weights are named after (ms1mv3_r100.pth)."""
    named = {model.trained_on for model in models if model.by_name}
    return tuple(
        alias._replace(names_models=True)
        if alias.dataset in named and alias.model is None and not alias.url
        else alias
        for alias in aliases
    )


def merge(base: Blocklist, extra: Blocklist, *, origin: str) -> Blocklist:
    """Add a user blocklist's entries; an id defined twice is a configuration error."""
    clash = sorted(set(base.datasets) & set(extra.datasets))
    if clash:
        raise UserError(
            f"blocklist entry id {clash[0]!r} is already defined by the built-in blocklist",
            location=origin,
            hint="use a new id; to silence a built-in entry, use 'allow' with a reason instead",
        )
    clash = sorted(set(base.models) & set(extra.models))
    if clash:
        raise UserError(
            f"blocklist model id {clash[0]!r} is already defined by the built-in blocklist",
            location=origin,
            hint="use a new id",
        )
    return Blocklist(
        datasets={**base.datasets, **extra.datasets},
        aliases=base.aliases + extra.aliases,
        data_version=base.data_version,
        updated=base.updated,
        models={**base.models, **extra.models},
    )


@functools.cache
def builtin() -> Blocklist:
    """The shipped blocklist, from the JSON built from ``blocklist.yaml`` (and checked against
    its schema) by ``scripts/build_knowledge.py``."""
    from datasheet_lint.packagedata import load_json

    return parse(load_json(__package__, "blocklist.json"))


MAX_USER_FILE = 5_000_000  # bytes: the shipped blocklist is ~110 kB
# Characters: the longest shipped alias (a URL) has ~115. The matcher's trie nests one level
# per character, and ~1,000 levels exceed Python's recursion limit.
MAX_ALIAS = 300


def load_user_file(path: Path, *, display: str) -> Blocklist:
    """Read, validate and parse a user blocklist; errors name the file, line and key."""
    from datasheet_lint import projectfiles, yamlio
    from datasheet_lint.config import refuse_outside_link

    refuse_outside_link(path, display)
    text = projectfiles.read_text(path, limit=MAX_USER_FILE, display=display, what="blocklist file")
    document = yamlio.load_yaml(text, origin=display)
    yamlio.validate(document, "blocklist.schema.json", origin=display)
    parsed = parse(document, origin=display)
    for alias in parsed.aliases:
        if len(alias.value) > MAX_ALIAS:
            owner = alias.dataset or "a not_flagged value"
            raise UserError(
                f"an alias of {owner!r} is longer than {MAX_ALIAS} characters",
                location=display,
                hint="aliases are dataset names, URLs or hosts; shorten it",
            )
    return parsed


def load(extra_files: Sequence[tuple[Path, str]] = ()) -> Blocklist:
    """The shipped blocklist plus user files given as (path, display name)."""
    combined = builtin()
    for path, display in extra_files:
        combined = merge(combined, load_user_file(path, display=display), origin=display)
    return combined
