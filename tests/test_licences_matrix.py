"""Every Creative Commons licence x stated use x activity: the evaluator against the hand-written
table, and docs/licences.md against the same table (one source for both)."""

from __future__ import annotations

import pytest
from tests.conftest import ROOT

from datasheet_lint.licences import matrix, spdx
from datasheet_lint.licences.evaluate import evaluate
from datasheet_lint.licences.table import builtin

TABLE = builtin()
CELLS = list(matrix.cells(TABLE))


def spdx_cc_ids() -> set[str]:
    """Every Creative Commons id in the SPDX list that license-expression bundles."""
    import license_expression  # type: ignore[import-untyped]

    return {
        e["spdx_license_key"]
        for e in license_expression.get_license_index()
        if str(e.get("spdx_license_key") or "").startswith("CC")
    }


def test_the_table_covers_every_creative_commons_licence_in_the_spdx_list() -> None:
    in_table = {licence.id for licence in matrix.cc_licences(TABLE)}
    assert len(spdx_cc_ids()) >= 55
    assert spdx_cc_ids() <= in_table
    # The one extra is the licence SPDX accepted after the bundled list (3.29).
    assert in_table - spdx_cc_ids() == {"CC-BY-NC-3.0-IGO"}


def test_every_cc_licence_has_a_cell_for_each_use_and_activity() -> None:
    assert len(CELLS) == len(matrix.cc_licences(TABLE)) * 2 * 5
    assert {(use, activity) for _, use, activity, _ in CELLS} == {
        (u, a) for u in matrix.USES for a in matrix.ACTIVITIES
    }


@pytest.mark.parametrize(
    ("licence_id", "use", "activity", "expected"),
    [(lic.id, use, activity, cell) for lic, use, activity, cell in CELLS],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_cc_licence_use_and_activity_give_the_expected_findings(
    licence_id: str, use: str, activity: str, expected: tuple[str, ...]
) -> None:
    expression = spdx.parse(licence_id, TABLE)
    assert isinstance(expression, spdx.Expression)
    result = evaluate(expression, TABLE, use=use, activities=(activity,))
    found = sorted(f"{v.code} {v.severity.label}" for v in result.verdicts)
    assert found == sorted(expected)


def test_docs_licences_md_is_generated_from_the_table() -> None:
    current = (ROOT / "docs" / "licences.md").read_text(encoding="utf-8")
    assert current == matrix.markdown(TABLE), (
        "docs/licences.md is out of date: run "
        "`python -m datasheet_lint.licences.matrix > docs/licences.md`"
    )


def test_the_docs_show_each_cell_and_say_it_is_not_legal_advice() -> None:
    page = matrix.markdown(TABLE)
    assert "not legal advice" in page
    row = next(line for line in page.splitlines() if line.startswith("| [CC-BY-NC-ND-4.0]"))
    assert row.count("DSL310 error") == 5  # the commercial table comes first
    assert "DSL311 warning" in row and "DSL311 error" in row
