"""What the catalogue knows, for ``datasheet-lint catalogue``: search and one entry's facts.

A run reads the catalogue as rows made for matching; a person asking why a reference got its
name needs every fact of the entry instead: its names, loader ids, URLs, licence with its
source, confidence, and whether the facts are curated or came from a registry (and which
version). So this reads the shipped documents themselves (catalogue.yaml and
registries.json, joined as ``catalogue.with_registries`` joins them); it is never on the
path of a check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from datasheet_lint.names import normalise

CURATED = "curated"


@dataclass(frozen=True, slots=True)
class Listed:
    """One catalogue entry as ``catalogue show`` prints it."""

    id: str
    name: str
    aliases: tuple[str, ...]  # as spelled
    ambiguous: tuple[str, ...]  # the aliases that count only as a dataset name
    loaders: tuple[str, ...]  # "tfds:beans", "hf:owner/name"
    urls: tuple[str, ...]
    homepage: str | None
    licence: str | None
    licence_source: str | None
    licence_evidence: str | None
    confidence: str | None
    verified: str  # "yes", "no", or the date a generated licence was read
    origin: str  # "curated (catalogue.yaml 2026.12.4)" or "tfds 4.9.10 (read 2026-12-06)"
    also_from: tuple[str, ...]  # registries that add loader ids or URLs to a curated entry

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _registry_label(registries: Mapping[str, Any], key: str) -> str:
    info = registries.get(key) or {}
    return f"{key} {info.get('version', '?')}"


def _url_text(item: Mapping[str, str]) -> str:
    for key in ("url", "host", "token"):
        if key in item:
            return str(item[key])
    return f"drive:{item.get('gdrive_id', '')}"


def entries(document: Mapping[str, Any], generated: Mapping[str, Any]) -> list[Listed]:
    """Every entry of the joined document (``catalogue.with_registries``), curated first."""
    version = str(document["data_version"])
    registries = generated["registries"]
    read = generated["generated_on"]
    listed = []
    for raw in document["datasets"]:
        sources = list(raw.get("registries") or ())
        if raw["curated"]:
            origin = f"{CURATED} (catalogue.yaml {version})"
            also = tuple(_registry_label(registries, key) for key in sources)
            verified = "yes" if raw.get("verified") else "no"
        else:
            origin = ", ".join(f"{_registry_label(registries, k)} (read {read})" for k in sources)
            also = ()
            verified = str(raw["verified"]) if raw.get("verified") else "no"
        listed.append(
            Listed(
                id=raw["id"],
                name=raw["name"],
                aliases=tuple(str(a["value"]) for a in raw.get("aliases") or ())
                + tuple(str(n) for n in raw.get("blocklist_look_alikes") or ()),
                ambiguous=tuple(
                    str(a["value"]) for a in raw.get("aliases") or () if a.get("ambiguous")
                ),
                loaders=tuple(
                    f"{kind}:{name}"
                    for kind, names in (raw.get("loaders") or {}).items()
                    for name in names
                ),
                urls=tuple(_url_text(item) for item in raw.get("urls") or ()),
                homepage=raw.get("homepage"),
                licence=raw.get("licence"),
                licence_source=raw.get("licence_source"),
                licence_evidence=raw.get("licence_evidence"),
                confidence=raw.get("confidence"),
                verified=verified,
                origin=origin,
                also_from=also,
            )
        )
    return listed


def _keys(entry: Listed) -> Iterable[str]:
    """What a query may name: id, name, each alias, each loader id (with and without its
    library), each URL."""
    yield entry.id
    yield entry.name
    yield from entry.aliases
    for loader in entry.loaders:
        yield loader
        yield loader.split(":", 1)[1]
    yield from entry.urls


def _url_key(text: str) -> str:
    text = text.strip()
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return normalise(text.removeprefix("www.").split("?", 1)[0].rstrip("/"))


def search(listed: Sequence[Listed], query: str) -> list[Listed]:
    """Entries that a query names: exact matches first, then prefixes, then substrings (all
    compared as the matcher compares names: case and separators do not matter). A URL
    query also finds the entry whose URL it lies under."""
    wanted = normalise(query)
    if not wanted:
        return list(listed)
    as_url = _url_key(query)
    ranked: list[tuple[int, int, Listed]] = []
    for position, entry in enumerate(listed):
        keys = [normalise(key) for key in _keys(entry)]
        if wanted in keys:
            rank = 0
        elif any(key.startswith(wanted) for key in keys):
            rank = 1
        elif any(wanted in key for key in keys):
            rank = 2
        elif "/" in as_url and any(as_url.startswith(_url_key(u)) for u in entry.urls):
            rank = 1
        else:
            continue
        ranked.append((rank, position, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda item: item[:2])]


def find(listed: Sequence[Listed], wanted: str) -> Listed | None:
    """The entry with this id, else the one entry this exact name or loader id names."""
    for entry in listed:
        if entry.id == wanted:
            return entry
    key = normalise(wanted)
    exact = [e for e in listed if key in {normalise(k) for k in _keys(e)}]
    return exact[0] if len(exact) == 1 else None


def closest(listed: Sequence[Listed], wanted: str) -> str | None:
    import difflib  # only a mistake needs it

    found = difflib.get_close_matches(wanted.lower(), [e.id for e in listed], n=1, cutoff=0.6)
    return found[0] if found else None


def line(entry: Listed) -> str:
    """One entry in the list: id, name, licence, where it came from."""
    licence = entry.licence or "-"
    origin = CURATED if entry.origin.startswith(CURATED) else entry.origin.split(" (read")[0]
    return f"{entry.id:<34} {licence:<18} {origin:<24} {entry.name}"


def details(entry: Listed) -> list[str]:
    """Every fact of one entry, one per line, as ``catalogue show`` prints them."""
    if entry.licence:
        licence = f"{entry.licence} (source: {entry.licence_source})"
    else:
        licence = "none recorded (no source states one)"
    aliases = [a + (" (ambiguous)" if a in entry.ambiguous else "") for a in entry.aliases]
    lines = [
        f"{entry.id}: {entry.name}",
        f"  aliases:     {', '.join(aliases) or 'none'}",
        f"  loader ids:  {', '.join(entry.loaders) or 'none'}",
        f"  urls:        {', '.join(entry.urls) or 'none'}",
        f"  homepage:    {entry.homepage or 'none recorded'}",
        f"  licence:     {licence}",
    ]
    if entry.licence_evidence:
        lines.append(f"  evidence:    {' '.join(entry.licence_evidence.split())}")
    lines += [
        f"  confidence:  {entry.confidence or 'none (no licence)'}; verified: {entry.verified}",
        f"  from:        {entry.origin}",
    ]
    if entry.also_from:
        lines.append(f"  also from:   {', '.join(entry.also_from)} (loader ids and URLs)")
    return lines


def to_json(listed: Sequence[Listed]) -> str:
    return json.dumps([entry.as_json() for entry in listed], indent=2, ensure_ascii=False)
