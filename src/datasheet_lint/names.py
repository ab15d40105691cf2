"""How dataset names are compared: case and separators do not matter, token edges do."""

from __future__ import annotations

import re

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


# Words that may follow a dataset's name in its own folder or file name: a split, a part, a
# form or a copy of that data (``duke_train.json``, ``wine-test.csv``, ``voc_images_v2``).
PART_WORDS = frozenset(
    {"train", "test", "val", "valid", "validation", "dev", "eval", "trainval", "query"}
    | {"gallery", "split", "splits", "subset", "sample", "samples", "small", "mini", "full"}
    | {"all", "data", "dataset", "raw", "processed", "clean", "cleaned", "images", "image"}
    | {"imgs", "labels", "annotations", "features", "text", "corpus", "files", "input"}
    # a processed form of it, and the files that describe it
    | {"refine", "refined", "aligned", "align", "cropped", "crop", "resized", "prepared"}
    | {"prepare", "preprocessed", "release", "ann", "anno", "annotation", "list", "lists"}
    | {"pairs", "meta", "info", "index", "idx", "rec", "lmdb", "bin", "tfrecords"}
    | {"protocol", "protocols", "benchmark"}
)
_VERSION = lazy(r"^v?\d+[a-z]?$", re.IGNORECASE)


def only_parts(rest: str) -> bool:
    """Whether what follows a name inside one folder or file name (up to its extension) only
    says which part of that data it is (``_train``, ``-v2``, ``_10_27_2014_images``), not
    another dataset's name that opens with it (``-reviews`` of ``wine-reviews``)."""
    return all(
        word.casefold() in PART_WORDS or _VERSION.match(word) is not None
        for word in chunks(rest.split(".", 1)[0])
    )
