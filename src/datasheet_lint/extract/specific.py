"""The most specific dataset on a line: a dataset stored inside another's folder is itself.

Evaluation sets ship inside the training set's folder (``faces_emore/agedb_30``), and a
benchmark's probe set inside the benchmark's (``megaface/facescrub_images``). A line that
names the container's folder and then a dataset inside it uses the inner dataset, not the
container: ``get_val_pair(conf.emore_folder, 'agedb_30')`` reads AgeDB-30, and
``open('megaface/facescrub_noises.txt')`` reads FaceScrub. Reporting the container there would
flag a retracted dataset (MS1MV2, MegaFace) on a line that reads none of it. A container named
alone (``data/faces_emore/train.rec``) is the container.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def most_specific(found: Sequence[Found], text: str) -> list[Found]:
    """The references less each container whose folder a later name on its line is inside,
    wherever the line names it (a line that also names the container alone keeps it)."""
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
            inside = (
                kind is not Kind.MODEL  # a model's surface is its whole name, not a folder
                and inner is not None
                and _inside(line[end : inner[2] - 1])
            )
            holds[number, dataset] = holds.get((number, dataset), True) and inside
    return [item for item in found if not holds.get((item[1], item[0]), False)]


LOOK_AHEAD = 32  # names after a container: a line names a handful (and repeats are capped)


def _next_other(items: Sequence[Found], position: int, end: int) -> Found | None:
    """The first name after column ``end`` of another dataset than ``items[position]``'s:
    the only one that can be inside its folder (any other has that one between them)."""
    dataset = items[position][0]
    for item in items[position + 1 : position + 1 + LOOK_AHEAD]:
        if item[0] != dataset and item[2] - 1 >= end:
            return item
    return None
