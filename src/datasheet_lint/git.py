"""Which files to scan, and where to read them from. The only module that runs git.

Inside a git work tree: tracked files plus untracked files that are not ignored, as
``git ls-files -co --exclude-standard`` lists them; outside git, ``files.walk``. With
``--staged`` the files come from git's index instead, and ``--diff REF`` asks git which
lines changed.

The repository is untrusted, its ``.git`` folder included: every git command starts in
``_start``, the one place this package runs a program. It runs git as a reader that executes
nothing the repository names and ignores the git variables of the environment it inherits
(see ``_command`` and docs/security.md). git's output is parsed here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
import subprocess
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasheet_lint import files, gitdiff
from datasheet_lint.errors import UserError
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Skipped, SourceFile

# The repository is untrusted: its .git/config, its .gitattributes and whatever they include
# may name commands (fsmonitor hook, pager, external diff, textconv, filters, a transport for
# a partial clone's lazy fetch). git's documentation (git-config(1), "SECURITY") says to read
# such a repository with these turned off. Given as GIT_CONFIG_KEY_n/VALUE_n after the
# user's own, they outrank every configuration file, the repository's included. textconv
# has no such switch: ``--no-textconv`` is among the DIFF_OPTIONS.
HARDENING = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),
    ("core.pager", "cat"),
    ("diff.external", ""),
    ("protocol.allow", "never"),
)
# Inherited variables git reads are dropped, as pre-commit's ``no_git_env`` does: inside a
# hook or a wrapper, GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE or GIT_OBJECT_DIRECTORY would
# point git at another repository (project A's files reported for project B), and
# GIT_EXTERNAL_DIFF or GIT_PAGER would run a program. Kept: how this user runs git (where
# it lives, which configuration files are theirs, settings they pass such as safe.directory).
KEPT_VARIABLES = frozenset(
    [
        "GIT_EXEC_PATH",
        "GIT_CONFIG_COUNT",
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
        "GIT_CONFIG_NOSYSTEM",
    ]
)
KEPT_PREFIXES = ("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_")


def _command(
    top: Path,
    *args: str,
    settings: Sequence[tuple[str, str]] = (),
    index: str | None = None,
    english: bool = False,
) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) that run git as a reader of the untrusted work tree at ``top``.

    git never looks for a repository above ``top``, takes ``top`` as the work tree whatever
    ``core.worktree`` says, writes no optional lock (``check`` writes nothing into the
    repository, not even a refreshed index), and runs none of the repository's commands
    (``HARDENING``, plus ``settings``). ``index``: the index file to read instead of the
    repository's own (see ``_commit_index``). ``english``: git's messages untranslated, for
    a caller that reads its warnings (see ``_unreadable``).
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GIT_") or key in KEPT_VARIABLES or key.startswith(KEPT_PREFIXES)
    }
    count = env.get("GIT_CONFIG_COUNT", "")
    user = int(count) if count.isdigit() else 0
    for number, (key, value) in enumerate((*HARDENING, *settings), start=user):
        env[f"GIT_CONFIG_KEY_{number}"] = key
        env[f"GIT_CONFIG_VALUE_{number}"] = value
    env["GIT_CONFIG_COUNT"] = str(user + len(HARDENING) + len(settings))
    env.update(
        GIT_CEILING_DIRECTORIES=str(top.parent),
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_LAZY_FETCH="1",  # git 2.44 and later; protocol.allow covers older ones
        GIT_TERMINAL_PROMPT="0",
        GIT_ATTR_NOSYSTEM="1",
    )
    if index is not None:
        env["GIT_INDEX_FILE"] = index
    if english:
        env["LC_ALL"] = "C"
    options = ["-C", str(top), f"--work-tree={top}", "--no-pager", "--no-optional-locks"]
    return ["git", *options, *args], env


def _start(
    top: Path,
    *args: str,
    batch: bool = False,
    settings: Sequence[tuple[str, str]] = (),
    index: str | None = None,
    english: bool = False,
) -> subprocess.Popen[bytes]:
    """Start git in the work tree at ``top``, hardened by ``_command``: every git this
    package runs starts here. The caller can work while git does, then collect it with
    ``_wait``. Standard input is the null device, unless ``batch`` (``cat-file --batch``)
    asks for a pipe to write requests to; its errors are then not collected.

    Raises OSError when git cannot start (not installed), ValueError for an argument git
    cannot take (a NUL byte in a path).
    """
    argv, env = _command(top, *args, settings=settings, index=index, english=english)
    return subprocess.Popen(
        argv,
        env=env,
        stdin=subprocess.PIPE if batch else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if batch else subprocess.PIPE,
    )


def _wait(process: subprocess.Popen[bytes]) -> subprocess.CompletedProcess[bytes]:
    """Collect git's output and status; both pipes are read together, so neither can fill
    up and stall it."""
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr or b"")


class _Blobs:
    """Contents of git objects from one ``git cat-file --batch``, started on first use."""

    CHUNK = 1 << 20

    def __init__(self, top: Path) -> None:
        self.top = top
        self.process: subprocess.Popen[bytes] | None = None

    def read(self, sha: str, max_size: int) -> tuple[int, bytes | None]:
        """(size, bytes) of one blob; bytes is None when it is over ``max_size``."""
        if self.process is None:
            self.process = _start(self.top, "cat-file", "--batch", batch=True)
            weakref.finalize(self, _stop, self.process)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(sha.encode("ascii") + b"\n")
        self.process.stdin.flush()
        out = self.process.stdout
        header = out.readline().split()  # "<sha> blob <size>", or "<sha> missing"
        if len(header) != 3:  # a corrupt repository: reported per file
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


def _stop(process: subprocess.Popen[bytes]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()
    process.wait()


@dataclass(frozen=True, slots=True)
class Listing:
    """The candidate files (paths relative to the root, POSIX) and where to read them from."""

    paths: tuple[str, ...]
    git: bool
    root: Path
    # For --staged: path -> (object id, mode) in git's index, for the paths and any other
    # files listed with them; None reads the working tree.
    staged: Mapping[str, tuple[str, int]] | None = None
    blobs: _Blobs | None = None
    # What the user should know about where git read the listing from (see ``_notes``).
    notes: tuple[str, ...] = ()

    def everything(self) -> Listing:
        """This listing with every file it can read among its paths."""
        if self.staged is None:
            return self
        return dataclasses.replace(self, paths=tuple(sorted(self.staged)))

    def read(self, relative: str, max_size: int) -> SourceFile | Skipped:
        if self.staged is None or self.blobs is None:
            return files.read(self.root, relative, max_size)
        sha, mode = self.staged[relative]
        if stat.S_ISLNK(mode):
            return Skipped(relative, "symbolic link, not followed")
        data = _as_staged(self.root / relative, sha, max_size)
        if data is None:
            size, data = self.blobs.read(sha, max_size)
            if data is None:
                message = f"larger than the {max_size:,}-byte limit ({size:,} bytes)"
                return Skipped(relative, message)
        return files.decode(relative, data)


def _as_staged(path: Path, sha: str, max_size: int) -> bytes | None:
    """The work tree's copy of a staged file when it holds exactly the staged bytes (its git
    blob id is ``sha``), else None and the blob is read from git.

    Under pre-commit it always does: pre-commit stashes unstaged changes before its hooks
    run, so a hook run need not start ``git cat-file`` at all. The id is checked, so an
    unstaged edit, a clean filter or line-ending conversion only means git is asked.
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
    blob = b"blob %d\0" % len(data) + data
    # git's object id, not a security check (FIPS builds refuse SHA-1 otherwise).
    digest = hashlib.sha1(blob, usedforsecurity=False) if len(sha) == 40 else hashlib.sha256(blob)
    return data if digest.hexdigest() == sha else None


def git_dir_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that has a ``.git`` entry (cheap, no git)."""
    for candidate in (path, *path.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _git_dir(top: Path) -> Path | None:
    """The folder git keeps the work tree's data in: ``.git``, or where a ``.git`` file
    (``gitdir: <path>``, as linked worktrees and submodules have) points; None if unreadable."""
    entry = top / ".git"
    try:
        if entry.is_dir():
            return entry.resolve()
        with entry.open("rb") as handle:
            first = handle.read(4096).split(b"\n", 1)[0].rstrip(b"\r")
    except OSError:
        return None
    if not first.startswith(b"gitdir: "):
        return None
    return (top / os.fsdecode(first[len(b"gitdir: ") :])).resolve()


def _notes(top: Path) -> tuple[str, ...]:
    """A note when git reads this work tree's data from outside it: a linked worktree or a
    submodule does that, and so does a prepared ``.git`` file in a downloaded folder."""
    git_dir = _git_dir(top)
    inside = top.resolve()
    if git_dir is None or git_dir == inside or inside in git_dir.parents:
        return ()
    return (f"git reads this repository from {git_dir}, outside {inside} (named by its .git)",)


def _refused(stderr: bytes, top: Path) -> UserError | None:
    """git refusing a repository another user owns ("dubious ownership", see git-config's
    safe.directory): an error, never a walk of the folder that would ignore .gitignore."""
    if b"dubious ownership" not in stderr:
        return None
    return UserError(
        "git refuses to read this repository: it belongs to another user",
        location=str(top),
        hint=f"if you trust it: git config --global --add safe.directory {top}",
    )


def _start_git_files(
    top: Path, root: Path, targets: Sequence[Path], *, untracked: bool, specs: Sequence[str] = ()
) -> Callable[[], tuple[list[str], tuple[str, ...]] | None]:
    """Start listing the files git would show under the targets; the result waits for git and
    gives them relative to ``root`` with notes on folders git could not read, or None if this
    is not a work tree git can list."""
    work = top.resolve()
    # -t tags each path and -d adds the tracked files missing from the work tree (tag R):
    # git checks them in C, far faster than a stat per path here (docs/performance.md).
    # git checks every file for -d whatever the pathspecs, so a few matches are checked here.
    stat_here = bool(specs)
    if specs:
        specs = _from_top(work, root, specs)
    else:
        specs = [LITERAL + os.path.relpath(t, work) for t in targets] or ["."]
    listing = ["-z", "-t", "-c", *([] if stat_here else ["-d"])]
    listing += ["-o", "--exclude-standard"] if untracked else []
    try:
        running = _start(work, "ls-files", *listing, "--", *specs, english=True)
    except (OSError, ValueError):  # git is not installed, or a path it cannot take
        return lambda: None

    def finish() -> tuple[list[str], tuple[str, ...]] | None:
        done = _wait(running)
        if done.returncode != 0:
            refused = _refused(done.stderr, work)
            if refused is not None:
                raise refused
            return None  # not a repository git can read: the caller walks the folder
        folders, unstatted = _unreadable(done.stderr, work, root)
        paths = _git_paths(done.stdout, work, root, stat_here=stat_here, unreadable=unstatted)
        return paths, tuple(files.folder_note(folder, reason) for folder, reason in folders)

    return finish


# git's warnings (in English, see ``english``) for what it could not look at.
UNOPENED = lazy(rb"^warning: could not open directory '(.*)/': (.*)$", re.M)
UNSTATTED = lazy(rb"^error: cannot lstat '(.*)': (.*)$", re.M)


def _unreadable(
    stderr: bytes, work: Path, root: Path
) -> tuple[list[tuple[str, str]], frozenset[bytes]]:
    """(folders git could not open, as (path relative to root, why)), and the tracked files
    it could not stat (git's own names). Such a file is not deleted: it is listed, and
    reading it is refused like any unreadable file, so it shows as skipped."""
    folders = []
    for found in UNOPENED.finditer(stderr):
        relative = os.path.relpath(work / os.fsdecode(found.group(1)), root)
        if not _outside(relative):
            folders.append((Path(relative).as_posix(), os.fsdecode(found.group(2))))
    files = frozenset(found.group(1) for found in UNSTATTED.finditer(stderr))
    return folders, files


def _git_paths(
    output: bytes,
    work: Path,
    root: Path,
    *,
    stat_here: bool,
    unreadable: frozenset[bytes] = frozenset(),
) -> list[str]:
    entries = [(raw[:1], raw[2:]) for raw in output.split(b"\0") if raw]
    deleted = {name for tag, name in entries if tag == b"R"} - unreadable
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
        if _outside(relative) or relative in seen:
            continue  # outside the root, or listed twice
        if (stat_here or tag == b"S") and not _may_exist(absolute):
            continue  # deleted, or outside a sparse checkout
        seen.add(relative)
        paths.append(relative if same else Path(relative).as_posix())
    return paths


def _outside(relative: str) -> bool:
    """A relative path that leaves its folder; ``..train.py`` and ``..data/`` do not."""
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


def _may_exist(path: str) -> bool:
    """False only for a path that is certainly gone (one in a folder this user may not enter
    is kept: reading it then fails, and it is listed as skipped)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


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
        listed = None if finish is None else finish()
        if top is not None and listed is not None:
            paths, unread = listed
            notes = _notes(top) + unread
            return Listing(tuple(sorted(paths)), git=True, root=root, notes=notes)
        walk_notes: list[str] = []
        walked = tuple(sorted(set(files.walk(root, targets, walk_notes))))
        return Listing(walked, git=False, root=root, notes=tuple(walk_notes))

    return result


# Paths named on the command line are names, never patterns: pre-commit passes the names of
# staged files, and a file named ":(exclude)train.py" must not hide train.py.
LITERAL = ":(literal)"
PATHSPEC_MAGIC = lazy(r"^(:\([^)]*\))?(.*)$", re.S)
WILDCARD = lazy(r"([*?\[\]\\])")


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
        listed = _start_git_files(top, root, [root], untracked=untracked, specs=specs)()
        if listed is not None:
            paths, unread = listed
            notes = _notes(top) + unread
            return Listing(tuple(sorted(paths)), git=True, root=root, notes=notes)
    return list_files(root, [root], untracked=untracked)


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
    specs = [LITERAL + os.path.relpath(t, work) for t in targets] or ["."]
    specs += _from_top(work, root, also)
    index = _commit_index(work)
    try:
        running = _start(work, "ls-files", "-s", "-z", "--", *specs, index=index)
    except OSError as err:
        raise UserError(f"cannot run git: {err}", location=".git/index") from None

    def finish() -> Listing:
        done = _wait(running)
        if done.returncode != 0:
            raise _git_failed(done.stderr, work, root, "cannot read git's index")
        staged = _index_entries(done.stdout, work, root)
        paths = sorted(p for p in staged if _under(p, prefixes))
        blobs = _Blobs(work)
        notes = _notes(work)
        return Listing(tuple(paths), True, root, staged=staged, blobs=blobs, notes=notes)

    return finish


def _commit_index(top: Path) -> str | None:
    """The index a commit hook must read, when git says so; else None (the repository's).

    ``git commit <paths>`` (and ``-a``, ``-i``) builds a temporary index of what it commits
    and runs the pre-commit hook with GIT_INDEX_FILE naming it; ``--staged`` must judge that
    index. Any other inherited GIT_INDEX_FILE (a wrapper, another repository's hook) is
    ignored like the rest of git's variables: it counts only when it lies in this
    repository's own git folder, where git keeps its index files.
    """
    value = os.environ.get("GIT_INDEX_FILE")
    git_dir = _git_dir(top) if value else None
    if not value or git_dir is None:
        return None
    path = Path(value).absolute()
    return str(path) if path.parent.resolve() == git_dir else None


def _git_failed(stderr: bytes, top: Path, root: Path, what: str) -> UserError:
    """The error for a git command that failed: refused, no work tree, or git's own words."""
    refused = _refused(stderr, top)
    if refused is not None:
        return refused
    message = stderr.decode("utf-8", "replace").strip()
    if "not a git repository" in message or "bare repository" in message:
        return _not_a_work_tree(root)
    first = message.splitlines()[0] if message else "git failed"
    return UserError(f"{what}: {first}", location=str(top))


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
        if stage != b"0" or _outside(relative):
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


# Options that fix the shape of git diff's output whatever the repository's settings say
# (diff.noprefix, diff.mnemonicPrefix, diff.relative, diff.submodule, color.diff), and run no
# external diff or textconv driver the repository names.
DIFF_OPTIONS = (
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-relative",
    "--submodule=short",
    "-M",
)
PATCH_OPTIONS = ("-U0", "--inter-hunk-context=0", "--src-prefix=a/", "--dst-prefix=b/")


def changed_lines(root: Path, ref: str, *, staged: bool) -> dict[str, frozenset[int] | None]:
    """Lines changed since ``ref`` per path (relative to root); None: count the whole file.

    Read from git's plumbing, never through a diff driver: ``--numstat -z`` names every
    changed file exactly and says which are binary (``-diff``, UTF-16: no lines to show, so
    every line counts as changed), and a ``-U0`` patch with fixed prefixes gives the lines.
    Untracked files (without ``--staged``) are new: they count whole.
    """
    top = git_dir_above(root)
    if top is None:
        raise _not_a_work_tree(root)
    work = top.resolve()
    try:
        commit = _commit(work, root, ref)
        index = _commit_index(work) if staged else None
        settings = () if staged else _no_filters(work)  # only the work tree is filtered
        diff = ("diff", *DIFF_OPTIONS, *(["--cached"] if staged else []))
        started = [
            _start(work, *diff, "--numstat", "-z", commit, "--", index=index, settings=settings),
            _start(work, *diff, *PATCH_OPTIONS, commit, "--", index=index, settings=settings),
        ]
        if not staged:  # untracked files are new: they count whole
            started.append(_start(work, "ls-files", "-z", "-o", "--exclude-standard"))
    except OSError as err:
        raise UserError(f"--diff needs git, which cannot run: {err.strerror or err}") from None
    outputs = []
    for running in started:
        done = _wait(running)
        if done.returncode != 0:
            raise _git_failed(done.stderr, work, root, f"--diff {ref}")
        outputs.append(done.stdout)
    numstat = gitdiff.numstat_files(outputs[0])
    lines = gitdiff.patch_lines(outputs[1])
    changed: dict[bytes, frozenset[int] | None] = {
        name: None if binary else frozenset(lines.get(name, ())) for name, binary in numstat
    }
    for untracked in outputs[2:]:
        changed.update(dict.fromkeys(filter(None, untracked.split(b"\0"))))
    result: dict[str, frozenset[int] | None] = {}
    for name, numbers in changed.items():
        relative = Path(os.path.relpath(work / os.fsdecode(name), root)).as_posix()
        result[relative] = numbers
    return result


def _commit(work: Path, root: Path, ref: str) -> str:
    """The commit ``ref`` names, as git's object id; a UserError when it names none."""
    done = _wait(
        _start(work, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    )
    if done.returncode != 0:
        if done.stderr.strip():
            raise _git_failed(done.stderr, work, root, f"--diff {ref}")
        raise UserError(
            f"--diff {ref}: not a commit in this repository",
            hint="use a branch, tag or commit, e.g. --diff origin/main",
        )
    return done.stdout.decode("ascii").strip()


def _no_filters(work: Path) -> list[tuple[str, str]]:
    """Settings that turn off every filter driver the configuration defines.

    Comparing the work tree with a commit, git runs a file's clean filter (a command from
    ``filter.<name>.clean`` or ``.process``, chosen by ``.gitattributes``) before hashing it.
    Attributes cannot be overridden from outside the repository, so each configured driver
    is emptied instead: git then uses the file as it is (git-lfs's included).
    """
    done = _wait(_start(work, "config", "-z", "--get-regexp", r"^filter\."))
    names = set()
    for record in done.stdout.split(b"\0"):
        key = os.fsdecode(record.partition(b"\n")[0])
        if key.count(".") >= 2:
            names.add(key[len("filter.") : key.rindex(".")])
    settings = []
    for name in sorted(names):
        for variable, value in (("clean", ""), ("smudge", ""), ("process", "")):
            settings.append((f"filter.{name}.{variable}", value))
        settings.append((f"filter.{name}.required", "false"))
    return settings
