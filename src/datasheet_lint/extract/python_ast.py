"""Dataset loader calls in Python, found through the AST with import aliases resolved.

``import torchvision.datasets as dsets; dsets.MNIST(...)``, ``from datasets import
load_dataset as ld; ld("imdb")``, ``tfds.load("mnist:3.*.*")``, ``fetch_lfw_people()``,
``keras.datasets.cifar10.load_data()``. A call whose dataset argument is not a literal is
skipped: guessing would be worse than the text pass, which still sees the names.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A module can only hold a loader call we recognise if its text names one of these; the
# AST (the costly part of a scan) is built only then.
LOADER_USE = re.compile(
    r"load_dataset|hf_hub_download|snapshot_download|dataset_download|get_dataset|"
    r"tensorflow_datasets|fetch_openml|"
    r"(?:torchvision|torchaudio|torchtext|sklearn|keras)(?:\.|[ \t]+import[ \t]+)datasets"
)

# Qualified callables whose first argument (or keyword) names the dataset.
NAME_ARGUMENT: dict[str, tuple[int, tuple[str, ...]]] = {
    "datasets.load_dataset": (0, ("path",)),
    "datasets.load_dataset_builder": (0, ("path",)),
    "tensorflow_datasets.load": (0, ("name",)),
    "tensorflow_datasets.builder": (0, ("name",)),
    "tensorflow_datasets.data_source": (0, ("name",)),
    "kagglehub.dataset_download": (0, ("handle",)),
    "openml.datasets.get_dataset": (0, ("dataset_id",)),
    "sklearn.datasets.fetch_openml": (0, ("name",)),
}
HUB_DOWNLOADS = ("huggingface_hub.hf_hub_download", "huggingface_hub.snapshot_download")
# Modules whose classes or submodules are datasets: torchvision.datasets.MNIST(...).
DATASET_MODULES = ("torchvision.datasets", "torchaudio.datasets", "torchtext.datasets")
KERAS_PREFIXES = ("keras.datasets.", "tensorflow.keras.datasets.", "tf.keras.datasets.")
SKLEARN_NOT_DATASETS = frozenset(
    {
        "load_files",
        "load_svmlight_file",
        "load_svmlight_files",
        "load_sample_image",
        "load_sample_images",
    }
)
# Classes in dataset modules that are machinery, not datasets.
NOT_DATASETS = frozenset({"ImageFolder", "DatasetFolder", "VisionDataset", "FakeData"})


@dataclass(frozen=True, slots=True)
class LoaderCall:
    """A call that loads a named dataset; position is of the name as spelled (1-based)."""

    name: str  # as spelled: "ylecun/mnist", "MNIST", "lfw_people"
    line: int
    column: int
    end_column: int  # on the same line; equals column + len(spelled) for literals
    literal: bool  # True: the name is a string literal; False: part of the callable's name


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


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _qualified(func: ast.expr, imports: dict[str, str]) -> str | None:
    dotted = _dotted(func)
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


def _literal(node: ast.expr | None) -> LoaderCall | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
        # Column of the text inside the quotes, when the literal sits on one line.
        same_line = node.end_lineno == node.lineno and node.end_col_offset is not None
        width = (node.end_col_offset or 0) - node.col_offset
        quote = 1 if same_line and width == len(node.value) + 2 else 0
        column = node.col_offset + quote + 1
        return LoaderCall(node.value, node.lineno, column, column + len(node.value), True)
    return None


def _attribute_name(func: ast.expr, name: str) -> LoaderCall:
    end = func.end_col_offset or func.col_offset
    line = func.end_lineno or func.lineno
    return LoaderCall(name, line, end - len(name) + 1, end + 1, False)


def _hub_dataset(call: ast.Call) -> LoaderCall | None:
    for keyword in call.keywords:
        if keyword.arg == "repo_type":
            value = keyword.value
            if isinstance(value, ast.Constant) and value.value == "dataset":
                return _literal(_argument(call, 0, ("repo_id",)))
    return None


def _loader(call: ast.Call, qualified: str) -> LoaderCall | None:
    if qualified in NAME_ARGUMENT:
        position, keywords = NAME_ARGUMENT[qualified]
        found = _literal(_argument(call, position, keywords))
        if found and qualified.startswith("tensorflow_datasets"):
            bare = found.name.split(":", 1)[0].split("/", 1)[0]
            found = LoaderCall(bare, found.line, found.column, found.column + len(bare), True)
        return found
    if qualified in HUB_DOWNLOADS:
        return _hub_dataset(call)
    module, _, leaf = qualified.rpartition(".")
    if module in DATASET_MODULES and leaf[:1].isupper() and leaf not in NOT_DATASETS:
        return _attribute_name(call.func, leaf)
    sklearn = module == "sklearn.datasets" and leaf.startswith(("fetch_", "load_"))
    if sklearn and leaf not in SKLEARN_NOT_DATASETS:
        return _attribute_name(call.func, leaf)
    if leaf == "load_data" and qualified.startswith(KERAS_PREFIXES):
        name = module.rsplit(".", 1)[-1]
        return _attribute_name(
            call.func.value if isinstance(call.func, ast.Attribute) else call.func, name
        )
    return None


def loader_calls(tree: ast.AST) -> Iterator[LoaderCall]:
    """Every loader call in a parsed module whose dataset name is known statically."""
    imports: dict[str, str] = {"tf": "tensorflow"}
    calls: list[ast.Call] = []
    for node in ast.walk(tree):  # one walk: imports anywhere in the module count
        if isinstance(node, ast.Call):
            calls.append(node)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            _imports(node, imports)
    for call in calls:
        qualified = _qualified(call.func, imports)
        if qualified:
            found = _loader(call, qualified)
            if found is not None:
                yield found


def dataset_id(call: LoaderCall) -> str:
    """The id a loader's own name gives a dataset that the blocklist does not know."""
    name = call.name.strip()
    for prefix in ("fetch_", "load_"):
        if not call.literal and name.startswith(prefix):
            name = name[len(prefix) :]
    return name.casefold()


def parse(text: str) -> ast.Module | None:
    """The module's AST, or None for code that does not parse (Python 2, syntax errors)."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
