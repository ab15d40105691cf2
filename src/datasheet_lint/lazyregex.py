"""Regular expressions compiled on first use, for modules that hold many.

Python compiles a pattern in pure Python, and a module-level ``re.compile`` is paid at
import whether the run needs the pattern or not. A pre-commit run imports the extractors
but, for a few changed Python files, uses few of their ~100 patterns: most only matter once
a file names a known dataset, or for notebooks, shell scripts or configs (the cost is
measured in docs/performance.md). ``lazy(...)`` stands where ``re.compile(...)`` stood; the
use sites stay as they were (``URL.search(text)``) and the pattern is compiled the first
time one of them runs, then kept.

Patterns that every scanned Python file needs are better compiled at import as before: a
lazy one costs one more Python call per use.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, AnyStr, Generic


class Lazy(Generic[AnyStr]):
    """The methods of ``re.Pattern`` that the package uses, on a pattern compiled when first
    called (``re`` caches nothing here: the compiled pattern is kept on the object)."""

    def __init__(self, pattern: AnyStr, flags: int | re.RegexFlag = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = int(flags)

    @functools.cached_property
    def compiled(self) -> re.Pattern[AnyStr]:
        return re.compile(self.pattern, self.flags)

    def search(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled.search(string, pos, endpos)

    def match(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[AnyStr]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(
        self,
        repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr],
        string: AnyStr,
        count: int = 0,
    ) -> AnyStr:
        return self.compiled.sub(repl, string, count)

    def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]:
        return self.compiled.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> Lazy[AnyStr]:
    """``re.compile(pattern, flags)``, compiled the first time it is used."""
    return Lazy(pattern, flags)
