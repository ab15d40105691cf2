"""Reading the files a run scans: bytes from disk, decoded to text, or the reason to skip them.

Symbolic links are never followed. Binary files, files over the size limit and unreadable files
are skipped with a reason, never an error. Whether a file is text is decided in one place,
``is_binary``, the way git and ripgrep decide it (a NUL byte), plus two things they leave to
attributes and that an ML repository needs: well-known non-text file types by extension
(weights, archives, images, PDF-based artwork) and the PDF/PostScript header, whose first
kilobytes are readable text before the compressed streams begin. Outside git, ``walk`` lists
the files under the targets, skipping VCS folders, virtual environments, node_modules and
caches.
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
# Headers of formats that open with lines of text and carry binary streams after them: a PDF
# (and an Adobe Illustrator .ai file, which is a PDF) or PostScript. Their text is markup and
# metadata, never a repository's use of data.
BINARY_HEADERS = (b"%PDF-", b"%!PS-Adobe")
# File types that are never source text. A NUL byte finds most of them; these are the ones a
# NUL byte may not find in the part read first (PDF-based artwork, some archives and arrays)
# and the ones not worth opening at all. SVG is text to git but an image to a reader: its
# markup (a DOCTYPE's ".../DTD/svg11.dtd", path data) never uses a dataset. CSV and JSON are
# read.
NON_TEXT_SUFFIXES = frozenset(
    {
        # images and artwork
        ".ai", ".bmp", ".eps", ".gif", ".ico", ".jpeg", ".jpg", ".pdf", ".png", ".psd",
        ".svg", ".tif", ".tiff", ".webp",
        # archives
        ".7z", ".bz2", ".gz", ".rar", ".tar", ".tgz", ".xz", ".zip", ".zst",
        # weights, arrays and serialised objects
        ".ckpt", ".h5", ".hdf5", ".mat", ".npy", ".npz", ".onnx", ".pickle", ".pkl", ".pt",
        ".pth", ".safetensors", ".tflite",
        # audio and video
        ".flac", ".mp3", ".mp4", ".wav",
        # compiled code and office documents
        ".class", ".dll", ".docx", ".exe", ".jar", ".pyc", ".so", ".xlsx",
        # fonts
        ".eot", ".otf", ".ttf", ".woff", ".woff2",
    }
)  # fmt: skip


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
    if _in_linked_folder(str(root), relative):
        return Skipped(relative, "in a folder that is a symbolic link, not followed")
    if info.st_size > max_size:
        return Skipped(
            relative, f"larger than the {max_size:,}-byte limit ({info.st_size:,} bytes)"
        )
    if has_non_text_suffix(relative):  # not opened: most bytes of an ML repository are weights
        return Skipped(relative, "binary")
    try:
        with path.open("rb") as handle:
            data = handle.read(SNIFF_BYTES)
            if not is_binary(relative, data):  # a binary file's rest is left unread
                data += handle.read(max_size + 1 - len(data))
    except OSError as err:
        return Skipped(relative, f"cannot read: {err.strerror or err}")
    return decode(relative, data)


def _in_linked_folder(root: str, relative: str) -> bool:
    """Whether a folder between the root and the file is a symbolic link. git lists a
    tracked file under a folder that the work tree has since replaced with a link (a
    downloaded snapshot can hold any state); reading it would read wherever the link points.
    One ``lstat`` per folder level, a few microseconds each."""
    folder = root
    for part in relative.split("/")[:-1]:
        folder += "/" + part
        try:
            if stat.S_ISLNK(os.lstat(folder).st_mode):
                return True
        except OSError:
            return True  # gone since the file's lstat: not read either
    return False


def decode(relative: str, data: bytes) -> SourceFile | Skipped:
    """Bytes -> text; a binary file (``is_binary``) is skipped."""
    if is_binary(relative, data):
        return Skipped(relative, "binary")
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(relative, text)


def is_binary(relative: str, data: bytes) -> bool:
    """Whether a file is not text: the one place that decides it.

    ``data`` is the file's first bytes or all of them. Binary: a known non-text file type
    (``NON_TEXT_SUFFIXES``), a PDF or PostScript header, or a NUL byte anywhere in ``data``
    (git looks at the first 8,000 bytes only; ripgrep, like this, at everything it reads, so
    a PDF whose first NUL comes after 60 kB is still binary). UTF-16 text, which is full of
    NUL bytes, is text when it starts with its byte-order mark.
    """
    if has_non_text_suffix(relative):
        return True
    if data.startswith(UTF16_BOMS):
        return False
    return data.startswith(BINARY_HEADERS) or b"\0" in data


def has_non_text_suffix(relative: str) -> bool:
    """A file type that is never source text, by its extension (any case)."""
    name = relative.rpartition("/")[2]
    return "." in name and name[name.rindex(".") :].lower() in NON_TEXT_SUFFIXES


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
