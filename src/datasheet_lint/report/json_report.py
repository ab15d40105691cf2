"""Machine output for dashboards, in the shape of ``schemas/report.schema.json``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from datasheet_lint import __version__
from datasheet_lint.models import Finding, Report, Severity, fingerprints
from datasheet_lint.report import rule_url
from datasheet_lint.report.text import by_dataset, by_rule

SCHEMA_VERSION = 1


def _finding(finding: Finding, fingerprint: str) -> dict[str, Any]:
    location = finding.location
    return {
        "rule": finding.code,
        "name": finding.rule,
        "severity": finding.severity.label,
        "path": location.path,
        "line": location.line,
        "column": location.column,
        # Past the last character on the same line; null when the span is not known.
        "end_line": location.line if finding.end_column > location.column else None,
        "end_column": finding.end_column if finding.end_column > location.column else None,
        "dataset": finding.dataset,
        "kind": finding.kind.value if finding.kind is not None else None,
        "message": finding.message,
        "detail": finding.detail,
        "hint": finding.hint,
        "fingerprint": fingerprint,
        "url": rule_url(finding.code, finding.rule),
    }


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
            _finding(f, fingerprint)
            for f, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
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
            "by_rule": by_rule(report),
            "by_dataset": by_dataset(report),
            "blocklist": {"version": report.blocklist_version, "updated": report.blocklist_updated},
        },
    }


def render(report: Report, out: TextIO) -> None:
    # One string, one write: json.dump writes each of the encoder's pieces on its own (tens
    # of thousands for a large repository), after the scan's workers are done; the text is
    # the same, as the indented encoder is Python either way (docs/performance.md).
    out.write(json.dumps(as_dict(report), indent=2, ensure_ascii=False))
    out.write("\n")
