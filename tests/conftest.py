"""Shared fixtures: real git repositories in temporary folders, and the CLI run in-process."""

from __future__ import annotations

import json
import os
import stat
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
REPORT_SCHEMA = ROOT / "schemas" / "report.schema.json"
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"

# tests/test_realrepos_accuracy.py reads trees that scripts/realrepos.py exported into the
# user's cache.
# Resolved once, from the real environment, before any test points XDG_CACHE_HOME elsewhere.
REALREPOS_CACHE = os.environ.get("DATASHEET_LINT_REALREPOS") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "datasheet-lint-realrepos"
)


@pytest.fixture(autouse=True)
def _private_cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test, and every process it starts, caches into a temporary folder, never ~/.cache.

    Set in ``os.environ`` so subprocesses inherit it; a test may still point it elsewhere.
    """
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.setenv("DATASHEET_LINT_REALREPOS", REALREPOS_CACHE)


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


def scan_references(
    make_repo: MakeRepo, run_cli: RunCli, files: dict[str, str]
) -> set[tuple[str, int, str, str]]:
    """(path, line, dataset, kind) of each reference ``check`` reports in a fresh repository
    of these files, whatever it finds."""
    repo = make_repo(files)
    return references(run_cli(repo, "check", "--format", "json", "--fail-on", "never"))


def file_references(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str
) -> set[tuple[int, str, str]]:
    """(line, dataset, kind) of each reference one file yields in a fresh repository."""
    found = scan_references(make_repo, run_cli, {path: text})
    return {(line, dataset, kind) for p, line, dataset, kind in found if p == path}


def file_datasets(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str
) -> set[tuple[int, str]]:
    """(line, dataset) of each reference one file yields: where the kind is not the point."""
    return {(line, dataset) for line, dataset, _ in file_references(make_repo, run_cli, path, text)}


def file_lines(make_repo: MakeRepo, run_cli: RunCli, path: str, text: str) -> set[int]:
    """The lines of one file that yield a reference: where only which lines count is asked."""
    return {line for line, _, _ in file_references(make_repo, run_cli, path, text)}


def assert_valid(document: Any, schema_path: Path) -> None:
    """``document`` validates against the JSON schema at ``schema_path``, formats included.

    The validator is the one the schema declares (``$schema``: Draft 4 for SARIF, 2020-12 for
    the report), and the schema itself is checked first, so a broken schema cannot pass all.
    """
    from jsonschema.validators import validator_for  # only the tests that validate need it

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_cls = validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


Snapshot = dict[str, tuple[int, bytes]]


def snapshot_tree(root: Path, *, skip: tuple[str, ...] = (".git",)) -> Snapshot:
    """Every entry under ``root`` (but folders named in ``skip``): its mode and its content.

    Content is a file's bytes, a link's target (links are never followed) or nothing for a
    folder; compare two snapshots to prove a command wrote, chmodded or linked nothing.
    """
    entries: Snapshot = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        here = Path(folder)
        for name in [*dirs, *sorted(files)]:
            path = here / name
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                content = os.fsencode(path.readlink())
            elif stat.S_ISREG(info.st_mode):
                content = path.read_bytes()
            else:
                content = b""
            entries[path.relative_to(root).as_posix()] = (info.st_mode, content)
    return entries


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output (then review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
