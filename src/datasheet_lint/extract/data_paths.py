"""Data locations written as literals in Python: where the code keeps its data, named or not.

Real code points at its data before it reads it: ``treebank_path = './.data/eng_web_tbk/...
.conll'``, ``data_dir = '../data/test_images'``, ``parser.add_argument('--data',
default='data/penn/')``, ``dir_img = Path('./data/imgs/')``. Such a line is a ``path``
reference: to the dataset whose name the path holds, else to the local data itself
(``local:data/penn``), which then needs a datasheet like any other.

A literal counts when it looks like data (a data folder on its path, or a data file's suffix)
and is either bound to a name whose words say where data lives (``path``, ``dir``, ``root``,
``file``, ``folder``) or given as an option's ``default=``. Where a run writes (``save_dir``,
``log_path``, ``results/``) and model files (``.pth``, ``weights/``) are not data. An option
whose own name says a location of data or of a split (``--data_dir``, ``--test_dir``,
``--train_file_list``) holds data in any path it defaults to, ``/home/me/Market/pytorch``
with no data folder on it (``option_defaults``).
This reads lines, not the syntax tree: it costs one regex pass over the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datasheet_lint.extract.context import key_words
from datasheet_lint.extract.segments import line_start
from datasheet_lint.lazyregex import lazy

# = 'literal', = Path('literal'), = os.path.join('literal', ...): then the name before it.
# "=" comes first so that the regex engine can skip to each "=" (a leading look-behind makes
# it try every position, which is several times slower).
VALUE = re.compile(
    r"""=(?<![=!<>]=)[ \t]*(?:[\w.]{0,40}(?:Path|join)\([ \t]*)?[rRbBuUf]?"""
    r"""(?P<q>['"])(?P<path>[^'"\n]{1,300})(?P=q)"""
)
NAME = lazy(r"[ \t]*(?P<name>[A-Za-z_][\w.]{0,80})[ \t]*(?::[^=\n]{1,60})?")
DEFAULT = re.compile(r"""default[ \t]*=[ \t]*[rRbBuU]?(?P<q>['"])(?P<path>[^'"\n]{1,300})(?P=q)""")
OPTION = lazy(r"""['"]--?([\w-]+)['"]""")
LOCATION_WORDS = frozenset(
    {"path", "paths", "dir", "dirs", "directory", "root", "file", "files", "folder", "dataset"}
    | {"data", "source", "src", "prefix", "location"}
)
OUTPUT_WORDS = frozenset(
    {"save", "saved", "log", "logs", "logdir", "output", "outputs", "out", "result", "results"}
    | {"checkpoint", "checkpoints", "ckpt", "model", "models", "weights", "weight", "cache"}
    | {"exp", "experiment", "tmp", "temp", "export", "pretrained", "resume", "vocab"}
)
# A folder of data: data/, datasets/, corpus/, or one named so (Cat_Dog_data, MNIST_data,
# data_slim; a run's output_data or model_data is not, see looks_like_data).
DATA_SEGMENT = lazy(
    r"(?:^|/)(?:\.?data|datasets?|corpus|corpora|raw|[\w-]+_data|data_[\w-]+)(?:/|$)",
    re.IGNORECASE,
)
DATA_SUFFIX = lazy(
    r"\.(?:csv|tsv|jsonl?|npy|npz|hdf5|mat|pkl|pickle|parquet|arrow|conll|tfrecords?|zip|tgz|"
    r"tar(?:\.gz)?|gz|lmdb|idx|rec)$",
    re.IGNORECASE,
)
ROOT = lazy(r"^(?:\.?data|datasets?|orig_data|raw_data|corpus|corpora|raw)$", re.IGNORECASE)
NOT_DATA = lazy(
    r"\.(?:pth|pt|ckpt|onnx|safetensors|py|sh|yaml|yml|md|png|jpe?g|log)$|(?:^|/)(?:weights|"
    r"checkpoints?|results?|logs?|outputs?|runs|models?)(?:/|$)",
    re.IGNORECASE,
)


def looks_like_data(path: str) -> bool:
    """A data folder on the path, or a data file's suffix, and no sign of outputs or models."""
    path = path.strip().replace("\\", "/").rstrip("/")
    if not path or "{" in path or "%" in path or "://" in path or NOT_DATA.search(path):
        return False
    named = [s for s in path.split("/") if s not in {"", ".", "..", "~"} and not ROOT.match(s)]
    if not named:
        return False  # 'data' or '../data/': a root for many datasets, not one
    if any(key_words(segment) & OUTPUT_WORDS for segment in named if "data" in segment.lower()):
        return False  # output_data/, model_data/: where a run writes or keeps its models
    if path.endswith(".txt"):
        return DATA_SEGMENT.search(path) is not None
    return DATA_SEGMENT.search(path) is not None or DATA_SUFFIX.search(path) is not None


SPLITS = frozenset({"train", "test", "val", "valid", "validation", "training", "testing"})


def without_split(path: str) -> str:
    """A split's folder is its dataset's: ``Cat_Dog_data/train`` and ``Cat_Dog_data`` are one
    dataset (a file in it, ``data/train.csv``, is kept whole)."""
    head, _, last = path.rstrip("/").rpartition("/")
    if last.lower() not in SPLITS or not head.strip("./") or ROOT.match(head.rsplit("/", 1)[-1]):
        return path
    return head


def literals(text: str) -> Iterator[tuple[str, int]]:
    """(path, offset of its first character) of each data location."""
    for match in VALUE.finditer(text):
        start = line_start(text, match.start(), 400)  # name = value: a short head
        assigned = None if start is None else NAME.fullmatch(text, start, match.start())
        if assigned is None:
            continue  # a keyword argument or a comparison, not name = value
        words = key_words(assigned.group("name"))
        located = words & LOCATION_WORDS and not words & OUTPUT_WORDS
        if located and looks_like_data(match.group("path")):
            yield without_split(match.group("path")), match.start("path")
    for match in DEFAULT.finditer(text):
        if text[match.start() - 1 : match.start()].isidentifier():
            continue  # my_default = '...'
        option = OPTION.findall(text[max(0, match.start() - 300) : match.start()])
        if option and key_words(option[-1]) & OUTPUT_WORDS:
            continue  # parser.add_argument('--save_dir', default='data/out')
        if looks_like_data(match.group("path")):
            yield without_split(match.group("path")), match.start("path")


# Words of an option that hold a split or the data (with a location word: --data_dir,
# --test_root, --train_file_list, --ann_file); an image or a video to run a model on is not.
OPTION_DATA_WORDS = frozenset(
    {"data", "dataset", "train", "training", "test", "testing", "val", "valid", "validation"}
    | {"ann", "annotation", "annotations", "list", "lst", "rec", "query", "gallery"}
)
OPTION_LOCATION_WORDS = frozenset(
    {"path", "paths", "dir", "dirs", "directory", "root", "file", "files", "folder", "list"}
    | {"lst", "prefix"}
)


def option_defaults(text: str) -> Iterator[tuple[str, int]]:
    """(path, offset) of each path an option that names a data location defaults to, where
    the path itself does not look like data (``literals`` has the ones that do)."""
    for match in DEFAULT.finditer(text):
        if text[match.start() - 1 : match.start()].isidentifier():
            continue
        option = OPTION.findall(text[max(0, match.start() - 300) : match.start()])
        if not option:
            continue
        words = key_words(option[-1])
        if words & OUTPUT_WORDS or not words & OPTION_LOCATION_WORDS:
            continue
        if not (words - OPTION_LOCATION_WORDS) & OPTION_DATA_WORDS and not words & {"list", "lst"}:
            continue
        path = match.group("path")
        if looks_like_data(path) or not _a_path(path):
            continue
        yield without_split(path), match.start("path")


def _a_path(value: str) -> bool:
    """A folder below something or a file in one: not a root alone (``./``, ``data/``), a URL,
    a template, a model or where a run writes."""
    if "/" not in value or "://" in value or any(c in value for c in " {}%*$"):
        return False
    if NOT_DATA.search(value.rstrip("/")) is not None:
        return False
    return any(s not in {"", ".", "..", "~"} and not ROOT.match(s) for s in value.split("/"))
