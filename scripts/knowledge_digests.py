"""Record the digest of each shipped knowledge file beside its ``data_version``.

Every change to the data in ``blocklist.yaml``, ``catalogue.yaml`` or the generated
``registries.json`` (``scripts/registries.py`` writes the catalogue's version into it) must bump its
``data_version`` (CONTRIBUTING.md): users see the version in ``--version`` and in reports, and
it is the only way to tell which facts a finding was based on. ``tests/knowledge_digests.json``
holds, for each file, the version and a SHA-256 of its data (the parsed document without
``data_version`` and ``updated``, so comments and layout may change freely);
``tests/test_knowledge_versions.py`` fails when they disagree.

    python scripts/knowledge_digests.py           # record the digests after a version bump
    python scripts/knowledge_digests.py --check   # exit 1 if the record is out of date

Recording refuses a file whose data changed while its ``data_version`` did not, or whose
version went backwards: bump the version first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "src/datasheet_lint/knowledge"
RECORD = ROOT / "tests/knowledge_digests.json"
FILES = ("blocklist.yaml", "catalogue.yaml", "registries.json")
UNHASHED = ("data_version", "updated", "generated_on")  # what a bump itself changes


def data_digest(document: dict[str, Any]) -> str:
    """SHA-256 of the document's data in a canonical JSON form."""
    data = {key: value for key, value in document.items() if key not in UNHASHED}
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@cache
def current(name: str) -> dict[str, str]:
    """The file's version and data digest (read once per process)."""
    text = (KNOWLEDGE / name).read_text(encoding="utf-8")
    document = (
        json.loads(text) if name.endswith(".json") else YAML(typ="safe", pure=True).load(text)
    )
    return {"data_version": str(document["data_version"]), "sha256": data_digest(document)}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def recorded() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(RECORD.read_text(encoding="utf-8"))
    return loaded


def problems(record: dict[str, dict[str, str]]) -> list[str]:
    """Why the record cannot be updated as it stands (empty: it can)."""
    found = []
    for name in FILES:
        now, before = current(name), record.get(name)
        if before is None or now["sha256"] == before["sha256"]:
            continue
        if now["data_version"] == before["data_version"]:
            found.append(f"{name}: data changed but data_version is still {now['data_version']}")
        elif version_key(now["data_version"]) < version_key(before["data_version"]):
            found.append(f"{name}: data_version went back from {before['data_version']}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; write nothing")
    args = parser.parse_args(argv)
    record = recorded() if RECORD.exists() else {}
    fresh = {name: current(name) for name in FILES}
    if args.check:
        stale = [name for name in FILES if record.get(name) != fresh[name]]
        for name in stale:
            sys.stderr.write(f"{name}: recorded {record.get(name)}, now {fresh[name]}\n")
        return 1 if stale else 0
    refused = problems(record)
    if refused:
        for line in refused:
            sys.stderr.write(line + "\n")
        sys.stderr.write("bump data_version (YYYY.MM.N) and updated, then record again\n")
        return 1
    RECORD.write_text(json.dumps(fresh, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    versions = ", ".join(f"{name} {fresh[name]['data_version']}" for name in FILES)
    sys.stdout.write(f"recorded {versions}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
