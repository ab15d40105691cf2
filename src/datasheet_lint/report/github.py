"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=…,line=…,col=…,title=…::message`` per finding (``::warning`` / ``::notice`` for
warnings and infos), escaped as the Actions runner expects, then one plain summary line.
"""

from __future__ import annotations

from typing import TextIO

from datasheet_lint.models import Finding, Report, Severity, Skipped
from datasheet_lint.report.text import summary
from datasheet_lint.terminal import printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF (``%`` first, so escapes stay intact)."""
    for raw, escaped in _DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``, which delimit properties."""
    for raw, escaped in _PROPERTY_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def annotation(finding: Finding, path: str) -> str:
    """One ``::error file=…,line=…,col=…,title=…::message`` line, without the newline."""
    properties = {
        "file": path,
        "line": str(finding.location.line),
        "col": str(finding.location.column),
        "title": f"{finding.code} {finding.rule}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    # Line breaks are the runner's own escapes; every other control character is shown.
    message = escape_data("\n".join(printable(part) for part in finding.message.split("\n")))
    return f"::{COMMANDS[finding.severity]} {joined}::{message}"


def unread_annotation(skipped: Skipped, path: str) -> str:
    """A warning on a file whose text went unread (too large, unreadable, scanned in part)."""
    title = "datasheet-lint: scanned in part" if skipped.partial else "datasheet-lint: not scanned"
    joined = f"file={escape_property(path)},title={escape_property(title)}"
    return f"::warning {joined}::{escape_data(printable(skipped.reason))}"


def render(report: Report, out: TextIO) -> None:
    for finding in report.findings:
        out.write(annotation(finding, report.repository_path(finding.location.path)) + "\n")
    for skipped in report.skipped:
        if skipped.unread:
            out.write(unread_annotation(skipped, report.repository_path(skipped.path)) + "\n")
    out.write(summary(report) + "\n")
