"""The CLI against hostile input: odd bytes, odd names, odd repositories, hostile settings.

Every run must end with exit code 0, 1 or 2, never print a traceback, and (except for the
commands that write, and only where asked) never change the repository. The corpus comes from
tests/hostile.py; the cases that need their own repository are built here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import git
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests import hostile
from tests.conftest import MakeRepo, Result, RunCli, init_repo, write_files

from datasheet_lint.cli import cli

HIT = 'x = "ms1mv2"\n'
OK_EXITS = {0, 1, 2}
CLI = (sys.executable, "-m", "datasheet_lint")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

READ_ONLY_COMMANDS = [
    ("check",),
    ("check", "--verbose"),
    ("check", "--format", "json"),
    ("check", "--format", "sarif"),
    ("check", "--format", "github"),
    ("check", "--format", "gitlab"),
    ("check", "--tracked-only"),
    ("check", "--staged"),
    ("refs",),
    ("refs", "--format", "json"),
    ("rules",),
    ("explain", "DSL101"),
    ("blocklist",),
    ("blocklist", "show", "ms1mv2"),
]


# --- helpers ----------------------------------------------------------------------------------


def tree_state(root: Path) -> dict[str, tuple[int, str]]:
    """Every entry under root except .git: (mode, sha256 of content or symlink target)."""
    state: dict[str, tuple[int, str]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d != ".git"]
        here = Path(folder)
        for name in [*dirs, *files]:
            if name == ".git":
                continue
            path = here / name
            info = path.lstat()
            key = os.fsencode(path.relative_to(root)).hex()
            if stat.S_ISLNK(info.st_mode):
                digest = "link:" + str(path.readlink())
            elif stat.S_ISREG(info.st_mode):
                try:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                except PermissionError:
                    digest = f"unreadable:{info.st_size}:{info.st_mtime_ns}"
            else:
                digest = "dir"
            state[key] = (info.st_mode, digest)
    return state


def run_subprocess(cwd: Path, *args: str, timeout: float = 120) -> Result:
    """The CLI in its own interpreter: catches crashes that click's runner would hide."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"}
    done = subprocess.run(
        [*CLI, *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def assert_sane(result: Result) -> None:
    assert result.exit_code in OK_EXITS, result
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def assert_clear_error(result: Result) -> None:
    """Exit 2 with one 'datasheet-lint: error:' message: not a crash, not a traceback."""
    assert result.exit_code == 2, result
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr, result.stderr
    assert result.stderr.startswith("datasheet-lint: error: ") or "Error: " in result.stderr


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*.tmp"))


def git_add_commit(repo: git.Repo) -> None:
    repo.git.add(A=True)
    repo.git.commit("-q", "-m", "x", "--allow-empty")


# --- the corpus -------------------------------------------------------------------------------


def _lock(root: Path) -> None:
    (root / "perm" / "unreadable.py").chmod(0)


# Every open of a FIFO that a datasheet links to, by any test of this module: must stay empty.
FIFO_OPENS: list[str] = []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The hostile corpus, committed in a real git repository (built once per module)."""
    root = tmp_path_factory.mktemp("hostile") / "repo"
    descriptions = hostile.build(root)
    assert len(descriptions) >= 100
    hostile.make_readable(root)  # git add must read every file (it is not always root)
    init_repo(root)
    _lock(root)
    with hostile.FifoWatch(hostile.fifos_of(root)) as watch:
        yield root
    hostile.make_readable(root)
    FIFO_OPENS.extend(watch.opened)
    assert not watch.opened, "a datasheet linked out of the root was opened"
    assert not hostile.marker_of(root).exists(), "a YAML tag constructed a Python object"


@pytest.fixture(scope="module")
def corpus_state(corpus: Path) -> dict[str, tuple[int, str]]:
    return tree_state(corpus)


@pytest.mark.parametrize("args", READ_ONLY_COMMANDS, ids=" ".join)
def test_read_only_commands_survive_and_write_nothing(
    corpus: Path, corpus_state: dict[str, tuple[int, str]], run_cli: RunCli, args: tuple[str, ...]
) -> None:
    result = run_cli(corpus, *args)
    assert_sane(result)
    assert tree_state(corpus) == corpus_state
    if args[0] == "check":
        assert result.exit_code == 1  # the corpus holds findings that survive its hostility
    if args[-1] == "json":
        assert result.json()  # valid JSON despite the names and bytes


@pytest.mark.parametrize(
    "args",
    [("check",), ("check", "--format", "sarif"), ("check", "--staged"), ("refs",)],
    ids=" ".join,
)
def test_read_only_commands_in_a_subprocess(
    corpus: Path, corpus_state: dict[str, tuple[int, str]], args: tuple[str, ...]
) -> None:
    result = run_subprocess(corpus, *args)
    assert_sane(result)
    assert tree_state(corpus) == corpus_state


def test_what_the_corpus_yields(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(corpus, "check", "--format", "json", "--verbose")
    report = result.json()
    paths = {f["path"] for f in report["findings"]}
    # Decoded despite the encoding, line ends, length and names:
    for expected in [
        "enc/invalid.py",
        "enc/utf16le.md",
        "enc/utf16be.yaml",
        "enc/crlf.py",
        "enc/cr.yaml",
        "size/long.py",
        "names/with spaces.py",
        "names/new\nline.py",
        "names/données_日本.py",
        "-rf.py",
        "--help.md",
        "py/py2.py",
        "py/syntax.py",
        "yaml/laughs.yaml",
        "yaml/dupes.yaml",
    ]:
        assert expected in paths, expected
    lines = {(f["path"], f["line"]) for f in report["findings"]}
    assert ("enc/crlf.py", 2) in lines
    assert ("enc/cr.yaml", 2) in lines
    assert ("size/long.py", 100_001) in lines
    # Never read: binaries, symbolic links (in or out of the root).
    assert not {"enc/binary.py", "enc/binary.md"} & paths
    assert not any(p.startswith("links/") for p in paths)
    for link in ["to_file.py", "to_folder", "loop_a", "loop_b", "self", "dangling.py"]:
        assert f"skipped links/{link}: symbolic link, not followed" in result.stderr
    assert "skipped enc/binary.py: binary" in result.stderr


# (path, line, rule) that the hostile datasheets must yield: each refused or reported at its node.
DATASHEET_FINDINGS = {
    # Shapes: a datasheet must be a mapping.
    ("datasheets/list.yaml", 1, "DSL202"),
    ("datasheets/scalar.yaml", 1, "DSL202"),
    ("datasheets/empty.yaml", 1, "DSL202"),
    ("datasheets/null.yaml", 1, "DSL202"),
    ("datasheets/comments.yaml", 1, "DSL202"),
    ("datasheets/wrong-types.yaml", 7, "DSL202"),  # personal_data: 5 (crashed DSL401 once)
    ("datasheets/wrong-types.yaml", 12, "DSL402"),  # the one well-formed ancestor still counts
    # YAML attacks and limits.
    ("datasheets/laughs.yaml", 1, "DSL203"),
    ("datasheets/dupes.yaml", 17, "DSL203"),
    ("datasheets/tag-top.yaml", 1, "DSL203"),
    ("datasheets/tag-value.yaml", 2, "DSL203"),
    ("datasheets/tag-nested.yaml", 3, "DSL203"),
    ("data/card-tag/README.md", 3, "DSL203"),  # cards ignored tags once
    ("datasheets/deep-flow.yaml", 1, "DSL203"),
    ("datasheets/deep-block.yaml", 1, "DSL203"),
    ("datasheets/deep-compact.yaml", 1, "DSL203"),
    ("datasheets/deep-json.yaml", 1, "DSL203"),
    ("datasheets/binary.yaml", 1, "DSL203"),
    ("datasheets/invalid-utf8.yaml", 2, "DSL202"),  # decoded with U+FFFD: an invalid id
    # Licences: each one DSL301 on the licence's line.
    *(
        (f"datasheets/lic-{case}.yaml", 11, "DSL301")
        for case in (
            "huge",
            "unbalanced",
            "closing",
            "with",
            "with-alone",
            "nul",
            "deep",
            "combinations",
            "control",
        )
    ),
    ("datasheets/lic-number.yaml", 11, "DSL202"),
    # Dataset cards.
    ("data/card-broken/README.md", 3, "DSL203"),
    ("data/card-dupes/README.md", 3, "DSL203"),
    ("data/card-laughs/README.md", 2, "DSL203"),
    ("data/card-types/README.md", 9, "DSL202"),
    ("data/card-types/README.md", 10, "DSL202"),
    # Croissant.
    ("croissant/notjson.croissant.json", 1, "DSL203"),
    ("croissant/array.croissant.json", 1, "DSL202"),
    ("croissant/scalar.croissant.json", 1, "DSL202"),
    ("croissant/empty.croissant.json", 1, "DSL203"),
    ("croissant/bigint.croissant.json", 1, "DSL203"),
    ("croissant/deep.croissant.json", 1, "DSL203"),
    # Lineage: a cycle with an exit to a retracted dataset is followed to it, once.
    ("datasheets/laundered.yaml", 19, "DSL402"),
    ("datasheets/launder-b.yaml", 23, "DSL402"),
    # People: the forged name is only a name.
    ("datasheets/forged.yaml", 20, "DSL401"),
    # Links out of the root: refused, never opened.
    ("datasheets/linked-out.yaml", 1, "DSL203"),
    ("datasheets/linked-fifo.yaml", 1, "DSL203"),
    ("croissant/linked.croissant.json", 1, "DSL203"),
}


def test_what_the_hostile_datasheets_yield(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(corpus, "check", "--format", "json")
    assert_sane(result)
    findings = result.json()["findings"]
    found = {(f["path"], f["line"], f["rule"]) for f in findings}
    assert sorted(DATASHEET_FINDINGS - found) == []
    by_path: dict[str, list[str]] = {}
    for f in findings:
        if f["rule"] != "DSL206":  # recommended fields the small sheets leave out
            by_path.setdefault(f["path"], []).append(f["rule"])
    # Lineage cycles end; each retracted ancestor is reported once, however often it is listed.
    lineage = [(f["path"], f["line"]) for f in findings if f["rule"] == "DSL402"]
    assert sorted(lineage) == [
        ("datasheets/launder-b.yaml", 23),
        ("datasheets/laundered.yaml", 19),
        ("datasheets/wrong-types.yaml", 12),
    ]
    for path in ["datasheets/cycle-a.yaml", "datasheets/cycle-b.yaml", "datasheets/self.yaml"]:
        assert by_path.get(path, []) == [], path
    # Readable despite encoding, line ends and names: they cover the datasets the code loads.
    assert by_path.get("datasheets/utf16.yaml", []) == []
    for name in ["datasheets/cr.yaml", "datasheets/with spaces.yaml", "datasheets/new\nline.yaml"]:
        assert by_path[name] == ["DSL205"], name  # valid, just not used by the code
    missing = {
        f["dataset"] for f in findings if f["rule"] == "DSL201" and f["path"] == "ds/train.py"
    }
    assert missing == {"hf:wrong-types"}  # its id is a list; every other one has a datasheet
    # Messages say what went wrong, in words.
    messages = {(f["path"], f["rule"]): f["message"] for f in findings}
    assert "symbolic link, not followed" in messages["datasheets/linked-out.yaml", "DSL203"]
    assert (
        "YAML tag '!!python/object/apply:os.system'"
        in messages["datasheets/tag-top.yaml", "DSL203"]
    )
    assert "nested deeper than 100" in messages["datasheets/deep-flow.yaml", "DSL203"]
    assert "nested deeper than 100" in messages["datasheets/deep-compact.yaml", "DSL203"]
    # 2 MB: refused by the datasheet size limit before any parser sees it.
    assert "256,000-byte limit" in messages["datasheets/deep-block.yaml", "DSL203"]
    assert "102403 characters" in messages["datasheets/lic-huge.yaml", "DSL301"]
    assert "sys.set_int_max_str_digits" not in messages["croissant/bigint.croissant.json", "DSL203"]
    assert hostile.SECRET not in result.stdout
    assert not hostile.marker_of(corpus).exists()


def test_datasheet_text_cannot_forge_a_line_of_output(corpus: Path, run_cli: RunCli) -> None:
    """A datasheet's name, licence or id with a newline stays on its finding's line."""
    for output_format in ["text", "github"]:
        result = run_cli(corpus, "check", "--format", output_format)
        assert_sane(result)
        forged = [line for line in result.stdout.splitlines() if "forged by a datasheet" in line]
        assert forged, output_format
        assert not any(line.startswith("::error file=train.py") for line in forged)
        assert not any(
            line.lstrip().startswith("::error::x") for line in result.stdout.splitlines()
        )
        assert "\x1b" not in result.stdout and "\0" not in result.stdout


def test_datasheets_folder_linked_out_of_the_root_is_refused(
    tmp_path: Path, run_cli: RunCli
) -> None:
    root = tmp_path / "repo"
    hostile.linked_datasheets_folder(root)
    init_repo(root)
    outside = hostile.outside_of(root) / "sheets"
    before = tree_state(outside)
    with hostile.FifoWatch(hostile.fifos_of(root)) as watch:
        results = [
            run_cli(root, "check", "--format", "json"),
            run_cli(root, "check", "--staged", "--format", "json"),
            run_cli(root, "check", "--format", "json", "train.py"),  # a partial run
        ]
        sub = run_subprocess(root, "check", "--verbose")
        made = run_cli(root, "init", "--missing")
        named = run_cli(root, "init", "other-dataset")
    for result in results:
        assert_sane(result)
        rules = {(f["path"], f["rule"]): f["message"] for f in result.json()["findings"]}
        assert ("train.py", "DSL201") in rules  # what the linked folder held is not seen
        assert hostile.SECRET not in result.stdout
        if result is not results[-1]:  # a partial run reports only the files it scans
            assert rules["datasheets", "DSL203"] == "not read: symbolic link, not followed"
    assert_sane(sub)
    assert hostile.SECRET not in sub.stdout + sub.stderr
    for result in (made, named):
        assert_clear_error(result)
        assert "datasheets: is a symbolic link; refusing to write through it" in result.stderr
    assert watch.opened == []
    assert tree_state(outside) == before  # nothing written through the link


def test_a_datasheet_derived_from_4000_datasets(tmp_path: Path) -> None:
    """Parsing is linear (ruamel); the lineage rules add little on top."""
    root = tmp_path / "repo"
    hostile.long_lineage(root)
    init_repo(root)
    started = time.monotonic()
    result = run_subprocess(root, "check", "--format", "json", timeout=300)
    elapsed = time.monotonic() - started
    assert_sane(result)
    lineage = [f for f in result.json()["findings"] if f["rule"] == "DSL402"]
    assert [(f["path"], f["line"]) for f in lineage] == [
        ("datasheets/long.yaml", 19 + 4 * (hostile.LONG_LINEAGE - 1))
    ]
    assert elapsed < 120, f"{elapsed:.0f} s"


def test_the_corpus_outside_git(tmp_path: Path, run_cli: RunCli) -> None:
    root = tmp_path / "plain"
    hostile.build(root)
    before = tree_state(root)
    try:
        with hostile.FifoWatch(hostile.fifos_of(root)) as watch:
            result = run_cli(root, "check", "--format", "json", "--verbose")
            sub = run_subprocess(root, "refs")
        assert_sane(result)
        assert result.exit_code == 1
        assert ".gitignore is not applied" in result.stderr
        paths = {f["path"] for f in result.json()["findings"]}
        assert not any(p.startswith("links/") for p in paths)  # dir -> . and out: not walked
        assert "skipped links/to_file.py: symbolic link, not followed" in result.stderr
        assert tree_state(root) == before
        assert_sane(sub)
        # Outside git, links to folders are not entered, and --verbose says so.
        assert "skipped links/to_folder: symbolic link, not followed" in result.stderr
        # Datasheets linked out of the root are refused as findings, never opened.
        assert {"datasheets/linked-out.yaml", "datasheets/linked-fifo.yaml"} <= paths
        assert hostile.SECRET not in result.stdout
        assert watch.opened == []
        assert not hostile.marker_of(root).exists()
    finally:
        hostile.make_readable(root)


def test_unreadable_file_is_reported_not_fatal(tmp_path: Path, run_cli: RunCli) -> None:
    if IS_ROOT:
        pytest.skip("running as root: chmod 000 does not stop root from reading the file")
    root = tmp_path / "r"
    write_files(root, {"a.py": HIT, "b.py": HIT})
    init_repo(root)
    (root / "b.py").chmod(0)
    try:
        result = run_cli(root, "check")
        assert result.exit_code == 1
        assert "skipped b.py: cannot read: Permission denied" in result.stderr
    finally:
        (root / "b.py").chmod(0o644)


# --- file names that the reports must carry safely --------------------------------------------


def test_newline_in_a_name_cannot_forge_a_line_of_text_output(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """GitHub Actions reads workflow commands from any step's stdout, text format included."""
    repo = make_repo({"evil\n::warning file=a.py::forged.py": HIT})
    assert_sane(run_cli(repo, "check", "--format", "github"))  # escaped there (%0A)
    result = run_cli(repo, "check")
    assert_sane(result)
    assert not any(line.startswith("::") for line in result.stdout.splitlines())
    assert "evil\\n::warning" in result.stdout  # the name is shown, escaped


NON_UTF8 = os.fsdecode(b"bad\xff.py")


def _non_utf8_repo(root: Path) -> None:
    """Committed with git itself: gitpython's index reader cannot decode such a name."""
    root.mkdir()
    (root / NON_UTF8).write_text(HIT, encoding="utf-8")
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "--format", "json"),
        ("check", "--format", "github"),
        ("check", "--format", "sarif"),
        ("check", "--format", "gitlab"),
        ("check", "--format", "json", "--output", "report.json"),
        ("check", "--staged"),
        ("baseline",),
    ],
    ids=" ".join,
)
def test_a_file_name_that_is_not_utf8(
    tmp_path: Path, run_cli: RunCli, args: tuple[str, ...]
) -> None:
    repo = tmp_path / "repo"
    _non_utf8_repo(repo)
    result = run_cli(repo, *args)
    assert_sane(result)
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code in {0, 1}


def test_path_arguments_that_look_like_options(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"-rf.py": HIT, "--help.md": "Trained on MS-Celeb-1M.\n"})
    result = run_cli(repo, "check", "--format", "json", "--", "-rf.py", "--help.md")
    assert result.exit_code == 1
    assert {f["path"] for f in result.json()["findings"]} == {"-rf.py", "--help.md"}
    assert {p.name for p in repo.iterdir()} == {".git", "--help.md", "-rf.py"}


# --- hostile settings -------------------------------------------------------------------------

MARKER = Path(tempfile.gettempdir()) / f"pwned-{uuid.uuid4().hex}"

HOSTILE_YAML = {
    "billion laughs": hostile.BILLION_LAUGHS,
    "a list": "- select\n- DSL\n",
    "a scalar": "just a string\n",
    "python object tag": f'!!python/object/apply:os.system ["touch {MARKER}"]\n',
    "python tag in a value": f'select: !!python/object/apply:os.system ["touch {MARKER}"]\n',
    "nested 10k levels (flow)": pytest.param(
        "select: " + "[" * 10_000 + "]" * 10_000 + "\n",
        marks=pytest.mark.slow,  # ~20 s: ruamel's scanner is quadratic in flow depth
    ),
    "nested 300 levels (flow)": "select: " + "[" * 300 + "]" * 300 + "\n",
    "nested 10k levels (block)": "".join("  " * i + "a:\n" for i in range(10_000)) + "  b: 1\n",
    "merge-key abuse": hostile.MERGE_ABUSE,
    "duplicate keys": "select: [DSL]\nselect: [DSL1]\n",
    "invalid UTF-8": b"select: [\xff\xfe]\n",
    "a NUL byte": b"select: [DSL]\0\n",
    "tabs for indentation": "select:\n\t- DSL\n",
}


@pytest.mark.parametrize("content", HOSTILE_YAML.values(), ids=HOSTILE_YAML.keys())
def test_hostile_settings_yaml_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli, content: str | bytes
) -> None:
    repo = make_repo({".datasheet-lint.yaml": content, "a.py": HIT})
    before = tree_state(repo)
    result = run_cli(repo, "check")
    assert_clear_error(result)
    assert ".datasheet-lint.yaml" in result.stderr
    assert not MARKER.exists(), "a YAML tag constructed a Python object"
    assert tree_state(repo) == before


def test_hostile_settings_through_config_option_and_blocklist_command(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"x.yaml": hostile.BILLION_LAUGHS, "a.py": HIT})
    assert_clear_error(run_cli(repo, "check", "--config", "x.yaml"))
    assert_clear_error(run_cli(repo, "refs", "--config", "x.yaml"))
    (repo / ".datasheet-lint.yaml").write_text(hostile.python_object_tag(str(MARKER)))
    assert_clear_error(run_cli(repo, "blocklist"))
    assert_clear_error(run_cli(repo, "blocklist", "show", "ms1mv2"))
    assert_clear_error(run_cli(repo, "baseline"))
    assert not (repo / ".datasheet-lint-baseline.json").exists()
    assert not MARKER.exists()


@pytest.mark.parametrize("content", HOSTILE_YAML.values(), ids=HOSTILE_YAML.keys())
def test_hostile_user_blocklist_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli, content: str | bytes
) -> None:
    repo = make_repo(
        {".datasheet-lint.yaml": "blocklist: [policy/extra.yaml]\n", "policy/extra.yaml": content}
    )
    for args in [("check",), ("blocklist",)]:
        result = run_cli(repo, *args)
        assert_clear_error(result)
        assert "policy/extra.yaml" in result.stderr
    assert not MARKER.exists()


@pytest.mark.parametrize(
    "content",
    [
        '[tool.datasheet-lint]\nselect = ["DSL"\n',
        '[tool.datasheet-lint]\nselect = "DSL"\nselect = "DSL1"\n',
        "[tool]\ndatasheet-lint = 5\n",
        '[tool.datasheet-lint]\nfail-on = "sometimes"\n',
        b"[tool.datasheet-lint]\nselect = ['\xff']\n",
    ],
    ids=["unterminated", "duplicate key", "not a table", "bad value", "invalid UTF-8"],
)
def test_broken_settings_in_pyproject_are_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli, content: str | bytes
) -> None:
    repo = make_repo({"pyproject.toml": content, "a.py": HIT})
    result = run_cli(repo, "check")
    assert_clear_error(result)
    assert "pyproject.toml" in result.stderr


def test_broken_pyproject_without_our_settings_does_not_stop_the_run(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"pyproject.toml": '[project\nname = "x"\n', "a.py": HIT})
    result = run_cli(repo, "check")
    assert_sane(result)
    assert result.exit_code == 1


def test_settings_file_linked_from_outside_the_root_is_refused(
    tmp_path: Path, run_cli: RunCli
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cfg.yaml").write_text("fail-on: never\n", encoding="utf-8")
    root = tmp_path / "repo"
    write_files(root, {"a.py": HIT})
    (root / ".datasheet-lint.yaml").symlink_to(outside / "cfg.yaml")
    init_repo(root)
    result = run_cli(root, "check")
    assert_sane(result)
    assert result.exit_code == 2 and "link" in result.stderr, result


# --- repository shapes ------------------------------------------------------------------------


def test_bare_repository(tmp_path: Path, run_cli: RunCli) -> None:
    bare = tmp_path / "bare.git"
    git.Repo.init(bare, bare=True)
    for cwd, args in [
        (tmp_path, ("check", "bare.git")),
        (bare, ("check",)),
        (bare, ("check", "--staged")),
        (bare, ("check", "--diff", "HEAD")),
        (bare, ("refs",)),
    ]:
        result = run_cli(cwd, *args)
        assert_sane(result)
        assert "internal error" not in result.stderr
        if "--staged" in args or "--diff" in args:
            assert_clear_error(result)
    assert_sane(run_subprocess(bare, "check"))


def test_empty_repository(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT}, commit=False)  # git init, files staged, no commit
    before = tree_state(repo)
    assert run_cli(repo, "check").exit_code == 1
    assert run_cli(repo, "check", "--staged").exit_code == 1
    assert_clear_error(run_cli(repo, "check", "--diff", "HEAD"))
    empty = make_repo({}, commit=False)
    assert run_cli(empty, "check").exit_code == 0
    assert run_cli(empty, "check", "--staged").exit_code == 0
    assert tree_state(repo) == before


def test_submodule(tmp_path: Path, run_cli: RunCli) -> None:
    inner_root = tmp_path / "inner"
    write_files(inner_root, {"inner.py": HIT})
    init_repo(inner_root)
    outer_root = tmp_path / "outer"
    write_files(outer_root, {"a.py": "x = 1\n"})
    outer = init_repo(outer_root)
    outer.git.execute(
        [
            "git",
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            str(inner_root),
            "sub",
        ]
    )
    git_add_commit(outer)
    before = tree_state(outer_root)
    result = run_cli(outer_root, "check", "--format", "json")
    assert_sane(result)
    assert result.json()["summary"]["files_scanned"] == 2  # a.py, .gitmodules
    inside = run_cli(outer_root, "check", "--format", "json", "sub")
    assert_sane(inside)
    assert [f["path"] for f in inside.json()["findings"]] == ["inner.py"]
    assert_sane(run_cli(outer_root, "check", "--staged"))
    assert tree_state(outer_root) == before


def test_sparse_checkout(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo_root = make_repo({"some/dir/a.py": HIT, "other/b.py": HIT, "top.py": "x = 1\n"})
    git.Repo(repo_root).git.sparse_checkout("set", "some/dir")
    assert not (repo_root / "other").exists()
    result = run_cli(repo_root, "check", "--format", "json")
    assert_sane(result)
    assert {f["path"] for f in result.json()["findings"]} == {"some/dir/a.py"}
    staged = run_cli(repo_root, "check", "--staged", "--format", "json")
    assert {f["path"] for f in staged.json()["findings"]} == {"some/dir/a.py", "other/b.py"}
    assert "cannot read" not in result.stderr  # outside the sparse checkout: not files


def test_thousands_of_ignored_files_are_not_scanned(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({".gitignore": "build/\n", "a.py": HIT})
    build = repo / "build"
    for i in range(3000):
        sub = build / f"d{i % 30}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i}.py").write_text(HIT, encoding="utf-8")
    result = run_cli(repo, "check", "--format", "json")
    assert result.json()["summary"]["files_scanned"] == 2  # .gitignore, a.py
    assert {f["path"] for f in result.json()["findings"]} == {"a.py"}


def test_path_arguments(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT, "b.py": HIT})
    one = run_cli(repo, "check", "--format", "json", "a.py")
    assert one.json()["summary"]["files_scanned"] == 1
    assert_clear_error(run_cli(repo, "check", "missing.py"))
    assert_clear_error(run_cli(repo, "check", "a.py", "missing/"))
    assert_clear_error(run_subprocess(repo, "check", "missing.py"))
    assert_clear_error(run_cli(repo, "refs", "nope"))


# --- links ------------------------------------------------------------------------------------


def test_symlinks_are_not_followed_and_verbose_says_so(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(corpus, "check", "--verbose", "links")
    assert "skipped links/to_file.py: symbolic link, not followed" in result.stderr
    assert "skipped links/to_folder: symbolic link, not followed" in result.stderr
    assert "secret.py" not in result.stdout and "inner.py" not in result.stdout


@pytest.mark.parametrize("target", ["links/to_file.py", "links/to_folder", "links/dangling.py"])
def test_a_symlink_given_as_the_path(corpus: Path, run_cli: RunCli, target: str) -> None:
    result = run_cli(corpus, "check", target)
    assert_sane(result)
    assert "secret.py" not in result.stdout and "inner.py" not in result.stdout


@pytest.mark.parametrize("target", ["links/loop_a", "links/self/self/loop_a"])
def test_a_symlink_loop_given_as_the_path(corpus: Path, run_cli: RunCli, target: str) -> None:
    result = run_cli(corpus, "check", target)
    assert_sane(result)
    assert "internal error" not in result.stderr, result.stderr


def test_output_through_a_symlink_is_refused(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT})
    victim = repo.parent / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    (repo / "report.json").symlink_to(victim)
    result = run_cli(repo, "check", "--format", "json", "--output", "report.json")
    assert_clear_error(result)
    assert "symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (repo / "report.json").is_symlink()
    assert leftovers(repo) == []


# --- writes that fail -------------------------------------------------------------------------


def test_baseline_rename_onto_a_directory_fails_cleanly(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"a.py": HIT})
    (repo / ".datasheet-lint-baseline.json").mkdir()
    result = run_cli(repo, "baseline", "--update")
    assert_clear_error(result)
    assert "cannot write" in result.stderr
    assert (repo / ".datasheet-lint-baseline.json").is_dir()
    assert leftovers(repo) == []
    assert sorted(p.name for p in repo.iterdir()) == [
        ".datasheet-lint-baseline.json",
        ".git",
        "a.py",
    ]


def test_baseline_refuses_to_replace_without_update(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT, ".datasheet-lint-baseline.json": "old\n"})
    assert_clear_error(run_cli(repo, "baseline"))
    assert (repo / ".datasheet-lint-baseline.json").read_text(encoding="utf-8") == "old\n"
    assert leftovers(repo) == []


@pytest.mark.parametrize("output", ["adir", "missing/folder/report.json", "adir/"])
def test_output_that_cannot_be_written(make_repo: MakeRepo, run_cli: RunCli, output: str) -> None:
    repo = make_repo({"a.py": HIT})
    (repo / "adir").mkdir()
    before = tree_state(repo)
    result = run_cli(repo, "check", "--format", "sarif", "--output", output)
    assert_clear_error(result)
    assert tree_state(repo) == before
    assert leftovers(repo) == []


def test_killed_while_writing_the_report_leaves_the_old_one(tmp_path: Path) -> None:
    """SIGKILL as soon as the temporary file appears: the report is the old one or a whole one.

    A SIGKILL runs no clean-up, so the temporary file itself may stay behind (hidden,
    ``.report.json.*.tmp``); the target must never be partial.
    """
    root = tmp_path / "r"
    write_files(root, {"many.py": HIT * 20_000})
    init_repo(root)
    target = root / "report.json"
    old = '{"old": true}\n'
    caught = 0
    for _attempt in range(4):
        target.write_text(old, encoding="utf-8")
        process = subprocess.Popen(
            [*CLI, "check", "--format", "json", "--output", "report.json", "--exit-zero"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if any(n.endswith(".tmp") for n in os.listdir(root)):  # noqa: PTH208 (speed)
                process.send_signal(signal.SIGKILL)
                caught += 1
                break
        process.wait(timeout=60)
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        process.stderr.close()
        assert "Traceback" not in stderr
        content = target.read_text(encoding="utf-8")
        if content != old:  # finished before the kill: then it is a whole report
            assert json.loads(content)["summary"]["findings"] == 20_000
        for leftover in root.glob(".report.json.*.tmp"):
            leftover.unlink()
        if caught:
            break
    assert caught > 0, "never caught the write in progress"


# --- internal errors --------------------------------------------------------------------------


def _repo_with_a_missing_blob(root: Path) -> None:
    """A staged file whose blob is gone from .git/objects: reading it raises ValueError.
    The work tree's copy is edited after staging, so the blob must come from git."""
    write_files(root, {"a.py": HIT})
    repo = init_repo(root, commit=False)
    sha = repo.git.rev_parse(":a.py")
    (root / ".git" / "objects" / sha[:2] / sha[2:]).unlink()
    (root / "a.py").write_text(HIT + "# edited, not staged\n", encoding="utf-8")


def test_an_internal_error_is_one_message_and_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    """No mock: a real unexpected exception type (gitpython's ValueError on a missing blob)."""
    _repo_with_a_missing_blob(tmp_path / "r")
    result = run_cli(tmp_path / "r", "check", "--staged")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("datasheet-lint: internal error while processing a.py: ")
    assert len(result.stderr.splitlines()) == 1
    assert "please report it" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2
    debug = run_cli(tmp_path / "r", "--debug", "check", "--staged")
    assert debug.exit_code == 2
    assert "Traceback (most recent call last)" in debug.stderr
    sub = run_subprocess(tmp_path / "r", "check", "--staged")
    assert sub.exit_code == 2 and "Traceback" not in sub.stderr


def test_an_internal_error_names_the_file(tmp_path: Path, run_cli: RunCli) -> None:
    _repo_with_a_missing_blob(tmp_path / "r")
    result = run_cli(tmp_path / "r", "check", "--staged")
    assert "a.py" in result.stderr.splitlines()[0]


# --- random names and bytes -------------------------------------------------------------------

NAME_CHARS = st.characters(
    blacklist_categories=("Cs",), blacklist_characters="/\0", min_codepoint=1
)
FILE_NAME = st.text(NAME_CHARS, min_size=1, max_size=16).filter(
    lambda n: n not in {".", "..", ".git"} and len(n.encode()) < 200
)
CONTENT = st.one_of(
    st.binary(max_size=600),
    st.lists(
        st.sampled_from(
            [HIT, "MS-Celeb-1M\n", "\r", "\n", "\0", "\ufeff", "load_dataset('x')\n", "{[", "é"]
        ),
        max_size=20,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
)
EXAMPLES = {"count": 0}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    files=st.dictionaries(FILE_NAME, CONTENT, min_size=1, max_size=5),
    output_format=st.sampled_from(["text", "json", "sarif", "github", "gitlab"]),
    suffixes=st.lists(st.sampled_from([".py", ".ipynb", ".yaml", ".md", ".dvc", ""]), max_size=5),
)
@example(files={"0:": b""}, output_format="text", suffixes=[])  # once broke the repo setup
def test_random_names_and_bytes(
    files: dict[str, bytes], output_format: str, suffixes: list[str]
) -> None:
    EXAMPLES["count"] += 1
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        root.mkdir()
        names = list(files)
        for i, suffix in enumerate(suffixes[: len(names)]):
            names[i] += suffix
        for name, content in zip(names, files.values(), strict=True):
            (root / name).write_bytes(content)
        # git itself, not gitpython: its index writer rejects names such as '0:'.
        for command in (
            ["init", "-q"],
            ["add", "-A"],
            ["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "x"],
        ):
            subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)
        before = tree_state(root)
        result = CliRunner().invoke(cli, ["check", str(root), "--format", output_format])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in OK_EXITS, result.stderr
        assert "Traceback" not in result.stderr
        assert "internal error" not in result.stderr, result.stderr
        assert tree_state(root) == before


# --- size -------------------------------------------------------------------------------------


def _minified_json(path: Path, size: int) -> None:
    """A COCO-like minified annotation file on one line, with a few dataset names."""
    parts = []
    written = 0
    i = 0
    while written < size:
        record = {
            "id": i,
            "file_name": f"{i:012d}.jpg",
            "bbox": [i % 640, i % 480, 32.5, 64.25],
            "category_id": i % 80,
            "iscrowd": 0,
        }
        if i % 5000 == 0:
            record["source"] = "faces_emore"
        part = json.dumps(record, separators=(",", ":"))
        parts.append(part)
        written += len(part) + 1
        i += 1
    path.write_text('{"annotations":[' + ",".join(parts) + "]}", encoding="utf-8")


TIME = shutil.which("time") or "/usr/bin/time"


@pytest.mark.slow
def test_peak_memory_on_a_50mb_minified_json(tmp_path: Path) -> None:
    if not Path(TIME).exists():
        pytest.skip("/usr/bin/time is not installed")
    root = tmp_path / "r"
    root.mkdir()
    _minified_json(root / "annotations.min.json", 50_000_000)
    (root / "big.yaml").write_text('max-file-size: "100MB"\n', encoding="utf-8")
    init_repo(root)
    peaks = {}
    for label, extra in [("default (skipped)", []), ("scanned", ["--config", "big.yaml"])]:
        done = subprocess.run(
            [TIME, "-f", "peak-kb=%M", *CLI, "check", "--format", "json", "--verbose", *extra],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert "Traceback" not in done.stderr
        peak = int(done.stderr.rsplit("peak-kb=", 1)[1].split()[0])
        peaks[label] = peak
        report = json.loads(done.stdout)
        if extra:
            assert done.returncode == 1
            assert report["findings"][0]["dataset"] == "ms1mv2"
        else:
            assert done.returncode == 0
            assert "annotations.min.json: larger than" in done.stderr
        assert peak < 300_000, f"{label}: peak {peak / 1000:.0f} MB"
    print(f"peak memory on the 50 MB minified JSON: {peaks}")
