"""Glob patterns for ``exclude`` and ``per-file-ignores``, matched against POSIX paths.

``*`` and ``?`` stay inside one folder, ``**`` crosses folders. A pattern without a slash
matches a file or folder name at any depth (``*.ipynb``, ``third_party``), as in .gitignore;
a pattern that matches a folder matches everything below it.

Patterns come from the repository's own settings, so they are untrusted: one regex for a
whole pattern (``[^/]*a[^/]*a...``, ``(?:.*/)?`` per ``**``) backtracks exponentially on a
long name (``*a*a*a*a*a*a*a*a*a*c`` took over a minute on 60 characters). So a path is
matched name by name: each name with ``fnmatch``'s translation (linear: it never backtracks
into a ``*`` it has passed), and the names against the pattern's parts by a table of at most
(parts x names) cells, where ``**`` stands for any number of names. ``[`` without its ``]``
(and ``[]``) is a literal, as in ``fnmatch``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

MAX_PATTERN = 1_000  # characters; a longer glob is not a path anyone excludes
_ANY = None  # a "**" part: any number of names


class GlobError(ValueError):
    """A pattern that cannot be matched; the message says why, without the pattern."""


def _part(name: str) -> re.Pattern[str] | None:
    import fnmatch  # only a project with globs in its settings

    if name == "**":
        return _ANY
    return re.compile(fnmatch.translate(name))


class Glob:
    """One pattern, split into per-name parts."""

    def __init__(self, pattern: str) -> None:
        text = pattern.strip().removeprefix("./")
        self.anchored = "/" in text.rstrip("/")
        names = [name for name in text.strip("/").split("/") if name]
        # Runs of "**" mean what one does; the table below stays (parts x names).
        parts: list[str] = []
        for name in names:
            if not (name == "**" and parts and parts[-1] == "**"):
                parts.append(name)
        self.parts = [_part(name) for name in parts]
        self.trailing_any = bool(parts) and parts[-1] == "**"

    def matches(self, path: str) -> bool:
        names = path.split("/")
        if not self.parts:
            return False
        first = self.parts[0]
        if not self.anchored and first is not None:  # one name, at any depth
            return any(first.match(name) for name in names)
        return self._prefix_matches(names)

    def _prefix_matches(self, names: Sequence[str]) -> bool:
        """True if the parts match the first k names for some k (a folder covers its
        contents). ``reach`` holds the numbers of names the parts so far can consume."""
        reach = {0}
        for index, part in enumerate(self.parts):
            if part is _ANY:
                # A trailing "**" needs at least one name below the folder ("a/**" is its
                # contents); elsewhere it may stand for none ("**/x" matches "x").
                low = min(reach) + (1 if index == len(self.parts) - 1 else 0)
                reach = set(range(low, len(names) + 1))
            else:
                reach = {n + 1 for n in reach if n < len(names) and part.match(names[n])}
            if not reach:
                return False
        return True


class Globs:
    """Several patterns; a path matches if any one matches."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.globs = [Glob(p) for p in patterns if p.strip()]

    def matches(self, path: str) -> bool:
        return any(glob.matches(path) for glob in self.globs)


def check(pattern: str) -> None:
    """Raise GlobError for a pattern that cannot be used (settings report it at its line)."""
    if len(pattern) > MAX_PATTERN:
        raise GlobError(f"a pattern is longer than {MAX_PATTERN} characters")
    if "\0" in pattern:
        raise GlobError("a pattern holds a NUL character")
    try:
        Glob(pattern)
    except re.error as err:  # pragma: no cover - fnmatch's translations always compile
        raise GlobError(f"not a valid pattern: {err.msg}") from None


def compile_globs(patterns: Iterable[str]) -> Globs | None:
    """A matcher for all patterns, or None when there are none."""
    globs = Globs(patterns)
    return globs if globs.globs else None


def matches(globs: Globs | None, path: str) -> bool:
    return globs is not None and globs.matches(path)
