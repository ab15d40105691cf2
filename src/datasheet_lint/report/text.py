"""Human output: ``path:line:col: CODE name: message``, grouped by file, then a summary."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from datasheet_lint.models import Report, Severity
from datasheet_lint.terminal import line_start, printable

COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(report: Report) -> str:
    """One line: findings by severity, then what was scanned and the blocklist version."""
    counts = [
        _plural(report.count_at(s), s.label)
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if report.count_at(s)
    ]
    found = ", ".join(counts) if counts else "no findings"
    files = len({f.location.path for f in report.findings})
    where = f" in {_plural(files, 'file')}" if files else ""
    extra = f", {report.suppressed} suppressed" if report.suppressed else ""
    return (
        f"Found {found}{where} ({_plural(report.files_scanned, 'file')} scanned, "
        f"{_plural(len(report.references), 'dataset reference')}{extra}{not_scanned(report)}; "
        f"blocklist {report.blocklist_version} of {report.blocklist_updated})."
    )


def not_scanned(report: Report) -> str:
    """', 2 files not scanned (1 over the size limit), 1 scanned in part' or ''.

    Never silent: a file the run did not read could hold anything, so every summary counts
    them; --verbose (and the JSON and SARIF reports) list them.
    """
    skipped = [s for s in report.skipped if not s.partial]
    partial = len(report.skipped) - len(skipped)
    text = ""
    if skipped:
        unread = sum(1 for s in skipped if s.unread)
        detail = f" ({unread} too large or unreadable)" if unread else ""
        text += f", {_plural(len(skipped), 'file')} not scanned{detail}"
    if partial:
        text += f", {partial} scanned in part"
    return text


def render(report: Report, out: TextIO, *, colour: bool = False, hints: bool = True) -> None:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if colour else text

    for _, group in groupby(report.findings, key=lambda f: f.location.path):
        for finding in group:
            code = paint(f"{finding.code} {finding.rule}", COLOURS[finding.severity])
            where = paint(line_start(printable(str(finding.location))), BOLD)
            label = "" if finding.severity is Severity.ERROR else f"[{finding.severity.label}] "
            out.write(f"{where}: {code}: {label}{printable(finding.message)}\n")
            if hints and finding.hint:
                out.write(paint(f"    hint: {printable(finding.hint)}", DIM) + "\n")
        out.write("\n")
    out.write(summary(report) + "\n")
