"""A file's text as segments of one language each, with a map back to the file's lines.

A plain file is one segment. A notebook is many: each code cell is Python (its shell and
magic lines a script), each Markdown cell prose; every segment line knows the file line it
came from, so a finding lands on the notebook's own line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass


def line_start(text: str, offset: int, within: int) -> int | None:
    """Where the line holding ``offset`` starts, or None when that is more than ``within``
    characters back. Extractors ask it for each match: looking back to the start of a
    hostile 5 MB single line for each of its ~500,000 matches never ended."""
    floor = max(0, offset - within)
    newline = text.rfind("\n", floor, offset)
    if newline < 0 and floor > 0:
        return None
    return newline + 1


@dataclass(frozen=True, slots=True)
class Segment:
    """Text in one language; ``lines[i]`` is the file line of segment line ``i + 1``."""

    text: str
    lang: str
    lines: Sequence[int] | None = None  # None: the segment is the whole file
    raw: Sequence[str] | None = None  # the file's own lines, to find columns in encoded text

    def position(self, line: int, column: int, surface: str) -> tuple[int, int]:
        """(line, column) in the file for a position in the segment."""
        if self.lines is None:
            return line, column
        file_line = self.lines[min(line, len(self.lines)) - 1]
        if self.raw is None:
            return file_line, column
        found = self.raw[file_line - 1].find(surface)
        return file_line, found + 1 if found >= 0 else 1


class LineIndex:
    """Offset <-> (line, column) for one text; columns count characters, 1-based."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]
