"""The repository checks itself: ``.pre-commit-config.yaml`` runs its own hook (and ruff, mypy).

``pre-commit run`` runs for real, on a committed copy of the project's files (as git lists
them, so environments and caches stay behind). Every hook there is ``language: system``, so
pre-commit installs nothing and downloads nothing: it runs this environment's tools.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from tests.conftest import ROOT, init_repo

BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
# What only the published hook needs: its environment is built by pre-commit from this package.
PUBLISHED_ONLY = {"language", "name", "description", "minimum_pre_commit_version"}


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def local_hooks() -> dict[str, dict[str, Any]]:
    (local,) = load_yaml(ROOT / ".pre-commit-config.yaml")["repos"]
    assert local["repo"] == "local"
    return {hook["id"]: hook for hook in local["hooks"]}


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """The project's files as git lists them (tracked, or untracked and not ignored), committed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    copy = tmp_path / "datasheet-lint"
    for name in sorted({os.fsdecode(n) for n in listed.split(b"\0") if n}):
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree, not yet staged
            continue
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    init_repo(copy)
    return copy


def pre_commit_run(repo: Path, home: Path, *hook: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env |= {
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",  # this environment's tools
        "PRE_COMMIT_HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        [str(PRE_COMMIT), "run", *hook, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_local_hook_is_the_published_one_run_from_this_environment() -> None:
    (published,) = [
        h for h in load_yaml(ROOT / ".pre-commit-hooks.yaml") if h["id"] == "datasheet-lint"
    ]
    local = local_hooks()["datasheet-lint"]
    assert local["language"] == "system"
    assert {k: v for k, v in local.items() if k not in PUBLISHED_ONLY} == {
        k: v for k, v in published.items() if k not in PUBLISHED_ONLY
    }
    assert {hook["language"] for hook in local_hooks().values()} == {"system"}  # no downloads


def test_the_repository_passes_its_own_hook(project_copy: Path, tmp_path: Path) -> None:
    assert PRE_COMMIT.is_file(), f"pre-commit is not installed next to {sys.executable}"
    done = pre_commit_run(project_copy, tmp_path / "pre-commit-home", "datasheet-lint")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "datasheet-lint (whole repository)" in output and "Passed" in output, output


def test_its_own_hook_still_fails_a_retracted_dataset_outside_the_exclusions(
    project_copy: Path, tmp_path: Path
) -> None:
    """The exclusions leave the code that runs scanned: a retracted dataset there fails."""
    train = project_copy / "src" / "datasheet_lint" / "train.py"
    train.write_text('rec = "/train_tmp/faces_emore"\n', encoding="utf-8")
    subprocess.run(["git", "add", "--", str(train)], cwd=project_copy, check=True)

    done = pre_commit_run(project_copy, tmp_path / "pre-commit-home", "datasheet-lint")

    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "src/datasheet_lint/train.py:1:" in output and "DSL102" in output, output
