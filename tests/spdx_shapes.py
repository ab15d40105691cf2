"""Validate SPDX 3.0.1 JSON-LD by the official means, offline.

The official means are the published SPDX 3.0.1 model's SHACL shapes (run through pyshacl)
and its JSON schema. spdx3-validate, by the author of the SPDX project's generated bindings,
runs both and knows SPDX's ExternalMap rules, but its ``validate()`` downloads the shapes, the
schema and the JSON-LD context from spdx.org on every call. The tests must not download, so
the three published files are kept in tests/data/spdx-3.0.1/ (where they came from and their
digests are in its README) and handed to spdx3-validate's own checking functions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import rdflib
from spdx3_validate.core import check_graph, schema_validator
from spdx3_validate.spdx_versions import SpdxVersion, find_version

DATA = Path(__file__).parent / "data" / "spdx-3.0.1"
CONTEXT_URL = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"


@cache
def _version() -> SpdxVersion:
    version = find_version(CONTEXT_URL)
    assert version is not None and version.pretty == "3.0.1"
    return version


@cache
def shapes() -> rdflib.Graph:
    """The published model: OWL classes and SHACL shapes in one graph."""
    return rdflib.Graph().parse(DATA / "spdx-model.ttl", format="turtle")


@cache
def _context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads((DATA / "spdx-context.jsonld").read_text("utf-8"))
    return context


@cache
def _schema() -> jsonschema.protocols.Validator:
    return schema_validator(json.loads((DATA / "spdx-json-schema.json").read_text("utf-8")))


def schema_errors(text: str) -> list[str]:
    """The published JSON schema's errors, one line each."""
    return [f"{e.json_path}: {e.message}" for e in _schema().iter_errors(json.loads(text))]


def graph(text: str) -> rdflib.Graph:
    """The document as RDF, with the published context inlined so rdflib fetches nothing."""
    data = json.loads(text)
    assert data.get("@context") == CONTEXT_URL, "not an SPDX 3.0.1 document"
    data["@context"] = _context()["@context"]
    return rdflib.Graph().parse(data=json.dumps(data), format="json-ld")


def shacl_errors(text: str) -> list[str]:
    """spdx3-validate's SHACL findings for the document against the published shapes."""
    return check_graph(graph(text), shapes(), _version(), True)
