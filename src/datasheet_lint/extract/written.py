"""Files the code writes itself: read back in the same file, they are its own output.

A tutorial saves an array and loads it again (``np.save("my_array", a)`` ...
``np.load("my_array.npy")``), a script pickles its stop words or writes its class names and
reads them back, an export writes ``embeddings.npy``: each read names a file the code made,
not a dataset, and would ask for a datasheet of it. Only a local file of no known dataset is
dropped, and only where the same file (module or notebook) writes that file name: a dataset
the code downloads, or that another script prepares, is still read as data.

A model's by-products are the code's own output wherever they are read: a file named for
embeddings, predictions, latent codes, permutations or an options dump
(``embeddings.npy`` an export script wrote and a search script loads, ``best_pred.txt``,
``expr_dir/opt.txt``) is not data, whichever script or config names it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from datasheet_lint.extract import writes
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Reference

# Words of a file name that say a model or a run made it (by_products). Features are left
# out: a table of features is as often a dataset's own file (UCI HAR's features.txt).
BY_PRODUCT_WORDS = frozenset(
    {"embedding", "embeddings", "latent", "latents", "pred", "preds", "opt"}
    | {"permutation", "permutations"}
)
WORD = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def read_back(references: list[Reference], texts: Iterable[str]) -> list[Reference]:
    """The references less the reads of local files that the same code writes."""
    local = [ref for ref in references if ref.dataset.startswith("local:")]
    if not local:
        return references
    written = writes.file_names(texts)
    if not written:
        return references
    own = {
        ref.dataset
        for ref in local
        if posixpath.basename(ref.dataset.removeprefix("local:")).casefold() in written
    }
    return [ref for ref in references if ref.dataset not in own]


def by_products(references: list[Reference]) -> list[Reference]:
    """The references less the reads of local files named as a model's by-products (module
    docstring): a file with a suffix whose name has one of BY_PRODUCT_WORDS."""
    return [ref for ref in references if not _by_product(ref.dataset)]


def _by_product(dataset: str) -> bool:
    if not dataset.startswith("local:"):
        return False
    name = posixpath.basename(dataset.removeprefix("local:").rstrip("/"))
    stem, dot, suffix = name.partition(".")
    if not dot or not suffix:
        return False  # a folder (output_embeddings/) holds whatever it is given
    return any(word.lower() in BY_PRODUCT_WORDS for word in WORD.findall(stem))
