"""One datasheet's licence, read and judged against the stated use and activities.

The rules of DSL3xx all start from this: the licence as parsed, the terms the datasheet
declares for its own licences, and the verdicts for the option that suits the use best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from datasheet_lint.datasheets.model import Datasheet
from datasheet_lint.licences import spdx
from datasheet_lint.licences.evaluate import Evaluation, Verdict, declared_terms, evaluate
from datasheet_lint.licences.table import EMPTY, Table, Terms, builtin
from datasheet_lint.models import Location

LICENSE = ("distribution", "license")


@dataclass(frozen=True, slots=True)
class Reading:
    sheet: Datasheet
    parsed: spdx.Parsed | None  # None: no licence written (missing, empty or TODO)
    terms: Terms | None  # declared in distribution.terms
    evaluation: Evaluation | None  # for a valid expression
    use: str | None
    activities: tuple[str, ...]

    @property
    def location(self) -> Location:
        return self.sheet.location(*LICENSE)

    @property
    def use_words(self) -> str:
        return f'use = "{self.use}"' if self.use else "no stated use"

    @property
    def surface(self) -> str:
        """The licence as the finding's fingerprint sees it: stable across reformatting."""
        if isinstance(self.parsed, spdx.Expression):
            return self.parsed.normalised
        return self.parsed.text if self.parsed is not None else ""

    def verdicts(self, code: str) -> list[Verdict]:
        if self.evaluation is None:
            return []
        return [v for v in self.evaluation.verdicts if v.code == code]


def read(sheet: Datasheet, table: Table, use: str | None, activities: Sequence[str]) -> Reading:
    """Parse and judge ``sheet``'s licence; its ``uses.this_repository`` replaces activities."""
    acts = tuple(sheet.activities or activities)
    text = sheet.license
    if text is None:
        return Reading(sheet, None, None, None, use, acts)
    parsed = spdx.parse(text, table)
    terms = declared_terms(sheet.get("distribution", "terms"))
    evaluation = None
    if isinstance(parsed, spdx.Expression) and not parsed.unknown:
        source = sheet.text("distribution", "license_url") or f"{sheet.path} (distribution.terms)"
        evaluation = evaluate(
            parsed, table, use=use, activities=acts, declared=terms, declared_source=source
        )
    return Reading(sheet, parsed, terms, evaluation, use, acts)


def read_all(
    sheets: Sequence[Datasheet], use: str | None, activities: Sequence[str]
) -> tuple[Table, tuple[Reading, ...]]:
    """The terms table and every datasheet's reading, once per run for all the DSL3xx rules.

    The table (and license-expression) load only when some datasheet names a licence; a
    sheet without one looks nothing up, so the empty table stands in.
    """
    table = builtin() if any(sheet.license is not None for sheet in sheets) else EMPTY
    return table, tuple(read(sheet, table, use, activities) for sheet in sheets)
