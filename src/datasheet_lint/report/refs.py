"""What the linter saw: every reference, grouped by dataset (``datasheet-lint refs``)."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any, TextIO

from datasheet_lint.models import Reference, Report
from datasheet_lint.report.text import plural
from datasheet_lint.terminal import line_start, printable

ORIGINS = {"blocklist": "blocklist", "catalogue": "catalogue", "unresolved": "not catalogued"}


def _grouped(report: Report) -> list[tuple[Any, list[Reference]]]:
    by_id = {dataset.id: dataset for dataset in report.datasets}
    ordered = sorted(report.references, key=lambda r: (r.dataset, r.location.path, r.location.line))
    return [(by_id[key], list(refs)) for key, refs in groupby(ordered, key=lambda r: r.dataset)]


def render_text(report: Report, out: TextIO) -> None:
    for dataset, refs in _grouped(report):
        label = f" ({dataset.name})" if dataset.name != dataset.id else ""
        count = plural(len(refs), "reference")
        sheet = f", datasheet {printable(dataset.datasheet)}" if dataset.datasheet else ""
        name = line_start(printable(dataset.id))
        out.write(f"{name}{label} [{ORIGINS[dataset.origin]}{sheet}]: {count}\n")
        for ref in refs:
            where = line_start(printable(str(ref.location)))
            out.write(f"  {where}: {ref.kind.value} {ref.surface!r}\n")
    out.write(
        f"{plural(len(report.references), 'reference')} to "
        f"{plural(len(report.datasets), 'dataset')} in "
        f"{plural(report.files_scanned, 'file')} scanned.\n"
    )


def render_json(report: Report, out: TextIO) -> None:
    document = {
        "datasets": [
            {
                "dataset": dataset.id,
                "name": dataset.name,
                "origin": dataset.origin,
                "datasheet": dataset.datasheet or None,
                "references": [
                    {
                        "path": r.location.path,
                        "line": r.location.line,
                        "column": r.location.column,
                        "kind": r.kind.value,
                        "surface": r.surface,
                    }
                    for r in refs
                ],
            }
            for dataset, refs in _grouped(report)
        ]
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
