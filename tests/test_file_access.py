"""Folders the user may not read, and the modes of the files the tool writes (issue 18).

An unreadable folder is skipped with a note, never an internal error, in git and outside it.
Root reads every folder whatever its mode, so when the suite runs as root the scan runs as
the unprivileged user 'nobody' (through setpriv), as it would on a shared machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli, init_repo, write_files

HIT = 'a = "faces_emore"\n'  # DSL102
NOBODY = 65534


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter (pytest's own tmp_path is private to this user)."""
    folder = Path(tempfile.mkdtemp(prefix="datasheet-lint-access-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def _scan_as_a_user(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user whom file modes bind: this one, or 'nobody' if this is root."""
    command = [sys.executable, "-m", "datasheet_lint", *args]
    env = {**os.environ, "HOME": str(root.parent)}
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot drop privileges")
        for path in (root, *root.rglob("*")):
            os.lchown(path, NOBODY, NOBODY)
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
        # Only folders 'nobody' may enter: a root-only folder on PATH must not matter either.
        env["PATH"] = os.pathsep.join(["/root/no-entry", "/usr/bin", "/bin"])
        probe = [*command[:4], sys.executable, "-c", "import datasheet_lint"]
        if subprocess.run(probe, cwd=root, env=env, capture_output=True, check=False).returncode:
            # CI's virtual environment sits in a folder only root may enter (mktemp -d)
            pytest.skip("'nobody' cannot import datasheet-lint from this environment")
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("in_git", [True, False])
def test_an_unreadable_folder_is_skipped_with_a_note(shared_folder: Path, in_git: bool) -> None:
    root = shared_folder / "repo"
    write_files(root, {"a.py": HIT, "secret/b.py": HIT, "pkg/c.py": "print(1)\n"})
    if in_git:
        init_repo(root)  # secret/b.py is tracked
        write_files(root, {"scratch/d.py": HIT})  # untracked
    (root / "secret").chmod(0)
    if in_git:
        (root / "scratch").chmod(0)
    result = _scan_as_a_user(root, "check")
    assert result.returncode == 1, result.stderr  # a.py's finding, not an internal error
    assert "internal error" not in result.stderr
    assert "a.py:1:" in result.stdout
    if in_git:
        # git lists the tracked file; reading it fails like any unreadable file.
        assert "skipped secret/b.py: cannot read: Permission denied" in result.stderr
        assert "note: skipped scratch/: cannot read the folder (Permission denied)" in result.stderr
    else:
        assert "note: skipped secret/: cannot read the folder (Permission denied)" in result.stderr


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_written_files_follow_the_umask(
    umask: int, expected: int, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"t.py": HIT})
    previous = os.umask(umask)
    try:
        assert run_cli(repo, "baseline").exit_code == 0
        assert run_cli(repo, "init", "ms1mv2").exit_code == 0
        run_cli(repo, "check", "--format", "sarif", "--output", "report.sarif")
    finally:
        os.umask(previous)
    written = [repo / ".datasheet-lint-baseline.json", repo / "report.sarif"]
    written += list((repo / "datasheets").iterdir())
    assert {p.name: _mode(p) for p in written} == {p.name: expected for p in written}


def test_a_replaced_file_keeps_its_mode(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"t.py": HIT})
    run_cli(repo, "baseline")
    baseline = repo / ".datasheet-lint-baseline.json"
    baseline.chmod(0o664)
    write_files(repo, {"u.py": HIT})
    assert run_cli(repo, "baseline", "--update").exit_code == 0
    assert _mode(baseline) == 0o664
