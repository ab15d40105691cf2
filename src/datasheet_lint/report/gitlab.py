"""GitLab Code Quality: the JSON array a job publishes as ``artifacts:reports:codequality``.

GitLab reads a subset of the Code Climate issue format (description, check_name, fingerprint,
severity, location.path, location.lines.begin) and ignores other keys, so only those are
written. Fingerprints are line-free, so merge-request diffs do not report moved findings as
new ones.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from datasheet_lint.models import Finding, Report, Severity, Skipped, fingerprints

# GitLab's allowed values are info, minor, major, critical and blocker.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(finding: Finding, fingerprint: str, path: str) -> dict[str, Any]:
    return {
        "description": finding.message,
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": path,
            "lines": {"begin": finding.location.line},
        },
    }


def as_list(report: Report) -> list[dict[str, Any]]:
    """The Code Quality issues as plain data, in report order."""
    pairs = zip(report.findings, fingerprints(report.findings), strict=True)
    issues = [
        _issue(finding, fingerprint, report.repository_path(finding.location.path))
        for finding, fingerprint in pairs
    ]
    unread = [s for s in report.skipped if s.unread]
    return issues + [_unread(s, report.repository_path(s.path)) for s in unread]


def _unread(skipped: Skipped, path: str) -> dict[str, Any]:
    """An info issue for a file whose text went unread: GitLab has no other place for it."""
    import hashlib

    what = "scanned in part" if skipped.partial else "not scanned"
    digest = hashlib.sha256(f"unread:{path}".encode("utf-8", "surrogatepass")).hexdigest()
    return {
        "description": f"{what}: {skipped.reason}",
        "check_name": "datasheet-lint/not-scanned",
        "fingerprint": digest[:32],
        "severity": "info",
        "location": {"path": path, "lines": {"begin": 1}},
    }


def render(report: Report, out: TextIO) -> None:
    json.dump(as_list(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
