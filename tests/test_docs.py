"""Docs that cannot drift: the rules page and the README table come from the registry."""

from __future__ import annotations

import re

from tests.conftest import ROOT

from datasheet_lint.report import rules_doc
from datasheet_lint.rules import RULES


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_doc.markdown(RULES.values()), (
        "docs/rules.md is out of date: run `datasheet-lint rules --format markdown > docs/rules.md`"
    )


def test_every_rule_has_an_anchor_in_the_rules_page() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"## {rule.code} {rule.name}\n" in page
        assert f"](#{rules_doc.anchor(rule)})" in page


def test_no_snippet_installs_a_release_tag_that_does_not_exist() -> None:
    """No release is tagged yet: README and the CI examples install from main or a commit."""
    texts = [ROOT / "README.md", *sorted((ROOT / "examples" / "ci").iterdir())]
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"datasheet-lint(?:\.git)?@v\d|rev:\s*v\d", text), path
