"""The README's datasheet walk-through, run for real on a copy of examples/datasheet-flow:
check fails, init --missing writes datasheets, answering their TODOs makes check pass, and
the non-commercial dataset fails the same check once the repository states commercial use."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, RunCli, init_repo
from tests.test_init import fill

EXAMPLE = ROOT / "examples" / "datasheet-flow"


def codes(run_cli: RunCli, repo: Path) -> tuple[int, list[tuple[str, str, str]]]:
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    found = [(f["rule"], f["severity"], f["dataset"]) for f in result.json()["findings"]]
    return result.exit_code, found


def test_the_readme_walk_through(tmp_path: Path, run_cli: RunCli) -> None:
    repo = tmp_path / "flow"
    shutil.copytree(EXAMPLE, repo)
    init_repo(repo)

    code, found = codes(run_cli, repo)
    assert code == 1
    assert found == [("DSL201", "error", "alpaca"), ("DSL201", "error", "squad")]

    assert run_cli(repo, "init", "--missing").exit_code == 0
    code, found = codes(run_cli, repo)
    assert code == 1  # required answers are still TODO
    assert {rule for rule, severity, _ in found if severity == "error"} == {"DSL206"}

    for sheet in (repo / "datasheets").iterdir():
        sheet.write_text(fill(sheet.read_text(encoding="utf-8")), encoding="utf-8")
    code, found = codes(run_cli, repo)
    assert code == 0, found
    assert [f for f in found if f[1] == "error"] == []

    settings = repo / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('use = "academic"', 'use = "commercial"'), encoding="utf-8")
    code, found = codes(run_cli, repo)
    assert code == 1
    assert [f for f in found if f[1] == "error"] == [("DSL310", "error", "alpaca")]
