"""Build the package data a run loads: the shipped YAML, parsed and checked, as JSON.

The YAML files are the source a person edits (comments, anchors, one entry per block);
parsing them with the pure-Python YAML parser takes ~0.4 s, which a pre-commit hook would pay
on every commit. This script parses them once, checks them against their schemas, and writes
beside each one a JSON file the package loads with ``pkgutil.get_data`` (from a folder, a
wheel or a zip alike, through the package's loader):

- ``knowledge/blocklist.json`` and ``knowledge/catalogue.json``: the documents, which
  ``blocklist.parse`` and ``catalogue.parse`` turn into records at run time (~4 ms: the same
  parser reads a user's own blocklist, so there is one way from a document to records);
- ``knowledge/matcher.json``: the matcher's regex over every shipped name, whose trie takes
  ~35 ms to build;
- ``licences/terms.json``: the licence terms table's document.
- ``knowledge/registries-{loader,url,name,entries}.json``: the lookups of the registry-derived
  catalogue (``registries.json``, written by ``scripts/registries.py``), read only on a miss.

    python scripts/build_knowledge.py           # after editing a YAML file: regenerate
    python scripts/build_knowledge.py --check   # exit 1 if a generated file is out of date

``tests/test_build_knowledge.py`` runs the check, so a YAML edit without a rebuild fails.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src/datasheet_lint"
SCHEMAS = ROOT / "schemas"
COMMAND = "python scripts/build_knowledge.py"

# generated file (relative to the package) -> (its YAML source, the schema that checks it)
DOCUMENTS = {
    "knowledge/blocklist.json": ("knowledge/blocklist.yaml", "blocklist.schema.json"),
    "knowledge/catalogue.json": ("knowledge/catalogue.yaml", "catalogue.schema.json"),
    "licences/terms.json": ("licences/terms.yaml", None),
}
MATCHER = "knowledge/matcher.json"


def _plain(value: object) -> str:
    """JSON for the one YAML type JSON lacks: an unquoted date, written as YAML would read it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _json(document: Any) -> str:
    # Compact: the catalogue loads in ~3 ms this way, ~6 ms indented.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_plain) + "\n"


def _document(package: Path, source: str, schema: str | None) -> Any:
    from datasheet_lint.yamlio import parse_yaml, schema_errors

    document = parse_yaml((package / source).read_text(encoding="utf-8"))
    # Dates become strings here, as a run sees them.
    document = json.loads(_json(document))
    if schema is not None:
        for path, message in schema_errors(document, schema):
            where = ".".join(map(str, path)) or "(top level)"
            raise SystemExit(f"{source}: {where}: {message}")
    return document


def outputs(package: Path = PACKAGE) -> dict[str, str]:
    """Each generated file's path (relative to ``package``) and the text it should hold."""
    from datasheet_lint.knowledge import blocklist, catalogue, registries
    from datasheet_lint.knowledge.matcher import regex_source

    texts: dict[str, str] = {}
    documents: dict[str, Any] = {}
    for target, (source, schema) in DOCUMENTS.items():
        documents[target] = _document(package, source, schema)
        texts[target] = _json(documents[target])
    parsers: dict[str, Callable[[Any], Any]] = {
        "blocklist": blocklist.parse,
        "catalogue": catalogue.parse,
    }
    shipped = parsers["blocklist"](documents["knowledge/blocklist.json"])
    known = parsers["catalogue"](documents["knowledge/catalogue.json"])
    # Blocklist names first: a retracted dataset wins a tie (see knowledge/resolve.py).
    texts[MATCHER] = _json({"pattern": regex_source(shipped.aliases + known.aliases)})
    # The registry-derived catalogue's lookups (loader, URL and name keys; entry rows), one
    # file each: a run that misses on a loader id reads only the loader keys.
    generated = json.loads((package / "knowledge/registries.json").read_text(encoding="utf-8"))
    for kind, rows in registries.index_rows(generated).items():
        texts[f"knowledge/registries-{kind}.json"] = _json(rows)
    return texts


def stale(package: Path = PACKAGE) -> list[str]:
    """The generated files that differ from what the YAML gives now."""
    return [
        name
        for name, text in outputs(package).items()
        if not (package / name).is_file() or (package / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if out of date")
    parser.add_argument("--package", type=Path, default=PACKAGE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale(args.package)
        for name in out_of_date:
            sys.stderr.write(f"{name} is out of date with its YAML; run: {COMMAND}\n")
        return 1 if out_of_date else 0
    for name, text in outputs(args.package).items():
        (args.package / name).write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {name}\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
