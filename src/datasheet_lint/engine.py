"""The pipeline, in order: files -> references -> datasheets -> rules -> findings -> report.

Nothing here prints or writes; ``cli.py`` turns the Report into output and an exit code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datasheet_lint import config as config_module
from datasheet_lint import (
    excludes,
    extract,
    files,
    frontmatter,
    git,
    modelcards,
    ownreports,
    parallel,
    suppress,
    triage,
)
from datasheet_lint.config import Config
from datasheet_lint.datasheets import load as datasheet_load
from datasheet_lint.datasheets.match import Coverage
from datasheet_lint.datasheets.model import Datasheet, Problem
from datasheet_lint.errors import FileError, UserError
from datasheet_lint.extract import download_ids, same_line
from datasheet_lint.globs import compile_globs, matches
from datasheet_lint.knowledge import blocklist as blocklist_module
from datasheet_lint.knowledge import catalogue as catalogue_module
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.modelcards import ModelCard
from datasheet_lint.models import (
    Finding,
    Location,
    Reference,
    Report,
    Skipped,
    SourceFile,
    Suppressed,
)
from datasheet_lint.rules import RULES, Context, Rule
from datasheet_lint.suppress import Suppression

if TYPE_CHECKING:
    from datasheet_lint.baseline import Entry
    from datasheet_lint.extract.flow import Exports
    from datasheet_lint.licences.reading import Reading
    from datasheet_lint.licences.table import Table


def find_root(start: Path) -> Path:
    """The project root: the nearest folder with settings, else the git work tree, else start.

    Settings are looked for up to the repository's top, or outside git up to the user's
    home; a folder outside both is its own root. Never above: a world-writable parent such
    as /tmp, or another user's folder, must not decide what a scan below it reports.
    """
    folder = start if start.is_dir() and not start.is_symlink() else start.parent
    top = git.git_dir_above(folder)
    last = top if top is not None else _home_above(folder)
    for candidate in (folder, *folder.parents):
        if config_module.declares_settings(candidate) or candidate == top:
            return candidate
        if candidate == last or last is None:
            break
    return folder


def _home_above(folder: Path) -> Path | None:
    """The user's home when ``folder`` is in it (or is it), else None."""
    try:
        home = Path.home().resolve()
    except (RuntimeError, OSError):  # no HOME and no password entry
        return None
    return home if home == folder or home in folder.parents else None


def load_config(paths: Sequence[str], config_file: Path | None = None) -> tuple[Config, list[Path]]:
    """Settings and absolute scan targets for the paths given on the command line."""
    first = Path(paths[0]) if paths else Path()
    if not first.exists() and not first.is_symlink():
        raise UserError("no such file or directory", location=str(first))
    # Resolve the folders above the path, never a final symbolic link: it is not followed.
    absolute = first.absolute()
    start = Path(os.path.realpath(absolute.parent)) / absolute.name if absolute.name else absolute
    root = find_root(start)
    settings = config_module.load(root, config_file)
    return settings, files.resolve_targets(root, list(paths) or ["."])


class _Scan:
    """What reading the files produced, before any rule runs."""

    def __init__(self) -> None:
        self.references: list[Reference] = []
        self.suppressions: list[Suppression] = []
        self.skipped: list[Skipped] = []
        self.scanned = 0
        self.model_cards: list[ModelCard] = []


# A datasheet is a few kilobytes; the pure-Python YAML parser reads ~50 KB/s, so a larger
# "datasheet" is refused (DSL203) rather than allowed to stall a run.
DATASHEET_MAX_SIZE = 256_000


def _datasheets(config: Config, listing: git.Listing, *, whole: bool) -> datasheet_load.Loaded:
    """Load every datasheet in the project, whatever part of it this run scans.

    A partial run (some paths, or --staged) still needs them all: a changed file that uses a
    dataset is covered by a datasheet nobody touched. They are read the way the scan reads
    its files: under --staged from git's index (what the commit will hold; an untracked
    datasheet is not part of it), otherwise from the work tree.
    """
    if whole:
        everything = listing
    elif listing.staged is not None:  # listed with the staged files, in the same git call
        everything = listing.everything()
    else:
        patterns = datasheet_load.pathspecs(config.datasheets, config.datasheet_files)
        everything = git.list_matching(config.root, patterns, untracked=not config.tracked_only)
    # The few paths that may be datasheets first, then the exclusions: a whole run's listing
    # is every file, and the scan checks each of them against the exclusions on its own.
    candidates = datasheet_load.candidates(
        everything.paths, config.datasheets, config.datasheet_files
    )
    excluded = compile_globs(config.exclude)
    paths = _default_excluded(config, [p for p in candidates if not matches(excluded, p)])
    scanned = set(listing.paths)
    files = []
    refused = []
    for path in paths:
        limit = min(config.max_file_size, DATASHEET_MAX_SIZE)
        item = (listing if path in scanned else everything).read(path, limit)
        if isinstance(item, SourceFile):
            if datasheet_load.worth_loading(item.path, item.text, config.datasheet_files):
                files.append((item.path, item.text))
        elif datasheet_load.is_datasheet_path(path, config.datasheets, config.datasheet_files):
            refused.append(Problem("syntax", Location(path, 1, 1), f"not read: {item.reason}"))
    if not files and not refused:
        return datasheet_load.Loaded()
    from datasheet_lint.datasheets.cache import ParseCache

    cache = ParseCache(config.root, datasheet_load.parse_native)
    loaded = datasheet_load.load(files, config.datasheet_files, cache)
    cache.save()
    loaded.problems.extend(refused)
    loaded.paths.update(p.location.path for p in refused)
    return loaded


MARKDOWN = (".md", ".markdown")
STALE = "DSL902"  # stale-baseline-entry: judged after every other finding met the baseline

# One file's share of a scan: why it was skipped (or scanned in part), and what it holds.
_FileScan = tuple[
    Skipped | None,
    list[Reference],
    list[Suppression],
    ModelCard | None,
    list["Exports"],
    list[Reference],
]


def _read(listing: git.Listing, path: str, max_file_size: int) -> SourceFile | Skipped:
    """The file, or why it is not scanned. A notebook's limit applies to its code and
    Markdown, not to its outputs: a plot in an output must not hide the code that loads data."""
    item = listing.read(path, max_file_size)
    if isinstance(item, Skipped) and path.endswith(".ipynb") and item.reason.startswith("larger"):
        from datasheet_lint.extract import notebooks

        whole = listing.read(path, max(max_file_size, notebooks.READ_MAX))
        if isinstance(whole, Skipped):
            return whole
        size = notebooks.source_size(whole.text)
        if size is None or size > max_file_size:
            return item
        return whole
    return item


def _scan_file(
    listing: git.Listing, knowledge: Knowledge, max_file_size: int, cards: frozenset[str], path: str
) -> _FileScan:
    try:
        item = _read(listing, path, max_file_size)
        if isinstance(item, Skipped):
            return item, [], [], None, [], []
        if ownreports.is_own_report(path, item.text):  # it quotes what an earlier run found
            return Skipped(path, "a datasheet-lint report"), [], [], None, [], []
        if path == "pyproject.toml":
            item = SourceFile(path, config_module.mask_settings(item.text))
        scanned = item
        if path in cards:  # a dataset card's body is prose like any other; its header is data
            scanned = SourceFile(path, frontmatter.blank(item.text))
        extracted = extract.scan(scanned, knowledge)
        references, limits = extracted.references, extracted.limits
        suppressions = suppress.parse(path, item.text)
        partial = Skipped(path, "; ".join(limits), partial=True) if limits else None
        card = modelcards.read(item, knowledge)
        # Only what a module offers others crosses back from a worker: most offer nothing.
        exports = [e for e in extracted.exports if e.offers()]
        return partial, references, suppressions, card, exports, extracted.settled
    except (UserError, KeyboardInterrupt):
        raise
    except Exception as err:  # a bug: say which file triggered it
        raise FileError(path, err) from err


def _scan(
    config: Config, listing: git.Listing, knowledge: Knowledge, datasheets: set[str]
) -> _Scan:
    """Read each file once: its references and its inline suppressions."""
    # The linter's own data files name the datasets they block, and datasheets describe
    # datasets rather than use them: neither is scanned for references.
    # Dataset cards are Markdown: their bodies are scanned (see _scan_file), or front matter
    # on any README would hide what it says.
    cards = frozenset(p for p in datasheets if p.lower().endswith(MARKDOWN))
    own_files = {*config.blocklists, config.baseline, *(set(datasheets) - cards)}
    own_files.update(_inside_root(config.root, output) for output in config.outputs)
    if config.source.endswith(config_module.YAML_NAMES):
        own_files.add(config.source)
    excluded = compile_globs(config.exclude)
    paths = [p for p in listing.paths if p not in own_files and not matches(excluded, p)]
    paths = _default_excluded(config, paths)
    job = functools.partial(_scan_file, listing, knowledge, config.max_file_size, cards)
    scan = _Scan()
    exports: dict[str, Exports] = {}
    settled: list[Reference] = []  # short names that the repository's code may settle
    # git's index is read through one pipe: only work-tree scans fan out over processes.
    scanned = parallel.map_paths(job, paths, allowed=listing.staged is None)
    for path, (skipped, references, suppressions, card, exported, short) in zip(
        paths, scanned, strict=True
    ):
        exports.update((path, e) for e in exported)
        settled.extend(short)
        if skipped is not None:
            scan.skipped.append(skipped)
            if not skipped.partial:
                continue
        scan.scanned += 1
        scan.references.extend(references)
        scan.suppressions.extend(suppressions)
        if card is not None:
            scan.model_cards.append(card)
    if exports:  # a module defines a loader or a config attribute: who imports it?
        _link(listing, knowledge, config.max_file_size, paths, exports, scan)
    _registered(listing, knowledge, config.max_file_size, paths, scan)
    _script_runs(listing, config.max_file_size, paths, scan)
    if settled:
        from datasheet_lint.extract import filetypes, judge

        blocked = knowledge.blocklist.get
        found = judge.settle(
            scan.references,
            settled,
            knowledge.family,
            filetypes.file_kind,
            lambda dataset: blocked(dataset) is not None,
        )
        scan.references.extend(found)
    scan.references = same_line.named_on_the_line(scan.references)
    scan.references = download_ids.readable_ids(scan.references)
    return scan


def _registered(
    listing: git.Listing,
    knowledge: Knowledge,
    max_file_size: int,
    paths: Sequence[str],
    scan: _Scan,
) -> None:
    """Config values that select a dataset class by its registered name, and a package's
    imports of such classes (extract/registry_names.py), read only where the scan found
    dataset classes."""
    from datasheet_lint.extract import filetypes, registry_names

    known = functools.partial(knowledge.known, whole=True)
    classes = registry_names.registry(
        scan.references, knowledge.family, lambda name: known(name) is not None
    )
    if not classes:
        return
    reported = _reported(scan.references)
    reread = [
        p
        for p in paths
        if (filetypes.file_kind(p) == "config" and p != "pyproject.toml")
        or p.rsplit("/", 1)[-1] == registry_names.INIT
    ]
    for path in reread:
        item = _read(listing, path, max_file_size)
        if isinstance(item, SourceFile) and not ownreports.is_own_report(path, item.text):
            found = registry_names.references(path, item.text, classes, reported.get(path, set()))
            scan.references.extend(found)


def _script_runs(
    listing: git.Listing, max_file_size: int, paths: Sequence[str], scan: _Scan
) -> None:
    """Commands that run the repository's own data script, as downloads of what it fetches
    (extract/script_runs.py), read only where the scan found such a script."""
    from datasheet_lint.extract import filetypes, script_runs

    scripts = script_runs.data_scripts(scan.references)
    if not scripts:
        return
    reported = _reported(scan.references)
    names = script_runs.names(scripts)
    for path in paths:
        kind = filetypes.file_kind(path)
        if kind not in {"script", "notebook", "config"} or path.endswith(filetypes.CODE_SUFFIXES):
            continue
        item = _read(listing, path, max_file_size)
        if not isinstance(item, SourceFile) or not any(name in item.text for name in names):
            continue  # most files run none of the scripts
        if ownreports.is_own_report(path, item.text):
            continue
        lines = script_runs.command_lines(item.text, notebook=kind == "notebook")
        found = script_runs.references(path, lines, scripts, reported.setdefault(path, set()))
        scan.references.extend(found)


def _reported(references: Sequence[Reference]) -> dict[str, set[tuple[int, str]]]:
    """Path -> the (line, dataset) pairs the scan already reports there, so that a later pass
    adds no second reference to a line."""
    reported: dict[str, set[tuple[int, str]]] = {}
    for ref in references:
        reported.setdefault(ref.location.path, set()).add((ref.location.line, ref.dataset))
    return reported


def _link(
    listing: git.Listing,
    knowledge: Knowledge,
    max_file_size: int,
    paths: Sequence[str],
    exports: dict[str, Exports],
    scan: _Scan,
) -> None:
    """Read again the files that import another module's loader or read its config
    attributes, with those known (extract/links.py); their references replace the first."""
    from datasheet_lint.extract import filetypes, links

    code = [p for p in paths if filetypes.file_kind(p) in {"python", "notebook"}]
    files = (_read(listing, p, max_file_size) for p in code)
    again: dict[str, list[Reference]] = {}
    for file in links.candidates(exports, (f for f in files if isinstance(f, SourceFile))):
        linked = links.linked(file, links.tree(file), exports)
        if linked.loaders or linked.attributes or linked.names or linked.options:
            again[file.path] = extract.scan(file, knowledge, linked).references
    if again:
        kept = [r for r in scan.references if r.location.path not in again]
        scan.references = kept + [r for refs in again.values() for r in refs]


def _default_excluded(config: Config, paths: list[str]) -> list[str]:
    """The paths outside virtual environments, node_modules and caches, unless the settings
    turn that off: git lists them when nothing ignores them."""
    if not config.default_exclude:
        return paths
    return excludes.DefaultExcludes(config.root).kept(paths)


def _inside_root(root: Path, target: Path) -> str:
    """``target``'s path relative to the root ('' when it is outside)."""
    real = Path(os.path.realpath(target.absolute().parent)) / target.name
    return real.relative_to(root).as_posix() if real.is_relative_to(root) else ""


def _baseline_entries(config: Config, codes: frozenset[str]) -> list[Entry]:
    """The baseline's entries for the rules this run reports (none without a baseline)."""
    path = config.root / config.baseline
    if not config.use_baseline or not (path.exists() or path.is_symlink()):
        return []  # a FIFO or a dangling link is refused by load, never skipped
    from datasheet_lint import baseline  # most runs have no baseline file

    # An entry of a rule this run does not select cannot match; it is not stale either.
    return [
        e for e in baseline.load(path, config.baseline) if e.rule in codes or e.rule not in RULES
    ]


def run(config: Config, targets: Sequence[Path]) -> Report:
    """Scan the targets under the config's root and report what the selected rules find:
    files -> references -> datasheets -> rules -> findings -> report."""
    whole = list(targets) == [config.root]  # every file (from the work tree, or git's index)
    listing, knowledge = _files_and_knowledge(config, targets, whole=whole)
    loaded = _datasheets(config, listing, whole=whole)
    scan = _scan(config, listing, knowledge, loaded.paths)
    context = _context(config, knowledge, listing, loaded, scan, whole=whole)
    judged = _apply_rules(context)
    new, stale = _apply_baseline(context, judged.findings)
    findings = _on_changed_lines(config, new + _stale_baseline_findings(context, stale))
    baselined = len(judged.findings) - len(new)
    return _report(context, listing, scan, findings, judged, baselined)


def _files_and_knowledge(
    config: Config, targets: Sequence[Path], *, whole: bool
) -> tuple[git.Listing, Knowledge]:
    """The files to scan (from the work tree, or under --staged from git's index) and what
    the linter knows; git lists the files on another core while this one loads the knowledge."""
    if config.staged:
        # A partial run needs every datasheet too: git lists them in the same call.
        sheets = (
            [] if whole else datasheet_load.pathspecs(config.datasheets, config.datasheet_files)
        )
        listed = git.start_staged(config.root, targets, also=sheets)
    else:
        listed = git.start_files(config.root, targets, untracked=not config.tracked_only)
    try:
        knowledge = knowledge_for(config)
    except BaseException:
        with contextlib.suppress(Exception):
            listed()  # reap git; the knowledge's error is the one to report
        raise
    listing = listed()
    _check_allow(config, knowledge)
    return listing, knowledge


def _context(
    config: Config,
    knowledge: Knowledge,
    listing: git.Listing,
    loaded: datasheet_load.Loaded,
    scan: _Scan,
    *,
    whole: bool,
) -> Context:
    """What the rules read: the references, and the datasheets this run judges, validated,
    with their licences read once."""
    in_scope = frozenset(listing.paths)  # datasheet problems are reported where scanned
    coverage = Coverage.build(loaded.sheets, knowledge)
    # A card's body names the dataset it describes: that is no use of it.
    references = tuple(
        r
        for r in scan.references
        if r.location.path not in loaded.paths
        or all(s.path != r.location.path for s in coverage.sheets_for(r.dataset))
    )
    # The datasheets this run reports on: all of them, or (a partial run) those it scans and
    # those covering a dataset the scanned files use. Only those are validated and judged.
    relevant = {s.path for s in loaded.sheets if whole or s.path in in_scope}
    if not whole:
        for dataset in {r.dataset for r in references}:
            relevant.update(s.path for s in coverage.sheets_for(dataset))
    datasheet_load.validate_sheets(loaded, relevant & in_scope)
    sheets = tuple(s for s in loaded.sheets if s.path in relevant)
    terms, readings = _licences(config, sheets)
    return Context(
        config=config,
        knowledge=knowledge,
        references=references,
        suppressions=tuple(scan.suppressions),
        model_cards=tuple(scan.model_cards),
        datasheets=sheets,
        problems=tuple(p for p in loaded.problems if p.location.path in in_scope),
        coverage=coverage,
        readings=readings,
        terms=terms,
        schema=_datasheet_schema(sheets),
        selected=frozenset(code for code in RULES if triage.selected(code, config)),
        whole_repository=whole,
        scanned_paths=in_scope,
    )


def _licences(
    config: Config, sheets: Sequence[Datasheet]
) -> tuple[Table | None, tuple[Reading, ...]]:
    """The terms table and each datasheet's licence reading (none without datasheets: the
    licence modules, the table's among them, then stay unloaded)."""
    if not sheets:
        return None, ()
    from datasheet_lint.licences.reading import read_all

    return read_all(sheets, config.use, config.activities)


def _datasheet_schema(sheets: Sequence[Datasheet]) -> Mapping[str, Any]:
    """The datasheet schema, for DSL206's recommended fields (empty without datasheets)."""
    if not sheets:
        return {}
    from datasheet_lint.datasheets import validate

    return validate.schema()


class _Judged:
    """What the rules found, for the report. A plain class, as _Scan is: creating a frozen
    dataclass's class is paid on every run, for one instance read in one place
    (docs/performance.md)."""

    def __init__(
        self, findings: list[Finding], suppressed: int, hidden: tuple[Suppressed, ...]
    ) -> None:
        self.findings = findings  # both rounds, settings and inline suppressions applied
        self.suppressed = suppressed  # first-round findings settings or suppressions removed
        self.suppressed_findings = hidden  # those findings, and what hid each


def _apply_rules(context: Context) -> _Judged:
    """Run the selected rules in two rounds and apply the settings and inline suppressions."""
    config, blocklist = context.config, context.blocklist
    # First round: the rules about the repository's data.
    raw = [f for rule in _selected(context, meta=False) for f in rule.check(context)]
    configured = triage.configured(raw, config, blocklist)
    reported = triage.unsuppressed(configured, context.suppressions)
    # Second round: the rules about the linter's own suppressions. Their findings are
    # recorded in the baseline like any other, so 'baseline' then 'check' is clean.
    second = replace(context, findings=tuple(configured))
    meta = [f for rule in _selected(second, meta=True) for f in rule.check(second)]
    judged = reported + triage.configured(meta, config, blocklist)
    hidden = triage.suppressed(raw, configured, reported, config, blocklist, context.suppressions)
    return _Judged(judged, len(raw) - len(reported), hidden)


def _selected(context: Context, *, meta: bool) -> list[Rule]:
    """The selected rules of one round; the baseline's own rule runs after the baseline."""
    return [
        rule
        for rule in RULES.values()
        if rule.code in context.selected and rule.meta == meta and rule.code != STALE
    ]


def _apply_baseline(context: Context, judged: list[Finding]) -> tuple[list[Finding], list[Entry]]:
    """The findings the baseline does not hold, and its entries that nothing matched."""
    entries = _baseline_entries(context.config, context.selected)
    if not entries:
        return judged, []
    from datasheet_lint import baseline

    new, stale = baseline.apply(judged, entries)
    # A partial run (some paths, --staged files) judges only the entries of the files it
    # scanned: an entry elsewhere is not stale because this run did not look.
    # Nor is an entry of a nested project's file: that project's own run judges it.
    in_scope, config = context.scanned_paths, context.config
    return new, [
        e
        for e in stale
        if (context.whole_repository or e.path in in_scope)
        and not _in_nested_project(config, e.path)
    ]


def _stale_baseline_findings(context: Context, stale: list[Entry]) -> list[Finding]:
    """Last: the baseline's own rule, on the entries that nothing matched."""
    if STALE not in context.selected or not stale:
        return []
    found = RULES[STALE].check(replace(context, stale_baseline=tuple(stale)))
    return triage.configured(list(found), context.config, context.blocklist)


def _on_changed_lines(config: Config, findings: list[Finding]) -> list[Finding]:
    """With ``--diff``, only the findings on lines the diff changed (and the baseline's)."""
    if config.diff is None:
        return findings
    changed = git.changed_lines(config.root, config.diff, staged=config.staged)
    return triage.on_changed_lines(findings, changed, keep=config.baseline)


def _report(
    context: Context,
    listing: git.Listing,
    scan: _Scan,
    findings: list[Finding],
    judged: _Judged,
    baselined: int,
) -> Report:
    """The report: what was scanned and found, and the datasets the references name."""
    config, knowledge = context.config, context.knowledge
    notes = listing.notes
    if not listing.git:
        notes += (".gitignore is not applied: not inside a git work tree",)
    top = git.git_dir_above(config.root)
    prefix = (
        "" if top is None or top == config.root else config.root.relative_to(top).as_posix() + "/"
    )
    return Report(
        root=str(config.root),
        files_scanned=scan.scanned,
        references=context.references,
        findings=triage.ordered(findings),
        skipped=tuple(scan.skipped),
        suppressed=judged.suppressed,
        suppressed_findings=judged.suppressed_findings,
        baselined=baselined,
        notes=notes,
        repository_prefix=prefix,
        datasets=tuple(
            dataclasses.replace(knowledge.describe(i), datasheet=_covering(context.coverage, i))
            for i in sorted({r.dataset for r in context.references})
        ),
        blocklist_version=knowledge.blocklist.data_version,
        blocklist_updated=knowledge.blocklist.updated,
    )


def _in_nested_project(config: Config, path: str) -> bool:
    return any(path.startswith(folder + "/") for folder in config.nested_projects)


def _check_allow(config: Config, knowledge: Knowledge) -> None:
    """Every ``allow`` entry names a dataset that exists: a misspelt one would allow nothing,
    and the finding it was meant for would be blamed on the code, not on the setting."""
    for allow in config.allow:
        wanted = allow.dataset
        if knowledge.blocklist.get(wanted) or wanted in knowledge.catalogue.datasets:
            continue
        if ":" in wanted:  # a source-qualified id (hf:org/name, local:path): any name is valid
            continue
        close = knowledge.known(wanted, whole=True)
        if close is None:
            import difflib  # only a mistake needs it

            ids = [*knowledge.blocklist.datasets, *knowledge.catalogue.datasets]
            found = difflib.get_close_matches(wanted.lower(), ids, n=1)
            close = found[0] if found else None
        hint = f"did you mean '{close}'?" if close else "'datasheet-lint refs' lists dataset ids"
        raise UserError(
            f"'allow': unknown dataset {wanted!r} (not a dataset id)",
            location=config.source,
            hint=hint,
        )


def _covering(coverage: Coverage, dataset_id: str) -> str:
    sheets = coverage.sheets_for(dataset_id)
    return sheets[0].path if sheets else ""


def project_datasheets(config: Config) -> tuple[Datasheet, ...]:
    """Every datasheet in the project, read from the work tree, whatever a run scans.

    ``bom`` describes each dataset from its datasheet; a run's Report carries only the
    datasets, so the inventory reads the datasheets the way a partial run finds them.
    """
    patterns = datasheet_load.pathspecs(config.datasheets, config.datasheet_files)
    listing = git.list_matching(config.root, patterns, untracked=not config.tracked_only)
    return tuple(_datasheets(config, listing, whole=True).sheets)


def knowledge_for(config: Config) -> Knowledge:
    """The shipped knowledge plus the project's own blocklists."""
    blocklist = blocklist_module.load([(config.root / p, p) for p in config.blocklists])
    return Knowledge.build(blocklist, catalogue_module.builtin())


def missing_datasheets(config: Config, targets: Sequence[Path]) -> dict[str, tuple[str, ...]]:
    """The datasets that DSL201 reports (no datasheet), in the order check reports them, each
    with the whole ids its readable id stands for (a download's addresses; else none).

    Inline suppressions and per-file ignores of DSL201 are respected; the baseline and
    ``select`` are not: ``init --missing`` is asked for exactly these.
    """
    only = dataclasses.replace(config, select=("DSL201",), ignore=(), diff=None, use_baseline=False)
    report = run(only, targets)
    missing = dict.fromkeys(f.dataset for f in report.findings if f.code == "DSL201")
    sources: dict[str, set[str]] = {}
    for ref in report.references:
        if ref.source and ref.dataset in missing:
            sources.setdefault(ref.dataset, set()).add(ref.source)
    return {dataset: tuple(sorted(sources.get(dataset, ()))) for dataset in missing}


def dataset_for(argument: str, knowledge: Knowledge) -> str:
    """The canonical id for ``init``'s argument: an id, a name, or ``library:name``."""
    text = argument.strip()
    if not text:
        raise UserError("the dataset name is empty")
    if knowledge.blocklist.get(text) or text in knowledge.catalogue.datasets:
        return text
    source, sep, name = text.partition(":")
    if sep and name and not name.startswith("//"):
        resolved = knowledge.resolve(source, name)
        if resolved is not None:
            return resolved
    return knowledge.known(text, whole=True) or text
