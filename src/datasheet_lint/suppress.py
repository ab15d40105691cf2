"""Inline suppressions: ``# datasheet-lint: ignore[DSL101] reason`` and its Markdown twin.

A directive silences the listed codes (or code prefixes) on its own line; when the directive is
the only thing on its line, it silences the next non-blank line instead. A reason is required:
a directive without one (or with a malformed code, or a code no rule has) silences nothing and
is itself reported (DSL903).

A bare ``# datasheet-lint: ignore`` (no codes) is no blanket suppression: it silences nothing.
It is parsed so that it is reported, as DSL903 when a finding stands on its line (name the
code and the reason) and as DSL901 when nothing does (delete it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from datasheet_lint import selectors
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Location

DIRECTIVE = lazy(
    r"datasheet-lint:\s*ignore(?:\[(?P<codes>[^\]]*)\]|\b)(?P<reason>.*?)(?:-->|\*/)?\s*$",
    re.IGNORECASE,
)
COMMENT_ONLY = lazy(r"^\s*(?:#|//|--|;|<!--|\.\.|%|/\*|\*)\s*datasheet-lint:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    """One directive: where it is, which line it covers, which codes, and why."""

    location: Location
    target_line: int
    codes: tuple[str, ...]
    reason: str
    bare: bool = False  # "datasheet-lint: ignore" with no bracketed codes at all

    @property
    def problem(self) -> str:
        """Why the directive is invalid ('' when it is valid)."""
        if not self.codes:
            return "names no rule code"
        bad = [c for c in self.codes if not selectors.CODE_PREFIX.match(c)]
        if bad:
            return f"has an invalid rule code {bad[0]!r}"
        unknown = self.unknown_code
        if unknown:
            return f"names {unknown!r}, which matches no rule"
        if not self.reason:
            return "gives no reason"
        return ""

    @property
    def unknown_code(self) -> str:
        """The first code that is well formed but matches no rule ('' when there is none)."""
        return next((c for c in self.codes if selectors.resolve(c) is None), "")

    def covers(self, code: str, line: int) -> bool:
        return not self.problem and line == self.target_line and code.startswith(self.codes)


def parse(path: str, text: str) -> list[Suppression]:
    """Every directive in a file (cheap: a substring test comes first)."""
    if "datasheet-lint:" not in text.lower():
        return []
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        match = DIRECTIVE.search(line)
        if match is None:
            continue
        listed = match.group("codes")
        codes = tuple(c.strip().upper() for c in (listed or "").split(",") if c.strip())
        reason = match.group("reason").strip(" \t-:—")
        target = number
        if COMMENT_ONLY.match(line):
            target = next(
                (n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), number
            )
        column = match.start() + 1
        location = Location(path, number, column)
        found.append(Suppression(location, target, codes, reason, bare=listed is None))
    return found
