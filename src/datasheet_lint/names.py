"""How dataset names are compared: case and separators do not matter, token edges do."""

from __future__ import annotations

from datasheet_lint.lazyregex import lazy

# Characters that real code uses interchangeably inside one name: MS-Celeb-1M, ms_celeb_1m,
# "MS Celeb 1M", faces.emore. A slash is not one of them: it separates an owner from a name
# in hub ids (laion/laion2B-en) and folders in paths.
SEPARATORS = "-_. "
_SEPARATOR_RUN = lazy(r"[-_. ]+")


def normalise(name: str) -> str:
    """Return the comparison key of a name: lower case, separators removed.

    >>> normalise("MS-Celeb-1M") == normalise("ms_celeb_1m") == normalise("msceleb1m")
    True
    """
    return _SEPARATOR_RUN.sub("", name.strip().casefold())


def chunks(name: str) -> list[str]:
    """Split a name at its separators: 'MS-Celeb-1M' -> ['MS', 'Celeb', '1M']."""
    return [part for part in _SEPARATOR_RUN.split(name.strip()) if part]
