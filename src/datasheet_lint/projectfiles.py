"""The files a project's settings name: inside the project, regular, and of bounded size.

A scanned repository is untrusted input, and so are its settings. They could name
``/etc/hostname``, ``../secrets.env`` or a path through a committed link out of the tree
(then an error message would print a line of someone else's file into a public CI log), a
FIFO (a read blocks forever) or ``/dev/zero`` (a read grows until the process dies). So a
path a setting names is checked twice: as written (relative, no ``..`` above the project)
and as the file system resolves it (links followed, ``..`` collapsed: still inside). A file
is read only when it is a regular file of at most a stated size, checked on the open file.
Messages name the setting and the path, never anything read from the file.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from datasheet_lint.errors import UserError


def normalised(value: str) -> str | None:
    """``value`` as a clean POSIX path relative to the project, or None if it leaves it.

    ``x/../../outside`` starts with a name but climbs out; collapsing ``..`` first is what
    tells the two apart.
    """
    text = value.strip().replace("\\", "/")
    if not text or text.startswith("/") or "\0" in text:
        return None
    clean = posixpath.normpath(text)
    if clean == ".." or clean.startswith("../") or clean == ".":
        return None
    return clean


def is_inside(root: Path, path: Path) -> bool:
    """True if ``path``, with every link followed, is ``root`` or below it."""
    top = os.path.realpath(root)
    real = os.path.realpath(path)
    return os.path.commonpath([top, real]) == top


def _too_large(what: str, limit: int, display: str) -> UserError:
    return UserError(f"{what} is larger than {limit:,} bytes; not reading it", location=display)


def read_text(path: Path, *, limit: int, display: str, what: str) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes; else a UserError.

    The file is opened without blocking (a FIFO with no writer would block ``open`` itself)
    and checked on the open descriptor, so what is read is what was checked. A file that
    grows after the check is still read only up to ``limit`` bytes.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a device is never even opened
            raise UserError(f"{what} is not a regular file; not reading it", location=display)
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UserError(f"{what} not found", location=display) from None
    except OSError as err:
        raise UserError(f"cannot read {what}: {err.strerror or err}", location=display) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"{what} is not a regular file; not reading it", location=display)
        if info.st_size > limit:
            raise _too_large(what, limit, display)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise _too_large(what, limit, display)
    except OSError as err:
        raise UserError(f"cannot read {what}: {err.strerror or err}", location=display) from None
    finally:
        os.close(handle)
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as err:
        raise UserError(
            f"cannot read {what}: not UTF-8 (byte {err.start + 1})", location=display
        ) from None
