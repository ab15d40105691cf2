"""The pipeline, in order: files -> references -> rules -> findings -> report.

Nothing here prints or writes; ``cli.py`` turns the Report into output and an exit code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from datasheet_lint import config as config_module
from datasheet_lint import suppress, vcs
from datasheet_lint.config import Config
from datasheet_lint.errors import UserError
from datasheet_lint.extract import extract
from datasheet_lint.globs import compile_globs, matches
from datasheet_lint.knowledge import blocklist as blocklist_module
from datasheet_lint.knowledge import catalogue as catalogue_module
from datasheet_lint.knowledge.blocklist import Blocklist
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import Finding, Reference, Report, Skipped, SourceFile
from datasheet_lint.rules import RULES, Context
from datasheet_lint.suppress import Suppression


def find_root(start: Path) -> Path:
    """The project root: the nearest folder with settings, else the git work tree, else start."""
    folder = start if start.is_dir() else start.parent
    top = vcs.git_dir_above(folder)
    for candidate in (folder, *folder.parents):
        if config_module.declares_settings(candidate) or candidate == top:
            return candidate
    return folder


def load_config(paths: Sequence[str], config_file: Path | None = None) -> tuple[Config, list[Path]]:
    """Settings and absolute scan targets for the paths given on the command line."""
    first = Path(paths[0]) if paths else Path()
    if not first.exists() and not first.is_symlink():
        raise UserError("no such file or directory", location=str(first))
    root = find_root(first.absolute().resolve())
    settings = config_module.load(root, config_file)
    return settings, vcs.resolve_targets(root, list(paths) or ["."])


def _selected(code: str, config: Config) -> bool:
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


def _keep(
    finding: Finding,
    config: Config,
    blocklist: Blocklist,
    per_file: Sequence[tuple[re.Pattern[str] | None, tuple[str, ...]]],
    suppressions_by_path: dict[str, list[Suppression]],
) -> bool:
    for regex, codes in per_file:
        if finding.code.startswith(codes) and matches(regex, finding.location.path):
            return False
    if _allowed(finding, config, blocklist):
        return False
    return not any(
        s.covers(finding.code, finding.location.line)
        for s in suppressions_by_path.get(finding.location.path, ())
    )


def _with_severity(finding: Finding, config: Config) -> Finding:
    override = config.severity.get(finding.code)
    if override is None or override is finding.severity:
        return finding
    return replace(finding, severity=override)


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(
            findings, key=lambda f: (f.location.path, f.location.line, f.location.column, f.code)
        )
    )


@dataclass
class _Scan:
    """What reading the files produced, before any rule runs."""

    references: list[Reference] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    scanned: int = 0


def _scan(config: Config, paths: Sequence[str], knowledge: Knowledge) -> _Scan:
    """Read each file once: its references and its inline suppressions."""
    # The linter's own data files name the datasets they block: never scan them.
    own_files = set(config.blocklists)
    if config.source.endswith(config_module.YAML_NAMES):
        own_files.add(config.source)
    excluded = compile_globs(config.exclude)
    scan = _Scan()
    for path in paths:
        if path in own_files or matches(excluded, path):
            continue
        item = vcs.read(config.root, path, config.max_file_size)
        if isinstance(item, Skipped):
            scan.skipped.append(item)
            continue
        scan.scanned += 1
        if path == "pyproject.toml":
            item = SourceFile(path, config_module.mask_settings(item.text))
        scan.references.extend(extract(item, knowledge))
        scan.suppressions.extend(suppress.parse(path, item.text))
    return scan


def run(config: Config, targets: Sequence[Path]) -> Report:
    """Scan the targets under the config's root and report what the selected rules find."""
    blocklist = blocklist_module.load([(config.root / p, p) for p in config.blocklists])
    knowledge = Knowledge.build(blocklist, catalogue_module.builtin())
    listing = vcs.list_files(config.root, targets, untracked=not config.tracked_only)
    scan = _scan(config, listing.paths, knowledge)

    context = Context(
        references=tuple(scan.references),
        blocklist=blocklist,
        suppressions=tuple(scan.suppressions),
    )
    raw = [
        f for code, rule in RULES.items() if _selected(code, config) for f in rule.check(context)
    ]
    by_path: dict[str, list[Suppression]] = {}
    for suppression in scan.suppressions:
        by_path.setdefault(suppression.location.path, []).append(suppression)
    per_file = [(compile_globs([pattern]), codes) for pattern, codes in config.per_file_ignores]
    kept = [
        _with_severity(f, config) for f in raw if _keep(f, config, blocklist, per_file, by_path)
    ]
    notes = () if listing.git else (".gitignore is not applied: not inside a git work tree",)
    return Report(
        root=str(config.root),
        files_scanned=scan.scanned,
        references=tuple(scan.references),
        findings=_sorted(kept),
        skipped=tuple(scan.skipped),
        suppressed=len(raw) - len(kept),
        notes=notes,
        datasets=tuple(knowledge.describe(i) for i in sorted({r.dataset for r in scan.references})),
        blocklist_version=blocklist.data_version,
        blocklist_updated=blocklist.updated,
    )
