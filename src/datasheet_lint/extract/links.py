"""Data flow between the repository's own modules: imports of its loaders, its config's
attributes.

``super_resolution/data.py`` defines ``get_training_set()``, which downloads BSDS300 (found by
extract/flow.py in that module). ``main.py`` says ``from data import get_training_set`` and
``train_set = get_training_set(...)``: both lines load BSDS300, though neither names it. Likewise
``config.py`` sets ``conf.vgg_folder = data_path/'faces_vgg_112x112'`` and ``data_pipe.py`` reads
``conf.vgg_folder/'imgs'``.

After every file has been read once, each module's exports (its loaders, its config attributes
that name a dataset's location) are known. A file that imports one of those loaders from a
module of the scanned set (resolved like Python would: beside the importer, from the root,
relative imports by their dots), or that reads one of those attributes, is read again with them
known. Only such files are read again; nothing is imported or run.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from datasheet_lint.extract.flow import NAMESPACES, Carried, Exports, Linked
from datasheet_lint.models import SourceFile

MAX_NAMES = 500  # exported names searched for: real repositories export a handful


def modules(exports: Mapping[str, Exports]) -> dict[str, Exports]:
    """Exports of the modules that have any, by path."""
    return {path: e for path, e in exports.items() if e.offers()}


def candidates(exports: Mapping[str, Exports], texts: Iterable[SourceFile]) -> Iterator[SourceFile]:
    """The Python files and notebooks that spell an exported loader's name next to an
    import, or an exported attribute after a dot: the only ones worth reading again."""
    loaders = sorted({name for e in exports.values() for name in [*e.loaders, *e.names]})
    loaders = loaders[:MAX_NAMES]
    attributes = sorted({name for e in exports.values() for name in e.attributes})[:MAX_NAMES]
    options = sorted({name for e in exports.values() for name in e.options})[:MAX_NAMES]
    if not loaders and not attributes and not options:
        return
    parts = []
    if loaders:
        names = "|".join(map(re.escape, loaders))
        parts.append(r"\bimport\b[^\n]*\b(?:" + names + r")\b")
        parts.append(r"\.(?:" + names + r")\s*\(")  # import data; data.get_training_set()
        parts.append(r"\bimport[ \t]+\*")  # from data import *
    if attributes:
        parts.append(r"\.(?:" + "|".join(map(re.escape, attributes)) + r")\b")
    if options:  # args.data_train, read where option.py's parser is used
        namespaces = "|".join(sorted(NAMESPACES))
        names = "|".join(map(re.escape, options))
        parts.append(r"\b(?:" + namespaces + r")\.(?:" + names + r")\b")
    wanted = re.compile("|".join(parts))
    for file in texts:
        if file.path not in exports and wanted.search(file.text):
            yield file
        elif file.path in exports and attributes and wanted.search(file.text):
            yield file  # a module may also read attributes another module sets


def linked(file: SourceFile, tree: ast.Module | None, exports: Mapping[str, Exports]) -> Linked:
    """What ``file`` imports from the exporting modules, by the names it uses for them, and
    the attributes every exporting module but its own sets."""
    loaders: dict[str, Carried] = {}
    names: dict[str, Carried] = {}
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Import):
            loaders.update(_through_modules(file.path, node, exports))
            continue
        if not isinstance(node, ast.ImportFrom):
            continue
        for path in _module_paths(file.path, node.module or "", node.level):
            found = exports.get(path)
            if found is None:
                continue
            for alias in node.names:
                if alias.name == "*":  # from summarization_dataset import *
                    loaders.update(found.loaders)
                    names.update(found.names)
                elif alias.name in found.loaders:
                    loaders[alias.asname or alias.name] = found.loaders[alias.name]
                elif alias.name in found.names:
                    names[alias.asname or alias.name] = found.names[alias.name]
            break
    attributes: dict[str, Carried] = {}
    options: dict[str, Carried] = {}
    for path, found in exports.items():
        if path == file.path:
            continue
        for name, carried in found.attributes.items():
            attributes[name] = attributes.get(name, frozenset()) | carried
        for name, carried in found.options.items():
            options[name] = options.get(name, frozenset()) | carried
    return Linked(loaders, attributes, names, options)


def _through_modules(
    importer: str, node: ast.Import, exports: Mapping[str, Exports]
) -> Iterator[tuple[str, Carried]]:
    """``import data`` then ``data.get_training_set()``; ``import datasets.coco as coco``
    then ``coco.build_coco(...)``: the loaders of an imported module of the repository, by the
    dotted name this module calls them."""
    for alias in node.names:
        local = alias.asname or alias.name
        for path in _module_paths(importer, alias.name, 0):
            found = exports.get(path)
            if found is not None:
                yield from ((f"{local}.{name}", c) for name, c in found.loaders.items())
                break


def _module_paths(importer: str, module: str, level: int) -> list[str]:
    """Where ``from <dots><module> import`` may find its module, nearest first: beside the
    importer (a script run from its folder), then from the repository's root."""
    folder = posixpath.dirname(importer)
    relative = module.replace(".", "/")
    bases: list[str] = []
    if level:
        base = folder
        for _ in range(level - 1):
            base = posixpath.dirname(base)
        bases.append(base)
    else:
        bases.extend([folder, ""])
    paths = []
    for base in bases:
        stem = posixpath.join(base, relative) if relative else base
        if not stem:
            continue
        paths.extend([f"{stem}.py", f"{stem}/__init__.py"])
    return paths


def tree(file: SourceFile) -> ast.Module | None:
    """The syntax tree of a module, or of a notebook's code cells taken together."""
    from datasheet_lint.extract import PARSE_MAX_CHARS, filetypes, notebooks, python_ast

    text = file.text
    if filetypes.file_kind(file.path) == "notebook":
        code = [s.text for s in notebooks.segments(text) if s.lang == "python"]
        text = code[0] if code else ""
    return python_ast.parse(text) if len(text) <= PARSE_MAX_CHARS else None
