"""Helpers that rules of several families share, so that no family imports another."""

from __future__ import annotations

from collections.abc import Sequence

from datasheet_lint.knowledge.blocklist import BlockedDataset
from datasheet_lint.models import Reference
from datasheet_lint.rules.registry import Context

# What the body that acted did, by blocklist status: "which Microsoft withdrew in 2019".
VERBS = {
    "retracted": "retracted",
    "withdrawn": "withdrew",
    "taken-down": "took down",
    "deprecated": "deprecated",
    "replaced": "replaced",
}

DOCS = (".md", ".markdown", ".rst", ".txt", ".adoc")


def short_name(dataset: BlockedDataset) -> str:
    """'MS-Celeb-1M (Microsoft Celeb)' -> 'MS-Celeb-1M'."""
    return dataset.name.split(" (", 1)[0]


def what_happened(entry: BlockedDataset) -> str:
    """'Microsoft withdrew MS-Celeb-1M in 2019-06: <summary>'."""
    when = f" in {entry.date}" if entry.date else ""
    summary = entry.summary.rstrip(".")
    if summary[1:2].islower():  # "Deleted after..." reads on after a colon as "deleted after..."
        summary = summary[0].lower() + summary[1:]
    return f"{entry.acted_by} {VERBS[entry.status]} {short_name(entry)}{when}: {summary}"


def status_in_brief(entry: BlockedDataset, *, medium: bool = False) -> str:
    """'withdrawn 2019-06' (the status and date of a top-level entry, for one-line messages)."""
    when = f" {entry.date}" if entry.date else ""
    return f"{entry.status.replace('-', ' ')}{when}{', medium confidence' if medium else ''}"


def used_references(ctx: Context) -> list[Reference]:
    """References of the kinds that need a datasheet (settings: ``require-datasheet``)."""
    kinds = set(ctx.config.require_datasheet)
    return [r for r in ctx.references if r.kind.value in kinds]


def by_dataset(references: Sequence[Reference]) -> dict[str, list[Reference]]:
    """References grouped by dataset, code before docs, then in file order.

    The first reference of a group is where a finding about the dataset goes: the place the
    code uses it beats a command line quoted in a changelog.
    """
    groups: dict[str, list[Reference]] = {}
    ordered = sorted(
        references,
        key=lambda r: (
            r.location.path.lower().endswith(DOCS),
            r.location.path,
            r.location.line,
            r.location.column,
        ),
    )
    for ref in ordered:
        groups.setdefault(ref.dataset, []).append(ref)
    return groups


def elsewhere(count: int) -> str:
    """' (2 more references elsewhere)' after a finding placed at the first of several."""
    if count == 0:
        return ""
    return f" ({count} more reference{'s' if count != 1 else ''} elsewhere)"
