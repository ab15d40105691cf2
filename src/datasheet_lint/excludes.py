"""What no scan reads unless the settings say so: virtual environments, installed packages,
node_modules, tool caches and editor/IDE project state.

git lists what a repository does not ignore, and a fresh ``python -m venv venv`` inside a
work tree is not ignored until someone says so: it holds thousands of files of other people's
code (datasheet-lint's own ``blocklist.yaml`` among them: 1,031 findings on a first run). So
the same folders the walk outside git skips are skipped inside git too. A virtual environment
is recognised by its ``pyvenv.cfg`` whatever its name. ``default-exclude = false`` scans
them all.

Editor and IDE state is often committed by accident: a JetBrains ``.idea/`` folder and its
``*.iml`` module files record which files were open, recent run configurations and search
history, so a ``workspace.xml`` names every dataset script the author touched (one real
repository yields some 40 "references" and retraction flags from it, all labelled as traps).
It says what an editor showed, not what the code uses. Coverage reports (``htmlcov/``) are
generated copies of the source. ``.vscode/`` is kept: its shared ``launch.json`` and
``tasks.json`` are written on purpose and hold the arguments that run the code, a dataset
among them.
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
        ".idea",  # JetBrains IDE state (workspace.xml: open files, run history)
        "htmlcov",  # coverage.py's HTML report: generated copies of the source
    }
)
# File types that are editor or tool state wherever they sit.
FILE_SUFFIXES = (".iml",)  # a JetBrains module file, beside .idea/ or at the top
VIRTUALENV_MARKER = "pyvenv.cfg"


def is_virtualenv(folder: Path) -> bool:
    try:
        return (folder / VIRTUALENV_MARKER).is_file()
    except OSError:  # a folder this user may not enter: the listing reports it
        return False


class DefaultExcludes:
    """Answers "is this path default-excluded (its folder or its type)?", one check per folder."""

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
        folder, _, name = path.rpartition("/")
        return name.endswith(FILE_SUFFIXES) or self._excluded_folder(folder)

    def kept(self, paths: Iterable[str]) -> list[str]:
        return [path for path in paths if not self.excludes(path)]
