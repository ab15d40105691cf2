"""Dataset names inside Python identifiers: classes, loaders, imports and data locations.

Real code names its data in identifiers as often as in strings: ``class DukeMTMCreID(...)``,
``from .market1501 import Market1501``, ``from keras.datasets import mnist``, ``def
load_boston():``, ``mglearn.datasets.load_citibike()``, ``conf.ms1m_folder / "imgs"``. A known
name inside an identifier counts when the identifier is

- defined as a class, function or module, imported, or called: a ``load`` reference;
- an attribute or variable whose other words name a data location (``ms1m_folder``,
  ``emore_root``, ``lfw_dir``), or that the line uses as one whatever its words
  (``os.path.isfile(args.lfwPairs)``, ``os.listdir(lfwAligned)``, ``with open(path, 'rb')
  as cifar100:``): a ``path`` reference;
- the top-level module of a benchmark's evaluation protocol, imported (``import
  lfw_eval``): a ``load`` reference.

An identifier that only measures something about a dataset (``lfw_accuracy``,
``lfw_batch_size``) or holds an object built from it (``mnist_train``) is not a reference: the
line that loads the data is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator

from datasheet_lint.extract.context import Line, key_words
from datasheet_lint.extract.data_paths import OUTPUT_WORDS
from datasheet_lint.knowledge import words
from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

IDENTIFIER_CHAR = lazy(r"[A-Za-z0-9_]")
# Words that make an identifier a place where data lives.
LOCATION_WORDS = frozenset(
    {"folder", "dir", "directory", "path", "root", "file", "files", "rec", "bin", "csv"}
    | {"url", "urls"}
    # a data file's own name (megaface_list_basename, lfw_filename, cifar_fname)
    | {"basename", "filename", "fname"}
)
# Words that make a class, loader or module one of the data: ADE20KLoader, camvidLoader,
# Ade20kDataset, oid_dataset, tinyface_helper, TinyFaceTest, and a re-ID split's reader
# (process_query_sysu, process_gallery_sysu).
DATA_WORDS = frozenset(
    {"loader", "loaders", "dataset", "datasets", "data", "reader", "folder", "helper"}
    | {"test", "train", "val", "valid", "validation", "db", "query", "gallery"}
    # the reader of a benchmark's own files (LFW_PairsParser, CPLFW_PairsParser)
    | {"parser"}
)
# Words that make an identifier a measurement or a setting about the data, not the data.
MEASURE_WORDS = frozenset(
    {"acc", "accuracy", "batch", "size", "loss", "score", "scores", "metric", "metrics"}
    | {"thresh", "threshold", "roc", "auc", "best", "result", "results", "log", "epoch"}
    | {"num", "count", "len", "mean", "std", "far", "tar", "eer", "output", "save"}
    | {"eval", "evaluate", "evaluation", "evaluator", "normalize", "normalise", "norm"}
    # average precision, the detection metric (voc_ap; unlabelled in two repositories)
    | {"ap"}
    | {"time", "rate", "valrate", "nrof", "folds", "distance", "flipped", "subtract", "use"}
    # a model named after the data it classifies (SNLIClassifier), not the data
    | {"classifier", "model", "net", "network", "encoder", "decoder", "head", "backbone"}
)
DEFINITION = lazy(r"^\s*(?:async\s+)?(?:def|class)\s+$")
# A test of whether an option was given at all (if args.lfw_dir:, if not opt.voc_root is None),
# not a use of the location it holds (if not os.path.exists(COCO_ROOT), if root == VOC_ROOT).
CONDITION = lazy(r"^\s*(?:(?:el)?if|while)\s+(?:not\s+)?[\w.]*$")
SIGNATURE = lazy(r"^\s*(?:async\s+)?def\s+(\w+)\s*\([^()]*$")  # def f(a, <here>
MODULE_CALL = lazy(r"^\.\s*(\w+)\s*\(")  # lfw.read_pairs(...): a dataset's own module
IMPORT = lazy(r"^\s*(?:from\s+[\w.]+\s+import\b|import\b)")
IMPORT_ALIAS = lazy(r"\bas\s+$")  # from pycocotools import mask as <here>
# Words that make an identifier a dataset's class list (VOC_CLASSES).
CLASS_WORDS = frozenset({"classes", "labels", "categories", "cmap", "colormap"})
# Words that make an ambiguous name (voc, coco) a dataset's inside an identifier: VOC_ROOT,
# VOC_CLASSES, COCOAnnotationTransform; voc_size stays a vocabulary.
DATASET_CONTEXT = frozenset(
    {"root", "dir", "path", "folder", "classes", "annotation", "annotations", "dataset"}
    | {"detection", "segmentation", "devkit", "images", "labels", "instances", "data"}
)
# An ordinary English word (drop, race, places, digits) inside an identifier forms English
# compounds with the words above: drop_path and DropPath are stochastic depth in every vision
# transformer, race_labels a face attribute. Only words that say "a dataset" or "a folder"
# make such a name the dataset's (DROP_DATASET, places_devkit, glue_dir); "path", "file",
# "images" or "classes" are not enough.
WORD_CONTEXT = frozenset(
    {"dataset", "datasets", "data", "devkit", "annotation", "annotations"}
    | {"dir", "directory", "folder", "root"}
)
# Where an identifier's words change case (VOC|Annotation, Carvana|Dataset, Tiny|Images).
HUMP = lazy(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
CAMEL = lazy(r"\b[A-Za-z_]\w*?(?:[a-z0-9][A-Z]|[A-Z][A-Z][a-z])\w*")
# The capital of a hump, as CAMEL's humps have it. A pattern that opens with a character
# class lets the regex engine skip to the next capital; CAMEL opens with a word boundary, so
# the engine tries it at every position, and over a whole module that cost more than the name
# pass itself. So CAMEL reads only the lines that have a hump (docs/performance.md).
HUMP_CAPITAL = lazy(r"[A-Z](?:(?<=[a-z0-9][A-Z])|(?<=[A-Z][A-Z])(?=[a-z]))")
# Where a run of capitals meets a lower-case word glued to it (OULUNPU|crop, VOC|devkit): the
# hump above cuts such a run one letter early (OULUNP|Ucrop), so a name may also end here.
CAPS_END = lazy(r"(?<=[A-Z][A-Z])(?=[a-z])")
WORD_START = lazy(r"[A-Z][a-z]")


# A verb that may open a class or function named for the data it acts on (EvalMegaFace,
# loadMNIST): the name may start after it. Any other word before a name makes another name
# (NotMNIST, FashionMNIST is its own dataset).
PREFIX_VERBS = frozenset(
    {"eval", "evaluate", "load", "get", "read", "fetch", "download", "build", "make"}
    | {"prepare", "parse"}
)
MAX_RUN = 6  # words of one identifier that one name may span (MITSceneParsingBenchmark: 4)


def camel_hits(text: str, hits: Callable[[str], Iterable[Hit]]) -> Iterator[Hit]:
    """Known names that stand as whole words inside a camelCase identifier
    (``ADE20KLoader``, ``NYUv2Loader``, ``VOCAnnotationTransform``, ``EvalMegaFace``), which
    the name pass cannot see: it matches case-insensitively, so ``ade20kloader`` has no word
    boundary.

    Each identifier is cut into words at its underscores and humps (``ADE20|K|Loader``,
    ``NY|Uv2|Loader``), and every run of whole words is tried as one name, so that a name
    the humps cut in two (``ADE20K``, ``NYUv2``, ``CelebA``, ``MS1MV2``) is still one token. A
    run starts its identifier, follows an underscore or a verb (``Eval``, ``load``), and
    ends the identifier, an underscore or a capitalised word: ``CelebAHQ`` never yields
    ``Celeb``, ``NotMNIST`` never yields ``MNIST``. The runs are matched together, one per
    line of a text of their own, and a name counts only where it fills its whole run.
    """
    spans: list[tuple[int, int]] = []  # each run, as offsets in ``text``
    whole: set[int] = set()  # the runs that fill a part between underscores
    for token in _camel_tokens(text):
        offset = token.start()
        for start, end, filled in _runs(token.group()):
            if filled:
                whole.add(len(spans))
            spans.append((offset + start, offset + end))
    if not spans:
        return
    starts, offset = [], 0  # where each run starts in the joined text
    for start, end in spans:
        starts.append(offset)
        offset += end - start + 1
    joined = "\n".join(text[start:end] for start, end in spans)
    taken: list[tuple[int, int]] = []
    found = []  # (hit, whether the name pass finds it itself)
    for hit in hits(joined):
        index = bisect.bisect_right(starts, hit.start) - 1
        start, end = spans[index]
        if hit.start != starts[index] or hit.end - hit.start != end - start:
            continue  # a name inside the run, not the run
        found.append((hit._replace(start=start, end=end, surface=text[start:end]), index in whole))
    # The longest name at a place wins and names do not overlap: VeRiWild is VeRi-Wild, not
    # VeRi; a name that fills a part is the name pass's, and nothing inside it counts here.
    found.sort(key=lambda item: (item[0].start, -item[0].end))
    for hit, filled in found:
        if any(hit.start < right and left < hit.end for left, right in taken):
            continue
        taken.append((hit.start, hit.end))
        if not filled:
            yield hit


def _camel_tokens(text: str) -> Iterator[re.Match[str]]:
    """``CAMEL.finditer(text)``, read on the lines that hold a hump: an identifier lies
    within one line, and one with no hump is no match (each line is searched at most once)."""
    searched = -1  # the end of the last line searched
    for hump in HUMP_CAPITAL.finditer(text):
        if hump.start() < searched:
            continue
        start = text.rfind("\n", 0, hump.start()) + 1
        end = text.find("\n", hump.start())
        searched = len(text) if end < 0 else end
        yield from CAMEL.finditer(text, start, searched)


def _runs(identifier: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whether it fills a part between underscores) of each run of words of an
    identifier that may be one name. A part without humps (no capital after its first
    character) is one word, which the name pass reads: it yields nothing here."""
    offset = 0
    for part in identifier.split("_"):
        rest = part[1:]
        if rest == rest.lower():
            offset += len(part) + 1
            continue
        humps = {hump.start() for hump in HUMP.finditer(part)}
        glued = {caps.start() for caps in CAPS_END.finditer(part)} - humps
        bounds = sorted({0, *humps, *glued, len(part)})
        first = [0]
        if len(bounds) > 2 and part[: bounds[1]].lower() in PREFIX_VERBS:
            first.append(1)
        for i in first:
            for j in range(i + 1, min(len(bounds), i + 1 + MAX_RUN)):
                start, end = bounds[i], bounds[j]
                if end < len(part) and end not in glued and WORD_START.match(part, end) is None:
                    continue  # CelebA|HQ: the name would end inside a word
                yield offset + start, offset + end, start == 0 and end == len(part)
        offset += len(part) + 1


TOP_MODULE = lazy(r"^\s*(?:import|from)\s+$")
EVAL_WORDS = frozenset({"eval", "evaluate", "evaluation"})
READER_IMPORTED = lazy(r"(?i)\s*import\b.*\b(?:parse|read|load)")


def library_shaped(line: Line) -> bool:
    """The name is a top-level module (``import eli5``, ``from eli5 import x``) or called
    as one (``eli5.show_weights(...)``): a short name there may be a library's."""
    left, right = _identifier(line)
    if TOP_MODULE.match(line.text[:left]):
        others = key_words(line.text[left : line.start] + "_" + line.text[line.end : right])
        return not (others and others <= EVAL_WORDS)  # import lfw_eval: a benchmark's module
    return MODULE_CALL.match(line.text[right:].lstrip()) is not None


LOADER_VERBS = frozenset({"load", "download", "fetch"})


def loader_named(line: Line) -> bool:
    """The name stands in a loader's own name: def load_extended_boston, download_bsd300()."""
    left, _ = _identifier(line)
    return bool(key_words(line.text[left : line.start]) & LOADER_VERBS)


# What follows a dataset's name at the start of a name built at run time: 'voc_' + year,
# 'coco_{}_{}'.format(...), 'COCO_%s', "voc_2007_trainval".
TEMPLATE_REST = lazy(r"""[_-](?:\{[^{}'"]{0,20}\}|%[sd]|(?:19|20)\d\d(?!\d)|['"]\s*(?:\+|%))""")


def name_template(line: Line) -> bool:
    """A string that starts with the name and builds a dataset's name from it: an imdb or
    split name (``'voc_' + year + '_' + split``, ``'coco_{}_{}'.format(year, split)``,
    ``"voc_2007_trainval"``), never a word inside a sentence."""
    quote = line.text[line.start - 1 : line.start]
    if quote not in {"'", '"'}:
        return False
    content = line.text[line.start :].split(quote, 1)[0]
    if any(char.isspace() for char in content):
        return False  # 'voc_{} entries': a message
    return TEMPLATE_REST.match(line.text, line.end) is not None


def confirms(line: Line) -> bool:
    """An ambiguous name inside an identifier whose other words make it a dataset's
    (``WORD_CONTEXT`` when the name is an English word, ``DATASET_CONTEXT`` otherwise).

    An English word must also end its compound: the word right after it, if any, is one of
    those context words (``PLACES_devkit``, ``DropDataset``). Followed by another word it is the
    first half of another name (``ArcFaceDataset``: ArcFace, not ARC; ``_dataset_drop_path``: a
    drop path), whatever data words the identifier also holds."""
    left, right = _identifier(line)
    others = key_words(line.text[left : line.start] + "_" + line.text[line.end : right])
    is_word = words.is_word(line.text[line.start : line.end])
    context = WORD_CONTEXT if is_word else DATASET_CONTEXT
    if is_word:
        following = NEXT_WORD.match(line.text, line.end, right)
        word = following.group(1).lower() if following is not None else ""
        if word and not word.isdigit() and word not in WORD_CONTEXT:
            return False
    return bool(others & context) and not others & MEASURE_WORDS


# The word that follows a name inside its identifier (Arc|Face, drop_|path, DROP_|DATASET).
NEXT_WORD = lazy(r"_*([A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+)")


def numbered(line: Line) -> bool:
    """The name with only a number or a letter beside it in its identifier (``P3_1``,
    ``P3_x``, ``C4_2``): a layer, level or stage numbered in a model (the third level of a
    feature pyramid), not the dataset a short name may also spell."""
    left, right = _identifier(line)
    rest = line.text[left : line.start] + "_" + line.text[line.end : right]
    others = [part for part in rest.split("_") if part]
    # (a year is an edition of the data: voc_2007, coco_2017)
    return bool(others) and all(
        len(part) == 1 or (part.isdigit() and len(part) <= 2) for part in others
    )


def _passed_in(before: str) -> bool:
    """A parameter of a function that does not get or load data by its name
    (``def __init__(self, megaface_dir)``, ``def extract_feature(model, megaface_path)``):
    it names what a caller passes, and the caller's argument is the use. A loader's own
    location parameter is its dataset's (``def get_paths(lfw_dir, pairs)``)."""
    signature = SIGNATURE.match(before)
    if signature is None:
        return False
    return not key_words(signature.group(1)) & (PREFIX_VERBS | LOADER_VERBS)


def _identifier(line: Line) -> tuple[int, int]:
    """The identifier the hit stands in: its start and end in the line."""
    left = line.start
    while left > 0 and IDENTIFIER_CHAR.match(line.text[left - 1]):
        left -= 1
    right = line.end
    while right < len(line.text) and IDENTIFIER_CHAR.match(line.text[right]):
        right += 1
    return left, right


def _loader_words(others: set[str]) -> bool:
    """The other words of a name make it a loader's: at most one besides verbs, data words
    and numbers (extract_IJB_data_11, get_lfw_list, not convert_coco_poly_to_mask)."""
    return len({word for word in others - CALL_WORDS if not word.isdigit()}) <= 1


def measures(text: str) -> bool:
    """A name whose other words measure or tune something (lfw_accuracy, lfw/val_rate)."""
    return bool(key_words(text.replace("/", "_")) & MEASURE_WORDS)


# Words of a loader's name besides the dataset's: verbs, DATA_WORDS (get_cifar10_loader) and
# the annotations it parses (VOCAnnotationTransform(), the reader of VOC's XML files).
CALL_WORDS = LOADER_VERBS | {"get", "read", "process", "annotation", "annotations"} | DATA_WORDS
# A bare class name as an item or an argument (a list, a call, a keyword's or dict's value),
# not compared (==) or assigned to.
ITEM_BEFORE = lazy(r"(?:[\[(,:]|(?<![=!<>])=)\s*$")
ITEM_AFTER = lazy(r"[,)\]}]|$")
# The class's own machinery, not a use of its data: super(Market1501, self), isinstance(x, ...).
INSPECTED = lazy(r"\b(?:super|isinstance|issubclass|type)\s*\([^()]*$")
# A dict item whose key is a string and whose value is the bare name: a registry of loaders.
REGISTERED = lazy(r"""['"][\w.-]{1,40}['"]\s*:\s*$""")
ITEM_END = lazy(r"[,}]|$")


# The module path of an import: the name is a module's (from ptsemseg.loader.ade20k_loader
# import ..., import datasets.cityscapes as cs).
IMPORTED_MODULE = lazy(r"^\s*(?:from\s+[\w.]*|import\s+(?:[\w.]+\s*,\s*)*[\w.]*)$")
# A name inside a message, not a use of what it names: print(self.lfw_pairs_file).
REPORTED = lazy(r"\b(?:print|log(?:ger|ging)?\.\w+|warn\w*)\s*\([^()]*$")
CLASS_KEYWORD = lazy(r"\bclass\s+$")
OWN_MODULE = lazy(r"^\s*(?:from\s+\.*|import\s+)$")
# A class named for the data it is run on: EvalMegaFace, EvalIJBC (evaluation protocols that
# read the benchmark's own files), as against lfw_accuracy or eval_lfw(), a score of it.
EVAL_CLASS = lazy(r"Eval(?:uate)?$")
# ... or named so with the word after: MegaFaceEvaluator, IJBCEvaluator, LFWEvaluator; also
# as the base class of another (class MaskedMegaFaceEvaluator(MegaFaceEvaluator):).
EVALUATOR = lazy(r"Evaluator$")
BASE_CLASS = lazy(r"^\s*class\s+\w+\s*\((?:[^()]*,\s*)?$")
# Names whose evaluators score a file format that any data may take, not one benchmark's
# protocol: COCO-style and VOC-style detection metrics, and the format evaluators of the
# detection libraries (detectron2's COCOEvaluator, LVISEvaluator, CityscapesEvaluator).
FORMAT_METRIC_NAMES = frozenset({"coco", "voc", "pascal", "pascalvoc", "lvis", "cityscapes"})


# A call that takes a location: a path's test, join or listing; the name is one of its
# arguments (os.path.join(root, lfwSubset), os.path.isfile(args.lfwPairs)), an owner's
# attribute included (args., self.). An open() of a name reads a list or pairs file that
# its definition placed (open(self._ijbc_1N_probe_list)): that definition is the reference.
PATH_CALL = lazy(
    r"(?:\b(?:exists|isfile|isdir|listdir|scandir|walk|glob|iglob|Path|expanduser"
    r"|abspath|realpath)|(?:\bpath\.|\bosp\.|(?<![\w.]))join)"  # not ", ".join(names)
    r"\s*\(\s*(?:[^()]*,\s*)?(?:\w+\.)*$"
)
# The name bound to a location built on its line: lfwSubset = os.path.join(base, 'lfw-subset').
PATH_VALUE = lazy(r"^=\s*(?:[\w.]+\.)?(?:join|Path)\s*\(")
ASSIGNED = lazy(r"^\s*(?:\w+\.)*$")


# Words of a location the run writes to or keeps its own things in (megaface_out, lfw_cache,
# the features it computes: face_scrub_emb_clean_outdir), or that holds code (COCO_API, the
# cocoapi checkout put on sys.path).
NOT_DATA_WORDS = (
    OUTPUT_WORDS
    | {"dst", "dest", "target", "tmp", "outdir", "outpath"}
    | {"emb", "embs", "embedding", "embeddings", "feat", "feats", "feature", "features"}
    | {"pred", "preds", "prediction", "predictions"}
    | {"api", "lib", "src", "tools"}
)


# A file opened in binary under the dataset's name (with open(path, 'rb') as cifar100:), and
# that handle read whole by a data library (pickle.load(cifar100)). A text file opened so
# is any file (with changes_path.open("r") as cfp: a changelog, not CFP).
OPENED_AS = lazy(r"""\bopen\s*\(.*['"]rb['"].*\)\s*as\s+$""")
READ_HANDLE = lazy(r"\b(?:pickle|np|numpy|torch|joblib)\.load\s*\(\s*$")


def _used_as_path(before: str, after: str) -> bool:
    """The identifier is an argument of a call that takes a location, or is bound to a
    location joined on its line."""
    if PATH_CALL.search(before):
        return "sys.path" not in before  # sys.path.append(join(root, COCO_API)): code
    return ASSIGNED.match(before) is not None and PATH_VALUE.match(after) is not None


def _protocol_module(before: str, after: str, others: set[str]) -> bool:
    """A top-level module of a dataset's evaluation protocol, imported whole (import
    lfw_eval) or for its reader (from lfw_eval import parseList): it reads the benchmark's
    pairs and images. Its scorer alone (from eval_lfw import evaluation_10_fold) and a
    package's evaluator (from .coco_eval import ...) only score."""
    if not others or not others <= EVAL_WORDS or not TOP_MODULE.match(before):
        return False
    return before.lstrip().startswith("import") or READER_IMPORTED.match(after) is not None


def kind(line: Line) -> Kind | None:
    """How a name inside a Python identifier points at the dataset, or None."""
    left, right = _identifier(line)
    before = line.text[:left]
    after = line.text[right:].lstrip()
    others = key_words(line.text[left : line.start] + "_" + line.text[line.end : right])
    if (
        line.end == right
        and EVAL_CLASS.match(line.text, left, line.start)
        and (DEFINITION.search(before) or IMPORT.search(before) or after.startswith("("))
    ):
        return Kind.LOAD  # class EvalMegaFace, from eval_megaface import EvalMegaFace
    if (
        EVALUATOR.match(line.text, line.end, right)
        and line.start == left
        and line.text[left : line.end].lower() not in FORMAT_METRIC_NAMES
        and (
            DEFINITION.search(before)
            or IMPORT.search(before)
            or BASE_CLASS.search(before)
            or after.startswith("(")
        )
    ):
        return Kind.LOAD  # class MegaFaceEvaluator, IJBCEvaluator(...): a benchmark's protocol
    if _protocol_module(before, after, others):
        return Kind.LOAD  # import lfw_eval
    if IMPORT.search(before) and IMPORT_ALIAS.search(before):
        return None  # a local name for what is imported (mask as COCOmask), judged on its own
    if others & MEASURE_WORDS or REPORTED.search(before):
        return None
    if line.text.startswith("test_", left) and (DEFINITION.search(before) or after.startswith("(")):
        return None  # a unit test (def test_cmudict():, test_voc()), not a loader
    if IMPORTED_MODULE.match(before) and others <= DATA_WORDS:
        # A dataset's own module, imported: named for it with a data word at any depth
        # (from ptsemseg.loader.ade20k_loader import ...), or by its name alone at the top
        # or beside the importing module (from hellaswag import ..., from .lfw import ...);
        # a package's module deep in another tree (mylib.tutorials.mnist) may be anything.
        return Kind.LOAD if others or OWN_MODULE.match(before) else None
    if IMPORTED_MODULE.match(before) and key_words(line.text[left : line.start]) & LOADER_VERBS:
        # a module named as the loader of the dataset, whatever follows the name
        # (from Load_OULUNPUcrop_valtest import ..., import download_celeba_aligned)
        return Kind.LOAD
    call = MODULE_CALL.match(after)
    if not others and call and not before.rstrip().endswith("."):
        # lfw.read_pairs(...) reads it; lfw.evaluate(embeddings, ...) scores a model
        return None if measures(call.group(1)) else Kind.LOAD
    if DEFINITION.search(before) or IMPORT.search(before):
        # A dataset's class, or a loader named for the dataset and at most one other word
        # (load_extended_boston, get_lfw_list, lfw_test); not a function that only works on
        # its annotations' shapes (convert_coco_poly_to_mask, make_coco_transforms).
        if CLASS_KEYWORD.search(before) or _loader_words(others):
            return Kind.LOAD
        return None
    if others <= DATA_WORDS and REGISTERED.search(before) and ITEM_END.match(after):
        # a loader class registered by name: {'veri': VeRi, 'camvid': camvidLoader, ...}
        return Kind.LOAD
    if after.startswith("(") and not before.rstrip().endswith("def"):
        # A call of the dataset's class or loader (Market1501(root), load_citibike(),
        # subset_ms1mv2_dataset(index)), not of a function that happens to carry a dataset
        # word among others (create_mock_lfw_pairs).
        return Kind.LOAD if _loader_words(others) and not others & NOT_DATA_WORDS else None
    if (
        not others
        and any(char.isupper() for char in line.text[left:right])
        and ITEM_BEFORE.search(before)
        and ITEM_AFTER.match(after)
        and not INSPECTED.search(before)
    ):
        # The dataset's class handed on as a value: a list or registry of dataset classes
        # ([Market1501, CUHK03], dict(market1501=Market1501), REGISTRY.register(Market1501)).
        return Kind.LOAD
    if others & CLASS_WORDS:
        return Kind.CONFIG  # the dataset's class list (VOC_CLASSES), defined or used
    if not others & NOT_DATA_WORDS and others <= DATA_WORDS:
        if OPENED_AS.search(before):
            return Kind.PATH  # with open(join(path, 'train'), 'rb') as cifar100:
        if READ_HANDLE.search(before):
            return Kind.LOAD  # pickle.load(cifar100, encoding='bytes'): the handle read
    if _used_as_path(before, after) and not others & NOT_DATA_WORDS:
        # A name of any other words that the line uses as a location (os.path.isfile(
        # args.lfwPairs), os.listdir(lfwAligned), lfwSubset = os.path.join(...)), unless
        # they say the run writes there (megaface_out) or it holds code (COCO_API on
        # sys.path); a measure or a message was ruled out above.
        return Kind.PATH
    if others & LOCATION_WORDS and not CONDITION.match(before) and not _passed_in(before):
        return Kind.PATH  # not in a test of whether a location was given (if args.lfw_dir:)
    if not others and _dataset_entry(before, after):
        return Kind.CONFIG
    return None


# The object an attribute hangs on, and what follows the attribute: its settings or a value.
NAMESPACE = lazy(r"([A-Za-z_]\w*)\.$")
ENTRY_AFTER = lazy(r"(?:\.\w|=(?!=)|\[)")
NAMESPACE_WORDS = frozenset({"dataset", "datasets", "data"})


def _dataset_entry(before: str, after: str) -> bool:
    """The name is an entry of a config namespace of datasets, set or read with its settings:
    ``dataset.emore = edict()``, ``dataset.emore.num_classes = 85742``, ``cfg.DATASETS.duke.root``
    (the easydict and yacs configs of face and re-ID code keep one block per training set; each
    line of the block configures that dataset). Not a call or a module's function
    (``datasets.mnist.load_data()`` is judged as a call above), nor a test (``==``)."""
    found = NAMESPACE.search(before)
    if found is None:
        return False
    namespace = key_words(found.group(1))
    return bool(namespace) and namespace <= NAMESPACE_WORDS and ENTRY_AFTER.match(after) is not None


# A loaded config subscripted by a string: data_conf['CPLFW'], cfg["lfw"], yaml.load(f)['IJBC'].
CONFIG_SUBSCRIPT = lazy(
    r"""(?:\b([A-Za-z_][\w.]*)|\b(?:yaml|json|toml)\.(?:safe_)?load\([^()]*\))\s*\[\s*['"]$"""
)
CONFIG_WORDS = frozenset({"conf", "config", "configs", "cfg", "settings"})


def config_key(line: Line) -> bool:
    """The whole string is the key a loaded config is read by (``yaml.load(f)['IJBC']``,
    ``data_conf['CPLFW']``): the block of that config that holds the dataset's paths, as a
    config file's key naming a dataset is (extract/configs.py). Not a result or a metric read
    by a dataset's name (``results['lfw']``)."""
    quote = line.text[line.start - 1 : line.start]
    if quote not in {"'", '"'} or line.text[line.end : line.end + 1] != quote:
        return False
    if not line.text[line.end + 1 :].lstrip().startswith("]"):
        return False
    found = CONFIG_SUBSCRIPT.search(line.text[: line.start][-200:])
    if found is None:
        return False
    return found.group(1) is None or bool(
        key_words(found.group(1).rpartition(".")[2]) & CONFIG_WORDS
    )
