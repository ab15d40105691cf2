"""The two pre-commit hooks, run for real with ``pre-commit try-repo`` as a user would try them.

Nothing is mocked: each try-repo builds a virtualenv, pip-installs this project into it (PyPI is
needed for the build backend and the dependencies) and runs the hook in a temporary git repository
holding a staged change. Each invocation builds its own environment (try-repo keeps its store in a
throw-away folder), so there are few of them; the tests are marked ``slow``
(``pytest -m "not slow"`` skips them).

try-repo cannot install from this project folder directly while it has no commit (it starts with
``git ls-remote <repo> HEAD``), and when it has one, the "shadow commit" it makes of uncommitted
changes includes staged and modified tracked files but not untracked ones. So the hooks are
installed from a committed copy of the project's working tree, which tests exactly the code and
``.pre-commit-hooks.yaml`` on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import ROOT, Files, init_repo, write_files

pytestmark = pytest.mark.slow

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

# Never copied into the hook repository: version control, environments, caches, build output.
NOT_COPIED = (
    ".git",
    ".venv",
    "venv",
    ".ci-venv",
    ".tox",
    ".nox",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "*.egg-info",
    "build",
    "dist",
    "node_modules",
)

ORDINARY = {"train.py": "import torch\n\nmodel = torch.nn.Linear(4, 2)\n"}
FACE_CONFIG = "configs/face.yaml"
# What a face-recognition config typically holds: the insightface folder name of MS1MV2.
RETRACTED = "network: r100\nrec: /train_tmp/faces_emore\nnum_classes: 85742\n"


@dataclass(frozen=True)
class HookRun:
    exit_code: int
    output: str


TryRepo = Callable[..., HookRun]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of the project's working tree, for ``try-repo`` to install from."""
    assert PRE_COMMIT.is_file(), f"pre-commit is not installed next to {sys.executable}"
    copy = tmp_path_factory.mktemp("hook-repo") / "datasheet-lint"
    shutil.copytree(ROOT, copy, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    init_repo(copy)
    return copy


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, str]:
    """The environment for pre-commit: its own home for this session, no inherited git state."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key not in {"NO_COLOR", "SKIP"}
    }
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return env


@pytest.fixture
def try_repo(hook_repo: Path, pre_commit_env: Mapping[str, str]) -> TryRepo:
    """``try_repo(repo, "datasheet-lint-files")``: one hook (or all) on the staged files."""

    def run(repo: Path, *hook: str) -> HookRun:
        completed = subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(hook_repo), *hook, "--verbose", "--color", "never"],
            cwd=repo,
            env=dict(pre_commit_env),
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        return HookRun(completed.returncode, completed.stdout + completed.stderr)

    return run


def user_repo(root: Path, committed: Files, staged: Files) -> Path:
    """A git repository with ``committed`` in its first commit and ``staged`` added on top."""
    root.mkdir()
    write_files(root, committed)
    repo = init_repo(root)
    write_files(root, staged)
    repo.git.add("--", *staged)
    return root


def hook_status(output: str, hook_id: str) -> str:
    """Passed, Failed or Skipped: the status line pre-commit prints above ``- hook id: ID``."""
    found = re.search(
        rf"^.*?\.+(?:\([^)]*\))?(Passed|Failed|Skipped)\n- hook id: {hook_id}$",
        output,
        flags=re.MULTILINE,
    )
    assert found, f"no status line for hook {hook_id!r} in:\n{output}"
    return found.group(1)


@pytest.mark.parametrize("hook_id", ["datasheet-lint-files", "datasheet-lint"])
def test_hook_refuses_a_staged_retracted_derivative(
    tmp_path: Path, try_repo: TryRepo, hook_id: str
) -> None:
    repo = user_repo(tmp_path / "project", ORDINARY, {FACE_CONFIG: RETRACTED})

    result = try_repo(repo, hook_id)

    assert result.exit_code == 1, result.output
    assert hook_status(result.output, hook_id) == "Failed", result.output
    assert "- exit code: 1" in result.output
    assert re.search(
        rf"^{re.escape(FACE_CONFIG)}:2:\d+: DSL102\b.*faces_emore",
        result.output,
        flags=re.MULTILINE,
    ), result.output
    assert "train.py:" not in result.output  # the committed, ordinary file is not reported
    assert "internal error" not in result.output


def test_hooks_pass_ordinary_datasets_and_look_alike_words(
    tmp_path: Path, try_repo: TryRepo
) -> None:
    staged = {
        "data.py": (
            "import torchvision\n"
            "from datasets import load_dataset\n\n"
            'reviews = load_dataset("imdb")\n'
            'cifar = torchvision.datasets.CIFAR10(root="data", download=True)\n'
            'faces = torchvision.datasets.CelebA(root="data", split="train")\n'
            "duke = 1  # the second campus site\n"
        ),
        "NOTES.md": (
            "# Notes\n\n"
            "The lab's power comes from Duke Energy; training runs pause during outages.\n"
            "A model trained on one source only is not brainwashing, just overfitting.\n"
        ),
    }
    # About the retraction rules only: ordinary datasets still need datasheets (DSL2xx),
    # which tests/test_datasheets.py covers, also for --staged runs.
    settings = {".datasheet-lint.yaml": "select: [DSL1]\n"}
    repo = user_repo(tmp_path / "project", {**ORDINARY, **settings}, staged)

    result = try_repo(repo)  # both hooks of the manifest, in one environment

    assert result.exit_code == 0, result.output
    assert hook_status(result.output, "datasheet-lint") == "Passed"
    assert hook_status(result.output, "datasheet-lint-files") == "Passed"
    assert "DSL" not in result.output


def test_files_hook_checks_the_staged_version_of_a_partly_staged_file(
    tmp_path: Path, try_repo: TryRepo
) -> None:
    unstaged = "dataset: cifar10\nbatch_size: 128\n"
    repo = user_repo(
        tmp_path / "project",
        {**ORDINARY, FACE_CONFIG: "dataset: imdb\n"},
        {FACE_CONFIG: "dataset: ms1mv2\nbatch_size: 128\n"},
    )
    (repo / FACE_CONFIG).write_text(unstaged, encoding="utf-8")  # the retracted name is gone

    result = try_repo(repo, "datasheet-lint-files")

    assert result.exit_code == 1, result.output
    assert hook_status(result.output, "datasheet-lint-files") == "Failed"
    assert "Unstaged files detected" in result.output  # pre-commit stashed the working-tree edit
    assert re.search(
        rf"^{re.escape(FACE_CONFIG)}:1:\d+: DSL102\b.*ms1mv2",
        result.output,
        flags=re.MULTILINE | re.IGNORECASE,
    ), result.output
    # The unstaged edit is back in the working tree; the index still holds the staged version.
    assert (repo / FACE_CONFIG).read_text(encoding="utf-8") == unstaged
    staged_now = subprocess.run(
        ["git", "show", f":{FACE_CONFIG}"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout
    assert staged_now == "dataset: ms1mv2\nbatch_size: 128\n"


def test_files_hook_needs_a_datasheet_and_finds_the_committed_one(
    tmp_path: Path, try_repo: TryRepo
) -> None:
    """The files hook sees only data.py, yet the datasheet committed earlier covers it."""
    uses_squad = {
        "data.py": "from datasets import load_dataset\nqa = load_dataset('rajpurkar/squad')\n"
    }
    settings = {"pyproject.toml": '[tool.datasheet-lint]\nuse = "academic"\n'}
    bare = user_repo(tmp_path / "bare", {**ORDINARY, **settings}, uses_squad)
    refused = try_repo(bare, "datasheet-lint-files")
    assert hook_status(refused.output, "datasheet-lint-files") == "Failed", refused.output
    assert re.search(r"^data\.py:2:\d+: DSL201\b", refused.output, flags=re.MULTILINE)

    sheet = (ROOT / "tests" / "datasheets" / "squad.yaml").read_text(encoding="utf-8")
    documented = {**ORDINARY, **settings, "datasheets/squad.yaml": sheet}
    covered = try_repo(
        user_repo(tmp_path / "covered", documented, uses_squad), "datasheet-lint-files"
    )
    assert hook_status(covered.output, "datasheet-lint-files") == "Passed", covered.output


def test_files_hook_accepts_a_commit_across_two_projects(tmp_path: Path, try_repo: TryRepo) -> None:
    """A monorepo: each staged file is checked with the settings closest to it."""
    projects = {
        "a/pyproject.toml": '[tool.datasheet-lint]\nignore = ["DSL102"]\n',
        "b/pyproject.toml": '[tool.datasheet-lint]\nuse = "academic"\n',
    }
    staged = {"a/face.yaml": RETRACTED, "b/face.yaml": RETRACTED}
    repo = user_repo(tmp_path / "mono", {**ORDINARY, **projects}, staged)

    result = try_repo(repo, "datasheet-lint-files")

    assert hook_status(result.output, "datasheet-lint-files") == "Failed", result.output
    assert "- exit code: 1" in result.output  # findings, not a refused argument (2)
    assert "outside the project root" not in result.output
    assert re.search(r"^b/face\.yaml:2:\d+: DSL102\b", result.output, flags=re.MULTILINE)
    assert "a/face.yaml:" not in result.output  # a's own settings ignore DSL102


def readme_pre_commit_config() -> str:
    """The README's pre-commit snippet, exactly as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert found, "no YAML snippet under '## pre-commit'"
    return found.group(1)


def test_readme_snippet_needs_no_invented_tag_and_pins_a_commit(
    tmp_path: Path, hook_repo: Path, pre_commit_env: Mapping[str, str]
) -> None:
    snippet = readme_pre_commit_config()
    examples = (ROOT / "examples" / "ci" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    (rev,) = re.findall(r"^\s*rev: (\S+)", snippet, flags=re.MULTILINE)
    assert re.findall(r"^\s*rev: (\S+)", examples, flags=re.MULTILINE) == [rev]
    assert re.search(r"^\s*- id: datasheet-lint-files\b", snippet, flags=re.MULTILINE)
    tags = subprocess.run(
        ["git", "tag"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.split()
    branches = subprocess.run(
        ["git", "branch", "--format=%(refname:short)"],
        cwd=hook_repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert rev in tags or rev in branches, f"rev {rev!r} names nothing the project has"

    # The published URL is the only change: the project under test stands in for it.
    url = "https://github.com/datasheet-lint/datasheet-lint"
    assert url in snippet
    repo = user_repo(tmp_path / "project", ORDINARY, {FACE_CONFIG: RETRACTED})
    (repo / ".pre-commit-config.yaml").write_text(
        snippet.replace(url, str(hook_repo)), encoding="utf-8"
    )

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), *args],
            cwd=repo,
            env=dict(pre_commit_env),
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )

    pinned = pre_commit("autoupdate")  # what the README says to run once
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert re.search(rf"^\s*rev: {head}\b", config, flags=re.MULTILINE), config

    ran = pre_commit("run", "--color", "never", "--verbose")
    output = ran.stdout + ran.stderr
    assert ran.returncode == 1, output
    assert hook_status(output, "datasheet-lint-files") == "Failed", output
    assert re.search(rf"^{re.escape(FACE_CONFIG)}:2:\d+: DSL102\b", output, flags=re.MULTILINE)
