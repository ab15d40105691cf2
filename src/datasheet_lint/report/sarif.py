"""SARIF 2.1.0 for code scanning (GitHub's ``upload-sarif``, IDE viewers, security dashboards).

One run per report. The driver lists every registered rule, with its documentation as help, so
a viewer can explain a finding without the tool; results carry line-free fingerprints so that
alerts survive edits that only move code.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from datasheet_lint import __version__
from datasheet_lint.models import Finding, Report, Severity, Skipped, Suppressed, fingerprints
from datasheet_lint.report import rule_url
from datasheet_lint.rules import RULES, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/datasheet-lint/datasheet-lint"
FINGERPRINT_KEY = "datasheetLint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
BASE_TAGS = ("datasets", "compliance")
FAMILY_TAGS = {"DSL1": "retraction", "DSL9": "suppression"}


def help_uri(rule: Rule) -> str:
    """The rule's heading in docs/rules.md, e.g. ``#dsl101-retracted-dataset``."""
    return rule_url(rule.code, rule.name)


def _tags(rule: Rule) -> list[str]:
    family = FAMILY_TAGS.get(rule.code[:4])
    return [*BASE_TAGS, family] if family else list(BASE_TAGS)


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    what = " ".join(rule.section("What it does").split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": _tags(rule)},
    }


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def message_text(finding: Finding) -> str:
    """The message, its detail (the dataset's story) and the hint (capitalised), as
    sentences: a code-scanning alert is read on its own, so it carries the whole evidence."""
    parts = [finding.message]
    if finding.detail:
        parts.append(finding.detail)
    if finding.hint:
        hint = finding.hint.strip()
        parts.append(hint[:1].upper() + hint[1:])
    if len(parts) == 1:
        return finding.message
    return " ".join(_full_stop(part) for part in parts)


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: ``#``, ``?``, ``%``, spaces and other characters
    that a URI gives a meaning to are percent-encoded (UTF-8), ``/`` is kept."""
    return quote(path.encode("utf-8", "surrogatepass"), safe="/")


def _notification(skipped: Skipped, path: str) -> dict[str, Any]:
    what = "Scanned in part" if skipped.partial else "Not scanned"
    return {
        "level": "warning" if skipped.unread else "note",
        "message": {"text": f"{what}: {skipped.reason}."},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": SRCROOT}}}
        ],
    }


def _result(finding: Finding, fingerprint: str, rule_index: int, path: str) -> dict[str, Any]:
    location = finding.location
    region = {"startLine": location.line, "startColumn": location.column}
    if finding.end_column > location.column:
        region["endColumn"] = finding.end_column
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": artifact_uri(path),
                        "uriBaseId": SRCROOT,
                    },
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.kind is not None:
        result["properties"] = {"referenceKind": finding.kind.value}
    return result


def _suppression(suppressed: Suppressed) -> dict[str, Any]:
    """SARIF's record of why a result is not shown: code scanning lists it as dismissed."""
    record = {"kind": suppressed.kind, "status": "accepted"}
    if suppressed.justification:
        record["justification"] = suppressed.justification
    return record


def as_dict(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data, ready for ``json.dump``."""
    rules = sorted(RULES.values(), key=lambda rule: rule.code)
    index = {rule.code: position for position, rule in enumerate(rules)}
    # Suppressed findings stay in the log, marked: code scanning then closes their alerts
    # as dismissed instead of reporting them fixed. Fingerprints are counted over all of
    # them together, so a finding keeps its fingerprint when a suppression comes or goes.
    everything = [*report.findings, *(s.finding for s in report.suppressed_findings)]
    marks: list[Suppressed | None] = [None] * len(report.findings)
    marks += list(report.suppressed_findings)
    pairs = sorted(
        zip(everything, marks, strict=True),
        key=lambda pair: (
            pair[0].location.path,
            pair[0].location.line,
            pair[0].location.column,
            pair[0].code,
        ),
    )
    ordered = [finding for finding, _ in pairs]
    results = []
    for (finding, mark), fingerprint in zip(pairs, fingerprints(ordered), strict=True):
        path = report.repository_path(finding.location.path)
        result = _result(finding, fingerprint, index[finding.code], path)
        if mark is not None:
            result["suppressions"] = [_suppression(mark)]
        results.append(result)
    driver = {
        "name": "datasheet-lint",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule_descriptor(rule) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The scanned project root."}}},
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "blocklistVersion": report.blocklist_version,
            "blocklistUpdated": report.blocklist_updated,
        },
    }
    if report.skipped:  # files not scanned: a notification each, so none is missed silently
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    _notification(s, artifact_uri(report.repository_path(s.path)))
                    for s in report.skipped
                ],
            }
        ]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, out: TextIO) -> None:
    json.dump(as_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
