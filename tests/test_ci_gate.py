"""The CI gate: baselines, --staged, --diff and --output, on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import git
from tests.conftest import ACTOR, MakeRepo, RunCli, findings

FACES = 'rec = "/train_tmp/faces_emore"\n'


def codes_and_lines(run_cli: RunCli, repo: Path, *args: str) -> set[tuple[str, int, str]]:
    result = run_cli(repo, "check", "--format", "json", "--select", "DSL1", *args)
    assert result.exit_code in (0, 1), result.stderr
    return {(path, line, code) for path, line, code, _ in findings(result)}


def test_baseline_hides_known_findings_and_survives_moved_lines(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": FACES, "README.md": "We used MS1MV3.\n"})
    written = run_cli(repo, "baseline")
    assert written.exit_code == 0 and "2 entries" in written.stdout
    assert run_cli(repo, "check").exit_code == 0  # everything known
    # Moving code does not bring findings back; a new one is reported.
    (repo / "train.py").write_text("import os\n\n\n" + FACES + 'x = "ms1mv3"\n', encoding="utf-8")
    assert codes_and_lines(run_cli, repo) == {("train.py", 5, "DSL102")}
    report = run_cli(repo, "check", "--format", "json").json()
    assert report["summary"]["findings"] == 1


def test_fixed_findings_make_baseline_entries_stale(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": FACES, "README.md": "We used MS1MV3.\n"})
    run_cli(repo, "baseline")
    (repo / "README.md").write_text("We used CIFAR-10.\n", encoding="utf-8")
    result = run_cli(repo, "check", "--format", "json")
    (stale,) = result.json()["findings"]
    assert (stale["rule"], stale["path"], stale["dataset"]) == (
        "DSL902",
        ".datasheet-lint-baseline.json",
        "ms1mv3",
    )
    baseline_lines = (repo / ".datasheet-lint-baseline.json").read_text().split("\n")
    assert '"ms1mv3"' in baseline_lines[stale["line"] - 1]
    assert result.exit_code == 0  # a stale entry is a warning
    run_cli(repo, "baseline", "--update")
    assert run_cli(repo, "check", "--format", "json").json()["findings"] == []


def test_baseline_refuses_to_overwrite_and_writes_atomically(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": FACES})
    assert run_cli(repo, "baseline").exit_code == 0
    before = (repo / ".datasheet-lint-baseline.json").read_bytes()
    again = run_cli(repo, "baseline")
    assert again.exit_code == 2 and "not overwriting" in again.stderr and "--update" in again.stderr
    assert (repo / ".datasheet-lint-baseline.json").read_bytes() == before
    assert [p.name for p in repo.iterdir() if p.name.endswith(".tmp")] == []
    json.loads(before)  # a complete JSON document


def test_broken_baseline_is_a_clear_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": FACES, ".datasheet-lint-baseline.json": "{not json"})
    result = run_cli(repo, "check")
    assert result.exit_code == 2
    assert ".datasheet-lint-baseline.json: the baseline is not valid JSON" in result.stderr


def test_staged_checks_the_index_not_the_working_tree(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"config.yaml": "dataset: imdb\n"})
    (repo / "config.yaml").write_text("dataset: ms1mv2\n", encoding="utf-8")
    git.Repo(repo).index.add(["config.yaml"])  # staged: ms1mv2
    (repo / "config.yaml").write_text("dataset: cifar10\n", encoding="utf-8")  # unstaged
    (repo / "scratch.yaml").write_text("dataset: ms1mv3\n", encoding="utf-8")  # untracked
    assert codes_and_lines(run_cli, repo, "--staged") == {("config.yaml", 1, "DSL102")}
    assert codes_and_lines(run_cli, repo) == {("scratch.yaml", 1, "DSL102")}


def test_diff_reports_only_changed_lines(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": FACES + "x = 1\n", "old.md": "MS1MV3 here.\n"})
    base = git.Repo(repo).head.commit.hexsha
    (repo / "train.py").write_text(FACES + 'x = "ms1mv3"\n', encoding="utf-8")
    (repo / "new.yaml").write_text("a: 1\ndataset: DukeMTMC-reID\n", encoding="utf-8")
    assert codes_and_lines(run_cli, repo, "--diff", base) == {
        ("train.py", 2, "DSL102"),
        ("new.yaml", 2, "DSL102"),
    }
    committed = git.Repo(repo)
    committed.git.add(A=True)
    committed.index.commit("change", author=ACTOR, committer=ACTOR)
    assert codes_and_lines(run_cli, repo, "--diff", "HEAD") == set()
    assert codes_and_lines(run_cli, repo, "--diff", "HEAD~1") == {
        ("train.py", 2, "DSL102"),
        ("new.yaml", 2, "DSL102"),
    }


def test_diff_with_an_unknown_ref_is_a_clear_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo({"train.py": FACES}), "check", "--diff", "no-such-branch")
    assert result.exit_code == 2
    assert "--diff no-such-branch: not a commit" in result.stderr


def test_output_writes_the_report_and_prints_a_summary(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": FACES})
    result = run_cli(repo, "check", "--format", "sarif", "--output", "out/report.sarif")
    assert result.exit_code == 2 and "cannot write" in result.stderr  # no such folder
    result = run_cli(repo, "check", "--format", "sarif", "--output", "report.sarif")
    assert result.exit_code == 1
    assert result.stdout.startswith("Found 1 error") and "report.sarif" in result.stdout
    document = json.loads((repo / "report.sarif").read_text(encoding="utf-8"))
    assert document["runs"][0]["results"][0]["ruleId"] == "DSL102"
