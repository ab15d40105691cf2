"""One block of an attribute config per dataset: every line of the block is that dataset's.

Face and re-ID code keeps its training sets in an easydict (or yacs) config, one block each::

    dataset.retina = edict()
    dataset.retina.dataset = 'retina'
    dataset.retina.dataset_path = '../datasets/ms1m-retinaface-t1'
    dataset.retina.num_classes = 93431

The block's key is the repository's own nickname (``retina``), and only one line names the
data (its path); each line configures that dataset (rubric: a config value selecting it). A
block counts when it is created empty under a namespace of datasets (``dataset.X = edict()``),
so a split's settings in other configs (``cfg.data.train.pipeline = ...``) never do, and when
its lines locate exactly one dataset (a path, URL or loader; its evaluation sets, listed as
settings, do not decide).
"""

from __future__ import annotations

import re

from datasheet_lint.extract.context import key_words
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# A dotted name at the start of a statement: dataset.retina.num_classes, cfg.DATASETS.webface
CHAIN = lazy(r"[ \t]*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")
# ... created empty: a block of settings to come.
_EMPTY = (
    r"=\s*(?:(?:edict|EasyDict|AttrDict|ConfigDict|CN|CfgNode|dict|OrderedDict)\(\s*\)|\{\s*\})"
    r"\s*(?:#.*)?$"
)
CREATED = lazy(r"\s*" + _EMPTY)
# The same assignment anywhere in a module: without one no block is created, and the module's
# lines need not be read one by one. It opens with "=", which the regex engine skips to.
ANY_CREATED = lazy(_EMPTY, re.MULTILINE)
NAMESPACE_WORDS = frozenset({"dataset", "datasets", "data"})
# What names a block's dataset: where its data is (dataset_path = '../datasets/faces_emore'),
# not a value among its settings (val_targets = ['lfw', 'cfp_fp'] lists evaluation sets).
LOCATION_KINDS = frozenset({Kind.PATH, Kind.URL, Kind.LOAD})


def references(
    text: str, found: list[tuple[str, int, int, Kind, str]]
) -> list[tuple[str, int, int, Kind, str]]:
    """(dataset, line, column, config, key) for each line of a dataset block that the lines
    of the block name one dataset in; ``found`` holds the module's references so far."""
    if ANY_CREATED.search(text) is None:
        return []
    blocks: dict[tuple[str, str], list[tuple[int, int]]] = {}
    created: set[tuple[str, str]] = set()
    for number, line in enumerate(text.split("\n"), 1):
        chain = CHAIN.match(line)
        entry = _entry(chain.group(1)) if chain is not None else None
        if chain is None or entry is None:
            continue
        block, offset, whole = entry
        blocks.setdefault(block, []).append((number, chain.start(1) + offset + 1))
        if whole and CREATED.match(line, chain.end()):
            created.add(block)
    if not created:
        return []
    named: dict[int, set[str]] = {}
    for dataset, line_no, _, kind, _ in found:
        if kind in LOCATION_KINDS and not dataset.startswith("local:"):
            named.setdefault(line_no, set()).add(dataset)
    extra = []
    for block in created:
        lines = blocks[block]
        datasets = set().union(*(named.get(number, set()) for number, _ in lines))
        if len(datasets) != 1:
            continue
        (dataset,) = datasets
        for number, column in lines:
            if dataset not in named.get(number, set()):
                extra.append((dataset, number, column, Kind.CONFIG, block[1]))
    return extra


def _entry(chain: str) -> tuple[tuple[str, str], int, bool] | None:
    """((namespace, key), the key's offset, whether the chain ends at the key) of a dotted
    name's first entry under a namespace named for datasets and nothing else (dataset,
    DATASETS, data): ``dataset.retina.num_classes`` -> (("dataset", "retina"), 8, False)."""
    parts = chain.split(".")
    offset = 0
    for index, part in enumerate(parts[:-1]):
        offset += len(part) + 1
        words = key_words(part)
        if words and words <= NAMESPACE_WORDS:
            key = parts[index + 1]
            return (".".join(parts[: index + 1]), key), offset, index + 2 == len(parts)
    return None
