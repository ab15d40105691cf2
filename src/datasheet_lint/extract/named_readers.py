"""Functions named for a dataset whose bodies read files: a dataset's reader, known by its use.

Code that reads one dataset's files keeps the reading in a helper named for it, with more
words than a loader's name has (``def process_query_sysu(data_path, mode)``, ``def
get_megaface_feature_list(self)``, ``def create_scuthead_file(out_file, boxes, setfiles)``,
``def read_IJB_meta_columns_to_int(file_path, columns)``). The name pass counts a function's
name as a loader's only with at most one word besides the dataset's (``get_lfw_list``), as a
name alone is weak evidence: ``convert_coco_poly_to_mask`` only reshapes annotations. Here the
body decides. A function whose name holds a known dataset's name as a whole word, and whose
body reads a file (opens one for reading, loads, parses or lists one), reads that dataset: its
``def`` line and each call of it in the same module (``name(...)``, ``self.name(...)``) are
``load`` references.

Not readers: a name that measures, evaluates, saves, draws or computes (``lfw_accuracy``,
``save_coco_results``, ``eval_megaface``, ``_compute_aspect_ratios_voc_dataset``: the measure
words of extract/identifiers.py and what a run writes), a unit test (``def test_voc``), a
function whose body only writes, and a name whose dataset needs near tokens or is an ordinary
word (``duke``, ``places``): there the name alone says too little. So is a short ambiguous
name (``IJB`` in ``read_IJB_meta_columns_to_int``): labellers of two face repositories marked
that reader in one and left it unmarked in the other. A function with more than one dataset in
its name is left to the other passes.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator

from datasheet_lint.extract.data_paths import OUTPUT_WORDS
from datasheet_lint.extract.identifiers import MEASURE_WORDS
from datasheet_lint.extract.python_ast import dotted_name
from datasheet_lint.extract.writes import writes_to
from datasheet_lint.knowledge import words
from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.models import Kind

Found = tuple[str, int, int, Kind, str]  # dataset, line, column, kind, surface
Hits = Callable[[str], Iterable[Hit]]

# Calls that read a file's data or list a folder's (the leaf of the dotted name).
READ_LEAVES = frozenset(
    {"load", "loadtxt", "genfromtxt", "fromfile", "memmap", "loadmat", "read_csv", "read_json"}
    | {"read_table", "read_pickle", "read_parquet", "read_excel", "read_hdf", "File", "parse"}
    | {"listdir", "scandir", "walk", "glob", "iglob", "imread", "imdecode", "readlines"}
    | {"read_text", "read_bytes", "ZipFile"}
)
# What a reader is not: a function that writes, shows or measures what it is given.
NOT_READER_WORDS = (
    MEASURE_WORDS
    | OUTPUT_WORDS
    | {"write", "dump", "export", "show", "plot", "draw", "vis", "visualize", "visualise"}
    | {"test", "tests", "mock", "fake", "dummy", "transform", "transforms", "collate"}
    # what is computed from a dataset's samples (_compute_aspect_ratios_voc_dataset)
    | {"compute", "calc", "calculate", "aspect", "ratio", "ratios", "stats", "statistics"}
)
MAX_BODY_LINES = 120  # a reader is a helper; a longer function is a driver (main, train)


def references(tree: ast.Module, hits: Hits) -> Iterator[Found]:
    """The ``def`` line and the calls in this module of each function named for one dataset
    whose body reads a file."""
    readers: dict[str, str] = {}  # function name -> dataset
    defined: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        dataset = _named_for(node.name, hits)
        if dataset is None or not _reads(node):
            continue
        if readers.get(node.name, dataset) != dataset:
            readers[node.name] = ""  # two functions of one name for two datasets: neither
            continue
        readers[node.name] = dataset
        defined.append((dataset, node))
    readers = {name: dataset for name, dataset in readers.items() if dataset}
    if not readers:
        return
    for dataset, node in defined:
        if readers.get(node.name) == dataset:
            column = node.col_offset + len("async def " if _is_async(node) else "def ") + 1
            yield dataset, node.lineno, column, Kind.LOAD, node.name
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            name = func.attr if func.value.id in {"self", "cls"} else None
        if name in readers:
            yield readers[name], node.lineno, node.col_offset + 1, Kind.LOAD, name


def _is_async(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return isinstance(node, ast.AsyncFunctionDef)


def _named_for(name: str, hits: Hits) -> str | None:
    """The one dataset a function's name names as a whole word, if its other words do not make
    it a measure, a writer or a test."""
    spaced = name.replace("_", " ").strip()
    if name.lstrip("_").startswith("test"):
        return None
    found = {
        hit.alias.dataset
        for hit in hits(spaced)
        if hit.alias.dataset is not None
        and hit.alias.model is None
        and not hit.alias.url
        and not hit.alias.needs_near
        and not hit.alias.ambiguous
        and not words.is_word(hit.alias.value)
        and _whole(spaced, hit)
    }
    if len(found) != 1:
        return None
    others = {word.lower() for word in spaced.split()}
    if others & NOT_READER_WORDS:
        return None
    return found.pop()


def _whole(text: str, hit: Hit) -> bool:
    """The hit stands between spaces (the underscores of the name) or at its ends."""
    before = text[hit.start - 1] if hit.start > 0 else " "
    after = text[hit.end] if hit.end < len(text) else " "
    return before == " " and after == " "


def _reads(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """The body reads a file: opens one for reading, or loads, parses or lists one."""
    if (node.end_lineno or node.lineno) - node.lineno > MAX_BODY_LINES:
        return False
    for inner in ast.walk(node):
        if not isinstance(inner, ast.Call):
            continue
        dotted = dotted_name(inner.func) or ""
        leaf = dotted.rpartition(".")[2]
        if leaf == "open" and inner.args and not writes_to(inner):
            return True
        if leaf in READ_LEAVES:
            return True
    return False
