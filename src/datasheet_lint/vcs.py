"""Which files to scan, and their text. The only module that talks to git.

With ``--staged`` the files come from git's index instead, and ``--diff REF`` asks git which
lines changed. Inside a git work tree: tracked files plus untracked files that are not ignored, as
``git ls-files -co --exclude-standard`` lists them. Outside git: a walk that skips VCS folders,
virtual environments, node_modules and caches. Symbolic links are never followed. Binary files,
files over the size limit and unreadable files are skipped with a reason.

Listing files and reading git's index run ``git`` itself (one ``ls-files``, and one ``cat-file
--batch`` for staged files whose work-tree copy differs): importing gitpython takes ~80 ms,
half of what a pre-commit hook may spend, so it is imported only for ``--diff``.
"""

import functools
import importlib
import os
import re
import stat
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from datasheet_lint import spawn
from datasheet_lint.errors import UserError
from datasheet_lint.models import Skipped, SourceFile

if TYPE_CHECKING:
    import subprocess

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
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class _Blobs:
    """Contents of git objects from one ``git cat-file --batch``, started on first use."""

    CHUNK = 1 << 20

    def __init__(self, top: Path) -> None:
        self.top = top
        self.process: subprocess.Popen[bytes] | None = None

    def _start(self) -> "subprocess.Popen[bytes]":
        import subprocess  # only for a staged file whose work-tree copy differs

        argv, env = _git_command(self.top, "cat-file", "--batch")
        process = subprocess.Popen(
            argv,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=False,
        )
        weakref.finalize(self, _stop, process)
        return process

    def read(self, sha: str, max_size: int) -> tuple[int, bytes | None]:
        """(size, bytes) of one blob; bytes is None when it is over ``max_size``."""
        if self.process is None:
            self.process = self._start()
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(sha.encode("ascii") + b"\n")
        self.process.stdin.flush()
        out = self.process.stdout
        header = out.readline().split()  # "<sha> blob <size>", or "<sha> missing"
        if len(header) != 3:  # a corrupt repository: reported as gitpython did, per file
            raise ValueError(f"git has no object {sha}: {b' '.join(header).decode()!r}")
        size = int(header[2])
        data: bytes | None = None
        if size <= max_size:
            data = out.read(size)
        else:  # read past it in chunks: a huge blob never sits in memory whole
            left = size
            while left > 0:
                left -= len(out.read(min(left, self.CHUNK)))
        out.read(1)  # the newline after each object
        return size, data


def _stop(process: "subprocess.Popen[bytes]") -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()
    process.wait()


class Listing(NamedTuple):
    """The candidate files (paths relative to the root, POSIX) and where to read them from."""

    paths: tuple[str, ...]
    git: bool
    root: Path
    # For --staged: path -> (object id, mode) in git's index, for the paths and any other
    # files listed with them; None reads the working tree.
    staged: Mapping[str, tuple[str, int]] | None = None
    blobs: _Blobs | None = None

    def everything(self) -> "Listing":
        """This listing with every file it can read among its paths."""
        if self.staged is None:
            return self
        return self._replace(paths=tuple(sorted(self.staged)))

    def read(self, relative: str, max_size: int) -> SourceFile | Skipped:
        if self.staged is None or self.blobs is None:
            return read(self.root, relative, max_size)
        sha, mode = self.staged[relative]
        if stat.S_ISLNK(mode):
            return Skipped(relative, "symbolic link, not followed")
        data = _as_staged(self.root / relative, sha, max_size)
        if data is None:
            size, data = self.blobs.read(sha, max_size)
            if data is None:
                message = f"larger than the {max_size:,}-byte limit ({size:,} bytes)"
                return Skipped(relative, message)
        return decode(relative, data)


def _as_staged(path: Path, sha: str, max_size: int) -> bytes | None:
    """The work tree's copy of a staged file when it holds exactly the staged bytes (its git
    blob id is ``sha``), else None and the blob is read from git.

    Under pre-commit it always does: pre-commit stashes unstaged changes before its hooks
    run. Reading it here spares starting ``git cat-file`` (~5 ms of every commit). The id
    is checked, so an unstaged edit, a clean filter or line-ending conversion only means
    git is asked.
    """
    if len(sha) not in (40, 64):  # SHA-1, or a repository in SHA-256 object format
        return None
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_size:
            return None
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
    except OSError:
        return None
    header = b"blob %d\0" % len(data)
    return data if _hexdigest(len(sha), header + data) == sha else None


def _hexdigest(length: int, data: bytes) -> str:
    if length == 40:
        try:  # CPython's own SHA-1: hashlib would load OpenSSL first (~4 ms)
            sha1: Any = importlib.import_module("_sha1").sha1
        except ImportError:  # pragma: no cover - another Python
            from hashlib import sha1
        return str(sha1(data).hexdigest())
    from hashlib import sha256

    return sha256(data).hexdigest()


def _git_executable() -> str:
    """git's full path from PATH, looked up once: started by its full path with ``git -C``
    (no ``cwd``), git starts through ``posix_spawn``, ~2.5 ms sooner than through fork on the
    benchmark machine. "git" when PATH has none: running it then fails as before."""
    return _find_git(os.environ.get("PATH", os.defpath))


@functools.cache
def _find_git(search_path: str) -> str:
    for folder in search_path.split(os.pathsep) if os.name == "posix" else ():
        candidate = Path(folder or ".", "git")
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate.absolute())
    return "git"


def _git_command(top: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) that run git in the work tree at ``top``, never looking for a
    repository above it."""
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(top.parent)}
    return [_git_executable(), "-C", str(top), *args], env


def _start_git(top: Path, *args: str) -> spawn.Started:
    """Start git in the work tree at ``top``; ``wait()`` on the result collects it, so the
    caller can work while git does."""
    return spawn.Started(*_git_command(top, *args))


def git_dir_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that has a ``.git`` entry (cheap, no git)."""
    for candidate in (path, *path.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _start_git_files(
    top: Path, root: Path, targets: Sequence[Path], *, untracked: bool, specs: Sequence[str] = ()
) -> Callable[[], list[str] | None]:
    """Start listing the files git would show under the targets; the result waits for git and
    gives them relative to ``root``, or None if this is not a work tree git can list."""
    work = top.resolve()
    # -t tags each path and -d adds the tracked files missing from the work tree (tag R):
    # git checks them in C, far faster than a stat per path here (~0.2 s for 20,000 files).
    # git checks every file for -d whatever the pathspecs, so a few matches are checked here.
    stat_here = bool(specs)
    if specs:
        specs = _from_top(work, root, specs)
    else:
        specs = [os.path.relpath(t, work) for t in targets] or ["."]
    listing = ["-z", "-t", "-c", *([] if stat_here else ["-d"])]
    listing += ["-o", "--exclude-standard"] if untracked else []
    try:
        running = _start_git(work, "ls-files", *listing, "--", *specs)
    except (OSError, ValueError):  # git is not installed, or a path it cannot take
        return lambda: None

    def finish() -> list[str] | None:
        done = running.wait()
        if done.returncode != 0:
            return None
        return _git_paths(done.stdout, work, root, stat_here=stat_here)

    return finish


def _git_paths(output: bytes, work: Path, root: Path, *, stat_here: bool) -> list[str]:
    entries = [(raw[:1], raw[2:]) for raw in output.split(b"\0") if raw]
    deleted = {name for tag, name in entries if tag == b"R"}
    paths = []
    seen = set()
    # Usually the root is the work tree: git's own paths are then the relative ones.
    same = root.absolute() == work and os.sep == "/"
    for tag, raw in entries:
        if not raw or raw.endswith(b"/") or raw in deleted:  # a nested repository, or gone
            continue
        name = os.fsdecode(raw)
        absolute = f"{work}/{name}" if same else str(work / name)
        relative = name if same else os.path.relpath(absolute, root)
        if relative.startswith("..") or relative in seen:
            continue  # outside the root, or listed twice
        if (stat_here or tag == b"S") and not os.path.lexists(absolute):
            continue  # deleted, or outside a sparse checkout
        seen.add(relative)
        paths.append(relative if same else Path(relative).as_posix())
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
    return start_files(root, targets, untracked=untracked)()


def start_files(
    root: Path, targets: Sequence[Path], *, untracked: bool = True
) -> Callable[[], Listing]:
    """``list_files`` with git already started: calling the result waits for it."""
    top = git_dir_above(root)
    finish = None if top is None else _start_git_files(top, root, targets, untracked=untracked)

    def result() -> Listing:
        paths = None if finish is None else finish()
        if paths is not None:
            return Listing(tuple(sorted(paths)), git=True, root=root)
        return Listing(tuple(sorted(set(_walk(root, targets)))), git=False, root=root)

    return result


PATHSPEC_MAGIC = re.compile(r"^(:\([^)]*\))?(.*)$", re.S)
WILDCARD = re.compile(r"([*?\[\]\\])")


def _from_top(work: Path, root: Path, specs: Sequence[str]) -> list[str]:
    """Pathspecs relative to ``root`` made relative to the work tree's top (git's view)."""
    under = Path(os.path.relpath(root, work)).as_posix()
    if under == ".":
        return list(specs)
    moved = []
    for spec in specs:
        match = PATHSPEC_MAGIC.match(spec)
        assert match is not None
        magic, pattern = match.group(1) or "", match.group(2)
        folder = under if "literal" in magic else WILDCARD.sub(r"\\\1", under)
        moved.append(f"{magic}{folder}/{pattern}")
    return moved


def list_matching(root: Path, specs: Sequence[str], *, untracked: bool = True) -> Listing:
    """Files under ``root`` that match any of the pathspecs (git's syntax, relative to root;
    ignored, relative to ``root``), for callers that want a few files out of many: git filters
    them instead of Python. Outside git, every file (the caller filters them)."""
    top = git_dir_above(root)
    if top is not None and specs:
        paths = _start_git_files(top, root, [root], untracked=untracked, specs=specs)()
        if paths is not None:
            return Listing(tuple(sorted(paths)), git=True, root=root)
    return list_files(root, [root], untracked=untracked)


def _repository(root: Path) -> Any:
    """The git work tree around ``root``; a UserError when there is none."""
    import git

    top = git_dir_above(root)
    try:
        repo = git.Repo(top or root)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        repo = None
    if repo is None or repo.bare or repo.working_tree_dir is None:
        raise _not_a_work_tree(root)
    return repo


def _under(relative: str, prefixes: Sequence[str]) -> bool:
    return any(p in {"", "."} or relative == p or relative.startswith(p + "/") for p in prefixes)


def list_staged(root: Path, targets: Sequence[Path], *, also: Sequence[str] = ()) -> Listing:
    """The files as git's index holds them (what the next commit will contain).

    Read with ``git ls-files -s -z`` rather than gitpython's index parser, which cannot
    decode file names that are not UTF-8. ``also``: git pathspecs (relative to ``root``)
    of more files to list in the same call, such as datasheets: they are readable through
    the listing and in ``everything()``, not among its paths.
    """
    return start_staged(root, targets, also=also)()


def start_staged(
    root: Path, targets: Sequence[Path], *, also: Sequence[str] = ()
) -> Callable[[], Listing]:
    """``list_staged`` with git already started: calling the result waits for it."""
    top = git_dir_above(root)
    if top is None:
        raise _not_a_work_tree(root)
    work = top.resolve()
    prefixes = [Path(os.path.relpath(t, root)).as_posix() for t in targets]
    # git filters by pathspec: a hook checking three files never lists the whole index.
    specs = [os.path.relpath(t, work) for t in targets] or ["."]
    specs += _from_top(work, root, also)
    try:
        running = _start_git(work, "ls-files", "-s", "-z", "--", *specs)
    except OSError as err:
        raise UserError(f"cannot run git: {err}", location=".git/index") from None

    def finish() -> Listing:
        done = running.wait()
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            if "not a git repository" in message or "bare repository" in message:
                raise _not_a_work_tree(root)
            raise UserError(f"cannot read git's index: {message}", location=".git/index")
        staged = _index_entries(done.stdout, work, root)
        paths = sorted(p for p in staged if _under(p, prefixes))
        return Listing(tuple(paths), git=True, root=root, staged=staged, blobs=_Blobs(work))

    return finish


def _index_entries(output: bytes, work: Path, root: Path) -> dict[str, tuple[str, int]]:
    """path -> (object id, mode) of the regular files and links ``ls-files -s -z`` lists."""
    staged: dict[str, tuple[str, int]] = {}
    for record in output.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode_text, sha, stage = meta.split(b" ")
        mode = int(mode_text, 8)
        relative = Path(os.path.relpath(work / os.fsdecode(raw_path), root)).as_posix()
        if stage != b"0" or relative.startswith(".."):
            continue
        if stat.S_ISREG(mode) or stat.S_ISLNK(mode):  # not submodules
            staged[relative] = (sha.decode("ascii"), mode)
    return staged


def _not_a_work_tree(root: Path) -> UserError:
    return UserError(
        "not inside a git work tree",
        location=str(root),
        hint="--staged and --diff need a git repository",
    )


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
            data = handle.read(SNIFF_BYTES)
            if not _binary(data):  # most bytes of an ML repository are weights: left unread
                data += handle.read(max_size + 1 - len(data))
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    return decode(relative, data)


def decode(relative: str, data: bytes) -> SourceFile | Skipped:
    """Bytes -> text; binary (a NUL byte early on, without a UTF-16 BOM) is skipped."""
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    elif _binary(data):
        return Skipped(relative, "binary")
    else:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(relative, text)


def _binary(head: bytes) -> bool:
    """A NUL byte early on, without a UTF-16 byte-order mark."""
    return b"\0" in head[:SNIFF_BYTES] and not head.startswith(UTF16_BOMS)


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
