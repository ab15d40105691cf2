"""The benchmark runner works, and the shortcuts taken for speed give the same answers.

The benchmark itself (benchmarks/run.py, minutes to run) is not part of the suite: here it runs
once on a tiny repository with the fast tools, and each speed-up is compared with the plain
way it replaces.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, write_files

from datasheet_lint import files, git, parallel
from datasheet_lint.cache import compiled_regex
from datasheet_lint.datasheets import load
from datasheet_lint.extract import python_ast
from datasheet_lint.knowledge import blocklist, catalogue, resolve
from datasheet_lint.models import Skipped, SourceFile

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "benchmarks" / "run.py"


def _tree(path: Path) -> str:
    out = subprocess.run(
        ["git", "rev-parse", "HEAD^{tree}"], cwd=path, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_runner_times_the_tools_on_a_tiny_repository(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(RUNNER),
            "--sizes",
            "24",
            "--repeat",
            "2",
            "--precommit-runs",
            "1",
            "--tools",
            "datasheet-lint,git-grep",
            "--workdir",
            str(tmp_path / "work"),
            "--json",
            str(results),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(results.read_text(encoding="utf-8"))
    (size,) = data["sizes"]
    assert size["files"] == 24
    lint, grep = size["tools"]["datasheet-lint"], size["tools"]["git-grep"]
    assert len(lint["runs"]) == 2 and lint["median_seconds"] > 0 and lint["peak_mb"] > 0
    assert len(grep["runs"]) == 2
    assert size["ratios"]["git-grep"] == pytest.approx(
        lint["median_seconds"] / grep["median_seconds"]
    )
    assert size["datasheet_lint_summary"]["files_scanned"] > 0
    assert [p["changed"] for p in size["precommit"]] == [1, 3, 5]
    # Which tree and which staged files, so that two runs' figures can be told apart.
    assert size["tree"] == _tree(tmp_path / "work" / "repo-24")
    python_files = set(
        json.loads((tmp_path / "work" / "repo-24" / ".git" / "synthetic.json").read_text())[
            "python_files"
        ]
    )
    assert [len(p["files"]) for p in size["precommit"]] == [1, 3, 5]
    assert all(set(p["files"]) <= python_files for p in size["precommit"])
    assert f"24 files (tree {size['tree'][:12]})" in done.stdout
    assert f"pre-commit, 3 staged: {', '.join(size['precommit'][1]['files'])}" in done.stdout
    assert all(p["check_ms"] > p["bare_ms"] > 0 for p in size["precommit"])
    assert "| files | MB | datasheet-lint | git-grep |" in done.stdout
    assert "pre-commit overhead <= 150 ms" in done.stdout
    # The pre-commit case restored the repository it changed.
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=tmp_path / "work" / "repo-24", capture_output=True
    )
    assert status.stdout == b""


def test_synthetic_repository_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(RUNNER.parent))
    try:
        import synthetic
    finally:
        sys.path.remove(str(RUNNER.parent))
    first = synthetic.generate(tmp_path / "a", 40, reuse=False)
    second = synthetic.generate(tmp_path / "b", 40, reuse=False)
    other = synthetic.generate(tmp_path / "c", 40, seed=7, reuse=False)
    assert _tree(first.path) == _tree(second.path) != _tree(other.path)
    assert first.size == second.size > 0


def test_cached_regex_code_matches_the_compiled_regex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    knowledge = resolve.Knowledge.build(blocklist.builtin(), catalogue.builtin())
    pattern = knowledge.matcher._regex.pattern
    fresh, cached = compiled_regex(pattern), compiled_regex(pattern)  # written, then read
    assert list((tmp_path / "datasheet-lint").glob("regex-*.bin"))
    text = (ROOT / "README.md").read_text(encoding="utf-8").lower()
    expected = [m.span() for m in re.compile(pattern).finditer(text)]
    assert len(expected) > 20
    assert [m.span() for m in fresh.finditer(text)] == expected
    assert [m.span() for m in cached.finditer(text)] == expected


def test_pruned_walk_finds_the_nodes_ast_walk_finds_in_order() -> None:
    wanted = (ast.Call, ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign)
    sources = sorted((ROOT / "tests" / "corpus").rglob("*.py")) + sorted(ROOT.glob("src/**/*.py"))
    assert len(sources) > 50
    for source in sources:
        tree = python_ast.parse(source.read_text(encoding="utf-8"))
        if tree is None:
            continue
        plain = [n for n in ast.walk(tree) if isinstance(n, wanted)]
        assert [n for n in python_ast._walk(tree) if isinstance(n, wanted)] == plain, source


def _square(path: str) -> int:
    if path == "bad":
        raise ValueError("bad path")
    return int(path) ** 2


def test_parallel_map_keeps_order_and_raises_like_a_serial_run() -> None:
    paths = [str(n) for n in range(300)]
    assert list(parallel.map_paths(_square, paths, min_files=2, processes=2)) == [
        n * n for n in range(300)
    ]
    with pytest.raises(ValueError, match="bad path"):
        list(parallel.map_paths(_square, [*paths, "bad"], min_files=2, processes=2))


def test_runner_times_datasheet_lint_alone(tmp_path: Path) -> None:
    """``--tools datasheet-lint`` (no git grep to compare with) still renders its table."""
    done = subprocess.run(
        [
            sys.executable,
            str(RUNNER),
            *("--sizes", "12", "--repeat", "1", "--precommit-runs", "1"),
            *("--tools", "datasheet-lint", "--workdir", str(tmp_path / "work")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "| files | MB | datasheet-lint |" in done.stdout


def test_binary_files_are_skipped_without_reading_them_whole(tmp_path: Path) -> None:
    (tmp_path / "weights.bin").write_bytes(b"\0\1" + b"x" * 100_000)
    (tmp_path / "notes.txt").write_bytes("ms-celeb-1m\n".encode("utf-16"))
    assert files.read(tmp_path, "weights.bin", 10**6) == Skipped("weights.bin", "binary")
    notes = files.read(tmp_path, "notes.txt", 10**6)
    assert isinstance(notes, SourceFile) and notes.text == "ms-celeb-1m\n"


def test_git_narrows_datasheet_candidates_to_what_a_full_listing_finds(
    make_repo: MakeRepo,
) -> None:
    files = {
        "datasheets/faces.yaml": "x",
        "datasheets/deep/more/reid.yml": "x",
        "datasheets/notes.md": "x",
        "data/celeb/Readme.MD": "x",
        "README.md": "x",
        "data/DATA.Croissant.json": "x",
        "croissant.json": "x",
        "policy/odd[name]*.yaml": "x",
        "src/train.py": "x",
        "ignored/README.md": "x",
        ".gitignore": "ignored/\n",
    }
    root = make_repo(files)
    write_files(root, {"data/untracked/README.md": "x"})
    named = ["policy/odd[name]*.yaml"]
    for untracked in (True, False):
        full = git.list_files(root, [root], untracked=untracked).paths
        narrow = git.list_matching(root, load.pathspecs("datasheets", named), untracked=untracked)
        assert narrow.git and len(narrow.paths) < len(full)
        expected = load.candidates(full, "datasheets", named)
        assert load.candidates(narrow.paths, "datasheets", named) == expected
        assert ("data/untracked/README.md" in expected) is untracked
        assert "ignored/README.md" not in expected


def test_datasheet_pathspecs_work_from_a_project_below_the_git_top(make_repo: MakeRepo) -> None:
    """The pathspecs are relative to the project root; git needs them from its top, with any
    wildcard in the folder's name taken literally (and the same for --staged)."""
    inside = {
        "datasheets/faces.yaml": "x",
        "data/README.md": "x",
        "data/set.croissant.json": "x",
        "train.py": "x",
    }
    outside = {"datasheets/elsewhere.yaml": "x", "README.md": "x", "skip[x]/README.md": "x"}
    top = make_repo({**{f"pro[j]*/{k}": v for k, v in inside.items()}, **outside})
    root = top / "pro[j]*"
    specs = load.pathspecs("datasheets", [])
    expected = load.candidates(git.list_files(root, [root]).paths, "datasheets", [])
    assert expected == ["data/README.md", "data/set.croissant.json", "datasheets/faces.yaml"]
    narrow = git.list_matching(root, specs)
    assert load.candidates(narrow.paths, "datasheets", []) == expected
    staged = git.list_staged(root, [root / "train.py"], also=specs)
    assert staged.paths == ("train.py",)
    assert load.candidates(staged.everything().paths, "datasheets", []) == expected
