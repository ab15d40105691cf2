"""Data flow inside one Python module: names bound to a dataset's data carry it to their uses.

Real code names its data once and then works through names::

    HOUSING_PATH = os.path.join("datasets", "housing")
    def load_housing_data(housing_path=HOUSING_PATH):
        csv_path = os.path.join(housing_path, "housing.csv")
        return pd.read_csv(csv_path)
    housing = load_housing_data()

Only the line that spells the data is found by the other passes. This one starts from those
references (the *seeds*: loader calls, data paths, URLs, names judged certain; never a mention
or a model) and follows the syntax tree in source order:

- a name bound to a value that holds a seed, or that is built from a name carrying a dataset
  (a join, ``/``, ``+``, an f-string, ``Path(...)``, ``open(...)``), carries that dataset;
- a data operation given such a name (a download, a read, an archive or folder listing, a path
  join) is a reference on its own line, of the operation's kind; ``print`` and logging are not;
- a function or class whose body downloads or reads one dataset (or two ids of one, such as
  its URL and its folder) carries it: its ``def`` line and each call of it are ``load``
  references, and the name a call is bound to carries the dataset on;
- argparse options whose default carries a dataset make ``args.<dest>`` carry it (so do
  the fields of a class of settings, and another module's options where a module has no
  parser of its own), and an attribute (``self.dataset_url``, ``conf.vgg_folder``) carries
  what it was bound to;
- the module's own data loader or generator given a carried name, a dataset's module or
  class looked up by a carried name (``import_module``, ``getattr``), a dataset's class
  bound to a name and called, and a Hugging Face dataset written to a file and read back
  (``to_json`` then ``load_dataset("json", data_files=...)``) are loads of it.

Two steps look backwards: a name whose folded value is exactly what a seed read
(``pd.read_csv(csv_path)`` resolved through ``csv_path``'s value) carries the seed's dataset,
as do the names its value was built from; and a literal constant joined into a download's or a
read's argument (``DOWNLOAD_ROOT + name``) carries what the argument carries. Each pass can
feed the next (a function found to load a dataset makes its callers load it), so the module is
walked until nothing changes, a few times at most.

Generic names (``path``, ``root``, ``data``, ``f``) carry a dataset only in the scope that bound
them; any re-binding ends what a name carries. Nothing here runs or imports the scanned code.
"""

from __future__ import annotations

import ast
import functools
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeGuard

from datasheet_lint.extract.data_paths import LOCATION_WORDS as PLACE_WORDS
from datasheet_lint.extract.data_paths import OUTPUT_WORDS as RUN_WORDS
from datasheet_lint.extract.data_paths import looks_like_data
from datasheet_lint.extract.identifiers import MEASURE_WORDS
from datasheet_lint.extract.python_ast import (
    _LEAVES,
    DATA_FILE,
    PATH_JOINS,
    URL,
    dotted_name,
    fold_prefix,
    fold_text,
    not_data_file,
)
from datasheet_lint.extract.writes import writes_to
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

Found = tuple[str, int, int, Kind, str]  # dataset, line, column, kind, surface (segment lines)
Carried = frozenset[str]
NOTHING: Carried = frozenset()

PASSES = 4  # real modules settle in two or three: each pass only adds facts
# What one pass may work out (values it asks what they carry): the most any module of the
# realrepos set needs is ~5,000; one hostile line of 900 joins (root / 'a' / 'a' ...) needed
# over a million, and a file holds a hundred such lines.
MAX_STEPS = 100_000
SEED_KINDS = frozenset({Kind.LOAD, Kind.URL, Kind.PATH, Kind.CONFIG})
# A name this generic says nothing of its own; it carries a dataset only where it was bound.
GENERIC = frozenset(
    {"path", "paths", "root", "data", "url", "filename", "fname", "file", "f", "fp", "fh"}
    | {"dir", "folder", "name", "p", "x", "d", "src", "dst", "dest", "tmp", "out", "fn"}
)
# The namespaces argparse results are conventionally bound to (``args.data``).
NAMESPACES = frozenset({"args", "opt", "opts", "FLAGS", "flags", "hparams", "cfg", "config"})
SETTINGS_WORDS = frozenset({"config", "configs", "package", "settings", "setup", "hparams"})
# Where a run writes or keeps models; a --load option names a snapshot to resume from.
OUTPUT_WORDS = RUN_WORDS | frozenset({"snapshot", "snapshots", "load", "save"})
# Words that say where data is but not which: an attribute of only these (data_path,
# train_root) names no dataset of its own, and is not followed into other modules.
LOCATION_WORDS = PLACE_WORDS | frozenset({"train", "test", "val", "valid", "imgs", "images"})
# A module that declares options or parses its own command line.
PARSES = lazy(r"\b(?:add_argument|ArgumentParser|HfArgumentParser|DEFINE_\w+)\s*\(")
# Every match of PARSES holds one of these. PARSES opens with a word boundary, so the regex
# engine tries it at every position of the module; ``in`` rules most modules out first.
PARSER_WORDS = ("add_argument", "ArgumentParser", "DEFINE_")
WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
MAX_DATASETS = 2  # a function touching more is a driver (main, train), not a loader
# A loop over evaluation sets hands a loader each in turn (for db in ["lfw", "cfp_fp", ...]).
MAX_NAMED_READS = 8
MAX_LOADER_LINES = 60
# A dataset class holds its whole reader (download, split files, __getitem__): its name or
# base already says it is data, so a longer body still loads what it touches.
MAX_CLASS_LINES = 400
# A function carries its data only when its name says it provides data (load_email,
# fetch_housing_data, get_training_set, imdb_dataset, class WiderFaceDetection(Dataset)):
# process(), get_batch() or accuracy() read data too, but a call of them is no reference.
LOADER_VERBS = frozenset({"load", "fetch", "download", "read", "maybe"})
# A name of only these says how it fetches, not what (download, maybe_download, download_url):
# a helper whose def line labellers of five repositories never labelled; its calls, which
# hand it the dataset's files, still carry the dataset.
TRANSPORT_WORDS = frozenset({"maybe", "download", "fetch", "url", "file", "and", "extract"})
FEEDING_VERBS = frozenset({"load", "fetch", "download"})
READ_VERBS = frozenset({"load", "read"})  # helper.load_data(path), utils.read_dataset(path)
GETTERS = frozenset({"get", "make", "build", "prepare", "create", "init"})
BATCHERS = frozenset({"loader", "loaders", "dataloader", "dataloaders"})
DATA_NOUNS = frozenset({"data", "dataset", "datasets", "set", "corpus", "files", "images"})
# Words of a name that measure, score, model or convert the data it touches (lfw_accuracy,
# evaluate_lfw, MNISTClassifier, GloveVectorizer, roidb_to_coco): named for a dataset, it is
# still no loader of it.
NOT_LOADERS = MEASURE_WORDS | frozenset(
    {"test", "to", "convert", "converter", "conversion", "vectorizer", "tokenizer"}
)
# A local file's words that name no data of their own (train.csv, data/images): a function
# named so (def train():) is named for what it does, not for that file.
UNNAMED = (
    LOCATION_WORDS | DATA_NOUNS | GENERIC | frozenset({"input", "inputs", "raw", "all", "labels"})
)
# The last word of a name of what streams data in batches (DistributedDataLoader,
# distributed_data_generator).
STREAM_WORDS = frozenset({"loader", "generator", "iterator", "reader", "stream"})
# Calls whose result carries what their arguments carry (the same files, reordered or cast).
PASSING = frozenset({"sorted", "list", "tuple", "set", "iter", "reversed", "str", "enumerate"})
PATH_BUILDERS = PATH_JOINS | frozenset(
    {"join", "os.path.dirname", "os.path.abspath", "os.path.expanduser", "os.path.realpath"}
    | {"os.path.normpath", "Path", "pathlib.Path", "PurePath", "PosixPath", "os.fspath"}
)
PATH_BUILDER_METHODS = frozenset({"joinpath", "format", "replace", "with_suffix", "with_name"})
# Methods of a Hugging Face dataset that return the same data reshaped, filtered or split
# (dataset.shuffle().select(range(n)), dataset.train_test_split(test_size=0.2)).
DATASET_METHODS = frozenset(
    {"map", "filter", "shuffle", "select", "train_test_split", "remove_columns", "sort"}
    | {"rename_column", "rename_columns", "select_columns", "cast", "flatten", "with_format"}
)
# A dataset's data written to a file of its own, read back further down (dataset["train"].
# to_json("train_dataset.json"), tokenized["test"].save_to_disk("data/eval")).
SAVE_METHODS = frozenset({"to_json", "to_parquet", "save_to_disk"})
SAVE_KEYS = frozenset({"path_or_buf", "dataset_path", "path"})
# A name's text in another case or trimmed is the same name (args.data_train.lower()).
SPELLING_METHODS = frozenset({"lower", "upper", "strip", "casefold"})
# Imports of a module by a name given at run time.
IMPORTERS = frozenset({"import_module", "importlib.import_module", "__import__"})
DOWNLOAD_LEAVES = frozenset(
    {"urlretrieve", "urlopen", "get_file", "download_url", "download_and_extract_archive"}
    | {"download_url_to_file", "hf_hub_download", "snapshot_download"}
)
DOWNLOAD_CALLS = frozenset({"requests.get", "wget.download", "gdown.download", "httpx.get"})
READ_LEAVES = frozenset(
    {"read_csv", "read_json", "read_table", "read_parquet", "read_excel", "read_feather"}
    | {"read_pickle", "read_fwf", "loadtxt", "genfromtxt", "fromfile", "memmap", "loadmat"}
    | {"ImageFolder", "DatasetFolder", "load_from_disk", "imread"}
    | {"MXIndexedRecordIO", "MXRecordIO"}  # mxnet's record files (face recognition sets)
    | {"as_dataset"}  # a TFDS builder's prepared data (tfds.builder("mnist").as_dataset())
    # TensorFlow's and Keras's readers of record files and of folders of class folders
    | {"TFRecordDataset", "TextLineDataset", "flow_from_directory", "read_file", "read_hdf"}
    | {"image_dataset_from_directory", "text_dataset_from_directory"}
    | {"audio_dataset_from_directory"}
)
# Compressed files and databases opened to be read (gzip.open(path, "rb"), sqlite3.connect(db)).
OPENERS = frozenset({"gzip.open", "gzip.GzipFile", "bz2.open", "lzma.open", "sqlite3.connect"})
READ_MODULES = frozenset({"np", "numpy", "pickle", "json", "torch", "h5py", "joblib", "pd"})
# A module with no reference may still download through names (get_file(NAME, ROOT + NAME)).
# Plain substrings, not a regex of alternatives: ``in`` runs at memory speed, where ``re`` tries
# each alternative at each position (it was 6% of the walk, asked of every function).
DOWNLOAD_WORDS = ("urlretrieve", "urlopen", "get_file", "download", "requests.get", "httpx.get")
URL_KEYS = frozenset({"url", "origin", "fname_url", "source", "link"})
# Keywords of a download that say where its data is put (download_data(source=URL,
# destination="pizza_steak_sushi")): the folder named there is that data's.
DESTINATION_KEYS = frozenset(
    {"destination", "dest", "dest_dir", "destination_dir", "target_dir", "extract_to"}
    | {"cache_subdir", "data_dir", "root", "folder", "dirname"}
)
PATH_ATTRIBUTES = frozenset({"parent", "parents"})
FETCHED = frozenset({"content", "text"})  # a download's data as a value, written to a file
# What a handle's read returns is its data (response.read()), though the read is no new use.
READS = frozenset({"read", "readlines", "read_text", "read_bytes", "json", "iter_content"})
ARCHIVE_CALLS = frozenset({"tarfile.open", "zipfile.ZipFile", "ZipFile", "shutil.unpack_archive"})
# Calls that open an archive and return its handle (with ZipFile(archive) as zip_ref): the
# opening line is the data's reference; unpacking it through the handle is not another. (A
# file's handle read on the next line, json.load(f), stays one: labellers mark that read as
# often as the opening, and some only the read.)
ARCHIVE_HANDLES = ARCHIVE_CALLS - {"shutil.unpack_archive"}
# A handle named by these words alone says nothing of its own (zip_ref, zf, tar); one named for
# its data (housing_tarball.extractall(path="datasets")) names the data on its line.
HANDLE_WORDS = frozenset(
    {"zip", "zf", "z", "ref", "tar", "tf", "t", "tgz", "tarball", "archive", "file", "f"}
    | {"fh", "fp", "handle", "zipped", "bundle", "obj", "zfile", "tfile"}
)
# A shell command run on a carried path (os.system(f"tar -xf {archive} -C {DATA_DIR}")).
COMMAND_CALLS = frozenset(
    {"os.system", "subprocess.run", "subprocess.call", "subprocess.check_call"}
    | {"subprocess.check_output", "subprocess.Popen"}
)
DATA_WORDS = frozenset({"data", "dataset", "datasets"})
FILE_COMMANDS = frozenset({"tar", "unzip", "gunzip", "7z", "unrar", "mv", "cp", "rm", "ln"})
LISTING_CALLS = frozenset(
    {"os.listdir", "listdir", "os.scandir", "os.walk", "glob.glob", "glob.iglob", "glob"}
)
LISTING_METHODS = frozenset({"glob", "rglob", "iterdir", "extractall", "extract", "namelist"})
# Libraries whose classes named for data (TFRecordDataset, TensorDataset) are machinery:
# a class of the repository named so, given a dataset's location, loads it (given_data).
DATA_LIBRARIES = frozenset(
    {"tensorflow", "tf", "torch", "keras", "numpy", "pandas", "sklearn", "datasets", "jax"}
    | {"transformers", "torchvision", "torchtext", "torchaudio", "tensorflow_datasets"}
    | {"mxnet", "paddle", "pyspark", "dask", "ray", "webdataset", "tfds", "np", "pd"}
)
FIELDS = frozenset({"field", "dataclasses.field"})  # a dataclass field's declaration
# Calls whose arguments are messages, never data operations.
MESSAGES = frozenset({"print", "logging", "logger", "log", "warnings", "tqdm", "LOGGER"})
MESSAGE_METHODS = frozenset({"info", "debug", "warning", "warn", "error", "exception", "write"})


class _State:
    """What a pass learns about the module and hands to the next (mutable: each pass adds)."""

    def __init__(self) -> None:
        self.marks: dict[int, set[tuple[int, str]]] = {}  # line -> (column, dataset)
        self.carriers: dict[str, Carried] = {}  # function/class -> datasets
        self.options: dict[str, Carried] = {}  # argparse dest -> datasets
        self.attributes: dict[str, Carried] = {}  # dotted attribute -> datasets
        # loader-named function -> parameter -> datasets its callers pass (load_chorales(files))
        self.fed: dict[str, dict[str, Carried]] = {}
        self.silent: set[str] = set()  # carriers named by a verb alone (def download():)
        # loader-named functions touching more datasets than a loader does (load_data(name):
        # alpaca, chip2, longform, ...): a call loads the ones its arguments select
        self.selectors: dict[str, Carried] = {}
        self.loads: dict[int, set[tuple[int, str]]] = {}  # the seeds that are loader calls

    def snapshot(self) -> tuple[object, ...]:
        marks = frozenset((line, col, d) for line, s in self.marks.items() for col, d in s)
        return (
            marks,
            frozenset(self.carriers.items()),
            frozenset(self.options.items()),
            frozenset(self.attributes.items()),
            frozenset((f, p, d) for f, ps in self.fed.items() for p, d in ps.items()),
            frozenset(self.selectors.items()),
        )


@dataclass(frozen=True, slots=True)
class Linked:
    """What a module imports from the repository's other modules: functions and classes
    that load a dataset (by the name this module calls them), and configuration attributes
    that hold a dataset's location (``conf.vgg_folder``, by attribute name)."""

    loaders: Mapping[str, Carried]
    attributes: Mapping[str, Carried]
    names: Mapping[str, Carried]  # constants: from config import path_imgrec
    # argparse options and settings fields another module declares: args.data_train
    options: Mapping[str, Carried] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Exports:
    """What other modules may import from this one: its loaders, its config attributes and
    its module-level names that hold a dataset's location."""

    loaders: Mapping[str, Carried]
    attributes: Mapping[str, Carried]
    names: Mapping[str, Carried]
    # its argparse options and settings fields whose defaults carry a dataset (option.py's
    # --data_train default='Market1501'), read as args.<dest> in the modules that parse them
    options: Mapping[str, Carried] = field(default_factory=dict)

    def offers(self) -> bool:
        """Whether other modules may take anything from this one."""
        return bool(self.loaders or self.attributes or self.names or self.options)


@dataclass(frozen=True, slots=True)
class Flowed:
    """A module's references through names, and what it exports."""

    found: list[Found]
    exports: Exports
    limit: str = ""  # why names were not followed, for the run to say the file was in part


class _TooCostly(Exception):
    """A pass reached MAX_STEPS: the module is not followed (its direct references stay)."""


class Resolve(Protocol):
    """``Knowledge.resolve``: the dataset id a loader's source and name stand for."""

    def __call__(self, source: str, name: str, *, needs_known: bool = False) -> str | None: ...


def references(
    tree: ast.Module,
    text: str,
    found: Iterable[Found],
    resolve: Resolve,
    linked: Linked | None = None,
) -> Flowed:
    """References that reach their uses through names, beyond ``found`` (the seeds), and
    what the module offers others to import.

    The walk recurses into expressions: one that parses but nests deeper than the
    interpreter's recursion limit (a 1,000-term ``+`` chain in a hostile file) ends it, and
    so does a pass over ``MAX_STEPS``; the module keeps what the direct passes found, and
    ``limit`` says why."""
    try:
        return _references(tree, text, found, resolve, linked)
    except RecursionError:
        limit = "names not followed: code nested deeper than Python's recursion limit"
    except _TooCostly:
        limit = f"names not followed: over {MAX_STEPS:,} steps of data flow"
    return Flowed([], Exports({}, {}, {}), limit + " (names are still matched)")


def _references(
    tree: ast.Module,
    text: str,
    found: Iterable[Found],
    resolve: Resolve,
    linked: Linked | None,
) -> Flowed:
    found = list(found)  # read twice: the seeds, then which of them are loader calls
    seeds: dict[int, set[tuple[int, str]]] = {}
    surfaces: list[tuple[int, str, str]] = []
    for dataset, line, column, kind, surface in found:
        if kind in SEED_KINDS and not _settings(dataset):
            seeds.setdefault(line, set()).add((column, dataset))
            surfaces.append((line, dataset, surface))
    if not seeds and linked is None and not may_download(text):
        return Flowed([], Exports({}, {}, {}))  # nothing to follow, nothing to fold
    lines = text.split("\n")
    # A seed whose text is not on its line was read through a name (read_csv(csv_path)):
    # only those send the backward step looking for where the name was bound.
    chased = [(line, d, s) for line, d, s in surfaces if s not in _line(lines, line)]
    bindings = _Bindings(tree, lines, {line for line, _, _ in chased})
    state = _State()
    for dataset, line, column, kind, _ in found:
        if kind is Kind.LOAD and line in seeds:
            state.loads.setdefault(line, set()).add((column, dataset))
    if linked is not None:
        state.carriers.update(linked.loaders)
    for line, dataset, surface in chased:
        calls = bindings.calls.get(line, [])
        _backwards(calls, bindings.bound, bindings.values, dataset, surface, state, lines)
    external = linked.attributes if linked is not None else {}
    imported = linked.names if linked is not None else {}
    parsed = linked.options if linked is not None else {}
    if any(word in text for word in PARSER_WORDS) and PARSES.search(text):
        parsed = {}  # a script with a parser of its own reads its own options, not another's
    for _ in range(PASSES):
        before = state.snapshot()
        flow = _Flow(lines, seeds, bindings, state, resolve, external, imported, parsed)
        flow.module(tree)
        if state.snapshot() == before:
            break
    marked = [
        (dataset, line, column, _literal_kind(lines, line), _surface(lines, line, column))
        for line, marks in state.marks.items()
        for column, dataset in marks
    ]
    return Flowed(flow.found + marked, _exports(tree, state, linked, flow.module_env))


def _exports(
    tree: ast.Module, state: _State, linked: Linked | None, env: Mapping[str, Carried]
) -> Exports:
    """The module's own top-level loaders, and its attributes that name a dataset's location
    in words of their own (``vgg_folder``, not ``data_path`` or ``root``)."""
    defined = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    imported = linked.loaders if linked is not None else {}
    loaders = {
        name: carried
        for name, carried in state.carriers.items()
        if name in defined and name not in imported and name not in state.silent
    }

    attributes: dict[str, Carried] = {}
    for key, carried in state.attributes.items():
        owner, _, attribute = key.rpartition(".")
        if ":" in key or not owner or _output(attribute):
            continue
        if set(_words(attribute)) - LOCATION_WORDS:
            attributes[attribute] = attributes.get(attribute, NOTHING) | carried
    names = {
        name: carried
        for name, carried in env.items()
        if name not in GENERIC and not _output(name) and name not in defined
    }
    options = {name: carried for name, carried in state.options.items() if not _output(name)}
    return Exports(loaders, attributes, names, options)


def _literal_kind(lines: Sequence[str], line: int) -> Kind:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return Kind.URL if "://" in text else Kind.PATH


def _surface(lines: Sequence[str], line: int, column: int) -> str:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    rest = text[column - 1 :].strip()
    return rest.split("=", 1)[0].strip() or rest[:40]


def _char_column(lines: Sequence[str], line: int, offset: int) -> int:
    """1-based character column of an AST byte offset on a segment line."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text.encode("utf-8")[:offset].decode("utf-8", "replace")) + 1


# --- names bound once, for the backward step ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Binding:
    value: ast.expr
    line: int  # where the binding stands (0 for a parameter's default: no line of its own)
    column: int  # byte offset of the value


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


class _Bindings:
    """The module's names bound once and the calls on chased seeds' lines, found by one walk
    over its statements, made only when a backward step first needs them (most modules'
    seeds are literals on their own lines, and their flow only goes forward)."""

    def __init__(self, tree: ast.Module, lines: Sequence[str], seed_lines: set[int]) -> None:
        self.tree = tree
        self.lines = lines
        self.seed_lines = seed_lines

    @functools.cached_property
    def found(self) -> tuple[dict[str, _Binding | None], dict[int, list[ast.Call]]]:
        return _bound_once(self.tree, self.seed_lines, self.lines)

    @property
    def bound(self) -> dict[str, _Binding | None]:
        return self.found[0]

    @property
    def calls(self) -> dict[int, list[ast.Call]]:
        return self.found[1]

    @functools.cached_property
    def values(self) -> dict[str, ast.expr | None]:
        return _values(self.bound)


def _source(lines: Sequence[str], node: ast.expr) -> str | None:
    """A one-line value's text (None for a longer one): two bindings of a name to the same
    text are one value."""
    if node.end_lineno != node.lineno or not 0 < node.lineno <= len(lines):
        return None
    return (
        lines[node.lineno - 1]
        .encode("utf-8")[node.col_offset : node.end_col_offset]
        .decode("utf-8", "replace")
    )


def _bound_once(
    tree: ast.Module, seed_lines: set[int], lines: Sequence[str]
) -> tuple[dict[str, _Binding | None], dict[int, list[ast.Call]]]:
    """Names (and ``self.x``) bound exactly once in the module, to their value; None for a
    name bound twice to different values (which of them a use reads is not known). And the
    calls on the seeds' lines, from the same walk (over statements, not expressions)."""
    bound: dict[str, _Binding | None] = {}
    calls: dict[int, list[ast.Call]] = {}

    def bind(name: str, binding: _Binding) -> None:
        # The same value bound again (a notebook's later cell) is still one value: the first
        # binding is the one uses below it read.
        if name not in bound:
            bound[name] = binding
            return
        known = bound[name]
        same = known is not None and _source(lines, known.value) == _source(lines, binding.value)
        bound[name] = known if same else None

    for node in _statements(tree.body):
        # a compound statement's own calls are on its header; its body's are statements too
        end = node.lineno if hasattr(node, "body") else (node.end_lineno or node.lineno)
        if seed_lines and any(line in seed_lines for line in range(node.lineno, end + 1)):
            for call in _calls_outside_bodies(node):
                calls.setdefault(call.lineno, []).append(call)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for argument, default in _defaults(node.args):
                bind(argument, _Binding(default, 0, default.col_offset))
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = dotted_name(target) if isinstance(target, ast.Name | ast.Attribute) else None
                if name is not None:
                    bind(name, _Binding(node.value, node.value.lineno, node.value.col_offset))
    return bound, calls


def _statements(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, in source order."""
    for node in body:
        yield node
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(node, name, None)
            if type(inner) is list:
                yield from _statements(inner)
        for handler in getattr(node, "handlers", None) or []:
            yield from _statements(handler.body)
        for case in getattr(node, "cases", None) or []:
            yield from _statements(case.body)


def _calls_outside_bodies(node: ast.stmt) -> Iterator[ast.Call]:
    """The calls in a statement's own expressions (a compound statement's header only)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr | ast.keyword | ast.withitem | ast.arguments):
            yield from (n for n in ast.walk(child) if isinstance(n, ast.Call))


def _defaults(arguments: ast.arguments) -> Iterator[tuple[str, ast.expr]]:
    positional = [*arguments.posonlyargs, *arguments.args]
    with_default = positional[len(positional) - len(arguments.defaults) :]
    yield from ((a.arg, d) for a, d in zip(with_default, arguments.defaults, strict=True))
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if default is not None:
            yield argument.arg, default


def _values(bound: dict[str, _Binding | None]) -> dict[str, ast.expr | None]:
    return {name: (b.value if b is not None else None) for name, b in bound.items()}


def _backwards(
    calls: Sequence[ast.Call],
    bound: dict[str, _Binding | None],
    values: dict[str, ast.expr | None],
    dataset: str,
    surface: str,
    state: _State,
    lines: Sequence[str],
) -> None:
    """A seed read through a name (``pd.read_csv(csv_path)``) marks where that name and the
    names its value was built from were bound (``csv_path = join(housing_path, ...)``,
    ``HOUSING_PATH = join("datasets", "housing")``)."""
    for node in calls:
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            if not isinstance(argument, ast.Name | ast.Attribute):
                continue
            if fold_text(argument, values, 4) == surface:
                _mark_chain(argument, bound, [dataset], state, lines, depth=4)


def _mark_chain(
    node: ast.expr,
    bound: dict[str, _Binding | None],
    datasets: Iterable[str],
    state: _State,
    lines: Sequence[str],
    depth: int,
) -> None:
    for name in _names_in(node):
        binding = bound.get(name) or bound.get(name.removeprefix("self."))
        if binding is None or depth <= 0:
            continue
        if binding.line:
            column = _char_column(lines, binding.line, binding.column)
            state.marks.setdefault(binding.line, set()).update((column, d) for d in datasets)
        _mark_chain(binding.value, bound, datasets, state, lines, depth - 1)


def _names_in(node: ast.expr) -> Iterator[str]:
    """Names a string value is built from: itself, the parts of a ``+``, an f-string or a
    join."""
    if isinstance(node, ast.Name | ast.Attribute):
        dotted = dotted_name(node)
        if dotted is not None:
            yield dotted
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Div | ast.Mod):
        yield from _names_in(node.left)
        yield from _names_in(node.right)
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                yield from _names_in(part.value)
    elif isinstance(node, ast.Call) and dotted_name(node.func) in PATH_BUILDERS:
        for argument in node.args:
            yield from _names_in(argument)


# --- the forward walk -----------------------------------------------------------------------------


class _Flow:
    """One pass over the module in source order, with what names carry in each scope."""

    def __init__(
        self,
        lines: Sequence[str],
        seeds: dict[int, set[tuple[int, str]]],
        bindings: _Bindings,
        state: _State,
        resolve: Resolve,
        external: Mapping[str, Carried],
        linked_names: Mapping[str, Carried],
        linked_options: Mapping[str, Carried],
    ) -> None:
        self.lines = lines
        self.bindings = bindings
        self.external = external  # attribute name -> datasets, from other modules
        self.parsed = linked_options  # argparse dest -> datasets, declared by other modules
        self.resolve = resolve
        # Module-level names as bound so far (a notebook binds FILENAME once per download):
        # what a download's URL folds to where it is called, and where each name was bound.
        self.values: dict[str, ast.expr | None] = {}
        self.value_lines: dict[str, tuple[int, int]] = {}
        self.depth = 0  # functions entered: their names are not module-level values
        # the module's own functions, by name (only loader-named ones are fed: feed())
        self.loaders: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.own: set[str] = set()  # the module's own top-level functions and classes
        self.module_env: dict[str, Carried] = {}
        self.libraries: set[str] = set()  # names bound to a data library's modules (tf)
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []  # entered, inmost last
        self.imported = linked_names  # names this module imports that carry a dataset
        self.seeds = seeds
        self.state = state
        self.found: list[Found] = []
        self.touched: list[set[str]] = []  # datasets each enclosing function downloads/reads
        # datasets each enclosing function calls a helper named for (getMNISTFormat(path)):
        # its own only when its name is the dataset's too (getKaggleMNIST), see loader()
        self.called: list[set[str]] = []
        self.classes: list[str] = []
        self.writers: dict[str, ast.expr] = {}  # f -> the path of open(path, "w") as f
        self.handles: set[str] = set()  # names bound to an opened archive (as zip_ref)
        # Inside print(...) or a log call, or the value of an output's name: paths built there
        # are text or where a run writes, not the data's paths.
        self.messages = 0
        self.downloads: set[str] = set()  # names bound to what a download returned
        self.results: set[str] = set()  # names bound to what a loader call returned
        self.aliases: set[str] = set()  # names bound to a dataset's loader class itself
        self.copies: dict[str, Carried] = {}  # literal file names a download was saved to
        self.looped: set[str] = set()  # module-level loop targets (for filename in (...))
        self.loop_targets: set[str] = set()  # names any loop binds (for db in eval_sets)
        self.steps = 0  # values asked what they carry, up to MAX_STEPS

    @property
    def bound(self) -> dict[str, _Binding | None]:
        return self.bindings.bound

    # scopes ------------------------------------------------------------------------------------

    def module(self, tree: ast.Module) -> None:
        self.loaders = {
            node.name: node
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        self.own = {
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        }
        self.block(tree.body, self.module_env)

    def block(self, body: Sequence[ast.stmt], env: dict[str, Carried]) -> None:
        for statement in body:
            self.statement(statement, env)

    def statement(self, node: ast.stmt, env: dict[str, Carried]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function(node, env)
        elif isinstance(node, ast.ClassDef):
            self.klass(node, env)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            self.assignment(node, env)
        elif isinstance(node, ast.For | ast.AsyncFor):
            self.uses(node.iter, env)
            self.loop_value(node)
            if isinstance(node.target, ast.Name):
                self.loop_targets.add(node.target.id)
            self.bind(node.target, self.carried(node.iter, env) | self.seeded(node.iter), env)
            self.block(node.body, env)
            self.block(node.orelse, env)
        elif isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                self.uses(item.context_expr, env)
                if item.optional_vars is not None:
                    value = item.context_expr
                    self.writer(value, item.optional_vars)
                    target = item.optional_vars
                    fetches = isinstance(value, ast.Call) and self.operation(value) is Kind.URL
                    if fetches and isinstance(target, ast.Name):  # urlopen(url) as response
                        self.downloads.add(target.id)
                    self.opened(value, [target])
                    self.bind(
                        item.optional_vars, self.carried(value, env) | self.seeded(value), env
                    )
            self.block(node.body, env)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = (node.module or "") if isinstance(node, ast.ImportFrom) else ""
            for alias in node.names:
                name = (alias.asname or alias.name).split(".", 1)[0]
                env.pop(name, None)
                root = (module or alias.name).split(".", 1)[0]
                if root in DATA_LIBRARIES and not getattr(node, "level", 0):
                    self.libraries.add(name)
                if isinstance(node, ast.ImportFrom) and name in self.imported:
                    env[name] = self.imported[name]  # from config import path_imgrec
                if isinstance(node, ast.ImportFrom) and name in self.state.carriers:
                    for dataset in sorted(self.state.carriers[name]):  # from data import get_set
                        self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, name)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.uses(child, env)
            for name in ("body", "orelse", "finalbody"):
                self.block(getattr(node, name, None) or [], env)
            for handler in getattr(node, "handlers", None) or []:
                self.block(handler.body, env)
            for case in getattr(node, "cases", None) or []:
                self.block(case.body, env)

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, env: dict[str, Carried]
    ) -> None:
        local = {name: ds for name, ds in env.items() if name not in GENERIC}
        for parameter in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            local.pop(parameter.arg, None)
        for name, default in _defaults(node.args):
            self.uses(default, env)
            carried = self.carried(default, env) | self.seeded(default)
            if carried:
                local[name] = carried
        fed = self.state.fed.get(node.name, {}) if not self.classes else {}
        if len(_union(fed.values())) > MAX_DATASETS:
            fed = {}  # a helper shared by many datasets (get_train_dataset(folder)) is no one's
        for name, carried in fed.items():
            local[name] = local.get(name, NOTHING) | carried
        self.enter()
        self.depth += 1
        self.functions.append(node)
        if fed or not self.quiet(node, local):
            self.block(node.body, local)
        self.functions.pop()
        self.depth -= 1
        touched = self.leave(node.name) | _union(fed.values())
        env.pop(node.name, None)
        self.loader(node, node.name, touched)

    def enter(self) -> None:
        """A function's or class's body begins: what it touches and the helpers named for a
        dataset that it calls are gathered apart from its enclosing scope's."""
        self.touched.append(set())
        self.called.append(set())

    def leave(self, name: str) -> set[str]:
        """A body named ``name`` ends: the datasets it touched, and those of the helpers named
        for a dataset it calls where its own name is that dataset's too (``getKaggleMNIST``
        calling ``getMNISTFormat(path)``)."""
        touched = self.touched.pop()
        called = self.called.pop()
        if _named_for(name, called):
            touched |= called
        return touched

    def quiet(self, node: ast.FunctionDef | ast.AsyncFunctionDef, env: dict[str, Carried]) -> bool:
        """Nothing can flow in the body: no seed on its lines, none of the names that carry a
        dataset spelled in it, no download to fold. Most functions of most modules; their
        bodies are not walked (a text search is far cheaper than the walk)."""
        first, last = node.lineno, node.end_lineno or node.lineno
        if any(line in self.seeds or line in self.state.marks for line in range(first, last + 1)):
            return False
        text = "\n".join(self.lines[first - 1 : last])
        if may_download(text):
            return False
        names = [*env, *self.state.carriers, *self.state.options, *self.external, *self.imported]
        names += self.parsed
        names += [key.rpartition(".")[2].rpartition(":")[2] for key in self.state.attributes]
        return not any(name.rpartition(".")[2] in text for name in names)

    def klass(self, node: ast.ClassDef, env: dict[str, Carried]) -> None:
        self.classes.append(node.name)
        self.enter()
        self.block(node.body, dict(env))
        touched = self.leave(node.name)
        self.classes.pop()
        env.pop(node.name, None)
        if not touched:  # class SimpleOxfordPetDataset(OxfordPetDataset): its base's data
            bases = [dotted_name(base) or "" for base in node.bases]
            touched = set(_union(self.state.carriers.get(base, NOTHING) for base in bases))
        self.loader(node, node.name, touched)

    def loader(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        name: str,
        touched: set[str],
    ) -> None:
        """A function or class that downloads or reads one dataset carries it (and its def
        line is a load reference); its caller touches what it touches."""
        size = (node.end_lineno or node.lineno) - node.lineno
        selects = len(touched) > MAX_DATASETS and not self.classes and _loader_named(node)
        if selects and not isinstance(node, ast.ClassDef):
            self.state.selectors[name] = frozenset(touched)
        limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_LOADER_LINES
        named = _loader_named(node) or _named_for(node.name, touched)
        if 0 < len(touched) <= MAX_DATASETS and size <= limit and named:
            if not self.classes:  # a method is called through its object, not by its name
                self.state.carriers[name] = frozenset(touched)
            if _bare_verb(node):  # def download(): its callers touch its data, silently
                self.state.silent.add(name)
            elif not set(_words(name)) <= TRANSPORT_WORDS:  # def maybe_download(f): says how
                for dataset in sorted(touched):
                    self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, name)
        if self.touched:
            self.touched[-1].update(touched)

    # bindings ----------------------------------------------------------------------------------

    def assignment(
        self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, env: dict[str, Carried]
    ) -> None:
        value = node.value
        if value is None:
            return
        if self.classes and isinstance(node, ast.AnnAssign):
            self.field_option(node.target, value, env)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        # self.cache_file = join(self._data_path, "cache.pkl"): where a run keeps its own
        output = all(_output(dotted_name(t) or "") for t in targets)
        self.messages += output  # paths joined for it are no data paths
        self.uses(value, env)
        self.messages -= output
        joined = not self.depth and isinstance(value, ast.BinOp | ast.JoinedStr)
        url = self.joined_url(value) if joined and not self.seeded(value) else NOTHING
        carried = url or self.carried(value, env)  # its own URL, not all its root's files
        parent = isinstance(value, ast.Attribute) and value.attr in PATH_ATTRIBUTES
        path = carried and (parent or (_builds_path(value) and self.named_path(value, env)))
        if path and not output and not url:
            for dataset in sorted(carried):
                self.emit(dataset, value.lineno, value.col_offset, Kind.PATH, _label(value))
        carried |= self.seeded(value)
        for target in targets:  # adult_path = join(DATA_PATH, "adult.data"): named for it
            if isinstance(target, ast.Name | ast.Attribute) and not output:
                carried |= self.seeded(target)
        if isinstance(value, ast.Attribute | ast.Name) and self.seeded(value, loads=True):
            # dataloader = datasets.CIFAR100: the class itself, called further down
            self.aliases.update(t.id for t in targets if isinstance(t, ast.Name))
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        names |= {
            e.id
            for t in targets
            if isinstance(t, ast.Tuple)
            for e in t.elts
            if isinstance(e, ast.Name)
        }
        func = value.func if isinstance(value, ast.Call) else None
        dotted = dotted_name(func) if func is not None else None
        if func is not None and dotted and _carrier_call(func) and self.state.carriers.get(dotted):
            self.results |= names  # query_img, ... = process_query_sysu(data_path)
        else:
            self.results -= names
        if isinstance(value, ast.Call) and self.operation(value) is Kind.URL:
            self.downloads.update(t.id for t in targets if isinstance(t, ast.Name))
        self.opened(value, targets)
        for target in targets:
            if isinstance(target, ast.Name) and not self.depth:
                folds = not isinstance(node, ast.AugAssign)
                self.values[target.id] = value if folds else None
                self.value_lines[target.id] = (value.lineno, value.col_offset)
            if isinstance(node, ast.AugAssign):
                carried |= self.carried(target, env)
            self.bind(target, carried, env)

    def bind(self, target: ast.expr, carried: Carried, env: dict[str, Carried]) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            for item in target.elts:
                self.bind(item, carried, env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, carried, env)
        elif isinstance(target, ast.Name):
            if carried and not _output(target.id):
                env[target.id] = carried
            else:
                env.pop(target.id, None)
        elif (
            isinstance(target, ast.Attribute)
            and carried
            and not _output(target.attr)
            and target.attr not in GENERIC  # ood_data.root = "...": any object's root
        ):
            key = self.attribute_key(target)
            if key is not None:
                known = self.state.attributes.get(key, NOTHING)
                self.state.attributes[key] = known | carried

    def attribute_key(self, node: ast.Attribute) -> str | None:
        dotted = dotted_name(node)
        if dotted is None:
            return None
        if dotted.startswith(("self.", "cls.")):
            return f"{self.classes[-1] if self.classes else ''}:{dotted.split('.', 1)[1]}"
        return dotted

    def seeded(self, node: ast.expr, loads: bool = False) -> Carried:
        """Datasets of the seeds (and marks) that stand inside the value; ``loads``: of its
        loader calls only (``load_dataset("imdb")``)."""
        found: set[str] = set()
        end = node.end_lineno or node.lineno
        for line in range(node.lineno, end + 1):
            here = self.state.loads.get(line, set()) if loads else self.seeds.get(line, set())
            for column, dataset in here | (set() if loads else self.state.marks.get(line, set())):
                if line == node.lineno and column < _char_column(self.lines, line, node.col_offset):
                    continue
                if line == end and column > _char_column(
                    self.lines, line, node.end_col_offset or 0
                ):
                    continue
                found.add(dataset)
        return frozenset(found)

    def carried(self, node: ast.expr, env: dict[str, Carried]) -> Carried:
        """The datasets a value carries through names bound before it."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _TooCostly
        if isinstance(node, ast.Call | ast.BinOp | ast.JoinedStr) and _own_file(node):
            return NOTHING  # join(root, "meta.json"): what the module wrote, not the data
        if isinstance(node, ast.Name):
            return env.get(node.id, NOTHING)
        if isinstance(node, ast.Constant):  # a file a download was saved to, named again
            return self.copies.get(node.value, NOTHING) if isinstance(node.value, str) else NOTHING
        if isinstance(node, ast.Attribute):
            key = self.attribute_key(node)
            known = self.state.attributes.get(key, NOTHING) if key is not None else NOTHING
            if isinstance(node.value, ast.Name) and node.value.id in NAMESPACES:
                own = self.state.options.get(node.attr, NOTHING)
                known = known | (own or self.parsed.get(node.attr, NOTHING))
            if not known and not (key or "").count(":"):
                known = self.external.get(node.attr, NOTHING)  # conf.vgg_folder
            fetched = isinstance(node.value, ast.Name) and node.value.id in self.downloads
            fetched = fetched and node.attr in FETCHED  # response.content, not .status_code
            if not known and (
                isinstance(node.value, ast.Call) or node.attr in PATH_ATTRIBUTES or fetched
            ):  # requests.get(url).text, path.parent, response.content
                return self.carried(node.value, env)
            return known  # an attribute of a loaded dataset (.data, .root) is no path
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Div | ast.Mod):
            return self.carried(node.left, env) | self.carried(node.right, env)
        if isinstance(node, ast.JoinedStr):
            return _union(
                self.carried(p.value, env) for p in node.values if isinstance(p, ast.FormattedValue)
            )
        if isinstance(node, ast.Subscript | ast.Starred | ast.Await):
            return self.carried(node.value, env)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return _union(self.carried(item, env) for item in node.elts)
        if isinstance(node, ast.IfExp):
            return self.carried(node.body, env) | self.carried(node.orelse, env)
        if isinstance(node, ast.BoolOp):
            return _union(self.carried(item, env) for item in node.values)
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            inner = self.comprehension_env(node, env)
            return self.carried(node.elt, inner)
        if isinstance(node, ast.Call):
            return self.call_carries(node, env)
        return NOTHING

    def call_carries(self, node: ast.Call, env: dict[str, Carried]) -> Carried:
        dotted = dotted_name(node.func) or ""
        leaf = dotted.rpartition(".")[2] if dotted else ""
        carrier = self.state.carriers.get(dotted) if _carrier_call(node.func) else None
        if carrier:  # an empty one is a data maker of another module (given_data)
            return carrier
        arguments = _union(self.carried(a, env) for a in _arguments(node))
        operation = self.operation(node)
        if operation is Kind.LOAD and dotted != "open":
            return NOTHING  # what pickle.load or read_csv returns is the data, not its path
        if dotted in PATH_BUILDERS or leaf in PASSING or operation is not None:
            return arguments | (
                self.carried(node.func.value, env)
                if isinstance(node.func, ast.Attribute)
                else NOTHING
            )
        if isinstance(node.func, ast.Attribute) and node.func.attr in PATH_BUILDER_METHODS | READS:
            return self.carried(node.func.value, env) | arguments
        if isinstance(node.func, ast.Attribute) and node.func.attr in SPELLING_METHODS:
            return self.carried(node.func.value, env)
        if isinstance(node.func, ast.Attribute) and node.func.attr in DATASET_METHODS:
            return self.carried(node.func.value, env)  # the same data, reshaped
        return NOTHING

    def comprehension_env(
        self,
        node: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp,
        env: dict[str, Carried],
    ) -> dict[str, Carried]:
        inner = dict(env)
        for generator in node.generators:
            self.bind(generator.target, self.carried(generator.iter, inner), inner)
        return inner

    # uses --------------------------------------------------------------------------------------

    def operation(self, node: ast.Call) -> Kind | None:
        """The kind of data operation a call is: a download (``url``), a read (``load``), an
        archive or folder operation (``path``), or None."""
        dotted = dotted_name(node.func) or ""
        leaf = node.func.attr if isinstance(node.func, ast.Attribute) else dotted
        module = dotted.rpartition(".")[0]
        if dotted in DOWNLOAD_CALLS or leaf in DOWNLOAD_LEAVES:
            return Kind.URL
        if "download" in leaf.lower().split("_") or leaf.lower().startswith("download"):
            return Kind.URL
        if dotted in ARCHIVE_CALLS or dotted in LISTING_CALLS:
            return Kind.PATH
        if dotted in COMMAND_CALLS and _file_command(node):
            return Kind.PATH
        if isinstance(node.func, ast.Attribute) and leaf in LISTING_METHODS:
            unplaced = leaf in {"extractall", "extract"} and not node.args and not node.keywords
            return None if unplaced else Kind.PATH  # archive.extractall(): the opening is it
        if (dotted == "open" or dotted in OPENERS) and not writes_to(node):
            return Kind.LOAD
        if leaf in READ_LEAVES or (leaf == "load" and module.rpartition(".")[2] in READ_MODULES):
            return Kind.LOAD
        if dotted in {"h5py.File", "Image.open", "PIL.Image.open"}:
            return Kind.LOAD
        if leaf == "load_dataset" and any(k.arg == "data_files" for k in node.keywords):
            return Kind.LOAD  # load_dataset("json", data_files="train_dataset.json")
        return None

    def uses(self, node: ast.expr, env: dict[str, Carried]) -> None:
        """References where the expression hands a carried name to a data operation."""
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp):
            for generator in node.generators:
                self.uses(generator.iter, env)
            inner = self.comprehension_env(node, env)
            parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for generator in node.generators:
                parts.extend(generator.ifs)
            for part in parts:
                self.uses(part, inner)
            return
        if isinstance(node, ast.Call):
            self.written(node, env)
            if _message(node):  # print(path) is no use; print(pd.read_csv(path)) reads
                self.messages += 1
                for argument in _arguments(node):
                    self.uses(argument, env)
                self.messages -= 1
                return
            self.call(node, env)
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.right, ast.Constant)
            and isinstance(node.right.value, str)
            and self.named_path(node, env)
        ):
            for dataset in sorted(self.carried(node.left, env)):
                self.emit(dataset, node.lineno, node.col_offset, Kind.PATH, _label(node.left))
        for child in _children(node):
            self.uses(child, env)

    def call(self, node: ast.Call, env: dict[str, Carried]) -> None:
        dotted = dotted_name(node.func) or ""
        if isinstance(node.func, ast.Name) and dotted in self.aliases and env.get(dotted):
            # trainset = dataloader(root='./data', train=True): the loader class it names
            carried = env[dotted]
            if len(carried) <= MAX_DATASETS:
                self.touch(carried)
                for dataset in sorted(carried):
                    self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, dotted)
        if isinstance(node.func, ast.Name) and dotted in self.loaders:
            function = self.loaders[dotted]
            if _builds_dataset(function.name):
                self.feed(function, node, env)
        if _carrier_call(node.func) and self.state.carriers.get(dotted):
            carried = self.state.carriers[dotted]
            self.touch(carried)
            if dotted not in self.state.silent:
                for dataset in sorted(carried):
                    self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, dotted)
                return
            # download(path, url): a verb-named carrier given a carried URL still downloads it
        self.option(node, env)
        kind = self.operation(node)
        if kind is None:  # return load_dataset("imdb"): a loader given a dataset's name
            named = [a for a in _arguments(node) if isinstance(a, ast.Constant)]
            self.touch(_union(self.seeded(a, loads=True) for a in named))
            self.touch(self.loader_class(node))  # return datasets.MNIST(root)
            if self.called:
                self.called[-1].update(self.helper_named(node))
        if kind is None and (
            self.selected(node, env)
            or self.given_data(node, env)
            or self.helper_read(node, env)
            or self.named_read(node, env)
            or self.streamed(node, env)
            or self.chosen_by_name(node, env)
        ):
            return
        if kind is None:
            joins = dotted in PATH_BUILDERS and dotted not in {"Path", "pathlib.Path", "os.fspath"}
            if joins and self.named_path(node, env):
                for dataset in sorted(_union(self.carried(a, env) for a in node.args)):
                    self.emit(dataset, node.lineno, node.col_offset, Kind.PATH, _label(node.func))
            return
        arguments = list(_arguments(node))
        carried = _union(self.carried(a, env) for a in arguments)
        if isinstance(node.func, ast.Attribute):
            carried |= self.carried(node.func.value, env)
        seeded = self.seeded(node)
        if not carried and kind is Kind.URL and not seeded:
            carried = self.folded_download(node)
        if not carried:
            # pd.read_csv(os.path.join(DATA_PATH, "citibike.csv")), found by the other passes:
            # the function around it reads that data, and DATA_PATH is where it lies
            self.touch(seeded)
            for argument in arguments if seeded else ():
                self.mark_constants(argument, seeded)
            return
        self.touch(carried)
        destinations = {id(k.value) for k in node.keywords if k.arg in DESTINATION_KEYS}
        # unpacking through an archive's handle: the line that opened the archive named it
        unpacked = self.through_handle(node, arguments, env)
        for dataset in [] if unpacked else sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, kind, _label(node.func))
            for argument in arguments:  # a path built on a line of its own in a long call
                if isinstance(argument, ast.Name | ast.Attribute):
                    continue
                if isinstance(argument, ast.Constant):  # cache_subdir="datasets/birds"
                    text = argument.value if isinstance(argument.value, str) else ""
                    placed = kind is Kind.URL and id(argument) in destinations and text.strip()
                    if argument.lineno != node.lineno and (placed or looks_like_data(text)):
                        where = Kind.PATH if placed else kind
                        self.emit(dataset, argument.lineno, argument.col_offset, where, "")
                    continue
                if argument.lineno != node.lineno and self.carried(argument, env):
                    self.emit(dataset, argument.lineno, argument.col_offset, kind, _label(argument))
        for argument in arguments:  # constants joined into what the operation reads
            if self.carried(argument, env):
                self.mark_constants(argument, carried)
            elif kind is Kind.URL and isinstance(argument, ast.Name) and argument in node.args:
                # urlretrieve(url, archive): the file downloaded to holds the data (not a
                # keyword's value such as reporthook=hook)
                env[argument.id] = carried
                _mark_chain(argument, self.bound, carried, self.state, self.lines, depth=1)
                binding = self.bound.get(argument.id)
                if binding is not None and not _output(argument.id):
                    # archive = join(DATA_DIR, "data.tar"): the folder it is saved in is the
                    # data's (DATA_DIR = join(dirname(__file__), "mmlu"), not "data")
                    self.mark_constants(binding.value, carried, named=True)
            elif _unpacked_into(argument, node) and not _output(argument.id):
                # archive.extractall(path=spam_path): the folder the data is unpacked in,
                # and the module's name it defaults to (spam_path=SPAM_PATH)
                env[argument.id] = carried
                _mark_chain(argument, self.bound, carried, self.state, self.lines, depth=2)

    def loader_class(self, node: ast.Call) -> Carried:
        """The dataset a loader call names by its attribute (``datasets.MNIST(root)``,
        ``keras.datasets.mnist.load_data()`` at ``mnist``): its seed stands on the name."""
        func = node.func
        if not isinstance(func, ast.Attribute):
            return NOTHING
        return frozenset(
            dataset for offset, dataset in self.name_seeds(func, func.attr) if not offset
        )

    def helper_named(self, node: ast.Call) -> Carried:
        """The dataset a helper's own name holds (``getMNISTFormat(path)``,
        ``build_coco(image_set)``): the caller is that dataset's loader only if its name
        is the dataset's too (``getKaggleMNIST``); a dispatcher (``build_dataset``) or a
        wrapper class (``Dataset(opt)`` around ``VOCBboxDataset``) picks or wraps it."""
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if not name:
            return NOTHING
        return frozenset(dataset for _offset, dataset in self.name_seeds(func, name))

    def name_seeds(self, func: ast.expr, name: str) -> list[tuple[int, str]]:
        """The seeds that stand inside a called name (the last ``name`` characters of
        ``func``), each with its offset from the name's first character."""
        if func.end_col_offset is None:
            return []
        line = func.end_lineno or func.lineno
        start = _char_column(self.lines, line, func.end_col_offset - len(name))
        loads = self.state.loads.get(line, set())
        return [(c - start, d) for c, d in loads if start <= c < start + len(name)]

    def selected(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``dataset = load_data(args.dataset)`` where ``load_data`` loads one of many datasets
        by the name it is given and ``args.dataset`` defaults to ``'alpaca'``: the call loads
        the datasets its arguments carry that the function loads, and no other."""
        if not isinstance(node.func, ast.Name) or node.func.id not in self.state.selectors:
            return False
        loads = self.state.selectors[node.func.id]
        chosen = _union(self.carried(a, env) for a in _arguments(node)) & loads
        if not chosen or len(chosen) > MAX_DATASETS:
            return False
        self.touch(chosen)
        for dataset in sorted(chosen):
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, node.func.id)
        return True

    def foreign_callee(self, node: ast.Call) -> list[str] | None:
        """The dotted parts (at most two) of a callee the repository's own code defines
        (``data.Corpus``, ``load_bin``), called outside a message: None for a data library's
        (``tf.data.TFRecordDataset`` is machinery) and for a known loader, which other rules
        read."""
        func = node.func
        dotted = dotted_name(func) or ""
        parts = dotted.split(".")
        if self.messages or not _carrier_call(func) or len(parts) > 2:
            return None
        if parts[0] in self.libraries or (isinstance(func, ast.Name) and dotted in self.loaders):
            return None
        return parts

    def given_data(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``corpus = data.Corpus(args.data)``: a class named for data (of another module, or
        of this one), given a name that carries a dataset, loads that data there (its body,
        elsewhere, is not seen). The module's own functions are fed instead (``feed``); a
        data library's classes are machinery."""
        parts = self.foreign_callee(node)
        if parts is None or not _makes_data(parts[-1]):
            return False
        if self.functions and _loader_named(self.functions[-1]):
            return False  # get_training_set(): its def and calls are the references, this a step
        # What a loader returned (TestData(query_img, ...) after query_img, ... =
        # process_query_sysu(path)) is the data already loaded, on the loader's line.
        given = [
            a for a in _arguments(node) if not (isinstance(a, ast.Name) and a.id in self.results)
        ]
        carried = _union(self.carried(a, env) for a in given)
        if not carried or len(carried) > MAX_DATASETS:
            return False
        self.touch(carried)
        for dataset in sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, _label(node.func))
        return True

    def chosen_by_name(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``import_module('data.' + args.data_train.lower())`` and ``getattr(module,
        args.data_train)(args, transform)``: the dataset's module or class looked up by a name
        that carries the dataset (an option defaulting to ``'Market1501'``) is loaded there."""
        func = node.func
        if isinstance(func, ast.Call) and dotted_name(func.func) == "getattr":
            given = list(_arguments(func))[1:]  # getattr(module, name)(...): the name
        elif dotted_name(func) in IMPORTERS:
            given = list(_arguments(node))
        else:
            return False
        if self.messages:
            return False
        carried = _union(self.carried(a, env) for a in given)
        if not carried or len(carried) > MAX_DATASETS:
            return False
        # The lookup is where the data is chosen, in a class's method too (a class that
        # wires the data in, class Data, is not the dataset's class): reported here, and
        # the function or class around it does not become a loader of it.
        column = _char_column(self.lines, node.lineno, node.col_offset)
        for dataset in sorted(carried):
            self.found.append((dataset, node.lineno, column, Kind.LOAD, _label(func)))
        return True

    def streamed(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``train_loader = DistributedDataLoader(args.input_bin, B, T)``: the module's own
        class or function named for data and for what streams it (a loader, generator,
        iterator or reader), handed a name or option that carries a dataset, reads that data
        there. Its body reads only a parameter; the call says which data. A library's
        ``DataLoader`` is not the module's own: it is given a dataset object, not its files."""
        func = node.func
        if self.messages or not isinstance(func, ast.Name) or func.id not in self.own:
            return False
        words = _words(func.id)
        if not words or words[-1] not in STREAM_WORDS or not set(words) & DATA_NOUNS:
            return False
        if set(words) & OUTPUT_WORDS - {"load"}:
            return False
        carried = _union(self.carried(a, env) for a in _arguments(node))
        if not carried or len(carried) > MAX_DATASETS:
            return False
        self.touch(carried)
        for dataset in sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, func.id)
        return True

    def helper_read(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``text = helper.load_data(data_dir)`` where ``data_dir = './data/scripts.txt'``: a
        function of another module named for reading data (``load_data``, ``read_dataset``),
        handed a name that holds a data path as written, reads that data there. A name built
        at run time (``paths_batch``, ``args.data``) may hold anything: those are left to
        the modules that bind them."""
        func = node.func
        parts = (dotted_name(func) or "").split(".")
        if self.messages or not isinstance(func, ast.Attribute) or len(parts) != 2:
            return False
        if parts[0] in self.libraries or parts[0] in {"self", "cls"}:
            return False
        words = set(_words(parts[1]))
        if not words & READ_VERBS or not words & DATA_NOUNS or words & OUTPUT_WORDS - {"load"}:
            return False
        carried = _union(
            env.get(argument.id, NOTHING)
            for argument in node.args
            if isinstance(argument, ast.Name) and self.literal_path(argument.id)
        )
        if not carried or len(carried) > MAX_DATASETS:
            return False
        self.touch(carried)
        for dataset in sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, _label(func))
        return True

    def named_read(self, node: ast.Call, env: dict[str, Carried]) -> bool:
        """``data_set = load_bin(db, image_size)`` in ``for db in ["lfw", "agedb_30"]:``: a
        function of another module named for loading or reading, handed as its first argument
        the target of a loop over datasets, loads each in turn there. A path bound once
        (``load_mx_rec(rec_path)``) may be converted as often as loaded; a loader of weights
        (``load_model(name)``), a method of an object and the module's own functions (fed
        their argument instead) are not loads of it."""
        parts = self.foreign_callee(node)
        if parts is None:
            return False
        words = set(_words(parts[-1]))
        if not words & READ_VERBS or words & (OUTPUT_WORDS - {"load"}):
            return False
        first = node.args[0] if node.args else None
        if not isinstance(first, ast.Name) or first.id not in self.loop_targets:
            return False
        carried = env.get(first.id, NOTHING)
        if not carried or len(carried) > MAX_NAMED_READS:
            return False
        self.touch(carried)
        for dataset in sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, _label(node.func))
        return True

    def literal_path(self, name: str) -> bool:
        """Whether a module-level name holds, as bound so far, a data path as written."""
        value = self.values.get(name)
        return (
            isinstance(value, ast.Constant)
            and isinstance(value.value, str)
            and looks_like_data(value.value)
        )

    def named_path(self, node: ast.expr, env: dict[str, Carried]) -> bool:
        """A path built from carried names and literals only (``join(housing_path,
        "housing.csv")``, ``folder / "train.rec"``), not a file of a listing joined to its
        folder in a loop (``join(root, name)``): the former names the data, the latter is
        one of a thousand files."""
        if self.messages:
            return False
        parts = list(_parts(node))
        if any(isinstance(p, ast.Constant) and _output(str(p.value)) for p in parts):
            return False  # join(devkit_path, "results"): where a run writes
        if _own_file(node):
            return False  # join(root, "splits.json"): lists a module writes beside the data
        literal = any(isinstance(p, ast.Constant) for p in parts)
        return literal and all(isinstance(p, ast.Constant) or self.carried(p, env) for p in parts)

    def value_names(self, nodes: Iterable[ast.expr], depth: int = 3) -> set[str]:
        """The module-level names a value is built from, and the names theirs are."""
        names = {name for node in nodes for name in _names_in(node)}
        if depth > 0:
            values = [self.values.get(name) for name in names]
            names |= self.value_names([v for v in values if v is not None], depth - 1)
        return names

    def loop_value(self, node: ast.For | ast.AsyncFor) -> None:
        """``for filename in ("a.csv", "b.csv"):`` at module level: a download in the loop
        folds with the first file name (each is one file of the same data)."""
        if self.depth or not isinstance(node.target, ast.Name):
            return
        items = node.iter.elts if isinstance(node.iter, ast.Tuple | ast.List) else []
        literal = all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items)
        name = node.target.id
        self.looped.add(name)
        self.values[name] = items[0] if items and literal else None
        self.value_lines[name] = (node.iter.lineno, node.iter.col_offset)

    def folded_download(self, node: ast.Call) -> Carried:
        """``get_file(FILENAME, DOWNLOAD_ROOT + FILENAME)`` where FILENAME was bound to another
        file further up: the URL the names hold here, resolved like a loader's, and the lines
        that bound its parts (they are that download's root and file name)."""
        for argument in [*node.args[:2], *(k.value for k in node.keywords if k.arg in URL_KEYS)]:
            text = fold_text(argument, self.values, 4)
            if text is None:
                # f"{BASE_URL}/{filename}": each file of one place, the place known (a Hub
                # dataset's files, a known dataset's host); an unknown place is no dataset.
                # Inside a function the URL is often built in a local bound once (url = ...).
                values = {**self.bindings.values, **self.values}
                dataset = self.place_of(fold_prefix(argument, values, 4))
            elif URL.match(text):
                data_file = DATA_FILE.search(text) is not None
                dataset = self.resolve("url", text, needs_known=not data_file)
            else:
                continue
            if dataset is None:
                continue
            self.emit(dataset, node.lineno, node.col_offset, Kind.LOAD, _label(node.func))
            for name in self.value_names(node.args[:2]):
                if name in self.value_lines:
                    line, offset = self.value_lines[name]
                    column = _char_column(self.lines, line, offset)
                    self.state.marks.setdefault(line, set()).add((column, dataset))
            return frozenset({dataset})
        return NOTHING

    def place_of(self, prefix: str) -> str | None:
        """The dataset whose files lie below a URL's known start, if that start names one:
        only a folder (``.../resolve/main/``) or a whole path segment counts, never half a
        file name (``.../mnist`` of ``mnist_model.pt``), and never the pages that show
        files (``.../blob/main/``: a scraper reading checksums off them fetches no data)."""
        if not URL.match(prefix) or "/" not in prefix.split("://", 1)[1].rstrip("/"):
            return None
        if "/blob/" in prefix:
            return None  # a file's web page (Hub, GitHub), fetched as HTML: not its data
        if not prefix.endswith("/"):
            prefix = prefix.rpartition("/")[0] + "/"
        return self.resolve("url", prefix, needs_known=True)

    def joined_url(self, node: ast.expr) -> Carried:
        """``HAM_URL = DOWNLOAD_ROOT + "20030228_easy_ham.tar.bz2"`` at module level: a data
        file's URL joined from names bound above is a download URL in code, as a literal one
        is, and the names it was joined from are its parts."""
        names = list(_names_in(node))
        if any(self.values.get(name) is None or name in self.looped for name in names):
            return NOTHING  # a loop's file name: the download in the loop folds it (each file)
        text = fold_text(node, self.values, 4)
        if text is None or not URL.match(text) or DATA_FILE.search(text) is None:
            return NOTHING
        dataset = self.resolve("url", text)
        if dataset is None:
            return NOTHING
        self.emit(dataset, node.lineno, node.col_offset, Kind.URL, "")
        for name in self.value_names([node]):  # as bound above it (a later cell may rebind)
            if name in self.value_lines:
                line, offset = self.value_lines[name]
                column = _char_column(self.lines, line, offset)
                self.state.marks.setdefault(line, set()).add((column, dataset))
        return frozenset({dataset})

    def mark_constants(self, node: ast.expr, carried: Carried, named: bool = False) -> None:
        """``DOWNLOAD_ROOT + filename``: the root carries what the joined value carries.
        ``named``: only a value whose literals name more than a place (``"mmlu"``, not
        ``"data"``, any download's folder)."""
        values = self.bindings.values
        for name in _names_in(node):
            binding = self.bound.get(name)
            if binding is None or not binding.line:
                continue
            value = binding.value
            if fold_text(value, values, 4) is None and not _literal_path(value):
                continue
            if named and not any(
                isinstance(part, ast.Constant)
                and set(_words(str(part.value))) - LOCATION_WORDS - {"tmp", "downloads"}
                for part in _parts(value)
            ):
                continue
            column = _char_column(self.lines, binding.line, binding.column)
            for dataset in carried:
                self.state.marks.setdefault(binding.line, set()).add((column, dataset))

    def feed(
        self,
        function: ast.FunctionDef | ast.AsyncFunctionDef,
        node: ast.Call,
        env: dict[str, Carried],
    ) -> None:
        """``load_chorales(train_files)``: a loader-named function of this module given a
        name that carries a dataset reads it through that parameter."""
        parameters = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
        pairs = [*zip(parameters, node.args, strict=False)]
        pairs += [(k.arg, k.value) for k in node.keywords if k.arg is not None]
        for parameter, argument in pairs:
            carried = self.carried(argument, env)
            if carried:
                known = self.state.fed.setdefault(function.name, {})
                known[parameter] = known.get(parameter, NOTHING) | carried

    def field_option(self, target: ast.expr, value: ast.expr, env: dict[str, Carried]) -> None:
        """``dataset: str = field(default="alpaca")`` in a dataclass of arguments (parsed by
        HfArgumentParser into ``args``), or a plain default (``input_bin: str =
        'data/fineweb10B/fineweb_train_*.bin'`` in ``class Hyperparameters``, then ``args =
        Hyperparameters()``): ``args.dataset`` carries what the default does."""
        if not isinstance(target, ast.Name) or _output(target.id):
            return
        default: ast.expr | None = value
        if isinstance(value, ast.Call) and (dotted_name(value.func) or "") in FIELDS:
            default = next((k.value for k in value.keywords if k.arg == "default"), None)
        if default is None:
            return
        carried = self.carried(default, env) | self.seeded(default)
        if carried:
            known = self.state.options.get(target.id, NOTHING)
            self.state.options[target.id] = known | carried

    def option(self, node: ast.Call, env: dict[str, Carried]) -> None:
        """``parser.add_argument('--data', default=DATA_PATH)``: ``args.data`` carries it."""
        if not isinstance(node.func, ast.Attribute) or node.func.attr != "add_argument":
            return
        default = next((k.value for k in node.keywords if k.arg == "default"), None)
        if default is None:
            return
        carried = self.carried(default, env) | self.seeded(default)
        dest = next((k.value for k in node.keywords if k.arg == "dest"), None)
        names = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if isinstance(dest, ast.Constant) and isinstance(dest.value, str):
            name = dest.value
        else:
            long = [n for n in names if isinstance(n, str) and n.startswith("--")]
            plain = [n for n in names if isinstance(n, str) and not n.startswith("-")]
            chosen = (long or plain or [""])[0]
            name = chosen.lstrip("-").replace("-", "_")
        if carried and name and not _output(name):
            self.state.options[name] = self.state.options.get(name, NOTHING) | carried

    def opened(self, value: ast.expr, targets: Sequence[ast.expr]) -> None:
        """Record which names hold an opened archive's handle (``zip_ref`` of ``with
        ZipFile(archive) as zip_ref``, ``tar = tarfile.open(archive)``); any other binding
        ends one."""
        opens = (
            isinstance(value, ast.Call)
            and dotted_name(value.func) in ARCHIVE_HANDLES
            and not writes_to(value)
        )
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            if opens and _plain_handle(target.id):
                self.handles.add(target.id)
            else:
                self.handles.discard(target.id)

    def through_handle(
        self, node: ast.Call, arguments: list[ast.expr], env: dict[str, Carried]
    ) -> bool:
        """Whether an operation reaches its data only through an archive's handle opened on
        an earlier line (``zip_ref.extractall(out)``): the opening is the reference, and the
        unpacking adds none. ``zip_ref.extractall(DATA_DIR)``, whose folder carries data of
        its own, is still a reference."""
        if not self.handles:
            return False
        parts = [*arguments, node.func.value] if isinstance(node.func, ast.Attribute) else arguments
        handle = [isinstance(p, ast.Name) and p.id in self.handles for p in parts]
        others = (p for p, is_handle in zip(parts, handle, strict=True) if not is_handle)
        return any(handle) and not any(self.carried(p, env) for p in others)

    def writer(self, value: ast.expr, target: ast.expr) -> None:
        """``with open(path, "w") as f``: what ``f.write`` writes ends up at ``path``."""
        if (
            isinstance(value, ast.Call)
            and dotted_name(value.func) == "open"
            and value.args
            and writes_to(value)
            and isinstance(target, ast.Name)
        ):
            self.writers[target.id] = value.args[0]

    def saved(self, node: ast.Call, env: dict[str, Carried]) -> None:
        """``dataset["train"].to_json("train_dataset.json")``: a dataset's data written to a
        file of its own is that dataset's, on this line and where the file is read back
        (``load_dataset("json", data_files="train_dataset.json")``)."""
        func = node.func
        if not isinstance(func, ast.Attribute) or func.attr not in SAVE_METHODS:
            return
        carried = self.carried(func.value, env)
        if not carried or len(carried) > MAX_DATASETS or self.messages:
            return
        target = node.args[0] if node.args else None
        target = next((k.value for k in node.keywords if k.arg in SAVE_KEYS), target)
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            self.copies[target.value] = self.copies.get(target.value, NOTHING) | carried
        elif isinstance(target, ast.Name):
            env[target.id] = self.carried(target, env) | carried
        for dataset in sorted(carried):
            self.emit(dataset, node.lineno, node.col_offset, Kind.PATH, func.attr)

    def written(self, node: ast.Call, env: dict[str, Carried]) -> None:
        """``f.write(requests.get(url).text)``: the file written holds the downloaded data, so
        the name of its path carries the dataset (``input_file_path``, read further down)."""
        self.saved(node, env)
        func = node.func
        if dotted_name(func) == "shutil.copyfileobj" and len(node.args) == 2:
            source, target = node.args  # shutil.copyfileobj(f_in, f_out): a copy of the file
        elif isinstance(func, ast.Attribute) and func.attr == "write" and node.args:
            source, target = node.args[0], func.value
        else:
            return
        path = self.writers.get(target.id) if isinstance(target, ast.Name) else None
        carried = self.carried(source, env)
        if path is None or not carried or not (self.fetched(source) or _handle_read(source)):
            return  # a log or results file written with a dataset's name in it is no copy
        if isinstance(path, ast.Name):
            env[path.id] = self.carried(path, env) | carried  # read back further down
        if isinstance(path, ast.Constant) and isinstance(path.value, str) and path.value.strip():
            # open("17flowers.tgz", "wb"): the file the download is saved to, and the same
            # name read back further down (tarfile.open("17flowers.tgz"))
            self.copies[path.value] = self.copies.get(path.value, NOTHING) | carried
            for dataset in sorted(carried):
                self.emit(dataset, path.lineno, path.col_offset, Kind.PATH, path.value)
        for name in _names_in(path):
            binding = self.bound.get(name)
            if binding is not None and binding.line:
                column = _char_column(self.lines, binding.line, binding.column)
                for dataset in carried:
                    self.state.marks.setdefault(binding.line, set()).add((column, dataset))

    def fetched(self, node: ast.expr) -> bool:
        """The value holds what a download returned: ``requests.get(url).text``,
        ``response.read()``, or a name bound to a download (``data = urlopen(url)``)."""
        for part in ast.walk(node):
            if isinstance(part, ast.Call) and self.operation(part) is Kind.URL:
                return True
            if isinstance(part, ast.Name) and part.id in self.downloads:
                return True
        return False

    def touch(self, carried: Carried) -> None:
        if self.touched:
            self.touched[-1].update(carried)

    def emit(self, dataset: str, line: int, offset: int, kind: Kind, surface: str) -> None:
        if self.classes and kind is not Kind.URL:
            # Inside a class, flow decides whether the class loads a dataset (its own line is
            # the reference) and finds its downloads: a dataset class's other steps
            # (checking, unpacking, listing its files) are its machinery.
            return
        column = _char_column(self.lines, line, offset)
        surface = surface or _surface(self.lines, line, column)
        self.found.append((dataset, line, column, kind, surface))


def _children(node: ast.AST) -> Iterator[ast.expr]:
    """The expressions directly below ``node`` (keywords' values included), less the names
    and literals, which hold no call: most of an expression's nodes, skipped unvisited."""
    for name in node._fields:
        value = getattr(node, name, None)
        for child in value if type(value) is list else (value,):
            if type(child) is ast.keyword:
                child = child.value
            if type(child) not in _LEAVES and isinstance(child, ast.expr):
                yield child


def _plain_handle(name: str) -> bool:
    """Whether a handle's name is only words of handles (``zip_ref``), no data's name."""
    return all(word.lower() in HANDLE_WORDS for word in WORDS.findall(name))


def _handle_read(node: ast.expr) -> bool:
    """The content of an opened file as read: ``f_in.read()``, the handle itself (as
    ``shutil.copyfileobj`` takes it) or a name bound to either (``for line in f_in``).
    Written out, it copies the data (a gzip file decompressed to ``movie_data.csv``); a value
    computed from it (``str(frame.shape)``, a call's result) is no copy."""
    if isinstance(node, ast.Name):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"read", "read_bytes", "read_text"}
        and isinstance(node.func.value, ast.Name)
    )


def may_download(text: str) -> bool:
    """Whether the text spells a download call's name (one of ``DOWNLOAD_WORDS``)."""
    return any(word in text for word in DOWNLOAD_WORDS)


def _union(parts: Iterable[Carried]) -> Carried:
    result: set[str] = set()
    for part in parts:
        result |= part
    return frozenset(result)


def _unpacked_into(argument: ast.expr, node: ast.Call) -> TypeGuard[ast.Name]:
    """``argument`` is the folder an archive's ``extractall``/``extract`` unpacks into."""
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in {"extractall", "extract"}:
        return False
    place = _argument_of(node, 0 if func.attr == "extractall" else 1, "path")
    return isinstance(argument, ast.Name) and argument is place


def _file_command(node: ast.Call) -> bool:
    """``os.system(f"tar -xf {archive}")``, ``subprocess.run(["unzip", path])``: a command
    that unpacks, moves or removes files (not a script run with a data path among its
    arguments: that script's own lines are the references)."""
    command = node.args[0] if node.args else None
    if isinstance(command, ast.List | ast.Tuple):
        command = command.elts[0] if command.elts else None
    if isinstance(command, ast.JoinedStr):
        command = command.values[0] if command.values else None
    if not isinstance(command, ast.Constant) or not isinstance(command.value, str):
        return False
    words = command.value.split()
    return bool(words) and words[0] in FILE_COMMANDS


def _argument_of(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    """The argument at ``position`` or given as ``keyword``."""
    named = next((k.value for k in node.keywords if k.arg == keyword), None)
    if named is not None:
        return named
    return node.args[position] if len(node.args) > position else None


def _arguments(node: ast.Call) -> Iterator[ast.expr]:
    yield from node.args
    yield from (keyword.value for keyword in node.keywords)


def _parts(node: ast.expr, *, backwards: bool = False) -> Iterator[ast.expr]:
    """The pieces a path is joined from: literals and the values between them, in order
    (``backwards``: last first).

    A stack rather than nested generators: each piece yielded from nested ``yield from``
    passes through every level above it, so a hostile 900-term ``+`` chain cost seconds."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Div | ast.Mod):
            children = [node.left, node.right]
        elif isinstance(node, ast.JoinedStr):
            children = [p.value if isinstance(p, ast.FormattedValue) else p for p in node.values]
        elif isinstance(node, ast.Call) and (dotted_name(node.func) or "") in PATH_BUILDERS:
            children = list(node.args)
        else:
            if not (isinstance(node, ast.Constant) and node.value in {"", "/"}):
                yield node
            continue
        stack += children if backwards else children[::-1]


def _own_file(node: ast.expr) -> bool:
    """A path built onto a location whose file, by its name, configures or describes the run
    or lists the data (``join(root, "splits.json")``, ``root / "config.yaml"``): a file a
    module writes or keeps beside the data, not the data (python_ast.NOT_DATA_WORDS).

    The last piece is looked at first: ``carried`` asks this at every level of a ``+``
    chain, and listing every piece (or walking the tree) each time made a chain cubic."""
    last = next(_parts(node, backwards=True), None)
    return (
        isinstance(last, ast.Constant)
        and isinstance(last.value, str)
        and "." in last.value
        and not_data_file(last.value)
        and _builds_path(node)
    )


def _literal_path(node: ast.expr) -> bool:
    """``os.path.join(os.path.dirname(__file__), "data")``: a path whose only unknown is where
    the module itself lies."""
    parts = list(_parts(node))
    named = [p for p in parts if not isinstance(p, ast.Constant)]
    file = all("__file__" in ast.dump(p) for p in named)
    return _builds_path(node) and file and any(isinstance(p, ast.Constant) for p in parts)


def _builds_path(node: ast.expr) -> bool:
    """A value that names a location: a join, ``Path(...)``, ``/``, or a ``+``/f-string whose
    literal parts are a path or a URL."""
    if isinstance(node, ast.Call):
        dotted = dotted_name(node.func) or ""
        return dotted in PATH_BUILDERS or (
            isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath"
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return True
    if isinstance(node, ast.BinOp | ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant)
            and isinstance(part.value, str)
            and ("/" in part.value or "." in part.value)
            for part in ast.walk(node)
        )
    return False


def _message(node: ast.Call) -> bool:
    """print(...), logger.info(...), warnings.warn(...): text for people, not data."""
    dotted = dotted_name(node.func) or ""
    head = dotted.split(".", 1)[0]
    leaf = dotted.rpartition(".")[2]
    return head in MESSAGES or (isinstance(node.func, ast.Attribute) and leaf in MESSAGE_METHODS)


def _words(name: str) -> list[str]:
    return [word.lower() for word in WORDS.findall(name)]


def _settings(dataset: str) -> bool:
    """``local:configs/base.json``, ``local:checkpoint.pth.tar``: a local file the other
    passes took for data whose name says it holds settings or a run's output; followed, it
    would make every place that reads settings or weights a data reference."""
    words = set(_words(dataset))
    return dataset.startswith("local:") and bool(words & (SETTINGS_WORDS | OUTPUT_WORDS))


def _output(name: str) -> bool:
    """A name where a run writes or keeps its models (save_dir, model_path, resume); a
    cache named for data (DATA_CACHE_DIR) is where the data is kept."""
    words = set(_words(name))
    if words & DATA_WORDS:
        words.discard("cache")
    return bool(words & OUTPUT_WORDS)


def _builds_dataset(name: str) -> bool:
    """load_chorales, bach_dataset: a function that makes a dataset of what it is given
    (fed a carried name, it reads that data). read_json or get_data is any file's helper."""
    words = _words(name)
    return bool(words) and (words[0] in FEEDING_VERBS or words[-1] in {"dataset", "datasets"})


def _bare_verb(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    """``def download():`` in a data script: a function named by its verb alone names no
    data; its body's references are the script's, its ``def`` and its calls are machinery
    (``def fetch_housing_data():``, ``def load_email():`` name theirs)."""
    words = _words(node.name)
    return not isinstance(node, ast.ClassDef) and len(words) == 1 and words[0] in LOADER_VERBS


def _carrier_call(func: ast.expr) -> bool:
    """``get_training_set(...)`` or, through an imported module of the repository,
    ``data.get_training_set(...)`` (carriers of other modules are keyed so, extract/links.py);
    never a method of an object (``self.load()``)."""
    if isinstance(func, ast.Name):
        return True
    dotted = dotted_name(func) if isinstance(func, ast.Attribute) else None
    return dotted is not None and not dotted.startswith(("self.", "cls."))


def _makes_data(name: str) -> bool:
    """A class whose name says it is a dataset made of what it is given (``Corpus``,
    ``FaceDataset``), not a loader or sampler of one, nor weights. A function of another
    module is not enough (``load_mx_rec(path)`` converts a file as often as it loads it)."""
    words = _words(name)
    if not name[:1].isupper() or set(words) & OUTPUT_WORDS:
        return False
    return bool(set(words) & DATA_NOUNS) and words[-1] not in {"loader", "sampler"}


def _named_for(name: str, touched: Iterable[str]) -> bool:
    """A function or class named for the data its body reads (``getKaggleMNIST``,
    ``lambada_create_tokens_data``, ``get_robert_frost`` reading ``robert_frost.txt``): the
    words of a dataset it touches stand together in its name. Not a measure of the data or a
    model of it (``lfw_accuracy``, ``MNISTClassifier``), nor a file named only for its part
    or place (``train.csv`` in ``def train():``)."""
    words = _words(name)
    if set(words) & (NOT_LOADERS | OUTPUT_WORDS - {"load"}):
        return False
    for dataset in touched:
        own = _dataset_words(dataset)
        if not own or set(own) <= UNNAMED:
            continue
        if any(words[i : i + len(own)] == own for i in range(len(words) - len(own) + 1)):
            return True
    return False


def _dataset_words(dataset: str) -> list[str]:
    """The words of a dataset's own name: ``cifar-10`` -> cifar, 10; ``kaggle:competition/
    digit-recognizer`` -> digit, recognizer; ``local:poems/robert_frost.txt`` -> robert, frost."""
    last = re.split(r"[:/]", dataset)[-1]
    if dataset.startswith("local:"):
        last = posixpath.splitext(last)[0]
    return _words(last)


def _loader_named(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    words = _words(node.name)
    if set(words) & (OUTPUT_WORDS - {"load"}):
        return False  # load_model, load_tf_model_weights: weights, not data
    if isinstance(node, ast.ClassDef):
        bases = [(dotted_name(base) or "").rpartition(".")[2] for base in node.bases]
        return bool(set(words) & DATA_NOUNS) or any(b.endswith("Dataset") for b in bases)
    if set(words) & LOADER_VERBS or (words and words[-1] in {"dataset", "datasets"}):
        return True
    # get_training_dataloader, build_loader: a getter of what feeds the data in batches
    return bool(words) and words[0] in GETTERS and bool(set(words) & (DATA_NOUNS | BATCHERS))


def _label(node: ast.expr) -> str:
    """The name a reference's surface shows: the called or bound name, as written."""
    if isinstance(node, ast.Call):
        node = node.func
    return dotted_name(node) or ""
