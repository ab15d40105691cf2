"""Reading the files a run scans: bytes from disk, decoded to text, or the reason to skip them.

Symbolic links are never followed. Binary files, files over the size limit and unreadable files
are skipped with a reason, never an error. Outside git, ``walk`` lists the files under the
targets, skipping VCS folders, virtual environments, node_modules and caches.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from datasheet_lint import excludes
from datasheet_lint.errors import UserError
from datasheet_lint.models import Skipped, SourceFile

SKIP_DIRS = excludes.FOLDERS  # the folders no scan enters unless the settings say so
SNIFF_BYTES = 8192
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def folder_note(folder: str, reason: str) -> str:
    return f"skipped {folder}/: cannot read the folder ({reason}); its files are not scanned"


def walk(root: Path, targets: Sequence[Path], notes: list[str]) -> Iterator[str]:
    """Every file under the targets; a folder that cannot be read adds a note, not an error."""

    def unreadable(err: OSError) -> None:
        where = Path(os.path.relpath(err.filename, root)).as_posix()
        notes.append(folder_note(where, err.strerror or str(err)))

    for target in targets:
        if target.is_file() or target.is_symlink():
            yield Path(os.path.relpath(target, root)).as_posix()
            continue
        for folder, dirs, files in os.walk(target, onerror=unreadable, followlinks=False):
            here = Path(folder)
            for name in dirs:  # a linked folder is not entered; report it as skipped
                if (here / name).is_symlink():
                    yield Path(os.path.relpath(here / name, root)).as_posix()
            dirs[:] = sorted(
                d for d in dirs if d not in SKIP_DIRS and not excludes.is_virtualenv(here / d)
            )
            for name in sorted(files):
                yield Path(os.path.relpath(here / name, root)).as_posix()


def read(root: Path, relative: str, max_size: int) -> SourceFile | Skipped:
    """A file's text (UTF-8 with replacement, newlines normalised), or why it was skipped."""
    path = root / relative
    try:
        info = path.lstat()
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    if stat.S_ISLNK(info.st_mode):
        return Skipped(relative, "symbolic link, not followed")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(relative, "not a regular file")
    if info.st_size > max_size:
        return Skipped(
            relative, f"larger than the {max_size:,}-byte limit ({info.st_size:,} bytes)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(SNIFF_BYTES)
            if not is_binary(data):  # most bytes of an ML repository are weights: left unread
                data += handle.read(max_size + 1 - len(data))
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    return decode(relative, data)


def decode(relative: str, data: bytes) -> SourceFile | Skipped:
    """Bytes -> text; binary (a NUL byte early on, without a UTF-16 BOM) is skipped."""
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    elif is_binary(data):
        return Skipped(relative, "binary")
    else:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(relative, text)


def is_binary(head: bytes) -> bool:
    """A NUL byte early on, without a UTF-16 byte-order mark."""
    return b"\0" in head[:SNIFF_BYTES] and not head.startswith(UTF16_BOMS)


def resolve_targets(root: Path, paths: Sequence[str]) -> list[Path]:
    """Absolute target paths; a missing path or one outside the root is a user error."""
    targets = []
    for raw in paths:
        given = Path(raw).absolute()
        # Resolve the folders above it, but not a final symbolic link (never followed).
        parent = Path(os.path.realpath(given.parent))
        absolute = parent / given.name if given.name else Path(os.path.realpath(given))
        if not absolute.exists() and not absolute.is_symlink():
            raise UserError(
                "no such file or directory",
                location=raw,
                hint="check the path; datasheet-lint check takes folders or files",
            )
        if os.path.commonpath([absolute, root]) != str(root):
            raise UserError(f"path is outside the project root {root}", location=raw)
        targets.append(absolute)
    return targets
