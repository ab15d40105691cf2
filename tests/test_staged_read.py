"""``--staged`` reads what git's index holds: from the work tree when it holds the same bytes
(checked by git's blob id), from ``git cat-file`` otherwise. Real repositories, real git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import git
import pytest
from tests.conftest import MakeRepo

from datasheet_lint import git as dsl_git
from datasheet_lint.models import Skipped, SourceFile

LIMIT = 1_000_000


def read_all(listing: dsl_git.Listing, max_size: int = LIMIT) -> dict[str, SourceFile | Skipped]:
    return {path: listing.read(path, max_size) for path in listing.paths}


def git_started(listing: dsl_git.Listing) -> bool:
    assert listing.blobs is not None
    return listing.blobs.process is not None


def test_unchanged_staged_files_are_read_without_starting_git(make_repo: MakeRepo) -> None:
    repo = make_repo({"train.py": "load_dataset('imdb')\n", "conf/a.yaml": "dataset: mnist\n"})
    (repo / "train.py").write_text("load_dataset('ms1mv2')\n", encoding="utf-8")
    git.Repo(repo).index.add(["train.py"])  # staged and in the work tree alike
    listing = dsl_git.list_staged(repo, [repo])
    texts = read_all(listing)
    assert texts["train.py"] == SourceFile("train.py", "load_dataset('ms1mv2')\n")
    assert texts["conf/a.yaml"] == SourceFile("conf/a.yaml", "dataset: mnist\n")
    assert not git_started(listing)


def test_an_unstaged_edit_of_the_same_size_is_never_read_as_staged(make_repo: MakeRepo) -> None:
    repo = make_repo({"config.yaml": "dataset: ms1mv2\n", "other.yaml": "a: 1\n"})
    (repo / "config.yaml").write_text("dataset: cifarXX\n", encoding="utf-8")  # same length
    listing = dsl_git.list_staged(repo, [repo])
    texts = read_all(listing)
    assert texts["config.yaml"] == SourceFile("config.yaml", "dataset: ms1mv2\n")
    assert texts["other.yaml"] == SourceFile("other.yaml", "a: 1\n")
    assert git_started(listing)


def test_a_deleted_or_replaced_work_tree_file_falls_back_to_the_index(make_repo: MakeRepo) -> None:
    repo = make_repo({"gone.py": "x = 'ms1mv2'\n", "dir.py": "y = 1\n"})
    (repo / "gone.py").unlink()
    (repo / "dir.py").unlink()
    (repo / "dir.py").mkdir()
    texts = read_all(dsl_git.list_staged(repo, [repo]))
    assert texts == {
        "dir.py": SourceFile("dir.py", "y = 1\n"),
        "gone.py": SourceFile("gone.py", "x = 'ms1mv2'\n"),
    }


def test_line_ending_conversion_reads_the_staged_bytes(make_repo: MakeRepo) -> None:
    repo = make_repo({".gitattributes": "*.txt text eol=crlf\n", "notes.txt": "MS1MV2\nhere\n"})
    assert (repo / "notes.txt").read_bytes() == b"MS1MV2\nhere\n"
    (repo / "notes.txt").unlink()
    git.Repo(repo).git.checkout("--", "notes.txt")  # the work tree copy now ends in CRLF
    assert (repo / "notes.txt").read_bytes() == b"MS1MV2\r\nhere\r\n"
    listing = dsl_git.list_staged(repo, [repo / "notes.txt"])
    assert read_all(listing) == {"notes.txt": SourceFile("notes.txt", "MS1MV2\nhere\n")}
    assert git_started(listing)  # the blob (LF) is not the work tree's bytes: git was asked


def test_size_limit_is_reported_with_the_staged_size(make_repo: MakeRepo) -> None:
    repo = make_repo({"big.json": "x" * 300, "small.json": "{}"})
    listing = dsl_git.list_staged(repo, [repo])
    texts = read_all(listing, max_size=100)
    assert texts["big.json"] == Skipped("big.json", "larger than the 100-byte limit (300 bytes)")
    assert texts["small.json"] == SourceFile("small.json", "{}")


def test_symbolic_links_in_the_index_are_not_followed(make_repo: MakeRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("x = 'ms1mv2'\n", encoding="utf-8")
    repo = make_repo({"train.py": "y = 1\n"})
    (repo / "link.py").symlink_to(outside)
    git.Repo(repo).index.add(["link.py"])
    texts = read_all(dsl_git.list_staged(repo, [repo]))
    assert texts["link.py"] == Skipped("link.py", "symbolic link, not followed")


def _sha256_repo(root: Path) -> bool:
    done = subprocess.run(
        ["git", "init", "-q", "--object-format=sha256", str(root)], capture_output=True, check=False
    )
    return done.returncode == 0


def test_sha256_repositories_are_read_too(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    if shutil.which("git") is None or not _sha256_repo(root):  # pragma: no cover
        pytest.skip("this git cannot make a SHA-256 repository")
    (root / "train.py").write_text("load_dataset('ms1mv2')\n", encoding="utf-8")
    (root / "edited.py").write_text("a = 1\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "."], check=True)
    (root / "edited.py").write_text("a = 2\n", encoding="utf-8")
    listing = dsl_git.list_staged(root, [root])
    assert listing.staged is not None
    assert {len(sha) for sha, _ in listing.staged.values()} == {64}
    texts = read_all(listing)
    assert texts["train.py"] == SourceFile("train.py", "load_dataset('ms1mv2')\n")
    assert texts["edited.py"] == SourceFile("edited.py", "a = 1\n")
