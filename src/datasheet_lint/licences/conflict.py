"""Does a datasheet's licence contradict the licence the catalogue records, with its source?

A datasheet agrees with the catalogue when each of its options keeps every licence of one of the
catalogue's options: it may choose among the catalogue's ``OR`` options, or add licences (image
terms beside an annotation licence), but not name a licence the source does not state. Names of
``LicenseRef-`` licences are each author's own, so where the catalogue records one only the
sourced commercial status is compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasheet_lint.licences.evaluate import evaluate
from datasheet_lint.licences.spdx import Expression, parse
from datasheet_lint.licences.table import Table, Terms


@dataclass(frozen=True, slots=True)
class Conflict:
    catalogue_licence: str
    reason: str  # why the two disagree, in words


def _sets(expression: Expression) -> list[frozenset[str]]:
    return [frozenset(leaf.id.casefold() for leaf in option) for option in expression.options]


def conflict(
    declared: Expression,
    catalogue_licence: str | None,
    table: Table,
    *,
    catalogue_commercial: bool | None,
    declared_terms: Terms | None,
) -> Conflict | None:
    """The disagreement between a datasheet's licence and the catalogue's, if any."""
    if not catalogue_licence:
        return None
    recorded = parse(catalogue_licence, table)
    if not isinstance(recorded, Expression) or recorded.unknown:
        return None  # NOASSERTION, or nothing to compare with
    if any(leaf.kind == "ref" for leaf in recorded.leaves):
        if catalogue_commercial is not False:
            return None
        verdicts = evaluate(
            declared, table, use="commercial", activities=(), declared=declared_terms
        ).verdicts
        if any(v.code in {"DSL310", "DSL302"} for v in verdicts):
            return None  # the datasheet does not claim commercial use is allowed either
        return Conflict(
            recorded.normalised,
            "that source says it may not be used commercially, and the datasheet's licence "
            "allows it",
        )
    recorded_sets = _sets(recorded)
    for option in _sets(declared):
        if not any(r <= option for r in recorded_sets):
            return Conflict(
                recorded.normalised,
                "the datasheet names a licence that source does not state",
            )
    return None
