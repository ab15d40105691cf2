"""Shared fixtures: real git repositories in temporary folders, and the CLI run in-process."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import git
import pytest
from click.testing import CliRunner

from datasheet_lint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
ACTOR = git.Actor("Test", "test@example.invalid")

# gitpython keeps `git cat-file --batch` processes running per Repo object (for index commits
# and object reads) and stops them only when the object is collected: a collection after the
# test, or at exit, is an unraisable ResourceWarning that fails the run at random. Every Repo
# a test opens is closed when the test ends.
_OPEN_REPOS: weakref.WeakSet[git.Repo] = weakref.WeakSet()
_repo_init = git.Repo.__init__


def _tracked_init(self: git.Repo, *args: Any, **kwargs: Any) -> None:
    _repo_init(self, *args, **kwargs)
    _OPEN_REPOS.add(self)


git.Repo.__init__ = _tracked_init  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _close_git_repositories() -> Iterator[None]:
    yield
    for repo in list(_OPEN_REPOS):
        repo.close()


Files = Mapping[str, str | bytes]


def write_files(root: Path, files: Files) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def init_repo(root: Path, *, commit: bool = True) -> git.Repo:
    """A real git repository with everything under ``root`` added (and committed)."""
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as writer:
        writer.set_value("user", "name", ACTOR.name)
        writer.set_value("user", "email", ACTOR.email)
        writer.set_value("commit", "gpgsign", "false")
    repo.git.add(A=True)
    if commit and repo.git.diff("--cached", "--name-only"):
        repo.index.commit("initial", author=ACTOR, committer=ACTOR)
    return repo


MakeRepo = Callable[..., Path]


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """``make_repo({"train.py": "..."})`` -> path of a committed git repository."""
    counter = iter(range(1000))

    def make(files: Files, *, git_init: bool = True, commit: bool = True) -> Path:
        root = tmp_path / f"repo{next(counter)}"
        root.mkdir()
        write_files(root, files)
        if git_init:
            init_repo(root, commit=commit)
        return root

    return make


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


RunCli = Callable[..., Result]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunCli]:
    """Run the CLI in-process from a working folder: ``run_cli(repo, "check", ".")``."""

    def run(cwd: Path, *args: str) -> Result:
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    yield run


def findings(result: Result) -> set[tuple[str, int, str, str]]:
    """(path, line, code, dataset) of each finding in a JSON report."""
    return {(f["path"], f["line"], f["rule"], f["dataset"]) for f in result.json()["findings"]}


def references(result: Result) -> set[tuple[str, int, str, str]]:
    """(path, line, dataset, kind) of each reference in a JSON report."""
    return {(r["path"], r["line"], r["dataset"], r["kind"]) for r in result.json()["references"]}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output (then review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
