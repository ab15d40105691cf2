"""Text that is safe to print or write, whatever the file names in a repository hold.

Git hands over undecodable file names as surrogates, and a name may hold a newline; neither
may crash an output nor let a name start a line of its own (a forged CI workflow command).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def encodable(text: str) -> str:
    """Undecodable bytes (held as surrogates) become U+FFFD; everything else is kept."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def printable(text: str) -> str:
    """``encodable``, with control characters shown as escapes (for one-line messages)."""
    return _CONTROL.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"), encodable(text)
    )


def line_start(path: str) -> str:
    """A path made safe to start an output line: CI runners obey lines that begin with ``::``
    (GitHub Actions) or ``##`` (Azure Pipelines), so a path that does not begin with a
    letter, digit, ``_`` or ``.`` is written as ``./path``. Ordinary paths are unchanged."""
    first = path[:1]
    if first.isalnum() or first in {"_", "."}:
        return path
    return "./" + path
