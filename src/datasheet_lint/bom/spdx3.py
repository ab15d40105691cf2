"""The inventory as an SPDX 3.0.1 JSON-LD document (Dataset and AI profiles), through spdx-tools.

The elements are built with spdx-tools' ``spdx3`` model, which type-checks every value as it
is set, and written to JSON-LD by its writer's converter. spdx-tools 0.8.5 (the newest
release) implements a draft of SPDX 3.0 that predates 3.0.1 (spdx/tools-python#717): its
terms, namespaces and licence fields are not 3.0.1's. ``spdx301`` brings the converter's
output to the published 3.0.1 model, and the SPDX project's generated 3.0.1 bindings
(spdx-python-model) then read it, which rejects anything the 3.0.1 model does not allow, and
write the document. docs/bom.md lists each gap and how it is filled.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from typing import Any

from datasheet_lint.bom import creation_time, missing_extra, spdx_expression
from datasheet_lint.bom.inventory import DatasetItem, Inventory, ModelItem, used

SPEC_VERSION = "3.0.1"
BASE = "https://spdx.org/spdxdocs/datasheet-lint/"  # + the inventory's digest: one per content

# Datasheet modalities (composition.modalities) that name an SPDX DatasetType.
DATASET_TYPES = {
    "image": "IMAGE",
    "images": "IMAGE",
    "text": "TEXT",
    "audio": "AUDIO",
    "speech": "AUDIO",
    "video": "VIDEO",
    "tabular": "STRUCTURED",
    "structured": "STRUCTURED",
    "graph": "GRAPH",
    "time-series": "TIMESERIES",
    "timeseries": "TIMESERIES",
    "sensor": "SENSOR",
    "numeric": "NUMERIC",
    "categorical": "CATEGORICAL",
}


def _slug(text: str) -> str:
    """A readable, IRI-safe id part; a hash keeps different ids apart."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-._") else "-" for c in text)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe.strip('-')[:60]}-{digest}"


def local(spdx_id: str) -> str:
    """The part of an element's id after the document's base."""
    return spdx_id.rsplit("#", 1)[-1]


class _Builder:
    """Creates spdx-tools elements, each with an id derived from the content."""

    def __init__(self, tools: Any, inventory: Inventory) -> None:
        self.tools = tools
        model = tools.model
        self.base = f"{BASE}{inventory.name and _slug(inventory.name)}-{inventory.digest()[:16]}"
        self.payload = tools.Payload()
        tool_id = f"{self.base}#tool-datasheet-lint"
        agent_id = f"{self.base}#agent-datasheet-lint"
        profiles = ("CORE", "SOFTWARE", "LICENSING", "DATASET", "AI")
        self.creation = model.CreationInfo(
            spec_version=tools.Version(SPEC_VERSION),
            created=creation_time(),
            created_by=[agent_id],
            created_using=[tool_id],
            profile=[getattr(model.ProfileIdentifierType, p) for p in profiles],
        )
        self.add(
            model.Tool(
                tool_id,
                creation_info=self.creation,
                name=f"datasheet-lint {inventory.tool_version}",
            )
        )
        self.add(model.SoftwareAgent(agent_id, creation_info=self.creation, name="datasheet-lint"))

    def iri(self, kind: str, key: str) -> str:
        return f"{self.base}#{kind}-{_slug(key)}"

    def add(self, element: Any) -> Any:
        self.payload.add_element(element)
        return element

    def relate(self, source: Any, kind: str, targets: Iterable[Any], key: str) -> None:
        """A relationship of spdx-tools' ``RelationshipType`` ``kind`` (``TRAINED_ON``); its
        id names the type as 3.0.1 does, as ids made before spdx-tools was used did."""
        from datasheet_lint.bom.spdx301 import relationship_type

        to = [target.spdx_id for target in targets]
        if not to:
            return
        name = relationship_type(kind)
        self.add(
            self.tools.model.Relationship(
                self.iri("relationship", f"{local(source.spdx_id)} {name} {key}"),
                source.spdx_id,
                getattr(self.tools.model.RelationshipType, kind),
                to,
                creation_info=self.creation,
            )
        )

    def annotate(self, subject: Any, topic: str, statement: str) -> None:
        model = self.tools.model
        self.add(
            model.Annotation(
                self.iri("annotation", f"{local(subject.spdx_id)} {topic}"),
                model.AnnotationType.OTHER,
                subject.spdx_id,
                creation_info=self.creation,
                statement=statement,
            )
        )

    def licence(self, text: str) -> Any | None:
        """The expression as spdx-tools' licence model (a listed licence, a set, a WITH),
        parsed by spdx-tools' own SPDX licensing; None when it is not an SPDX expression."""
        expression = spdx_expression(text)
        if expression is None:
            return None
        parsed = self.tools.spdx_licensing.parse(expression)
        return self.tools.bump_license_expression(parsed, [])


def _presence(item: DatasetItem) -> bool | None:
    """spdx-tools' draft has a yes/no flag; None is "no assertion" (3.0.1's PresenceType)."""
    people = item.people
    if people.personal_data or people.biometric:
        return True
    if people.contains_people == "no":
        return False
    return None


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
    parts = people.phrases()
    if people.sensitive_content:
        parts.append(f"sensitive content: {people.sensitive_content}")
    return "; ".join(parts)


def _dataset(builder: _Builder, item: DatasetItem) -> Any:
    model = builder.tools.model
    dataset_type = builder.tools.DatasetType
    types = sorted({DATASET_TYPES.get(m.lower(), "") for m in item.modalities} - {""})
    concluded_text = (
        item.catalogue_licence
        if item.catalogue_licence and (not item.declared_licence or item.licences_differ)
        else ""
    )
    package = builder.tools.Dataset(
        builder.iri("dataset", item.id),
        item.name,
        originated_by=[],  # no datasheet field names an agent: left out, not guessed
        download_location=item.download_locations[0] if item.download_locations else None,
        primary_purpose=model.software.SoftwarePurpose.DATA,
        built_time=None,
        release_time=None,
        dataset_type=[getattr(dataset_type, t) for t in types] or [dataset_type.NO_ASSERTION],
        creation_info=builder.creation,
        description=item.description or None,
        homepage=item.homepage or None,
        data_collection_process=_collection(item) or None,
        intended_use="; ".join(item.intended_use) or None,
        sensitive_personal_information=_presence(item),
        declared_license=builder.licence(item.declared_licence) if item.declared_licence else None,
        concluded_license=builder.licence(concluded_text) if concluded_text else None,
        external_identifier=[
            model.ExternalIdentifier(
                model.ExternalIdentifierType.OTHER,
                item.id,
                comment="the dataset's id in datasheet-lint's catalogue and blocklist, or the "
                "loader's own name for a dataset they do not know",
                issuing_authority="datasheet-lint",
            )
        ],
        external_reference=[
            model.ExternalReference(
                model.ExternalReferenceType.OTHER,
                [url],
                comment=f"states that the dataset is {item.availability.status}",
            )
            for url in item.availability.sources
        ],
    )
    builder.add(package)
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
    model = builder.tools.model
    package = builder.add(
        builder.tools.AIPackage(
            builder.iri("model", model_item.id),
            model_item.name,
            supplied_by=[],
            download_location=None,
            package_version=None,
            primary_purpose=model.software.SoftwarePurpose.MODEL,
            release_time=None,
            creation_info=builder.creation,
            external_reference=[
                model.ExternalReference(
                    model.ExternalReferenceType.OTHER,
                    [url],
                    comment="states the model's training data",
                )
                for url in model_item.evidence
            ],
        )
    )
    builder.relate(package, "TRAINED_ON", [datasets[d] for d in model_item.trained_on], "trained")
    lines = [f"{o.path}:{o.line}:{o.column} {o.surface}" for o in model_item.occurrences]
    builder.annotate(package, "occurrences", "loaded at:\n" + "\n".join(lines))
    return package


class _Tools:
    """spdx-tools' modules, imported only when a BOM is written."""

    def __init__(self) -> None:
        try:
            from semantic_version import Version
            from spdx_tools.common.spdx_licensing import spdx_licensing
            from spdx_tools.spdx3 import model
            from spdx_tools.spdx3.bump_from_spdx2.license_expression import (
                bump_license_expression,
            )
            from spdx_tools.spdx3.model.ai.ai_package import AIPackage
            from spdx_tools.spdx3.model.dataset.dataset import Dataset, DatasetType
            from spdx_tools.spdx3.payload import Payload
            from spdx_tools.spdx3.writer.json_ld import json_ld_converter
        except ImportError:
            raise missing_extra("spdx-tools") from None
        self.model = model
        self.Version = Version
        self.spdx_licensing = spdx_licensing
        self.bump_license_expression = bump_license_expression
        self.AIPackage = AIPackage
        self.Dataset = Dataset
        self.DatasetType = DatasetType
        self.Payload = Payload
        self.converter = json_ld_converter


def build(tools: _Tools, inventory: Inventory) -> _Builder:
    """The document's elements, built with spdx-tools' model, in the builder's payload."""
    model = tools.model
    builder = _Builder(tools, inventory)
    datasets = {item.id: _dataset(builder, item) for item in inventory.datasets}
    models = [_model(builder, m, datasets) for m in inventory.models]
    for item in inventory.datasets:
        builder.relate(
            datasets[item.id],
            "DESCENDANT",
            [datasets[lineage.dataset] for lineage in item.derived_from],
            "lineage",
        )
    repository = builder.add(
        model.software.Package(
            builder.iri("repository", inventory.name),
            inventory.name,
            creation_info=builder.creation,
            primary_purpose=model.software.SoftwarePurpose.SOURCE,
        )
    )
    builder.relate(
        repository,
        "DEPENDS_ON",
        [datasets[item.id] for item in inventory.datasets if used(item)] + models,
        "uses",
    )
    elements = list(builder.payload.get_full_map())
    builder.add(
        model.SpdxDocument(
            f"{builder.base}#document",
            f"Datasets and models of {inventory.name}",
            element=elements,
            root_element=[repository.spdx_id],
            creation_info=builder.creation,
        )
    )
    return builder


def render(inventory: Inventory) -> str:
    """The document as SPDX 3 JSON (the JSON-LD subset SPDX 3.0.1 defines): spdx-tools'
    JSON-LD, brought to 3.0.1, then read and written by the generated 3.0.1 bindings."""
    from datasheet_lint.bom import spdx301

    tools = _Tools()
    builder = build(tools, inventory)
    # The converter is what spdx-tools' write_payload() uses; write_payload itself only
    # writes to a file name it appends ".jsonld" to, with the draft's inline context.
    drafts = tools.converter.convert_payload_to_json_ld_list_of_elements(builder.payload)
    elements = list(builder.payload.get_full_map().values())
    document = spdx301.from_spdx_tools(elements, drafts, builder.iri)
    try:
        from spdx_python_model import v3_0_1
    except ImportError:
        raise missing_extra("spdx-python-model") from None
    objects = v3_0_1.SHACLObjectSet()
    v3_0_1.JSONLDDeserializer().read(io.BytesIO(json.dumps(document).encode("utf-8")), objects)
    out = io.BytesIO()
    v3_0_1.JSONLDSerializer().write(objects, out, indent=2, sort_keys=True, ensure_ascii=False)
    return out.getvalue().decode("utf-8") + "\n"
