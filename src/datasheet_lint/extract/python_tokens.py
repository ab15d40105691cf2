"""Where a position sits in Python source: a string, a docstring, a comment, or code.

Only strings, comments and loader calls can name a dataset: an identifier such as
``IMAGENET_MEAN`` or ``use_metric_cuhk03`` is code, not a reference. The tokenizer knows
string and comment boundaries exactly, across lines; source it cannot tokenize returns None
and the caller falls back to reading the line.
"""

from __future__ import annotations

import io
import tokenize
from bisect import bisect_right
from dataclasses import dataclass

_STRING_TYPES = {tokenize.STRING} | {
    getattr(tokenize, name) for name in ("FSTRING_MIDDLE",) if hasattr(tokenize, name)
}
_STATEMENT_START = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}


@dataclass(frozen=True)
class Regions:
    """Sorted (start, end, role) spans; role is 'string', 'docstring' or 'comment'."""

    starts: list[tuple[int, int]]
    spans: list[tuple[tuple[int, int], tuple[int, int], str]]

    def role(self, line: int, column: int) -> str:
        """'string', 'docstring', 'comment' or 'code' at a 1-based line, 0-based column."""
        position = (line, column)
        index = bisect_right(self.starts, position) - 1
        if index >= 0:
            start, end, role = self.spans[index]
            if start <= position < end:
                return role
        return "code"


def regions(text: str) -> Regions | None:
    spans: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    previous = tokenize.ENCODING
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                spans.append((token.start, token.end, "comment"))
            elif token.type in _STRING_TYPES:
                # A string that starts a statement is a docstring or a bare text block.
                role = "docstring" if previous in _STATEMENT_START else "string"
                spans.append((token.start, token.end, role))
            if token.type not in {tokenize.NL, tokenize.COMMENT}:
                previous = token.type
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError):
        return None
    spans.sort()
    return Regions([start for start, _, _ in spans], spans)
