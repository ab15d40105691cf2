"""Files the code writes itself: read back in the same file, they are its own output.

A tutorial saves an array and loads it again (``np.save("my_array", a)`` ...
``np.load("my_array.npy")``), a script pickles its stop words or writes its class names and
reads them back, an export writes ``embeddings.npy``: each read names a file the code made,
not a dataset, and would ask for a datasheet of it. Only a local file of no known dataset is
dropped, and only where the same file (module or notebook) writes that file name: a dataset
the code downloads, or that another script prepares, is still read as data.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from datasheet_lint.extract import writes
from datasheet_lint.models import Reference


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
