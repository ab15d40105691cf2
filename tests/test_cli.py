"""The command line as users meet it: exit codes, errors, output shapes, and the info commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPORT_SCHEMA, ROOT, MakeRepo, RunCli, assert_valid, snapshot_tree

from datasheet_lint.rules import RULES

RETRACTED = {"train.py": 'rec = "/train_tmp/faces_emore"\n'}
CLEAN = {
    "train.py": "from datasets import load_dataset\nds = load_dataset('rajpurkar/squad')\n",
    # A complete, valid datasheet: the repository has nothing to report.
    "datasheets/squad.yaml": (ROOT / "tests" / "datasheets" / "squad.yaml").read_text("utf-8"),
}
ACADEMIC = {"pyproject.toml": '[tool.datasheet-lint]\nuse = "academic"\n'}


def test_exit_0_when_nothing_is_found(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo({**CLEAN, **ACADEMIC}), "check")
    assert result.exit_code == 0, result.stdout
    assert "Found no findings" in result.stdout or "no findings" in result.stdout


def test_exit_1_with_findings_in_path_line_col_format(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo(RETRACTED), "check", "--color", "never")
    assert result.exit_code == 1
    assert result.stdout.startswith("train.py:1:19: DSL102 retracted-derivative: 'faces_emore'")
    assert "1 error" in result.stdout.splitlines()[-1]


def test_exit_zero_and_fail_on_change_only_the_exit_code(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(RETRACTED)
    assert run_cli(repo, "check", "--exit-zero").exit_code == 0
    assert run_cli(repo, "check", "--fail-on", "never").exit_code == 0
    assert "DSL102" in run_cli(repo, "check", "--exit-zero").stdout


def test_warnings_fail_only_when_asked(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {"t.py": "from datasets import load_dataset\nx = load_dataset('laion/laion2B-en')\n"}
    )
    result = run_cli(repo, "check", "--format", "json")
    assert [f["severity"] for f in result.json()["findings"]] == ["warning"]
    assert result.exit_code == 0
    assert run_cli(repo, "check", "--fail-on", "warning").exit_code == 1


def test_missing_path_is_a_clear_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo(CLEAN), "check", "no/such/dir")
    assert result.exit_code == 2
    assert "datasheet-lint: error: no/such/dir: no such file or directory" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_option_is_a_usage_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo(CLEAN), "check", "--no-such-option")
    assert result.exit_code == 2


def test_bad_config_key_names_file_line_and_suggests(make_repo: MakeRepo, run_cli: RunCli) -> None:
    pyproject = (
        '[project]\nname = "x"\n\n[tool.datasheet-lint]\nselect = ["DSL1"]\nfail_on = "error"\n'
    )
    result = run_cli(make_repo({**CLEAN, "pyproject.toml": pyproject}), "check")
    assert result.exit_code == 2
    assert "error: pyproject.toml:6: unknown key 'fail_on'" in result.stderr
    assert "did you mean 'fail-on'?" in result.stderr


def test_bad_config_value_is_a_clear_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    config = "select:\n  - DSL1\nfail-on: sometimes\n"
    result = run_cli(make_repo({**CLEAN, ".datasheet-lint.yaml": config}), "check")
    assert result.exit_code == 2
    assert ".datasheet-lint.yaml:3" in result.stderr and "fail-on" in result.stderr


def test_broken_yaml_config_points_at_the_line(make_repo: MakeRepo, run_cli: RunCli) -> None:
    config = "select: [DSL1\nignore: []\n"
    result = run_cli(make_repo({**CLEAN, ".datasheet-lint.yaml": config}), "check")
    assert result.exit_code == 2
    assert "error: .datasheet-lint.yaml:2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_report_matches_its_schema(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            **RETRACTED,
            "load.py": CLEAN["train.py"],
            "datasheets/squad.yaml": CLEAN["datasheets/squad.yaml"],
            "README.md": "Trained on MS1MV3.\n",
        }
    )
    result = run_cli(repo, "check", "--format", "json")
    report = result.json()
    assert_valid(report, REPORT_SCHEMA)
    keys = ["schema_version", "tool", "references", "findings", "skipped", "summary"]
    assert list(report) == keys
    assert report["summary"]["files_scanned"] == 3
    assert report["summary"]["errors"] == 1  # the README's prose mention is a warning
    assert {r["path"] for r in report["references"]} == {"train.py", "load.py", "README.md"}


def test_paths_are_relative_to_the_project_root(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"src/deep/train.py": RETRACTED["train.py"]})
    from_root = run_cli(repo, "check", "src", "--format", "json").json()
    from_inside = run_cli(repo / "src" / "deep", "check", ".", "--format", "json").json()
    assert [f["path"] for f in from_root["findings"]] == ["src/deep/train.py"]
    assert [f["path"] for f in from_inside["findings"]] == ["src/deep/train.py"]


def test_single_files_can_be_checked(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**RETRACTED, "other.yaml": "dataset: ms1mv3\n"})
    result = run_cli(repo, "check", "other.yaml", "--format", "json")
    assert [f["path"] for f in result.json()["findings"]] == ["other.yaml"]


def test_rules_lists_every_rule(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "rules")
    assert result.exit_code == 0
    listed = [line.split(maxsplit=3) for line in result.stdout.splitlines()]
    assert [(code, name, severity) for code, name, severity, _summary in listed] == [
        (rule.code, rule.name, rule.severity.name.lower()) for rule in RULES.values()
    ]
    assert len(listed) >= 25  # every family: nothing was lost from the registry either


@pytest.mark.parametrize("name", ["DSL101", "dsl102", "deprecated-dataset"])
def test_explain_prints_the_rule_docs(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    result = run_cli(tmp_path, "explain", name)
    assert result.exit_code == 0
    assert "## Why is this bad?" in result.stdout and "## How to fix" in result.stdout


def test_explain_unknown_rule_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "explain", "DSL999")
    assert result.exit_code == 2
    assert "unknown rule 'DSL999'" in result.stderr


def test_blocklist_lists_and_shows_entries_with_sources(run_cli: RunCli, tmp_path: Path) -> None:
    listing = run_cli(tmp_path, "blocklist")
    assert listing.exit_code == 0
    for entry in ("ms-celeb-1m", "duke-mtmc", "brainwash"):
        assert any(line.startswith(entry) for line in listing.stdout.splitlines())
    shown = run_cli(tmp_path, "blocklist", "show", "faces_emore")
    assert shown.exit_code == 0
    assert "ms1mv2" in shown.stdout and "ms-celeb-1m" in shown.stdout
    assert "https://" in shown.stdout


def test_blocklist_show_unknown_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "blocklist", "show", "mnist")
    assert result.exit_code == 2
    assert "no blocklist entry" in result.stderr


def test_version_shows_the_blocklist_data_version(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("datasheet-lint 0.")
    assert "blocklist 20" in result.stdout


def test_module_and_console_script_run(make_repo: MakeRepo) -> None:
    repo = make_repo(RETRACTED)
    module = subprocess.run(
        [sys.executable, "-m", "datasheet_lint", "check", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == 1
    assert "DSL102" in module.stdout
    script = Path(sys.executable).parent / "datasheet-lint"
    version = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and "datasheet-lint" in version.stdout


def test_console_script_ends_with_its_output_and_status(make_repo: MakeRepo) -> None:
    """A large report arrives whole through a pipe, and 0, 1 and 2 keep their meaning."""
    repo = make_repo({f"m{i}.py": "import ms_celeb_1m  # MS1MV2 emore\n" for i in range(300)})
    script = str(Path(sys.executable).parent / "datasheet-lint")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([script, *args], cwd=repo, capture_output=True, text=True)

    report = run("check", "--format", "json")
    assert report.returncode == 1
    findings = json.loads(report.stdout)["findings"]  # the whole document, not a prefix
    assert len({f["path"] for f in findings}) == 300
    assert run("check", "--exit-zero").returncode == 0
    assert run("check", "--no-such-option").returncode == 2
    assert run("check", "missing-path").returncode == 2
    # With nobody reading the rest, the run still ends (and reports the failure).
    with subprocess.Popen([script, "check"], cwd=repo, stdout=subprocess.PIPE) as process:
        assert process.stdout is not None
        process.stdout.read(10)
        process.stdout.close()
        assert process.wait(timeout=60) != 0


def test_main_returns_the_exit_status_in_process(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``main(argv) -> int`` never ends the process: a caller (a test, a wrapper) gets the
    status and can go on."""
    from datasheet_lint.cli import main

    repo = make_repo(RETRACTED)
    monkeypatch.chdir(repo)
    assert main(["check", "--color", "never"]) == 1
    assert "train.py:1:" in capsys.readouterr().out
    assert main(["check", "--exit-zero"]) == 0
    assert main(["check", "no-such-path"]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert main(["--no-such-option"]) == 2


def test_atexit_handlers_run_after_the_command(make_repo: MakeRepo) -> None:
    """``python -m datasheet_lint`` ends through ``SystemExit``: the interpreter shuts down
    normally, so ``atexit`` handlers (coverage, profilers, a wrapper's clean-up) run, and the
    status is the command's."""
    repo = make_repo(RETRACTED)
    probe = (
        "import atexit, runpy\n"
        "atexit.register(print, 'atexit handler ran')\n"
        "runpy.run_module('datasheet_lint', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1] == "atexit handler ran"
    assert "train.py:1:" in done.stdout
    assert "Exception ignored" not in done.stderr


def test_check_writes_nothing(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**RETRACTED, "README.md": "MS1MV2\n"})
    before = snapshot_tree(repo, skip=())  # .git too: check never refreshes the index
    for args in (["check"], ["check", "--format", "json"], ["refs"], ["rules"], ["blocklist"]):
        run_cli(repo, *args)
    assert snapshot_tree(repo, skip=()) == before


def test_output_cut_short_by_the_reader_is_no_internal_error() -> None:
    """`datasheet-lint rules | head -0`: the reader has gone before the first write; exit 1,
    nothing on stderr. The pipe's read end is closed before the process starts, so every
    write fails, whatever the machine's load (a reader that reads a line first races the
    writer: the whole listing may fit in the pipe before it leaves)."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "datasheet_lint", "rules"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    error = done.stderr.decode()
    assert done.returncode == 1, error
    assert "internal error" not in error and "Traceback" not in error, error
