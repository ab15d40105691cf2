"""A file's own dataset, and the lines that read its data without naming it.

Detection and re-identification code keeps one module per dataset (``lib/datasets/
pascal_voc.py``, ``reid/datasets/dukemtmc.py``, ``data/coco.py``) and one script per download
(``data/scripts/COCO2014.sh``). Inside them the dataset is rarely named again: its files are
reached from the module's data root (``os.path.join(self._data_path, 'Annotations', ...)``) or
by the folder names of its release (``register('bounding_box_train')``, ``cd ../train2014``).
Such a line reads the data of the file's dataset, so it is a ``path`` reference to it.

The file's dataset is, in this order:

- the dataset its name starts with, for a module in a data folder (``pascal_voc_rbg.py`` is
  Pascal VOC; a name that only near tokens confirm, such as ``duke``, does not count);
- the one dataset whose class the file defines (``class Market1501(Dataset):``);
- the one dataset (with its blocklisted derivatives) the file's other references load,
  download, point at or select (``COCO2014.sh`` downloads COCO), for a script, a module in a
  data folder or one that downloads: a training script selects its data, it is not "of" it.

In that file a line counts when it

- builds or opens a path from a data root (``data_path``, ``data_dir``, ``root``, ``raw_dir``,
  ``devkit_path``, ``cfg.DATA_DIR``, ...) to a named part of it (``'Annotations'``,
  ``'train.txt'``: a join of variables only or a glob of any file only passes the folder on),
  in a module below a data folder, and does not write there (caches, results and converted
  copies are the module's own files);
- hands a folder or file name of the dataset's release (the catalogue's ``layouts``: 'query',
  'JPEGImages', 'instances_{}.json') to a call, a list or a name, or passes one of the
  dataset's own names to a path call (``osp.join(cfg.DATA_DIR, 'coco')``);
- imports a module named after the dataset (``from .voc_eval import voc_eval``) or names a
  loader after it (``def _load_pascal_annotation``): a ``load`` reference;
- in a script, runs a file operation (``mkdir``, ``cd``, ``find``, ``mv``, ``tar``, ...) on one
  of the release's folders (``cd ../train2014``).

Anywhere, an import of a dataset's own module (``from .market1501 import Market1501``,
``from litgpt.data import Alpaca``) is a ``load`` reference to that dataset
(``import_references``).

Re-ID toolkits (torchreid, fast-reid and their forks) also keep a registry of dataset classes,
each stating its data by class attributes (``dataset_dir = 'underground_reid'``,
``dataset_name = 'grid'``) and often naming no known dataset at all; configs then select the
class by name. Such a class is a ``load`` reference wherever it is defined, known or not
(``class_references``), and a config value that names a dataset class the way the registry
spells it (``NAMES: ("DukeMTMCAttr",)``) is a ``config`` reference (``registry_names``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator, Sequence

from datasheet_lint.extract.python_strings import TRIPLE
from datasheet_lint.extract.writes import LINE_WRITE_CALLS
from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the other extractors yield them.
Found = tuple[str, int, int, Kind, str]
Hits = Callable[[str], Iterator[Hit]]
# a folder or file name -> the dataset whose release has it (read in a file of one dataset)
Layout = Callable[[str], str | None]
# a dataset -> the entry it derives from (itself if none)
Family = Callable[[str], str]

DATA_FOLDERS = frozenset(
    {"data", "datasets", "dataset", "dataloader", "dataloaders", "data_loader", "loaders"}
    | {"loader"}  # semantic segmentation toolkits: ptsemseg/loader/camvid_loader.py
)
# The module's own data root (self._data_path, root, raw_dir; in_dir, the folder a speech
# corpus's preprocessing module reads: datasets/ljspeech.py). A run's settings (cfg.DATA_DIR,
# args.data) hold the root of every dataset: a join from them reads this one only where its
# name or a folder of its release follows (the literal rules below).
DATA_ROOT = lazy(
    r"(?<![\w.])(?:self\.|cls\.)?_?(?:data_?path|data_?dir|dataset_?dir|dataset_?path|data_?root|"
    r"root|root_?dir|devkit_?path|raw_?dir|images?_?dir|img_?dir|in_?dir|input_?dir)(?!\w)",
    re.IGNORECASE,
)
# Any other name of the module's own (a bare name or ``self.``'s) that says it holds a place
# and nothing a run writes: ``self.pascal_root``, ``exdir``, ``meta_dir``, ``root_path``,
# ``self._base_dir`` (not ``out_dir``, ``cache_path``, ``model_path``: RUN_WORDS below).
PLACE_NAME = lazy(
    r"(?<![\w.])(?:self\.|cls\.)?(?P<name>_?(?:[A-Za-z]\w*?(?:root|dir|path|folder)|root))(?!\w)",
    re.IGNORECASE,
)
# What a run makes: such a name holds no data of the release.
RUN_WORDS = frozenset(
    {"out", "output", "outputs", "save", "saved", "log", "logs", "logdir", "result", "results"}
    | {"cache", "ckpt", "checkpoint", "checkpoints", "model", "models", "weights", "tmp", "temp"}
    | {"exp", "export", "pretrained", "resume", "vocab", "config", "cfg", "cur", "this"}
    | {"pred", "preds", "prediction", "predictions"}
    # a detector's region proposals cached beside the data (rpn_file = join(root, 'rpn_data'))
    | {"rpn", "proposal", "proposals", "dets", "detections"}
    # a run's own folders, as one word or two (work_dir, outdir, snapshot_dir, vis_dir)
    | {"work", "snapshot", "snapshots", "vis", "debug", "dump", "weight"}
    | {"outdir", "savedir", "tmpdir", "cachedir", "ckptdir", "workdir", "outpath", "savepath"}
)
# A call that joins a path from its arguments.
JOIN = lazy(r"\b(?:join|joinpath|Path)\s*\(")
# The name a line assigns to (``self.annotations_base = ...``).
TARGET = lazy(r"^\s*([\w.]+)\s*=(?!=)")
# A place followed by ``+`` or pathlib's ``/`` and more: the path is built there.
CONCATENATED = lazy(r"\s*[+/]\s*")
NAME_WORD = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")  # words of snake_case and camelCase names
PATH_USE = lazy(
    r"\b(?:join|open|read_csv|loadmat|parse|File|listdir|glob|walk|Path)\s*\(|\s/\s*['\"]"
)
# A test of whether a path exists reads nothing.
CHECK = lazy(r"\b(?:exists|isdir|isfile|lexists)\s*\(")
# What the module writes (its own caches, results, converted copies) is not the dataset's data.
WRITES = lazy(
    rf"cache|\b(?:{LINE_WRITE_CALLS}|imsave|imwrite|save\w*|dump|copy\w*|move)\s*\(|"
    r"['\"][wax][bt+]*['\"]",
    re.IGNORECASE,
)
# A line that only reports something: a message, not a use of the data.
MESSAGE = lazy(
    r"\b(?:print|raise|warn\w*|log\w*\.\w+|logger\.\w+|assert)\b|\b(?:help|description)\s*=",
)
LITERAL = lazy(r"""(?P<q>['"])(?P<value>[^'"\n]{1,200})(?P=q)""")
# Where a literal is handed on: an argument, a list item, a value assigned or concatenated.
HANDED = lazy(r"(?:[(\[,+]|(?<![=!<>])=)\s*$")
# An item that starts its line, in a call or list written over several lines.
CONTINUED = lazy(r"^\s*$")
CLASS_DEF = re.compile(r"^\s*class\s+\w+")
# An import on one line; a from-import's names where they follow on it (``from .imdbface
# import IMDBFace``, ``from x import (A, B``).
IMPORT = lazy(
    r"^\s*(?:from\s+(?P<source>\.*[\w.]+)\s+import\b(?:\s+\(?(?P<names>[\w\s,*]+))?"
    r"|import\s+(?P<module>[\w.]+))"
)
# A loader named after the dataset (_load_pascal_annotation); not a getter of the module's own
# outputs (_get_voc_results_file_template).
LOADER_NAME = lazy(r"\b_*(?:load|read|parse|fetch)_(?P<name>[a-z0-9]+)_(?P<rest>\w*)")
OUTPUT_WORDS = frozenset({"result", "results", "output", "outputs", "cache", "log", "logs"})
# Shell commands that create, enter, list, move or unpack a folder or file.
FILE_COMMAND = lazy(
    r"(?<![\w-])(?:mkdir|cd|find|mv|cp|tar|unzip|ln|rm|ls|rsync|gunzip|7z|unrar)(?![\w-])"
)
USES = frozenset({Kind.LOAD, Kind.URL, Kind.PATH, Kind.CONFIG})
MAX_LINES = 5_000  # lines read per file: dataset modules are a few hundred


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


# The words of an evaluation script's name around the benchmark it evaluates: eval_ijbc.py,
# lfw_eval.py, IJB_Evaluation.py, test_widerface.py, validate_agedb.py.
EVALUATION_WORDS = frozenset(
    {"eval", "evals", "evaluate", "evaluation", "test", "validate", "validation", "verification"}
)


def evaluation_dataset(path: str, hits: Hits) -> str | None:
    """The benchmark an evaluation script is named for, wherever it lies: its name is that
    dataset's name and words that say it evaluates (``eval_ijbc.py``, ``lfw_eval.py``), so the
    script reads that benchmark's files, as a data module reads its dataset's
    (``'%s_template_pair_label.txt' % target.lower()`` is IJB's meta file there). A name with
    any other word (``onnx_ijbc.py``, ``eval_lfw_blufr.py``) says more than that: not counted.
    In a folder of evaluation code the benchmark's name alone will do (``evaluation/ijb.py``)."""
    parts = path.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    in_evaluation = len(parts) > 1 and parts[-2].lower() in EVALUATION_WORDS
    for hit in hits(stem):
        alias = hit.alias
        if alias.dataset is None or alias.model is not None or alias.needs_near:
            continue
        if (hit.start > 0 and stem[hit.start - 1] not in "_-") or (
            hit.end < len(stem) and stem[hit.end] not in "_-"
        ):
            continue  # inside a word
        rest = [w for w in re.split(r"[_-]+", stem[: hit.start] + "_" + stem[hit.end :]) if w]
        if all(word.lower() in EVALUATION_WORDS for word in rest) and (rest or in_evaluation):
            return alias.dataset
    return None


def file_dataset(
    path: str,
    lines: Sequence[str],
    found: Sequence[Found],
    hits: Hits,
    family: Family,
    *,
    script: bool = False,
) -> str | None:
    """The file's own dataset (module docstring), from its name, the dataset class it defines
    or the references found in it so far; None where it has none or several."""
    named = module_dataset(path, hits) or evaluation_dataset(path, hits)
    if named is not None:
        return named
    classes = {
        dataset
        for dataset, line, _, kind, _ in found
        if kind is Kind.LOAD and line <= len(lines) and CLASS_DEF.match(lines[line - 1])
    }
    if len(classes) == 1:
        return classes.pop()
    if not script and not in_data_folder(path) and not any(f[3] is Kind.URL for f in found):
        return None  # train.py selects its data; only a data module or a download is "of" it
    used = {dataset for dataset, _, _, kind, _ in found if kind in USES and ":" not in dataset}
    return one_family(used, family)


def import_references(path: str, text: str, hits: Hits) -> Iterator[Found]:
    """Each import of a dataset's own loader: a class (or ``*``) from a module that
    ``module_dataset`` reads as named for one dataset (``from .imdbface import IMDBFace``
    below ``datasets/``, ``from ptsemseg.loader.camvid_loader import CamvidLoader``), or a
    name imported from a data package that is such a module or class (``from litgpt.data
    import Alpaca``). The line brings in the code that loads that dataset: a ``load``
    reference to it. A relative import is read from the importing file's folder. What
    evaluates (``coco_eval``, ``CocoEvaluator``, ``eval_market1501``) is a protocol, not data.

    A module of one dataset that imports a module named for another imports what they share,
    not the other's data: every dataset module of a Faster R-CNN port imports the image
    database base class (``from .imdb import imdb`` in ``pascal_voc.py``, not IMDb), and
    ``vg_eval.py`` borrows ``voc_ap`` from ``voc_eval.py``."""
    folder = path.split("/")[:-1]
    own = _module_owner(path, hits)
    # a module of a data folder other than its index (rcnn/dataset/retinaface.py, not
    # __init__.py): what it imports from beside it is shared code (from .imdb import IMDB)
    sibling = in_data_folder(path) and not path.endswith("__init__.py")
    for number, line in enumerate(text.split("\n")[:MAX_LINES], start=1):
        if "import" not in line:
            continue
        code = line.split("#", 1)[0]
        found = IMPORT.match(code)
        if found is None or found.group("names") is None:
            continue  # import datasets.imdb: a module, not its loader (Faster R-CNN's imdb)
        source = found.group("source")
        module = _module_path(source, folder)
        # not a constant (timm.data's IMAGENET_DEFAULT_MEAN: a dataset's statistics)
        names = [
            name
            for name in (n.split()[0] for n in found.group("names").split(",") if n.split())
            if not (name.isupper() and "_" in name)
        ]
        if sibling and module.rpartition("/")[0] == "/".join(folder):
            continue  # a data module importing its neighbour's class: a base they share
        # a name imported from a data package that is a module or class of one dataset
        owned = {
            (dataset, name)
            for name in names
            if not _evaluates(name)
            for dataset in [module_dataset(f"{module}/{name}.py", hits)]
            if dataset is not None
        }
        owner = None if _evaluates(module) else module_dataset(module + ".py", hits)
        if owner is not None and any(_loads(name) for name in names):
            owned.add((owner, source))
        datasets = {dataset for dataset, _ in owned}
        if len(datasets) != 1 or (own is not None and own not in datasets):
            continue  # several, or another dataset's module importing what they share
        dataset, surface = min(owned, key=lambda item: (code.find(item[1]), item[1]))
        yield dataset, number, code.find(surface) + 1, Kind.LOAD, surface


def _loads(name: str) -> bool:
    """An imported name that is the module's loader: a class (``IMDBFace``, ``CamvidLoader``)
    or all of it (``*``); not a helper of its own that any module may borrow
    (``download_if_missing``, ``convert_coco_poly_to_mask``), nor its evaluator
    (``CocoEvaluator``: a dataset's metric is a protocol, not its data)."""
    if name == "*":
        return True
    return name[:1].isupper() and not _evaluates(name)


def _evaluates(name: str) -> bool:
    """A module's or name's words say it evaluates (``coco_eval``, ``CocoEvaluator``)."""
    return bool({w.lower() for w in NAME_WORD.findall(name)} & EVALUATOR_WORDS)


EVALUATOR_WORDS = EVALUATION_WORDS | {"evaluator", "evaluators", "metric", "metrics"}


def _module_path(source: str, folder: list[str]) -> str:
    """A module's path from an import's source, a relative one from the importing folder."""
    dots = len(source) - len(source.lstrip("."))
    rest = source[dots:].replace(".", "/")
    if not dots:
        return rest
    base = folder[: len(folder) - (dots - 1)] if dots - 1 <= len(folder) else []
    return "/".join([*base, rest] if rest else base)


def _module_owner(path: str, hits: Hits) -> str | None:
    """The dataset a module at ``path`` is named for, as its own file would be read."""
    return module_dataset(path, hits) or evaluation_dataset(path, hits)


def in_data_folder(path: str) -> bool:
    """The file lies below a folder of data code (``data/``, ``lib/datasets/``)."""
    return any(part.lower() in DATA_FOLDERS for part in path.split("/")[:-1])


def one_family(datasets: set[str], family: Family) -> str | None:
    """The one dataset of a set of one entry and its derivatives: the derivative where only
    one is named (a Duke module that unzips DukeMTMC-reID.zip), else the entry itself."""
    roots = {family(dataset) for dataset in datasets}
    if len(roots) != 1:
        return None
    if len(datasets) == 1:
        return next(iter(datasets))
    derived = datasets - roots
    return derived.pop() if len(derived) == 1 else roots.pop()


def _docstring_lines(text: str) -> set[int]:
    """Line numbers (1-based) inside triple-quoted strings."""
    inside: set[int] = set()
    first, counted = 1, 0  # lines counted on from the last match: counting from the top
    for match in TRIPLE.finditer(text):  # for each of 500,000 docstrings never ended
        first += text.count("\n", counted, match.start())
        counted = match.start()
        inside.update(range(first, first + match.group().count("\n") + 1))
    return inside


def references(
    dataset: str,
    text: str,
    hits: Hits,
    layout: Layout | None,
    words: frozenset[str] = frozenset(),
    *,
    roots: bool = True,
) -> Iterator[Found]:
    """Each code line of a Python file whose dataset is ``dataset`` that reads that dataset's
    data without naming it. ``words``: the words of the dataset's names (``pascal``);
    ``roots``: whether a join from a bare data root counts (only in a data folder's module:
    elsewhere ``os.path.join(root, self.filename)`` is too weak a sign on its own)."""
    lines = text.split("\n")[:MAX_LINES]
    docstrings = _docstring_lines(text) if ('"""' in text or "'''" in text) else set()
    for number, line in enumerate(lines, start=1):
        if number in docstrings:
            continue
        code = line.split("#", 1)[0]
        if not code.strip() or MESSAGE.search(code):
            continue
        found = _line_reference(dataset, code, hits, layout, words, roots)
        if found is not None:
            kind, column, surface, owner = found
            yield owner, number, column, kind, surface


def _line_reference(
    dataset: str,
    code: str,
    hits: Hits,
    layout: Layout | None,
    words: frozenset[str],
    roots: bool,
) -> tuple[Kind, int, str, str] | None:
    """(kind, column, surface, dataset) of the strongest use of the data on one line."""
    imported = IMPORT.match(code)
    if imported is not None:
        module = imported.group("source") or imported.group("module") or ""
        if any(_same(hit, dataset) for hit in hits(module.replace(".", " "))):
            return Kind.LOAD, code.find(module) + 1, module, dataset
        return None
    loader = LOADER_NAME.search(code)
    if (
        loader is not None
        and loader.group("name") in words
        and not set(loader.group("rest").split("_")) & OUTPUT_WORDS
    ):
        return Kind.LOAD, loader.start() + 1, loader.group(), dataset
    if WRITES.search(code) or CHECK.search(code):
        return None
    use = PATH_USE.search(code)
    if roots:
        root = _root_use(code, use.start() if use is not None else None)
        if root is not None:
            return Kind.PATH, root.start() + 1, root.group(), dataset
    for literal in LITERAL.finditer(code):
        value = literal.group("value")
        built = code[literal.end() :].lstrip()[:1] == "+"
        if built and CONTINUED.match(code, 0, literal.start()):
            # 'VOC' + self._year, the line of a join over several lines that names the
            # dataset (its other lines are the same use)
            if any(_same(hit, dataset) for hit in hits(value)):
                return Kind.PATH, literal.start("value") + 1, value, dataset
            continue
        # handed on, or a file's name starting its line inside a call written over lines
        # ('%s_face_tid_mid.txt' % target.lower() below os.path.join(...,); a folder's name
        # there ('Annotations' below 'VOC' + self._year) is one more line of the same join,
        # which labellers of a VOC module left unlabelled)
        before = literal.start()
        continued = "." in value and CONTINUED.match(code, 0, before) is not None
        handed = HANDED.search(code, 0, before) or continued
        if not handed or code[literal.end() :].lstrip()[:1] == ":":
            continue  # compared (split == 'query') or a dict's key, not handed to a reader
        owner = _placed(value, layout) if layout is not None else None
        if owner is not None:
            return Kind.PATH, literal.start("value") + 1, value, owner
        # One of the dataset's names handed to a path call (osp.join(cfg.DATA_DIR, 'coco')) or
        # built into a folder's name (rootpath = 'VOC' + year).
        if (use is not None or built) and any(_same(hit, dataset) for hit in hits(value)):
            return Kind.PATH, literal.start("value") + 1, value, dataset
    return None


# A literal that is only a wildcard ('*.jpg', '*'): it names no file. An extension built onto
# a name (index + '.txt') does: labels of that shape disagree, so it stays.
WILDCARD_ONLY = lazy(r"[*?]+\.?\w{0,5}")
EXTENSION_ONLY = lazy(r"[/_]?\.\w{1,5}")


def _root_use(code: str, use: int | None) -> re.Match[str] | None:
    """The module's data root where the line builds a path from it to a named part: handed
    to a path call (``osp.join(self._data_path, 'Annotations', ...)``), or, for any other
    name of the module's own that holds a place, joined (``osp.join(self.pascal_root,
    'JPEGImages', name)``), added to with ``+`` or divided by pathlib's ``/`` (``self.root +
    "images/" + self.split``, ``meta_dir / "json"``). Only the value side counts, never the
    name the path is assigned to; the other names' paths, never on a line that assigns to a
    name of the run's own (``pred_dir = self.root + '/predictions/'``)."""
    if use is not None:
        root = DATA_ROOT.search(code, use)  # an argument, not the name assigned to
        if root is not None and _names_a_part(code, root.end()):
            return root
    target = TARGET.match(code)
    if target is not None and not _a_place(target.group(1).rpartition(".")[2]):
        return None  # pred_dir = self.root + '/predictions/': where the run writes
    joined = JOIN.search(code)
    assigned = target.end(1) if target is not None else 0
    for place in PLACE_NAME.finditer(code):
        if place.end() <= assigned or not _a_place(place.group("name")):
            continue
        in_join = joined is not None and place.start() >= joined.end()
        # not open(fpath, 'rb') (a mode), nor a name and an extension only
        # (os.path.join(self._image_dir, line + ".jpg"): labellers of a segmentation toolkit
        # left those unlabelled)
        added = CONCATENATED.match(code, place.end()) is not None
        if not (in_join or added):
            continue
        end = _argument_end(code, place.end(), commas=not in_join)
        if _names_a_part(code[:end], place.end(), extensions=False):
            return place
    return None


def _argument_end(code: str, start: int, *, commas: bool) -> int:
    """Where the call or the sum that goes on at ``start`` ends: the bracket that closes it,
    or (``commas``) the next argument; quoted text is skipped. A literal after it is no part
    of this path (``open(osp.join(base_path, name), 'r')``: a mode)."""
    depth, index = 0, start
    while index < len(code):
        char = code[index]
        if char in "'\"":
            close = code.find(char, index + 1)
            index = len(code) if close < 0 else close + 1
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return index
        elif char == "," and depth == 0 and commas:
            return index
        index += 1
    return len(code)


def _a_place(name: str) -> bool:
    """A name of a data place, not of something a run makes (``out_dir``, ``cache_path``)."""
    words = [w.lower() for w in NAME_WORD.findall(name)]
    return bool(words) and not set(words) & RUN_WORDS


def _names_a_part(code: str, after: int, *, extensions: bool = True) -> bool:
    """A literal after the data root names a part of the release (``'Annotations'``,
    ``'train.txt'``, ``'cuhk-03.mat'``): a join of the root with variables only
    (``osp.join(root, self.dataset_dir)``, ``os.listdir(dataset_path)``) or with a wildcard
    only (``glob(osp.join(root, id_name, '*.jpg'))``) only passes a folder on and reads nothing
    of its own. Labellers of six re-ID, face and detection repositories (rounds 1-3) left all
    51 such lines unlabelled, where joins naming a part are labelled."""
    return any(
        WILDCARD_ONLY.fullmatch(value) is None
        and any(c.isalpha() for c in value)
        and (extensions or EXTENSION_ONLY.fullmatch(value) is None)
        for value in (literal.group("value") for literal in LITERAL.finditer(code, after))
    )


def _placed(path: str, layout: Layout) -> str | None:
    """The dataset whose release has a folder or file on the path."""
    for segment in re.split(r"[/\\]", path):
        owner = layout(segment.strip("*."))
        if owner is not None:
            return owner
    return None


def _same(hit: Hit, dataset: str) -> bool:
    return hit.alias.dataset == dataset and hit.alias.model is None


def script_references(dataset: str, text: str, layout: Layout) -> Iterator[Found]:
    """Each file operation of a script whose dataset is ``dataset`` on a folder or file of
    that dataset's release (``mkdir ../images/trainval35k``, ``cd ../val2014``)."""
    for number, line in enumerate(text.split("\n")[:MAX_LINES], start=1):
        code = re.split(r"(?:^|\s)#", line, maxsplit=1)[0]
        if FILE_COMMAND.search(code) is None:
            continue
        for token in re.finditer(r"[^\s'\"`;|&(){}]+", code):
            owner = _placed(token.group(), layout)
            if owner is not None:
                yield owner, number, token.start() + 1, Kind.PATH, token.group()
                break


def name_words(dataset: str) -> frozenset[str]:
    """The words of a dataset's id that a loader may be named after (``pascal`` and ``voc`` of
    ``pascal-voc``): letters only, at least three, and no word every kind of data has."""
    return frozenset(
        word
        for word in dataset.split("-")
        if len(word) >= 3 and word.isalpha() and word not in GENERIC_WORDS
    )


GENERIC_WORDS = frozenset(
    {"data", "dataset", "images", "image", "faces", "face", "text", "open", "common", "the"}
    | {"visual", "speech", "audio", "video", "web", "news", "wiki", "books", "reviews", "large"}
)


# The class attributes by which a re-ID dataset class states its data (torchreid, fast-reid):
# the folder below the data root, and the name its ids are prefixed with.
FOLDER_ATTRIBUTE = "dataset_dir"
NAME_ATTRIBUTE = "dataset_name"
# known name or location -> dataset id (Knowledge.resolve: "local" for a folder, "name" for a name)
Resolve = Callable[[str, str], str | None]


def may_define_dataset_classes(text: str) -> bool:
    """Whether a module may define a dataset class (``class_references``): a plain substring
    test, so that modules without one are not parsed for it."""
    return FOLDER_ATTRIBUTE in text or NAME_ATTRIBUTE in text


def class_references(
    tree: ast.Module, found: Sequence[Found], resolve: Resolve, family: Family
) -> Iterator[Found]:
    """The dataset classes a module defines and the attributes that state their data.

    A class is a dataset class when its body assigns a folder literal to ``dataset_dir``, when
    it derives from a dataset class of the same module (``class SmallVeRiWild(VeRiWild)``
    reads VeRi-Wild's folder), or when its own name names a known dataset and it is registered
    or states a ``dataset_name`` (``class Market1501Attr``). Its dataset is the known one its
    folder or its own name names, else the one its name attribute names, else the folder itself
    (``local:underground_reid``), else its base class's: a dataset the catalogue lacks is
    still a reference.
    The folder comes first where it names the same dataset or a derivative of it: it is what
    the class reads (``class DukeMTMC`` reads ``DukeMTMC-reID``); a class named for another
    dataset (``class CPLFW`` over ``faces_emore_val``) is the one it is named for. A subclass
    with a name attribute of its own and no folder is another dataset, not its base's.
    The class line is a ``load`` reference, the folder attribute a ``path`` and the name
    attribute a ``config`` one. Classes that state no folder and derive from no dataset class
    (a ``Dataset`` subclass over the user's own files) yield nothing here.
    """
    loads = {
        (line, column): dataset for dataset, line, column, kind, _ in found if kind is Kind.LOAD
    }
    classes: dict[str, str] = {}  # class name -> dataset, in definition order
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        folder = _attribute(node, FOLDER_ATTRIBUTE)
        if folder is not None and not folder[0].strip("./"):
            folder = None  # dataset_dir = '.': the data lies in the root itself, named nowhere
        name = _attribute(node, NAME_ATTRIBUTE)
        bases = [base.id for base in node.bases if isinstance(base, ast.Name)]
        inherited = next((classes[base] for base in bases if base in classes), None)
        start = node.col_offset + len("class ") + 1  # where the class's name starts
        # a known name in the class's own name (class Market1501Attr), not in its bases
        named = next(
            (
                dataset
                for (line, column), dataset in loads.items()
                if line == node.lineno and start <= column < start + len(node.name)
            ),
            None,
        )
        registered = name is not None or any(_registers(d) for d in node.decorator_list)
        if folder is None and inherited is None and not (named and registered):
            continue  # no folder of its own, no dataset base, no registered known name
        if folder is None and named is None and name is not None:
            continue  # a subclass with a name of its own is another dataset
        placed = _known(resolve("local", folder[0])) if folder is not None else None
        if named is not None and placed is not None and family(named) != family(placed):
            placed = None  # class CPLFW reads CPLFW from the folder of another set's release
        dataset = (
            placed
            or named
            or (_known(resolve("name", name[0])) if name is not None else None)
            or (resolve("local", folder[0]) if folder is not None else None)
            or inherited
        )
        if dataset is None:
            continue
        classes[node.name] = dataset
        yield dataset, node.lineno, start, Kind.LOAD, node.name
        for attribute, kind in ((folder, Kind.PATH), (name, Kind.CONFIG)):
            if attribute is not None:
                value, line, column = attribute
                yield dataset, line, column, kind, value


def _registers(decorator: ast.expr) -> bool:
    """A decorator that registers the class in a registry (``@DATASET_REGISTRY.register()``)."""
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(call, ast.Attribute) and call.attr == "register"


def _attribute(node: ast.ClassDef, name: str) -> tuple[str, int, int] | None:
    """(value, line, column of the value) of a non-empty string class attribute ``name``."""
    for statement in node.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target, value = statement.targets[0], statement.value
        if (
            isinstance(target, ast.Name)
            and target.id == name
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
            and value.value.strip()
        ):
            return value.value.strip(), value.lineno, value.col_offset + 2  # past the quote
    return None


def _known(dataset: str | None) -> str | None:
    """A dataset the knowledge names, not an id made up from the name (``local:...``)."""
    return dataset if dataset is not None and ":" not in dataset else None
