"""git.py starts every git through one ``subprocess`` helper (``_start``, collected by
``_wait``). Real git in real repositories, no mocks."""

from __future__ import annotations

import ast
import gc
import os
from pathlib import Path

import pytest
from tests.conftest import MakeRepo

from datasheet_lint import git as dsl_git

SRC = Path(dsl_git.__file__).parent
EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"


def open_fds() -> set[str]:
    folder = Path("/proc/self/fd")
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def test_only_git_py_starts_programs() -> None:
    """One module runs git, through one helper: no other module may import subprocess or
    call os.system, os.posix_spawn, os.exec* or os.fork."""
    starters = {"system", "popen", "posix_spawn", "posix_spawnp", "fork", "forkpty"}
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
                and (node.attr in starters or node.attr.startswith("exec"))
            ):
                names = [f"os.{node.attr}"]
            if any(n == "subprocess" or n.startswith("os.") for n in names):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert [where.partition(":")[0] for where in offenders] == ["git.py"]  # import subprocess


def test_git_reads_the_null_device_as_its_input(make_repo: MakeRepo) -> None:
    """git never waits on the linter's own standard input (a terminal, or pre-commit's)."""
    repo = make_repo({"a.py": "x = 1\n"})
    done = dsl_git._wait(dsl_git._start(repo, "hash-object", "--stdin"))
    assert (done.returncode, done.stdout.strip().decode(), done.stderr) == (0, EMPTY_BLOB, b"")


def test_status_and_errors_are_collected(make_repo: MakeRepo) -> None:
    repo = make_repo({"a.py": "x = 1\n"})
    done = dsl_git._wait(dsl_git._start(repo, "rev-parse", "--verify", "no-such-ref"))
    assert done.returncode != 0
    assert b"no-such-ref" in done.stderr or b"fatal" in done.stderr


def test_large_output_does_not_stall(make_repo: MakeRepo) -> None:
    """ls-files far beyond a pipe's 64 KB buffer: output is read while git writes it."""
    names = {f"folder/{'n' * 60}{number:05}.txt": "" for number in range(3000)}
    repo = make_repo(names)
    done = dsl_git._wait(dsl_git._start(repo, "ls-files", "-z"))
    assert done.returncode == 0 and len(done.stdout) > 1 << 16
    assert len(done.stdout.split(b"\0")) == len(names) + 1


def test_no_descriptor_is_left_open(make_repo: MakeRepo) -> None:
    repo = make_repo({"a.py": "x = 1\n"})
    before = open_fds()
    for _ in range(20):
        assert dsl_git._wait(dsl_git._start(repo, "rev-parse", "HEAD")).returncode == 0
    blob = dsl_git._wait(dsl_git._start(repo, "rev-parse", "HEAD:a.py")).stdout.decode().strip()
    blobs = dsl_git._Blobs(repo)  # git cat-file --batch, stopped when collected
    assert blobs.read(blob, 100) == (6, b"x = 1\n")
    del blobs
    gc.collect()
    assert open_fds() - before == set()


def test_missing_git_raises_oserror_and_leaks_nothing(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo({"a.py": "x = 1\n"})
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    before = open_fds()
    with pytest.raises(OSError):
        dsl_git._start(repo, "status")
    assert open_fds() - before == set()


def test_inherited_git_variables_are_dropped_and_hardening_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", "touch pwned")
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "safe.directory")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "*")
    argv, env = dsl_git._command(tmp_path, "ls-files")
    assert "GIT_DIR" not in env and "GIT_EXTERNAL_DIFF" not in env
    assert (env["GIT_CONFIG_KEY_0"], env["GIT_CONFIG_VALUE_0"]) == ("safe.directory", "*")
    settings = {
        env[f"GIT_CONFIG_KEY_{n}"]: env[f"GIT_CONFIG_VALUE_{n}"]
        for n in range(1, int(env["GIT_CONFIG_COUNT"]))
    }
    assert settings == dict(dsl_git.HARDENING)
    assert env["GIT_OPTIONAL_LOCKS"] == "0" and env["GIT_CEILING_DIRECTORIES"] == str(
        tmp_path.parent
    )
    assert argv[:6] == [
        "git",
        "-C",
        str(tmp_path),
        f"--work-tree={tmp_path}",
        "--no-pager",
        "--no-optional-locks",
    ]
    assert os.environ["GIT_DIR"]  # the linter's own environment is left as it was
