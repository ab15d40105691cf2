"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=…,line=…,col=…,title=…::message`` per finding (``::warning`` / ``::notice`` for
warnings and infos), escaped as the Actions runner expects, then one plain summary line.

GitHub shows at most ten annotations of each kind per step and drops the rest without a word,
so only the first ten of each are written, and a notice says how many more there are and
where to see them. ``step_summary`` is the Markdown table for ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TextIO

from datasheet_lint.models import Finding, Report, Severity, Skipped
from datasheet_lint.report.text import by_dataset, by_rule, plural, summary
from datasheet_lint.terminal import line_start, printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub's documented limit: 10 error, 10 warning and 10 notice annotations per step.
LIMIT = 10
# Rows of findings in the step summary; the counts above them cover every finding.
SUMMARY_ROWS = 50

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
    # An annotation is read on its own, beside the line: it carries the dataset's evidence.
    text = f"{finding.message}\n{finding.detail}" if finding.detail else finding.message
    # Line breaks are the runner's own escapes; every other control character is shown.
    message = escape_data("\n".join(printable(part) for part in text.split("\n")))
    return f"::{COMMANDS[finding.severity]} {joined}::{message}"


def unread_annotation(skipped: Skipped, path: str) -> str:
    """A warning on a file whose text went unread (too large, unreadable, scanned in part)."""
    title = "datasheet-lint: scanned in part" if skipped.partial else "datasheet-lint: not scanned"
    joined = f"file={escape_property(path)},title={escape_property(title)}"
    return f"::warning {joined}::{escape_data(printable(skipped.reason))}"


def render(report: Report, out: TextIO) -> None:
    # (command, annotation, the plain log line used once the command's limit is reached)
    lines = [
        (
            COMMANDS[f.severity],
            annotation(f, path := report.repository_path(f.location.path)),
            f"{line_start(printable(path))}:{f.location.line}:{f.location.column}: "
            f"{f.code} {f.rule}: {printable(f.message)}",
        )
        for f in report.findings
    ]
    lines += [
        (
            "warning",
            unread_annotation(s, path := report.repository_path(s.path)),
            f"{line_start(printable(path))}: not scanned: {printable(s.reason)}",
        )
        for s in report.skipped
        if s.unread
    ]
    totals = Counter(command for command, _, _ in lines)
    # When any kind overflows, one notice is kept back to say so.
    overflow = any(count > LIMIT for count in totals.values())
    written: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for command, line, plain in lines:
        limit = LIMIT - 1 if overflow and command == "notice" else LIMIT
        if written[command] < limit:
            written[command] += 1
            out.write(line + "\n")
        else:  # still in the job log, as a plain line the runner does not act on
            left_out[command] += 1
            out.write(plain + "\n")
    if overflow:
        more = ", ".join(
            plural(left_out[command], command) for command in COMMANDS.values() if left_out[command]
        )
        message = (
            f"{more} not shown as annotations (GitHub shows {LIMIT} of each kind per step); "
            "the job log lists every finding"
        )
        out.write(f"::notice title=datasheet-lint::{escape_data(message)}\n")
    out.write(summary(report) + "\n")


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return printable(text).replace("|", "\\|")


def step_summary(report: Report) -> str:
    """A Markdown section for ``$GITHUB_STEP_SUMMARY``: the summary line, counts by rule and
    by dataset, and the first findings with their places."""
    parts = ["## datasheet-lint\n", f"{_cell(summary(report))}\n"]
    names = {f.code: f.rule for f in report.findings}
    if report.findings:
        parts.append("\n| rule | name | findings |\n|---|---|---:|\n")
        parts += [f"| {code} | {names[code]} | {n} |\n" for code, n in by_rule(report).items()]
    datasets = by_dataset(report)
    if datasets:
        parts.append("\n| dataset | findings |\n|---|---:|\n")
        parts += [f"| {_cell(dataset)} | {n} |\n" for dataset, n in datasets.items()]
    if report.findings:
        parts.append("\n| severity | location | rule | message |\n|---|---|---|---|\n")
        for finding in report.findings[:SUMMARY_ROWS]:
            path = report.repository_path(finding.location.path)
            where = _cell(str(dataclasses.replace(finding.location, path=path)))
            parts.append(
                f"| {finding.severity.label} | `{where}` | {finding.code} {finding.rule} "
                f"| {_cell(finding.message)} |\n"
            )
        rest = len(report.findings) - SUMMARY_ROWS
        if rest > 0:
            parts.append(f"\n…and {plural(rest, 'more finding')} (see the job log).\n")
    return "".join(parts) + "\n"
