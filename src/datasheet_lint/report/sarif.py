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
from datasheet_lint.models import Finding, Report, Severity, Skipped, fingerprints
from datasheet_lint.rules import RULES, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/datasheet-lint/datasheet-lint"
RULES_DOC_URI = f"{INFORMATION_URI}/blob/main/docs/rules.md"
FINGERPRINT_KEY = "datasheetLint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
BASE_TAGS = ("datasets", "compliance")
FAMILY_TAGS = {"DSL1": "retraction", "DSL9": "suppression"}


def help_uri(rule: Rule) -> str:
    """The rule's heading in docs/rules.md, e.g. ``#dsl101-retracted-dataset``."""
    return f"{RULES_DOC_URI}#{rule.code.lower()}-{rule.name}"


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
    """The message, then the hint (if any, capitalised) as a second sentence."""
    if not finding.hint:
        return finding.message
    hint = finding.hint.strip()
    return f"{_full_stop(finding.message)} {_full_stop(hint[:1].upper() + hint[1:])}"


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
    return {
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
                    "region": {"startLine": location.line, "startColumn": location.column},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }


def as_dict(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data, ready for ``json.dump``."""
    rules = sorted(RULES.values(), key=lambda rule: rule.code)
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = [
        _result(
            finding, fingerprint, index[finding.code], report.repository_path(finding.location.path)
        )
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
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
