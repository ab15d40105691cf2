"""Where a position sits in Python source: a string, a docstring, a comment, or code.

Only strings, comments and loader calls can name a dataset: an identifier such as
``IMAGENET_MEAN`` or ``use_metric_cuhk03`` is code, not a reference. Triple-quoted strings
(docstrings and text blocks) span lines, so one regex pass over the file finds them; quotes
and comments on a single line are read from the line itself. Python's own tokenizer would be
exact but costs several times more per file, too much for a hook that runs on every commit
(docs/performance.md has the figures).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from datasheet_lint.extract import context
from datasheet_lint.extract.segments import line_start
from datasheet_lint.lazyregex import lazy

TRIPLE = lazy(r"(?P<quote>\"\"\"|''')(?:\\.|[\s\S])*?(?P=quote)")


@dataclass(frozen=True, slots=True)
class Regions:
    """The triple-quoted strings of a file: sorted (start, end, role) offsets."""

    starts: list[int]
    spans: list[tuple[int, int, str]]

    def role(self, offset: int, line: context.Line) -> str:
        """'string', 'docstring', 'comment' or 'code' for the hit at ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0:
            start, end, role = self.spans[index]
            if start <= offset < end:
                return role
        return context.role_of(line, "python")


def regions(text: str) -> Regions:
    spans = []
    for match in TRIPLE.finditer(text):
        # (A string that starts 1,000 characters into its line is a value, not looked at.)
        start = line_start(text, match.start(), 1_000)
        before = "" if start is None else text[start : match.start()]
        if "#" in before:  # inside a comment: not a string at all
            continue
        # A string that starts its line (after an optional prefix such as r or f) is a
        # docstring or a bare text block; anything else is a value (x = """...""").
        starts_line = start is not None and re.fullmatch(r"\s*[rRbBuUfF]{0,2}", before)
        role = "docstring" if starts_line else "string"
        spans.append((match.start(), match.end(), role))
    return Regions([start for start, _, _ in spans], spans)
