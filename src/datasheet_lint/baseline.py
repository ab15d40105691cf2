"""The baseline: findings a repository accepted when it adopted the linter.

``datasheet-lint baseline`` records each finding by rule, path, dataset and a hash of the text
it is about, with a count, never by line number, so moving code does not bring findings back.
``check`` hides findings the baseline holds and reports entries that match nothing any more
(DSL902), so the baseline only shrinks. One entry per line keeps DSL902's positions exact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasheet_lint import __version__
from datasheet_lint.errors import UserError
from datasheet_lint.models import Finding, identity

FILE_NAME = ".datasheet-lint-baseline.json"
SCHEMA_VERSION = 1
NOT_RECORDED = ("DSL902",)  # a stale entry is about the baseline itself
HASH_ON_LINE = re.compile(r'"surface_hash": "([^"\\]*)"')
MAX_SIZE = 100_000_000  # bytes: ~500,000 entries; a larger file is not a baseline


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    path: str
    dataset: str
    surface_hash: str
    count: int
    line: int = 0  # where the entry sits in the baseline file

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.rule, self.path, self.dataset, self.surface_hash)


def render(findings: Iterable[Finding]) -> str:
    """The baseline file's text for these findings."""
    counts = Counter(identity(f) for f in findings if f.code not in NOT_RECORDED)
    entries = [
        json.dumps(
            {"rule": r, "path": p, "dataset": d, "surface_hash": h, "count": n}, ensure_ascii=False
        )
        for (r, p, d, h), n in sorted(counts.items())
    ]
    header = f'{{\n  "schema_version": {SCHEMA_VERSION},\n'
    header += f'  "tool": {{"name": "datasheet-lint", "version": "{__version__}"}},\n'
    body = ",\n".join(f"    {entry}" for entry in entries)
    return header + '  "findings": [\n' + body + ("\n" if entries else "") + "  ]\n}\n"


def load(path: Path, display: str) -> list[Entry]:
    """The entries of a baseline file; a malformed file is a UserError naming it."""
    from datasheet_lint import projectfiles

    text = projectfiles.read_text(path, limit=MAX_SIZE, display=display, what="the baseline")
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise UserError(
            f"the baseline is not valid JSON: {str(err).split(';')[0]}",
            location=display,
            hint="regenerate it with 'datasheet-lint baseline --update'",
        ) from None
    raw = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(raw, list) or document.get("schema_version") != SCHEMA_VERSION:
        raise UserError(
            "not a datasheet-lint baseline (schema_version 1 with findings)", location=display
        )
    # Lines by the hash they hold: one pass over the text, not one per entry.
    by_hash: dict[str, list[tuple[int, str]]] = {}
    for number, text_line in enumerate(text.split("\n"), start=1):
        found = HASH_ON_LINE.search(text_line)
        if found:
            by_hash.setdefault(found.group(1), []).append((number, text_line))
    entries = []
    for item in raw:
        try:
            entry = Entry(
                str(item["rule"]),
                str(item["path"]),
                str(item["dataset"]),
                str(item["surface_hash"]),
                int(item["count"]),
            )
        except (KeyError, TypeError, ValueError):
            raise UserError(f"malformed baseline entry: {item!r:.200}", location=display) from None
        candidates = by_hash.get(entry.surface_hash, ())
        line = next((n for n, t in candidates if entry.path in t), 0)
        entries.append(Entry(*entry.key, entry.count, line))
    return entries


def apply(
    findings: Sequence[Finding], entries: Sequence[Entry]
) -> tuple[list[Finding], list[Entry]]:
    """(findings the baseline does not hold, entries left over with their unmatched count)."""
    remaining = Counter({entry.key: entry.count for entry in entries})
    recorded_as = _whole_download_ids(remaining)
    new = []
    for finding in findings:
        key = identity(finding)
        whole = [old for old in recorded_as.get(key, ()) if remaining[old] > 0]
        if remaining[key] > 0:
            remaining[key] -= 1
        elif whole:
            remaining[whole[0]] -= 1
        else:
            new.append(finding)
    stale = [Entry(*e.key, remaining[e.key], e.line) for e in entries if remaining[e.key] > 0]
    return new, stale


Key = tuple[str, str, str, str]


def _whole_download_ids(keys: Iterable[Key]) -> dict[Key, list[Key]]:
    """Entries recorded for a download's whole id (``url:host/path``, before downloads went
    by readable ids: extract/download_ids.py), by the key of the readable id that now holds
    their finding: a baseline written then still holds it."""
    from datasheet_lint.knowledge.download_names import readable

    recorded_as: dict[Key, list[Key]] = {}
    for key in keys:
        rule, path, dataset, surface_hash = key
        named = readable(dataset) if dataset.startswith("url:") and "/" in dataset else None
        if named is not None:
            recorded_as.setdefault((rule, path, f"url:{named.name}", surface_hash), []).append(key)
    return recorded_as
