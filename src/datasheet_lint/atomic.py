"""Writing files so that nothing is lost: a temporary file beside the target, then a rename.

The one writer of the package: reports, baselines, datasheets and cache entries all go
through ``write_bytes``.

A reader sees the old file or the new one, never half of one; an interrupted write leaves the
target untouched and removes its temporary file. Refusing to overwrite is the default.

The temporary file is created private (0600); before it takes the target's place it gets the
mode any other program would give it: a replaced file keeps its own, a new one follows the
umask. Reports, baselines and datasheets are shared files, meant to be read by CI and
teammates (issue 18).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from datasheet_lint.errors import UserError
from datasheet_lint.projectfiles import is_inside


def refuse_links(root: Path, folder: Path, *, display: str) -> None:
    """Raise unless every existing folder from ``root`` down to ``folder`` is a real folder.

    A repository can link a folder out of itself; writing through the link would put files
    outside the project, wherever the link points.
    """
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            raise UserError(
                "is a symbolic link; refusing to write through it",
                location=display,
                hint="make it a real folder inside the project",
            )


def _mode_for(path: Path, *, private: bool) -> int:
    """The permission bits for ``path``: its current ones, or what the umask allows; a
    ``private`` file is for this user only, whatever the umask would share."""
    mask = os.umask(0o022)  # reading the umask means setting it; restored at once
    os.umask(mask)
    if private:
        return 0o600 & ~mask
    try:
        return stat.S_IMODE(path.stat(follow_symlinks=False).st_mode)
    except OSError:  # a new file
        return 0o666 & ~mask


def write_text(
    path: Path, text: str, *, overwrite: bool = False, display: str = "", root: Path | None = None
) -> None:
    """Write ``text`` as UTF-8 (newlines as given) through ``write_bytes``."""
    data = text.encode("utf-8", errors="replace")
    write_bytes(path, data, overwrite=overwrite, display=display, root=root)


def write_bytes(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    display: str = "",
    root: Path | None = None,
    private: bool = False,
) -> None:
    """Write ``data`` to ``path`` atomically; without ``overwrite``, an existing file is kept.

    The one policy for every file the linter writes (reports, baselines, datasheets, cache
    entries): a temporary file in the target's folder, flushed to disk (fsync), renamed
    over the target; the mode ``_mode_for`` gives (``private``: for a cache entry, which
    only this user may write or read); no temporary file left when anything fails. Errors
    are UserErrors naming ``display`` (or the path).

    With ``root`` (the project), the folder the file goes to must resolve inside it: a
    repository's settings and committed links decide where ``baseline`` and ``init`` write,
    and a link such as ``link -> /home/me`` would otherwise carry the write out. A final
    link is never followed (the rename would replace the link, never its target, but the
    refusal says so instead).
    """
    shown = display or str(path)
    if root is not None and not is_inside(root, path.parent):
        raise UserError(
            "resolves outside the project (through a symbolic link or '..'); not writing it",
            location=shown,
            hint="write inside the project, through real folders",
        )
    if not overwrite and (path.exists() or path.is_symlink()):
        raise UserError(
            "file exists; not overwriting it", location=shown, hint="pass --update to replace it"
        )
    if path.is_symlink():
        raise UserError("refusing to write through a symbolic link", location=shown)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as err:
        raise UserError(f"cannot write: {err.strerror or err}", location=shown) from None
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), _mode_for(path, private=private))
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if not overwrite and path.exists():  # appeared meanwhile: still never overwrite
            raise UserError("file exists; not overwriting it", location=shown)
        Path(temporary).replace(path)
    except OSError as err:
        raise UserError(f"cannot write: {err.strerror or err}", location=shown) from None
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
