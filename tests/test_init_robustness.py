"""`datasheet-lint init` when writing goes wrong: killed mid-write, read-only folders, a
`datasheets` path that is a file or a link, files that already exist, parents that cannot be
created. Each ends with exit 0 or a one-line error (exit 2), and never a partial datasheet.

The suite runs as root here, and root ignores permission bits: the permission cases run the
CLI in a subprocess as an unprivileged user (uid 65534 through setpriv or runuser), or, where
that user cannot reach the interpreter (a virtual environment in a private folder, as CI's),
as root without CAP_DAC_OVERRIDE, which makes root obey the bits like anyone else.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, Result, RunCli, init_repo, write_files

CLI = (sys.executable, "-m", "datasheet_lint")
MNIST = 'from datasets import load_dataset\ntrain = load_dataset("ylecun/mnist")\n'


def listing(folder: Path) -> dict[str, bytes | str]:
    """Every entry of a folder: file bytes, or what a link points at."""
    entries: dict[str, bytes | str] = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            entries[path.name] = f"link:{path.readlink()}"
        elif path.is_dir():
            entries[path.name] = "dir"
        else:
            entries[path.name] = path.read_bytes()
    return entries


def assert_clear_error(result: Result, *needles: str) -> None:
    assert result.exit_code == 2, result
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr
    assert result.stderr.startswith("datasheet-lint: error: "), result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


# --- permissions, as a user they apply to ------------------------------------------------------

# Ways to run a command that permission bits stop, tried in order.
DROPS = [
    ("uid 65534 via setpriv", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]),
    ("uid 65534 via runuser", ["runuser", "-u", "nobody", "--"]),
    ("root without CAP_DAC_OVERRIDE", ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]),
]
PROBE = "import sys, datasheet_lint; open(sys.argv[1] + '/probe', 'w')"


def _env(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        # The repositories belong to root; git refuses other users' repositories without this.
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": "safe.directory",
        "GIT_CONFIG_VALUE_0": "*",
    }


@functools.cache
def unprivileged() -> tuple[str, tuple[str, ...]] | str:
    """(how, command prefix) that makes permission bits bite; else why none does."""
    if os.geteuid() != 0:
        return "the current user", ()
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        locked = folder / "locked"
        locked.mkdir(mode=0o555)
        locked.chmod(0o555)
        tried = []
        for how, prefix in DROPS:
            if shutil.which(prefix[0]) is None:
                tried.append(f"{how}: {prefix[0]} is not installed")
                continue
            done = subprocess.run(
                [*prefix, sys.executable, "-c", PROBE, str(locked)],
                capture_output=True,
                text=True,
                env=_env(folder),
                timeout=60,
                check=False,
            )
            if "PermissionError" in done.stderr and "ModuleNotFoundError" not in done.stderr:
                return how, tuple(prefix)
            tried.append(f"{how}: {(done.stderr.strip().splitlines() or ['wrote'])[-1]}")
        return "no way to drop root's permission override here: " + "; ".join(tried)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="init-robustness-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def run_unprivileged(cwd: Path, *args: str) -> Result:
    found = unprivileged()
    if isinstance(found, str):
        pytest.skip(found)
    _how, prefix = found
    done = subprocess.run(
        [*prefix, *CLI, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=_env(cwd.parent),
        timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def test_permissions_are_enforced_for_the_unprivileged_runs(shared_folder: Path) -> None:
    """The permission cases below prove something only if their runs obey permission bits:
    under the chosen prefix a read-only folder refuses a write that a writable one takes."""
    found = unprivileged()
    if isinstance(found, str):
        pytest.skip(found)
    how, prefix = found
    locked, writable = shared_folder / "locked", shared_folder / "writable"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    writable.mkdir()
    writable.chmod(0o777)
    for folder, refused in ((locked, True), (writable, False)):
        done = subprocess.run(
            [*prefix, sys.executable, "-c", PROBE, str(folder)],
            capture_output=True,
            text=True,
            env=_env(shared_folder),
            timeout=60,
            check=False,
        )
        assert ("PermissionError" in done.stderr) is refused, (how, folder.name, done.stderr)
        assert (folder / "probe").exists() is not refused, (how, folder.name)


def test_read_only_datasheets_folder(shared_folder: Path) -> None:
    root = shared_folder / "repo"
    write_files(root, {"train.py": MNIST, "datasheets/README.md": "Datasheets live here.\n"})
    init_repo(root)
    folder = root / "datasheets"
    folder.chmod(0o555)
    before = listing(folder)
    for args in (("init", "mnist"), ("init", "--missing")):
        result = run_unprivileged(root, *args)
        assert_clear_error(result, "datasheets/mnist.yaml: cannot write: Permission denied")
        assert len(result.stderr.strip().splitlines()) <= 2
        assert listing(folder) == before  # no datasheet, no temporary file
    dry = run_unprivileged(root, "init", "--missing", "--dry-run")
    assert dry.exit_code == 0, dry
    assert "Would write datasheets/mnist.yaml" in dry.stdout


def test_parent_that_cannot_be_created_in(shared_folder: Path) -> None:
    root = shared_folder / "repo"
    write_files(root, {"train.py": MNIST})
    init_repo(root)
    root.chmod(0o555)
    result = run_unprivileged(root, "init", "mnist")
    assert_clear_error(result, "datasheets: cannot create: Permission denied")
    assert not (root / "datasheets").exists()


def test_parent_that_is_a_file(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {"train.py": MNIST, "docs": "a file\n", ".datasheet-lint.yaml": "datasheets: docs/sheets\n"}
    )
    result = run_cli(repo, "init", "mnist")
    assert_clear_error(result, "docs/sheets: cannot create: Not a directory")
    assert (repo / "docs").read_text(encoding="utf-8") == "a file\n"


# --- what is already there ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["file", "dangling link", "link to a file", "folder"])
def test_existing_datasheet_path_is_never_replaced(
    make_repo: MakeRepo, run_cli: RunCli, kind: str
) -> None:
    repo = make_repo({"train.py": MNIST, "datasheets/.keep": "", "elsewhere.txt": "keep me\n"})
    target = repo / "datasheets" / "mnist.yaml"
    if kind == "file":
        target.write_text("id: mnist  # by hand\n", encoding="utf-8")
    elif kind == "dangling link":
        target.symlink_to("nowhere.yaml")
    elif kind == "link to a file":
        target.symlink_to(repo / "elsewhere.txt")
    else:
        target.mkdir()
    before = listing(repo / "datasheets")
    explicit = run_cli(repo, "init", "mnist")
    assert_clear_error(explicit, "datasheets/mnist.yaml", "not overwriting")
    assert listing(repo / "datasheets") == before
    assert (repo / "elsewhere.txt").read_text(encoding="utf-8") == "keep me\n"
    if kind != "file":  # a readable datasheet covers mnist: --missing has nothing to do then
        missing = run_cli(repo, "init", "--missing")
        assert missing.exit_code == 0, missing
        assert "Kept datasheets/mnist.yaml: it exists" in missing.stdout
        assert listing(repo / "datasheets") == before


def test_datasheets_path_that_is_a_file(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": MNIST, "datasheets": "not a folder\n"})
    for args in (("init", "mnist"), ("init", "--missing")):
        assert_clear_error(run_cli(repo, *args), "datasheets: is not a folder")
    assert (repo / "datasheets").read_text(encoding="utf-8") == "not a folder\n"
    check = run_cli(repo, "check", "--format", "json")
    found = {(f["path"], f["rule"]): f["message"] for f in check.json()["findings"]}
    assert "is a file, not the datasheets folder" in found["datasheets", "DSL203"]


@pytest.mark.parametrize("target", ["inside", "outside", "dangling"])
def test_datasheets_path_that_is_a_link(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path, target: str
) -> None:
    repo = make_repo({"train.py": MNIST, "real/.keep": ""})
    pointed = {
        "inside": repo / "real",
        "outside": tmp_path / "outside",
        "dangling": repo / "gone",
    }[target]
    if target == "outside":
        pointed.mkdir()
    (repo / "datasheets").symlink_to(pointed, target_is_directory=True)
    for args in (("init", "mnist"), ("init", "--missing")):
        result = run_cli(repo, *args)
        assert_clear_error(result, "datasheets: is a symbolic link; refusing to write through it")
    assert not pointed.exists() or sorted(p.name for p in pointed.iterdir()) in ([], [".keep"])
    assert (repo / "datasheets").is_symlink()


def test_a_folder_above_that_is_a_link(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = make_repo({"train.py": MNIST, ".datasheet-lint.yaml": "datasheets: docs/sheets\n"})
    (repo / "docs").symlink_to(outside, target_is_directory=True)
    result = run_cli(repo, "init", "mnist")
    # The setting itself resolves out of the project: refused as a setting, before any write.
    assert_clear_error(result, "'datasheets' must name a path inside the project")
    assert list(outside.iterdir()) == []


# --- interrupted -------------------------------------------------------------------------------

MANY = 300  # datasets without a datasheet: init --missing writes (and fsyncs) one file each


def test_killed_while_writing_leaves_only_whole_datasheets(tmp_path: Path, run_cli: RunCli) -> None:
    """SIGKILL while init --missing writes: each datasheet is whole or absent, never partial.

    A SIGKILL runs no clean-up, so a hidden temporary file (``.name.yaml.*.tmp``) may stay; it
    is not a datasheet (check ignores it) and a rerun of init completes the set.
    """
    code = "from datasets import load_dataset\n" + "".join(
        f'd{i} = load_dataset("acme/set-{i:03d}")\n' for i in range(MANY)
    )
    reference = tmp_path / "reference"
    write_files(reference, {"train.py": code})
    init_repo(reference)
    assert run_cli(reference, "init", "--missing").exit_code == 0
    whole = listing(reference / "datasheets")
    assert len(whole) == MANY

    root = tmp_path / "repo"
    write_files(root, {"train.py": code})
    init_repo(root)
    folder = root / "datasheets"
    caught = False
    for _attempt in range(4):
        process = subprocess.Popen(
            [*CLI, "init", "--missing"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            names = os.listdir(folder) if folder.is_dir() else []  # noqa: PTH208 (speed)
            if len(names) > 5 and any(n.endswith(".tmp") for n in names):
                process.send_signal(signal.SIGKILL)
                caught = True
                break
        process.wait(timeout=60)
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        process.stderr.close()
        assert "Traceback" not in stderr
        if caught:
            break
        shutil.rmtree(folder, ignore_errors=True)  # finished before the kill: try again
    assert caught, "never caught a write in progress"

    written = listing(folder)
    temporary = [n for n in written if n.endswith(".tmp")]
    datasheets = {n: c for n, c in written.items() if n.endswith(".yaml")}
    assert set(written) == set(datasheets) | set(temporary)
    assert len(temporary) <= 1 and all(n.startswith(".") for n in temporary)
    assert 0 < len(datasheets) < MANY
    for name, content in datasheets.items():
        assert content == whole[name], f"{name} is partial"

    check = run_cli(root, "check", "--format", "json")
    assert not [f for f in check.json()["findings"] if ".tmp" in f["path"]]
    again = run_cli(root, "init", "--missing")
    assert again.exit_code == 0, again
    finished = {n: c for n, c in listing(folder).items() if n.endswith(".yaml")}
    assert finished == whole
