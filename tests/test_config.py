"""Configuration from pyproject.toml or .datasheet-lint.yaml changes what is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli, findings

FILES = {
    "train.py": 'rec = "/train_tmp/faces_emore"\n',  # DSL102
    "README.md": "Trained on MS-Celeb-1M.\n",  # DSL101
    "third_party/vendor.py": 'URL = "https://msceleb.org/download"\n',  # DSL101
    # DSL103
    "load.py": "from datasets import load_dataset\nx = load_dataset('laion/laion2B-en')\n",
}


def codes(run_cli, repo: Path) -> set[tuple[str, str]]:
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return {(path, code) for path, _, code, _ in findings(result)}


def test_defaults_report_everything(make_repo: MakeRepo, run_cli: RunCli) -> None:
    assert codes(run_cli, make_repo(FILES)) == {
        ("train.py", "DSL102"),
        ("README.md", "DSL101"),
        ("third_party/vendor.py", "DSL101"),
        ("load.py", "DSL103"),
    }


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            'select = ["DSL10"]\nignore = ["DSL103"]',
            {"train.py", "README.md", "third_party/vendor.py"},
        ),
        ('ignore = ["DSL1"]\nselect = ["DSL102"]', {"train.py"}),  # longest prefix wins
        ('exclude = ["third_party", "*.md"]', {"train.py", "load.py"}),
        (
            'per-file-ignores = {"third_party/**" = ["DSL101"], "load.py" = ["DSL1"]}',
            {"train.py", "README.md"},
        ),
    ],
)
def test_pyproject_settings(
    make_repo: MakeRepo, run_cli: RunCli, settings: str, expected: set[str]
) -> None:
    repo = make_repo({**FILES, "pyproject.toml": f"[tool.datasheet-lint]\n{settings}\n"})
    assert {path for path, _ in codes(run_cli, repo)} == expected


def test_yaml_settings_are_equivalent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**FILES, ".datasheet-lint.yaml": "exclude:\n  - third_party/\n  - '*.md'\n"})
    assert {path for path, _ in codes(run_cli, repo)} == {"train.py", "load.py"}


def test_allow_list_needs_a_reason_and_covers_derivatives(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    allow = 'allow = [{dataset = "ms-celeb-1m", reason = "this lab audits face datasets"}]'
    repo = make_repo({**FILES, "pyproject.toml": f"[tool.datasheet-lint]\n{allow}\n"})
    result = run_cli(repo, "check", "--format", "json")
    assert {f["dataset"] for f in result.json()["findings"]} == {"laion-5b"}
    assert result.json()["summary"]["suppressed"] == 3
    empty = make_repo(
        {
            **FILES,
            "pyproject.toml": (
                '[tool.datasheet-lint]\nallow = [{dataset = "ms-celeb-1m", reason = ""}]\n'
            ),
        }
    )
    result = run_cli(empty, "check")
    assert result.exit_code == 2 and "reason" in result.stderr


def test_severity_override_changes_the_exit_code(make_repo: MakeRepo, run_cli: RunCli) -> None:
    settings = '[tool.datasheet-lint]\nseverity = {DSL101 = "warning", DSL102 = "warning"}\n'
    repo = make_repo({"train.py": FILES["train.py"], "pyproject.toml": settings})
    result = run_cli(repo, "check", "--format", "json")
    assert [f["severity"] for f in result.json()["findings"]] == ["warning"]
    assert result.exit_code == 0


def test_settings_in_both_files_are_refused(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            **FILES,
            "pyproject.toml": "[tool.datasheet-lint]\nselect = ['DSL']\n",
            ".datasheet-lint.yaml": "select: [DSL]\n",
        }
    )
    result = run_cli(repo, "check")
    assert result.exit_code == 2 and "both" in result.stderr


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("select = 'DSL101'\nselect2 = 1", "unknown key 'select2'"),
        ("select = [1, 2]", "'select' must be a list of strings"),
        ("select = ['E501']", "'E501' is not a rule code"),
        ("max-file-size = 'big'", "'max-file-size' must be a size"),
        ("severity = {DSL101 = 'fatal'}", "must be error, warning or info"),
        ("allow = ['ms-celeb-1m']", "needs exactly 'dataset' and 'reason'"),
    ],
)
def test_wrong_values_are_user_errors(
    make_repo: MakeRepo, run_cli: RunCli, settings: str, message: str
) -> None:
    repo = make_repo({**FILES, "pyproject.toml": f"[tool.datasheet-lint]\n{settings}\n"})
    result = run_cli(repo, "check")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "pyproject.toml:" in result.stderr


def test_invalid_toml_is_a_user_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**FILES, "pyproject.toml": "[tool.datasheet-lint\nselect = \n"})
    result = run_cli(repo, "check")
    assert result.exit_code == 2 and "invalid TOML" in result.stderr


ORG_BLOCKLIST = """\
schema_version: 1
data_version: "2026.11.0"
updated: "2026-11-20"
entries:
  - id: acme-faces
    name: ACME Faces
    status: withdrawn
    date: "2025-01"
    acted_by: ACME Corp legal
    reason: Collected without consent; withdrawn internally.
    confidence: high
    sources:
      - {url: "https://intranet.example.org/acme-faces", says: "internal notice of withdrawal"}
    aliases:
      - {value: acme_faces_v2}
"""


def test_user_blocklist_adds_entries(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "train.py": 'root = "data/acme_faces_v2"\n',
            "policy/org-blocklist.yaml": ORG_BLOCKLIST,
            ".datasheet-lint.yaml": "blocklist:\n  - policy/org-blocklist.yaml\n",
        }
    )
    result = run_cli(repo, "check", "--format", "json")
    assert [(f["path"], f["rule"], f["dataset"]) for f in result.json()["findings"]] == [
        ("train.py", "DSL101", "acme-faces")
    ]


def test_user_blocklist_that_fails_its_schema_names_file_line_and_key(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    broken = ORG_BLOCKLIST.replace("status: withdrawn", "status: gone")
    repo = make_repo(
        {
            "train.py": "x = 1\n",
            "org.yaml": broken,
            ".datasheet-lint.yaml": "blocklist: [org.yaml]\n",
        }
    )
    result = run_cli(repo, "check")
    assert result.exit_code == 2
    assert "org.yaml:7:5:" in result.stderr and "status" in result.stderr


def test_missing_user_blocklist_is_a_user_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": "x = 1\n", ".datasheet-lint.yaml": "blocklist: [nope.yaml]\n"})
    result = run_cli(repo, "check")
    assert result.exit_code == 2 and "nope.yaml: blocklist file not found" in result.stderr


def test_blocklist_command_lists_the_projects_own_entries(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"org.yaml": ORG_BLOCKLIST, ".datasheet-lint.yaml": "blocklist: [org.yaml]\n"})
    listing = run_cli(repo, "blocklist")
    assert any(
        line.startswith("acme-faces") and "[org.yaml]" in line
        for line in listing.stdout.splitlines()
    )
    shown = run_cli(repo, "blocklist", "show", "acme_faces_v2")
    assert shown.exit_code == 0 and "internal notice of withdrawal" in shown.stdout
