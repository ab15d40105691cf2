"""Python that does not parse as a whole: the top-level statements that do, at their own lines.

One line of Python 2 (``print x``, ``except Exception, e:``), a half-written notebook cell or
a cell of another language (``%%html``) makes the parser reject the whole module, and with it
every loader call in it. A module is a sequence of top-level statements, and a notebook's code
is its cells one after another, each starting a new statement; so each top-level block (a
statement at column 0 and its indented body) is parsed on its own and the blocks that parse
make the module's tree, each at its own lines. The lines of a block that does not parse get
what a file that does not parse gets: the name pass, which reads text, not trees.

A block boundary is guessed from the text (a line at column 0 that does not continue the block
above). A wrong guess (inside a triple-quoted string at column 0) only makes the pieces fail to
parse, and they are left out like any other block that does not parse.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datasheet_lint.lazyregex import lazy

# A column-0 line that continues the statement above rather than starting one.
CONTINUES = lazy(r"(?:[)\]}#]|(?:else|elif|except|finally)\b)")
# Past this many top-level blocks, the text is not a module anyone wrote by hand (real modules
# and notebooks have hundreds): parsing each would cost seconds, so nothing is salvaged.
MAX_BLOCKS = 5_000


def _blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(first, end) 0-based line ranges of the top-level blocks."""
    start: int | None = None
    decorated = False  # the block so far is decorators: the def or class below joins it
    for number, line in enumerate(lines):
        if not line.strip() or line[0] in " \t" or CONTINUES.match(line):
            continue
        if start is not None and not decorated:
            yield start, number
            start = None
        if start is None:
            start = number
        decorated = line.startswith("@")
    if start is not None:
        yield start, len(lines)


def salvage(text: str) -> ast.Module | None:
    """The tree of the blocks that parse, with their lines as in ``text``, or None if none do."""
    lines = text.split("\n")
    blocks = list(_blocks(lines))
    if len(blocks) > MAX_BLOCKS:
        return None
    body: list[ast.stmt] = []
    for first, end in blocks:
        try:
            tree = ast.parse("\n".join(lines[first:end]))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        body.extend(ast.increment_lineno(tree, first).body)
    return ast.Module(body=body, type_ignores=[]) if body else None
