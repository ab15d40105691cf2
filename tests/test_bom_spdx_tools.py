"""The SPDX document is built with spdx-tools' spdx3 model and written by its JSON-LD
converter; spdx-tools 0.8.5 implements a draft of SPDX 3.0 (spdx/tools-python#717), and
bom/spdx301.py brings its output to the published 3.0.1 model. These tests run real
spdx-tools objects through the real converter and the adapter, and validate the result with
the published 3.0.1 shapes and schema (the end-to-end runs are in test_bom.py)."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone
from typing import Any

import pytest
from semantic_version import Version
from spdx_python_model import v3_0_1 as spdx
from spdx_tools.common.spdx_licensing import spdx_licensing
from spdx_tools.spdx3 import model
from spdx_tools.spdx3.bump_from_spdx2.license_expression import bump_license_expression
from spdx_tools.spdx3.model.dataset.dataset import Dataset, DatasetType
from spdx_tools.spdx3.payload import Payload
from spdx_tools.spdx3.writer.json_ld.json_ld_converter import (
    convert_payload_to_json_ld_list_of_elements,
)
from tests import spdx_shapes

from datasheet_lint.bom import spdx301

BASE = "https://spdx.org/spdxdocs/datasheet-lint/test"
EXPRESSION = "Apache-2.0 WITH LLVM-exception OR (MIT AND BSD-3-Clause)"


def iri(kind: str, key: str) -> str:
    return f"{BASE}#{kind}-{key.replace(' ', '-')}"


def payload(**dataset_fields: Any) -> Payload:
    """A small document made of spdx-tools objects: two datasets, one derived from the
    other, with a licence expression and a "no personal data" answer."""
    info = model.CreationInfo(
        Version("3.0.1"),
        datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc),
        [f"{BASE}#agent"],
        [getattr(model.ProfileIdentifierType, p) for p in ("CORE", "LICENSING", "DATASET")],
        created_using=[f"{BASE}#tool"],
    )
    purpose = model.software.SoftwarePurpose.DATA
    source = Dataset(
        f"{BASE}#source", "Source", [], None, purpose, None, None, [DatasetType.TEXT],
        creation_info=info,
    )  # fmt: skip
    derived = Dataset(
        f"{BASE}#derived", "Derived", [], "https://example.org/derived.tar", purpose, None,
        None, [DatasetType.TEXT, DatasetType.IMAGE], creation_info=info,
        sensitive_personal_information=False,
        declared_license=bump_license_expression(spdx_licensing.parse(EXPRESSION), []),
        **dataset_fields,
    )  # fmt: skip
    found = Payload()
    for element in (
        model.Tool(f"{BASE}#tool", creation_info=info, name="datasheet-lint"),
        model.SoftwareAgent(f"{BASE}#agent", creation_info=info, name="datasheet-lint"),
        source,
        derived,
        model.Relationship(
            f"{BASE}#lineage",
            derived.spdx_id,
            model.RelationshipType.DESCENDANT,
            [source.spdx_id],
            creation_info=info,
        ),
    ):
        found.add_element(element)
    elements = list(found.get_full_map())
    found.add_element(
        model.SpdxDocument(f"{BASE}#document", "test", elements, [derived.spdx_id], info)
    )
    return found


def adapt(built: Payload) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    drafts = convert_payload_to_json_ld_list_of_elements(built)
    elements = list(built.get_full_map().values())
    return drafts, spdx301.from_spdx_tools(elements, drafts, iri)


# rdflib 7.6's own JSON-LD parser builds the ConjunctiveGraph that rdflib 7.6 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_spdx_tools_writes_draft_terms_that_the_adapter_brings_to_3_0_1() -> None:
    drafts, document = adapt(payload())
    # The gap, as spdx-tools 0.8.5 writes it: draft class and property names, the licence
    # as a nested object tree, and a "no" about personal data dropped altogether.
    (derived,) = [d for d in drafts if d.get("name") == "Derived"]
    assert derived["@type"] == "Dataset"
    assert derived["datasetType"] == ["text", "image"]
    assert derived["declaredLicense"]["@type"] == "DisjunctiveLicenseSet"
    assert "sensitivePersonalInformation" not in derived
    assert "profile" in derived["creationInfo"]
    # The adapter's output is valid SPDX 3.0.1 by the published shapes and schema.
    text = json.dumps(document)
    assert spdx_shapes.schema_errors(text) == []
    assert spdx_shapes.shacl_errors(text) == []
    objects = spdx.SHACLObjectSet()
    spdx.JSONLDDeserializer().read(io.BytesIO(text.encode("utf-8")), objects)
    (package,) = [
        o
        for o in objects.objects
        if isinstance(o, spdx.dataset_DatasetPackage) and o.name == "Derived"
    ]
    assert package.dataset_hasSensitivePersonalInformation == spdx.PresenceType.no
    assert package.software_downloadLocation == "https://example.org/derived.tar"
    assert set(package.dataset_datasetType) == {
        spdx.dataset_DatasetType.text,
        spdx.dataset_DatasetType.image,
    }
    relations = {
        r.relationshipType.rsplit("/", 1)[-1]: r
        for r in objects.objects
        if isinstance(r, spdx.Relationship)
    }
    assert [e.name for e in relations["descendantOf"].to] == ["Source"]
    (licence,) = relations["hasDeclaredLicense"].to
    assert licence.simplelicensing_licenseExpression == EXPRESSION
    (doc,) = [o for o in objects.objects if isinstance(o, spdx.SpdxDocument)]
    assert spdx.ProfileIdentifierType.simpleLicensing in doc.profileConformance
    assert doc.dataLicense.simplelicensing_licenseExpression == "CC0-1.0"


def test_a_draft_term_the_adapter_does_not_map_is_an_error_not_dropped() -> None:
    """A datasetSize (not written by the BOM) has no mapping: it must not vanish silently."""
    with pytest.raises(ValueError, match="'datasetSize' on a Dataset"):
        adapt(payload(dataset_size=5))


@pytest.mark.parametrize(
    "text",
    ["MIT", "GPL-2.0-or-later", "MIT AND (Apache-2.0 OR BSD-2-Clause)", EXPRESSION],
)
def test_licence_expressions_survive_spdx_tools_licence_model(text: str) -> None:
    """Parsed by spdx-tools' licensing, held as its licence objects, written back the same."""
    licence = bump_license_expression(spdx_licensing.parse(text), [])
    assert spdx301.expression(licence) == text
