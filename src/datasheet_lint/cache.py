"""Per-user cache files that can make a run slower, never wrong: the datasheet parses and the
regex engine's compiled code for the matcher.

The shipped data is parsed when the package is built (``scripts/build_knowledge.py``), so
nothing here holds knowledge; what is cached is derived from the project or the interpreter.
Whoever can write the cache decides what a run believes, so:

- An entry is named by a content hash of everything it is derived from (the text it parses
  and the text of the code that parses it, or the whole regex pattern and the Python
  version), never sizes or times.
- The folder is the user's own (``$XDG_CACHE_HOME`` or ``~/.cache``, then
  ``datasheet-lint``), created ``0700``. A folder another user owns, or one others may write
  to, is not used at all.
- Each file carries its own checksum over its name and content, checked on load; a file
  that fails it, is too large, or is not a regular file of ours is ignored and rebuilt.
- Files are written atomically (no ``.tmp`` is left when a write fails), at most ``MAX_ENTRY``
  bytes each, and at most ``KEEP`` files of a kind are kept (the oldest go).

The matcher's one big regex: Python's regex compiler is pure Python, and compiling every
known name takes a large share of a pre-commit hook's budget (docs/performance.md); its
output (the engine's code, a list of integers) is stored and handed to the C engine next
time, keyed by the whole pattern, the Python version and the engine's magic number; any
failure falls back to ``re.compile``. That code depends on the interpreter, so it cannot be
built with the package.
"""

from __future__ import annotations

import array
import contextlib
import importlib
import os
import re
import stat
import sys
from pathlib import Path

from datasheet_lint import __version__

try:  # CPython's own BLAKE2: importing hashlib loads OpenSSL first, which every run would pay
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

MAGIC = b"datasheet-lint cache 2\n"
SEAL = 32  # bytes of BLAKE2b checksum after MAGIC
MAX_ENTRY = 32_000_000  # bytes: the largest entry today is ~1 MB


def digest(text: str) -> str:
    """A content hash for cache file names and keys."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def code_key(*modules: str | Path) -> str:
    """A cache key for files such as the modules that build a cached value: a hash of their
    text, cheap next to what the cached values save."""
    whole = blake2b(digest_size=16)
    for module in modules:
        try:
            whole.update(Path(module).read_bytes())
        except OSError:
            whole.update(f"unreadable {module}".encode())
        whole.update(b"\0")
    return whole.hexdigest()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "datasheet-lint"


def private_dir() -> Path | None:
    """The cache folder, created ``0700``; None when it is not the user's alone.

    A folder only readable by others is narrowed to ``0700``; one that others may write to
    (or that another user owns, or a link) may hold anything, so it is not used.
    """
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_mode & 0o022:
            return None
        if info.st_mode & 0o077:
            folder.chmod(0o700)
    except (OSError, RuntimeError, KeyError):  # no home folder, a read-only file system
        return None
    return folder


def _seal(name: str, payload: bytes) -> bytes:
    return blake2b(name.encode("utf-8") + b"\0" + payload, digest_size=SEAL).digest()


def sealed(name: str, payload: bytes) -> bytes:
    """The bytes of a cache file named ``name`` holding ``payload``."""
    return MAGIC + _seal(name, payload) + payload


def read_entry(path: Path) -> bytes | None:
    """The payload of a cache file, or None unless it is a regular file of this user's, not
    writable by others, within ``MAX_ENTRY`` and whose checksum holds."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & 0o022
            or info.st_size > MAX_ENTRY + len(MAGIC) + SEAL
        ):
            return None
        with os.fdopen(os.dup(handle), "rb") as stream:
            data = stream.read(MAX_ENTRY + len(MAGIC) + SEAL + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    payload = data[len(MAGIC) + SEAL :]
    if not data.startswith(MAGIC) or data[len(MAGIC) : len(MAGIC) + SEAL] != _seal(
        path.name, payload
    ):
        return None
    return payload


KEEP = 32  # files of one kind: releases, Pythons and projects with their own blocklists


def store(path: Path, kind: str, payload: bytes) -> None:
    """Write a sealed cache file (``atomic.write_bytes``), then drop all but the ``KEEP``
    newest files of its kind. Too large, or not writable: only a slower next run."""
    from datasheet_lint import atomic  # only a run that writes the cache needs tempfile
    from datasheet_lint.errors import UserError

    if len(payload) > MAX_ENTRY:
        return
    try:
        atomic.write_bytes(path, sealed(path.name, payload), overwrite=True, private=True)
        _prune(path.parent, kind)
    except (UserError, OSError):
        pass


def _prune(folder: Path, name: str) -> None:
    """Remove the oldest ``name-<hash>.*`` files beyond ``KEEP`` (by modification time)."""
    prefix = f"{name}-"
    kind = []
    for entry in os.scandir(folder):
        rest = entry.name[len(prefix) :]
        if entry.name.startswith(prefix) and "-" not in rest and entry.is_file():
            kind.append((entry.stat().st_mtime_ns, entry.path))
    for _, old in sorted(kind, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            Path(old).unlink()


def _engine_code(pattern: str) -> tuple[int, list[int]]:
    """(flags, code) as ``re`` compiles a pattern without groups, before the C engine."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, 0)
    if parsed.state.groups != 1:
        raise ValueError("only patterns without capturing groups are cached")
    return int(parsed.state.flags), list(_compiler._code(parsed, 0))


def compiled_regex(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` (no flags, no capturing groups), through a cache of its code.

    The code is stored as native 32-bit words (flags first), in a sealed file named by a hash
    of the whole pattern: it loads an order of magnitude faster than JSON did.
    """
    try:
        sre = importlib.import_module("_sre")
        if sre.CODESIZE != 4:
            raise ValueError("regex engine code is not 32-bit")
        magic = getattr(sre, "MAGIC", 0)
        key = f"{sys.version}\0{sys.byteorder}\0{magic}\0{__version__}\0{pattern}"
        folder = private_dir()
        path = None if folder is None else folder / f"regex-{digest(key)}.bin"
        payload = None if path is None else read_entry(path)
        words = array.array("I")
        if payload is not None and len(payload) % words.itemsize == 0:
            words.frombytes(payload)
        fresh = len(words) < 2
        if fresh:
            flags, code = _engine_code(pattern)
            words = array.array("I", [flags, *code])
        regex: re.Pattern[str] = sre.compile(pattern, words[0], words[1:].tolist(), 0, {}, (None,))
        if fresh and path is not None:
            store(path, "regex", words.tobytes())
        return regex
    except Exception:  # a Python whose private regex API differs: compile the usual way
        return re.compile(pattern)
