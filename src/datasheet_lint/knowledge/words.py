"""Ordinary English words: which ambiguous names are words, and which are only short.

Both kinds of alias are ambiguous (``dictionary_words.txt`` lists the words; the data test
keeps every listed word ambiguous). They differ in code: ``class Places(...)`` or ``def
drop(...)`` use a word, while ``class SVHN(...)``, ``from data import coco`` or
``torch::data::datasets::MNIST(root)`` can only mean the dataset.
"""

from __future__ import annotations

from functools import lru_cache

from datasheet_lint.names import normalise


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    from datasheet_lint.packagedata import read_bytes

    lines = read_bytes(__package__, "dictionary_words.txt").decode("utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line and not line.startswith("#"))


def is_word(name: str) -> bool:
    """Whether the name is an ordinary English word (``glue``, ``places``), not just short."""
    return normalise(name) in _words()
