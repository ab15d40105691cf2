"""The documented CI workflows, run as written: on a clean repository the gate passes, on the
demo it fails, and running the workflow again changes nothing (the tool never reads its own
reports, whether they are written outside the work tree or inside it)."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import git
import pytest
from tests.conftest import ROOT, MakeRepo, RunCli
from tests.test_examples import EXAMPLES, commands

DEMO = ROOT / "examples" / "demo-repo"


def _readme_commands() -> list[list[str]]:
    """The commands of the README's CI snippet (its YAML block under '## CI')."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## CI\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the README's CI section has no YAML block"
    found = []
    for line in block.group(1).splitlines():
        line = re.sub(r"\$\{\{[^}]*\}\}", "main", line).strip().removeprefix("- run:").strip()
        if line.startswith("datasheet-lint "):
            found.append(shlex.split(line)[1:])
    return found


WORKFLOWS = {
    "github-actions.yml": lambda: commands(EXAMPLES / "github-actions.yml"),
    "gitlab-ci.yml": lambda: commands(EXAMPLES / "gitlab-ci.yml"),
    "README.md": _readme_commands,
}


def _demo_files() -> dict[str, str]:
    return {
        p.relative_to(DEMO).as_posix(): p.read_text(encoding="utf-8")
        for p in DEMO.rglob("*")
        if p.is_file()
    }


def _run_workflow(repo: Path, steps: list[list[str]], run_cli: RunCli) -> list[tuple[int, str]]:
    """Each step's (exit code, summary line), in order, as a CI runner would run them (the
    shell's variables, such as $RUNNER_TEMP, come from the environment)."""
    results = []
    for args in steps:
        expanded = [os.path.expandvars(a) for a in args]
        assert all("$" not in a for a in expanded), f"unexpanded variable in {args}"
        result = run_cli(repo, *expanded)
        summary = [line for line in result.stdout.splitlines() if line.startswith("Found ")]
        results.append((result.exit_code, summary[-1] if summary else result.stdout[-200:]))
    return results


@pytest.mark.parametrize("workflow", sorted(WORKFLOWS))
@pytest.mark.parametrize("project", ["clean", "demo"])
def test_example_workflow_gates_correctly_and_reruns_change_nothing(
    workflow: str,
    project: str,
    make_repo: MakeRepo,
    run_cli: RunCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps = WORKFLOWS[workflow]()
    assert steps and steps[-1][:1] == ["check"], f"{workflow} ends with no gate"
    files = {"main.py": "print('hello')\n"} if project == "clean" else _demo_files()
    repo = make_repo(files)
    # --diff origin/<base>: the base branch a pull request's checkout fetches.
    git.Repo(repo).git.update_ref("refs/remotes/origin/main", "HEAD")
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    monkeypatch.setenv("RUNNER_TEMP", str(runner_temp))
    monkeypatch.setenv("CI_PROJECT_DIR", str(repo))

    first = _run_workflow(repo, steps, run_cli)
    second = _run_workflow(repo, steps, run_cli)

    gate = 0 if project == "clean" else 1
    assert [code for code, _ in first] == [0] * (len(steps) - 1) + [gate], first
    assert second == first, "a rerun found something the first run did not"


@pytest.mark.parametrize(
    ("output_format", "name"),
    [("sarif", "report.sarif"), ("json", "out/report.json"), ("gitlab", "gl.json")],
)
def test_reports_written_into_the_work_tree_are_never_scanned(
    output_format: str, name: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(_demo_files())
    (repo / "out").mkdir()
    before = run_cli(repo, "check", "--format", "json")
    for _ in range(2):
        written = run_cli(repo, "check", "--format", output_format, "--output", name, "--exit-zero")
        assert written.exit_code == 0, written.stderr
    assert (repo / name).is_file()
    after = run_cli(repo, "check", "--format", "json", "--verbose")
    assert after.exit_code == before.exit_code == 1
    # The same findings as before any report existed, from the same files.
    assert after.json()["findings"] == before.json()["findings"]
    assert f"skipped {name}: a datasheet-lint report" in after.stderr


def test_the_output_file_of_a_run_is_not_scanned_by_that_run(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A text report is not recognisable by its content, but the file --output names is."""
    repo = make_repo(_demo_files())
    runs = [run_cli(repo, "check", "--output", "report.txt").stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert "Found 16 errors, 3 warnings" in runs[1]


def test_a_json_file_that_only_mentions_the_tool_is_still_scanned(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Only a file shaped exactly like a report is skipped: a name inside it hides nothing."""
    mimic = '{"tool": {"name": "datasheet-lint"}, "data_url": "http://vis-www.cs.umass.edu/lfw/"}'
    repo = make_repo({"data.json": mimic})
    result = run_cli(repo, "check", "--format", "json", "--verbose")
    assert [r["path"] for r in result.json()["references"]] == ["data.json"]


def test_a_report_with_a_key_of_its_own_is_scanned(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A file shaped like a report plus one more key is not a report: it is scanned."""
    import json

    repo = make_repo({"main.py": "print(1)\n"})
    run_cli(repo, "check", "--format", "json", "--output", "report.json", "--exit-zero")
    document = json.loads((repo / "report.json").read_text(encoding="utf-8"))
    document["data_url"] = "http://vis-www.cs.umass.edu/lfw/"
    (repo / "report.json").write_text(json.dumps(document), encoding="utf-8")
    result = run_cli(repo, "check", "--format", "json")
    assert [r["path"] for r in result.json()["references"]] == ["report.json"]


@pytest.mark.parametrize(
    ("output_format", "name"), [("cyclonedx-json", "bom.cdx.json"), ("spdx3-jsonld", "bom.jsonld")]
)
def test_a_bill_of_materials_in_the_work_tree_is_never_scanned(
    output_format: str, name: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(_demo_files())
    before = run_cli(repo, "check", "--format", "json")
    written = run_cli(repo, "bom", "--format", output_format, "--output", name)
    assert written.exit_code == 0, written.stderr
    after = run_cli(repo, "check", "--format", "json", "--verbose")
    assert after.json()["findings"] == before.json()["findings"]
    assert f"skipped {name}: a datasheet-lint report" in after.stderr
