"""Monorepos: the closest settings file per file, as in ruff; argument order never changes a
result; a commit that touches two projects is checked, each with its own settings."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MakeRepo, RunCli, findings

HIT = 'rec = "/train_tmp/faces_emore"\n'  # DSL102, an error by default
MONOREPO = {
    "top.py": HIT,
    "a/pyproject.toml": '[project]\nname = "a"\n\n[tool.datasheet-lint]\nignore = ["DSL102"]\n',
    "a/x.py": HIT,
    "b/.datasheet-lint.yaml": "severity: {DSL102: warning}\nfail-on: warning\n",
    "b/y.py": HIT,
    "c/pyproject.toml": '[tool.datasheet-lint]\nseverity = {DSL102 = "warning"}\n',
    "c/z.py": HIT,
    "c/deeper/pyproject.toml": '[tool.datasheet-lint]\nselect = ["DSL1"]\n',
    "c/deeper/w.py": HIT,
}


def found(run_cli: RunCli, repo: Path, *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    result = run_cli(repo, "check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    rows = [(f["path"], f["rule"], f["severity"]) for f in result.json()["findings"]]
    return result.exit_code, rows


def test_each_file_takes_the_closest_settings(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(MONOREPO)
    code, rows = found(run_cli, repo)
    assert rows == [
        ("b/y.py", "DSL102", "warning"),
        ("c/deeper/w.py", "DSL102", "error"),  # its own settings, not c's severity
        ("c/z.py", "DSL102", "warning"),
        ("top.py", "DSL102", "error"),
    ]
    assert code == 1


def test_argument_order_never_changes_the_result(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(MONOREPO)
    paths = ["a/x.py", "b/y.py", "c/z.py", "top.py"]
    forward = run_cli(repo, "check", "--format", "json", *paths)
    backward = run_cli(repo, "check", "--format", "json", *reversed(paths))
    assert forward.exit_code == backward.exit_code == 1, forward.stderr + backward.stderr
    assert json.loads(forward.stdout) == json.loads(backward.stdout)
    assert {p for p, *_ in findings(forward)} == {"b/y.py", "c/z.py", "top.py"}


def test_two_projects_of_one_repository_in_one_staged_run(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(MONOREPO)
    code, rows = found(run_cli, repo, "--staged", "a/x.py", "b/y.py")
    assert rows == [("b/y.py", "DSL102", "warning")]
    assert code == 1  # b fails on warnings
    code, rows = found(run_cli, repo, "--staged", "a/x.py", "c/z.py")
    assert rows == [("c/z.py", "DSL102", "warning")]
    assert code == 0  # c fails on errors only (the default), a has nothing


def test_inside_a_sub_project_paths_stay_its_own(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(MONOREPO)
    code, rows = found(run_cli, repo / "c")
    assert code == 1
    assert rows == [("deeper/w.py", "DSL102", "error"), ("z.py", "DSL102", "warning")]


def test_baseline_writes_one_file_per_project_and_check_is_then_clean(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(MONOREPO)
    made = run_cli(repo, "baseline")
    assert made.exit_code == 0, made.stderr
    for project in ("", "b/", "c/", "c/deeper/"):
        baseline = repo / f"{project}.datasheet-lint-baseline.json"
        assert baseline.is_file(), project
    nested = json.loads((repo / ".datasheet-lint-baseline.json").read_text(encoding="utf-8"))
    assert "a/x.py" not in json.dumps(nested) and "top.py" in json.dumps(nested)
    after = run_cli(repo, "check", "--format", "json")
    assert after.exit_code == 0, after.stdout
    assert after.json()["findings"] == []


def test_a_project_inside_an_excluded_folder_is_not_scanned(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The root's `exclude` covers the folders under it, nested projects included."""
    repo = make_repo(
        {
            "pyproject.toml": '[tool.datasheet-lint]\nexclude = ["examples/**"]\n',
            "app.py": "print('no data here')\n",
            "examples/demo/pyproject.toml": "[tool.datasheet-lint]\n",
            "examples/demo/train.py": "ROOT = 'data/faces_emore'\n",
        }
    )
    result = run_cli(repo, "check", ".", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert result.json()["findings"] == []
