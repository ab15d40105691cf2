"""Which files to scan, and their text. The only module that talks to git.

With ``--staged`` the files come from git's index instead, and ``--diff REF`` asks git which
lines changed. Inside a git work tree: tracked files plus untracked files that are not ignored, as
``git ls-files -co --exclude-standard`` lists them. Outside git: a walk that skips VCS folders,
virtual environments, node_modules and caches. Symbolic links are never followed. Binary files,
files over the size limit and unreadable files are skipped with a reason.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """The candidate files (paths relative to the root, POSIX) and where to read them from."""

    paths: tuple[str, ...]
    git: bool
    root: Path
    # For --staged: path -> (blob, mode) in git's index; None reads the working tree.
    staged: Mapping[str, tuple[Any, int]] | None = None

    def read(self, relative: str, max_size: int) -> SourceFile | Skipped:
        if self.staged is None:
            return read(self.root, relative, max_size)
        blob, mode = self.staged[relative]
        if stat.S_ISLNK(mode):
            return Skipped(relative, "symbolic link, not followed")
        if blob.size > max_size:
            return Skipped(
                relative, f"larger than the {max_size:,}-byte limit ({blob.size:,} bytes)"
            )
        return decode(relative, blob.data_stream.read())


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
        if relative.startswith("..") or relative in seen or not os.path.lexists(absolute):
            continue  # outside the root, listed twice, or deleted / outside a sparse checkout
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
            for name in dirs:  # a linked folder is not entered; report it as skipped
                if (here / name).is_symlink():
                    yield Path(os.path.relpath(here / name, root)).as_posix()
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
            return Listing(tuple(sorted(paths)), git=True, root=root)
    return Listing(tuple(sorted(set(_walk(root, targets)))), git=False, root=root)


def _repository(root: Path) -> Any:
    """The git work tree around ``root``; a UserError when there is none."""
    import git

    top = git_dir_above(root)
    try:
        repo = git.Repo(top or root)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        repo = None
    if repo is None or repo.bare or repo.working_tree_dir is None:
        raise UserError(
            "not inside a git work tree",
            location=str(root),
            hint="--staged and --diff need a git repository",
        )
    return repo


def _under(relative: str, prefixes: Sequence[str]) -> bool:
    return any(p in {"", "."} or relative == p or relative.startswith(p + "/") for p in prefixes)


def list_staged(root: Path, targets: Sequence[Path]) -> Listing:
    """The files as git's index holds them (what the next commit will contain).

    Read with ``git ls-files -s -z`` rather than gitpython's index parser, which cannot
    decode file names that are not UTF-8.
    """
    import git

    repo = _repository(root)
    work = Path(repo.working_tree_dir).resolve()
    prefixes = [Path(os.path.relpath(t, root)).as_posix() for t in targets]
    # git filters by pathspec: a hook checking three files never lists the whole index.
    specs = [os.path.relpath(t, work) for t in targets] or ["."]
    try:
        out = repo.git.ls_files("-s", "-z", "--", *specs, stdout_as_string=False)
    except git.GitCommandError as err:
        raise UserError(
            f"cannot read git's index: {err.stderr.strip()}", location=".git/index"
        ) from None
    staged: dict[str, tuple[Any, int]] = {}
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode_text, sha, stage = meta.split(b" ")
        mode = int(mode_text, 8)
        relative = Path(os.path.relpath(work / os.fsdecode(raw_path), root)).as_posix()
        if stage != b"0" or relative.startswith("..") or not _under(relative, prefixes):
            continue
        if stat.S_ISREG(mode) or stat.S_ISLNK(mode):  # not submodules
            staged[relative] = (git.Blob(repo, bytes.fromhex(sha.decode()), mode, relative), mode)
    return Listing(tuple(sorted(staged)), git=True, root=root, staged=staged)


HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual file names in diff headers."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "replace").decode("utf-8", "replace")


def changed_lines(root: Path, ref: str, *, staged: bool) -> dict[str, frozenset[int] | None]:
    """Lines changed since ``ref`` per path (relative to root); None: the whole file is new."""
    import git

    repo = _repository(root)
    work = Path(repo.working_tree_dir).resolve()
    command = ["-c", "core.quotepath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "-M"]
    try:
        repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
        output = repo.git.execute(["git", *command, *(["--cached"] if staged else []), ref, "--"])
        untracked = (
            [] if staged else repo.git.ls_files("-o", "--exclude-standard", "-z").split("\0")
        )
    except git.GitCommandError:
        raise UserError(
            f"--diff {ref}: not a commit in this repository",
            hint="use a branch, tag or commit, e.g. --diff origin/main",
        ) from None
    changed: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in str(output).split("\n"):
        if line.startswith("+++ "):
            target = _unquote(line[4:])
            current = None if target == "/dev/null" else target.removeprefix("b/")
        elif current is not None and (hunk := HUNK.match(line)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines = changed.setdefault(current, set())
            if lines is not None:
                lines.update(range(start, start + count))
    for path in filter(None, untracked):
        changed[path] = None
    result: dict[str, frozenset[int] | None] = {}
    for path, lines in changed.items():
        relative = Path(os.path.relpath(work / path, root)).as_posix()
        result[relative] = None if lines is None else frozenset(lines)
    return result


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
        parent = Path(os.path.realpath(given.parent))
        absolute = parent / given.name if given.name else Path(os.path.realpath(given))
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
