"""git as a reader of an untrusted repository (issue 19, items 1, 6, 7, 8 and 10).

Each test builds the hostile repository with real git. Every command a repository could name
(fsmonitor hook, textconv, external diff, clean and process filters) is a script that records
that it ran in a marker file outside the repository: the marker must never exist, and the
findings must be the ones an honest repository would give.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import Result, RunCli, findings, write_files

HIT = 'x = "ms1mv2"\n'
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def git(cwd: Path, *args: str) -> str:
    """Real git with a fixed identity, no system or global settings of this machine."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    done = subprocess.run(
        ["git", *identity, "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


def new_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True)
    write_files(root, files)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


class Traps:
    """Scripts that record in ``marker`` that they ran; ``marker`` must stay absent."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(exist_ok=True)
        self.marker = folder / "ran"
        record = f'echo "$0 $*" >> {shlex.quote(str(self.marker))}\n'
        self.hook = folder / "hook.sh"  # fsmonitor, external diff, process filter: no output
        self.hook.write_text("#!/bin/sh\n" + record + "exit 1\n")
        self.conv = folder / "conv.sh"  # textconv (a file) and clean filter (standard input)
        self.conv.write_text(
            "#!/bin/sh\n" + record + 'if [ -f "$1" ]; then exec cat "$1"; fi\nexec cat\n'
        )
        for script in (self.hook, self.conv):
            script.chmod(0o755)

    def ran(self) -> str:
        return self.marker.read_text() if self.marker.exists() else ""


@pytest.fixture
def traps(tmp_path: Path) -> Traps:
    return Traps(tmp_path / "traps")


def paths_found(result: Result) -> set[tuple[str, int]]:
    return {(path, line) for path, line, _, _ in findings(result)}


# --- item 1: nothing from the repository runs ---------------------------------------------------


def test_fsmonitor_in_the_repository_never_runs(
    tmp_path: Path, traps: Traps, run_cli: RunCli
) -> None:
    repo = new_repo(tmp_path / "repo", {"train.py": HIT, "ok.py": "x = 1\n"})
    write_files(repo, {"staged.py": HIT, "scratch.py": HIT})
    git(repo, "add", "staged.py")
    git(repo, "config", "core.fsmonitor", str(traps.hook))
    (repo / "ok.py").write_text("x = 1\n" + HIT)  # changed line 2, stat-dirty
    expected = {
        ("check",): {("train.py", 1), ("staged.py", 1), ("scratch.py", 1), ("ok.py", 2)},
        ("check", "--tracked-only"): {("train.py", 1), ("staged.py", 1), ("ok.py", 2)},
        ("check", "--staged"): {("train.py", 1), ("staged.py", 1)},
        ("check", "--diff", "HEAD"): {("staged.py", 1), ("scratch.py", 1), ("ok.py", 2)},
        ("check", "--staged", "--diff", "HEAD"): {("staged.py", 1)},
    }
    for args, wanted in expected.items():
        result = run_cli(repo, *args, "--format", "json")
        assert traps.ran() == "", args
        assert result.exit_code == 1, (args, result)
        assert paths_found(result) == wanted, args


def test_a_git_file_pointing_out_of_the_folder_runs_nothing_and_says_so(
    tmp_path: Path, traps: Traps, run_cli: RunCli
) -> None:
    """A tarball holding ``proj/.git`` as a file (``gitdir: ../elsewhere``) and a prepared
    ``elsewhere`` with a hostile config: nothing runs, and a note names the folder."""
    prepared = new_repo(tmp_path / "tarball" / "proj", {"train.py": HIT})
    (prepared / ".git").rename(tmp_path / "tarball" / "elsewhere")
    (prepared / ".git").write_text("gitdir: ../elsewhere\n")
    git(prepared, "config", "core.fsmonitor", str(traps.hook))
    for args in [("check",), ("check", "--staged"), ("check", "--diff", "HEAD~0")]:
        result = run_cli(prepared, *args, "--format", "json")
        assert traps.ran() == "", args
        assert result.exit_code in (0, 1), (args, result)
        assert "elsewhere" in result.stderr and "outside" in result.stderr, result.stderr
    assert paths_found(run_cli(prepared, "check", "--format", "json")) == {("train.py", 1)}


def test_diff_drivers_and_filters_never_run(tmp_path: Path, traps: Traps, run_cli: RunCli) -> None:
    """textconv, external diff (by attribute and by diff.external), clean and process
    filters, marked required so that git would give up rather than skip them."""
    repo = new_repo(
        tmp_path / "repo",
        {"a.py": "a = 1\n", "b.py": "b = 1\n", "c.py": "c = 1\n", "d.py": "d = 1\n"},
    )
    for name in "abcd":
        (repo / f"{name}.py").write_text(f"{name} = 1\n{HIT}")
    git(repo, "add", "-A")  # staged before the traps are set: adding would run a filter
    write_files(
        repo,
        {".gitattributes": "a.py filter=clean diff=conv\nb.py filter=proc\nc.py diff=ext\n"},
    )
    settings = {
        "filter.clean.clean": traps.conv,
        "filter.clean.smudge": traps.conv,
        "filter.clean.required": "true",
        "filter.proc.process": traps.hook,
        "filter.proc.required": "true",
        "diff.conv.textconv": traps.conv,
        "diff.ext.command": traps.hook,
        "diff.external": traps.hook,
    }
    for key, value in settings.items():
        git(repo, "config", key, str(value))
    for name in "abcd":  # stat-dirty: git must hash the work tree's copy again
        os.utime(repo / f"{name}.py", (2_000_000_000, 2_000_000_000))
    wanted = {(f"{name}.py", 2) for name in "abcd"}
    for args in [("--diff", "HEAD"), ("--staged", "--diff", "HEAD")]:
        result = run_cli(repo, "check", *args, "--format", "json")
        assert traps.ran() == "", (args, traps.ran())
        assert result.exit_code == 1, (args, result)
        assert paths_found(result) == wanted, args


# --- item 6 and 8: --diff cannot be bent by the repository's settings or names ------------------


@pytest.mark.parametrize("setting", ["diff.noprefix", "diff.mnemonicPrefix", "diff.relative"])
def test_diff_settings_cannot_change_what_changed(
    tmp_path: Path, run_cli: RunCli, setting: str
) -> None:
    repo = new_repo(tmp_path / "repo", {"b/train.py": "x = 1\n", "w/eval.py": "y = 1\n"})
    for name in ("b/train.py", "w/eval.py"):
        (repo / name).write_text((repo / name).read_text() + HIT)
    git(repo, "config", setting, "true")
    result = run_cli(repo, "check", "--diff", "HEAD", "--format", "json")
    assert paths_found(result) == {("b/train.py", 2), ("w/eval.py", 2)}, result


def test_binary_and_utf16_changes_count_whole(tmp_path: Path, run_cli: RunCli) -> None:
    """git shows no lines for a binary diff (``-diff``, or UTF-16's NUL bytes): a finding
    anywhere in such a changed file is on a changed line."""
    utf16 = "\ufeff" + HIT + "y = 2\n"
    repo = new_repo(
        tmp_path / "repo",
        {
            ".gitattributes": "opaque.py -diff\n",
            "opaque.py": HIT + "y = 2\n",
            "wide.py": utf16.encode("utf-16-le"),
            "same.py": HIT,
        },
    )
    (repo / "opaque.py").write_text(HIT + "y = 3\n")
    (repo / "wide.py").write_bytes((utf16 + "z = 3\n").encode("utf-16-le"))
    for args in [("--diff", "HEAD"), ("--staged", "--diff", "HEAD")]:
        if "--staged" in args:
            git(repo, "add", "-A")
        result = run_cli(repo, "check", *args, "--format", "json")
        assert paths_found(result) == {("opaque.py", 1), ("wide.py", 1)}, (args, result)


def test_diff_of_names_with_spaces_tabs_and_newlines(tmp_path: Path, run_cli: RunCli) -> None:
    names = ["my train.py", "tab\there.py", "new\nline.py", 'quote".py', "caf\u00e9 x.py"]
    repo = new_repo(tmp_path / "repo", dict.fromkeys(names, "x = 1\n"))
    for name in names:
        (repo / name).write_text("x = 1\n" + HIT)
    result = run_cli(repo, "check", "--diff", "HEAD", "--format", "json")
    assert paths_found(result) == {(name, 2) for name in names}, result


def test_renamed_file_under_diff(tmp_path: Path, run_cli: RunCli) -> None:
    repo = new_repo(tmp_path / "repo", {"old name.py": HIT + "a = 1\nb = 2\nc = 3\n"})
    git(repo, "mv", "old name.py", "new name.py")
    (repo / "new name.py").write_text(HIT + "a = 1\nb = 2\nc = 3\n" + HIT)
    git(repo, "add", "-A")
    result = run_cli(repo, "check", "--staged", "--diff", "HEAD", "--format", "json")
    assert paths_found(result) == {("new name.py", 5)}, result


# --- item 7: --diff without git -----------------------------------------------------------------


def test_diff_without_git_is_a_clear_error(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", {"train.py": HIT})
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    env = {
        "PATH": str(empty),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "datasheet_lint", "check", "--diff", "HEAD"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done
    assert done.stderr.startswith("datasheet-lint: error:"), done.stderr
    assert "git" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2, done.stderr


# --- item 6: the environment of a git hook or a wrapper -----------------------------------------


def test_inherited_git_dir_and_work_tree_are_ignored(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = new_repo(tmp_path / "a", {"clean.py": "x = 1\n"})
    b = new_repo(tmp_path / "b", {"train.py": HIT})
    write_files(b, {"new.py": HIT})
    git(b, "add", "new.py")
    monkeypatch.setenv("GIT_DIR", str(a / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(a))
    monkeypatch.setenv("GIT_INDEX_FILE", str(a / ".git" / "index"))
    monkeypatch.setenv("GIT_OBJECT_DIRECTORY", str(a / ".git" / "objects"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.fsmonitor'='false'")
    both = {("train.py", 1), ("new.py", 1)}
    expected = {("check",): both, ("check", "--staged"): both, ("check", "--diff", "HEAD"): both}
    expected[("check", "--diff", "HEAD")] = {("new.py", 1)}
    for args, wanted in expected.items():
        result = run_cli(b, *args, "--format", "json")
        assert result.exit_code == 1, (args, result)
        assert paths_found(result) == wanted, args


def test_the_index_of_git_commit_with_paths_is_read_in_a_commit_hook(tmp_path: Path) -> None:
    """``git commit b.py`` points GIT_INDEX_FILE at a temporary index holding b.py's work-tree
    copy: a pre-commit hook running ``check --staged`` must judge that, not .git/index."""
    repo = new_repo(tmp_path / "repo", {"a.py": "a = 1\n", "b.py": "b = 1\n"})
    (repo / "a.py").write_text(HIT)
    git(repo, "add", "a.py")  # staged, but not part of this commit
    (repo / "b.py").write_text(HIT)  # not staged, but committed by `git commit b.py`
    command = [sys.executable, "-m", "datasheet_lint", "check", "--staged", "--format", "json"]
    script = f"#!/bin/sh\nexport PYTHONPATH={shlex.quote(os.pathsep.join(sys.path))}\n"
    reports = [tmp_path / "staged.json", tmp_path / "diff.json"]
    for report, extra in zip(reports, ["", " --diff HEAD"], strict=True):
        script += f"{shlex.join(command)}{extra} > {shlex.quote(str(report))}\n"
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(script + "exit 0\n")
    hook.chmod(0o755)
    git(repo, "commit", "-q", "-m", "only b", "b.py")
    for report in reports:
        found = {(f["path"], f["line"]) for f in json.loads(report.read_text())["findings"]}
        assert found == {("b.py", 1)}, report.name


@pytest.mark.skipif(not IS_ROOT, reason="needs root to hand the repository to another user")
def test_a_repository_git_refuses_is_an_error_never_a_walk(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Owned by another user, git refuses the repository ("dubious ownership"). A walk would
    scan the ignored secrets.env and print it: the run stops with an error naming
    safe.directory instead."""
    repo = new_repo(
        tmp_path / "repo", {".gitignore": "secrets.env\nbuild/\n", "train.py": "x = 1\n"}
    )
    write_files(repo, {"secrets.env": "TOKEN=hunter2 ms1mv2\n", "build/x.py": HIT})
    os.chown(repo, 12345, 12345)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.delenv("GIT_CONFIG_COUNT", raising=False)
    try:
        for args in [("check",), ("check", "--tracked-only"), ("refs",)]:
            result = run_cli(repo, *args)
            assert result.exit_code == 2, (args, result)
            assert "safe.directory" in result.stderr, result.stderr
            assert "hunter2" not in result.stdout + result.stderr
            assert "Traceback" not in result.stderr
        # The user says they trust it (git's own switch): the run reads it, .gitignore applies.
        monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
        monkeypatch.setenv("GIT_CONFIG_KEY_0", "safe.directory")
        monkeypatch.setenv("GIT_CONFIG_VALUE_0", str(repo))
        trusted = run_cli(repo, "check", "--format", "json")
        assert trusted.exit_code == 0, trusted
    finally:
        os.chown(repo, os.getuid(), os.getgid())


# --- item 8: names starting with ".." -----------------------------------------------------------


def test_names_starting_with_two_dots_are_scanned(tmp_path: Path, run_cli: RunCli) -> None:
    repo = new_repo(tmp_path / "repo", {"..train.py": HIT, "..data/x.py": HIT, "a..b.py": HIT})
    everything = {("..train.py", 1), ("..data/x.py", 1), ("a..b.py", 1)}
    for args in [(), ("--staged",), ("--tracked-only",)]:
        result = run_cli(repo, "check", *args, "--format", "json")
        assert paths_found(result) == everything, (args, result)
    named = run_cli(repo, "check", "..train.py", "..data", "--format", "json")
    assert paths_found(named) == {("..train.py", 1), ("..data/x.py", 1)}, named
    staged = run_cli(repo, "check", "--staged", "..train.py", "--format", "json")
    assert paths_found(staged) == {("..train.py", 1)}, staged


# --- item 10: settings come from the project, not from the folders above it ---------------------

SILENCE = "ignore: [DSL]\n"


def test_settings_above_the_project_do_not_apply(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A world-writable parent (think /tmp) holding settings that turn every check off."""
    world = tmp_path / "world"
    write_files(world, {".datasheet-lint.yaml": SILENCE})
    monkeypatch.setenv("HOME", str(world / "home"))
    outside_home = world / "x" / "proj"
    write_files(outside_home, {"train.py": HIT})
    in_home = world / "home" / "x" / "proj"
    write_files(in_home, {"train.py": HIT})
    in_git = new_repo(world / "home" / "repo", {"train.py": HIT})
    for project in (outside_home, in_home, in_git):
        result = run_cli(project, "check", "--format", "json")
        assert result.exit_code == 1, (project, result)
        assert paths_found(result) == {("train.py", 1)}, project
    # The user's own settings at home apply below it, except in a repository (its top stops
    # the search); a project's own settings always apply.
    write_files(world / "home", {"pyproject.toml": "[tool.datasheet-lint]\nignore = ['DSL']\n"})
    assert run_cli(in_home, "check").exit_code == 0
    assert run_cli(in_git, "check").exit_code == 1
    write_files(outside_home, {".datasheet-lint.yaml": SILENCE})
    assert run_cli(outside_home, "check").exit_code == 0


def test_core_worktree_cannot_point_the_listing_elsewhere(tmp_path: Path, run_cli: RunCli) -> None:
    """``core.worktree`` in the repository's config would make git list another folder's
    files (here one outside the repository, holding a finding of its own)."""
    elsewhere = tmp_path / "elsewhere"
    write_files(elsewhere, {"other.py": HIT})
    repo = new_repo(tmp_path / "repo", {"train.py": HIT})
    git(repo, "config", "core.worktree", str(elsewhere))
    for args in [(), ("--staged",)]:
        result = run_cli(repo, "check", *args, "--format", "json")
        assert paths_found(result) == {("train.py", 1)}, (args, result)


def test_names_that_look_like_pathspecs_are_names(tmp_path: Path, run_cli: RunCli) -> None:
    """pre-commit passes staged names to the hook: a file named ``:(exclude)train.py`` must
    not exclude train.py, nor ``*.py`` name every file."""
    repo = new_repo(tmp_path / "repo", {"train.py": HIT, ":(exclude)train.py": "x = 1\n"})
    write_files(repo, {"*.py": "y = 1\n", "other.py": HIT})
    git(repo, "add", "-A")
    for args in [(), ("--staged",)]:
        result = run_cli(repo, "check", *args, "train.py", ":(exclude)train.py", "--format", "json")
        assert paths_found(result) == {("train.py", 1)}, (args, result)
        star = run_cli(repo, "check", *args, "*.py", "--format", "json")
        assert star.exit_code == 0 and paths_found(star) == set(), (args, star)


def test_a_tracked_file_in_a_folder_linked_out_of_the_repository_is_not_read(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Before: git's index lists notes/secret.md, the work tree has notes -> ../outside, and
    the linter read ../outside/secret.md (a downloaded snapshot can hold any such state)."""
    outside = tmp_path / "outside"
    write_files(outside, {"secret.md": "We train on faces_emore (MS1MV2).\n"})
    repo = new_repo(tmp_path / "repo", {"notes/secret.md": "hello\n", "train.py": HIT})
    (repo / "notes" / "secret.md").unlink()
    (repo / "notes").rmdir()
    (repo / "notes").symlink_to(outside, target_is_directory=True)
    assert "notes/secret.md" in git(repo, "ls-files")  # still tracked, read through the link
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert paths_found(result) == {("train.py", 1)}  # and none in notes/secret.md
    skipped = {s["path"]: s["reason"] for s in result.json()["skipped"]}
    assert skipped["notes/secret.md"] == "in a folder that is a symbolic link, not followed"
