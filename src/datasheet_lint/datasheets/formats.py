"""Hugging Face dataset cards and Croissant files, mapped into the datasheet model.

Each mapping takes what the format can express and leaves the rest unset; the validator then
reports the missing required fields as incomplete (DSL206), not as schema errors, and says
where to add them. ``docs/datasheets.md`` has the table of what each format can express.

A dataset card may carry the fields its own metadata cannot express under a ``datasheet:``
key in its front matter (any datasheet field, same shape as a YAML datasheet); those win.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from datasheet_lint import frontmatter
from datasheet_lint.datasheets.model import Path

MODALITIES = ("3d", "audio", "geospatial", "image", "tabular", "text", "timeseries", "video")
CC_URL = re.compile(
    r"creativecommons\.org/(?:licenses/(?P<terms>[a-z-]+)/(?P<version>\d\.\d)(?:/(?P<port>[a-z]{2,}))?"
    r"|publicdomain/(?P<pd>zero|mark)/(?P<pdversion>\d\.\d))",
    re.IGNORECASE,
)
SPDX_URL = re.compile(r"spdx\.org/licenses/(?P<id>[A-Za-z0-9.+-]+?)(?:\.html|\.json)?/?$")
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)
CITATION = re.compile(r"^#+\s*Citation[^\n]*\n(?P<body>.*?)(?=^#\s|^##\s|\Z)", re.S | re.M)


def slug(text: str) -> str:
    """A datasheet id made from a name or folder: 'My Faces v2' -> 'my-faces-v2'."""
    value = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return value or "dataset"


def looks_like_dataset_card(front_matter: str) -> bool:
    """A cheap test on unparsed front matter (used when it fails to parse)."""
    return frontmatter.describes_dataset(KEY_LINE.findall(front_matter))


def is_dataset_card(document: Mapping[str, Any]) -> bool:
    return frontmatter.describes_dataset(document)


class _Builder:
    """Builds mapped data and remembers where each mapped field came from."""

    def __init__(self, where: Mapping[Path, tuple[int, int]]) -> None:
        self.data: dict[str, Any] = {"datasheet_version": 1}
        self.where = where
        self.anchors: dict[Path, tuple[int, int]] = {}

    def set(self, target: Path, value: Any, source: Path = ()) -> None:
        node = self.data
        for key in target[:-1]:
            node = node.setdefault(str(key), {})
        node[str(target[-1])] = value
        anchor = self.where.get(source) if source else None
        if anchor is not None:
            for end in range(1, len(target) + 1):
                self.anchors.setdefault(tuple(target[:end]), anchor)

    def overlay(self, extra: Mapping[str, Any], prefix: Path) -> None:
        """Deep-merge a native datasheet mapping (the card's ``datasheet:`` key) on top."""
        _merge(self.data, extra)
        for path, anchor in self.where.items():
            if path[: len(prefix)] == prefix and len(path) > len(prefix):
                self.anchors[path[len(prefix) :]] = anchor


def _merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[str(key)] = value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def card_licence(card: Mapping[str, Any]) -> str | None:
    """The card's licence as an expression: several licences all apply (the strict reading)."""
    licences = _strings(card.get("license"))
    if not licences:
        return None
    named = card.get("license_name")
    mapped = [
        f"LicenseRef-{slug(named)}" if value == "other" and isinstance(named, str) else value
        for value in licences
    ]
    return " AND ".join(mapped)


def _config_paths(config: Mapping[str, Any]) -> list[str]:
    """The paths one ``configs`` item names: ``data_dir``, and ``data_files`` as a string, a
    list of strings, a list of ``{split, path}`` items or a ``{split: path}`` mapping."""
    paths = _strings(config.get("data_dir"))
    files = config.get("data_files")
    items = list(files.values()) if isinstance(files, Mapping) else _listed(files)
    for item in items:
        paths += _strings(item.get("path") if isinstance(item, Mapping) else item)
    return paths


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


def card_data_files(card: Mapping[str, Any], folder: str) -> list[str]:
    """The repository paths a card's ``configs`` name, relative to the card's folder as on
    the Hub. A URL, an absolute path or one that climbs out of the card's folder is left out:
    a card describes the files beside it."""
    base = "" if folder in {"", "."} else folder.strip("/") + "/"
    found: list[str] = []
    for config in _listed(card.get("configs")):
        if not isinstance(config, Mapping):
            continue
        for path in _config_paths(config):
            text = path.strip().removeprefix("./").rstrip("/")
            parts = text.split("/")
            if not text or "://" in text or text.startswith("/") or ".." in parts:
                continue
            found.append(base + text)
    return list(dict.fromkeys(found))


def _card_citation(body: str) -> str | None:
    match = CITATION.search(body)
    if match is None:
        return None
    text = re.sub(r"```\w*|\[More Information Needed\]", "", match.group("body")).strip()
    return text or None


def from_card(
    card: Mapping[str, Any], where: Mapping[Path, tuple[int, int]], folder: str, body: str = ""
) -> tuple[dict[str, Any], dict[Path, tuple[int, int]]]:
    """A Hugging Face dataset card's front matter (and body) in the datasheet model."""
    out = _Builder(where)
    root = folder in {"", "."}
    pretty = card.get("pretty_name")
    name = PurePosixPath(folder).name if not root else pretty if isinstance(pretty, str) else ""
    out.set(("id",), slug(name))
    out.set(("name",), pretty if isinstance(pretty, str) else name or "dataset", ("pretty_name",))
    if name:
        out.set(("aliases",), [name])
    files = card_data_files(card, folder)
    # A nested card describes its folder; a repository's root card describes the files its
    # configs name, else the whole repository (it is the repository's datasheet).
    covered = files if root and files else [folder if not root else ".", *files]
    out.set(("loaders",), {"local": covered[0] if len(covered) == 1 else covered}, ("configs",))
    licence = card_licence(card)
    if licence is not None:
        out.set(("distribution", "license"), licence, ("license",))
        link = card.get("license_link")
        if isinstance(link, str) and "://" in link:
            out.set(("distribution", "license_url"), link, ("license_link",))
    sources = [s.split("|", 1)[-1] for s in _strings(card.get("source_datasets"))]
    ids = [s for s in sources if s not in {"original", "extended"}]
    if ids or "original" in sources:
        out.set(
            ("lineage", "derived_from"),
            [{"id": i, "relation": "other"} for i in ids],
            ("source_datasets",),
        )
    tags = [t for t in _strings(card.get("tags")) if t in MODALITIES]
    if tags:
        out.set(("composition", "modalities"), tags, ("tags",))
    citation = _card_citation(body)
    if citation:
        out.set(("citation",), citation)
    extra = card.get("datasheet")
    if isinstance(extra, Mapping):
        out.overlay(extra, ("datasheet",))
    return out.data, out.anchors


def licence_from_url(url: str) -> str | None:
    """An SPDX id for a Creative Commons or spdx.org licence URL, if it is one."""
    spdx = SPDX_URL.search(url)
    if spdx:
        return spdx.group("id")
    cc = CC_URL.search(url)
    if cc is None:
        return None
    if cc.group("pd"):
        return "CC0-" + cc.group("pdversion") if cc.group("pd").lower() == "zero" else "CC-PDDC"
    port = f"-{cc.group('port').upper()}" if cc.group("port") else ""
    return f"CC-{cc.group('terms').upper()}-{cc.group('version')}{port}"


def _names(value: Any) -> list[str]:
    """Names of schema.org agents: a string, an object with ``name``, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return names


def _refs(value: Any) -> list[str]:
    """Ids of linked resources: a string, an object with ``@id``/``url``/``name``, or a list."""
    items = value if isinstance(value, list) else [value]
    refs = []
    for item in items:
        if isinstance(item, str):
            refs.append(item)
        elif isinstance(item, Mapping):
            for key in ("@id", "url", "name"):
                if isinstance(item.get(key), str):
                    refs.append(item[key])
                    break
    return refs


STATUS = {"obsolete": "deprecated", "deprecated": "deprecated", "withdrawn": "retracted"}


def from_croissant(
    doc: Mapping[str, Any], where: Mapping[Path, tuple[int, int]]
) -> tuple[dict[str, Any], dict[Path, tuple[int, int]]]:
    """A Croissant (JSON-LD) dataset description in the datasheet model."""
    out = _Builder(where)
    name = doc.get("name") if isinstance(doc.get("name"), str) else "dataset"
    out.set(("id",), slug(str(name)), ("name",))
    out.set(("name",), name, ("name",))
    for key, target in (("description", ("description",)), ("version", ("version",))):
        if isinstance(doc.get(key), str | int | float):
            out.set(target, doc[key], (key,))
    if isinstance(doc.get("url"), str):
        out.set(("homepage",), doc["url"], ("url",))
    cite = doc.get("citeAs", doc.get("citation"))
    if isinstance(cite, str):
        out.set(("citation",), cite, ("citeAs",) if "citeAs" in doc else ("citation",))
    creators = _names(doc.get("creator"))
    if creators:
        out.set(("motivation", "creators"), creators, ("creator",))
    licences = _refs(doc.get("license"))
    if licences:
        ids = [licence_from_url(v) or v for v in licences]
        out.set(("distribution", "license"), " AND ".join(ids), ("license",))
        urls = [v for v in licences if "://" in v]
        if urls:
            out.set(("distribution", "license_url"), urls[0], ("license",))
    parents = _refs(doc.get("prov:wasDerivedFrom")) + _refs(doc.get("isBasedOn"))
    if parents:
        origin: Path = ("prov:wasDerivedFrom",) if "prov:wasDerivedFrom" in doc else ("isBasedOn",)
        items = [{"id": p, "relation": "other"} for p in parents]
        out.set(("lineage", "derived_from"), items, origin)
    status = doc.get("creativeWorkStatus")
    if isinstance(status, str) and status.rsplit("/", 1)[-1].lower() in STATUS:
        value = STATUS[status.rsplit("/", 1)[-1].lower()]
        out.set(("maintenance", "status"), value, ("creativeWorkStatus",))
    downloads = []
    files = doc.get("distribution")
    for item in files if isinstance(files, list) else []:
        url = item.get("contentUrl") if isinstance(item, Mapping) else None
        if isinstance(url, str) and "://" in url:
            downloads.append(url)
    if downloads:
        out.set(("loaders",), {"url": downloads}, ("distribution",))
    extra = doc.get("datasheet")
    if isinstance(extra, Mapping):
        out.overlay(extra, ("datasheet",))
    return out.data, out.anchors
