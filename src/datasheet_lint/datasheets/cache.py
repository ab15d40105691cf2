"""Parsed YAML datasheets, remembered between runs: a pre-commit hook parses only what changed.

ruamel.yaml's pure-Python parser takes tens of milliseconds per datasheet, and every run needs
every datasheet (a changed file is covered by a datasheet nobody touched). One file per
project in the user's private cache folder (never in the repository; see
``cache.py`` for the checksum, the ``0700`` folder and the atomic writes) maps a
hash of each datasheet's text to its parse. It is named by the project and by the text of
the code that parses (this package's parser modules and ruamel.yaml's version), so a new
parser never reads an old parse; it holds only the datasheets of the last run, and the
files of the least recent projects are pruned. A parse larger than ``MAX_PARSE`` (aliases
that expand a few kilobytes into megabytes) is not kept. An entry of the wrong shape is
parsed again; any failure to read or write the file only means parsing again.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from datasheet_lint import __version__
from datasheet_lint.cache import code_key, digest, private_dir, read_entry, store

MAX_PARSE = 1_000_000  # bytes of one datasheet's marshalled parse
KIND = "datasheets"


def _parser_key() -> str:
    """The text of the code that turns a datasheet's text into its parse."""
    here = Path(__file__).parent
    modules = [here / "load.py", here.parent / "yamlio.py"]
    try:
        spec = find_spec("ruamel.yaml")  # imports the namespace package only, not the parser
        if spec is not None and spec.origin:
            modules.append(Path(spec.origin))
    except (ImportError, ValueError):
        pass
    return code_key(*modules)


def _record(value: object, *types: type) -> bool:
    """A list of exactly these types, in order (``[message, line, column, hint]``)."""
    return (
        type(value) is list
        and len(value) == len(types)
        and all(type(item) is kind for item, kind in zip(value, types, strict=True))
    )


def _valid(parse: object) -> bool:
    """True if ``parse`` has one of the three shapes ``load.parse_native`` returns."""
    if type(parse) is not dict:
        return False
    if set(parse) == {"error"}:
        return _record(parse["error"], str, int, int, str)
    if set(parse) == {"tag"}:
        return _record(parse["tag"], str, int, int)
    if set(parse) == {"data", "anchors"}:
        anchors = parse["anchors"]
        return type(anchors) is list and all(
            _record(item, list, int, int) and all(type(step) in (str, int) for step in item[0])
            for item in anchors
        )
    return False


class ParseCache:
    def __init__(self, root: Path, parse: Callable[[str], dict[str, Any]]) -> None:
        folder = private_dir()
        key = digest("\0".join([__version__, str(root), _parser_key()]))
        self.path = None if folder is None else folder / f"{KIND}-{key}.bin"
        self._parse = parse
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        payload = None if self.path is None else read_entry(self.path)
        if payload is not None:
            try:
                loaded = marshal.loads(payload)
            except (EOFError, ValueError, TypeError):
                loaded = None
            if type(loaded) is dict:
                self._old = loaded

    def parse(self, text: str) -> dict[str, Any]:
        key = digest(text)
        found = self._new.get(key) or self._old.get(key)
        parse = found if isinstance(found, dict) and _valid(found) else self._parse(text)
        self._new[key] = parse
        return parse

    def save(self) -> None:
        """Keep this run's datasheets only; write nothing if they are what was read."""
        if self.path is None or self._new.keys() == self._old.keys():
            return
        kept = {}
        for key, parse in self._new.items():
            try:
                if len(marshal.dumps(parse)) <= MAX_PARSE:
                    kept[key] = parse
            except ValueError:  # pragma: no cover - parse_native returns plain values
                continue
        store(self.path, KIND, marshal.dumps(kept))
