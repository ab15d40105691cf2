"""The inventory as a CycloneDX JSON document (ML-BOM), through cyclonedx-python-lib.

Datasets are ``data`` components and pretrained weights ``machine-learning-model``
components. The library (11.x) has no model for a component's ``data`` (componentData) or
``modelCard`` (CycloneDX/cyclonedx-python-lib#912 and #913, open): the library writes the rest
and those two keys are added to its JSON by ``bom-ref``; the tests validate the result with
the library's strict JSON validator for the version written.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from datasheet_lint.bom import creation_time, missing_extra, spdx_expression
from datasheet_lint.bom.inventory import DatasetItem, Inventory, ModelItem, used
from datasheet_lint.licences.spdx import UNSTATED

PREFIX = "datasheet-lint:"  # namespace of this tool's properties
SERIAL_NAMESPACE = uuid.UUID("7c1f7d52-53a8-4d3f-9a59-1d0c3c6f2a41")  # chosen once, never changed


def dataset_ref(dataset_id: str) -> str:
    return f"dataset:{dataset_id}"


def model_ref(model_id: str) -> str:
    return f"model:{model_id}"


def _properties(item: DatasetItem) -> list[tuple[str, str]]:
    """What CycloneDX has no field for, as named properties; only what is known."""
    people = item.people
    rows = [
        ("datasheet", item.datasheet or "none: this dataset has no datasheet"),
        ("origin", item.origin),
    ]
    rows += [("loader", loader) for loader in item.loaders]
    if item.licences_differ:
        rows.append(("catalogue-licence", item.catalogue_licence))
        note = (
            f"the datasheet declares {item.declared_licence}; the catalogue records "
            f"{item.catalogue_licence}"
        )
        rows.append(("licence-note", note))
    if item.catalogue_licence_source:
        rows.append(("catalogue-licence-source", item.catalogue_licence_source))
    for key, value in (
        ("contains-people", people.contains_people),
        ("includes-minors", people.includes_minors),
        ("consent", people.consent),
        ("consent-evidence", people.consent_evidence),
        ("collection-source", people.collection_source),
        ("collection-process", people.collection_process),
    ):
        if value:
            rows.append((key, value))
    rows += [("intended-use", use) for use in item.intended_use]
    rows += [("this-repository", use) for use in item.this_repository]
    availability = item.availability
    if availability.status:
        rows.append(("availability", availability.status))
        rows.append(("availability-stated-by", availability.stated_by))
        for key, value in (
            ("availability-date", availability.date),
            ("availability-acted-by", availability.acted_by),
            ("availability-summary", availability.summary),
            ("availability-via", availability.via),
        ):
            if value:
                rows.append((key, value))
        rows += [("availability-source", url) for url in availability.sources]
    rows += [
        ("derived-from", f"{lineage.dataset} ({lineage.relation or 'derived'}; "
                         f"stated by the {lineage.stated_by})")
        for lineage in item.derived_from
    ]  # fmt: skip
    if not used(item):
        rows.append(("referenced", "no: listed as the training data of a model or a source"))
    return rows


def _component(item: DatasetItem) -> Any:
    from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.component_evidence import ComponentEvidence, Occurrence
    from cyclonedx.model.license import (
        DisjunctiveLicense,
        LicenseAcknowledgement,
        LicenseExpression,
    )

    licences: list[Any] = []
    stated = item.declared_licence or item.catalogue_licence
    acknowledged = LicenseAcknowledgement.CONCLUDED
    if item.declared_licence:
        acknowledged = LicenseAcknowledgement.DECLARED
    expression = spdx_expression(stated) if stated else None
    if expression is not None:
        licences.append(LicenseExpression(expression, acknowledgement=acknowledged))
    elif stated and stated.casefold() not in UNSTATED:  # free text: kept as a licence name
        licences.append(DisjunctiveLicense(name=stated, acknowledgement=acknowledged))
    references = []
    if item.homepage:
        references.append(
            ExternalReference(type=ExternalReferenceType.WEBSITE, url=XsUri(item.homepage))
        )
    for url in item.download_locations:
        references.append(
            ExternalReference(type=ExternalReferenceType.DISTRIBUTION, url=XsUri(url))
        )
    for url in item.availability.sources:
        references.append(
            ExternalReference(
                type=ExternalReferenceType.EVIDENCE,
                url=XsUri(url),
                comment=f"states that the dataset is {item.availability.status}",
            )
        )
    occurrences = [
        Occurrence(
            location=o.path,
            line=o.line,
            offset=o.column,
            symbol=o.surface,
            additional_context=f"{o.kind} reference",
        )
        for o in item.occurrences
    ]
    return Component(
        type=ComponentType.DATA,
        name=item.name,
        bom_ref=dataset_ref(item.id),
        group=None,
        description=item.description or None,
        licenses=licences,
        external_references=references,
        properties=[Property(name=PREFIX + key, value=value) for key, value in _properties(item)],
        evidence=ComponentEvidence(occurrences=occurrences) if occurrences else None,
    )


def _model_component(model: ModelItem) -> Any:
    from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.component_evidence import ComponentEvidence, Occurrence

    return Component(
        type=ComponentType.MACHINE_LEARNING_MODEL,
        name=model.name,
        bom_ref=model_ref(model.id),
        external_references=[
            ExternalReference(
                type=ExternalReferenceType.EVIDENCE,
                url=XsUri(url),
                comment="states the model's training data",
            )
            for url in model.evidence
        ],
        properties=[Property(name=PREFIX + "trained-on", value=d) for d in model.trained_on]
        or [Property(name=PREFIX + "trained-on", value="unknown: no source states it")],
        evidence=ComponentEvidence(
            occurrences=[
                Occurrence(location=o.path, line=o.line, offset=o.column, symbol=o.surface)
                for o in model.occurrences
            ]
        ),
    )


def _component_data(item: DatasetItem) -> dict[str, Any]:
    """The ``data`` entry of a dataset component (componentData), from the datasheet only."""
    data: dict[str, Any] = {"type": "dataset", "name": item.name}
    url = item.download_locations[0] if item.download_locations else ""
    if url:
        data["contents"] = {"url": url}
    sensitive = [f"personal data: {kind}" for kind in item.people.personal_data]
    sensitive += [f"biometric: {kind}" for kind in item.people.biometric]
    if item.people.sensitive_content:
        sensitive.append(item.people.sensitive_content)
    if sensitive:
        data["sensitiveData"] = sensitive
    if item.description:
        data["description"] = item.description
    return data


def render(inventory: Inventory, *, spec: str = "1.7") -> str:
    """The CycloneDX JSON text: deterministic for the same inventory and creation time."""
    try:
        from cyclonedx.model.bom import Bom
        from cyclonedx.model.component import Component, ComponentType
        from cyclonedx.output import make_outputter
        from cyclonedx.schema import OutputFormat, SchemaVersion
    except ImportError:
        raise missing_extra("cyclonedx-python-lib") from None

    version = SchemaVersion.from_version(spec)
    bom = Bom(serial_number=uuid.uuid5(SERIAL_NAMESPACE, inventory.digest()))
    bom.metadata.timestamp = creation_time()
    bom.metadata.tools.components.add(
        Component(
            type=ComponentType.APPLICATION,
            name="datasheet-lint",
            version=inventory.tool_version,
            bom_ref="tool:datasheet-lint",
        )
    )
    root = Component(type=ComponentType.APPLICATION, name=inventory.name, bom_ref="repository")
    bom.metadata.component = root
    from cyclonedx.model import Property

    bom.metadata.properties.add(
        Property(name=PREFIX + "blocklist-version", value=inventory.blocklist_version)
    )
    bom.metadata.properties.add(
        Property(name=PREFIX + "catalogue-version", value=inventory.catalogue_version)
    )
    components = [_component(item) for item in inventory.datasets]
    components += [_model_component(model) for model in inventory.models]
    for component in components:
        bom.components.add(component)
    bom.register_dependency(root, components)
    text = make_outputter(bom, OutputFormat.JSON, version).output_as_string(indent=2)
    return _with_ml_fields(text, inventory)


def _occurrence_key(occurrence: dict[str, Any]) -> tuple[str, int, int, str]:
    return (
        occurrence["location"],
        occurrence.get("line", 0),
        occurrence.get("offset", 0),
        occurrence.get("symbol", ""),
    )


def _with_ml_fields(text: str, inventory: Inventory) -> str:
    """Add ``data`` and ``modelCard`` (which the library cannot write) by ``bom-ref``."""
    document = json.loads(text)
    datasets = {dataset_ref(item.id): item for item in inventory.datasets}
    models = {model_ref(model.id): model for model in inventory.models}
    for component in document.get("components", []):
        ref = component.get("bom-ref", "")
        evidence = component.get("evidence", {})
        if "occurrences" in evidence:  # the library orders them by hash: not reproducible
            evidence["occurrences"].sort(key=_occurrence_key)
        if ref in datasets:
            component["data"] = [_component_data(datasets[ref])]
        elif ref in models and models[ref].trained_on:
            component["modelCard"] = {
                "modelParameters": {
                    "datasets": [{"ref": dataset_ref(d)} for d in models[ref].trained_on]
                }
            }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
