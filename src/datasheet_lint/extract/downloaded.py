"""Local files that a download in the same file fetched: one source, one id.

A notebook downloads ``.../data/pizza_steak_sushi.zip``, saves it as
``data/pizza_steak_sushi.zip``, unzips it into ``data/pizza_steak_sushi`` and reads the folder.
The download is ``url:...`` and the reads were ``local:...``: two ids, two datasheets, for one
dataset. A local id whose last name is the downloaded file's, or its archive's stem (the folder
it unpacks to), is the download's id. A generic name (``train.csv``, ``data``) says nothing, a
name two downloads share is left, and a folder the URL keeps several files in is no one file's
(``lifesat/`` holds two tables from two publishers).
"""

from __future__ import annotations

import posixpath
import re

from datasheet_lint.knowledge.resolve import DATA_ROOTS, GENERIC_STEMS
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Reference

ARCHIVE = lazy(r"\.(?:zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|gz|7z|rar)$", re.IGNORECASE)
MIN_NAME = 4  # shorter names are too common to tie a read to a download


def _names(url_id: str) -> set[str]:
    """The names a download's files go by on disk: the file, and its archive's stem."""
    parts = url_id.removeprefix("url:").split("/")[1:]  # the host is no file's name
    if not parts:
        return set()
    names = {parts[-1], ARCHIVE.sub("", parts[-1])}
    return {name.casefold() for name in names if _telling(name)}


def _telling(name: str) -> bool:
    stem = name.split(".", 1)[0].casefold()
    return len(stem) >= MIN_NAME and stem not in GENERIC_STEMS and name.casefold() not in DATA_ROOTS


def same_source(references: list[Reference]) -> list[Reference]:
    """The references with each local id that names a download's files renamed to the
    download's id."""
    owners: dict[str, set[str]] = {}
    for url_id in {ref.dataset for ref in references if ref.dataset.startswith("url:")}:
        for name in _names(url_id):
            owners.setdefault(name, set()).add(url_id)
    if not owners:
        return references
    renamed: dict[str, str] = {}
    for dataset in {ref.dataset for ref in references if ref.dataset.startswith("local:")}:
        last = posixpath.basename(dataset.removeprefix("local:").rstrip("/")).casefold()
        found = owners.get(last, set()) | owners.get(ARCHIVE.sub("", last), set())
        if len(found) == 1 and _telling(last):
            renamed[dataset] = found.pop()
    if not renamed:
        return references
    return [
        Reference(renamed.get(r.dataset, r.dataset), r.location, r.kind, r.surface)
        for r in references
    ]
