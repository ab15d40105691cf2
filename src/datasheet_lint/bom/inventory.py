"""The inventory: what a repository trains and evaluates on, as one value both BOM formats read.

It is built from what ``check`` and ``refs`` already compute (the run's references and
datasets, the blocklist and the catalogue) and from the datasheets that cover each dataset.
It says only what those sources say: a field no datasheet fills stays empty, and a dataset
without a datasheet is marked as such instead of being described from guesses. Writers turn
it into SPDX 3.0.1 or CycloneDX; neither looks at the repository again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from datasheet_lint.datasheets.match import Coverage
from datasheet_lint.datasheets.model import Datasheet
from datasheet_lint.knowledge.blocklist import BlockedDataset
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import Kind, Reference, Report


class Occurrence(NamedTuple):
    """One place in the repository that references a dataset or model: the evidence."""

    path: str  # from the repository's top
    line: int
    column: int
    kind: str
    surface: str


class Availability(NamedTuple):
    """Whether the dataset can still be had, and who says so."""

    status: str  # a blocklist or datasheet status (retracted, withdrawn, ...), or "" if unknown
    stated_by: str  # "blocklist", "datasheet" or ""
    date: str = ""
    acted_by: str = ""
    summary: str = ""
    sources: tuple[str, ...] = ()  # URLs that state it
    via: str = ""  # the blocklist entry a derivative inherits its status from

    @property
    def removed(self) -> bool:
        return self.status in {"retracted", "withdrawn", "taken-down"}


class Lineage(NamedTuple):
    """One ``lineage.derived_from`` item, or a blocklist derivative's parent."""

    dataset: str  # the id it names
    relation: str
    stated_by: str  # "datasheet" or "blocklist"


class People(NamedTuple):
    """What the datasheet says about people in the data and how it was collected."""

    contains_people: str = ""  # yes / no / unknown, as written
    personal_data: tuple[str, ...] = ()
    biometric: tuple[str, ...] = ()
    includes_minors: str = ""
    sensitive_content: str = ""
    consent: str = ""
    consent_evidence: str = ""
    collection_process: str = ""
    collection_source: str = ""

    def phrases(self) -> list[str]:
        """What the datasheet says of people in the data, as short phrases, for every format
        that notes it in prose ("contains people: yes", "biometric data: face")."""
        said = []
        if self.contains_people:
            said.append(f"contains people: {self.contains_people}")
        if self.personal_data:
            said.append(f"personal data: {', '.join(self.personal_data)}")
        if self.biometric:
            said.append(f"biometric data: {', '.join(self.biometric)}")
        if self.includes_minors:
            said.append(f"includes minors: {self.includes_minors}")
        return said


class DatasetItem(NamedTuple):
    """One dataset the repository uses (or that a used one derives from)."""

    id: str
    name: str
    origin: str  # "blocklist", "catalogue", "unresolved", or "lineage" (named only as a source)
    datasheet: str  # the datasheet file ("" when there is none)
    homepage: str
    download_locations: tuple[str, ...]
    loaders: tuple[str, ...]  # the loader ids the code uses, as spelled
    modalities: tuple[str, ...]
    declared_licence: str  # the datasheet's SPDX expression ("" when it states none)
    catalogue_licence: str  # the catalogue's licence ("" when it has none)
    catalogue_licence_source: str
    people: People
    intended_use: tuple[str, ...]
    this_repository: tuple[str, ...]  # what this repository does with it, per the datasheet
    availability: Availability
    derived_from: tuple[Lineage, ...]
    occurrences: tuple[Occurrence, ...]
    description: str = ""
    access: str = ""  # distribution.access: open, gated, restricted, internal, unavailable
    size: str = ""  # composition.size as written: a count or text, no unit implied

    @property
    def has_datasheet(self) -> bool:
        return bool(self.datasheet)

    @property
    def licences_differ(self) -> bool:
        """The datasheet and the catalogue name different licences."""
        if not self.declared_licence or not self.catalogue_licence:
            return False
        return _canonical(self.declared_licence) != _canonical(self.catalogue_licence)


class ModelItem(NamedTuple):
    """Pretrained weights the code loads (DSL104's ``model`` references)."""

    id: str
    name: str
    trained_on: tuple[str, ...]  # dataset ids, where the blocklist states the training set
    evidence: tuple[str, ...]  # URLs that state the training set
    occurrences: tuple[Occurrence, ...]


class Inventory(NamedTuple):
    """The repository's datasets and models, sorted, plus what produced the inventory."""

    name: str  # the project folder's name
    datasets: tuple[DatasetItem, ...]
    models: tuple[ModelItem, ...]
    tool_version: str
    blocklist_version: str
    catalogue_version: str

    def digest(self) -> str:
        """A hash of the content: the BOMs derive their ids and serial number from it, so the
        same repository state gives the same document."""
        text = json.dumps(_plain(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _canonical(expression: str) -> str:
    return " ".join(expression.replace("(", " ( ").replace(")", " ) ").split()).casefold()


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip() and v != "TODO")


URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+$")


def _urls(values: Iterable[str]) -> tuple[str, ...]:
    """The values that are URLs: a datasheet may write "ask the authors" where a link goes,
    and both formats require a URI there."""
    return tuple(v for v in values if URL.match(v))


def _word(sheet: Datasheet | None, *path: str) -> str:
    return (sheet.text(*path) or "") if sheet is not None else ""


def _people(sheet: Datasheet | None) -> People:
    if sheet is None:
        return People()
    return People(
        contains_people=_word(sheet, "composition", "contains_people"),
        personal_data=_strings(sheet.get("composition", "personal_data")),
        biometric=_strings(sheet.get("composition", "biometric", "modalities")),
        includes_minors=_word(sheet, "composition", "includes_minors"),
        sensitive_content=_word(sheet, "composition", "sensitive_content"),
        consent=_word(sheet, "collection", "consent"),
        consent_evidence=_word(sheet, "collection", "consent_evidence"),
        collection_process=_word(sheet, "collection", "process"),
        collection_source=_word(sheet, "collection", "source"),
    )


def _availability(dataset_id: str, sheet: Datasheet | None, knowledge: Knowledge) -> Availability:
    """The blocklist first (it cites its sources), else the datasheet's maintenance status."""
    blocked = knowledge.blocklist.get(dataset_id)
    if blocked is not None:
        entry: BlockedDataset = knowledge.blocklist.parent_of(blocked)
        return Availability(
            status=entry.status,
            stated_by="blocklist",
            date=entry.date or "",
            acted_by=entry.acted_by,
            summary=entry.summary,
            sources=tuple(s.url for s in entry.sources),
            via=entry.id if entry is not blocked else "",
        )
    status = sheet.status if sheet is not None else None
    if status:
        sources = _urls(_strings(sheet.get("maintenance", "status_sources"))) if sheet else ()
        return Availability(status=status, stated_by="datasheet", sources=sources)
    return Availability(status="", stated_by="")


def _lineage(dataset_id: str, sheet: Datasheet | None, knowledge: Knowledge) -> list[Lineage]:
    found: list[Lineage] = []
    if sheet is not None:
        for _, source, relation in sheet.derived_from:
            target = knowledge.known(source, whole=True) or source
            found.append(Lineage(target, relation, "datasheet"))
    blocked = knowledge.blocklist.get(dataset_id)
    parent = blocked.parent if blocked is not None else None
    if blocked is not None and parent and all(item.dataset != parent for item in found):
        found.append(Lineage(parent, blocked.relation, "blocklist"))
    return found


def _occurrence(reference: Reference, report: Report) -> Occurrence:
    where = reference.location
    return Occurrence(
        report.repository_path(where.path),
        where.line,
        where.column,
        reference.kind.value,
        reference.surface,
    )


def _dataset(
    dataset_id: str,
    name: str,
    origin: str,
    sheet: Datasheet | None,
    references: Iterable[Reference],
    report: Report,
    knowledge: Knowledge,
) -> DatasetItem:
    entry = knowledge.catalogue.datasets.get(dataset_id)
    refs = sorted(references, key=lambda r: (r.location, r.kind.value, r.surface))
    pages = (_word(sheet, "homepage"), (entry.homepage or "") if entry is not None else "")
    homepage = next(iter(_urls(pages)), "")
    licence = (entry.licence or "") if entry is not None else ""
    return DatasetItem(
        id=dataset_id,
        name=sheet.name if sheet is not None and sheet.text("name") else name,
        origin=origin,
        datasheet=report.repository_path(sheet.path) if sheet is not None else "",
        homepage=homepage,
        download_locations=_urls(_strings(sheet.get("distribution", "download_urls")))
        if sheet
        else (),
        loaders=tuple(sorted({r.surface for r in refs if r.kind is Kind.LOAD})),
        modalities=_strings(sheet.get("composition", "modalities")) if sheet else (),
        declared_licence=(sheet.license or "") if sheet is not None else "",
        catalogue_licence=licence,
        catalogue_licence_source=(entry.licence_source or "") if entry and licence else "",
        people=_people(sheet),
        intended_use=_strings(sheet.get("uses", "intended")) if sheet else (),
        this_repository=(sheet.activities or ()) if sheet is not None else (),
        availability=_availability(dataset_id, sheet, knowledge),
        derived_from=tuple(_lineage(dataset_id, sheet, knowledge)),
        occurrences=tuple(_occurrence(r, report) for r in refs if r.kind is not Kind.MODEL),
        description=_word(sheet, "description"),
        access=_word(sheet, "distribution", "access"),
        size=_size(sheet),
    )


def _size(sheet: Datasheet | None) -> str:
    """composition.size as written: YAML reads a bare count as a number."""
    value = sheet.get("composition", "size") if sheet is not None else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _word(sheet, "composition", "size")


def _models(report: Report, knowledge: Knowledge) -> tuple[ModelItem, ...]:
    """One model per distinct name the code loads weights by."""
    by_name: dict[str, list[Reference]] = {}
    for ref in report.references:
        if ref.kind is Kind.MODEL:
            by_name.setdefault(ref.surface, []).append(ref)
    models = []
    for surface, refs in sorted(by_name.items()):
        trained: set[str] = set()
        evidence: set[str] = set()
        for ref in refs:
            model = knowledge.blocklist.model_named(ref.surface, ref.dataset)
            if model is not None:  # the blocklist states the training set, with sources
                trained.add(model.trained_on)
                evidence.update(s.url for s in model.sources)
        models.append(
            ModelItem(
                id=surface,
                name=surface,
                trained_on=tuple(sorted(trained)),
                evidence=tuple(sorted(evidence)),
                occurrences=tuple(
                    _occurrence(r, report) for r in sorted(refs, key=lambda r: r.location)
                ),
            )
        )
    return tuple(models)


def build(
    report: Report,
    sheets: Sequence[Datasheet],
    knowledge: Knowledge,
    *,
    name: str,
    tool_version: str,
) -> Inventory:
    """The inventory of a run: each dataset its references name, each dataset a used one
    derives from, and the models whose training set the blocklist states."""
    coverage = Coverage.build(sheets, knowledge)
    references: dict[str, list[Reference]] = {}
    for ref in report.references:
        references.setdefault(ref.dataset, []).append(ref)
    models = _models(report, knowledge)
    items: dict[str, DatasetItem] = {}
    for dataset in report.datasets:
        covering = coverage.sheets_for(dataset.id)
        sheet = covering[0] if covering else None
        items[dataset.id] = _dataset(
            dataset.id,
            dataset.name,
            dataset.origin,
            sheet,
            references.get(dataset.id, ()),
            report,
            knowledge,
        )
    # A model's training set and a used dataset's sources are elements too, so that the
    # relationships have both ends; they carry only what the knowledge says of them.
    wanted = [m for model in models for m in model.trained_on]
    wanted += [lineage.dataset for item in list(items.values()) for lineage in item.derived_from]
    while wanted:
        dataset_id = wanted.pop()
        if dataset_id in items:
            continue
        described = knowledge.describe(dataset_id)
        covering = coverage.sheets_for(dataset_id)
        item = _dataset(
            dataset_id,
            described.name,
            "lineage" if described.origin == "unresolved" else described.origin,
            covering[0] if covering else None,
            (),
            report,
            knowledge,
        )
        items[dataset_id] = item
        wanted.extend(lineage.dataset for lineage in item.derived_from)
    return Inventory(
        name=name,
        datasets=tuple(items[key] for key in sorted(items)),
        models=models,
        tool_version=tool_version,
        blocklist_version=report.blocklist_version,
        catalogue_version=knowledge.catalogue.data_version,
    )


def used(item: DatasetItem) -> bool:
    """The repository references the dataset itself (not only through a model or lineage)."""
    return bool(item.occurrences)


def as_mapping(inventory: Inventory) -> Mapping[str, Any]:
    """Plain values, for tests and debugging."""
    result: Mapping[str, Any] = _plain(inventory)
    return result
