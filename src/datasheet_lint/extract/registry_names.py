"""Config values that select a dataset class by the name a registry knows it by.

Toolkits built on a registry of dataset classes (fast-reid, detectron2 and their forks:
``@DATASET_REGISTRY.register()`` on ``class SmallVeRiWild(VeRiWild)``) select data in their
configs by class name: ``DATASETS: NAMES: ("DukeMTMCAttr",)``, ``TESTS: ("SmallVeRiWild",)``.
The name is often no dataset name the catalogue knows, but the class is: the repository's own
modules say which data it reads (extract/dataset_modules.py). So once every file is scanned, a
config value that is exactly the name of a class the scan found loading a dataset is a
``config`` reference to that dataset, and a package's import of it (``from .grid import
GRID`` in ``__init__.py``) a ``load`` one. Only config files and package ``__init__.py`` files
are read again, and only in a repository that defines such classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from datasheet_lint.extract.dataset_modules import Family, one_family
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind, Location, Reference

# A class name as a config value: quoted or bare, after a key, in a list or tuple.
VALUE = lazy(
    r"""(?:^|[:,(\[=]|^\s*-)\s*(?P<q>['"]?)(?P<name>[A-Za-z_][A-Za-z0-9_]{2,63})(?P=q)"""
    r"""\s*(?=$|[,)\]#])"""
)
CLASS_NAME = lazy(r"(?=[a-z0-9_]*[A-Z])[A-Za-z_]\w*\Z")  # one capital at least: iLIDS
# A package's own imports of its modules' classes: from .grid import GRID, PRID
INIT = "__init__.py"
IMPORTED = lazy(r"\s*from\s+[\w.]+\s+import\b")
NAME = lazy(r"(?<![\w.])(?P<name>[A-Za-z_]\w*)(?!\s*\.)")
MAX_LINES = 5_000  # lines read per config file: real configs are a few hundred


def registry(
    references: Iterable[Reference], family: Family, known: Callable[[str], bool]
) -> dict[str, str]:
    """Class name -> dataset, for each ``load`` reference in Python code whose surface is a
    class's name (with a capital: modules and functions are lower case) that is no known name of
    its own (``known``): the name pass reads those, with their rules for ambiguous names
    (``VOC`` is also an annotation format). Where references give a name several datasets of
    one family (``DukeMTMCAttr`` imported as Duke MTMC, defined over DukeMTMC-reID), the
    derivative; a name given unrelated datasets is left out."""
    found: dict[str, set[str]] = {}
    for ref in references:
        if ref.kind is not Kind.LOAD or not ref.location.path.endswith(".py"):
            continue
        if CLASS_NAME.match(ref.surface) and not known(ref.surface):
            found.setdefault(ref.surface, set()).add(ref.dataset)
    classes = {}
    for name, datasets in found.items():
        dataset = one_family(datasets, family)
        if dataset is not None:
            classes[name] = dataset
    return classes


def references(
    path: str, text: str, classes: dict[str, str], reported: set[tuple[int, str]]
) -> Iterator[Reference]:
    """Each value of a config file that names a registered dataset class (a ``config``
    reference), or in a package's ``__init__.py`` each import of one (``from .grid import
    GRID``, a ``load`` reference), on a line that does not already refer to that dataset
    (``reported``: (line, dataset) pairs)."""
    package = path.rsplit("/", 1)[-1] == INIT
    for number, line in enumerate(text.split("\n")[:MAX_LINES], start=1):
        code = line.split("#", 1)[0]
        if package:
            imported = IMPORTED.match(code)
            names = NAME.finditer(code, imported.end()) if imported is not None else ()
            kind = Kind.LOAD
        else:
            names = VALUE.finditer(code)
            kind = Kind.CONFIG
        for match in names:
            dataset = classes.get(match.group("name"))
            if dataset is not None and (number, dataset) not in reported:
                reported.add((number, dataset))
                location = Location(path, number, match.start("name") + 1)
                yield Reference(dataset, location, kind, match.group("name"))
