"""Which settings apply to which file: the closest settings file above it, as in ruff.

A monorepo holds several projects, each with its own ``[tool.datasheet-lint]`` (or
``.datasheet-lint.yaml``), datasheets folder and baseline. Every path on the command line
belongs to the project of the closest folder with settings (looking no higher than the
repository's top, see ``engine.find_root``), and a folder scanned whole also holds the
projects below it: each is scanned with its own settings, and the outer project's run leaves
their files to them. So ``check a/x.py b/y.py`` (what the files hook passes for a commit that
touches two projects) runs two projects instead of refusing the second path, and the order of
the paths changes nothing: projects run in path order and their reports merge into one, with
paths from the projects' common folder.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasheet_lint import config as config_module
from datasheet_lint import files, git
from datasheet_lint.config import Config
from datasheet_lint.errors import UserError
from datasheet_lint.globs import compile_globs, matches
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Finding, Location, Reference, Report, Severity, Skipped

# Where a nested project's settings can be: git lists them in one call (``*`` crosses "/").
SETTINGS_SPECS = ("*pyproject.toml", *(f"*{name}" for name in config_module.YAML_NAMES))
SETTINGS_NAMES = frozenset({"pyproject.toml", *config_module.YAML_NAMES})
GLOB_SPECIAL = lazy(r"([*?\[])")


@dataclass(frozen=True, slots=True)
class Project:
    """One project's settings and the paths of it that this run scans."""

    config: Config
    targets: tuple[Path, ...]


def _absolute(raw: str) -> Path:
    """The path with the folders above it resolved, never a final symbolic link."""
    given = Path(raw).absolute()
    if not given.exists() and not given.is_symlink():
        raise UserError("no such file or directory", location=raw)
    parent = Path(os.path.realpath(given.parent))
    return parent / given.name if given.name else Path(os.path.realpath(given))


def _nested_roots(root: Path, folder: Path, *, untracked: bool) -> list[Path]:
    """Folders below ``folder`` (inside the project at ``root``) that declare settings."""
    listing = git.list_matching(root, list(SETTINGS_SPECS), untracked=untracked)
    # A folder the project's own settings exclude is not scanned, nor are projects inside it.
    excluded = compile_globs(config_module.load(root).exclude)
    found = set()
    for path in listing.paths:
        parent, _, name = path.rpartition("/")
        if not parent or name not in SETTINGS_NAMES or matches(excluded, path):
            continue
        candidate = root / parent
        below = candidate != folder and folder in candidate.parents
        if below and config_module.declares_settings(candidate):
            found.add(candidate)
    return sorted(found)


def _escaped(relative: str) -> str:
    """A literal path as an ``exclude`` glob: "[" and "*" in folder names match themselves."""
    return GLOB_SPECIAL.sub(r"[\1]", relative)


def plan(paths: Sequence[str], config_file: Path | None, *, untracked: bool) -> list[Project]:
    """The projects the paths belong to, in path order, each with its own settings.

    With ``--config FILE`` every path takes that file's settings, so they form one project
    (its root found from the first path, as before).
    """
    from datasheet_lint import engine

    raws = list(paths) or ["."]
    if config_file is not None:
        settings, targets = engine.load_config(raws, config_file)
        return [Project(settings, tuple(targets))]
    by_root: dict[Path, list[str]] = {}
    for raw in raws:
        by_root.setdefault(engine.find_root(_absolute(raw)), []).append(raw)
    # A folder scanned whole may hold projects of its own: they take their own settings.
    nested: dict[Path, list[Path]] = {}
    for root, raw_paths in list(by_root.items()):
        for raw in raw_paths:
            folder = _absolute(raw)
            if folder.is_dir() and not folder.is_symlink():
                for inner in _nested_roots(root, folder, untracked=untracked):
                    nested.setdefault(root, []).append(inner)
                    by_root.setdefault(inner, []).append(str(inner))
    projects = []
    for root in sorted(by_root):
        settings = config_module.load(root)
        inner_roots = [r for r in sorted(set(by_root)) if r != root and root in r.parents]
        if inner_roots:
            folders = tuple(r.relative_to(root).as_posix() for r in inner_roots)
            carved = tuple(_escaped(folder) + "/**" for folder in folders)
            settings = dataclasses.replace(
                settings, exclude=settings.exclude + carved, nested_projects=folders
            )
        targets = files.resolve_targets(root, sorted(set(by_root[root])))
        projects.append(Project(settings, tuple(sorted(set(targets)))))
    return projects


def _moved(location: Location, prefix: str) -> Location:
    return dataclasses.replace(location, path=prefix + location.path)


def _rebased(report: Report, prefix: str) -> Report:
    """The report with every path made relative to a folder ``prefix`` above its root."""
    if not prefix:
        return report
    findings = tuple(
        dataclasses.replace(f, location=_moved(f.location, prefix)) for f in report.findings
    )
    references = tuple(
        dataclasses.replace(r, location=_moved(r.location, prefix)) for r in report.references
    )
    skipped = tuple(dataclasses.replace(s, path=prefix + s.path) for s in report.skipped)
    datasets = tuple(
        dataclasses.replace(d, datasheet=prefix + d.datasheet if d.datasheet else "")
        for d in report.datasets
    )
    return dataclasses.replace(
        report, findings=findings, references=references, skipped=skipped, datasets=datasets
    )


def merged(results: Iterable[tuple[Project, Report]]) -> Report:
    """One report for several projects, paths from their common folder."""
    pairs = list(results)
    if len(pairs) == 1:
        return pairs[0][1]
    base = Path(os.path.commonpath([str(p.config.root) for p, _ in pairs]))
    reports = []
    for project, report in pairs:
        relative = project.config.root.relative_to(base).as_posix()
        reports.append(_rebased(report, "" if relative == "." else relative + "/"))
    top = git.git_dir_above(base)
    prefix = "" if top is None or top == base else base.relative_to(top).as_posix() + "/"
    datasets = {d.id: d for r in reports for d in r.datasets}  # first project's datasheet wins
    first = reports[0]

    def key(finding: Finding) -> tuple[str, int, int, str]:
        where = finding.location
        return (where.path, where.line, where.column, finding.code)

    def ref_key(reference: Reference) -> tuple[str, int, int]:
        return (reference.location.path, reference.location.line, reference.location.column)

    def skip_key(skipped: Skipped) -> str:
        return skipped.path

    return Report(
        root=str(base),
        files_scanned=sum(r.files_scanned for r in reports),
        references=tuple(sorted((x for r in reports for x in r.references), key=ref_key)),
        findings=tuple(sorted((f for r in reports for f in r.findings), key=key)),
        skipped=tuple(sorted((s for r in reports for s in r.skipped), key=skip_key)),
        suppressed=sum(r.suppressed for r in reports),
        baselined=sum(r.baselined for r in reports),
        notes=tuple(dict.fromkeys(n for r in reports for n in r.notes)),
        datasets=tuple(datasets[i] for i in sorted(datasets)),
        repository_prefix=prefix,
        blocklist_version=first.blocklist_version,
        blocklist_updated=first.blocklist_updated,
    )


def failing(results: Iterable[tuple[Project, Report]], fail_at: Mapping[str, Severity]) -> bool:
    """True if any project has a finding at or above its own ``fail-on`` level."""
    for project, report in results:
        level = project.config.fail_on
        if level != "never" and any(f.severity >= fail_at[level] for f in report.findings):
            return True
    return False
