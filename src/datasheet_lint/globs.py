"""Glob patterns for ``exclude`` and ``per-file-ignores``, matched against POSIX paths.

``*`` and ``?`` stay inside one folder, ``**`` crosses folders. A pattern without a slash
matches a file or folder name at any depth (``*.ipynb``, ``third_party``), as in .gitignore;
a pattern that matches a folder matches everything below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _translate(pattern: str) -> str:
    pattern = pattern.strip().removeprefix("./")
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close == -1:
                out.append(re.escape(char))
            else:
                out.append("[" + pattern[index + 1 : close].replace("\\", "\\\\") + "]")
                index = close
        else:
            out.append(re.escape(char))
        index += 1
    prefix = "" if anchored else "(?:.*/)?"
    return prefix + "".join(out) + "(?:/.*)?"


def compile_globs(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for all patterns, or None when there are none."""
    parts = [_translate(p) for p in patterns if p.strip()]
    if not parts:
        return None
    return re.compile("^(?:" + "|".join(parts) + r")\Z")


def matches(regex: re.Pattern[str] | None, path: str) -> bool:
    return regex is not None and regex.match(path) is not None
