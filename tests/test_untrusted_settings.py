"""Issue 19, part B: a repository's settings, writes and caches cannot reach outside it, hang
a run or change what it finds.

Each test builds the hostile repository the issue's reproduction describes, with real git, and
runs the CLI. Runs that hung or grew without bound before the fix run in a subprocess with a
timeout, so that a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli, findings, init_repo, write_files
from tests.test_config import ORG_BLOCKLIST  # one organisation blocklist for both suites

HIT = 'ds = load_dataset("ms1mv2")\n'
SECRET = "hunter2-do-not-print"


def clear_error(result: object) -> str:
    """The one-line error of an exit-2 run (no traceback), for further asserts."""
    exit_code = getattr(result, "exit_code", None)
    if exit_code is None:
        exit_code = getattr(result, "returncode")  # noqa: B009 - a CompletedProcess
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert exit_code == 2, (exit_code, stderr)
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return stderr


def run_subprocess(
    cwd: Path, *args: str, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "datasheet_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", **(env or {})},
        check=False,
    )


# --- item 2: settings name only paths inside the project ------------------------------------


@pytest.mark.parametrize("where", ["absolute", "dotdot", "linked folder", "hidden dotdot"])
def test_a_blocklist_outside_the_project_is_refused_without_its_content(
    tmp_path: Path, run_cli: RunCli, where: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "env.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    root = tmp_path / "repo"
    named = {
        "absolute": str(outside / "env.txt"),
        "dotdot": "../outside/env.txt",
        "linked folder": "link/env.txt",
        "hidden dotdot": "x/../../outside/env.txt",
    }[where]
    write_files(root, {"a.py": HIT, ".datasheet-lint.yaml": f"blocklist: ['{named}']\n"})
    (root / "link").symlink_to(outside, target_is_directory=True)
    init_repo(root)
    for args in [("check",), ("blocklist",), ("check", "--staged")]:
        stderr = clear_error(run_cli(root, *args))
        assert "'blocklist' must name a path inside the project" in stderr
        assert SECRET not in stderr


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("baseline", "../b.json"),
        ("baseline", "link/b.json"),
        ("datasheets", "x/../../../outside"),
        ("datasheets", "link"),
        ("datasheet-files", "['/etc/hostname']"),
        ("datasheet-files", "['link/card.md']"),
    ],
)
def test_path_settings_are_checked_as_the_file_system_resolves_them(
    tmp_path: Path, run_cli: RunCli, key: str, value: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    write_files(root, {"a.py": HIT, ".datasheet-lint.yaml": f"{key}: {value}\n"})
    (root / "link").symlink_to(outside, target_is_directory=True)
    init_repo(root)
    stderr = clear_error(run_cli(root, "check"))
    assert f".datasheet-lint.yaml:1: '{key}' must name a path inside the project" in stderr


def test_path_settings_inside_the_project_still_work(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "train.py": 'root = "data/acme_faces_v2"\n',
            "policy/org.yaml": ORG_BLOCKLIST,
            ".datasheet-lint.yaml": "blocklist: ['./policy/../policy/org.yaml']\n"
            "datasheets: docs/./sheets\n",
        }
    )
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert ("train.py", "DSL101", "acme-faces") in {
        (f["path"], f["rule"], f["dataset"]) for f in result.json()["findings"]
    }


# --- item 3: writes stay inside the project ---------------------------------------------------


def test_init_missing_never_writes_outside(tmp_path: Path, run_cli: RunCli) -> None:
    root = tmp_path / "a" / "b" / "repo"
    write_files(root, {"a.py": HIT, ".datasheet-lint.yaml": "datasheets: x/../../../outside\n"})
    init_repo(root)
    stderr = clear_error(run_cli(root, "init", "--missing"))
    assert "must name a path inside the project" in stderr
    assert not (tmp_path / "a" / "outside").exists()
    assert not list(tmp_path.rglob("*.yaml*"))[1:]  # only the settings file


def test_baseline_update_through_a_linked_folder_leaves_the_outside_file(
    tmp_path: Path, run_cli: RunCli
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = outside / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    root = tmp_path / "repo"
    write_files(root, {"a.py": HIT, ".datasheet-lint.yaml": "baseline: link/precious.txt\n"})
    (root / "link").symlink_to(outside, target_is_directory=True)
    init_repo(root)  # the link is committed
    for args in [("baseline", "--update"), ("baseline",), ("check",)]:
        clear_error(run_cli(root, *args))
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in outside.iterdir()) == ["precious.txt"]


def test_the_atomic_writer_refuses_a_folder_that_resolves_outside(tmp_path: Path) -> None:
    from datasheet_lint import atomic
    from datasheet_lint.errors import UserError

    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    (root / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UserError, match="resolves outside the project"):
        atomic.write_text(root / "link" / "x.json", "{}", root=root)
    (outside / "victim").write_text("keep\n", encoding="utf-8")
    (root / "final").symlink_to(outside / "victim")
    with pytest.raises(UserError, match="symbolic link"):
        atomic.write_text(root / "final", "{}", overwrite=True, root=root)
    assert (outside / "victim").read_text(encoding="utf-8") == "keep\n"
    assert sorted(p.name for p in outside.iterdir()) == ["victim"]
    (root / "sub").mkdir()
    atomic.write_text(root / "sub" / ".." / "ok.json", "{}", root=root)
    assert (root / "ok.json").read_text(encoding="utf-8") == "{}"


def test_output_inside_the_project_through_a_linked_folder_is_refused(
    tmp_path: Path, run_cli: RunCli
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    write_files(root, {"a.py": HIT})
    (root / "reports").symlink_to(outside, target_is_directory=True)
    init_repo(root)
    stderr = clear_error(run_cli(root, "check", "--output", "reports/out.sarif"))
    assert "resolves outside the project" in stderr
    assert list(outside.iterdir()) == []
    # A report the user sends outside the project on purpose is still written.
    result = run_cli(root, "check", "--format", "json", "--output", str(tmp_path / "r.json"))
    assert result.exit_code == 1 and (tmp_path / "r.json").is_file()


# --- item 5: files that block or never end ----------------------------------------------------


def test_a_fifo_named_as_blocklist_does_not_block(make_repo: MakeRepo) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint.yaml": "blocklist: [org.yaml]\n"})
    os.mkfifo(repo / "org.yaml")
    started = time.monotonic()
    stderr = clear_error(run_subprocess(repo, "check", timeout=30))
    assert "org.yaml: blocklist file is not a regular file" in stderr
    assert time.monotonic() - started < 30


def test_a_device_or_a_huge_file_as_blocklist_is_not_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint.yaml": "blocklist: [zero.yaml]\n"})
    (repo / "zero.yaml").symlink_to("/dev/zero")
    assert "inside the project" in clear_error(run_subprocess(repo, "check", timeout=30))
    (repo / "zero.yaml").unlink()
    with (repo / "zero.yaml").open("wb") as sparse:  # 6 GB that take no disk
        sparse.truncate(6_000_000_000)
    stderr = clear_error(run_cli(repo, "check"))
    assert "zero.yaml: blocklist file is larger than 5,000,000 bytes" in stderr


def test_a_fifo_as_the_settings_file_or_baseline_does_not_block(make_repo: MakeRepo) -> None:
    repo = make_repo({"a.py": HIT})
    os.mkfifo(repo / ".datasheet-lint-baseline.json")
    stderr = clear_error(run_subprocess(repo, "check", timeout=30))
    assert "the baseline is not a regular file" in stderr
    os.mkfifo(repo / "settings.yaml")
    stderr = clear_error(run_subprocess(repo, "check", "--config", "settings.yaml", timeout=30))
    assert "settings.yaml" in stderr


# --- item 5: globs in linear time -------------------------------------------------------------


def test_an_exclude_glob_cannot_backtrack_for_minutes(make_repo: MakeRepo) -> None:
    long_name = "a" * 60 + ".py"
    repo = make_repo(
        {
            long_name: HIT,
            "deep/" + "/".join(["a"] * 60) + "/x.py": HIT,
            ".datasheet-lint.yaml": "exclude: ['*a*a*a*a*a*a*a*a*a*c',"
            " '**/a/**/a/**/a/**/a/**/c']\n"
            "per-file-ignores:\n  '*a*a*a*a*a*a*a*a*a*a*a*c': [DSL1]\n",
        }
    )
    started = time.monotonic()
    result = run_subprocess(repo, "check", "--format", "json", timeout=60)
    assert result.returncode == 1, result.stderr
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("third_party", "a/third_party/x.py", True),
        ("*.md", "docs/README.md", True),
        ("docs/*.md", "docs/sub/a.md", False),
        ("docs/**/*.md", "docs/sub/a.md", True),
        ("**/fixtures/*", "tests/fixtures/f.py", True),
        ("src/**", "src/a/b.py", True),
        ("/build", "x/build/y", False),
        ("data/[ab]*.py", "data/a1.py", True),
        ("data/[!ab]*.py", "data/a1.py", False),
        ("[]", "[]", True),  # a set without its "]" is a literal, as in fnmatch
        ("[]", "x", False),
        ("*a*a*a*a*a*a*a*a*a*c", "a" * 60, False),
    ],
)
def test_glob_semantics(pattern: str, path: str, expected: bool) -> None:
    from datasheet_lint.globs import compile_globs, matches

    assert matches(compile_globs([pattern]), path) is expected


@pytest.mark.parametrize("pattern", ["[]", "[", "a[b", "[z-a]", "[]]"])
def test_a_malformed_glob_is_no_traceback(
    make_repo: MakeRepo, run_cli: RunCli, pattern: str
) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint.yaml": f"exclude: ['{pattern}']\n"})
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert findings(result) == {("a.py", 1, "DSL102", "ms1mv2")}


def test_an_absurdly_long_glob_is_a_settings_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint.yaml": f"exclude: ['{'*x' * 600}']\n"})
    assert "'exclude': a pattern is longer than" in clear_error(run_cli(repo, "check"))


# --- item 7: clear errors instead of internal ones --------------------------------------------


ABSURD_SIZES = ["1" + "0" * 400, "-1", "0", '"0.1"', '"1e400"', '"' + "9" * 60 + '"']


@pytest.mark.parametrize("size", ABSURD_SIZES)
def test_an_absurd_max_file_size_is_a_settings_error(
    make_repo: MakeRepo, run_cli: RunCli, size: str
) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint.yaml": f"max-file-size: {size}\n"})
    stderr = clear_error(run_cli(repo, "check"))
    assert ".datasheet-lint.yaml:1: 'max-file-size' must be" in stderr


@pytest.mark.parametrize(("size", "expected"), [('"1.5kB"', 1500), ('"2MiB"', 2 << 20), (7, 7)])
def test_sizes_are_exact(tmp_path: Path, size: object, expected: int) -> None:
    from datasheet_lint import config

    loaded = config.parse(
        {"max-file-size": size if isinstance(size, int) else str(size).strip('"')},
        root=tmp_path,
        display="s",
        line_of=lambda _: 0,
    )
    assert loaded.max_file_size == expected


def test_a_blocklist_alias_of_1000_characters_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(
        {
            "a.py": HIT,
            "org.yaml": ORG_BLOCKLIST.replace("acme_faces_v2", "x" * 1000),
            ".datasheet-lint.yaml": "blocklist: [org.yaml]\n",
        }
    )
    stderr = clear_error(run_cli(repo, "check"))
    assert "org.yaml: an alias of 'acme-faces' is longer than 300 characters" in stderr


def test_a_baseline_that_is_not_an_object_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint-baseline.json": "[1, 2]\n"})
    assert "not a datasheet-lint baseline" in clear_error(run_cli(repo, "check"))


# --- item 4: caches cannot change a result ----------------------------------------------------

MANY_HITS = {
    "train.py": 'a = load_dataset("ms1mv2")\nb = "MS-Celeb-1M"\nc = "megaface"\n',
    "eval.py": 'root = "data/duke_mtmc"\nt = "tiny_images"\nu = "faces_emore"\n',
    "docs/data.md": "We train on MS1MV3 and evaluate on MegaFace and DukeMTMC-reID.\n",
}


def _findings_of(repo: Path, cache: Path) -> tuple[int, list[tuple[str, int, str, str]], str]:
    """(exit code, sorted findings, stderr) of a JSON run in a fresh process with this cache."""
    import json

    done = run_subprocess(repo, "check", "--format", "json", env={"XDG_CACHE_HOME": str(cache)})
    report = json.loads(done.stdout) if done.stdout else {"findings": []}
    found = sorted((f["path"], f["line"], f["rule"], f["dataset"]) for f in report["findings"])
    return done.returncode, found, done.stderr


def test_tampered_cache_entries_change_nothing(make_repo: MakeRepo, tmp_path: Path) -> None:
    """The knowledge is built into the package; the only cached entry a plain run writes is
    the matcher's compiled regex, and whoever writes over it changes nothing."""
    import array

    from datasheet_lint import cache as cache_module

    repo = make_repo(MANY_HITS)
    cache = tmp_path / "cache"
    expected = _findings_of(repo, cache)
    assert expected[0] == 1 and len(expected[1]) >= 6, expected
    folder = cache / "datasheet-lint"
    files = {p.name.split("-")[0]: p for p in folder.iterdir()}
    assert set(files) == {"regex"}
    # The tampering: another pattern's engine code, written over the entry (whoever
    # writes it cannot compute what a run checks).
    flags, code = cache_module._engine_code("(?<![a-z0-9])ms1mv2(?![a-z0-9])")
    files["regex"].write_bytes(array.array("I", [flags, *code]).tobytes())
    assert _findings_of(repo, cache) == expected
    # Sealed but garbage: compiled again, never an internal error.
    path = files["regex"]
    payload = array.array("I", [0, 17, 99, 12345]).tobytes()
    path.write_bytes(cache_module.sealed(path.name, payload))
    assert _findings_of(repo, cache) == expected
    assert folder.stat().st_mode & 0o777 == 0o700  # the user's alone


def test_a_cache_folder_others_can_write_is_not_used(make_repo: MakeRepo, tmp_path: Path) -> None:
    import array

    from datasheet_lint import cache as cache_module

    repo = make_repo(MANY_HITS)
    cache = tmp_path / "cache"
    expected = _findings_of(repo, cache)
    folder = cache / "datasheet-lint"
    # An entry that passes every check but holds another pattern, in a folder anyone may write.
    path = next(folder.glob("regex-*.bin"))
    flags, code = cache_module._engine_code("(?<![a-z0-9])ms1mv2(?![a-z0-9])")
    path.write_bytes(cache_module.sealed(path.name, array.array("I", [flags, *code]).tobytes()))
    folder.chmod(0o777)
    assert _findings_of(repo, cache) == expected


def test_a_failed_cache_write_leaves_no_temporary_file(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo({**MANY_HITS, "datasheets/x.yaml": "datasheet_version: 1\nid: x\n"})
    cache = tmp_path / "cache"
    expected = _findings_of(repo, cache)
    folder = cache / "datasheet-lint"
    names = [p.name for p in folder.iterdir()]
    assert any(name.startswith("datasheets-") for name in names)
    for name in names:  # every entry becomes a folder: each rename onto it fails
        (folder / name).unlink()
        (folder / name).mkdir()
    assert _findings_of(repo, cache) == expected
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_datasheet_parse_cache_is_checked_keyed_and_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    from datasheet_lint import cache as cache_module
    from datasheet_lint.datasheets import cache as sheets
    from datasheet_lint.datasheets.load import parse_native

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "datasheet_version: 1\nid: squad\n"
    first = sheets.ParseCache(tmp_path / "p", parse_native)
    assert first.parse(text) == parse_native(text)
    first.save()
    assert first.path is not None
    # A sealed entry of another shape is parsed again; one of the right shape is used.
    key = cache_module.digest(text)
    for hostile in [{"data": 1}, {"error": ["x", "1", 1, ""]}, {"tag": [1, 1, 1]}, [1]]:
        first.path.write_bytes(cache_module.sealed(first.path.name, marshal.dumps({key: hostile})))
        assert sheets.ParseCache(tmp_path / "p", parse_native).parse(text) == parse_native(text)
    # One file per project, pruned to the newest KEEP.
    for number in range(cache_module.KEEP + 5):
        project = sheets.ParseCache(tmp_path / f"p{number}", parse_native)
        project.parse(text)
        project.save()
    kept = list((tmp_path / "datasheet-lint").glob("datasheets-*.bin"))
    assert len(kept) == cache_module.KEEP
    # Another parser never reads this parse.
    monkeypatch.setattr(sheets, "_parser_key", lambda: "another parser")
    assert sheets.ParseCache(tmp_path / "p", parse_native).path != first.path


def test_datasheets_of_yaml_alias_chains_are_bounded(make_repo: MakeRepo, tmp_path: Path) -> None:
    """85 kB of alias chains took 84 s and 2.75 GB and wrote a 450 MB cache."""
    chain = "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{c}: &{c} [" + ",".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcde"]
        + ["datasheet_version: 1", ""]
    )
    sheets = {
        f"datasheets/s{n}.yaml": chain.replace("datasheet_version: 1", f"id: s{n}")
        for n in range(400)
    }
    assert sum(len(text) for text in sheets.values()) > 80_000
    repo = make_repo({"a.py": HIT, **sheets})
    started = time.monotonic()
    code, found, stderr = _findings_of(repo, tmp_path / "cache")
    assert time.monotonic() - started < 40
    assert code == 1 and "Traceback" not in stderr
    refused = [f for f in found if f[2] == "DSL203"]
    assert len(refused) == 400 and ("a.py", 1, "DSL102", "ms1mv2") in found
    cached = sum(p.stat().st_size for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert cached < 5_000_000


def test_a_pyproject_linked_out_of_a_subfolder_is_not_read_to_find_the_root(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path
) -> None:
    """Before: looking for the project root opened sub/pyproject.toml -> a file outside the
    repository to look for [tool.datasheet-lint], so what that file held chose the root (and
    the run then stopped on the link). A link out of its folder is not read at all now."""
    outside = tmp_path / "outside" / "pyproject.toml"
    write_files(outside.parent, {"pyproject.toml": "[tool.datasheet-lint]\nignore = ['DSL']\n"})
    repo = make_repo({"sub/train.py": 'x = "ms1mv2"\n'})
    (repo / "sub" / "pyproject.toml").symlink_to(outside)
    result = run_cli(repo / "sub", "check", "--format", "json")
    assert result.exit_code == 1, result.stderr  # the repository's root, its default settings
    assert findings(result) == {("sub/train.py", 1, "DSL102", "ms1mv2")}
