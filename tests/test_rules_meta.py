"""Every rule is complete: documented in the agreed sections, reachable by explain, and tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from datasheet_lint.rules import RULES
from datasheet_lint.rules.registry import DOC_SECTIONS, Rule

TESTS = Path(__file__).parent


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_rule_docstring_has_every_section(rule: Rule) -> None:
    missing = [s for s in DOC_SECTIONS if f"## {s}" not in rule.doc]
    assert not missing, f"{rule.code} docstring lacks {missing}"


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_rule_code_and_name_follow_conventions(rule: Rule) -> None:
    assert re.fullmatch(r"DSL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    # "no-derivatives" is the licence element's own name (Creative Commons "NoDerivatives"),
    # as issue 5 names DSL311; it describes the licence, not a ban on something.
    if rule.name != "no-derivatives":
        assert not rule.name.startswith(("no-", "banned-"))


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_rule_is_exercised_by_a_test(rule: Rule) -> None:
    texts = "\n".join(
        p.read_text(encoding="utf-8")
        for p in TESTS.glob("test_*.py")
        if p.name != Path(__file__).name
    )
    assert rule.code in texts, f"no test mentions {rule.code}"


def test_rule_names_are_unique() -> None:
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


def test_readme_rule_table_lists_every_rule() -> None:
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (DSL\d{3}) \| ([a-z-]+) \| (\w+) \|", readme, re.MULTILINE))
    assert rows == {(r.code, r.name, r.severity.label) for r in RULES.values()}
