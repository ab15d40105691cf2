"""Machine output for dashboards, in the shape of ``schemas/report.schema.json``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from datasheet_lint import __version__
from datasheet_lint.models import Report, Severity

SCHEMA_VERSION = 1


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "datasheet-lint", "version": __version__},
        "references": [
            {
                "dataset": r.dataset,
                "path": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "kind": r.kind.value,
                "surface": r.surface,
            }
            for r in report.references
        ],
        "findings": [
            {
                "rule": f.code,
                "name": f.rule,
                "severity": f.severity.label,
                "path": f.location.path,
                "line": f.location.line,
                "column": f.location.column,
                "dataset": f.dataset,
                "message": f.message,
                "hint": f.hint,
            }
            for f in report.findings
        ],
        # Files not scanned (and scanned only in part), so that none is skipped silently.
        "skipped": [
            {"path": s.path, "reason": s.reason, "partial": s.partial} for s in report.skipped
        ],
        "summary": {
            "files_scanned": report.files_scanned,
            "references": len(report.references),
            "findings": len(report.findings),
            "errors": report.count_at(Severity.ERROR),
            "warnings": report.count_at(Severity.WARNING),
            "infos": report.count_at(Severity.INFO),
            "suppressed": report.suppressed,
            "skipped": sum(1 for s in report.skipped if not s.partial),
            "partial": sum(1 for s in report.skipped if s.partial),
            "blocklist": {"version": report.blocklist_version, "updated": report.blocklist_updated},
        },
    }


def render(report: Report, out: TextIO) -> None:
    json.dump(as_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
