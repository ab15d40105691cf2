"""Model cards in the repository: which files are cards, and the datasets each one lists.

A model card is a ``MODEL_CARD.md``, or a ``README.md`` whose YAML front matter describes a
model (``library_name``, ``pipeline_tag``, ``base_model``, ``model-index``...) rather than a
dataset. Its ``datasets:`` names are resolved to canonical dataset ids, so a rule can compare
them with the datasets the training code loads. A card whose front matter cannot be read is
taken to list nothing (and so is one whose header is over ``MAX_HEADER``); it never stops a
run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from datasheet_lint import frontmatter
from datasheet_lint.errors import UserError
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import Location, SourceFile

CARD_NAMES = frozenset({"model_card.md", "modelcard.md"})
# Front matter parsed, in characters: real cards' headers are a few kilobytes, and the
# pure-Python YAML parser took minutes for a README whose 1 MB header was a list of names.
MAX_HEADER = 65_536


@dataclass(frozen=True, slots=True)
class ModelCard:
    """A model card: where it is, where its ``datasets:`` key is (or would go), and the
    canonical ids of the datasets it lists."""

    path: str
    location: Location
    datasets: frozenset[str]
    header_end: int = 0  # the line of the front matter's closing '---' (0: none)


def _header(file: SourceFile) -> Mapping[str, Any] | None:
    from datasheet_lint import yamlio

    found = frontmatter.split(file.text)
    if found is None or len(found.yaml) > MAX_HEADER:
        return None
    try:
        document = yamlio.load_yaml(found.yaml, origin=file.path)
    except UserError:
        return None
    return document if isinstance(document, Mapping) else None


def _is_card(name: str, header: Mapping[str, Any] | None) -> bool:
    if name.lower() in CARD_NAMES:
        return True
    if name.lower() != "readme.md" or header is None:
        return False
    return frontmatter.describes_model(header)


def _listed(header: Mapping[str, Any] | None) -> list[str]:
    """The names under ``datasets:`` (a list or a single name)."""
    value = header.get("datasets") if header is not None else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, str | int)]
    return []


def read(file: SourceFile, knowledge: Knowledge) -> ModelCard | None:
    """The file as a model card, or None if it is not one."""
    name = file.path.rsplit("/", 1)[-1]
    if name.lower() not in CARD_NAMES | {"readme.md"}:
        return None
    header = _header(file)
    if not _is_card(name, header):
        return None
    from datasheet_lint import yamlio

    line, column = 1, 1
    if header is not None:
        key = "datasets" if "datasets" in header else next(iter(header), None)
        where = yamlio.position(header, [key]) if key is not None else None
        if where is not None:
            line, column = where[0] + 1, where[1]  # the front matter starts on line 2
    datasets = frozenset(
        found
        for value in _listed(header)
        if (found := knowledge.resolve("hf", value.strip())) is not None
    )
    header_end = 0
    if header is not None:  # the YAML's lines, then the closing '---'
        matter = frontmatter.split(file.text)
        header_end = (matter.yaml if matter else "").count("\n") + 3
    return ModelCard(file.path, Location(file.path, line, column), datasets, header_end)
