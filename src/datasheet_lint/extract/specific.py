"""The most specific dataset on a line: a dataset stored inside another's folder is itself.

Evaluation sets ship inside the training set's folder (``faces_emore/agedb_30``), and a
benchmark's probe set inside the benchmark's (``megaface/facescrub_images``). A line that
names the container's folder and then a dataset inside it uses the inner dataset, not the
container: ``get_val_pair(conf.emore_folder, 'agedb_30')`` reads AgeDB-30, and
``open('megaface/facescrub_noises.txt')`` reads FaceScrub. Reporting the container there would
flag a retracted dataset (MS1MV2, MegaFace) on a line that reads none of it. A container named
alone (``data/faces_emore/train.rec``) is the container.

A retracted dataset's re-packaging is the exception: a file below its folder came with it.
insightface ships each training set as one package with its verification sets ("Each training
dataset includes the following 6 files: faces_emore/ train.idx train.rec property lfw.bin
cfp_fp.bin agedb_30.bin", github.com/deepinsight/insightface recognition/arcface_mxnet/
README.md), so ``datasets/faces_emore/lfw.bin`` and ``/data/ms1m-retinaface-t1/agedb_30.bin``
read the withdrawn release's copy: the line names the release as well as the file's own
dataset. Only a derivative package counts; a benchmark's kit beside its probe set
(``megaface/facescrub_images``) stays the probe set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from datasheet_lint.extract.context import Line, key_words
from datasheet_lint.extract.segments import LineIndex
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the extractors yield them.
Found = tuple[str, int, int, Kind, str]

# Between the container's name and the inner one: the rest of a path segment, then a
# separator, within one path token (megaface/facescrub_images)...
SAME_PATH = lazy(r"[\w.-]*[/\\][\w./\\-]*")
# ... or the rest of a location's identifier, then the next argument or a path join
# (conf.emore_folder, 'agedb_30'; root / "lfw"; join(emore_dir, "cfp_fp")).
NEXT_ARGUMENT = lazy(r"(?P<rest>\w*)['\"]?\s*[,/+]\s*[rbf]?['\"]")
LOCATION_WORDS = frozenset({"folder", "dir", "path", "root", "home", "prefix"})


# A string that is the next argument after a data location, or joined onto it.
AFTER_LOCATION = lazy(r"(?P<key>[A-Za-z_][\w.]*)['\"]?\s*[,/+]\s*[rbf]?['\"]$")
OUTPUT_WORDS = frozenset({"save", "log", "logs", "output", "out", "checkpoint", "result"})
KEY_REACH = 80  # characters before the string that hold the location and its separator


def inside_location(line: Line) -> bool:
    """The name is the whole string handed on after a data location: a folder inside it
    (``get_val_pair(conf.emore_folder, 'cfp_fp')``, ``data_path / 'lfw'``): a dataset's name
    there, as it is in a path, not the word it may also be."""
    if line.text[line.end : line.end + 1] not in {"'", '"'}:
        return False  # not the whole string
    after = AFTER_LOCATION.search(line.text[max(0, line.start - KEY_REACH) : line.start])
    if after is None:
        return False
    words = key_words(after.group("key"))
    return bool(words & LOCATION_WORDS) and not words & OUTPUT_WORDS


def inside_output(line: Line) -> bool:
    """The name is the whole string handed on after where a run writes
    (``os.path.join(args.save_dir, 'lfw')``): an output folder named for its data."""
    if line.text[line.end : line.end + 1] not in {"'", '"'}:
        return False
    after = AFTER_LOCATION.search(line.text[max(0, line.start - KEY_REACH) : line.start])
    return after is not None and bool(key_words(after.group("key")) & OUTPUT_WORDS)


def _inside(between: str) -> bool:
    """Whether the text between two names puts the second inside the first's folder."""
    if SAME_PATH.fullmatch(between):
        return True
    argument = NEXT_ARGUMENT.fullmatch(between)
    return argument is not None and bool(key_words(argument.group("rest")) & LOCATION_WORDS)


def most_specific(
    found: Sequence[Found], text: str, release: Callable[[str], bool] = lambda _: False
) -> list[Found]:
    """The references less each container whose folder a later name on its line is inside,
    wherever the line names it (a line that also names the container alone keeps it). A
    container that is a ``release`` (a retracted dataset's own package) is kept: the file
    inside it came with it."""
    by_line: dict[int, list[Found]] = {}
    for item in found:
        by_line.setdefault(item[1], []).append(item)
    # (line, dataset) -> whether each of its names on the line holds another dataset
    holds: dict[tuple[int, str], bool] = {}
    index: LineIndex | None = None
    for number, items in by_line.items():
        if len({item[0] for item in items}) < 2:
            continue  # most lines name one dataset
        index = index or LineIndex(text)
        line = index.line(number)
        items.sort(key=lambda item: item[2])
        for position, (dataset, _, column, kind, surface) in enumerate(items):
            end = column - 1 + len(surface)
            inner = _next_other(items, position, end)
            between = line[end : inner[2] - 1] if inner is not None else ""
            inside = (
                kind is not Kind.MODEL  # a model's surface is its whole name, not a folder
                and inner is not None
                and _inside(between)
                and not (release(dataset) and _release_folder(line, column - 1, between))
            )
            holds[number, dataset] = holds.get((number, dataset), True) and inside
    return [item for item in found if not holds.get((item[1], item[0]), False)]


# What stands before a folder's name where the name starts its path segment.
SEGMENT_START = frozenset("/\\'\"`= \t([")


def _release_folder(line: str, start: int, between: str) -> bool:
    """The name starts a path segment (``datasets/faces_emore/lfw.bin``, not
    ``face_data_emore/...``: someone's own folder) and the inner name is a file below it in
    the same path (not the next argument after it, ``get_val_pair(conf.emore_folder,
    'agedb_30')``, which names the evaluation set alone)."""
    starts_segment = start == 0 or line[start - 1] in SEGMENT_START
    return starts_segment and SAME_PATH.fullmatch(between) is not None


LOOK_AHEAD = 32  # names after a container: a line names a handful (and repeats are capped)


def _next_other(items: Sequence[Found], position: int, end: int) -> Found | None:
    """The first name after column ``end`` of another dataset than ``items[position]``'s:
    the only one that can be inside its folder (any other has that one between them)."""
    dataset = items[position][0]
    for item in items[position + 1 : position + 1 + LOOK_AHEAD]:
        if item[0] != dataset and item[2] - 1 >= end:
            return item
    return None
