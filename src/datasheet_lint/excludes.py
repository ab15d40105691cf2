"""What no scan reads unless the settings say so: virtual environments, installed packages,
node_modules and tool caches.

git lists what a repository does not ignore, and a fresh ``python -m venv venv`` inside a
work tree is not ignored until someone says so: it holds thousands of files of other people's
code (datasheet-lint's own ``blocklist.yaml`` among them: 1,031 findings on a first run). So
the same folders the walk outside git skips are skipped inside git too. A virtual environment
is recognised by its ``pyvenv.cfg`` whatever its name. ``default-exclude = false`` scans
them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

# Folder names that hold tools' or other people's files, never the project's data.
FOLDERS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
        ".eggs",
        ".ipynb_checkpoints",
    }
)
VIRTUALENV_MARKER = "pyvenv.cfg"


def is_virtualenv(folder: Path) -> bool:
    try:
        return (folder / VIRTUALENV_MARKER).is_file()
    except OSError:  # a folder this user may not enter: the listing reports it
        return False


class DefaultExcludes:
    """Answers "is this path inside a default-excluded folder?", one check per folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, bool] = {"": False}  # the root is never excluded

    def _excluded_folder(self, folder: str) -> bool:
        known = self._folders.get(folder)
        if known is not None:
            return known
        parent, _, name = folder.rpartition("/")
        excluded = (
            self._excluded_folder(parent) or name in FOLDERS or is_virtualenv(self.root / folder)
        )
        self._folders[folder] = excluded
        return excluded

    def excludes(self, path: str) -> bool:
        return self._excluded_folder(path.rpartition("/")[0])

    def kept(self, paths: Iterable[str]) -> list[str]:
        return [path for path in paths if not self.excludes(path)]
