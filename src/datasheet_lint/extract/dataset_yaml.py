"""Ultralytics (YOLO) dataset configs: a YAML file that is itself one dataset's description.

Every YOLOv5/YOLOv8 repository and its many forks keep one file per dataset under
``data/`` (``coco.yaml``, ``VOC.yaml``, ``coco128.yaml``, ``VisDrone.yaml``) and select one by
its file name (``--data data/coco128.yaml``). The file has top-level ``train:`` and ``val:``
keys beside ``names:`` or ``nc:``, and its values name no dataset: ``path: ../datasets/VOC``,
``train: images/train2017``, ``val: [images/val2012, ...]``. Its ``download:`` key holds a
URL or an embedded Python script that downloads and converts the data.

The dataset is the one the file's stem names (``VOC.yaml``), else the one its ``path:`` folder
names, else the one a download URL names; a file of unknown data keeps each location's own
local id. Then:

- ``path:``, ``train:``, ``val:`` and ``test:`` values and their list items are ``path``
  references to it;
- ``download:`` as a URL is a ``url`` reference; as a script, its lines are read as the download
  code of that dataset (``script_references``): a download call, a URL or an archive name is
  ``url``; a path built from a literal that names a specific part of the release
  (``dir / 'train_images'``, ``Path('../datasets/Argoverse')``, ``for d in 'VisDrone2019-DET-
  train', ...``) is ``path``; a top-level converter (``def visdrone2yolo(dir):``) and its calls
  are ``load``. Generic folder names (``'images'``, ``'labels'``), messages and writes are not.

Code and configs select such a file by name (``--data data/coco128.yaml``, ``model.train(
data='coco8.yaml')``, ``DATA: './data/VOC.yaml'``): a string or config value that is the path
of a YAML file whose stem is a known dataset's whole name (less the task suffix Ultralytics
adds, ``coco8-seg.yaml``) is a ``config`` reference to it (``selections``), even where the
name is a short one that counts only as a dataset name (``VOC``, ``coco8``).

Darknet and its PyTorch ports keep the same description as ``cfg/<name>.data``: ``train =``,
``valid =``, ``test =`` and ``names =`` lines, each a ``path`` reference to the dataset the
file's stem names (``voc.data``), else to the file it points at (``darknet_references``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from datasheet_lint.extract.segments import LineIndex, line_start
from datasheet_lint.extract.writes import LINE_WRITE_CALLS
from datasheet_lint.knowledge.resolve import GENERIC_STEMS
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

Found = tuple[str, int, int, Kind, str]
Known = Callable[[str], str | None]
Resolve = Callable[..., str | None]

SUFFIXES = (".yaml", ".yml")
# The shape: top-level keys (column 0) of a YOLO dataset file.
TOP_KEY = lazy(r"^(?P<key>path|train|val|test|names|nc|download)[ \t]*:(?P<value>.*)$", re.M)
ITEM = lazy(r"^[ \t]+-[ \t]+(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$")
COMMENT = lazy(r"(?:^|[ \t])#.*$")
SPLIT_KEYS = frozenset({"path", "train", "val", "test"})
DARKNET_KEY = lazy(
    r"^(?P<key>train|valid|test|names|classes|backup)[ \t]*=[ \t]*(?P<value>.*)$", re.M
)
DARKNET_PATHS = frozenset({"train", "valid", "test", "names"})
# A YAML file's path as a string (Python) or a value (configs): quoted, or after a key.
SELECTED = lazy(
    r"""(?P<pre>['"]|[:=][ \t]*)(?P<path>(?:[\w.~-]+/)*(?P<stem>\w[\w.-]{0,80}?)\.ya?ml)"""
    r"""(?=['"]|[ \t]*(?:$|#|,|\)))""",
    re.M,
)
TASK_SUFFIX = lazy(r"-(?:seg|pose|obb|cls)$")
MAX_LINES = 5_000  # a dataset file is a page; a long YAML is data, left to the name pass

# Inside the download script.
LITERAL = lazy(r"""(?P<prefix>(?<!\w)[fFrRbB]{0,2})(?P<q>['"])(?P<value>[^'"\n]{1,300})(?P=q)""")
URL = lazy(r"\b(?:https?|ftp)://[^\s'\"]+")
DOWNLOAD_CALL = lazy(r"(?<![\w.])download\s*\(")
TOP_DEF = lazy(r"^def[ \t]+(?P<name>\w+)[ \t]*\(")
# Where a literal is part of a path: joined by '/', opened, wrapped in Path, or looped over as
# the release's folder names (for d in 'VisDrone2019-DET-train', ...).
PATH_USE = lazy(r"/\s*[fFrR]?['\"]|\b(?:Path|open|read_csv|loadtxt|glob|COCO)\s*\(|\.rename\s*\(")
FOR_LITERALS = lazy(r"^\s*for\b[^:]*?\bin\s*\(?\s*[fFrR]?['\"]")
CONTINUED_LITERALS = lazy(r"""^\s*(?:[fFrR]?(['"])[^'"\n]*\1\s*,?\s*)+(?:\\|:)?\s*$""")
ASSIGNED_PATH = lazy(r"""^\s*\w+\s*=\s*[fFrR]?(['"])[^'"\n]*/[^'"\n]*\1\s*(?:#.*)?$""")
# What the script writes, makes, removes or says: its own outputs and messages, not the data.
WRITES = lazy(
    rf"""\b(?:{LINE_WRITE_CALLS}|rmtree|print|tqdm)\s*\("""
    r"""|,\s*['"][wa][bt]?\+?['"]\s*\)"""
)
MESSAGE_ARG = lazy(r"\b(?:desc|help)\s*=\s*$")
ARCHIVE = lazy(r"\.(?:zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|gz|7z|rar)$", re.IGNORECASE)
PLACEHOLDER = lazy(r"\{[^{}]*\}")
SUFFIX_ONLY = lazy(r"^\.\w+$")
MODES = frozenset({"r", "rb", "w", "wb", "a", "ab", "rt", "wt", "r+", "utf-8"})
GENERIC_PARTS = GENERIC_STEMS | frozenset(
    {"labels", "label", "annotations", "annotation", "annots", "masks", "mask", "name", "names"}
    | {"path", "images_dir", "id", "ids", "json", "txt", "csv", "jpg", "png", "datasets"}
)


def is_dataset_yaml(text: str) -> bool:
    """Top-level ``train:`` and ``val:`` with ``names:`` or ``nc:``: a YOLO dataset file
    (a model file has ``nc:`` but no splits; a hyperparameter file has neither)."""
    keys = {match.group("key") for match in TOP_KEY.finditer(text)}
    return {"train", "val"} <= keys and bool(keys & {"names", "nc"})


def _value(raw: str) -> str:
    value = COMMENT.sub("", raw).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].strip()
    return value


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def references(path: str, text: str, known: Known, resolve: Resolve) -> Iterator[Found]:
    """(dataset, line, column, kind, surface) of what a YOLO dataset file points at."""
    if not path.lower().endswith(SUFFIXES) or not is_dataset_yaml(text):
        return
    lines = text.split("\n", MAX_LINES)[:MAX_LINES]
    tops = [(number, TOP_KEY.match(line)) for number, line in enumerate(lines, start=1)]
    entries = [(number, match) for number, match in tops if match is not None]
    folders = [
        value
        for _, match in entries
        if match.group("key") == "path" and (value := _value(match.group("value")))
    ]
    dataset = known(_stem(path))
    for folder in folders if dataset is None else ():
        found = resolve("local", folder)
        dataset = found if found is not None and not found.startswith("local:") else None
    for url in URL.finditer(text) if dataset is None else ():
        dataset = dataset or resolve("url", url.group(0), needs_known=True)
    if dataset is None and folders:  # unknown data: the folder it lies in, one id for all
        dataset = resolve("local", folders[0])
    yield from _split_references(lines, entries, dataset, resolve)
    for number, match in entries:
        if match.group("key") != "download":
            continue
        value = _value(match.group("value"))
        if URL.match(value) is not None and dataset is not None:
            column = lines[number - 1].find(value) + 1
            yield dataset, number, column, Kind.URL, value
        elif value in {"|", "|-", ">", ">-"} and dataset is not None:
            yield from script_references(lines, number, dataset)


def _split_references(
    lines: list[str],
    entries: list[tuple[int, re.Match[str]]],
    dataset: str | None,
    resolve: Resolve,
) -> Iterator[Found]:
    """``path:``, ``train:``, ``val:``, ``test:`` values and the list items under them."""
    for number, match in entries:
        if match.group("key") not in SPLIT_KEYS:
            continue
        value = _value(match.group("value"))
        values: list[tuple[int, str]] = []
        if value.startswith("[") and value.endswith("]"):
            values = [(number, _value(item)) for item in value[1:-1].split(",")]
        elif value:
            values = [(number, value)]
        else:  # a list below the key
            for below in range(number, len(lines)):
                item = ITEM.match(lines[below])
                if item is None:
                    if lines[below].strip() and not lines[below].lstrip().startswith("#"):
                        break
                    continue
                values.append((below + 1, _value(item.group("value"))))
        for line, item_value in values:
            if not item_value or "://" in item_value:
                continue
            found = dataset or resolve("local", item_value)
            if found is not None:
                column = lines[line - 1].find(item_value) + 1
                yield found, line, max(column, 1), Kind.PATH, item_value


def _block(lines: list[str], key_line: int) -> tuple[list[tuple[int, str]], int]:
    """The download script's lines (number, text) and its indentation."""
    block: list[tuple[int, str]] = []
    indent: int | None = None
    for number in range(key_line + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        if width == 0:
            break
        indent = width if indent is None else min(indent, width)
        block.append((number, line))
    return block, indent or 0


def _specific(value: str) -> bool:
    """A literal that names a part of the release (``'train_images'``, ``'VOC{year}/
    Annotations'``), not a generic folder (``'images'``), a suffix, a year or a mode."""
    if " " in value or "://" in value or value in MODES or SUFFIX_ONLY.match(value):
        return False
    plain = PLACEHOLDER.sub("", value)
    for part in re.split(r"[/\\]", plain):
        stem = part.split(".", 1)[0] if not part.startswith(".") else ""
        letters = sum(c.isalnum() for c in stem)
        if letters >= 3 and not stem.isdigit() and stem.lower() not in GENERIC_PARTS:
            return True
    return False


def _named_part(value: str) -> bool:
    """A looped-over literal that names a folder or file of the release: it has a digit, a
    separator or a suffix (``'arvalis_1'``, ``'annotations_train.csv'``; not ``'xmin'``)."""
    return _specific(value) and any(c.isdigit() or c in "_-./" for c in value)


def script_references(lines: list[str], key_line: int, dataset: str) -> Iterator[Found]:
    """The lines of a ``download: |`` script that fetch, read or convert the dataset."""
    block, indent = _block(lines, key_line)
    converters = {
        match.group("name")
        for _, line in block
        if (match := TOP_DEF.match(line[indent:])) is not None
    }
    names = "|".join(map(re.escape, sorted(converters)))
    calls = re.compile(rf"(?<![\w.])(?:{names})\s*\(") if converters else None
    previous = ""
    for number, line in block:
        code = line[indent:]
        stripped = code.strip()
        if stripped.startswith("#"):
            continue
        found = _script_line(code, stripped, previous, calls)
        previous = stripped
        if found is not None:
            kind, surface = found
            column = line.find(surface) + 1
            yield dataset, number, max(column, 1), kind, surface


def _script_line(
    code: str,
    stripped: str,
    previous: str,
    calls: re.Pattern[str] | None,
) -> tuple[Kind, str] | None:
    """The kind and surface of one script line's reference, if it has one."""
    top = TOP_DEF.match(code)
    if top is not None:
        return Kind.LOAD, top.group("name")
    call = calls.search(stripped) if calls is not None else None
    if call is not None and not stripped.startswith("def "):
        return Kind.LOAD, call.group(0).rstrip("( ")
    if WRITES.search(stripped) is not None:
        return None
    url = URL.search(stripped)
    if url is not None and (not url.group(0).endswith("/") or "{" in url.group(0)):
        return Kind.URL, url.group(0)
    download = DOWNLOAD_CALL.search(stripped)
    if download is not None:
        return Kind.URL, "download"
    literals = [
        match
        for match in LITERAL.finditer(stripped)
        if not MESSAGE_ARG.search(stripped[: match.start()])
        and not stripped[: match.start()].endswith("[")  # a key: a['images']
    ]
    for match in literals:
        value = match.group("value")
        if ARCHIVE.search(value) is not None and _specific(value):
            return Kind.URL, value
    path_use = PATH_USE.search(stripped) is not None or ASSIGNED_PATH.match(stripped) is not None
    looped = FOR_LITERALS.match(stripped) is not None or (
        previous.endswith(("\\", ",")) and CONTINUED_LITERALS.match(stripped) is not None
    )
    for match in literals:
        value = match.group("value")
        if (path_use and _specific(value)) or (looped and _named_part(value)):
            return Kind.PATH, value
    return None


def is_darknet_data(text: str) -> bool:
    """``train =`` or ``valid =`` beside ``names =``: a darknet ``.data`` file."""
    keys = {match.group("key") for match in DARKNET_KEY.finditer(text[:20_000])}
    return bool(keys & {"train", "valid"}) and "names" in keys


def darknet_references(path: str, text: str, known: Known, resolve: Resolve) -> Iterator[Found]:
    """The split lists and class names a darknet ``.data`` file points at."""
    if not path.lower().endswith(".data") or not is_darknet_data(text):
        return
    dataset = known(_stem(path.removesuffix(".data")))
    for number, line in enumerate(text.split("\n", MAX_LINES)[:MAX_LINES], start=1):
        match = DARKNET_KEY.match(line)
        if match is None or match.group("key") not in DARKNET_PATHS:
            continue
        value = _value(match.group("value"))
        found = dataset or (resolve("local", value) if value and "://" not in value else None)
        if found is not None and value:
            yield found, number, match.start("value") + 1, Kind.PATH, value


def selections(text: str, known: Known, *, python: bool) -> Iterator[Found]:
    """Strings (``python``) or config values that are the path of a dataset's YAML file."""
    index: LineIndex | None = None  # built for the first file that selects one
    for match in SELECTED.finditer(text):
        if python and match.group("pre") not in {"'", '"'}:
            continue
        start = line_start(text, match.start(), 1_000)
        if start is not None and text[start : match.start()].lstrip().startswith("#"):
            continue  # a comment's example command
        stem = match.group("stem")
        dataset = known(stem) or known(TASK_SUFFIX.sub("", stem))
        if dataset is None:
            continue
        index = index or LineIndex(text)
        line, column = index.position(match.start("path"))
        yield dataset, line, column, Kind.CONFIG, match.group("path")
