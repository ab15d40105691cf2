"""Jupyter notebooks: code cells as Python, Markdown cells as prose, at the file's own lines.

Jupyter writes each source line of a cell as one JSON string on its own line of the file, so
each cell line is found in the file by its JSON encoding, searching forward. A cell whose
source is one string, or a notebook written on one line, maps every cell line to the file line
that holds it. A file that is not a notebook's JSON is read as plain text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from datasheet_lint.extract.segments import Segment

SHELL_PREFIXES = ("!", "%")  # IPython shell escapes and line magics
# Line magics that run the Python statement after their options: %time x = load(),
# %timeit -r1 -n 10 f(). Their statement stays in the Python segment.
TIMED = re.compile(r"%(?:time|timeit|prun)[ \t]+(?:-\w+(?:[ \t]+\d+)?[ \t]+)*(?P<code>\S.*)")
# A notebook over ``max-file-size`` is read up to this size to measure its code and Markdown
# without its outputs (plots, tables): they are what the size limit is for.
READ_MAX = 64 * 1024 * 1024
# A cell line as Jupyter may have written it into the file, with and without escapes for
# non-ASCII text: encoders built once, where json.dumps(line, ensure_ascii=False) built one
# for every line of every cell.
_AS_WRITTEN = json.JSONEncoder(ensure_ascii=False).encode
_ASCII = json.JSONEncoder().encode


def source_size(text: str) -> int | None:
    """Characters of code and Markdown in the notebook, or None if it is not one."""
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return None
    return sum(len(line) for cell in cells for line in _source_lines(cell))


def _source_lines(cell: Any) -> list[str]:
    source = cell.get("source") if isinstance(cell, dict) else None
    if isinstance(source, str):
        return source.splitlines(keepends=True)
    if isinstance(source, list) and all(isinstance(piece, str) for piece in source):
        return [line for piece in source for line in piece.splitlines(keepends=True) or [piece]]
    return []


class _Locator:
    """Finds successive cell lines in the file's lines, never moving backwards.

    Each search reads lines from the cursor on. In a Jupyter file that reads the file about
    once, but a line found nowhere reads to the end, and a notebook on one long line reads
    that line for every cell line: the square of the file's size. The searches share a
    budget of a few passes over the file; once it is spent, each line is placed at the
    cursor (the last line found), which is where a one-line notebook's lines are anyway.
    """

    PASSES = 8

    def __init__(self, raw: Sequence[str]) -> None:
        self.raw = raw
        self.cursor = 0
        self.budget = self.PASSES * (sum(len(line) for line in raw) + len(raw))

    def find(self, piece: str) -> int:
        encodings = {_AS_WRITTEN(piece)[1:-1], _ASCII(piece)[1:-1]}
        needle = [e for e in encodings if e.strip()]
        for index in range(self.cursor, len(self.raw)):
            if self.budget <= 0:
                break
            line = self.raw[index]
            self.budget -= len(line) + 1
            if not needle or any(e in line for e in needle):
                self.cursor = index
                return index + 1
        return self.cursor + 1


def _segment(lines: list[tuple[str, int]], lang: str, raw: Sequence[str]) -> Segment:
    text = "\n".join(line.rstrip("\r\n") for line, _ in lines)
    return Segment(text, lang, [number for _, number in lines], raw)


def _cell_lines(cell: Any, locator: _Locator) -> Iterator[tuple[str, str, int]]:
    """(language, line, file line) for each line of one cell."""
    kind = cell.get("cell_type") if isinstance(cell, dict) else None
    located = [(piece, locator.find(piece)) for piece in _source_lines(cell)]
    if not located or kind not in {"markdown", "code"}:
        return
    shell_cell = kind == "code" and located[0][0].startswith(("%%bash", "%%sh", "%%script"))
    continued = False  # the line above is a shell line ending in a backslash
    for piece, number in located:
        if kind == "markdown":
            yield "prose", piece, number
        elif shell_cell or continued:
            yield "script", piece, number
        elif piece.lstrip().startswith(SHELL_PREFIXES):
            indent = piece[: len(piece) - len(piece.lstrip())]
            timed = TIMED.fullmatch(piece.strip())
            if timed is not None:
                yield "python", indent + timed.group("code"), number
                continue
            yield "script", piece, number
            # The Python keeps a statement in its place: a magic that is a block's only line
            # (try: %tensorflow_version 2.x) would otherwise leave the block with no body.
            yield "python", f"{indent}pass", number
        else:
            yield "python", piece, number
        shell_line = continued or piece.lstrip().startswith(SHELL_PREFIXES)
        continued = shell_line and piece.rstrip("\r\n").endswith("\\")


def segments(text: str) -> list[Segment]:
    """The notebook as segments, or the whole text as a script if it is not a notebook.

    All code cells form one Python segment, as they run as one program: an import in the
    first cell resolves a loader call in the fifth. Shell escapes (with their backslash
    continuations) form a script segment, leaving ``pass`` in the Python in their place, and
    Markdown a prose one; each keeps the file line of every line. A cell that does not parse
    costs only itself its loader calls (see python_blocks).
    """
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return [Segment(text, "script")]
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return [Segment(text, "script")]
    raw = text.split("\n")
    locator = _Locator(raw)
    lines: dict[str, list[tuple[str, int]]] = {"python": [], "script": [], "prose": []}
    for cell in cells:
        for lang, piece, number in _cell_lines(cell, locator):
            lines[lang].append((piece, number))
    return [_segment(found, lang, raw) for lang, found in lines.items() if found]
