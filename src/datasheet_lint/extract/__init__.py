"""File -> references: where a file points at datasets, and how.

Every file goes through one regex pass over all known names (the blocklist's and the
catalogue's). Python (and notebook code cells) that name a loader are also parsed, to find
loader calls for any dataset, known or not; DVC files and Hugging Face cards are read for the
data they declare. A name flagged ambiguous counts only where the line uses it as a dataset
name. See docs/references.md.
"""

from __future__ import annotations

import ast
import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from datasheet_lint.extract import (
    data_paths,
    dataset_modules,
    filetypes,
    identifiers,
    python_ast,
    python_blocks,
    specific,
    structured,
)
from datasheet_lint.extract.segments import LineIndex, Segment
from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.knowledge.resolve import VARIABLE, Knowledge, placed
from datasheet_lint.models import Kind, Location, Reference, SourceFile

if TYPE_CHECKING:
    from datasheet_lint.extract.flow import Exports, Flowed, Linked

KIND_PRIORITY = {
    Kind.LOAD: 0,
    Kind.MODEL: 1,
    Kind.URL: 2,
    Kind.PATH: 3,
    Kind.CONFIG: 4,
    Kind.MENTION: 5,
}


# Extractors that few files need, imported for the first segment that may hold what they
# find, so that a pre-commit run of a few Python files imports none of them. Each entry:
# the segment languages it reads (None: any) and plain substrings one of which every match
# of it contains (None: any text); ``in`` rules a segment out at C speed, with no regex.
# A new extractor joins with one line here; its call in _segment_references goes under
# ``if _wanted("name", segment):`` with its import inside.
PRETRAINED_WORDS = (  # one in each alternative of pretrained.TRIGGER (tests/test_lazy_imports.py)
    "pytorch.org",
    ".pth",
    "lip6.fr",
    "IMAGENET1K_",
    "COCO_",
    "KINETICS400_",
    "pretrained",
    "model_urls",
    "_tf_dim_ordering_",
)
PLATFORM_WORDS = (  # platforms.TRIGGERS (tests/test_lazy_imports.py)
    "input/",
    "bigquery-public-data",
    "dataset_sources",
    "competition_sources",
    "get_gcs_path",
    "competition_download",
    "KaggleDatasetAdapter",
    "hf://",
    "kaggle.com/",
)
CONFIG_MODULE_WORDS = (  # config_modules.WORDS: the OpenMMLab data keys
    "ann_file",
    "img_prefix",
    "seg_prefix",
    "data_prefix",
    "img_dir",
    "ann_dir",
)
ON_DEMAND: dict[str, tuple[frozenset[str] | None, tuple[str, ...] | None]] = {
    "downloads": (frozenset({"script"}), None),
    "pretrained": (None, PRETRAINED_WORDS),
    "platforms": (frozenset({"python", "script", "config"}), PLATFORM_WORDS),
    "config_modules": (frozenset({"python"}), CONFIG_MODULE_WORDS),
    "dataset_yaml": (frozenset({"python", "config"}), (".yaml", ".yml")),
    "hub_ids": (frozenset({"python", "script"}), ("/",)),  # --dataset_name owner/name
}


def _wanted(extractor: str, segment: Segment) -> bool:
    """Whether the segment may hold what the ON_DEMAND extractor finds."""
    langs, words = ON_DEMAND[extractor]
    if langs is not None and segment.lang not in langs:
        return False
    return words is None or any(word in segment.text for word in words)


# Python's parser needs ~500 bytes per syntax node, held at once: a 5 MB list literal takes
# gigabytes and ten seconds. Real modules are far smaller; larger code is left to the name
# pass (which still finds every known name) and the run says loader calls were not read.
PARSE_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file's references, and what was left unread by the limits on work per file."""

    references: list[Reference]
    limits: list[str]
    # What other modules of the repository may import from this one (extract/links.py).
    exports: list[Exports] = field(default_factory=list)
    # What a short name in it means only where the repository's code settles it
    # (extract/judge.py: settle).
    settled: list[Reference] = field(default_factory=list)


def _segment_references(
    file: SourceFile,
    segment: Segment,
    knowledge: Knowledge,
    limits: list[str],
    links: tuple[Linked | None, list[Exports]],
    settled: list[Reference],
    *,
    parse: bool = True,
) -> list[Reference]:
    found: list[tuple[str, int, int, Kind, str]] = []
    loader_spans: set[tuple[int, int]] = set()
    unnamed: set[tuple[str, int, int, Kind, str]] = set()  # reads known only by their file
    tree: ast.Module | None = None
    # tried already (or not to be tried): a module that does not parse is not parsed twice
    parsed = not parse
    if segment.lang == "python" and parse and python_ast.worth_parsing(segment.text):
        parsed = True
        if len(segment.text) > PARSE_MAX_CHARS:
            limits.append(
                f"loader calls not parsed: over {PARSE_MAX_CHARS:,} characters of code"
                " (names are still matched)"
            )
            tree = None
        else:
            # Code that does not parse as a whole (Python 2, a broken notebook cell) still
            # has its loader calls read in the top-level statements that do.
            tree = python_ast.parse(segment.text) or python_blocks.salvage(segment.text)
        fixtures = python_ast.in_tests(file.path)
        for call in python_ast.loader_calls(tree) if tree is not None else ():
            if fixtures and call.source == "local":
                continue  # a test opens its fixtures, not a dataset
            dataset = knowledge.resolve(call.source, call.name, needs_known=call.needs_known)
            if dataset is None:
                continue
            local = dataset.startswith("local:")
            if call.joined and local and not python_ast.DATA_FILE.search(call.name):
                continue  # join(root, "images"): a folder that no name places
            kind = Kind.PATH if call.joined else Kind.URL if call.fetched else Kind.LOAD
            item = (dataset, call.line, call.column, kind, call.name)
            if call.unnamed:
                unnamed.add(item)
                found.append(item)
                continue
            if not call.fetched:  # a bound URL leaves its uses to the flow of its name
                loader_spans.add((call.line, call.column))
            found.append(item)
    if _wanted("downloads", segment):
        from datasheet_lint.extract import downloads

        found.extend(
            downloads.references(segment.text, knowledge.resolve, knowledge.names_a_dataset)
        )
    if _wanted("platforms", segment):
        from datasheet_lint.extract import platforms

        found.extend(platforms.references(segment.text, knowledge.resolve))
    if segment.lang == "python":
        found.extend(_data_paths(segment.text, knowledge))
    if _wanted("hub_ids", segment):
        from datasheet_lint.extract import hub_ids

        hub = hub_ids.references(
            segment.text, segment.lang, knowledge.resolve, _folder_name(knowledge)
        )
        found.extend(hub)
    if _wanted("pretrained", segment):
        from datasheet_lint.extract import pretrained

        found.extend(pretrained.references(segment.text))
    hits = knowledge.matcher.hits(segment.text)
    first = next(hits, None)
    camel: list[Hit] = []
    if segment.lang == "python" and (
        first is not None or loader_spans or dataset_modules.in_data_folder(file.path)
    ):
        # Only a module that names a dataset plainly somewhere, or lies in a data folder
        # (data/wider_face.py: class WiderFaceDetection), is split at its humps: most modules
        # name none, and splitting every identifier doubles the cost of a scan.
        camel = list(identifiers.camel_hits(segment.text, knowledge.matcher.hits))
    if first is not None or camel:  # most files name no known dataset: the context rules
        from datasheet_lint.extract import judge  # load for the first that does

        named = itertools.chain([first] if first is not None else [], hits)
        judged = judge.references(named, segment, loader_spans, camel)
        found.extend(judged.found)
        for dataset, line, column, kind, surface in judged.settled:
            file_line, file_column = segment.position(line, column, surface)
            location = Location(file.path, file_line, file_column)
            settled.append(Reference(dataset, location, kind, surface))
        if judged.unjudged:
            limits.append(
                f"{judged.unjudged:,} repeats of known names not judged (limits: "
                f"{judge.SAME_LINE} of one name per line, {judge.PER_SEGMENT:,} per file)"
            )
    if segment.lang == "python" and found and ("data" in segment.text or "DATA" in segment.text):
        from datasheet_lint.extract import config_blocks  # dataset.retina = edict() ...

        found.extend(config_blocks.references(segment.text, found))
    if segment.lang == "prose" and found and "#" in segment.text:
        from datasheet_lint.extract import sections  # a heading that names a dataset

        found.extend(sections.references(segment.text, found))
    if segment.lang == "prose" and found and "://" in segment.text and "train" in segment.text:
        from datasheet_lint.extract import sections  # weights a README says were trained on

        blocked = knowledge.blocklist.get
        found.extend(sections.trained_models(segment.text, found, lambda d: blocked(d) is not None))
    if segment.lines is None and segment.lang in {"python", "script"}:
        found.extend(_own_dataset_references(file, segment, knowledge, found))
    if segment.lang == "python" and "import" in segment.text:
        found.extend(
            dataset_modules.import_references(file.path, segment.text, knowledge.matcher.hits)
        )
    if segment.lang == "python" and dataset_modules.may_define_dataset_classes(segment.text):
        if not parsed:
            tree, parsed = _parsed(segment.text), True
        if tree is not None:  # re-ID dataset classes (extract/dataset_modules.py)
            found.extend(
                dataset_modules.class_references(tree, found, knowledge.resolve, knowledge.family)
            )
    linked, exports = links
    if segment.lang == "python" and (found or tree is not None or linked is not None):
        tree = tree if parsed else _parsed(segment.text)
        # A read known only by its file seeds nothing: its nameless id would be carried over
        # the names that a named dataset's seed carries (the dataset class's own folder).
        seeds = [item for item in found if item not in unnamed] if unnamed else found
        flowed = _flowed(segment.text, tree, seeds, knowledge, linked)
        if flowed is not None:
            found.extend(flowed.found)
            if flowed.limit:
                limits.append(flowed.limit)
            if segment.lines is None:  # a module others can import, not a notebook
                exports.append(flowed.exports)
    if _wanted("dataset_yaml", segment):  # --data data/VOC.yaml: a dataset's YOLO file
        from datasheet_lint.extract import dataset_yaml

        found.extend(
            dataset_yaml.selections(
                segment.text, _whole_name(knowledge), python=segment.lang == "python"
            )
        )
    if found and _wanted("config_modules", segment):
        if not parsed:
            tree, parsed = _parsed(segment.text), True
        if tree is not None:  # OpenMMLab configs: ann_file=data_root + '...'
            from datasheet_lint.extract import config_modules

            found.extend(config_modules.references(tree, segment.text.split("\n"), found))
    if segment.lang == "python" and "default" in segment.text:
        found.extend(_option_defaults(segment.text, knowledge, found))
    if unnamed:
        found = python_ast.unnamed_reads(found, unnamed)
    found = _hub_over_local(found)
    found = _one_local_per_read(found, file.path)
    references = []
    kept = specific.most_specific(found, segment.text, _release(knowledge))
    for dataset, line, column, kind, surface in kept:
        file_line, file_column = segment.position(line, column, surface)
        references.append(
            Reference(dataset, Location(file.path, file_line, file_column), kind, surface)
        )
    return references


def _release(knowledge: Knowledge) -> Callable[[str], bool]:
    """Whether a dataset is a retracted one's re-packaging (MS1MV2's faces_emore, MS1MV3's
    ms1m-retinaface-t1): a package that ships the evaluation files found below its folder."""

    def release(dataset: str) -> bool:
        entry = knowledge.blocklist.get(dataset)
        return entry is not None and entry.parent is not None

    return release


def _segment_code(
    file: SourceFile,
    segment: Segment,
    knowledge: Knowledge,
    limits: list[str],
    links: tuple[Linked | None, list[Exports]],
    settled: list[Reference],
) -> list[Reference]:
    """A segment's references; code that parses but nests deeper than the recursive passes
    over its tree can go (``x = -----...1``, 1,000 signs: Python's parser takes ~3,000 levels,
    its interpreter ~1,000) is read again without its tree, as code too large to parse is."""
    exports: list[Exports] = []
    try:
        found = _segment_references(file, segment, knowledge, limits, (links[0], exports), settled)
    except RecursionError:
        limits.append(
            "loader calls not parsed: code nested deeper than Python's recursion limit"
            " (names are still matched)"
        )
        return _segment_references(file, segment, knowledge, limits, links, settled, parse=False)
    links[1].extend(exports)
    return found


def _own_dataset_references(
    file: SourceFile,
    segment: Segment,
    knowledge: Knowledge,
    found: list[tuple[str, int, int, Kind, str]],
) -> list[tuple[str, int, int, Kind, str]]:
    """Lines of a module or script that read its own dataset's data without naming it
    (extract/dataset_modules.py); the file's dataset is known from the references so far."""
    hits = knowledge.matcher.hits
    lines = segment.text.split("\n")
    script = segment.lang == "script"
    dataset = dataset_modules.file_dataset(
        file.path, lines, found, hits, knowledge.family, script=script
    )
    if dataset is None:
        return []
    layout = knowledge.layout(dataset)
    if script:
        if layout is None:
            return []
        return list(dataset_modules.script_references(dataset, segment.text, layout))
    words = dataset_modules.name_words(dataset)
    roots = dataset_modules.in_data_folder(file.path)
    found_here = dataset_modules.references(dataset, segment.text, hits, layout, words, roots=roots)
    return list(found_here)


def _hub_over_local(
    found: list[tuple[str, int, int, Kind, str]],
) -> list[tuple[str, int, int, Kind, str]]:
    """A value that a data holder takes as a Hub id (extract/hub_ids.py) is not also a local
    folder of that name: ``default="owner/name"`` of a ``--dataset`` option is one dataset."""
    hub = {(item[1], item[4]) for item in found if item[0].startswith("hf:")}
    if not hub:
        return found
    return [
        item
        for item in found
        if not (item[0].startswith("local:") and (item[1], item[4].strip("'\"")) in hub)
    ]


def _one_local_per_read(
    found: list[tuple[str, int, int, Kind, str]], code_path: str
) -> list[tuple[str, int, int, Kind, str]]:
    """Local ids as one dataset each: a name with no meaningful folder placed by the code's
    folder (``local:x.npy`` read in a/ and in b/ are two files), and a line that reads a file
    inside a local folder it also names (``np.load(join(data_dir, 'titanic_x.npy'))``, the
    folder through ``data_dir``) naming the file alone, the more specific of the two."""
    if not any(item[0].startswith("local:") for item in found):
        return found
    found = [(placed(item[0], code_path), *item[1:]) for item in found]
    inner = {(item[1], item[0]) for item in found if item[0].startswith("local:")}
    return [
        item
        for item in found
        if not item[0].startswith("local:")
        or not any(line == item[1] and dataset.startswith(f"{item[0]}/") for line, dataset in inner)
    ]


def _parsed(text: str) -> ast.Module | None:
    return python_ast.parse(text) if len(text) <= PARSE_MAX_CHARS else None


def _flowed(
    text: str,
    tree: ast.Module | None,
    found: list[tuple[str, int, int, Kind, str]],
    knowledge: Knowledge,
    linked: Linked | None,
) -> Flowed | None:
    """References that reach their uses through names bound to them (extract/flow.py)."""
    if tree is None:
        return None
    from datasheet_lint.extract import flow  # only modules that reference data need it

    return flow.references(tree, text, found, knowledge.resolve, linked)


MAX_DATA_PATHS = 1_000  # data locations read per segment: real modules hold a handful


def _data_paths(text: str, knowledge: Knowledge) -> list[tuple[str, int, int, Kind, str]]:
    """Literal data locations (``data_dir = '../data/test_images'``) as path references."""
    found: list[tuple[str, int, int, Kind, str]] = []
    index: LineIndex | None = None  # built for the first module that has one
    for path, start in itertools.islice(data_paths.literals(text), MAX_DATA_PATHS):
        dataset = knowledge.resolve("local", path)
        if dataset is None:
            continue
        index = index or LineIndex(text)
        line, column = index.position(start)
        found.append((dataset, line, column, Kind.PATH, path))
    return found


def _option_defaults(
    text: str, knowledge: Knowledge, found: list[tuple[str, int, int, Kind, str]]
) -> list[tuple[str, int, int, Kind, str]]:
    """Paths that a data location option defaults to (``--data_dir``,
    default='/home/me/Market/pytorch'), on lines that hold no other reference: where one
    names the dataset, the path adds nothing but a second id."""
    taken = {item[1] for item in found}
    defaults: list[tuple[str, int, int, Kind, str]] = []
    index: LineIndex | None = None
    for path, start in itertools.islice(data_paths.option_defaults(text), MAX_DATA_PATHS):
        index = index or LineIndex(text)
        line, column = index.position(start)
        dataset = knowledge.resolve("local", path)
        if dataset is not None and line not in taken:
            defaults.append((dataset, line, column, Kind.PATH, path))
    return defaults


def extract(file: SourceFile, knowledge: Knowledge) -> list[Reference]:
    """All references in one file, one per (line, dataset), strongest kind first."""
    return scan(file, knowledge).references


def scan(file: SourceFile, knowledge: Knowledge, linked: Linked | None = None) -> Extracted:
    """The file's references, and a note for each limit on work that its content reached.

    ``linked``: what the file imports from the repository's other modules, for a second
    look at the files that import a loader (extract/links.py)."""
    lang = filetypes.file_kind(file.path)
    limits: list[str] = []
    if lang == "skip" or (lang == "prose" and filetypes.corpus_text(file.path, len(file.text))):
        return Extracted([], limits)
    if lang == "notebook":
        from datasheet_lint.extract import notebooks

        segments = notebooks.segments(file.text)
    else:
        segments = [Segment(file.text, lang)]
    references: list[Reference] = []
    exports: list[Exports] = []
    settled: list[Reference] = []
    for segment in segments:
        references.extend(
            _segment_code(file, segment, knowledge, limits, (linked, exports), settled)
        )
    references.extend(structured.references(file, knowledge))
    if lang == "config":
        references.extend(_config_values(file, knowledge, references))
        if "train:" in file.text and "val:" in file.text:
            references.extend(_dataset_yaml(file, knowledge))
    elif file.path.endswith(".data") and "names" in file.text and "train" in file.text:
        references.extend(_dataset_yaml(file, knowledge, darknet=True))
    if any(ref.dataset.startswith("local:") for ref in references):
        code = [segment.text for segment in segments if segment.lang == "python"]
        references = _one_id_per_source(file.path, references, code, knowledge)
    return Extracted(_one_per_line(references), list(dict.fromkeys(limits)), exports, settled)


def _one_id_per_source(
    path: str, references: list[Reference], code: list[str], knowledge: Knowledge
) -> list[Reference]:
    """The file's local ids as one id per source, and none for what is not data. Each local
    id asks the user for a datasheet: one per stray path is the false alarm that costs trust.
    In order:

    - a file or folder of the layout of a dataset the file names is that dataset
      (``_named_by_layout``);
    - a file the code itself writes and reads back (extract/written.py), or whose name says
      it is a model's by-product (embeddings, predictions, an options dump), is not data;
    - a file that a download in the same code fetched is that download (extract/downloaded.py);
    - what a module named for one dataset reads is that dataset's (``_named_by_module``);
    - the files a module reads below one data root it holds in a variable
      (``join(split_dir, 'train_list.txt')``, ``join(split_dir, 'test_list_800.txt')``) are
      that root's one dataset (``_one_root_per_module``)."""
    from datasheet_lint.extract import downloaded, written  # only code that reads local data

    references = written.by_products(_named_by_layout(references, knowledge))
    if code:
        references = downloaded.same_source(written.read_back(references, code))
    references = _named_by_module(path, references, knowledge)
    return _one_root_per_module(path, references)


def _named_by_module(
    path: str, references: list[Reference], knowledge: Knowledge
) -> list[Reference]:
    """Local data read by a module named for one dataset: a data module
    (``datasets/ljspeech.py``, ``loader/mapillary_vistas_loader.py``) or an evaluation script
    (``evaluation/widerface.py``, ``validate_IJB_S.py``) reads its dataset's files, whatever
    the release calls them (``metadata.csv``, ``wider_hard_val.mat``, ``pep_256x128/``): those
    are that dataset, not a local one of their own that would ask for a second datasheet. The
    name decides alone, as extract/dataset_modules.py reads it: a training script that
    selects its data names no dataset of its own."""
    if not any(ref.dataset.startswith("local:") for ref in references):
        return references
    hits = knowledge.matcher.hits
    own = dataset_modules.module_dataset(path, hits) or dataset_modules.evaluation_dataset(
        path, hits
    )
    if own is None or knowledge.blocklist.get(own) is not None:
        # A retracted dataset is a finding, never a guess from a file's name: a local file
        # read by eval_megaface.py keeps its own id (a datasheet asked, not a DSL101).
        return references
    return [
        dataclasses.replace(ref, dataset=own) if ref.dataset.startswith("local:") else ref
        for ref in references
    ]


def _one_root_per_module(path: str, references: list[Reference]) -> list[Reference]:
    """Local ids of files below one variable folder (``split_dir/train_list.txt``,
    ``split_dir/test_list_800.txt``: the module joins its data root with each file) as one
    id, where the module reads two files or more from it: they are the parts of one dataset,
    whose name the code holds in the variable. The id is the module's path and the variable
    (``local:datasets/vehicleid/split_dir``): readable, the same on every run, and two modules
    never share it. One file read so keeps its own id."""
    roots: dict[str, set[str]] = {}
    for ref in references:
        root = _variable_root(ref.dataset)
        if root is not None:
            roots.setdefault(root, set()).add(ref.dataset)
    shared = {root for root, ids in roots.items() if len(ids) > 1}
    if not shared:
        return references
    module = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    renamed = []
    for ref in references:
        root = _variable_root(ref.dataset)
        if root in shared:
            ref = dataclasses.replace(ref, dataset=f"local:{module}/{root}")
        renamed.append(ref)
    return renamed


def _variable_root(dataset: str) -> str | None:
    """The variable a local id's path starts from (``split_dir`` of
    ``local:split_dir/train_list.txt``), if it starts from one and goes on below it."""
    if not dataset.startswith("local:"):
        return None
    first, sep, rest = dataset.removeprefix("local:").partition("/")
    return first if sep and rest and VARIABLE.search(first) is not None else None


def _named_by_layout(references: list[Reference], knowledge: Knowledge) -> list[Reference]:
    """Local data that a dataset the file names lays out as its own files: a local id with a
    file or folder of that dataset's layout (the catalogue's ``layouts``) on its path, in a
    file that names the dataset, is that dataset. ``data/pairs.txt`` read by an LFW
    evaluation is LFW's pairs.txt, ``data/annotations/captions_train2014.json`` beside the
    COCO API is COCO: one source, one id, where a second ``local:`` id asked for a second
    datasheet. Only a name that one of the file's datasets places counts."""
    if not any(ref.dataset.startswith("local:") for ref in references):
        return references
    known = sorted({ref.dataset for ref in references if ":" not in ref.dataset})
    places = [place for place in map(knowledge.layout, known) if place is not None]
    if not places:
        return references
    renamed: dict[str, str] = {}
    for ref in references:
        if not ref.dataset.startswith("local:") or ref.dataset in renamed:
            continue
        parts = {*ref.dataset.removeprefix("local:").split("/"), *ref.surface.split("/")}
        owners = {place(part.strip("'\" ")) for part in parts for place in places} - {None}
        if len(owners) == 1:
            renamed[ref.dataset] = str(owners.pop())
    if not renamed:
        return references
    return [
        dataclasses.replace(ref, dataset=renamed.get(ref.dataset, ref.dataset))
        for ref in references
    ]


def _config_values(
    file: SourceFile, knowledge: Knowledge, found: list[Reference]
) -> list[Reference]:
    """Hub ids and data locations that a YAML/JSON/TOML config selects by key
    (extract/configs.py), imported for the first config file a run reads."""
    from datasheet_lint.extract import configs

    if not file.path.lower().endswith(configs.SUFFIXES):
        return []
    taken = {ref.location.line for ref in found}

    def known(value: str) -> str | None:
        return knowledge.known(value, whole=True)

    return [
        Reference(dataset, Location(file.path, line, column), kind, surface)
        for dataset, line, column, kind, surface in configs.references(
            file.path, file.text, knowledge.resolve, known, taken
        )
    ]


def _folder_name(knowledge: Knowledge) -> Callable[[str], str | None]:
    """The known dataset a folder's name names as a part of its own (``faces_emore``,
    ``VCTK-Corpus``, ``Market-1501-v15.09.15``), if any."""

    def known(name: str) -> str | None:
        return knowledge.known(name, whole=False, path=True)

    return known


def _whole_name(knowledge: Knowledge) -> Callable[[str], str | None]:
    """The known dataset a whole name is (``VOC``, ``coco8``), if any."""

    def known(name: str) -> str | None:
        return knowledge.known(name, whole=True)

    return known


def _dataset_yaml(
    file: SourceFile, knowledge: Knowledge, *, darknet: bool = False
) -> list[Reference]:
    """What a YOLO dataset file (data/VOC.yaml, darknet's cfg/voc.data) points at
    (extract/dataset_yaml.py), imported for the first file that may be one."""
    from datasheet_lint.extract import dataset_yaml

    known = _whole_name(knowledge)
    read = dataset_yaml.darknet_references if darknet else dataset_yaml.references
    return [
        Reference(dataset, Location(file.path, line, column), kind, surface)
        for dataset, line, column, kind, surface in read(
            file.path, file.text, known, knowledge.resolve
        )
    ]


def _rank(ref: Reference) -> tuple[int, int, int]:
    """Which of two references at one line to one dataset stands: the stronger kind, then the
    first column, then at one place the longer surface: the class's whole name
    (``Market1501Attr``), which a registry selects by, over the known name inside it."""
    return (KIND_PRIORITY[ref.kind], ref.location.column, -len(ref.surface))


def _one_per_line(references: list[Reference]) -> list[Reference]:
    best: dict[tuple[int, str], Reference] = {}
    for ref in references:
        key = (ref.location.line, ref.dataset)
        known = best.get(key)
        if known is None or _rank(ref) < _rank(known):
            best[key] = ref
    return sorted(best.values(), key=lambda r: (r.location.line, r.location.column, r.dataset))
