"""Finding datasheet files in the repository and loading each into the datasheet model.

Three formats count as datasheets:
- YAML files in the datasheets folder (``datasheets/*.yaml``): the native format;
- Hugging Face dataset cards: a ``README.md`` whose YAML front matter has dataset-card keys;
- Croissant JSON-LD files: ``*.croissant.json`` or ``croissant.json``.
Plus any file named in the ``datasheet-files`` setting. Loading never raises for a bad file: a
syntax error or a schema violation becomes a Problem that the DSL20x rules report.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from datasheet_lint import frontmatter
from datasheet_lint.datasheets.model import Datasheet, Path, Problem
from datasheet_lint.errors import FileError, UserError
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Location

# The parsers (yamlio, formats, validate) load when there is a datasheet to read: finding
# that a repository has none is all a run over it pays for.
if TYPE_CHECKING:
    from datasheet_lint.datasheets.cache import ParseCache

YAML_SUFFIXES = (".yaml", ".yml")
CROISSANT = re.compile(r"(?:^|/)(?:[^/]*\.)?croissant\.json$", re.IGNORECASE)
CARD = re.compile(r"(?:^|/)README\.md$", re.IGNORECASE)
LOCATION = lazy(r":(\d+):(\d+)$")


def candidates(paths: Iterable[str], folder: str, named: Iterable[str]) -> list[str]:
    """The files that may be datasheets, in path order. Cards are confirmed when read."""
    prefix = folder.strip("/") + "/"
    explicit = set(named)
    found = []
    for path in paths:
        # The folder itself is listed only when it is not a folder (a symbolic link, a file):
        # kept, so that it is refused with a message instead of silently holding nothing.
        native = (path.startswith(prefix) and path.endswith(YAML_SUFFIXES)) or path == prefix[:-1]
        # A card sits in its data folder; a root card is the repository's own datasheet.
        card = CARD.search(path) is not None
        if path in explicit or native or card or CROISSANT.search(path):
            found.append(path)
    return sorted(found)


def pathspecs(folder: str, named: Iterable[str]) -> list[str]:
    """Git pathspecs, relative to the project root, that cover every path ``candidates``
    keeps: a partial run asks git for these instead of listing the whole repository.

    Plain pathspecs, where ``*`` also matches ``/``, rather than ``:(glob)`` ones: git
    matches them faster (docs/performance.md), and a few more paths
    than needed (``NOTREADME.md``) are dropped by ``candidates``.
    """
    base = folder.strip("/")
    native = [f":(literal,icase){base}"] if base else []
    named_files = [f":(literal){path}" for path in named]
    return [*native, ":(icase)*README.md", ":(icase)*croissant.json", *named_files]


def is_datasheet_path(path: str, folder: str, named: Iterable[str]) -> bool:
    """A file that is a datasheet by its place alone (cards need their front matter too)."""
    prefix = folder.strip("/") + "/"
    in_folder = (path.startswith(prefix) and path.endswith(YAML_SUFFIXES)) or path == prefix[:-1]
    return in_folder or path in set(named) or bool(CROISSANT.search(path))


def worth_loading(path: str, text: str, named: Iterable[str]) -> bool:
    """False for a README with no front matter (most of them): it cannot be a card, and a
    run that finds none loads no datasheet parser for it."""
    if not CARD.search(path) or path in set(named):
        return True
    return frontmatter.split(text) is not None


class Loaded:
    """What loading the datasheet files produced."""

    def __init__(self) -> None:
        self.sheets: list[Datasheet] = []
        self.problems: list[Problem] = []
        self.paths: set[str] = set()  # every file that was a datasheet


def _syntax_problem(path: str, err: UserError) -> Problem:
    match = LOCATION.search(err.location or "")
    line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
    return Problem("syntax", Location(path, line, column), err.message, hint=err.hint)


def anchors(node: Any, offset: int = 0) -> dict[Path, tuple[int, int]]:
    """1-based positions of every key and item in a ruamel round-trip document."""
    found: dict[Path, tuple[int, int]] = {}
    stack: list[tuple[Path, Any]] = [((), node)]
    while stack:
        path, current = stack.pop()
        lc = getattr(current, "lc", None)
        if isinstance(current, Mapping):
            for key, value in current.items():
                child: Path = (*path, str(key))
                if lc is not None:
                    try:
                        # A scalar is found at its value, a collection at its key.
                        scalar = not isinstance(value, Mapping | list)
                        line, col = lc.value(key) if scalar else lc.key(key)
                        found[child] = (line + 1 + offset, col + 1)
                    except (KeyError, TypeError):
                        pass
                stack.append((child, value))
        elif isinstance(current, list):
            for index, value in enumerate(current):
                item: Path = (*path, index)
                if lc is not None:
                    try:
                        line, col = lc.item(index)
                        found[item] = (line + 1 + offset, col + 1)
                    except (KeyError, TypeError, IndexError):
                        pass
                stack.append((item, value))
    return found


def plain(node: Any) -> Any:
    """A ruamel document as plain dicts, lists and scalars (what the schema validator wants)."""
    if isinstance(node, Mapping):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool | int | float | str) or node is None:
        return node if not isinstance(node, str) else str(node)
    return str(node)  # dates and other scalars the YAML loader typed


def _refuse_tags(path: str, document: Any, loaded: Loaded, offset: int = 0) -> bool:
    """Report the first YAML tag (``!!python/object``) as a syntax problem; True if found."""
    from datasheet_lint import yamlio

    tagged = yamlio.first_tag(document)
    if tagged is None:
        return False
    where, tag = tagged
    at = anchors(document, offset).get(where, (1 + offset, 1))
    loaded.problems.append(
        Problem(
            "syntax",
            Location(path, at[0], at[1]),
            f"YAML tag '{tag}' is not allowed in a datasheet (nothing is constructed)",
            hint="remove the tag: datasheets hold plain strings, numbers, lists and mappings",
            surface=tag,
        )
    )
    return True


def parse_native(text: str) -> dict[str, Any]:
    """A YAML datasheet's text, parsed into JSON-able parts (so that it can be cached):
    ``{"data", "anchors"}``, or ``{"error": [message, line, column, hint]}``, or
    ``{"tag": [tag, line, column]}``."""
    from datasheet_lint import yamlio

    try:
        document = yamlio.load_yaml(text, origin="")
    except UserError as err:
        problem = _syntax_problem("", err)
        where = problem.location
        return {"error": [problem.message, where.line, where.column, problem.hint]}
    tagged = yamlio.first_tag(document)
    if tagged is not None:
        at = anchors(document).get(tagged[0], (1, 1))
        return {"tag": [tagged[1], at[0], at[1]]}
    found = anchors(document)
    return {"data": plain(document), "anchors": [[list(k), *v] for k, v in found.items()]}


def _native(path: str, text: str, loaded: Loaded, cache: ParseCache | None) -> None:
    parsed = cache.parse(text) if cache is not None else parse_native(text)
    loaded.paths.add(path)
    if "error" in parsed:
        message, line, column, hint = parsed["error"]
        loaded.problems.append(Problem("syntax", Location(path, line, column), message, hint))
        return
    if "tag" in parsed:
        tag, line, column = parsed["tag"]
        loaded.problems.append(
            Problem(
                "syntax",
                Location(path, line, column),
                f"YAML tag '{tag}' is not allowed in a datasheet (nothing is constructed)",
                hint="remove the tag: datasheets hold plain strings, numbers, lists and mappings",
                surface=tag,
            )
        )
        return
    data = parsed["data"]
    where = {tuple(item[0]): (item[1], item[2]) for item in parsed["anchors"]}
    sheet = Datasheet(path, "yaml", data if isinstance(data, dict) else {}, where)
    if not isinstance(data, dict):
        kind = "an empty file" if data is None else f"a {type(data).__name__}"
        message = f"a datasheet must be a mapping of fields, not {kind}"
        hint = "start from `datasheet-lint init DATASET`"
        loaded.problems.append(_file_problem("schema", path, message, "top-level", hint))
        return
    loaded.sheets.append(sheet)


def _card(path: str, text: str, loaded: Loaded, *, explicit: bool) -> None:
    header = frontmatter.split(text)
    if header is None:
        if explicit:
            loaded.paths.add(path)
            message = "a dataset card needs YAML front matter between '---' lines"
            loaded.problems.append(_file_problem("syntax", path, message, "front-matter"))
        return
    from datasheet_lint import yamlio  # a README with front matter: parsed to tell
    from datasheet_lint.datasheets import formats

    try:
        document = yamlio.load_yaml(header.yaml, origin=path)
    except UserError as err:
        if explicit or formats.looks_like_dataset_card(header.yaml):
            loaded.paths.add(path)
            problem = _syntax_problem(path, err)
            at = problem.location
            moved = Location(path, at.line + 1, at.column)  # after the opening '---'
            loaded.problems.append(Problem("syntax", moved, problem.message, problem.hint))
        return
    if not isinstance(document, Mapping) or not (explicit or formats.is_dataset_card(document)):
        return
    loaded.paths.add(path)
    if _refuse_tags(path, document, loaded, offset=1):
        return
    folder = str(PurePosixPath(path).parent)
    body = text[header.end :]
    data, where = formats.from_card(plain(document), anchors(document, offset=1), folder, body)
    sheet = Datasheet(path, "hf-card", data, where)
    loaded.sheets.append(sheet)


def _croissant(path: str, text: str, loaded: Loaded) -> None:
    from datasheet_lint import yamlio
    from datasheet_lint.datasheets import formats

    loaded.paths.add(path)
    try:
        document = yamlio.load_json(text, origin=path)
    except UserError as err:
        loaded.problems.append(_syntax_problem(path, err))
        return
    if not isinstance(document, Mapping):
        message = "a Croissant file must hold one JSON object"
        loaded.problems.append(_file_problem("schema", path, message, "top-level"))
        return
    data, where = formats.from_croissant(plain(document), anchors(document))
    sheet = Datasheet(path, "croissant", data, where)
    loaded.sheets.append(sheet)


def _not_a_folder(path: str, loaded: Loaded) -> None:
    """The datasheets folder is a file: nothing in it can be read."""
    loaded.paths.add(path)
    message = "is a file, not the datasheets folder: no datasheet in it is read"
    hint = "keep datasheets in a folder (the `datasheets` setting names it)"
    loaded.problems.append(_file_problem("syntax", path, message, "not-a-folder", hint))


def _file_problem(kind: str, path: str, message: str, surface: str, hint: str = "") -> Problem:
    """A problem with the file as a whole (no front matter, not a mapping), at its start."""
    return Problem(kind, Location(path, 1, 1), message, hint=hint, surface=surface)


def load(
    files: Iterable[tuple[str, str]], named: Iterable[str] = (), cache: ParseCache | None = None
) -> Loaded:
    """Load (path, text) pairs of candidate files; cards without dataset keys are skipped.

    Only parsing happens here; ``validate`` checks the schema of the datasheets a run reports
    on (a pre-commit run over two files need not validate fifty datasheets).
    """
    explicit = set(named)
    loaded = Loaded()
    for path, text in files:
        try:
            if CROISSANT.search(path):
                _croissant(path, text, loaded)
            elif path.lower().endswith(".md"):
                _card(path, text, loaded, explicit=path in explicit)
            elif not path.endswith(YAML_SUFFIXES) and path not in explicit:
                _not_a_folder(path, loaded)
            else:
                _native(path, text, loaded, cache)
        except (UserError, KeyboardInterrupt):
            raise
        except Exception as err:  # a bug: say which datasheet triggered it
            raise FileError(path, err) from err
    return loaded


def validate_sheets(loaded: Loaded, paths: Collection[str]) -> None:
    """Add the schema problems of the loaded datasheets whose path is in ``paths``."""
    chosen = [sheet for sheet in loaded.sheets if sheet.path in paths]
    if not chosen:
        return
    from datasheet_lint.datasheets import validate

    for sheet in chosen:
        try:
            loaded.problems.extend(validate.problems(sheet, sheet.data))
        except (UserError, KeyboardInterrupt):
            raise
        except Exception as err:  # a bug: say which datasheet triggered it
            raise FileError(sheet.path, err) from err
