"""Data that a YAML, JSON or TOML config selects by its keys: Hub dataset ids and data locations.

Training recipes choose their data by key, and often name no dataset the knowledge knows:
``dataset_name: owner/name`` (TRL), a mixture ``datasets: [- id: owner/name]``
(alignment-handbook), ``- path: owner/name`` (axolotl), ``dataset_mixer: {owner/name: 0.5}``
(open-instruct); a detection or face recognition config points at its files
(``ann_file: data/coco/annotations/train.json``, ``data_dir: ../data/val/``,
``list_train: "./data/training.odgt"``). Each such value is a reference: a Hub id is
``hf:owner/name`` unless the catalogue owns it, a location is the dataset its path names, else
the one a sibling key of the same mapping names (``name: AgeDB-30``), else the local data itself.

The key decides, and the key above it: ``model_name_or_path: meta-llama/Llama-2-7b`` and
``hub_model_id`` are models, ``output_dir``, ``log_dir`` and ``pretrained: weights/x.pth`` are
where a run writes or what it starts from. A value alone decides nothing (``data/train`` is
shaped like a Hub id). The file is read line by line through its indentation, as the name
pass reads it, so a broken file yields what can be read and never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from datasheet_lint.extract.context import key_words
from datasheet_lint.extract.data_paths import NOT_DATA, OUTPUT_WORDS, ROOT
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

SUFFIXES = (".yaml", ".yml", ".json", ".jsonc", ".toml")
# key: value, "key": value, - key: value, key = value (TOML); the key may be a Hub id itself
# (a mixture's mapping of ids to weights).
ENTRY = lazy(
    r"""^(?P<indent>[ \t]*)(?P<item>-[ \t]+)?(?P<q>['"]?)(?P<key>[\w.\-/]{1,120})(?P=q)"""
    r"""[ \t]*[:=](?![:=/])[ \t]*(?P<value>.*)$"""
)
ITEM = lazy(r"""^(?P<indent>[ \t]*)-[ \t]+(?P<value>[^:#\n]*?)[ \t]*$""")
TABLE = lazy(r"^[ \t]*\[\[?[ \t]*(?P<name>[\w.\-\"']{1,120})[ \t]*\]\]?[ \t]*$")
HUB_ID = lazy(r"^[A-Za-z0-9][\w.\-]{0,95}/[\w.\-]{0,95}[A-Za-z0-9]$")
FILE_SUFFIX = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,7}$")
COMMENT = lazy(r"[ \t]+#.*$")

# A key that holds datasets (dataset_name, datasets, train_dataset, dataset_mixer) and the
# keys of one entry in a list of them (``- id:``, ``- path:``, ``- name:``).
DATASET_KEY_WORDS = frozenset({"dataset", "datasets", "mixer", "mixture"})
ENTRY_KEYS = frozenset({"id", "path", "name", "repo", "repo_id", "hf_path", "dataset_id"})
# Keys that hold models, tokenizers and where a run writes: never a dataset, whatever the value.
NOT_DATASET_WORDS = frozenset(
    {"model", "models", "tokenizer", "hub", "adapter", "peft", "base", "revision", "template"}
    | {"output", "outputs", "save", "push", "checkpoint", "ckpt", "pretrained", "weights"}
)
# A key that says where data lies: its words name a location, and data, a split or an
# annotation list (data_dir, ann_file, list_train, lst_path, training_files, pair_ann_file),
# or a location alone (root, path) inside a mapping whose key says data or dataset.
LOCATION_WORDS = frozenset(
    {"path", "paths", "dir", "dirs", "directory", "root", "file", "files", "folder"}
    | {"prefix", "list", "lst"}
)
DATA_KEY_WORDS = frozenset(
    {"data", "dataset", "datasets", "ann", "anno", "annotation", "annotations", "meta"}
    | {"train", "training", "val", "valid", "validation", "test", "testing", "eval"}
    | {"img", "imgs", "image", "images", "label", "labels", "pair", "pairs", "rec", "lst"}
    | {"list", "split", "splits", "corpus", "audio", "wav", "query", "gallery"}
)
PARENT_DATA_WORDS = frozenset({"data", "dataset", "datasets", "train", "val", "test", "eval"})
NOT_LOCATION_WORDS = OUTPUT_WORDS | frozenset(
    {"tensorboard", "snapshot", "env", "html", "artifact", "artifacts", "version", "vocab"}
    | {"tokenizer", "logging", "summary", "proj", "project", "work", "pretrain", "backbone"}
    | {"config", "configs", "cfg", "schema", "script", "scripts", "template", "merges", "spm"}
)
# The sibling keys that say which dataset a mapping describes.
NAME_KEYS = frozenset({"name", "dataset", "dataset_name", "type"})
MAX_LINES = 20_000  # configs are short; a long file is data, read by the name pass alone

Resolve = Callable[..., str | None]
Known = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``key: value`` (or list item) of a config file, with the keys above it."""

    line: int
    column: int  # where the key (or the item) starts: its mapping's column
    key: str | None  # None for a list item
    value: str  # unquoted, comment and trailing comma removed
    parents: tuple[str, ...]  # nearest first
    mapping: int  # the line that opened the entry's mapping: its siblings share it
    text: str  # the whole line


def _unquoted(value: str) -> str:
    value = COMMENT.sub("", value).strip().rstrip(",").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    return value


def _items(value: str) -> list[str]:
    """The items of an inline list (``[a, b]``), else the value itself."""
    if value.startswith("[") and value.endswith("]"):
        return [_unquoted(item) for item in value[1:-1].split(",") if item.strip()]
    return [value]


def entries(text: str) -> Iterator[Entry]:
    """Each key's value and each list item that may matter, with the keys of the mappings
    above it. Only the lines that may hold a path or an id, open a mapping or name it are
    parsed (``_worth_reading``)."""
    stack: list[tuple[int, str]] = []  # (column, key) of the open mappings
    opened: dict[int, int] = {}  # column -> the line that opened the mapping at that column
    table: str | None = None
    for number, line in enumerate(text.split("\n", MAX_LINES)[:MAX_LINES], start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//")) or not _worth_reading(line, stripped):
            continue
        header = TABLE.match(line)
        if header is not None:
            table, stack, opened = header.group("name").strip("\"'"), [], {}
            continue
        match = ENTRY.match(line)
        if match is not None:
            column = len(match.group("indent")) + len(match.group("item") or "")
            key, value = match.group("key"), _unquoted(match.group("value"))
        else:
            item = ITEM.match(line)
            if item is None:
                continue
            column = len(item.group("indent"))
            key, value = None, _unquoted(item.group("value"))
        while stack and stack[-1][0] >= column:
            stack.pop()
        if match is not None and match.group("item"):
            # ``- id: x``: the item's mapping opens at the key's column, under the list's key.
            # A list may stand at its key's own column (``datasets:`` then ``- id: x``).
            while stack and stack[-1][0] > len(match.group("indent")):
                stack.pop()
        for deeper in [c for c in opened if c > column or (c == column and key is None)]:
            del opened[deeper]  # those mappings are closed
        if match is not None and match.group("item"):
            opened[column] = number  # ``- key: value`` opens a mapping of its own
        mapping = opened.setdefault(column, number)
        if key is not None and value in {"", "{", "["}:
            stack.append((column, key))  # a mapping or a list opens: nothing to read in it
            continue
        if _may_select(key, value):
            parents = tuple(k for _, k in reversed(stack)) + ((table,) if table else ())
            yield Entry(number, column, key, value, parents, mapping, line)


def _may_select(key: str | None, value: str) -> bool:
    """What an entry needs to be read: a value that may be a path or an id, an id as its key,
    or a key that names its mapping."""
    return (
        "/" in value
        or FILE_SUFFIX.search(value) is not None
        or (key is not None and ("/" in key or key.lower() in NAME_KEYS))
    )


def _worth_reading(line: str, stripped: str) -> bool:
    """A line that may hold a path or an id (a '/' or a file suffix at its end), open a
    mapping, a list item or a TOML table (a key with no value, ``{``, ``[``, ``- ``) or name
    its mapping (name:, type:, dataset:). String tests, no regex: most lines of a long results
    file are none of these, and a line skipped can only close a mapping that the next line
    read closes too."""
    if "/" in line or stripped[-1] in ":{[=" or stripped[0] == "[" or stripped[:2] == "- ":
        return True
    tail = stripped.rstrip("\"', ")
    dot = tail.rfind(".")
    if dot > 0 and tail[dot + 1 : dot + 2].isalpha():
        return True
    return stripped.lstrip("-'\" ")[:7].lower().startswith(("name", "type", "dataset"))


@lru_cache(maxsize=1024)
def _words(key: str) -> frozenset[str]:
    """The words of a key (configs repeat their keys: each is split once)."""
    return frozenset(key_words(key.replace("-", "_")))


def hub_id(value: str) -> bool:
    """``owner/name`` and nothing that reads as a local path (``data/train``, ``./x``,
    ``corpus/train.jsonl``)."""
    if HUB_ID.match(value) is None:
        return False
    owner, name = value.split("/")
    return not ROOT.match(owner) and FILE_SUFFIX.search(name) is None and owner not in {".", ".."}


def _selects_dataset(entry: Entry) -> bool:
    """The entry's key (or, for a list item or an entry of a list of datasets, the key above
    it) holds datasets, and no key on the way says model, tokenizer or output."""
    own = _words(entry.key) if entry.key is not None else frozenset()
    if own & NOT_DATASET_WORDS or any(_words(p) & NOT_DATASET_WORDS for p in entry.parents):
        return False
    if own & DATASET_KEY_WORDS:
        return True
    if entry.key is not None and entry.key.lower() not in ENTRY_KEYS:
        return False
    if not entry.parents:
        return False
    parent = _words(entry.parents[0])
    return bool(parent & DATASET_KEY_WORDS) and not parent & NOT_DATASET_WORDS


def _mixture_key(entry: Entry) -> bool:
    """``dataset_mixer: {HuggingFaceH4/ultrachat_200k: 1.0}``: the key is the id."""
    if entry.key is None or not entry.parents or not hub_id(entry.key):
        return False
    parent = _words(entry.parents[0])
    return bool(parent & DATASET_KEY_WORDS) and not parent & NOT_DATASET_WORDS


def _data_location_key(entry: Entry) -> bool:
    if entry.key is None:
        return False
    own = _words(entry.key)
    if not own & LOCATION_WORDS or own & NOT_LOCATION_WORDS:
        return False
    if own - LOCATION_WORDS & DATA_KEY_WORDS:
        return True  # data_dir, ann_file, list_train: the key says data by itself
    parents = [_words(parent) for parent in entry.parents[:2]]
    return (
        bool(parents)
        and bool(parents[0] & PARENT_DATA_WORDS)
        and not any(words & NOT_LOCATION_WORDS for words in parents)
    )


def _data_location(value: str) -> bool:
    """A path to data: a folder below something, or a file; not a root alone (``./data/``),
    a URL, a pattern, a variable, a model or where a run writes."""
    if not value or len(value) > 300 or any(c in value for c in " \t{}$%*?<>|\"'`[]()"):
        return False
    if "://" in value or NOT_DATA.search(value.rstrip("/")) is not None:
        return False
    if "/" not in value and "\\" not in value:
        return FILE_SUFFIX.search(value) is not None  # ann_file: ijbb_pairs.txt
    named = [s for s in re.split(r"[/\\]", value) if s not in {"", ".", "..", "~"}]
    return bool(named) and not all(ROOT.match(s) for s in named)


def _sibling_names(found: list[Entry], known: Known) -> dict[int, str]:
    """For each entry's line, the dataset that a name key of its own mapping names, if it is
    one known dataset (``name: AgeDB-30`` beside ``data_dir: ../data/val/``)."""
    groups: dict[int, list[Entry]] = {}
    for entry in found:
        groups.setdefault(entry.mapping, []).append(entry)
    named: dict[int, str] = {}
    for members in groups.values():
        datasets = {
            dataset
            for member in members
            if member.key is not None and member.key.lower() in NAME_KEYS
            if (dataset := known(member.value)) is not None
        }
        if len(datasets) == 1:
            dataset = datasets.pop()
            named.update((member.line, dataset) for member in members)
    return named


# What a run wrote (eval_results_2022.json, outputs/metrics.json, logs/): records, not configs.
RUN_OUTPUT_WORDS = frozenset(
    {"result", "results", "log", "logs", "output", "outputs", "metrics", "predictions", "runs"}
)


def _run_output(path: str) -> bool:
    return any(_words(part) & RUN_OUTPUT_WORDS for part in path.split("/"))


def references(
    path: str, text: str, resolve: Resolve, known: Known, taken: set[int]
) -> Iterator[tuple[str, int, int, Kind, str]]:
    """(dataset, line, column, kind, surface) of each dataset a config selects by key.

    ``known``: the known dataset a whole value names, if any; ``taken``: lines that already
    hold a reference, where a location of no known dataset adds nothing but a second id."""
    if not path.lower().endswith(SUFFIXES) or _run_output(path):
        return
    found = list(entries(text))
    siblings: dict[int, str] | None = None
    for entry in found:
        values: list[tuple[str, Kind]] = []
        if entry.key is not None and "/" in entry.key and _mixture_key(entry):
            values = [(entry.key, Kind.CONFIG)]
        elif "/" in entry.value or FILE_SUFFIX.search(entry.value) is not None:
            selects, location = _selects_dataset(entry), _data_location_key(entry)
            for value in _items(entry.value) if selects or location else ():
                if selects and hub_id(value):
                    values.append((value, Kind.CONFIG))
                elif location and _data_location(value):
                    values.append((value, Kind.PATH))
        for value, kind in values:
            column = entry.text.find(value) + 1
            if kind is Kind.CONFIG:
                dataset = resolve("hf", value)
            else:
                dataset = resolve("local", value)
                if dataset is not None and dataset.startswith("local:"):
                    if siblings is None:
                        siblings = _sibling_names(found, known)
                    dataset = siblings.get(entry.line, dataset)
                    if dataset.startswith("local:") and entry.line in taken:
                        continue
            if dataset is not None:
                yield dataset, entry.line, max(column, 1), kind, value


# A key that opens a mapping and nothing else on its line (``CPLFW:``, ``RFW_African:``).
MAPPING_KEY = lazy(r"""^(?P<indent>[ \t]*)(?P<q>['"]?)[\w.\-]{1,120}(?P=q)[ \t]*:[ \t]*(?:#.*)?$""")
MAPPING_LINES = 30  # the lines below such a key that are read for its data


def names_data_mapping(text: str, start: int, end: int, below: list[str]) -> bool:
    """A dataset's name that opens a mapping of that dataset's data: the key starts with the
    name (``CPLFW:``, or one of its parts, ``RFW_African:``) and a key of the mapping below
    points at a location of data (``pairs_file_path: /data/cplfw/pairs.txt``,
    ``root: ../data/rfw``). Test-protocol and data configs of face recognition, re-ID and
    detection code keep one such block per benchmark. A key that only names something (a
    model's settings, ``LFW: {batch_size: 64}``, ``COCO: true``) does not count.

    ``text`` is the key's line, ``start`` and ``end`` the name's span in it, ``below`` the
    lines after it."""
    found = MAPPING_KEY.match(text)
    if found is None:
        return False
    key_start = len(found.group("indent")) + len(found.group("q"))
    if start != key_start or text[end : end + 1] not in {"_", "-", found.group("q") or ":"}:
        return False
    indent = len(found.group("indent").expandtabs())
    for line in below[:MAPPING_LINES]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            return False  # the mapping closed
        entry = ENTRY.match(line)
        if entry is None:
            continue
        own = _words(entry.group("key"))
        value = _unquoted(entry.group("value"))
        if own & LOCATION_WORDS and not own & NOT_LOCATION_WORDS and _data_location(value):
            return True
    return False
