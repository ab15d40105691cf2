"""Which findings a run reports: selection, per-file ignores, the allow list, severities,
inline suppressions, the baseline and, with --diff, the changed lines.

Each step is a plain function of findings and settings; ``engine.py`` calls them in order.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from datasheet_lint.config import Config
from datasheet_lint.globs import Globs, compile_globs, matches
from datasheet_lint.knowledge.blocklist import Blocklist
from datasheet_lint.models import Finding, Suppressed
from datasheet_lint.suppress import Suppression


def selected(code: str, config: Config) -> bool:
    """Longest matching prefix wins between select and ignore (flake8's rule)."""
    chosen = max((p for p in config.select if code.startswith(p)), key=len, default=None)
    dropped = max((p for p in config.ignore if code.startswith(p)), key=len, default=None)
    if chosen is None:
        return False
    return dropped is None or len(chosen) > len(dropped)


def _allowed(finding: Finding, config: Config, blocklist: Blocklist) -> bool:
    allowed = {allow.dataset for allow in config.allow}
    if not allowed or not finding.dataset:
        return False
    dataset = blocklist.get(finding.dataset)
    parent = dataset.parent if dataset else None
    return finding.dataset in allowed or (parent is not None and parent in allowed)


def _per_file(config: Config) -> list[tuple[Globs | None, tuple[str, ...]]]:
    return [(compile_globs([pattern]), codes) for pattern, codes in config.per_file_ignores]


def _excluded(
    finding: Finding,
    per_file: list[tuple[Globs | None, tuple[str, ...]]],
    config: Config,
    blocklist: Blocklist,
) -> bool:
    ignored = any(
        finding.code.startswith(codes) and matches(regex, finding.location.path)
        for regex, codes in per_file
    )
    return ignored or _allowed(finding, config, blocklist)


def configured(findings: Iterable[Finding], config: Config, blocklist: Blocklist) -> list[Finding]:
    """Drop what per-file-ignores and allow exclude; apply severity overrides, then cap each
    finding at its reference kind's level (``severity-by-kind``)."""
    per_file = _per_file(config)
    kept = []
    for finding in findings:
        if _excluded(finding, per_file, config, blocklist):
            continue
        override = config.severity.get(finding.code)
        if override is not None:
            finding = dataclasses.replace(finding, severity=override)
        # Last, the kind's ceiling: a mention in prose stays below code that uses the data.
        ceiling = config.severity_by_kind.get(finding.kind.value) if finding.kind else None
        if ceiling is not None and finding.severity > ceiling:
            finding = dataclasses.replace(finding, severity=ceiling)
        kept.append(finding)
    return kept


def suppressed(
    raw: Iterable[Finding],
    configured: Sequence[Finding],
    reported: Sequence[Finding],
    config: Config,
    blocklist: Blocklist,
    suppressions: Sequence[Suppression],
) -> tuple[Suppressed, ...]:
    """What the settings ("external") and inline comments ("inSource") hid, for formats
    that mark suppressed findings rather than drop them."""
    per_file = _per_file(config)
    hidden = [Suppressed(f, "external") for f in raw if _excluded(f, per_file, config, blocklist)]
    shown = Counter(reported)
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        by_line.setdefault((suppression.location.path, suppression.target_line), []).append(
            suppression
        )
    for finding in configured:
        if shown[finding]:
            shown[finding] -= 1
            continue
        place = (finding.location.path, finding.location.line)
        reason = next(
            (s.reason for s in by_line.get(place, ()) if s.covers(finding.code, place[1])), ""
        )
        hidden.append(Suppressed(finding, "inSource", reason))
    return tuple(sorted(hidden, key=lambda s: _position(s.finding)))


def _position(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.location.path, finding.location.line, finding.location.column, finding.code)


def unsuppressed(findings: Iterable[Finding], suppressions: Sequence[Suppression]) -> list[Finding]:
    """Findings no valid inline suppression covers."""
    # By the line each covers: a file with thousands of directives costs no more per finding.
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        key = (suppression.location.path, suppression.target_line)
        by_line.setdefault(key, []).append(suppression)
    return [
        f
        for f in findings
        if not any(
            s.covers(f.code, f.location.line)
            for s in by_line.get((f.location.path, f.location.line), ())
        )
    ]


def on_changed_lines(
    findings: Iterable[Finding], changed: Mapping[str, frozenset[int] | None], keep: str
) -> list[Finding]:
    """Findings on lines the diff changed (a new file counts whole); ``keep``'s path always."""
    result = []
    for finding in findings:
        path = finding.location.path
        if path == keep or (
            path in changed
            and (changed[path] is None or finding.location.line in (changed[path] or ()))
        ):
            result.append(finding)
    return result


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=_position))
