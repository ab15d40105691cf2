"""Rules read one ``Context`` built once per run: no rule family imports another, no rule
loads shipped data, and each datasheet's licence is read once however many rules judge it."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import MakeRepo

from datasheet_lint import engine
from datasheet_lint.config import Config
from datasheet_lint.licences import reading

RULES_DIR = Path(__file__).resolve().parents[1] / "src/datasheet_lint/rules"
FAMILIES = sorted(RULES_DIR.glob("dsl*.py"))
SHARED = {"datasheet_lint.rules.registry", "datasheet_lint.rules._common"}


def _imports(path: Path) -> set[str]:
    """Every module a file imports from (at the top or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("family", FAMILIES, ids=lambda p: p.stem)
def test_a_rule_family_imports_no_other_family(family: Path) -> None:
    rules = {m for m in _imports(family) if m.startswith("datasheet_lint.rules.")}
    others = {m for m in rules if m not in SHARED and m.rsplit(".", 1)[0] not in SHARED}
    assert not others, f"{family.stem} imports {sorted(others)}: shared helpers go to _common"


@pytest.mark.parametrize("family", FAMILIES, ids=lambda p: p.stem)
def test_a_rule_family_loads_no_shipped_data(family: Path) -> None:
    """The terms table, the schema, the blocklist and the catalogue come from the Context."""
    loaders = {
        "datasheet_lint.licences.table.builtin",
        "datasheet_lint.knowledge.blocklist.builtin",
        "datasheet_lint.knowledge.catalogue.builtin",
        "datasheet_lint.licences.reading.read",
    }
    assert not _imports(family) & loaders
    assert "validate.schema(" not in family.read_text(encoding="utf-8")


def test_each_datasheet_licence_is_read_once_per_run(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seven DSL3xx rules judge each licence; the reading is computed once, by the engine."""
    sheet = (
        "datasheet_version: 1\nid: {id}\nname: {id}\n"
        "distribution:\n  license: {licence}\n"
        "composition:\n  contains_people: no\n"
    )
    repo = make_repo(
        {
            "train.py": "from datasets import load_dataset\nload_dataset('squad')\n",
            "datasheets/squad.yaml": sheet.format(id="squad", licence="CC-BY-SA-4.0"),
            "datasheets/mine.yaml": sheet.format(id="mine", licence="CC-BY-NC-4.0"),
            "pyproject.toml": '[tool.datasheet-lint]\nuse = "commercial"\n',
        }
    )
    read_sheets: list[str] = []
    original: Callable[..., Any] = reading.read

    def counting(sheet: Any, *args: Any) -> Any:
        read_sheets.append(sheet.path)
        return original(sheet, *args)

    monkeypatch.setattr(reading, "read", counting)
    config, targets = engine.load_config([str(repo)])
    assert isinstance(config, Config)
    report = engine.run(config, targets)
    assert any(f.code == "DSL310" for f in report.findings)  # the licences were judged
    assert sorted(read_sheets) == ["datasheets/mine.yaml", "datasheets/squad.yaml"]
