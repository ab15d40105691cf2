"""Lines of a dataset's own loader module that point into that dataset's files.

Detection and re-identification code keeps one module per dataset in a data folder
(``lib/datasets/pascal_voc.py``, ``reid/datasets/dukemtmc.py``, ``data/coco.py``). Inside it
the dataset is rarely named again: its files are reached from the module's data root,
``os.path.join(self._data_path, 'Annotations', index + '.xml')``. Such a line reads the data
of the dataset the module is named for, so it is a ``path`` reference to it.

The module counts when it sits in a data folder and its file name starts with a known name
of a dataset (``pascal_voc_rbg.py`` is Pascal VOC; a name that only near tokens confirm, such
as ``duke``, does not count). A line counts when it builds or opens a path from the module's
data root (``data_path``, ``data_dir``, ``root``, ``raw_dir``, ``devkit_path``, ...), and does
not write there (caches, results and converted copies are the module's own files).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the other extractors yield them.
Found = tuple[str, int, int, Kind, str]
Hits = Callable[[str], Iterator[Hit]]

DATA_FOLDERS = frozenset(
    {"data", "datasets", "dataset", "dataloader", "dataloaders", "data_loader", "loaders"}
)
DATA_ROOT = lazy(
    r"(?<![\w.])(?:self\.|cls\.)?_?(?:data_?path|data_?dir|dataset_?dir|dataset_?path|data_?root|"
    r"root|root_?dir|devkit_?path|raw_?dir|images?_?dir|img_?dir)(?!\w)",
    re.IGNORECASE,
)
PATH_USE = lazy(
    r"\b(?:join|open|read_csv|loadmat|parse|File|listdir|glob|walk|Path)\s*\(|\s/\s*['\"]"
)
# What the module writes (its own caches, results, converted copies) is not the dataset's data.
WRITES = lazy(
    r"cache|\b(?:write\w*|imsave|imwrite|save\w*|dump|copy\w*|move|mkdir|makedirs)\s*\(|"
    r"['\"][wax][bt+]*['\"]",
    re.IGNORECASE,
)
MAX_LINES = 5_000  # lines read per module: dataset modules are a few hundred


def module_dataset(path: str, hits: Hits) -> str | None:
    """The dataset a module in a data folder is named for, if its file name starts with one."""
    parts = path.split("/")
    if len(parts) < 2 or parts[-2].lower() not in DATA_FOLDERS:
        return None
    stem = parts[-1].rsplit(".", 1)[0]
    for hit in hits(stem):
        alias = hit.alias
        if hit.start != 0 or alias.dataset is None or alias.model is not None:
            continue
        if alias.needs_near or (hit.end < len(stem) and stem[hit.end] not in "_-"):
            continue
        return alias.dataset
    return None


def references(dataset: str, lines: Sequence[str]) -> Iterator[Found]:
    """Each code line of the module that builds or opens a path from its data root."""
    for number, text in enumerate(lines[:MAX_LINES], start=1):
        code = text.split("#", 1)[0]
        use = PATH_USE.search(code)
        if use is None or WRITES.search(code):
            continue
        root = DATA_ROOT.search(code, use.start())  # an argument, not the name assigned to
        if root is not None:
            yield dataset, number, root.start() + 1, Kind.PATH, root.group(0)
