"""One sentence splitter: rule summaries (``rules``, docs/rules.md, SARIF shortDescription) and
blocklist summaries end where a sentence ends, never inside an abbreviation or a code span."""

from __future__ import annotations

import io
import json

import pytest

from datasheet_lint.knowledge import blocklist
from datasheet_lint.models import Report
from datasheet_lint.report import rules_doc, sarif
from datasheet_lint.rules import RULES, Rule
from datasheet_lint.sentences import ABBREVIATIONS, first_sentence, summary


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("One. Two.", "One."),
        ("Special data (GDPR Art. 9(1): health). Next.", "Special data (GDPR Art. 9(1): health)."),
        ("Says `maintenance.status: retired`. Next.", "Says `maintenance.status: retired`."),
        (
            "Names like e.g. faces_emore or i.e. MS1MV2. Next.",
            "Names like e.g. faces_emore or i.e. MS1MV2.",
        ),
        ("Collected by J. Smith et al. in 2016. Next.", "Collected by J. Smith et al. in 2016."),
        ("A list (a, b, ...). Next.", "A list (a, b, ...)."),
        ("Wait... and then. Next.", "Wait... and then."),
        ("Version 1.5 of it. Next.", "Version 1.5 of it."),
        ("Is it? Yes.", "Is it?"),
        ("No full stop at all", "No full stop at all"),
        ("Lines\n  wrapped.\nNext.", "Lines wrapped."),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_summary_cuts_at_a_colon_outside_parentheses_and_code() -> None:
    assert summary("Reports a file: the details. More.") == "Reports a file"
    assert summary("Reports (see: this) a `key: value` item. More.") == (
        "Reports (see: this) a `key: value` item"
    )


def unfinished(text: str) -> str:
    """Why ``text`` reads as cut mid-sentence, or "" when it does not."""
    last = text.rsplit(" ", 1)[-1].lstrip("(").lower()
    if last in ABBREVIATIONS:
        return f"ends at the abbreviation {last!r}"
    if text.count("`") % 2:
        return "ends inside a code span"
    if text.count("(") != text.count(")"):
        return "ends inside parentheses"
    return ""


def sarif_short_descriptions() -> dict[str, str]:
    out = io.StringIO()
    sarif.render(Report(root=".", files_scanned=0, references=(), findings=()), out)
    rules = json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["rules"]
    return {r["id"]: r["shortDescription"]["text"] for r in rules}


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_no_rule_summary_ends_mid_sentence(rule: Rule) -> None:
    assert unfinished(rule.summary) == ""
    assert sarif_short_descriptions()[rule.code] == rule.summary
    assert f"| {rule.summary} |" in rules_doc.markdown(RULES.values())


def test_the_two_summaries_that_were_cut_are_whole() -> None:
    assert RULES["DSL401"].summary.endswith("given in `collection.legal_basis.gdpr_art9`")
    assert RULES["DSL403"].summary.endswith("`retracted` (an error)")


def test_no_blocklist_summary_ends_mid_sentence() -> None:
    """A summary cut at the length limit ends in an ellipsis; the others end a sentence."""
    summaries = {d.id: d.summary for d in blocklist.builtin().datasets.values()}
    assert len(summaries) > 20
    for dataset_id, text in summaries.items():
        if not text.endswith("…"):
            assert unfinished(text) == "", dataset_id
