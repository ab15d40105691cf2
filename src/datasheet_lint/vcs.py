"""Which files to scan, and their text. The only module that talks to git.

Inside a git work tree: tracked files plus untracked files that are not ignored, as
``git ls-files -co --exclude-standard`` lists them. Outside git: a walk that skips VCS folders,
virtual environments, node_modules and caches. Symbolic links are never followed. Binary files,
files over the size limit and unreadable files are skipped with a reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasheet_lint.errors import UserError
from datasheet_lint.models import Skipped, SourceFile

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
        ".eggs",
        ".ipynb_checkpoints",
    }
)
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Listing:
    """The candidate files (paths relative to the root, POSIX) and how they were found."""

    paths: tuple[str, ...]
    git: bool


def git_dir_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that has a ``.git`` entry (cheap, no git)."""
    for candidate in (path, *path.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _git_files(
    top: Path, root: Path, targets: Sequence[Path], *, untracked: bool
) -> list[str] | None:
    """Files git would show under the targets, relative to ``root``; None if not a work tree."""
    import git  # gitpython: imported only when the scan is inside a git work tree

    try:
        repo = git.Repo(top, search_parent_directories=False)
        if repo.bare or repo.working_tree_dir is None:
            return None
        work = Path(repo.working_tree_dir).resolve()
        specs = [os.path.relpath(t, work) for t in targets] or ["."]
        listing = ["-z", "-c", "-o", "--exclude-standard"] if untracked else ["-z", "-c"]
        out = repo.git.ls_files(*listing, "--", *specs, stdout_as_string=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandError, ValueError):
        return None
    assert isinstance(out, bytes)
    paths = []
    seen = set()
    for raw in out.split(b"\0"):
        if not raw or raw.endswith(b"/"):  # a nested repository listed as a folder
            continue
        absolute = work / os.fsdecode(raw)
        relative = os.path.relpath(absolute, root)
        if relative.startswith("..") or relative in seen:
            continue
        seen.add(relative)
        paths.append(Path(relative).as_posix())
    return paths


def _walk(root: Path, targets: Sequence[Path]) -> Iterator[str]:
    for target in targets:
        if target.is_file() or target.is_symlink():
            yield Path(os.path.relpath(target, root)).as_posix()
            continue
        for folder, dirs, files in os.walk(target, followlinks=False):
            here = Path(folder)
            dirs[:] = sorted(
                d for d in dirs if d not in SKIP_DIRS and not (here / d / "pyvenv.cfg").exists()
            )
            for name in sorted(files):
                yield Path(os.path.relpath(here / name, root)).as_posix()


def list_files(root: Path, targets: Sequence[Path], *, untracked: bool = True) -> Listing:
    """Candidate files under the targets (folders or files inside ``root``).

    ``untracked=False`` keeps to the files in git's index (tracked or staged): what a commit
    holds, without the scratch files that pre-commit leaves in place.
    """
    top = git_dir_above(root)
    if top is not None:
        paths = _git_files(top, root, targets, untracked=untracked)
        if paths is not None:
            return Listing(tuple(sorted(paths)), git=True)
    return Listing(tuple(sorted(set(_walk(root, targets)))), git=False)


def read(root: Path, relative: str, max_size: int) -> SourceFile | Skipped:
    """A file's text (UTF-8 with replacement, newlines normalised), or why it was skipped."""
    path = root / relative
    try:
        info = path.lstat()
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    if stat.S_ISLNK(info.st_mode):
        return Skipped(relative, "symbolic link, not followed")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(relative, "not a regular file")
    if info.st_size > max_size:
        return Skipped(
            relative, f"larger than the {max_size:,}-byte limit ({info.st_size:,} bytes)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    return decode(relative, data)


def decode(relative: str, data: bytes) -> SourceFile | Skipped:
    """Bytes -> text; binary (a NUL byte early on, without a UTF-16 BOM) is skipped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\0" in data[:SNIFF_BYTES]:
        return Skipped(relative, "binary")
    else:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(relative, text)


def resolve_targets(root: Path, paths: Sequence[str]) -> list[Path]:
    """Absolute target paths; a missing path or one outside the root is a user error."""
    targets = []
    for raw in paths:
        given = Path(raw).absolute()
        # Resolve the folders above it, but not a final symbolic link (never followed).
        absolute = given.parent.resolve() / given.name if given.name else given.resolve()
        if not absolute.exists() and not absolute.is_symlink():
            raise UserError(
                "no such file or directory",
                location=raw,
                hint="check the path; datasheet-lint check takes folders or files",
            )
        if os.path.commonpath([absolute, root]) != str(root):
            raise UserError(f"path is outside the project root {root}", location=raw)
        targets.append(absolute)
    return targets
