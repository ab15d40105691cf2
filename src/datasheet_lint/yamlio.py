"""Safe YAML loading that keeps positions, and JSON Schema validation that reports them.

ruamel.yaml's round-trip loader keeps line/column for every mapping key and sequence item,
so a schema error can point at the node itself. Object construction is never allowed: unknown
tags (``!!python/object``) are an error, and duplicate keys are an error.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from datasheet_lint.errors import UserError

MAX_ALIAS_EXPANSION = 1_000  # nodes that aliases may add beyond twice the document's own
MAX_NODES = 100_000  # nodes of a document, expanded


MAX_DEPTH = 100  # settings, blocklists and datasheets are shallow; deeper is an attack


SKIPPED = re.compile(r"\"(?:\\.|[^\"\\])*\"|'[^']*'|#[^\n]*")  # strings and comments
BRACKETS = re.compile(r"[\[\]{}]")
# A line's indentation, then "- ", "? " or ": " markers that open levels on the same line.
LINE_START = re.compile(r"^( *)((?:[-?:][ \t]+)*)(?=[^\s#])", re.M)


def _depth(text: str) -> int:
    """The deepest nesting, cheaply, before the (slow) parser sees the text.

    Flow nesting counts brackets. Block nesting needs a new indentation width per level (or
    compact "- - -" markers on one line), so the count of distinct widths bounds it: the
    parser would otherwise spend seconds on 10,000 indented levels before it overflows.
    """
    depth = deepest = 0
    for bracket in BRACKETS.finditer(SKIPPED.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    widths = set()
    compact = 0
    for start in LINE_START.finditer(text):
        widths.add(len(start.group(1)))
        compact = max(compact, sum(c in "-?:" for c in start.group(2)))
    return max(deepest, len(widths) + compact)


def load_yaml(text: str, *, origin: str) -> Any:
    """Parse YAML text safely with positions; raise UserError at the failing line."""
    if _depth(text) > MAX_DEPTH:
        raise UserError(f"YAML nested deeper than {MAX_DEPTH} levels", location=origin)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError, YAMLWarning
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        # ruamel warns about legal YAML (an anchor defined twice: aliases take the latest);
        # a warning would print its own source line and '<unicode string>' to the user.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", YAMLWarning)
            data = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{origin}:{mark.line + 1}:{mark.column + 1}" if mark else origin
        problem = err.problem or err.context or "invalid YAML"
        raise UserError(f"invalid YAML: {problem}", location=where) from None
    except ReaderError as err:  # a character YAML does not allow, at a character offset
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        where = f"{origin}:{line}:{column}"
        raise UserError(f"invalid YAML: {str(err).splitlines()[0]}", location=where) from None
    except (YAMLError, RecursionError, ValueError) as err:
        raise UserError(f"invalid YAML: {err}", location=origin) from None
    except TypeError:  # a complex key ('? [a]: b') that holds a list cannot be a key here
        raise UserError(
            "invalid YAML: a mapping key is itself a list or mapping",
            location=origin,
            hint="keys in this file are plain names",
        ) from None
    _check_alias_expansion(data, origin)
    return data


def load_json(text: str, *, origin: str) -> Any:
    """Parse JSON; keep node positions when the YAML parser can read it too (it usually can).

    A JSON error is reported at its line and column. The result is a ruamel document (with
    positions) when possible, else plain JSON values (every position then falls back to 1:1).
    """
    if _depth(text) > MAX_DEPTH:
        raise UserError(f"JSON nested deeper than {MAX_DEPTH} levels", location=origin)
    try:
        plain = json.loads(text)
    except json.JSONDecodeError as err:
        raise UserError(
            f"invalid JSON: {err.msg}", location=f"{origin}:{err.lineno}:{err.colno}"
        ) from None
    except (ValueError, RecursionError) as err:
        # The first clause only: Python's own advice ("use sys.set_int_max_str_digits()") is not
        # for the person who wrote the file.
        raise UserError(f"invalid JSON: {str(err).split(';')[0]}", location=origin) from None
    try:
        return load_yaml(text.replace("\t", "  "), origin=origin)
    except UserError:
        return plain


def first_tag(document: Any) -> tuple[tuple[str | int, ...], str] | None:
    """(path, tag) of the first explicitly tagged node (``!!python/object:...``), if any.

    The round-trip loader never constructs tagged objects; it keeps the tag beside plain data.
    Data files have no use for tags, so callers refuse them rather than ignore them.
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        path, node = stack.pop()
        tag = getattr(getattr(node, "tag", None), "value", None)
        if tag:
            return path, str(tag).replace("tag:yaml.org,2002:", "!!")
        if isinstance(node, Mapping):
            stack.extend(((*path, str(k)), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
    return None


def _check_alias_expansion(data: Any, origin: str) -> None:
    """Refuse documents whose aliases expand them far beyond their own size (billion laughs).

    Every consumer walks the expanded document (schema validation, conversion to plain values,
    the parse cache), so that is the size to bound: a node reached through an alias counts
    each time. It may be at most twice the document's distinct nodes plus
    ``MAX_ALIAS_EXPANSION``, and never over ``MAX_NODES``. Sizes are computed once per
    distinct node (bottom-up, memoised), so a chain of aliases that expands to 9**100 nodes
    costs its own length to check. Before this bound, a few dozen kB of such chains took
    minutes and gigabytes (the figures are in the test that pins the bound).
    """
    if not isinstance(data, Mapping | list | tuple):
        return
    sizes: dict[int, int] = {}  # id of a container -> its expanded size
    open_nodes: set[int] = set()  # containers on the current path: an alias to one is a cycle
    distinct = 0
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, finished = stack.pop()
        children = list(node.values()) if isinstance(node, Mapping) else list(node)
        if finished:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)
            continue
        if id(node) in sizes:
            continue  # an alias to a node already sized
        if id(node) in open_nodes:
            raise UserError("YAML alias refers to a node that contains it", location=origin)
        open_nodes.add(id(node))
        distinct += 1 + len(children)
        stack.append((node, True))
        stack.extend((c, False) for c in children if isinstance(c, Mapping | list | tuple))
    expanded = sizes[id(data)]
    if expanded > min(MAX_NODES, 2 * distinct + MAX_ALIAS_EXPANSION):
        raise UserError("YAML document too large after alias expansion", location=origin)


def position(node: Any, path: Sequence[str | int]) -> tuple[int, int] | None:
    """1-based (line, column) of the node at ``path`` in a ruamel round-trip document."""
    best: tuple[int, int] | None = None
    current = node
    for key in path:
        lc = getattr(current, "lc", None)
        try:
            if lc is not None:
                if isinstance(key, int) and isinstance(current, list):
                    line, col = lc.item(key)
                else:
                    line, col = lc.key(key)
                best = (line + 1, col + 1)
            current = current[key]
        except (KeyError, IndexError, TypeError):
            break
    if best is None:
        lc = getattr(node, "lc", None)
        if lc is not None and lc.line is not None:
            best = (lc.line + 1, lc.col + 1)
    return best


def parse_yaml(text: str) -> Any:
    """Safe YAML parse without positions, for the shipped data files when they are built."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def schema_path(name: str) -> Path | None:
    """The installed copy of a shipped JSON Schema (``datasheet.schema.json``) as a file an
    editor can point at offline; None when the package is not on disk (a zip, a wheel read in
    place), where ``schema`` still reads it."""
    from importlib import resources  # only a run that validates: zipfile and more

    packaged = resources.files("datasheet_lint").joinpath("schemas").joinpath(name)
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    source = Path(__file__).resolve().parents[2] / "schemas" / name  # a source checkout
    return source if source.is_file() else None


def schema(name: str) -> dict[str, Any]:
    """Load a shipped JSON Schema by file name (``blocklist.schema.json``), wherever the
    package is installed, a zip included."""
    from importlib import resources

    packaged = resources.files("datasheet_lint").joinpath("schemas").joinpath(name)
    if packaged.is_file():
        text = packaged.read_text(encoding="utf-8")
    else:  # running from a source checkout or an editable install
        text = (Path(__file__).resolve().parents[2] / "schemas" / name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_errors(document: Any, schema_name: str) -> Iterator[tuple[list[str | int], str]]:
    """Yield (path, message) for each schema violation, best-first."""
    from jsonschema.validators import validator_for

    loaded = schema(schema_name)
    validator = validator_for(loaded)(loaded)  # the draft the schema declares
    errors = sorted(
        validator.iter_errors(document), key=lambda e: (list(map(str, e.path)), e.message)
    )
    for error in errors:
        yield list(error.absolute_path), error.message


def validate(document: Any, schema_name: str, *, origin: str) -> None:
    """Raise UserError at the first schema violation, pointing at its node."""
    for path, message in schema_errors(document, schema_name):
        where = position(document, path)
        key = ".".join(str(p) for p in path) or "(top level)"
        location = f"{origin}:{where[0]}:{where[1]}" if where else origin
        raise UserError(f"{key}: {message}", location=location)
