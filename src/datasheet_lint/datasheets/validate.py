"""Schema validation of a datasheet, one Problem per violation, at the node itself.

The schema (``schemas/datasheet.schema.json``) is the authority on structure; each error is
reported where the offending node was written, with the field's own description as the hint.
Fields still holding ``init``'s ``TODO`` placeholders are not schema errors: they are reported
as incomplete (DSL206).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from datasheet_lint import yamlio
from datasheet_lint.datasheets.model import Datasheet, Path, Problem, is_todo

if TYPE_CHECKING:
    from jsonschema import Draft7Validator, ValidationError

SCHEMA = "datasheet.schema.json"
MAX_ERRORS = 50  # per file: after that, the file needs rewriting, not a longer list


@cache
def _validator() -> Draft7Validator:
    from jsonschema import Draft7Validator, FormatChecker

    return Draft7Validator(yamlio.schema(SCHEMA), format_checker=FormatChecker())


def schema() -> Mapping[str, Any]:
    """The shipped datasheet schema."""
    loaded = _validator().schema
    assert isinstance(loaded, Mapping)
    return loaded


def todo_paths(node: Any, path: Path = ()) -> Iterator[Path]:
    """The paths of every TODO placeholder in a document."""
    if is_todo(node):
        yield path
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from todo_paths(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from todo_paths(value, (*path, index))


def _under_todo(error: ValidationError, todos: set[Path]) -> bool:
    path = tuple(error.absolute_path)
    return any(path[: len(todo)] == todo for todo in todos) or is_todo(error.instance)


def is_required(path: Path, datasheet_schema: Mapping[str, Any]) -> bool:
    """True if every step of ``path`` is required by the schema (conditions aside)."""
    node: Any = datasheet_schema
    for key in path:
        if not isinstance(node, Mapping) or isinstance(key, int):
            return False
        if key not in node.get("required", ()):
            return False
        node = (node.get("properties") or {}).get(key)
    return True


def describe(path: Path) -> str:
    """The schema's description of the field at ``path`` (array items share one)."""
    node: Any = schema()
    for key in path:
        if not isinstance(node, Mapping):
            return ""
        if isinstance(key, int):
            node = node.get("items")
        else:
            node = (node.get("properties") or {}).get(key)
    if isinstance(node, Mapping):
        return str(node.get("description", ""))
    return ""


def _message(error: ValidationError) -> tuple[Path, str, str]:
    """(path to point at, message, hint) for one schema error."""
    path: Path = tuple(error.absolute_path)
    dotted = ".".join(str(p) for p in path)
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else ""
        field = f"{dotted}.{missing}" if dotted else missing
        return path, f"'{field}' is required", describe((*path, missing))
    where = dotted or "top level"
    return path, f"'{where}': {error.message}", describe(path)


def unknown_keys(error: ValidationError) -> Iterator[tuple[Path, str, str]]:
    """(path of the key, message, hint) for each key an object may not have, with the
    known key it most likely misspells: 'contains_peple' -> 'contains_people'."""
    import difflib  # only a datasheet with a typo needs it
    import re

    path: Path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path) or "the top level"
    parent = error.schema if isinstance(error.schema, Mapping) else {}
    known = list(parent.get("properties") or {})
    patterns = list(parent.get("patternProperties") or {})
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    for key in instance:
        name = str(key)
        if name in known or any(re.search(pattern, name) for pattern in patterns):
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        hint += " (fields of your own start with 'x-')"
        yield (*path, name), f"unknown key '{name}' in {where}", hint


FORMAT_NAMES = {"hf-card": "a Hugging Face dataset card", "croissant": "a Croissant file"}


def _inexpressible(sheet: Datasheet, path: Path, message: str) -> Problem:
    """A required field the card's own format has no place for: incomplete, not invalid."""
    field = message.split("'")[1]
    return Problem(
        "incomplete",
        sheet.location(*path),
        f"'{field}' is not set; {FORMAT_NAMES[sheet.format]} has no field for it",
        hint=f"add it under a 'datasheet:' key (same shape as a YAML datasheet): {field}",
        surface=field,
    )


def problems(sheet: Datasheet, document: Any) -> list[Problem]:
    """Schema violations of a loaded document, each at its node; TODO fields excluded."""
    todos = set(todo_paths(document))
    found = []
    errors = sorted(
        _validator().iter_errors(document),
        key=lambda e: (tuple(map(str, e.absolute_path)), e.message),
    )
    for error in errors:
        if _under_todo(error, todos):
            continue
        if error.validator == "additionalProperties":
            for path, message, hint in unknown_keys(error):
                found.append(
                    Problem(
                        "schema",
                        sheet.location(*path),
                        message,
                        hint=hint,
                        surface=".".join(map(str, path)) + ":additionalProperties",
                    )
                )
            continue
        path, message, hint = _message(error)
        if sheet.format != "yaml" and error.validator == "required":
            found.append(_inexpressible(sheet, path, message))
            continue
        found.append(
            Problem(
                "schema",
                sheet.location(*path),
                message,
                hint=" ".join(hint.split()),
                surface=".".join(map(str, path)) + ":" + str(error.validator),
            )
        )
        if len(found) == MAX_ERRORS:
            break
    return found
