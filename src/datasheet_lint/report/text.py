"""Human output: ``path:line:col: CODE name: message``, grouped by file, then a summary.

Two styles. ``concise`` (the default) gives each finding one short line and tells each
dataset's story (what happened to it, the replacement, a source, the fix) once, in a closing
block: a repository that uses one retracted dataset in 300 places reads as one screen, not 300
paragraphs. ``full`` prints the story and the hint under every finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import TextIO

from datasheet_lint.models import Finding, Kind, Report, Severity
from datasheet_lint.terminal import line_start, printable

COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
# From this many findings, a failing run ends with how to adopt the linter step by step.
ADOPT_AT = 10

Paint = Callable[[str, str], str]


def plural(count: int, word: str, words: str = "") -> str:
    """'1 file', '2 files'; ``words`` for irregular plurals ('1 entry', '2 entries')."""
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"


def summary(report: Report) -> str:
    """One line: findings by severity, then what was scanned and the blocklist version."""
    counts = [
        plural(report.count_at(s), s.label)
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if report.count_at(s)
    ]
    found = ", ".join(counts) if counts else "no findings"
    files = len({f.location.path for f in report.findings})
    where = f" in {plural(files, 'file')}" if files else ""
    extra = f", {report.suppressed} suppressed" if report.suppressed else ""
    return (
        f"Found {found}{where} ({plural(report.files_scanned, 'file')} scanned, "
        f"{plural(len(report.references), 'dataset reference')}{extra}{not_scanned(report)}; "
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
        text += f", {plural(len(skipped), 'file')} not scanned{detail}"
    if partial:
        text += f", {partial} scanned in part"
    return text


def _painter(colour: bool) -> Paint:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if colour else text

    return paint


def _line(finding: Finding, paint: Paint) -> str:
    """``path:line:col: CODE name: [warning, mention] message``."""
    code = paint(f"{finding.code} {finding.rule}", COLOURS[finding.severity])
    where = paint(line_start(printable(str(finding.location))), BOLD)
    labels = [finding.severity.label] if finding.severity is not Severity.ERROR else []
    if finding.kind is Kind.MENTION:  # prose, not code: say so, it weighs less
        labels.append("mention")
    label = f"[{', '.join(labels)}] " if labels else ""
    return f"{where}: {code}: {label}{printable(finding.message)}"


def render_findings(
    report: Report, out: TextIO, *, paint: Paint, hints: bool, full: bool, quiet: bool = False
) -> None:
    """Each finding on its line, a blank line after each file. Under a finding: in ``full``
    style its detail and hint; in ``concise`` style only a hint of its own (a finding with a
    dataset story has its hint told once, with the story)."""
    for _, group in groupby(report.findings, key=lambda f: f.location.path):
        for finding in group:
            out.write(_line(finding, paint) + "\n")
            if quiet:
                continue
            if full and finding.detail:
                out.write(paint(f"    {printable(finding.detail)}", DIM) + "\n")
            if hints and finding.hint and (full or not finding.detail):
                out.write(paint(f"    hint: {printable(finding.hint)}", DIM) + "\n")
        if not quiet:
            out.write("\n")


def _names(report: Report) -> dict[str, str]:
    return {dataset.id: dataset.name for dataset in report.datasets}


def _described(dataset_id: str, names: dict[str, str]) -> str:
    """'MS1MV2 / MS1M-ArcFace [ms1mv2]', or the id alone when it is the name."""
    name = names.get(dataset_id, dataset_id)
    return printable(dataset_id if name == dataset_id else f"{name} [{dataset_id}]")


def render_datasets(report: Report, out: TextIO, *, paint: Paint, hints: bool) -> None:
    """The closing block: each dataset with a story, once: how often and where it was found,
    the story, and the fix."""
    told = [f for f in report.findings if f.detail]
    if not told:
        return
    names = _names(report)
    out.write(paint("Evidence, once per dataset:", BOLD) + "\n")
    for dataset_id, group in groupby(sorted(told, key=lambda f: f.dataset), lambda f: f.dataset):
        findings = list(group)
        files = len({f.location.path for f in findings})
        out.write(
            f"  {_described(dataset_id, names)}: {plural(len(findings), 'finding')} "
            f"in {plural(files, 'file')}\n"
        )
        for detail in dict.fromkeys(f.detail for f in findings):
            out.write(f"    {printable(detail)}\n")
        if hints:
            for hint in dict.fromkeys(f.hint for f in findings if f.hint):
                out.write(paint(f"    hint: {printable(hint)}", DIM) + "\n")
    out.write("\n")


def _counted(counts: Iterable[tuple[str, int]], label: Callable[[str], str]) -> list[str]:
    ordered = sorted(counts, key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in ordered), default=1)
    return [f"  {count:>{width}}  {label(key)}" for key, count in ordered]


def by_rule(report: Report) -> dict[str, int]:
    """Findings per rule code, in code order."""
    return dict(sorted(Counter(f.code for f in report.findings).items()))


def by_dataset(report: Report) -> dict[str, int]:
    """Findings per dataset id (findings about no dataset are not counted), in id order."""
    return dict(sorted(Counter(f.dataset for f in report.findings if f.dataset).items()))


def render_statistics(report: Report, out: TextIO) -> None:
    """Counts by rule and by dataset (``--statistics``), most frequent first."""
    names = {f.code: f.rule for f in report.findings}
    if report.findings:
        out.write("By rule:\n")
        lines = _counted(by_rule(report).items(), lambda code: f"{code}  {names[code]}")
        out.write("\n".join(lines) + "\n")
    datasets = by_dataset(report)
    if datasets:
        known = _names(report)
        out.write("By dataset:\n")
        lines = _counted(datasets.items(), lambda key: _described(key, known))
        out.write("\n".join(lines) + "\n")
    if report.findings:
        out.write("\n")


def adoption(report: Report) -> str:
    """How to adopt the linter in a repository with many existing findings ('' with few).

    A first run on an existing project can fail for problems unrelated to any change; the way
    forward is to record them, or to scaffold the datasheets, not to turn the linter off.
    """
    if len(report.findings) < ADOPT_AT:
        return ""
    steps = "`datasheet-lint baseline` records them, so that check reports only new ones"
    if any(f.code == "DSL201" for f in report.findings):
        steps += "; `datasheet-lint init --missing` scaffolds the missing datasheets"
    return f"Adopting datasheet-lint in an existing repository? {steps}."


def render(
    report: Report,
    out: TextIO,
    *,
    colour: bool = False,
    hints: bool = True,
    style: str = "concise",
    quiet: bool = False,
) -> None:
    """The findings, then (concise) each dataset's story once, then the summary line.

    ``quiet`` prints the finding lines and nothing else.
    """
    paint = _painter(colour)
    full = style == "full"
    render_findings(report, out, paint=paint, hints=hints, full=full, quiet=quiet)
    if quiet:
        return
    if not full:
        render_datasets(report, out, paint=paint, hints=hints)
    out.write(summary(report) + "\n")
