"""Dataset loader calls in Python, found through the AST with import aliases resolved.

``import torchvision.datasets as dsets; dsets.MNIST(...)``, ``from datasets import
load_dataset as ld; ld("imdb")``, ``tfds.load("mnist:3.*.*")``, ``fetch_lfw_people()``,
``keras.datasets.cifar10.load_data()``, ``kagglehub.dataset_download("owner/name")``,
``pd.read_csv("https://.../data.csv")``. A call whose dataset argument is not a literal is
skipped: guessing would be worse than the text pass, which still sees the names.

Each call is reported with its *source* (``hf``, ``torchvision``, ``kaggle``, ``local``,
``url``, ...), which names an unknown dataset (``hf:someone/corpus``) when neither the
blocklist nor the catalogue knows it.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from datasheet_lint.extract.context import key_words
from datasheet_lint.extract.data_paths import LOCATION_WORDS, OUTPUT_WORDS, without_split
from datasheet_lint.extract.writes import writes_file, writes_to
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# A module can only hold a loader call we recognise if its text names one of these, or
# imports a library's ``datasets``; the AST (the costly part of a scan) is built only then.
# The names are plain substrings, looked for with ``in``: one regex of them all is tried by
# ``re`` at every position of every module, several times slower (docs/performance.md).
LOADER_WORDS = (
    "load_dataset",
    "load_from_disk",
    "hf_hub_download",
    "snapshot_download",
    "dataset_download",
    "get_dataset",
    "tensorflow_datasets",
    "fetch_openml",
    "read_csv",
    "read_json",
    "read_parquet",
    "read_table",
    "read_excel",
    "read_feather",
    "urlretrieve",
    "urlopen",
    "requests.get",
    "wget.download",
    "gdown.download",
    "download_url",
    "get_file",
    "ImageFolder",
    # teaching and plotting libraries' sample data, TensorFlow 1's tutorial reader
    "tutorials.mnist",
    "learn.datasets",
    "vega_datasets",
    "skimage",
    "pydataset",
    "get_rdataset",
    "mglearn",
    "plotly.express",
)
LIBRARY_DATASETS = lazy(  # every match holds "datasets": looked for only in modules that do
    r"(?:torchvision|torchaudio|torchtext|sklearn|keras)[\w.]{0,64}"
    r"(?:\.datasets|[ \t]+import[ \t]+[\w, \t(]*\bdatasets)"
)
# A reader given a data file's name on the same line (np.load("x.npy"), open(join(d,
# "train.txt"))), or a data file joined onto a location, is worth parsing for too; a reader
# of a path built elsewhere is not (most code has many, and nothing static names the file).
DATA_LITERAL = lazy(
    r"""\.(?:csv|tsv|jsonl?|npy|npz|h5|hdf5|mat|pkl|pickle|parquet|txt|bin|gz|bz2|zip|tgz|tar|shp|"""
    r"""geojson|gpkg|sqlite3?|db|tfrecords?)['"]"""
)
READER_CALL = lazy(
    r"(?:\bload|memmap|loadtxt|genfromtxt|fromfile|File|loadmat|Folder|\bopen|\bjoin|"
    r"read_\w+|connect|Dataset|from_directory)\s*\("
)
LITERALS_LOOKED_AT = 200  # per file: enough for real code, bounded for hostile files


def worth_parsing(text: str) -> bool:
    """Whether the module may hold a loader call, a read of a named data file or a data
    file's URL bound to a name (``bound_urls``)."""
    if any(word in text for word in LOADER_WORDS):
        return True
    if "://" in text and DATA_URL_LITERAL.search(text):
        return True
    if "datasets" in text and LIBRARY_DATASETS.search(text):
        return True
    for count, literal in enumerate(DATA_LITERAL.finditer(text)):
        if count >= LITERALS_LOOKED_AT:
            break
        line_start = text.rfind("\n", 0, literal.start()) + 1
        # Every reader call opens a parenthesis: a line with none before the literal
        # (path = root / "x.npy") is ruled out before READER_CALL, which the regex engine
        # tries at every position of the line.
        if text.find("(", line_start, literal.start()) < 0:
            continue
        if READER_CALL.search(text, line_start, literal.start()):
            return True
    return False


# Qualified callable -> (source, argument position, keyword names) of the dataset's name.
NAME_ARGUMENT: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "tensorflow_datasets.load": ("tfds", 0, ("name",)),
    "tensorflow_datasets.builder": ("tfds", 0, ("name",)),
    "tensorflow_datasets.data_source": ("tfds", 0, ("name",)),
    "kagglehub.dataset_download": ("kaggle", 0, ("handle",)),
    "kaggle.api.dataset_download_files": ("kaggle", 0, ("dataset",)),
    "kaggle.api.dataset_download_file": ("kaggle", 0, ("dataset",)),
    "openml.datasets.get_dataset": ("openml", 0, ("dataset_id",)),
    "sklearn.datasets.fetch_openml": ("openml", 0, ("name", "data_id")),
    "datasets.load_from_disk": ("local", 0, ("dataset_path",)),
    # Libraries' bundled or mirrored sample data, each named by its first argument.
    "seaborn.load_dataset": ("seaborn", 0, ("name",)),  # sns.load_dataset("titanic")
    "vega_datasets.data": ("vega", 0, ("name",)),  # data("iris")
    "pydataset.data": ("pydataset", 0, ("item",)),  # data("titanic")
    "statsmodels.api.datasets.get_rdataset": ("rdatasets", 0, ("dataname",)),
    "statsmodels.datasets.get_rdataset": ("rdatasets", 0, ("dataname",)),
}
# Modules that hold one dataset's reader and nothing else: their import, and any call
# through them, load that dataset (named as the source's loaders name it). TensorFlow 1's
# tutorial reader downloads and reads MNIST's four IDX files: ``from
# tensorflow.examples.tutorials.mnist import input_data``, ``input_data.read_data_sets(d)``.
ONE_DATASET_MODULES: dict[str, tuple[str, str]] = {
    "tensorflow.examples.tutorials.mnist": ("keras", "mnist"),
    "tensorflow.contrib.learn.python.learn.datasets.mnist": ("keras", "mnist"),
    "tensorflow.contrib.learn.datasets.mnist": ("keras", "mnist"),
}
# Modules of sample data whose every public function returns one dataset, named by the
# function (``vega_datasets.data.seattle_weather()``, ``skimage.data.camera()``,
# ``mglearn.datasets.load_citibike()``, ``px.data.iris()``), less their machinery.
SAMPLE_MODULES: dict[str, str] = {
    "vega_datasets.data": "vega",
    "skimage.data": "skimage",
    "mglearn.datasets": "mglearn",
    "plotly.express.data": "plotly",
    "plotly.data": "plotly",
}
SAMPLE_MACHINERY = frozenset(
    {"download_all", "load", "data_dir", "list_datasets", "file_hash", "fetch", "image_fetcher"}
)
# Names every tutorial, course and notebook gives these libraries: bound by an import only in a
# cell that is gone, or by a star import (``from fastai.vision.all import *`` brings pandas as
# ``pd``), ``pd.read_csv("train.csv")`` still reads pandas' way. An import here rebinds them.
CONVENTIONAL_NAMES = {"tf": "tensorflow", "pd": "pandas", "np": "numpy"}
# ``nlp`` is the Hugging Face datasets library's name before its 1.0 release.
HF_LOADERS = (
    "datasets.load_dataset",
    "datasets.load_dataset_builder",
    "nlp.load_dataset",
)
# Called by a bare name that no import here explains (a wildcard or relative import of a
# wrapper), these are still Hugging Face's loaders: their literal argument is a dataset id.
UNQUALIFIED_HF = frozenset({"load_dataset"})
HUB_DOWNLOADS = ("huggingface_hub.hf_hub_download", "huggingface_hub.snapshot_download")
KAGGLE_METHODS = ("dataset_download_files", "dataset_download_file")  # on a KaggleApi()
# Hugging Face's generic builders read local or remote files named in data_files/data_dir.
HF_GENERIC = frozenset(
    [
        "json",
        "csv",
        "parquet",
        "text",
        "arrow",
        "imagefolder",
        "audiofolder",
        "videofolder",
        "webdataset",
        "pandas",
        "xml",
        "sql",
        "generator",
    ]
)
# Calls whose first argument is a URL of data. Pandas readers read data by definition; for
# the others the URL must be a known dataset's or end in a data file (see ``needs_known``).
URL_READERS = {
    **{
        f"pandas.read_{kind}": False
        for kind in ["csv", "json", "parquet", "table", "excel", "feather"]
    },
    "requests.get": True,
    "urllib.request.urlretrieve": True,
    "urllib.request.urlopen": True,
    "wget.download": True,
    "gdown.download": True,
    "torch.hub.download_url_to_file": True,
    "torchvision.datasets.utils.download_url": True,
    "torchvision.datasets.utils.download_and_extract_archive": True,
    "keras.utils.get_file": True,
    "tensorflow.keras.utils.get_file": True,
    "keras.utils.data_utils.get_file": True,
}
# Calls whose first argument is a path of a data file the code reads (np.load("x.npy"),
# h5py.File("faces.h5"), open("data/train.csv")): a reference to a local file, when the path's
# literal parts end in a data file's suffix.
# Keras reads a folder of class folders (image_dataset_from_directory("../input/x/train")),
# under each of the module paths it has been published at.
KERAS_FOLDER_READERS = frozenset(
    f"{module}.{kind}_dataset_from_directory"
    for module in (
        "keras.utils",
        "keras.preprocessing",
        "tensorflow.keras.utils",
        "tensorflow.keras.preprocessing",
    )
    for kind in ("image", "text", "audio")
)
FOLDER_READERS = KERAS_FOLDER_READERS | frozenset(
    {"torchvision.datasets.ImageFolder", "torchvision.datasets.DatasetFolder"}
)
# Readers of one format whose files have their own suffixes: a geographic file (.shp,
# .geojson, .gpkg) read by geopandas, a SQLite database opened by sqlite3.
FORMAT_READERS: dict[str, tuple[str, ...]] = {
    "geopandas.read_file": (".shp", ".geojson", ".gpkg", ".kml", ".gml", ".json", ".zip"),
    "sqlite3.connect": (".sqlite", ".sqlite3", ".db"),
}
ARCHIVE_READERS = frozenset({"tarfile.open", "tarfile.TarFile", "zipfile.ZipFile"})
PATH_READERS = FOLDER_READERS | frozenset(
    {f"pandas.read_{kind}" for kind in ["csv", "json", "parquet", "table", "excel", "feather"]}
    | {"pandas.read_pickle", "pandas.read_hdf", "pandas.read_stata", "pandas.read_sas"}
    | {"numpy.load", "numpy.memmap", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromfile"}
    | {"h5py.File", "scipy.io.loadmat", "builtins.open", "json.load", "pickle.load"}
    # compressed files opened to be read (gzip.open("movie_data.csv.gz", "rb"))
    | {"gzip.open", "gzip.GzipFile", "bz2.open", "bz2.BZ2File", "lzma.open"}
    # archives opened to be read or unpacked (tarfile.open("17flowers.tgz"))
    | ARCHIVE_READERS
    | {"tensorflow.data.TFRecordDataset", "tensorflow.data.TextLineDataset"}
    | set(FORMAT_READERS)
)
# Modules whose classes are datasets: torchvision.datasets.MNIST(...).
DATASET_MODULES = (
    "torchvision.datasets",
    "torchaudio.datasets",
    "torchtext.datasets",
    "torchtext.legacy.datasets",
)
DATASET_CLASSMETHODS = ("splits", "iters", "download")  # torchtext's legacy datasets
KERAS_PREFIXES = ("keras.datasets.", "tensorflow.keras.datasets.")
# Loaders of the caller's own files, or of whatever dataset their argument names (imported,
# they name none). load_sample_image(s) reads images bundled with the library: data.
SKLEARN_NOT_DATASETS = frozenset(
    ["load_files", "load_svmlight_file", "load_svmlight_files", "fetch_openml", "fetch_file"]
)
# Classes in dataset modules that are machinery, not datasets.
NOT_DATASETS = frozenset(
    {"ImageFolder", "DatasetFolder", "VisionDataset", "FakeData"}
    | {"SequenceTaggingDataset", "TabularDataset", "LanguageModelingDataset"}
    | {"TranslationDataset", "Dataset", "Example", "Field"}
)
URL = re.compile(r"^(?:https?|ftp|s3|gs)://", re.IGNORECASE)
# A URL that fetches a file of data by its name's extension (tables, text, archives): bound
# to a name, an item or a return value it is a download the code makes later
# (``SOURCE_TRAIN_URL = "https://.../train.csv"``, a list of a corpus's shard URLs,
# ``return "https://.../dataset.csv"``), wherever the fetch itself stands.
DATA_URL_SUFFIXES = r"csv|tsv|jsonl?|parquet|arrow|txt|data|zip|tar|tgz|gz|bz2|xz|zst|7z"
DATA_URL_FILE = lazy(rf"\.(?:{DATA_URL_SUFFIXES})$", re.IGNORECASE)
# A repository's source snapshot (github.com/pypa/build/archive/refs/tags/1.5.0.tar.gz) is
# software, and the domains reserved for examples (RFC 2606) hold nothing.
SOURCE_ARCHIVE = lazy(r"^[a-z]+://(?:www\.)?(?:github|gitlab)\.com/[^/]+/[^/]+/(?:-/)?archive/")
PLACEHOLDER_HOST = lazy(r"^[a-z]+://(?:[\w-]+\.)*example\.(?:com|org|net)(?:[:/]|$)", re.IGNORECASE)
DATA_URL_LITERAL = lazy(
    rf"""://[^\s'"]{{1,300}}?\.(?:{DATA_URL_SUFFIXES})"""
    r"""(?:\?[^\s'"]*)?['"]""",
    re.IGNORECASE,
)
DATA_FILE = lazy(
    r"\.(?:zip|tar|tgz|gz|bz2|xz|7z|csv|tsv|json|jsonl|parquet|arrow|npz|npy|h5|hdf5|mat|"
    r"pkl|pickle|txt|xlsx?|feather|data|arff|tfrecords?)(?:[?#].*)?$",
    re.IGNORECASE,
)


DATA_FOLDER = lazy(r"(?:^|/)(?:\w*data\w*|corp(?:us|ora)|raw)/", re.IGNORECASE)
# Words of a file's stem that say it configures, describes or records the run, or is the
# repository's own text, not data it reads: open('config.json'), open('requirements.txt'),
# join(data_dir, 'meta.pkl') (a vocabulary's metadata), join(root, 'splits.json') (which a
# re-ID module writes from the dataset's own lists: labellers of two repositories left it).
NOT_DATA_WORDS = frozenset(
    {"config", "configs", "cfg", "conf", "settings", "setup", "requirements", "package"}
    | {"readme", "license", "licence", "version", "changelog", "notes", "todo", "secrets"}
    | {"vocab", "vocabulary", "tokenizer", "merges", "meta", "log", "logs", "args"}
    | {"arguments", "hparams", "params", "options", "prompt", "prompts", "template"}
    | {"templates", "hash", "hashes", "checksum", "checksums", "md5", "sha256", "revision"}
    | {"result", "results", "output", "outputs", "predictions", "history", "stats"}
    | {"credentials", "secret", "manifest", "cache", "cached", "splits"}
)
# Words of a folder that keeps a network's weights, not data (weights/, checkpoints/,
# pretrained_models/).
MODEL_FOLDER_WORDS = frozenset(
    {"weights", "checkpoint", "checkpoints", "ckpt", "ckpts", "pretrained", "snapshots"}
    | {"models"}
)
# A location that holds data is named with data_paths.LOCATION_WORDS (data_dir, root,
# sbd_path); these name a run's outputs, logs, caches or models (log_dir, model_path, tf_mdl_dir).
JOIN_OUTPUT_WORDS = OUTPUT_WORDS | {"mdl", "ckpt", "snapshot", "snapshots"}
# Folders of a repository's own tests: what their code opens is a fixture, not a dataset.
TEST_FOLDERS = frozenset({"test", "tests", "testing", "fixtures", "testdata", "test_data"})


@dataclass(frozen=True, slots=True)
class LoaderCall:
    """A loader's dataset name as spelled, where it is (1-based), and where it comes from."""

    source: str  # hf, kaggle, openml, tfds, torchvision, sklearn, keras, local, url, ...
    name: str  # "ylecun/mnist", "MNIST", "fetch_lfw_people", "data/train.jsonl", a URL
    line: int
    column: int
    needs_known: bool = False  # a URL that counts only if it is a known dataset's
    # A read known only by its file (open('reviews.txt'), join(data_dir, 'train.txt')): it
    # stands where nothing else on its line does (see ``unnamed_reads``).
    unnamed: bool = False
    joined: bool = False  # a data file joined onto a location, not yet read (path, not load)
    fetched: bool = False  # a data URL bound to a name: a download, not a load (bound_urls)


def _imports(node: ast.AST, names: dict[str, str]) -> None:
    """Record local name -> qualified name for one import statement."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                names[alias.asname] = alias.name
            else:
                head = alias.name.split(".", 1)[0]
                names[head] = head
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        for alias in node.names:
            names[alias.asname or alias.name] = f"{node.module}.{alias.name}"


def dotted_name(node: ast.expr) -> str | None:
    """``a.b.c`` for a name or an attribute chain of names; None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _qualified(func: ast.expr, imports: dict[str, str]) -> str | None:
    dotted = dotted_name(func)
    if dotted is None:
        return None
    head, _, rest = dotted.partition(".")
    if head not in imports:
        return None  # not imported here: a local function that merely shares the name
    qualified = imports[head]
    return f"{qualified}.{rest}" if rest else qualified


def _argument(call: ast.Call, position: int, keywords: tuple[str, ...]) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg in keywords:
            return keyword.value
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _constants(
    assignments: list[ast.Assign | ast.AnnAssign], parameters: list[tuple[str, ast.expr]]
) -> dict[str, ast.Constant]:
    """Names bound exactly once to a string or number literal (``URL = "https://..."``), by an
    assignment or as a parameter's default (``def train(data_path="yahma/alpaca-cleaned")``).

    A value built from literals and such names is folded into one literal: ``HOUSING_URL =
    DOWNLOAD_ROOT + "datasets/housing/housing.tgz"``, an f-string, ``os.path.join(ROOT,
    "train.csv")``, a parameter defaulting to a bound name (``def fetch(url=HOUSING_URL)``).
    A loader called with such a name (``requests.get(URL)``) gets the literal, reported where
    the value stands; a name bound twice is ambiguous and left alone.
    """
    bound: dict[str, ast.expr | None] = {}

    def bind(name: str, value: ast.expr) -> None:
        # Bound twice to the same value (two functions' housing_path=HOUSING_PATH) is one value.
        known = bound.get(name, value)
        same = known is value or (known is not None and _same_code(known, value))
        bound[name] = value if same else None

    for parameter, default in parameters:  # def train(data_path="yahma/alpaca-cleaned")
        bind(parameter, default)
    for node in assignments:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = target.id if isinstance(target, ast.Name) else None
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                name = f"{target.value.id}.{target.attr}"  # self.dataset_url = "..."
            if name is None or node.value is None:
                continue
            bind(name, node.value)
    folded: dict[str, ast.Constant] = {}
    for name, value in bound.items():
        if value is None:
            continue
        constant = _fold(value, bound, FOLD_DEPTH)
        if constant is not None:
            folded[name] = constant
    return folded


def _bound_value(
    node: ast.Name | ast.Attribute, bound: dict[str, ast.expr | None]
) -> ast.expr | None:
    """The expression a name was bound to once, read with or without ``self.``/``cls.``."""
    dotted = dotted_name(node) or ""
    return bound.get(dotted) or bound.get(dotted.removeprefix("self.").removeprefix("cls."))


def _same_code(first: object, second: object) -> bool:
    """Whether two values are the same code: what ``ast.dump(first) == ast.dump(second)``
    says, compared field by field and given up at the first difference. Names are often
    rebound to other values of the same kind (two different calls): dumping both in full at
    every rebinding cost ~10% of a whole scan (docs/performance.md)."""
    if isinstance(first, ast.AST):
        if type(first) is not type(second):  # a dump starts with the node's class name
            return False
        return all(
            _same_code(getattr(first, name, None), getattr(second, name, None))
            for name in first._fields
        )
    if isinstance(first, list):
        return (
            isinstance(second, list)
            and len(first) == len(second)
            and all(map(_same_code, first, second))
        )
    return not isinstance(second, ast.AST | list) and repr(first) == repr(second)


FOLD_DEPTH = 4  # names followed through names: real code binds a URL in one or two steps
PATH_JOINS = frozenset({"os.path.join", "osp.join", "path.join", "posixpath.join"})


def _fold(node: ast.expr, bound: dict[str, ast.expr | None], depth: int) -> ast.Constant | None:
    """The literal a value stands for, placed where the value stands, or None."""
    if isinstance(node, ast.Constant):
        return node if isinstance(node.value, str | int) else None
    if isinstance(node, ast.Name | ast.Attribute):  # placed where the name's value stands
        value = _bound_value(node, bound)
        return None if value is None or depth <= 0 else _fold(value, bound, depth - 1)
    text = fold_text(node, bound, depth)
    if text is None:
        return None
    return ast.copy_location(ast.Constant(value=text), node)


def fold_text(node: ast.expr, bound: dict[str, ast.expr | None], depth: int) -> str | None:
    """The string an expression builds from literals and names bound once (``+``,
    f-strings, ``os.path.join``), following names ``depth`` levels deep; None if unknown."""
    if depth < 0:
        return None
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.Name | ast.Attribute):
        value = _bound_value(node, bound)
        return None if value is None else fold_text(value, bound, depth - 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = fold_text(node.left, bound, depth)
        right = fold_text(node.right, bound, depth) if left is not None else None
        return None if right is None else left + right  # type: ignore[operator]
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            inner = part.value if isinstance(part, ast.FormattedValue) else part
            text = fold_text(inner, bound, depth)
            if text is None or (isinstance(part, ast.FormattedValue) and part.format_spec):
                return None
            parts.append(text)
        return "".join(parts)
    if isinstance(node, ast.Call) and dotted_name(node.func) in PATH_JOINS and not node.keywords:
        pieces = [fold_text(arg, bound, depth) for arg in node.args]
        if not pieces or any(piece is None for piece in pieces):
            return None
        return "/".join(piece.rstrip("/") for piece in pieces if piece is not None)
    return None


def fold_prefix(node: ast.expr, bound: dict[str, ast.expr | None], depth: int) -> str:
    """The text an expression is known to start with: what ``fold_text`` gives, else its
    leading literals and names bound once, up to the first part known only at run time
    (``f"{BASE_URL}/{filename}"`` starts with BASE_URL's value and a slash)."""
    if depth < 0:
        return ""
    whole = fold_text(node, bound, depth)
    if whole is not None:
        return whole
    if isinstance(node, ast.Name | ast.Attribute):
        value = _bound_value(node, bound)
        return "" if value is None else fold_prefix(value, bound, depth - 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = fold_text(node.left, bound, depth)
        if left is None:
            return fold_prefix(node.left, bound, depth)
        return left + fold_prefix(node.right, bound, depth)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            inner = part.value if isinstance(part, ast.FormattedValue) else part
            text = fold_text(inner, bound, depth)
            if text is None or (isinstance(part, ast.FormattedValue) and part.format_spec):
                parts.append(fold_prefix(inner, bound, depth))
                break
            parts.append(text)
        return "".join(parts)
    return ""


Constants = dict[str, ast.Constant]


def _defaults(arguments: ast.arguments) -> Iterator[tuple[str, ast.expr]]:
    """(name, default) of each parameter whose default is a literal or a name."""
    positional = [*arguments.posonlyargs, *arguments.args]
    pairs = [
        *zip(
            positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True
        ),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]
    for argument, default in pairs:
        if isinstance(default, ast.Constant | ast.Name | ast.Attribute):
            yield argument.arg, default


def _literal(node: ast.expr | None, source: str, constants: Constants) -> LoaderCall | None:
    """A string (or, for OpenML, integer) literal as a LoaderCall at its own position."""
    if isinstance(node, ast.Name | ast.Attribute):
        dotted = dotted_name(node) or ""
        # self.dataset_url may be set in a method or in the class body (dataset_url = "...").
        bare = dotted.removeprefix("self.").removeprefix("cls.")
        node = constants.get(dotted) or constants.get(bare)
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return None
    if isinstance(node.value, int):
        # An id, never a 4,000-digit number: str() of one raises ValueError (Python's
        # limit on int-to-string conversion), and no dataset is numbered so.
        if node.value.bit_length() > 64:
            return None
        return LoaderCall(source, str(node.value), node.lineno, node.col_offset + 1)
    if not isinstance(node.value, str) or not node.value.strip():
        return None
    # Column of the text inside the quotes, when the literal sits on one line unescaped.
    same_line = node.end_lineno == node.lineno and node.end_col_offset is not None
    width = (node.end_col_offset or 0) - node.col_offset
    quote = 1 if same_line and width == len(node.value) + 2 else 0
    return LoaderCall(source, node.value, node.lineno, node.col_offset + quote + 1)


def _literals(node: ast.expr | None, source: str, constants: Constants) -> Iterator[LoaderCall]:
    """Every string literal in a str, list, tuple or dict value (data_files=...)."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        for item in node.elts:
            yield from _literals(item, source, constants)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _literals(value, source, constants)
    else:
        found = _literal(node, source, constants)
        if found is not None:
            yield found


def _attribute_name(func: ast.expr, name: str, source: str) -> LoaderCall:
    end = func.end_col_offset or func.col_offset
    line = func.end_lineno or func.lineno
    return LoaderCall(source, name, line, end - len(name) + 1)


def _local_or_url(call: LoaderCall) -> LoaderCall:
    source = "url" if URL.match(call.name) else "local"
    return LoaderCall(source, call.name, call.line, call.column)


def _is_local_path(name: str) -> bool:
    """A path, not a Hub id: './x', '/data/x', 'x.py', or more than one slash."""
    return name.startswith((".", "/", "~")) or name.endswith(".py") or name.count("/") > 1


def _hugging_face(call: ast.Call, constants: Constants) -> Iterator[LoaderCall]:
    """load_dataset: a Hub id, a local script or folder, or a generic builder's files."""
    found = _literal(_argument(call, 0, ("path",)), "hf", constants)
    if found is None:
        return
    if found.name in HF_GENERIC:
        files = [*_literals(_keyword(call, "data_files"), "local", constants)]
        files += _literals(_keyword(call, "data_dir"), "local", constants)
        yield from (_local_or_url(f) for f in files)
    elif _is_local_path(found.name) or URL.match(found.name):
        yield _local_or_url(found)
    else:
        yield found


def _hub_dataset(call: ast.Call, constants: Constants) -> LoaderCall | None:
    repo_type = _keyword(call, "repo_type")
    if isinstance(repo_type, ast.Constant) and repo_type.value == "dataset":
        return _literal(_argument(call, 0, ("repo_id",)), "hf", constants)
    return None


def _named(
    call: ast.Call, constants: Constants, source: str, position: int, keywords: tuple[str, ...]
) -> LoaderCall | None:
    found = _literal(_argument(call, position, keywords), source, constants)
    if found is None:
        return None
    name = found.name
    if source == "tfds":  # "mnist:3.*.*", "coco/2017" -> builder name
        name = re.split(r"[:/]", name, maxsplit=1)[0]
    elif source == "kaggle":  # "owner/name/versions/3" -> owner/name
        name = "/".join(name.split("/")[:2])
    return LoaderCall(source, name, found.line, found.column)


def _url_reader(call: ast.Call, strict: bool, constants: Constants) -> LoaderCall | None:
    found = _literal(
        _argument(call, 0, ("url", "filepath_or_buffer", "path", "origin")), "url", constants
    )
    if (found is None or not URL.match(found.name)) and len(call.args) > 1:
        found = _literal(call.args[1], "url", constants)  # get_file(fname, origin)
    if found is None or not URL.match(found.name):
        return None
    data_file = DATA_FILE.search(found.name) is not None
    return LoaderCall(
        "url", found.name, found.line, found.column, needs_known=strict and not data_file
    )


def _joined(node: ast.expr | None, constants: Constants) -> tuple[str, int, int] | None:
    """The literal parts of a path built from literals and names (os.path.join(root,
    "train.csv"), root + "/x.npy", f"{root}/x.npy"), joined with '/', and where it stands."""
    found = _joined_parts(node, constants)
    if found is None:
        return None
    parts, line, column, _root = found
    return "/".join(parts), line, column


def _joined_parts(
    node: ast.expr | None, constants: Constants
) -> tuple[list[str], int, int, str | None] | None:
    """``_joined``'s parts, and the name of the location they are joined onto when that is
    a name no literal is known for (``data_dir`` in os.path.join(data_dir, "train.txt"))."""
    if node is None:
        return None
    parts: list[str] = []
    root: str | None = None
    first = _first_operand(node)
    for piece in _pieces(node):
        if isinstance(piece, ast.Name | ast.Attribute):
            literal = _literal(piece, "local", constants)
            if literal is not None:
                parts.append(literal.name.rstrip("/") if parts else literal.name)
            elif piece is first:
                dotted = dotted_name(piece)
                root = dotted.removeprefix("self.").removeprefix("cls.") if dotted else None
        elif isinstance(piece, ast.Constant) and _path_text(piece.value):
            part = str(piece.value).rstrip("/")  # an absolute path keeps its leading slash
            parts.append(part.lstrip("/") if parts or root else part)
    if not parts:
        return None
    if isinstance(node, ast.Name | ast.Attribute):
        # open(origin_txt) with origin_txt = '/data/protocols/Train.txt' bound once: the
        # line that spells the path is the reference (the call's own is one too, _at_call)
        literal = _literal(node, "local", constants)
        if literal is not None:
            return parts, literal.line, literal.column, root
    return parts, node.lineno, node.col_offset + 1, root


def _path_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip("/"))


def _first_operand(node: ast.expr) -> ast.expr:
    """What a path starts from: a join's first argument, the left end of ``+`` or ``/``,
    an f-string's first field (``os.path.dirname(__file__)`` is a call, not a name)."""
    while True:
        if isinstance(node, ast.BinOp):
            node = node.left
        elif isinstance(node, ast.Call) and node.args and _builds_path(node.func):
            node = node.args[0]
        elif isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if not isinstance(head, ast.FormattedValue):
                return head
            node = head.value
        else:
            return node


def _builds_path(func: ast.expr) -> bool:
    """os.path.join, osp.join, pjoin, Path: calls whose first argument a path starts from."""
    name = (dotted_name(func) or "").rpartition(".")[2]
    return name in {"join", "pjoin", "Path", "PurePath", "PosixPath"}


def _pieces(node: ast.expr) -> Iterator[ast.expr]:
    """The literals and names a path is built from, in reading order: the operands of ``+``
    and ``/``, an f-string's parts, a call's arguments (``os.path.join``, ``Path``) and the
    string a method is called on (``"{}.csv".format(split)``).

    A stack rather than nested generators, whose every piece passes through each level
    above it: quadratic on a hostile 900-term ``+`` chain."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp):
            children = [node.left, node.right]
        elif isinstance(node, ast.JoinedStr):
            children = [p.value if isinstance(p, ast.FormattedValue) else p for p in node.values]
        elif isinstance(node, ast.Call):
            func = node.func
            method = isinstance(func, ast.Attribute) and dotted_name(func) is None
            children = [func.value] if isinstance(func, ast.Attribute) and method else []
            children += node.args
        else:
            yield node
            continue
        stack += children[::-1]


def _path_reader(call: ast.Call, qualified: str, constants: Constants) -> LoaderCall | None:
    found = _joined_parts(
        _argument(call, 0, ("file", "fname", "filename", "path", "root")), constants
    )
    if found is None or writes_to(call):
        return None
    parts, line, column, root = found
    if root is not None and key_words(root.rpartition(".")[2]) & JOIN_OUTPUT_WORDS:
        return None  # open(FLAGS.output_dir + '/label2id.pkl'): the run's own file read back
    path = "/".join(parts)
    data = (
        DATA_FILE.search(path) is not None
        or path.endswith(".bin")  # np.memmap("train.bin")
        or path.lower().endswith(FORMAT_READERS.get(qualified, ()))
        # ImageFolder("../data/test_images"): a folder of data, named by more than a split's
        # name (ImageFolder(join(args.data, "train")) names no dataset)
        or (qualified in FOLDER_READERS and "/" in path.strip("/"))
    )
    if URL.match(path) or not data or "{" in path or "*" in path or not_data_file(path):
        return None
    name = path.rsplit("/", 1)[-1]
    if name.startswith(".") and name.strip("."):
        return None  # root + name + ".npy" names no file; .git_archival.txt is the repo's
    if qualified in ARCHIVE_READERS and WEIGHTS_SUFFIX.search(name):
        return None  # zipfile.ZipFile("resnet50.pth.zip"): a network's weights
    if qualified in FOLDER_READERS:  # ImageFolder(data_dir + '/train'), (data_dir + '/test')
        path = without_split(path)
    # bound elsewhere (origin_txt = '.../Train.txt'; open(origin_txt)): that line spells a
    # data file's path, read at the call's line (_at_call)
    bound = line != call.lineno and DATA_FILE.search(path) is not None
    if path.endswith(".txt") and not DATA_FOLDER.search(path):
        # open("reviews.txt"), open(join(root, "pairs.txt")): a text file that no data
        # folder places (data/ptb.train.txt is data) is data only where nothing else is.
        named = path if root is None else f"{root}/{path}"
        return LoaderCall("local", named, line, column, unnamed=True, joined=bound)
    return LoaderCall("local", path, line, column, joined=bound)


def not_data_file(path: str) -> bool:
    """A file that configures, describes or records the run (``config.json``,
    ``requirements.txt``, ``log.txt``), by the words of its name, or one kept in a folder of
    models (``src/weights/pnet.npy``, ``checkpoints/epoch_10.pkl``): a network's weights."""
    folders, _, name = path.rstrip("/").rpartition("/")
    stem = name.split(".", 1)[0]
    if any(key_words(folder) & MODEL_FOLDER_WORDS for folder in folders.split("/")):
        return True
    return bool(key_words(stem) & NOT_DATA_WORDS)


def _data_join(call: ast.Call, constants: Constants) -> LoaderCall | None:
    """``os.path.join(data_dir, "train.txt")``, ``osp.join(self.root, "pairs.txt")``: a data
    file joined onto a location that a name says holds data (not a log, output or model
    folder); where a read of it stands is elsewhere, but the file is named here. A folder
    joined on (``join(data_path, "IJBB/loose_crop")``) counts only where it names a known
    dataset (the caller resolves it): ``join(root, "images")`` names none."""
    if len(call.args) < 2 or call.keywords:
        return None
    last = call.args[-1]
    if not isinstance(last, ast.Constant) or not isinstance(last.value, str):
        return None
    if "{" in last.value or "%" in last.value or not last.value.strip("./"):
        return None  # a file, or a folder (join(root, "tinyface/Probe")), named in the code
    found = _joined_parts(call, constants)
    if found is None:
        return None
    parts, _, _, root = found
    if root is None:
        return None  # joined onto a literal: the data-path passes read it
    words = key_words(root)
    if not words & LOCATION_WORDS or words & JOIN_OUTPUT_WORDS:
        return None
    path = "/".join(parts)
    if URL.match(path) or not_data_file(path) or parts[-1].rsplit("/", 1)[-1].startswith("."):
        return None
    # Where the file's name stands: a join over several lines names it on its last.
    line, column = last.lineno, last.col_offset + 1
    return LoaderCall("local", f"{root}/{path}", line, column, unnamed=True, joined=True)


JOINS = frozenset({"os.path.join", "posixpath.join"})


def _bound_to_outputs(assignments: list[ast.Assign | ast.AnnAssign]) -> Iterator[ast.expr]:
    """Values bound to a name of a run's outputs (``self.cache_file = join(root, "x.pkl")``,
    ``save_path = ...``): a path there is where the run writes, not data it reads."""
    for node in assignments:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if node.value is not None and key_words(name) & OUTPUT_WORDS:
                yield node.value


def _written_paths(call: ast.Call, constants: Constants | None) -> Iterator[str]:
    """The literal paths a writing call writes (open("theta.txt", "w"))."""
    for argument in call.args:
        found = _joined_parts(argument, constants or {})
        if found is not None and DATA_FILE.search(found[0][-1]):
            parts, _, _, root = found
            yield "/".join(parts) if root is None else f"{root}/{'/'.join(parts)}"


def in_tests(path: str) -> bool:
    """Whether a file lies in a folder of the repository's tests (tests/, test/, fixtures/)."""
    return any(part.lower() in TEST_FOLDERS for part in path.split("/")[:-1])


def unnamed_reads(
    found: list[tuple[str, int, int, Kind, str]], unnamed: set[tuple[str, int, int, Kind, str]]
) -> list[tuple[str, int, int, Kind, str]]:
    """The references less each read known only by its file (``local:data_dir/train.txt``,
    or a path that happens to hold a name) on a line where another reference names the data:
    the line then reads that dataset (``osp.join(self.dataset_dir, 'list_train.txt')`` in an
    MSMT17 class; ``open('megaface/facescrub_noises.txt')`` reads FaceScrub, which the name
    passes place inside MegaFace's folder), and a second id would ask for a second
    datasheet."""
    named = {item[1] for item in found if item not in unnamed}
    return [item for item in found if item not in unnamed or item[1] not in named]


# Keywords by which a loader is told where its data lives or whether to fetch it
# (torchvision's ``root=`` and ``download=``, Hugging Face's ``data_files=`` and
# ``data_dir=``): written on a line of their own inside a call that spans lines, each such
# line is a use of the call's dataset, as the labels of real repositories mark it. A bare
# ``download=True`` below the call's line is not counted: measured on the labelled
# repositories, one labeller marks those lines and another leaves 32 of them unmarked, so
# they cost more precision than they gain; the lines that set a named flag do count.
DATA_KEYWORDS = frozenset(
    {"root", "download", "data_files", "data_dir", "data_root", "root_dir", "data_path"}
)


def _at_call(
    call: ast.Call, found: LoaderCall, settings: dict[str, list[ast.expr]] | None = None
) -> Iterator[LoaderCall]:
    """The reference, and where the call stands too when its argument stands elsewhere: a
    name bound elsewhere (urlretrieve(self.dataset_url, ...) reads the URL that __init__
    sets) or a literal on a line of its own inside a call that spans lines; and the lines of
    its data keywords (``_data_keywords``)."""
    yield found
    if found.line != call.lineno:  # the name or path stands on a line of its own
        yield dataclasses.replace(found, line=call.lineno, column=call.col_offset + 1, joined=False)
    yield from _data_keywords(call, found, settings or {})


def _data_keywords(
    call: ast.Call, found: LoaderCall, settings: dict[str, list[ast.expr]]
) -> Iterator[LoaderCall]:
    """A data keyword's line of a loader call that spans lines (``root='./mnist/',`` and
    ``download=DOWNLOAD_MNIST,`` below ``torchvision.datasets.MNIST(``): a path for a
    location that names its data (a data file, or a known dataset's name), a load for a
    download. A keyword given a module's own setting (``download=DOWNLOAD_MNIST``) makes
    each line that sets it to a literal a use too (``DOWNLOAD_MNIST = True``): that line
    decides what the loader does. Measured on the labelled repositories, a location that
    names nothing (``root="data"``, ``root=image_path`` with ``image_path = './'``) is
    labelled in one repository and left unlabelled in two: it costs more than it gains."""
    seen = {call.lineno, found.line}
    for keyword in call.keywords:
        if keyword.arg not in DATA_KEYWORDS:
            continue
        joined = keyword.arg != "download"
        if not joined and not isinstance(keyword.value, ast.Name):
            continue  # download=True: the call's own line already says it fetches
        values = [keyword.value]
        if isinstance(keyword.value, ast.Name):
            values.extend(settings.get(keyword.value.id, ()))
        for value in values:
            if value.lineno in seen or _places_nothing(value):
                continue
            placed = found
            if joined and not _data_file_text(value):
                # root='./mnist/' says which data lies there; root="data" or root=image_path
                # (image_path = './') says nothing of its own: it counts only where its text
                # names a known dataset, as the knowledge reads a path
                if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
                    continue
                placed = LoaderCall("local", value.value, 0, 0, needs_known=True)
            seen.add(value.lineno)
            yield dataclasses.replace(
                placed, line=value.lineno, column=value.col_offset + 1, joined=joined
            )


def _data_file_text(value: ast.expr) -> bool:
    """A literal (or a list or dict of them: ``data_files={"train": "en/c4-train.json.gz"}``)
    that names files of data by their extension."""
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and DATA_FILE.search(node.value) is not None
        for node in ast.walk(value)
    )


def _places_nothing(value: ast.expr) -> bool:
    """``root=None``, ``data_dir=""``: the loader's default place, named nowhere here. (A
    flag set to False still counts: ``DOWNLOAD_MNIST = False`` is where a reader is told to
    choose whether the data is fetched.)"""
    return isinstance(value, ast.Constant) and (value.value is None or value.value == "")


def _settings(assignments: list[ast.Assign | ast.AnnAssign]) -> dict[str, list[ast.expr]]:
    """Each plain name bound to a literal, with every literal it is bound to
    (``DOWNLOAD_MNIST = False`` and, further on, ``DOWNLOAD_MNIST = True``)."""
    found: dict[str, list[ast.expr]] = {}
    for node in assignments:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if isinstance(node.value, ast.Constant):
            for target in targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
    return found


def _loaders(
    call: ast.Call,
    qualified: str,
    constants: Constants,
    settings: dict[str, list[ast.expr]] | None = None,
) -> Iterator[LoaderCall]:
    for found in _loader(call, qualified, constants):
        yield from _at_call(call, found, settings)


def _loader(call: ast.Call, qualified: str, constants: Constants) -> Iterator[LoaderCall]:
    module, _, leaf = qualified.rpartition(".")
    found: LoaderCall | None = None
    if qualified in HF_LOADERS:
        yield from _hugging_face(call, constants)
        return
    if qualified in NAME_ARGUMENT:
        found = _named(call, constants, *NAME_ARGUMENT[qualified])
    elif qualified in HUB_DOWNLOADS:
        found = _hub_dataset(call, constants)
    elif qualified in URL_READERS:
        found = _url_reader(call, URL_READERS[qualified], constants)
        if found is None and qualified in PATH_READERS:
            found = _path_reader(call, qualified, constants)
    elif qualified in PATH_READERS:
        found = _path_reader(call, qualified, constants)
    elif module in DATASET_MODULES and leaf[:1].isupper() and leaf not in NOT_DATASETS:
        found = _attribute_name(call.func, leaf, module.split(".", 1)[0])
    elif leaf in DATASET_CLASSMETHODS and module.rpartition(".")[0] in DATASET_MODULES:
        name = module.rpartition(".")[2]  # datasets.SNLI.splits(...)
        if name[:1].isupper() and name not in NOT_DATASETS and isinstance(call.func, ast.Attribute):
            found = _attribute_name(call.func.value, name, module.split(".", 1)[0])
    elif module == "sklearn.datasets" and leaf.startswith(("fetch_", "load_")):
        if leaf not in SKLEARN_NOT_DATASETS:
            found = _attribute_name(call.func, leaf, "sklearn")
    elif leaf == "load_data" and qualified.startswith(KERAS_PREFIXES):
        func = call.func.value if isinstance(call.func, ast.Attribute) else call.func
        found = _attribute_name(func, module.rsplit(".", 1)[-1], "keras")
    elif (one := _one_dataset(qualified)) is not None:  # input_data.read_data_sets(...)
        found = LoaderCall(*one, call.func.lineno, call.func.col_offset + 1)
    elif (sample := _sample(qualified)) is not None:  # data.seattle_weather()
        found = _attribute_name(call.func, sample[1], sample[0])
    if found is not None:
        yield found


def _one_dataset(qualified: str) -> tuple[str, str] | None:
    """(source, name) of the one dataset a module holds the reader of, for the module or
    anything in it (``tensorflow.examples.tutorials.mnist.input_data.read_data_sets``)."""
    for module, dataset in ONE_DATASET_MODULES.items():
        if qualified == module or qualified.startswith(f"{module}."):
            return dataset
    return None


def _sample(qualified: str) -> tuple[str, str] | None:
    """(source, name) of a sample-data module's dataset function (``skimage.data.camera``);
    None for the module's machinery and synthetic generators (``make_forge``)."""
    module, _, leaf = qualified.rpartition(".")
    source = SAMPLE_MODULES.get(module)
    if source is None or leaf.startswith(("_", "make_")) or leaf in SAMPLE_MACHINERY:
        return None
    if not leaf.islower():
        return None  # DATA_PATH, a class: the module's constants and machinery
    return source, leaf.removeprefix("load_")  # load_citibike: the citibike data


def _library_dataset(qualified: str) -> tuple[str, str] | None:
    """(source, name) of a dataset a library's loader module names (torchvision.datasets.MNIST,
    sklearn.datasets.load_iris, keras.datasets.mnist), or None for the module's machinery."""
    module, _, leaf = qualified.rpartition(".")
    if module in DATASET_MODULES and leaf[:1].isupper() and leaf not in NOT_DATASETS:
        return module.split(".", 1)[0], leaf
    if module == "sklearn.datasets" and leaf.startswith(("fetch_", "load_")):
        return None if leaf in SKLEARN_NOT_DATASETS else ("sklearn", leaf)
    if f"{module}." in KERAS_PREFIXES:  # keras.datasets holds only datasets' modules
        return "keras", leaf
    return _one_dataset(qualified) or _sample(qualified)


def _imported_datasets(
    node: ast.Import | ast.ImportFrom, sampled: dict[str, set[tuple[str, str]]]
) -> Iterator[LoaderCall]:
    """``from keras.datasets import mnist``, ``import tensorflow.examples.tutorials.mnist.
    input_data``: the import of a library's dataset, at its name. ``from skimage import
    data``: the import of a sample-data module loads the datasets the module takes from it
    (``sampled``, by module), and no other."""
    if isinstance(node, ast.ImportFrom) and (node.module is None or node.level != 0):
        return
    for alias in node.names:
        if isinstance(node, ast.ImportFrom):
            qualified = f"{node.module}.{alias.name}"
            found = _library_dataset(qualified)
        else:
            qualified = alias.name
            found = _one_dataset(qualified)
        if found is not None:
            yield LoaderCall(*found, alias.lineno, alias.col_offset + 1)
        for source, name in sorted(sampled.get(qualified, ())):
            yield LoaderCall(source, name, alias.lineno, alias.col_offset + 1)


def _may_name_dataset(node: ast.Attribute) -> bool:
    """Whether ``x.y`` is shaped like a library's dataset (a class, a fetch_/load_ function,
    a module of ``datasets``): most attributes are not, and resolving each costs."""
    parent = node.value
    return (
        node.attr[:1].isupper()
        or node.attr.startswith(("fetch_", "load_"))
        or (isinstance(parent, ast.Attribute) and parent.attr == "datasets")
        or (isinstance(parent, ast.Name) and parent.id == "datasets")
    )


def _named_datasets(
    attributes: list[ast.Attribute], imports: dict[str, str]
) -> Iterator[LoaderCall]:
    """A library's dataset named without a call of its own: ``fashion_mnist =
    keras.datasets.fashion_mnist``, ``keras.datasets.imdb.get_word_index()``, ``DATASET =
    datasets.CIFAR10``. Naming it there is using it, as a loader call is."""
    for node in attributes:
        qualified = _qualified(node, imports)
        found = _library_dataset(qualified) if qualified is not None else None
        if found is not None:
            yield _attribute_name(node, found[1], found[0])


def _method_leaf(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else None


# Nodes with no call, import or assignment below them (names, literals, operators): most of
# a module's nodes. The walk does not enter them.
_LEAVES = frozenset(
    {ast.Constant, ast.Name, ast.alias, ast.Pass, ast.Break, ast.Continue}
    | {ast.Global, ast.Nonlocal}
    | {
        leaf
        for base in (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
        for leaf in base.__subclasses__()
    }
)


def _walk(tree: ast.AST) -> list[ast.AST]:
    """``ast.walk``'s nodes in its order (breadth first), less the leaves (no caller needs them).

    A list that grows while it is read is a breadth-first queue that keeps what it held:
    no generator to resume at every node, no second queue."""
    nodes = [tree]
    for node in nodes:
        for name in node._fields:
            value = getattr(node, name, None)
            if type(value) is list:
                nodes.extend(
                    [v for v in value if type(v) not in _LEAVES and isinstance(v, ast.AST)]
                )
            elif type(value) not in _LEAVES and isinstance(value, ast.AST):
                nodes.append(value)
    return nodes


# Weights packed in an archive (mobileone_s0_unfused.pth.tar, model.ckpt.tar.gz).
WEIGHTS_SUFFIX = lazy(
    r"\.(?:pth|pt|ckpt|onnx|safetensors|h5|pb|params|caffemodel|weights)(?:\.|$)", re.IGNORECASE
)
# A web URL: a bucket's (gs://{bucket}/evolve.csv) is as often where a run keeps its results.
WEB_URL = lazy(r"^(?:https?|ftp)://", re.IGNORECASE)
# Words of a URL's file name or of the name it is bound to that say weights or a schema, not
# data (WEIGHTS_URL = ".../shape_predictor_5_face_landmarks.dat.bz2", ".../black.schema.json").
NOT_FETCHED_WORDS = MODEL_FOLDER_WORDS | {"model", "weight", "schema", "schemas"}


def _bound_to_weights(node: ast.Assign | ast.AnnAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    names = [t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in targets]
    return any(key_words(name) & NOT_FETCHED_WORDS for name in names)


def bound_urls(values: list[ast.expr]) -> Iterator[LoaderCall]:
    """Data files' URLs (``DATA_URL_FILE``) in values bound to names, list or dict items of
    them, or returned: an f-string's fields stand as ``*`` (``f"https://.../c4-train.{i:05}.json.gz"``).
    A URL of weights or of a run's own files (``model.tar.gz``, ``config.json``) is not
    data, and a call's argument is left to the call (its reader, or the flow into it)."""
    nodes: list[ast.AST] = list(values)
    for node in nodes:  # grows as it is read: a breadth-first walk that stops at calls
        if type(node) is ast.Call:
            continue
        nodes.extend(ast.iter_child_nodes(node))
        if type(node) is ast.Constant and isinstance(node.value, str):
            text = node.value
        elif type(node) is ast.JoinedStr:
            text = "".join(
                part.value
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
                else "*"
                for part in node.values
            )
        else:
            continue
        if len(text) > 2000 or not WEB_URL.match(text) or any(c.isspace() for c in text):
            continue
        address = text.split("?", 1)[0].split("#", 1)[0].rstrip("/")
        folders = address.split("/")[3:-1]  # below the host
        if any(key_words(folder) & NOT_FETCHED_WORDS for folder in folders):
            continue  # .../model/insight-face/{}.tar: a model's archive
        if SOURCE_ARCHIVE.search(address) or PLACEHOLDER_HOST.match(address):
            continue
        if "schema" in address.casefold():
            continue  # a JSON schema's address (json.schemastore.org/partial-black.json)
        name = address.rsplit("/", 1)[-1]
        if (
            DATA_URL_FILE.search(name) is None
            or WEIGHTS_SUFFIX.search(name) is not None
            or not_data_file(address)
            or key_words(name.split(".", 1)[0]) & NOT_FETCHED_WORDS
        ):
            continue  # a place (a Hub dataset's folder) is left to the flow of its name
        yield LoaderCall("url", text, node.lineno, node.col_offset + 1, fetched=True)


def loader_calls(tree: ast.AST) -> Iterator[LoaderCall]:
    """Every loader call in a parsed module whose dataset name is known statically."""
    imports = dict(CONVENTIONAL_NAMES)
    calls: list[ast.Call] = []
    assignments: list[ast.Assign | ast.AnnAssign] = []
    defined: set[str] = set()  # functions the module defines itself
    parameters: list[tuple[str, ast.expr]] = []  # parameters with a literal or named default
    attributes: list[ast.Attribute] = []  # x.y where y may be a library's dataset
    imported: list[ast.Import | ast.ImportFrom] = []
    returned: list[ast.expr] = []
    # One walk: imports anywhere in the module count. The parser builds ast's own classes,
    # never subclasses, so a node's class is tested by identity: most nodes are none of
    # these, and five isinstance tests apiece were a tenth of this function's work.
    for node in _walk(tree):
        if type(node) is ast.Call:
            calls.append(node)
        elif type(node) is ast.Attribute:
            if _may_name_dataset(node):
                attributes.append(node)
        elif type(node) is ast.FunctionDef or type(node) is ast.AsyncFunctionDef:
            defined.add(node.name)
            parameters.extend(_defaults(node.args))
        elif type(node) is ast.Import or type(node) is ast.ImportFrom:
            _imports(node, imports)
            imported.append(node)
        elif type(node) is ast.Assign or (type(node) is ast.AnnAssign and node.value is not None):
            assignments.append(node)
        elif type(node) is ast.Return and node.value is not None:
            returned.append(node.value)
    kaggle_imported = any(q.split(".", 1)[0] == "kaggle" for q in imports.values())
    constants: Constants | None = None
    settings: dict[str, list[ast.expr]] | None = None  # names bound to literals
    writes: set[int] = set()  # the nodes of calls that write a file
    writes.update(id(value) for value in _bound_to_outputs(assignments))
    reads: list[LoaderCall] = []  # reads of local files: those the module writes are its own
    sampled: dict[str, set[tuple[str, str]]] = {}  # sample-data module -> its datasets used
    for call in calls:
        qualified = _qualified(call.func, imports)
        if qualified is None and isinstance(call.func, ast.Name):
            if call.func.id == "open":
                qualified = "builtins.open"
            elif call.func.id in UNQUALIFIED_HF and call.func.id not in defined:
                qualified = f"datasets.{call.func.id}"
        leaf = _method_leaf(call.func)
        if qualified is None and kaggle_imported and leaf in KAGGLE_METHODS:
            qualified = f"kaggle.api.{leaf}"  # api = KaggleApi(); api.dataset_download_files(...)
        if qualified in JOINS or dotted_name(call.func) in PATH_JOINS:
            if id(call) not in writes:  # open(join(out_dir, "x.csv"), "w") wrote first
                if constants is None:
                    constants = _constants(assignments, parameters)
                joined = _data_join(call, constants)
                if joined is not None:
                    reads.append(joined)
            continue
        if writes_file(call):  # marks the files it writes
            writes.update(id(sub) for sub in ast.walk(call))
            continue
        if qualified is not None:
            if constants is None:  # only modules that call a loader need them
                constants = _constants(assignments, parameters)
            if settings is None:
                settings = _settings(assignments)
            for found in _loaders(call, qualified, constants, settings):
                if found.source == "local":
                    reads.append(found)
                else:
                    yield found
            sample = _sample(qualified)
            if sample is not None:
                sampled.setdefault(qualified.rpartition(".")[0], set()).add(sample)
    written = {
        path for call in calls if id(call) in writes for path in _written_paths(call, constants)
    }
    yield from (read for read in reads if read.name not in written)
    for statement in imported:
        yield from _imported_datasets(statement, sampled)
    yield from _named_datasets(attributes, imports)
    bound = [
        node.value for node in assignments if node.value is not None and not _bound_to_weights(node)
    ]
    yield from bound_urls([*bound, *returned])


def parse(text: str) -> ast.Module | None:
    """The module's AST, or None for code that does not parse (Python 2, syntax errors)."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
