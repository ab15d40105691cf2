"""The one exception that means "the tool cannot run as asked": exit code 2, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix: bad path, bad config, bad blocklist file.

    ``location`` is ``path`` or ``path:line[:col]`` where there is one; ``hint`` says how to fix it.
    """

    def __init__(self, message: str, *, location: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        return f"{prefix}{self.message}"


class FileError(Exception):
    """An unexpected failure while processing one file: a bug, reported with the file's name."""

    def __init__(self, path: str, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.path = path
