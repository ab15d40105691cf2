"""A cache of parsed data files, outside any repository.

The shipped YAML takes ~0.4 s to parse in pure Python, which a pre-commit hook would pay on
every commit; parsed into rows of plain values it loads in milliseconds. The cache lives
under the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), is named by a hash of a
key: the source text, or for shipped files their size and modification time with those of
the modules that parse them (``shipped_key``), so a new release or an edited parser never
reads a stale file. Values are stored with ``marshal``, the format of CPython's own byte
code caches: it loads ~2x faster than JSON and needs no import, so the key includes the
Python version. A file is written atomically, at most ``KEEP`` files of a kind are kept (the
oldest go), and any failure to read, write or decode one only means the YAML is parsed again.

The matcher's one big regex is cached the same way: Python's regex compiler is pure Python and
takes ~80 ms over 1,100 names, so its output (the engine's code, a list of integers) is
stored and handed straight to the C engine next time. That uses the ``re`` module's private
entry points, so the key includes the Python version and the engine's magic number, and any
failure falls back to ``re.compile``.
"""

from __future__ import annotations

import array
import contextlib
import importlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from datasheet_lint import __version__

T = TypeVar("T")

try:  # CPython's own BLAKE2: importing hashlib loads OpenSSL first (~4 ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b


def digest(text: str) -> str:
    """A content hash for cache file names (not a security boundary: the folder is the
    user's own)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _same(value: Any) -> Any:
    return value


def shipped_text(name: str) -> str:
    """A data file shipped beside this module, read straight from disk when it is there.

    ``importlib.resources`` costs ~20 ms of imports (zipfile among them) that a hook would
    pay on every commit; it stays the fallback for a package that is not on disk.
    """
    try:
        return Path(__file__).with_name(name).read_text(encoding="utf-8")
    except OSError:
        from importlib import resources

        return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def code_key(*modules: str | Path) -> str:
    """A cache key for files such as the modules that build a cached value, read from their
    size and modification time (what CPython checks before reusing a module's byte code)
    rather than from their text; their text when one cannot be stat'ed."""
    try:
        stats = [(f, Path(f).stat()) for f in modules]
        return "\0".join(f"{f}:{s.st_size}:{s.st_mtime_ns}" for f, s in stats)
    except OSError:
        return "\0".join(Path(m).read_text("utf-8") for m in modules)


def shipped_key(name: str, *modules: str) -> str:
    """A cache key for a shipped data file and the modules that parse it (``code_key``),
    without reading and hashing ~400 kB each run; the data's text when it is not on disk."""
    data = Path(__file__).with_name(name)
    if not data.is_file():
        return "\0".join([shipped_text(name), code_key(*modules)])
    return code_key(data, *modules)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "datasheet-lint"


def cached(
    name: str,
    source_text: str,
    build: Callable[[str], Any],
    decode: Callable[[Any], T] = _same,
) -> T:
    """``decode(build(source_text))``, with what ``build`` returns (plain values: str, int,
    float, bool, None, lists, tuples and dicts of them) remembered under a content-addressed
    file name. A cached value that does not decode (a truncated or edited file) is built
    again: the cache can make a run slower, never wrong."""
    key = f"{__version__}\0{sys.version}\0{marshal.version}\0{source_text}"
    path = cache_dir() / f"{name}-{digest(key)}.bin"
    try:
        return decode(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, LookupError, TypeError):
        pass
    value = build(source_text)
    try:
        data = marshal.dumps(value)
    except ValueError:  # pragma: no cover - a build that returns other values: not cached
        return decode(value)
    _store_bytes(path, name, data)
    return decode(value)


KEEP = 32  # files of one kind: releases, Pythons and projects with their own blocklists


def _store_bytes(path: Path, name: str, data: bytes) -> None:
    """Write atomically, then drop all but the ``KEEP`` newest files of this kind. A cache
    that cannot be written is only a slower next run."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).replace(path)
        _prune(path.parent, name)
    except OSError:
        pass


def _prune(folder: Path, name: str) -> None:
    """Remove the oldest ``name-<hash>`` files beyond ``KEEP`` (by modification time)."""
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

    The code is stored as native 32-bit words (flags first): it loads in a millisecond,
    where JSON took ten.
    """
    try:
        sre = importlib.import_module("_sre")
        if sre.CODESIZE != 4:
            raise ValueError("regex engine code is not 32-bit")
        magic = getattr(sre, "MAGIC", 0)
        key = f"{sys.version}\0{sys.byteorder}\0{magic}\0{__version__}\0{pattern}"
        path = cache_dir() / f"regex-{digest(key)}.bin"
        words = array.array("I")
        try:
            words.frombytes(path.read_bytes())
            fresh = len(words) < 2
        except (OSError, ValueError):
            fresh = True
        if fresh:
            flags, code = _engine_code(pattern)
            words = array.array("I", [flags, *code])
        regex: re.Pattern[str] = sre.compile(pattern, words[0], words[1:].tolist(), 0, {}, (None,))
        if fresh:
            _store_bytes(path, "regex", words.tobytes())
        return regex
    except Exception:  # a Python whose private regex API differs: compile the usual way
        return re.compile(pattern)
