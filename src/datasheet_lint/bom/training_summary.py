"""The inventory as a draft of the EU AI Act's public summary of training content.

Article 53(1)(d) of the AI Act (Regulation (EU) 2024/1689) asks every provider of a
general-purpose AI model to publish a summary of the content used to train it, following a
template of the AI Office: the European Commission's "Explanatory Notice and Template for the
Public Summary of Training Content for general-purpose AI models", published 24 July 2025.
This module writes that template's sections, in its order and under its headings, as
Markdown. It fills in only what the datasheets state (and, named as such, the catalogue and
the blocklist); every other answer is a line marked QUESTION for the provider, and datasets
the datasheets do not place in one of the template's categories are listed in drafting notes
after the template, not guessed into one. The text depends only on the inventory: the same
repository state gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasheet_lint.bom.inventory import URL, DatasetItem, Inventory, used
from datasheet_lint.ownreports import SUMMARY_DRAFT, SUMMARY_NOTES, SUMMARY_TITLE

QUESTION = "**QUESTION**"
TEMPLATE = (
    "European Commission, AI Office: *Explanatory Notice and Template for the Public Summary "
    "of Training Content for general-purpose AI models*, 24 July 2025"
)
TEMPLATE_URL = (
    "https://digital-strategy.ec.europa.eu/en/library/"
    "explanatory-notice-and-template-public-summary-training-content-general-purpose-ai-models"
)
MODALITIES = ("Text", "Image", "Audio", "Video", "Other")
MODALITY_OF = {"text": "Text", "image": "Image", "images": "Image", "audio": "Audio"}
MODALITY_OF |= {"speech": "Audio", "video": "Video"}
TRAINING = {"train", "fine-tune"}  # uses.this_repository values that make it training content
MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~])")
UNSTATED = {"noassertion", "unknown"}  # a licence field that states no licence


def _text(value: str) -> str:
    """Datasheet text on one line, with Markdown and HTML taken literally: a datasheet is the
    scanned repository's, and must not restructure or script the document."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    return MARKDOWN.sub(r"\\\1", flat.replace("&", "&amp;"))


def _link(url: str) -> str:
    return f"<{url}>" if URL.match(url) else _text(url)


def _names(items: Iterable[DatasetItem]) -> str:
    return ", ".join(_text(item.name) for item in items)


def _training(item: DatasetItem) -> bool | None:
    """True or False when the datasheet says what this repository does with the dataset."""
    if not item.this_repository:
        return None
    return bool(TRAINING & set(item.this_repository))


def _modalities(item: DatasetItem) -> set[str]:
    return {MODALITY_OF.get(m.lower(), "Other") for m in item.modalities}


def _stated(licence: str) -> str:
    return "" if licence.strip().casefold() in UNSTATED else licence


def _entry(item: DatasetItem) -> list[str]:
    """One dataset: what the datasheet (or catalogue, blocklist) states, nothing more."""
    sheet = f"datasheet {_text(item.datasheet)}" if item.datasheet else "no datasheet"
    lines = [f"- **{_text(item.name)}** (id {_text(item.id)}; {sheet})"]
    links = [*([item.homepage] if item.homepage else []), *item.download_locations]
    lines.append(
        "  - Link: " + ", ".join(_link(u) for u in links)
        if links
        else f"  - Link: {QUESTION}: none stated"
    )
    if item.modalities:
        lines.append(f"  - Modalities (datasheet): {_text(', '.join(item.modalities))}")
    if item.size:
        lines.append(f"  - Size (datasheet, as written): {_text(item.size)}")
    declared, catalogue = _stated(item.declared_licence), _stated(item.catalogue_licence)
    licence = [f"{_text(declared)} (datasheet)"] if declared else []
    if catalogue and catalogue != declared:
        licence.append(f"{_text(catalogue)} (datasheet-lint's catalogue)")
    lines.append(
        "  - Licence: " + "; ".join(licence) if licence else f"  - Licence: {QUESTION}: none stated"
    )
    lines += _people(item)
    if item.availability.status:
        state = item.availability
        when = f" on {_text(state.date)}" if state.date else ""
        by = f" by {_text(state.acted_by)}" if state.acted_by else ""
        sources = ", ".join(_link(u) for u in state.sources)
        lines.append(
            f"  - Availability: {_text(state.status)}{by}{when}, per the {state.stated_by}"
            + (f" ({sources})" if sources else "")
        )
    if item.this_repository:
        lines.append(f"  - Use in this repository (datasheet): {', '.join(item.this_repository)}")
    return lines


def _people(item: DatasetItem) -> list[str]:
    people = item.people
    if not item.datasheet:
        return [f"  - Personal data: {QUESTION}: no datasheet states it"]
    said = people.phrases()
    if people.consent:
        said.append(f"consent: {people.consent}")
    if not said:
        return [f"  - Personal data: {QUESTION}: the datasheet does not say"]
    return [f"  - Personal data (datasheet): {_text('; '.join(said))}"]


def _general(inventory: Inventory, training: list[DatasetItem]) -> list[str]:
    lines = ["## 1. General information", "", "### 1.1. Provider identification", ""]
    lines += [
        f"- Provider name and contact details: {QUESTION}",
        f"- Authorised representative name and contact details: {QUESTION}",
        "",
        "### 1.2. Model identification",
        "",
        f"- Versioned model name(s): {QUESTION}",
    ]
    dependencies = f"- Model dependencies: {QUESTION}: is the model a modification or fine-tuning"
    dependencies += " of general-purpose AI models already placed on the market?"
    if inventory.models:
        named = []
        for model in inventory.models:
            trained = f" (trained on {', '.join(model.trained_on)}, per the blocklist)"
            named.append(_text(model.name) + (trained if model.trained_on else ""))
        dependencies += " The code loads these pretrained weights: " + "; ".join(named) + "."
    lines += [dependencies, f"- Date of placement of the model on the Union market: {QUESTION}"]
    lines += ["", "### 1.3. Modalities, overall training data size and other characteristics", ""]
    lines += ["| Modality | Training data size | Types of content |", "|---|---|---|"]
    for modality in MODALITIES:
        stated = [item for item in training if modality in _modalities(item)]
        if not stated:
            lines.append(f"| {modality}: {QUESTION}: no datasheet states it | – | – |")
            continue
        sizes = "; ".join(f"{_text(i.name)}: {_text(i.size)}" for i in stated if i.size)
        size = f"{QUESTION}: the range" + (f" (datasheets state {sizes})" if sizes else "")
        lines.append(f"| {modality}: in {_names(stated)} | {size} | {QUESTION} |")
    lines += [
        "",
        f"- Latest date of data acquisition/collection for model training: {QUESTION}",
        f"- Linguistic characteristics of the overall training data: {QUESTION}",
        f"- Other relevant characteristics of the overall training data: {QUESTION}",
        "",
    ]
    return lines


def _sources(training: list[DatasetItem]) -> list[str]:
    public = [item for item in training if item.access == "open"]
    lines = ["## 2. List of data sources", "", "### 2.1. Publicly available datasets", ""]
    if public:
        lines.append(
            "- Have you used publicly available datasets to train the model? Yes: the "
            f"datasheets state open access for {_names(public)}."
        )
        found = sorted({m for item in public for m in _modalities(item)})
        lines.append(f"- Modality(ies) of the content covered: {', '.join(found) or QUESTION}")
        lines.append(
            f"- List of large publicly available datasets: {QUESTION}: keep those the template "
            "counts as large (at least 3% of the publicly available data used for a modality):"
        )
        lines += [f"  {line}" for item in public for line in _entry(item)]
    else:
        lines.append(
            f"- Have you used publicly available datasets to train the model? {QUESTION}: no "
            "datasheet of a training dataset states open access."
        )
    lines += [
        f"- General description of other publicly available datasets not listed above: {QUESTION}",
        "",
        "### 2.2. Private non-publicly available datasets obtained from third parties",
        "",
        "#### 2.2.1. Datasets commercially licensed by rightsholders or their representatives",
        "",
        f"- Have you concluded transactional commercial licensing agreement(s) with "
        f"rightsholder(s) or with their representatives? {QUESTION}",
        "",
        "#### 2.2.2. Private datasets obtained from other third parties",
        "",
    ]
    private = [item for item in training if item.access in {"gated", "restricted"}]
    hint = (
        f" The datasheets state gated or restricted access for {_names(private)}."
        if private
        else ""
    )
    lines += [
        f"- Have you obtained private datasets from third parties (not licensed as in 2.2.1)? "
        f"{QUESTION}{hint}",
        "",
        "### 2.3. Data crawled and scraped from online sources",
        "",
    ]
    web = [item for item in training if item.people.collection_source == "public_web"]
    hint = f": the datasheets say {_names(web)} came from the public web." if web else ""
    lines += [
        f"- Have you crawled and scraped data from online sources? {QUESTION}{hint}",
        "",
        "### 2.4. User data",
        "",
        "- Was data from user interactions with the AI model (e.g. user input and prompts) used "
        f"to train the model? {QUESTION}",
        "- Was data collected from user interactions with the provider's other services or "
        f"products used to train the model? {QUESTION}",
        "",
        "### 2.5. Synthetic data",
        "",
    ]
    generated = [i for i in training if any(s.relation == "generated-from" for s in i.derived_from)]
    hint = (
        f" The datasheets say {_names(generated)} was generated from other data."
        if generated
        else ""
    )
    lines += [
        "- Was synthetic AI-generated data created by the provider or on their behalf to train "
        f"the model? {QUESTION}{hint}",
        "",
        "### 2.6. Other sources of data",
        "",
        f"- Have data sources not covered above been used to train the model? {QUESTION}",
        "",
    ]
    return lines


def _processing(training: list[DatasetItem]) -> list[str]:
    lines = [
        "## 3. Data processing aspects",
        "",
        "### 3.1. Respect of reservation of rights from text and data mining exception or "
        "limitation",
        "",
        "- Are you a Signatory to the Code of Practice for general-purpose AI models that "
        f"includes commitments to respect reservations of rights? {QUESTION}",
        "- Measures implemented before model training to respect reservations of rights from "
        f"the text and data mining exception or limitation: {QUESTION}",
        "",
        "### 3.2. Removal of illegal content",
        "",
        f"- General description of measures taken: {QUESTION}",
        "",
        "### 3.3. Other information (optional)",
        "",
    ]
    removed = [item for item in training if item.availability.removed]
    if removed:
        lines.append(
            f"- {QUESTION}: whether to state that their publishers withdrew or retracted "
            f"{_names(removed)} (see their entries' availability)."
        )
    else:
        lines.append("- None drafted.")
    return [*lines, ""]


def _notes(
    unplaced: list[DatasetItem], unknown: list[DatasetItem], other: list[DatasetItem]
) -> list[str]:
    lines = [SUMMARY_NOTES, ""]
    if unplaced:
        lines.append(
            f"Used for training, but no datasheet states open access. {QUESTION}: which "
            "section (2.1 to 2.6) does each belong to?"
        )
        lines += ["", *[line for item in unplaced for line in _entry(item)], ""]
    if unknown:
        lines.append(
            f"Referenced by the repository, but no datasheet says whether it is used for "
            f"training (uses.this_repository). {QUESTION}: is it training content?"
        )
        lines += ["", *[line for item in unknown for line in _entry(item)], ""]
    if other:
        lines += [f"Not training content, per their datasheets: {_names(other)}.", ""]
    if not (unplaced or unknown or other):
        lines += ["The repository references no dataset.", ""]
    return lines


def render(inventory: Inventory) -> str:
    """The draft summary as Markdown."""
    referenced = [item for item in inventory.datasets if used(item)]
    training = [item for item in referenced if _training(item)]
    lines = [
        f"{SUMMARY_TITLE}{QUESTION} (model name)",
        "",
        f"{SUMMARY_DRAFT}{_text(inventory.tool_version)} from the datasheets of "
        f"{_text(inventory.name)}, following the template of the {TEMPLATE} (<{TEMPLATE_URL}>), "
        "under Article 53(1)(d) of the AI Act. It states only what the datasheets say (and "
        "datasheet-lint's catalogue and blocklist, where named). Every line marked "
        "QUESTION is for the provider to answer before publishing.",
        "",
        f"- Version of the Summary: {QUESTION}",
        f"- Last update: {QUESTION}",
        "",
        *_general(inventory, training),
        *_sources(training),
        *_processing(training),
        *_notes(
            [item for item in training if item.access != "open"],
            [item for item in referenced if _training(item) is None],
            [item for item in referenced if _training(item) is False],
        ),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
