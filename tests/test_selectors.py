"""A typo never gives a silent green: every rule selector and allowed dataset in settings and
on the command line must name something that exists (exit 2 with a did-you-mean, like ruff),
and a rule's name works wherever its code does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import MakeRepo, RunCli, findings
from tests.test_config import FILES


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["--select", "DSL120"], "did you mean 'DSL102'?"),
        (["--select", "E501"], "'datasheet-lint rules' lists them"),
        (["--select", "DSL1,retracted-datset"], "did you mean 'retracted-dataset'?"),
        (["--ignore", "DSL99"], "did you mean"),
    ],
)
def test_an_unknown_selector_on_the_command_line_is_an_error(
    args: list[str], suggestion: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(FILES)
    result = run_cli(repo, "check", *args)
    assert result.exit_code == 2
    assert "matches no rule" in result.stderr and suggestion in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_rule_name_selects_its_rule(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(FILES)
    result = run_cli(repo, "check", "--select", "retracted-dataset", "--format", "json")
    assert result.exit_code == 1
    assert {code for _, _, code, _ in findings(result)} == {"DSL101"}
    ignored = run_cli(repo, "check", "--ignore", "retracted-dataset", "--format", "json")
    assert "DSL101" not in {code for _, _, code, _ in findings(ignored)}


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('select = ["DSL120"]', "'select': 'DSL120' is not a rule code, prefix or name"),
        ('ignore = ["DSL999"]', "'ignore': 'DSL999'"),
        ('severity = {DSL109 = "warning"}', "'severity': 'DSL109' is not a rule code or name"),
        ('severity = {DSL1 = "warning"}', "'severity': 'DSL1' is not a rule code or name"),
        ('per-file-ignores = {"*.py" = ["DSL199"]}', "'per-file-ignores': 'DSL199'"),
        (
            'allow = [{dataset = "ms-celeb-1n", reason = "audited"}]',
            "'allow': unknown dataset 'ms-celeb-1n'",
        ),
        (
            'allow = [{dataset = "MS1MV2", reason = "audited"}]',
            "'allow': unknown dataset 'MS1MV2'",
        ),
    ],
)
def test_an_unknown_code_or_dataset_in_settings_is_an_error(
    settings: str, expected: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({**FILES, "pyproject.toml": f"[tool.datasheet-lint]\n{settings}\n"})
    result = run_cli(repo, "check")
    assert result.exit_code == 2, result.stdout
    assert expected in result.stderr
    assert "did you mean" in result.stderr
    assert "pyproject.toml" in result.stderr


def _severity_of(result_json: dict[str, Any], code: str) -> set[str]:
    return {f["severity"] for f in result_json["findings"] if f["rule"] == code}


@pytest.mark.parametrize(
    ("settings", "holds"),
    [
        (
            'severity = {retracted-derivative = "warning"}',
            lambda report: _severity_of(report, "DSL102") == {"warning"},
        ),
        (
            'per-file-ignores = {"train.py" = ["retracted-derivative"]}',
            lambda report: _severity_of(report, "DSL102") == set(),
        ),
        (
            'allow = [{dataset = "ms-celeb-1m", reason = "audited"}]',
            lambda report: report["summary"]["suppressed"] == 3,
        ),
        ('allow = [{dataset = "hf:acme/claims", reason = "ours"}]', lambda report: True),
    ],
)
def test_names_and_known_datasets_are_accepted(
    settings: str, holds: Callable[[Any], bool], make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({**FILES, "pyproject.toml": f"[tool.datasheet-lint]\n{settings}\n"})
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert holds(result.json())
