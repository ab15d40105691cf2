"""The terms table: each licence's terms and sources, read from the shipped ``terms.yaml``.

Pure data access; no licence-expression parsing happens here (``spdx.py`` does that).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ADAPTATIONS = ("allowed", "private-only", "forbidden")  # ordered from least to most restrictive


@dataclass(frozen=True, slots=True)
class Terms:
    """What a licence asks of a user of the data. ``None`` means "not known"."""

    attribution: bool | None = False
    share_alike: bool | None = False
    non_commercial: bool | None = False
    adaptations: str | None = "allowed"  # allowed | private-only | forbidden
    research_only: bool | None = False
    use_restrictions: bool | None = False


@dataclass(frozen=True, slots=True)
class Licence:
    """One licence of the table: its SPDX id (or LicenseRef), family, terms and sources."""

    id: str
    family: str
    name: str
    terms: Terms
    source: str  # this licence's legal code, or the family's
    family_source: str
    share_under: str = ""  # for share-alike licences: what adaptations must be shared under
    spdx_pending: bool = False  # accepted by SPDX for a list newer than the bundled one


@dataclass(frozen=True, slots=True)
class Table:
    licences: Mapping[str, Licence]  # by id
    by_lower: Mapping[str, Licence]  # by casefolded id
    deprecated: Mapping[str, str]  # deprecated SPDX id -> what to write instead
    deprecated_source: str
    spdx_list_version: str

    def get(self, licence_id: str) -> Licence | None:
        return self.licences.get(licence_id) or self.by_lower.get(licence_id.casefold())


EMPTY = Table(licences={}, by_lower={}, deprecated={}, deprecated_source="", spdx_list_version="")


def _terms(raw: Mapping[str, Any]) -> Terms:
    adaptations = raw.get("adaptations", "allowed")
    if adaptations not in ADAPTATIONS:
        raise ValueError(f"terms.yaml: adaptations must be one of {ADAPTATIONS}, not {adaptations}")
    return Terms(
        attribution=bool(raw.get("attribution", False)),
        share_alike=bool(raw.get("share_alike", False)),
        non_commercial=bool(raw.get("non_commercial", False)),
        adaptations=adaptations,
        research_only=bool(raw.get("research_only", False)),
        use_restrictions=bool(raw.get("use_restrictions", False)),
    )


def parse(document: Mapping[str, Any]) -> Table:
    licences: dict[str, Licence] = {}
    for family in document["families"]:
        terms = _terms(family.get("terms") or {})
        for licence_id, value in family["licences"].items():
            source = value if isinstance(value, str) else value["source"]
            pending = isinstance(value, Mapping) and value.get("spdx") == "pending"
            if licence_id in licences:
                raise ValueError(f"terms.yaml: {licence_id} is listed twice")
            licences[licence_id] = Licence(
                id=licence_id,
                family=family["family"],
                name=family["name"],
                terms=terms,
                source=source,
                family_source=family["source"],
                share_under=" ".join(str(family.get("share_under") or "").split()),
                spdx_pending=pending,
            )
    deprecated = document["deprecated"]
    return Table(
        licences=licences,
        by_lower={k.casefold(): v for k, v in licences.items()},
        deprecated=dict(deprecated["ids"]),
        deprecated_source=deprecated["source"],
        spdx_list_version=str(document["spdx_list_version"]),
    )


@functools.cache
def builtin() -> Table:
    """The shipped terms table, from the JSON built from ``terms.yaml`` by
    ``scripts/build_knowledge.py`` (parsed once per process)."""
    from datasheet_lint.packagedata import load_json

    return parse(load_json(__package__, "terms.json"))
