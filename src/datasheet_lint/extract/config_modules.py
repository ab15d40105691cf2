"""Python config modules of the OpenMMLab toolkits: data roots handed to the data keys.

mmdetection, mmsegmentation, mmpose and their many forks configure a dataset in a Python
module: a root bound once at module level (``data_root = 'data/WIDERFace/'``, ``train_root =
data_root + 'train/'``), then each split's files as keyword arguments built from it
(``dict(ann_file=data_root + 'train.txt', img_prefix=data_root + 'WIDER_train/')``). The
root's line names the data; the lines that hand it to a data key read it, and name nothing.

A keyword argument (or a dict literal's key) whose name is one of the toolkits' data keys,
with a value that joins module-level names bound to one dataset to a named part (a string), is
a ``path`` reference to that dataset, on the line of that part; a root handed on alone
(``img_prefix=data_root``) names no part of the data. The roots' datasets are what the
module's other references already say (the line that binds the name holds one dataset), so
nothing new is guessed here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datasheet_lint.models import Kind

Found = tuple[str, int, int, Kind, str]

# The data keys of OpenMMLab dataset configs (mmdet's CustomDataset, mmseg's CustomDataset,
# mmengine's BaseDataset data_prefix): each holds a file or folder of the data.
DATA_KEYS = frozenset(
    {"ann_file", "img_prefix", "seg_prefix", "data_prefix", "img_dir", "ann_dir", "seg_dir"}
    | {"proposal_file", "img_path", "seg_map_path", "data_root"}
)
# (extract.CONFIG_MODULE_WORDS, some of these keys, decides whether a module is read at all.)
SEED_KINDS = frozenset({Kind.PATH, Kind.CONFIG, Kind.URL, Kind.LOAD})


def references(tree: ast.Module, lines: list[str], found: list[Found]) -> Iterator[Found]:
    """Lines that hand a module-level data root of one dataset to a data key."""
    on_line: dict[int, set[str]] = {}
    for dataset, line, _, kind, _ in found:
        if kind in SEED_KINDS:
            on_line.setdefault(line, set()).add(dataset)
    roots: dict[str, str] = {}
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and len(on_line.get(statement.lineno, ())) == 1
        ):
            roots[statement.targets[0].id] = next(iter(on_line[statement.lineno]))
    if not roots:
        return
    for node in ast.walk(tree):
        pairs: list[tuple[str | None, ast.expr]] = []
        if isinstance(node, ast.Call):
            pairs = [(keyword.arg, keyword.value) for keyword in node.keywords]
        elif isinstance(node, ast.Dict):
            pairs = [
                (key.value, value)
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            ]
        for key, value in pairs:
            if key not in DATA_KEYS:
                continue
            parts = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            for part in parts:
                found_here = _handed(part, roots, lines)
                if found_here is not None:
                    yield found_here


def _handed(value: ast.expr, roots: dict[str, str], lines: list[str]) -> Found | None:
    """A root joined to a named part (``data_root + 'train.txt'``), on the line of that part;
    a root alone (``img_prefix=data_root``) only passes the folder on."""
    names = [n.id for n in ast.walk(value) if isinstance(n, ast.Name) and n.id in roots]
    datasets = {roots[name] for name in names}
    parts = [n for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    if len(datasets) != 1 or not parts or parts[-1].lineno > len(lines):
        return None
    part = max(parts, key=lambda n: (n.lineno, n.col_offset))
    assert isinstance(part.value, str)
    text = lines[part.lineno - 1]
    column = text.find(part.value) + 1
    return datasets.pop(), part.lineno, max(column, 1), Kind.PATH, part.value
