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


# Terms of art that are a dataset's short name too: no English words, but as common in code as
# one. ``imdb`` is the "image database" of every py-faster-rcnn port (class imdb(object),
# get_imdb(name), from datasets.imdb import imdb), where it never means the IMDb reviews.
# ``gqa`` is grouped-query attention in language-model code (class GQA(nn.Module), gqa(x)),
# where it never means the GQA question set; its data folders and dataset keys still do.
CODE_TERMS = frozenset({"imdb", "gqa"})


def is_word(name: str) -> bool:
    """Whether the name is an ordinary English word (``glue``, ``places``) or a term of art
    in code (``imdb``), not just short: in code it needs the context a word needs."""
    normal = normalise(name)
    return normal in _words() or normal in CODE_TERMS
