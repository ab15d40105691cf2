"""Bring spdx-tools' SPDX 3 JSON-LD to the published SPDX 3.0.1 model.

spdx-tools 0.8.5 writes SPDX 3 from a draft of the model that predates 3.0.1
(spdx/tools-python#717, open; the pull requests that would move it to 3.0.1, #829, #897 and
#898, are open too). Its converter's output differs from 3.0.1 in ways this module undoes,
one table or function per difference:

- class and property names: ``Dataset`` is ``dataset_DatasetPackage``, ``datasetType`` is
  ``dataset_datasetType``, ``externalReference`` is ``externalRef``... (``TYPES``,
  ``PROPERTIES``); ``@id`` is ``spdxId`` and ``@type`` is ``type``;
- vocabulary: the relationship ``descendant`` is ``descendantOf``, the profile ``licensing``
  is ``simpleLicensing`` (``VALUES``, ``PROFILES``);
- creation info: the draft repeats it inside every element and carries the profiles and the
  data licence; 3.0.1 shares one ``CreationInfo`` node and puts ``profileConformance`` and
  ``dataLicense`` on the ``SpdxDocument``;
- licences: the draft's ``declaredLicense``/``concludedLicense`` properties hold a licence
  object tree; 3.0.1 links a ``simplelicensing_LicenseExpression`` element through
  ``hasDeclaredLicense``/``hasConcludedLicense`` relationships, which the draft lacks;
- personal data: the draft's ``sensitivePersonalInformation`` is a yes/no flag (and its
  converter drops a ``False``); 3.0.1's ``dataset_hasSensitivePersonalInformation`` is a
  ``PresenceType``: yes, no or noAssertion.

A property the tables do not know is an error rather than dropped: the document never says
less than the elements built, and never says it in terms 3.0.1 does not define.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
CREATION_INFO = "_:creationinfo"

TYPES = {
    "Dataset": "dataset_DatasetPackage",
    "AIPackage": "ai_AIPackage",
    "Package": "software_Package",
    "Relationship": "Relationship",
    "Annotation": "Annotation",
    "Tool": "Tool",
    "SoftwareAgent": "SoftwareAgent",
    "SpdxDocument": "SpdxDocument",
    "ExternalIdentifier": "ExternalIdentifier",
    "ExternalReference": "ExternalRef",
}
PROPERTIES = {
    "name": "name",
    "description": "description",
    "comment": "comment",
    "annotationType": "annotationType",
    "subject": "subject",
    "statement": "statement",
    "from": "from",
    "to": "to",
    "relationshipType": "relationshipType",
    "externalIdentifier": "externalIdentifier",
    "externalIdentifierType": "externalIdentifierType",
    "identifier": "identifier",
    "issuingAuthority": "issuingAuthority",
    "externalReference": "externalRef",
    "externalReferenceType": "externalRefType",
    "locator": "locator",
    "primaryPurpose": "software_primaryPurpose",
    "downloadLocation": "software_downloadLocation",
    "homepage": "software_homePage",
    "datasetType": "dataset_datasetType",
    "dataCollectionProcess": "dataset_dataCollectionProcess",
    "intendedUse": "dataset_intendedUse",
    "element": "element",
    "rootElement": "rootElement",
}
VALUES = {("relationshipType", "descendant"): "descendantOf"}
PROFILES = {"licensing": "simpleLicensing"}
PRESENCE = {True: "yes", False: "no", None: "noAssertion"}
# Handled apart from the tables above.
SPECIAL = {"@type", "@id", "creationInfo", "declaredLicense", "concludedLicense"}
SPECIAL |= {"sensitivePersonalInformation"}

Iri = Callable[[str, str], str]  # (kind, key) -> an element id in the document


def expression(licence: Any) -> str:
    """spdx-tools' licence object tree as the SPDX expression it stands for."""
    from spdx_tools.spdx3.model import licensing

    if isinstance(licence, (licensing.ConjunctiveLicenseSet, licensing.DisjunctiveLicenseSet)):
        joiner = " AND " if isinstance(licence, licensing.ConjunctiveLicenseSet) else " OR "
        return joiner.join(_operand(member) for member in licence.member)
    if isinstance(licence, licensing.WithAdditionOperator):
        return f"{expression(licence.subject_license)} WITH {licence.subject_addition.addition_id}"
    if isinstance(licence, licensing.OrLaterOperator):
        return f"{expression(licence.subject_license)}+"
    if isinstance(licence, licensing.License):
        return str(licence.license_id)
    raise ValueError(f"no SPDX expression for spdx-tools' {type(licence).__name__}")


def _operand(licence: Any) -> str:
    from spdx_tools.spdx3.model import licensing

    text = expression(licence)
    sets = (licensing.ConjunctiveLicenseSet, licensing.DisjunctiveLicenseSet)
    return f"({text})" if isinstance(licence, sets) else text


def relationship_type(draft_name: str) -> str:
    """3.0.1's name of one of spdx-tools' ``RelationshipType`` members (``DESCENDANT``)."""
    head, *rest = draft_name.lower().split("_")
    camel = head + "".join(word.capitalize() for word in rest)
    return str(VALUES.get(("relationshipType", camel), camel))


def _value(key: str, value: Any) -> Any:
    if isinstance(value, list):
        return [_value(key, v) for v in value]
    if isinstance(value, dict):
        return _node(value)
    return VALUES.get((key, value), value) if isinstance(value, str) else value


def _node(draft: dict[str, Any]) -> dict[str, Any]:
    """One element or nested object, renamed to 3.0.1's terms."""
    kind = draft["@type"]
    if kind not in TYPES:
        raise ValueError(f"spdx-tools wrote a {kind}, which the SPDX 3.0.1 adapter does not map")
    node: dict[str, Any] = {"type": TYPES[kind]}
    if "@id" in draft:
        node["spdxId"] = draft["@id"]
    if "creationInfo" in draft:
        node["creationInfo"] = CREATION_INFO
    for key, value in draft.items():
        if key in SPECIAL:
            continue
        if key not in PROPERTIES:
            raise ValueError(f"spdx-tools wrote {key!r} on a {kind}; SPDX 3.0.1 has no such term")
        node[PROPERTIES[key]] = _value(key, value)
    return node


def _creation_info(draft: dict[str, Any]) -> dict[str, Any]:
    info = {"type": "CreationInfo", "@id": CREATION_INFO}
    for key in ("specVersion", "created", "createdBy", "createdUsing", "comment"):
        if key in draft:
            info[key] = draft[key]
    return info


class _Licences:
    """3.0.1's licence elements and relationships, one element per distinct expression."""

    def __init__(self, iri: Iri) -> None:
        self.iri = iri
        self.nodes: dict[str, dict[str, Any]] = {}

    def element(self, text: str) -> str:
        spdx_id = self.iri("licence", text)
        self.nodes[spdx_id] = {
            "type": "simplelicensing_LicenseExpression",
            "spdxId": spdx_id,
            "creationInfo": CREATION_INFO,
            "simplelicensing_licenseExpression": text,
        }
        return spdx_id

    def relate(self, source: str, kind: str, licence: Any, key: str) -> None:
        if licence is None:
            return
        spdx_id = self.iri("relationship", f"{source.rsplit('#', 1)[-1]} {kind} {key}")
        self.nodes[spdx_id] = {
            "type": "Relationship",
            "spdxId": spdx_id,
            "creationInfo": CREATION_INFO,
            "from": source,
            "relationshipType": kind,
            "to": [self.element(expression(licence))],
        }


def from_spdx_tools(
    elements: Sequence[Any], drafts: Sequence[dict[str, Any]], iri: Iri
) -> dict[str, Any]:
    """The SPDX 3.0.1 JSON-LD document of spdx-tools' ``elements`` and its converter's
    output for them (``drafts``, in the same order)."""
    licences = _Licences(iri)
    graph: list[dict[str, Any]] = []
    document: dict[str, Any] | None = None
    creation: dict[str, Any] | None = None
    for element, draft in zip(elements, drafts, strict=True):  # one node per element
        node = _node(draft)
        creation = creation or draft.get("creationInfo")
        if draft["@type"] == "Dataset":
            node["dataset_hasSensitivePersonalInformation"] = PRESENCE[
                element.sensitive_personal_information
            ]
        declared = getattr(element, "declared_license", None)
        licences.relate(element.spdx_id, "hasDeclaredLicense", declared, "declared")
        concluded = getattr(element, "concluded_license", None)
        licences.relate(element.spdx_id, "hasConcludedLicense", concluded, "concluded")
        if draft["@type"] == "SpdxDocument":
            document = node
        graph.append(node)
    if document is None or creation is None:
        raise ValueError("spdx-tools' output has no SpdxDocument")
    document["profileConformance"] = [
        PROFILES.get(profile, profile) for profile in creation.get("profile", [])
    ]
    document["dataLicense"] = licences.element(creation.get("dataLicense") or "CC0-1.0")
    document["element"] = [*document.get("element", []), *licences.nodes]
    return {
        "@context": CONTEXT,
        "@graph": [_creation_info(creation), *graph, *licences.nodes.values()],
    }
