"""Parsing git diff's output into the lines each file changed. Runs nothing: git.py runs git.

``--numstat -z`` names every changed file exactly and says which are binary; a ``-U0`` patch
with fixed ``a/`` and ``b/`` prefixes gives the new side's changed lines.
"""

from __future__ import annotations

from datasheet_lint.lazyregex import lazy

HUNK = lazy(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
C_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34}


def numstat_files(output: bytes) -> list[tuple[bytes, bool]]:
    """(new name, binary) of each file in ``git diff --numstat -z`` output."""
    fields = output.split(b"\0")
    files = []
    position = 0
    while position < len(fields):
        record = fields[position]
        position += 1
        if not record:
            continue
        added, _, rest = record.partition(b"\t")
        _, _, name = rest.partition(b"\t")
        if not name:  # a rename or copy: the old name, then the new one, in their own fields
            name = fields[position + 1] if position + 1 < len(fields) else b""
            position += 2
        files.append((name, added == b"-"))
    return files


def patch_lines(output: bytes) -> dict[bytes, set[int]]:
    """New name -> the new side's changed line numbers, from a ``-U0`` patch.

    A file's header runs from ``diff --git`` to its first hunk; only there is ``+++ `` the
    file's name (a hunk's added line may start with it too). Hunk lines all start with
    ``+``, ``-``, a space or a backslash, so neither ``diff --git`` nor ``@@`` can be one.
    """
    lines: dict[bytes, set[int]] = {}
    current: bytes | None = None
    header = False
    for line in output.split(b"\n"):
        if line.startswith(b"diff --git "):
            header, current = True, None
        elif header and line.startswith(b"+++ "):
            current = _header_name(line[4:])
        elif line.startswith(b"@@ "):
            header = False
            hunk = HUNK.match(line)
            if current is not None and hunk is not None:
                start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
                lines.setdefault(current, set()).update(range(start, start + count))
    return lines


def _header_name(raw: bytes) -> bytes | None:
    """The name on a ``+++ `` line: git adds a tab after a name with a space in it, and
    quotes a name with a tab, newline, quote or backslash in C's manner."""
    raw = raw.removesuffix(b"\t")
    if raw == b"/dev/null":
        return None
    if raw.startswith(b'"') and raw.endswith(b'"') and len(raw) > 1:
        raw = _c_unquote(raw[1:-1])
    return raw.removeprefix(b"b/")


def _c_unquote(body: bytes) -> bytes:
    out = bytearray()
    position = 0
    while position < len(body):
        byte = body[position : position + 1]
        escaped = body[position + 1 : position + 2]
        if byte != b"\\" or not escaped:
            out += byte
            position += 1
        elif escaped.isdigit():  # three octal digits: one byte of a name that is not ASCII
            out.append(int(body[position + 1 : position + 4], 8) & 0xFF)
            position += 4
        else:
            out.append(C_ESCAPES.get(escaped, escaped[0]))
            position += 2
    return bytes(out)
