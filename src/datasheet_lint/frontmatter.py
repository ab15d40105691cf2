"""A Markdown file's YAML front matter, and what its keys say the file is.

Hugging Face cards (a model's or a dataset's ``README.md``) and ``MODEL_CARD.md`` files start
with YAML between two ``---`` lines. The model-card reader, the reference extractor and the
datasheet loader all find it here, so they agree on where it ends, and on whether a header
describes a model or a dataset (never both).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from datasheet_lint.lazyregex import lazy

# The opening line is the file's first; each fence is ``---`` at the start of its line
# (trailing blanks allowed): an indented ``---`` inside a block scalar is YAML, not a fence.
FENCE = lazy(r"---[ \t]*\Z")

# Keys only a dataset card's header uses, and keys that make a header a model's.
DATASET_KEYS = frozenset(
    {
        "pretty_name",
        "dataset_info",
        "configs",
        "task_categories",
        "task_ids",
        "size_categories",
        "source_datasets",
        "annotations_creators",
        "language_creators",
        "multilinguality",
        "paperswithcode_id",
        "datasheet",
    }
)
MODEL_KEYS = frozenset(
    {"library_name", "pipeline_tag", "base_model", "model-index", "model_name", "model_type"}
)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML between the fences (its first line is the file's line 2) and where the
    closing fence ends (the body follows, from its newline on)."""

    yaml: str
    end: int

    @property
    def lines(self) -> list[str]:
        """The YAML's lines; the first is the file's line 2."""
        return self.yaml.split("\n")[:-1] if self.yaml else []


def split(text: str) -> FrontMatter | None:
    """The front matter of ``text`` (newlines already normalised), or None without one."""
    first_end = text.find("\n")
    if first_end < 0 or not FENCE.match(text, 0, first_end):
        return None
    start = offset = first_end + 1
    while offset <= len(text):
        line_end = text.find("\n", offset)
        if line_end < 0:
            line_end = len(text)
        if FENCE.match(text, offset, line_end):
            return FrontMatter(text[start:offset], line_end)
        offset = line_end + 1
    return None


def blank(text: str) -> str:
    """The text with its front matter emptied, every line kept in its place."""
    found = split(text)
    if found is None:
        return text
    return "\n" * text.count("\n", 0, found.end) + text[found.end :]


def describes_model(keys: Iterable[object]) -> bool:
    """A header with a model's keys and none of a dataset card's."""
    names = {str(key) for key in keys}
    return bool(names & MODEL_KEYS) and not names & DATASET_KEYS


def describes_dataset(keys: Iterable[object]) -> bool:
    """A header with a dataset card's keys and none of a model's."""
    names = {str(key) for key in keys}
    return bool(names & DATASET_KEYS) and not names & MODEL_KEYS
