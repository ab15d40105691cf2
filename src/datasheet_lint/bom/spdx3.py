"""The inventory as an SPDX 3.0.1 JSON-LD document (Dataset and AI profiles).

spdx-tools 0.8.5 (the newest release) writes SPDX 3 from a prototype of the model that
predates 3.0.1: its JSON-LD context and terms use the draft namespace
``https://spdx.org/rdf/<Profile>/``, not ``https://spdx.org/rdf/3.0.1/terms/``, and it has no
3.0.1 parser (spdx/tools-python#717 open; the update to 3.0.1, #829, and the move to the SPDX
project's generated bindings, #897 and #898, are open pull requests). So the document is built
with those generated bindings, spdx-python-model, which are made from the published 3.0.1
SHACL model, check each value and cardinality as it is set, and read the document back.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from typing import Any

from datasheet_lint.bom import creation_time, missing_extra, spdx_expression
from datasheet_lint.bom.inventory import DatasetItem, Inventory, ModelItem, used

SPEC_VERSION = "3.0.1"
BASE = "https://spdx.org/spdxdocs/datasheet-lint/"  # + the inventory's digest: one per content

# Datasheet modalities (composition.modalities) that name an SPDX DatasetType.
DATASET_TYPES = {
    "image": "image",
    "images": "image",
    "text": "text",
    "audio": "audio",
    "speech": "audio",
    "video": "video",
    "tabular": "structured",
    "structured": "structured",
    "graph": "graph",
    "time-series": "timeseries",
    "timeseries": "timeseries",
    "sensor": "sensor",
    "numeric": "numeric",
    "categorical": "categorical",
}


def _slug(text: str) -> str:
    """A readable, IRI-safe id part; a hash keeps different ids apart."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-._") else "-" for c in text)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe.strip('-')[:60]}-{digest}"


def _local(element: Any) -> str:
    """The part of an element's id after the document's base."""
    return str(element._id).rsplit("#", 1)[-1]


class _Builder:
    """Creates the elements, each with an id derived from the content."""

    def __init__(self, model: Any, inventory: Inventory) -> None:
        self.model = model
        self.base = f"{BASE}{inventory.name and _slug(inventory.name)}-{inventory.digest()[:16]}"
        self.elements: list[Any] = []
        self.creation = model.CreationInfo(
            _id="_:creationinfo",
            specVersion=SPEC_VERSION,
            created=creation_time(),
        )
        tool = model.Tool(
            _id=f"{self.base}#tool-datasheet-lint",
            creationInfo=self.creation,
            name=f"datasheet-lint {inventory.tool_version}",
        )
        agent = model.SoftwareAgent(
            _id=f"{self.base}#agent-datasheet-lint",
            creationInfo=self.creation,
            name="datasheet-lint",
        )
        self.creation.createdBy.append(agent)
        self.creation.createdUsing.append(tool)
        self.elements += [tool, agent]

    def iri(self, kind: str, key: str) -> str:
        return f"{self.base}#{kind}-{_slug(key)}"

    def add(self, element: Any) -> Any:
        self.elements.append(element)
        return element

    def relate(self, source: Any, kind: str, targets: Iterable[Any], key: str) -> None:
        targets = list(targets)
        if not targets:
            return
        self.add(
            self.model.Relationship(
                _id=self.iri("relationship", f"{_local(source)} {kind} {key}"),
                creationInfo=self.creation,
                from_=source,
                relationshipType=getattr(self.model.RelationshipType, kind),
                to=targets,
            )
        )

    def annotate(self, subject: Any, topic: str, statement: str) -> None:
        self.add(
            self.model.Annotation(
                _id=self.iri("annotation", f"{_local(subject)} {topic}"),
                creationInfo=self.creation,
                annotationType=self.model.AnnotationType.other,
                subject=subject,
                statement=statement,
            )
        )

    def licence(self, text: str) -> Any | None:
        expression = spdx_expression(text)
        if expression is None:
            return None
        return self.add(
            self.model.simplelicensing_LicenseExpression(
                _id=self.iri("licence", expression),
                creationInfo=self.creation,
                simplelicensing_licenseExpression=expression,
            )
        )


def _presence(model: Any, item: DatasetItem) -> Any:
    people = item.people
    if people.personal_data or people.biometric:
        return model.PresenceType.yes
    if people.contains_people == "no":
        return model.PresenceType.no
    return model.PresenceType.noAssertion


def _collection(item: DatasetItem) -> str:
    people = item.people
    parts = []
    if people.collection_process:
        parts.append(people.collection_process)
    if people.collection_source:
        parts.append(f"Source: {people.collection_source}.")
    if people.consent:
        evidence = f" ({people.consent_evidence})" if people.consent_evidence else ""
        parts.append(f"Consent: {people.consent}{evidence}.")
    return " ".join(parts)


def _people_note(item: DatasetItem) -> str:
    people = item.people
    parts = []
    if people.contains_people:
        parts.append(f"contains people: {people.contains_people}")
    if people.personal_data:
        parts.append(f"personal data: {', '.join(people.personal_data)}")
    if people.biometric:
        parts.append(f"biometric data: {', '.join(people.biometric)}")
    if people.includes_minors:
        parts.append(f"includes minors: {people.includes_minors}")
    if people.sensitive_content:
        parts.append(f"sensitive content: {people.sensitive_content}")
    return "; ".join(parts)


def _dataset(builder: _Builder, item: DatasetItem) -> Any:
    model = builder.model
    types = sorted({DATASET_TYPES.get(m.lower(), "") for m in item.modalities} - {""})
    package = model.dataset_DatasetPackage(
        _id=builder.iri("dataset", item.id),
        creationInfo=builder.creation,
        name=item.name,
        software_primaryPurpose=model.software_SoftwarePurpose.data,
        dataset_datasetType=[getattr(model.dataset_DatasetType, t) for t in types]
        or [model.dataset_DatasetType.noAssertion],
        dataset_hasSensitivePersonalInformation=_presence(model, item),
    )
    if item.description:
        package.description = item.description
    if item.homepage:
        package.software_homePage = item.homepage
    if item.download_locations:
        package.software_downloadLocation = item.download_locations[0]
    collection = _collection(item)
    if collection:
        package.dataset_dataCollectionProcess = collection
    if item.intended_use:
        package.dataset_intendedUse = "; ".join(item.intended_use)
    package.externalIdentifier.append(
        model.ExternalIdentifier(
            externalIdentifierType=model.ExternalIdentifierType.other,
            identifier=item.id,
            issuingAuthority="datasheet-lint",
            comment="the dataset's id in datasheet-lint's catalogue and blocklist, or the "
            "loader's own name for a dataset they do not know",
        )
    )
    for url in item.availability.sources:
        package.externalRef.append(
            model.ExternalRef(
                externalRefType=model.ExternalRefType.other,
                locator=[url],
                comment=f"states that the dataset is {item.availability.status}",
            )
        )
    builder.add(package)
    declared = builder.licence(item.declared_licence) if item.declared_licence else None
    builder.relate(package, "hasDeclaredLicense", [declared] if declared else [], "declared")
    concluded_text = (
        item.catalogue_licence
        if item.catalogue_licence and (not item.declared_licence or item.licences_differ)
        else ""
    )
    concluded = builder.licence(concluded_text) if concluded_text else None
    builder.relate(package, "hasConcludedLicense", [concluded] if concluded else [], "concluded")
    _notes(builder, package, item)
    return package


def _notes(builder: _Builder, package: Any, item: DatasetItem) -> None:
    """What SPDX has no property for, as annotations on the dataset."""
    if item.datasheet:
        builder.annotate(package, "datasheet", f"datasheet: {item.datasheet}")
    else:
        builder.annotate(
            package,
            "datasheet",
            "no datasheet: this dataset has none in the repository; only its name, the "
            "catalogue's homepage and licence, and the blocklist's status are known here",
        )
    if item.declared_licence and spdx_expression(item.declared_licence) is None:
        builder.annotate(
            package,
            "declared-licence-text",
            f"the datasheet's licence is not an SPDX expression: {item.declared_licence}",
        )
    if item.licences_differ:
        builder.annotate(
            package,
            "licence-note",
            f"the datasheet declares {item.declared_licence}; the catalogue records "
            f"{item.catalogue_licence}"
            + (f" ({item.catalogue_licence_source})" if item.catalogue_licence_source else ""),
        )
    people = _people_note(item)
    if people:
        builder.annotate(package, "people", people)
    if item.loaders:
        builder.annotate(package, "loaders", "loader ids used: " + ", ".join(item.loaders))
    if item.this_repository:
        builder.annotate(
            package, "this-repository", "this repository: " + ", ".join(item.this_repository)
        )
    availability = item.availability
    if availability.status:
        when = f" on {availability.date}" if availability.date else ""
        by = f" by {availability.acted_by}" if availability.acted_by else ""
        via = f" (through {availability.via}, which it derives from)" if availability.via else ""
        summary = f": {availability.summary}" if availability.summary else ""
        builder.annotate(
            package,
            "availability",
            f"availability: {availability.status}{by}{when}{via}, stated by the "
            f"{availability.stated_by}{summary}",
        )
    if item.occurrences:
        lines = [f"{o.path}:{o.line}:{o.column} ({o.kind}) {o.surface}" for o in item.occurrences]
        builder.annotate(package, "occurrences", "referenced at:\n" + "\n".join(lines))
    elif not used(item):
        builder.annotate(
            package,
            "occurrences",
            "not referenced by the repository: listed as a model's training data or as the "
            "source of a dataset it uses",
        )


def _model(builder: _Builder, model_item: ModelItem, datasets: dict[str, Any]) -> Any:
    model = builder.model
    package = builder.add(
        model.ai_AIPackage(
            _id=builder.iri("model", model_item.id),
            creationInfo=builder.creation,
            name=model_item.name,
            software_primaryPurpose=model.software_SoftwarePurpose.model,
        )
    )
    for url in model_item.evidence:
        package.externalRef.append(
            model.ExternalRef(
                externalRefType=model.ExternalRefType.other,
                locator=[url],
                comment="states the model's training data",
            )
        )
    builder.relate(package, "trainedOn", [datasets[d] for d in model_item.trained_on], "trained")
    lines = [f"{o.path}:{o.line}:{o.column} {o.surface}" for o in model_item.occurrences]
    builder.annotate(package, "occurrences", "loaded at:\n" + "\n".join(lines))
    return package


def _load() -> Any:
    try:
        from spdx_python_model import v3_0_1
    except ImportError:
        raise missing_extra("spdx-python-model") from None
    return v3_0_1


def build(inventory: Inventory) -> Any:
    """The SHACL object set of the document."""
    model = _load()
    builder = _Builder(model, inventory)
    datasets = {item.id: _dataset(builder, item) for item in inventory.datasets}
    models = [_model(builder, m, datasets) for m in inventory.models]
    for item in inventory.datasets:
        builder.relate(
            datasets[item.id],
            "descendantOf",
            [datasets[lineage.dataset] for lineage in item.derived_from],
            "lineage",
        )
    repository = builder.add(
        model.software_Package(
            _id=builder.iri("repository", inventory.name),
            creationInfo=builder.creation,
            name=inventory.name,
            software_primaryPurpose=model.software_SoftwarePurpose.source,
        )
    )
    builder.relate(
        repository,
        "dependsOn",
        [datasets[item.id] for item in inventory.datasets if used(item)] + models,
        "uses",
    )
    document = model.SpdxDocument(
        _id=f"{builder.base}#document",
        creationInfo=builder.creation,
        name=f"Datasets and models of {inventory.name}",
        dataLicense=builder.add(
            model.simplelicensing_LicenseExpression(
                _id=builder.iri("licence", "CC0-1.0"),
                creationInfo=builder.creation,
                simplelicensing_licenseExpression="CC0-1.0",
            )
        ),
        profileConformance=[
            model.ProfileIdentifierType.core,
            model.ProfileIdentifierType.software,
            model.ProfileIdentifierType.simpleLicensing,
            model.ProfileIdentifierType.dataset,
            model.ProfileIdentifierType.ai,
        ],
        rootElement=[repository],
        element=list(builder.elements),
    )
    objects = model.SHACLObjectSet()
    for element in [document, *builder.elements]:
        objects.add(element)
    return objects


def render(inventory: Inventory) -> str:
    """The document as SPDX 3 JSON (the JSON-LD subset SPDX 3.0.1 defines)."""
    model = _load()
    objects = build(inventory)
    out = io.BytesIO()
    model.JSONLDSerializer().write(objects, out, indent=2, sort_keys=True, ensure_ascii=False)
    return out.getvalue().decode("utf-8") + "\n"
