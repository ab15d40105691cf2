"""The command line: the only module that prints, and the one place exit codes are decided.

Exit codes: 0 nothing at the failing level, 1 findings at or above it, 2 usage, configuration
or internal error (never a traceback unless --debug).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from datasheet_lint import __version__
from datasheet_lint.errors import FileError, UserError
from datasheet_lint.models import Report, Severity
from datasheet_lint.report import FORMATS, STYLES
from datasheet_lint.terminal import encodable, printable

if TYPE_CHECKING:
    from datasheet_lint.config import Config
    from datasheet_lint.knowledge.blocklist import Blocklist

F = TypeVar("F", bound=Callable[..., Any])
FAIL_AT = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


def _version_text() -> str:
    from datasheet_lint.knowledge import blocklist, catalogue

    data = blocklist.builtin()
    known = catalogue.builtin()
    return (
        f"datasheet-lint {__version__} (blocklist {data.data_version} of {data.updated}, "
        f"catalogue {known.data_version})"
    )


def _print_error(err: UserError) -> None:
    where = f"{err.location}: " if err.location else ""
    click.echo(printable(f"datasheet-lint: error: {where}{err.message}"), err=True)
    if err.hint:
        click.echo(printable(f"  hint: {err.hint}"), err=True)


def handles_errors(command: F) -> F:
    """UserError -> one clear message and exit 2; anything else -> a bug report line, exit 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return command(*args, **kwargs)
        except UserError as err:
            _print_error(err)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (| head): nothing more to say to it
            _discard(sys.stdout)
            sys.exit(1)
        except Exception as err:  # a bug: say so briefly, show the traceback only on request
            if debug:
                import traceback

                traceback.print_exc()
            cause = err.__cause__ if isinstance(err, FileError) and err.__cause__ else err
            where = f" while processing {printable(err.path)}" if isinstance(err, FileError) else ""
            click.echo(
                printable(
                    f"datasheet-lint: internal error{where}: {type(cause).__name__}: {cause}"
                    " (a bug: please report it with the command you ran; --debug shows the "
                    "traceback)"
                ),
                err=True,
            )
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit(0)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and the blocklist's data version.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def cli(debug: bool) -> None:
    """Find the datasets a repository uses and flag retracted ones."""


def _use_colour(choice: str) -> bool:
    """--color, then NO_COLOR (no-color.org), then FORCE_COLOR (CI logs that render colour
    though they are no terminal), then whether standard output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = FAIL_AT[fail_on]
    return 1 if any(f.severity >= threshold for f in report.findings) else 0


def _split_codes(values: Sequence[str], option: str) -> tuple[str, ...] | None:
    """The codes of a comma-separated option; each must match a rule (exit 2 otherwise)."""
    from datasheet_lint import selectors

    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return selectors.checked(codes, option) if codes else None


def _run(paths: Sequence[str], config_file: str | None, **overrides: Any) -> tuple[Report, Config]:
    """Run each project the paths belong to with its own settings; one merged report.

    With several projects the returned settings are the first project's, with a ``fail_on``
    that gives the exit code the projects' own ``fail-on`` levels decide together.
    """
    from datasheet_lint import engine, projects

    untracked = not overrides.get("tracked_only")
    planned = projects.plan(paths, Path(config_file) if config_file else None, untracked=untracked)
    results = []
    for project in planned:
        settings = project.config.with_overrides(**overrides)
        results.append(
            (dataclasses.replace(project, config=settings), engine.run(settings, project.targets))
        )
    report = projects.merged(results)
    first = results[0][0].config
    if len(results) == 1:
        return report, first
    fails = projects.failing(results, FAIL_AT)
    return report, dataclasses.replace(first, fail_on="info" if fails else "never")


PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=str))
CONFIG = click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="Read settings from FILE instead of the project's own.",
)

FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
CHECK_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for dashboards, sarif for code scanning, github for "
    "workflow annotations, gitlab for Code Quality.",
)


@cli.command()
@PATHS
@CONFIG
@CHECK_FORMAT
@click.option(
    "--output",
    "output_files",
    multiple=True,
    metavar="[FORMAT=]FILE",
    help="Write the report to FILE (atomically), in FORMAT or else in --format's; repeat it "
    "to write several formats from one scan (--output sarif=a.sarif --output json=a.json). "
    "Standard output then shows only the summary; with FORMAT=FILE forms only, a --format "
    "given too still prints its report there.",
)
@click.option(
    "--output-format",
    "style",
    type=click.Choice(STYLES),
    default="concise",
    show_default=True,
    help="Text style: concise gives each finding one line and each dataset's evidence once, "
    "at the end; full gives the evidence and the hint under every finding.",
)
@click.option(
    "--statistics", is_flag=True, help="Print counts by rule and by dataset, not the findings."
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print the findings only: no hints, notes or summary."
)
@click.option("--no-hints", is_flag=True, help="Do not print how to fix each finding.")
@click.option(
    "--staged",
    is_flag=True,
    help="Check the content staged in git's index, not the working tree (for pre-commit).",
)
@click.option(
    "--diff",
    "diff_ref",
    metavar="REF",
    help="Report only findings on lines changed since REF (for pull requests).",
)
@click.option("--no-baseline", is_flag=True, help="Report findings the baseline records, too.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rule codes, prefixes or names (comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rule codes, prefixes or names (comma-separated).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that makes the exit code 1 [default: error].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--color",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, or when FORCE_COLOR is set and "
    "NO_COLOR is not).",
)
@click.option(
    "--tracked-only",
    is_flag=True,
    help="In a git work tree, skip untracked files (what a commit holds; for pre-commit).",
)
@click.option("-v", "--verbose", is_flag=True, help="Also list skipped files and why.")
@handles_errors
def check(
    paths: tuple[str, ...],
    config_file: str | None,
    output_format: str,
    output_files: tuple[str, ...],
    style: str,
    statistics: bool,
    quiet: bool,
    no_hints: bool,
    staged: bool,
    diff_ref: str | None,
    no_baseline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    colour: str,
    tracked_only: bool,
    verbose: bool,
) -> None:
    """Scan PATHS (default: the current folder) and report retracted datasets.

    Inside a git work tree, tracked and untracked-but-not-ignored files are scanned (with
    --staged: the index). Nothing is written, except the reports --output names.
    """
    from datasheet_lint import outputs as outputs_module
    from datasheet_lint.report import text as text_report

    targets = outputs_module.parse(output_files, output_format)
    report, settings = _run(
        paths or (".",),
        config_file,
        select=_split_codes(select, "--select"),
        ignore=_split_codes(ignore, "--ignore"),
        fail_on=fail_on,
        tracked_only=tracked_only or None,
        staged=staged or None,
        diff=diff_ref,
        use_baseline=False if no_baseline else None,
        outputs=tuple(target.path for target in targets) or None,
    )
    if not quiet:
        for note in report.notes:
            click.echo(printable(f"datasheet-lint: note: {note}"), err=True)
    # Files whose text went unread are always named; binary files and links under --verbose.
    for skipped in report.skipped:
        if verbose or skipped.unread:
            what = "scanned in part" if skipped.partial else "skipped"
            message = f"datasheet-lint: {what} {skipped.path}: {skipped.reason}"
            click.echo(printable(message), err=True)
    for target in targets:
        outputs_module.write(report, target, settings.root, style=style)
    explicit = click.get_current_context().get_parameter_source("output_format")
    # With --output, standard output shows the summary; a --format given too (and not used
    # by a plain --output FILE) still prints its report there: one scan feeds CI.
    to_stdout = not targets or (
        explicit is click.core.ParameterSource.COMMANDLINE
        and all(target.named for target in targets)
    )
    painted = _use_colour(colour)
    if statistics:
        buffer = io.StringIO()
        text_report.render_statistics(report, buffer)
        buffer.write(text_report.summary(report) + "\n")
        click.echo(encodable(buffer.getvalue()), nl=False)
    elif to_stdout:
        text = outputs_module.rendered(
            report, output_format, colour=painted, hints=not no_hints, style=style, quiet=quiet
        )
        click.echo(encodable(text), nl=False, color=painted)
    elif not quiet:
        written = ", ".join(str(target.path) for target in targets)
        click.echo(f"{text_report.summary(report)} Report written to {written}.")
    formats = {target.format for target in targets} | ({output_format} if to_stdout else set())
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if "github" in formats and summary_file:
        outputs_module.append_step_summary(report, Path(summary_file))
    code = _exit_code(report, settings.fail_on)
    advice = text_report.adoption(report) if code == 1 and not report.baselined else ""
    if advice and not quiet:  # after the text report; beside any other format, not in it
        in_text = statistics or (to_stdout and output_format == "text")
        click.echo(advice, err=not in_text)
    sys.exit(0 if exit_zero else code)


@cli.command()
@PATHS
@CONFIG
@FORMAT
@handles_errors
def refs(paths: tuple[str, ...], config_file: str | None, output_format: str) -> None:
    """List every dataset reference under PATHS, grouped by dataset (no rules; exit 0)."""
    from datasheet_lint.report import refs as refs_report

    report, _ = _run(paths or (".",), config_file)
    buffer = io.StringIO()
    render = refs_report.render_json if output_format == "json" else refs_report.render_text
    render(report, buffer)
    click.echo(encodable(buffer.getvalue()), nl=False)


@cli.command()
@PATHS
@CONFIG
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["spdx3-jsonld", "cyclonedx-json", "training-data-summary"]),
    required=True,
    help="spdx3-jsonld: SPDX 3.0.1 (Dataset and AI profiles); cyclonedx-json: CycloneDX 1.7; "
    "training-data-summary: a Markdown draft of the EU AI Act's public summary of training "
    "content (AI Office template).",
)
@click.option(
    "--output",
    "output_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the BOM to FILE (atomically) instead of printing it.",
)
@handles_errors
def bom(
    paths: tuple[str, ...], config_file: str | None, output_format: str, output_file: Path | None
) -> None:
    """Write a bill of materials of the datasets and models PATHS use (needs the 'bom' extra),
    or a draft of the EU AI Act's public summary of training content (needs no extra).

    One element per dataset, described from its datasheet, the catalogue and the blocklist;
    a dataset without a datasheet is listed and marked as lacking one. The creation time is
    SOURCE_DATE_EPOCH when set, so the same repository state gives the same bytes.
    """
    from datasheet_lint import engine
    from datasheet_lint.bom import write

    # One project's inventory, described from its own datasheets (projects.py's merged runs
    # are for check and refs).
    settings, targets = engine.load_config(
        paths or (".",), Path(config_file) if config_file else None
    )
    report = engine.run(settings, targets)
    text = write.render(report, settings, output_format)
    if output_file is None:
        click.echo(encodable(text), nl=False)
        return
    from datasheet_lint import atomic

    inside = output_file.absolute().is_relative_to(settings.root)
    atomic.write_text(output_file, text, overwrite=True, root=settings.root if inside else None)
    what = "draft" if output_format == "training-data-summary" else "bill of materials"
    click.echo(f"Wrote {output_file}: a {output_format} {what}.", err=True)


@cli.command("baseline")
@PATHS
@CONFIG
@click.option("--update", is_flag=True, help="Replace the existing baseline file.")
@handles_errors
def write_baseline(paths: tuple[str, ...], config_file: str | None, update: bool) -> None:
    """Record today's findings so that check reports only new ones.

    Writes .datasheet-lint-baseline.json (or the `baseline` setting) at the project root,
    atomically; an existing baseline is replaced only with --update.
    """
    from datasheet_lint import atomic, engine, projects
    from datasheet_lint import baseline as baseline_module

    planned = projects.plan(
        paths or (".",), Path(config_file) if config_file else None, untracked=True
    )
    for project in planned:  # each project keeps its own baseline, with its own paths
        settings = project.config.with_overrides(use_baseline=False)
        report = engine.run(settings, project.targets)
        text = baseline_module.render(report.findings)
        target = settings.root / settings.baseline
        shown = settings.baseline if len(planned) == 1 else str(target)
        atomic.write_text(target, text, overwrite=update, display=shown, root=settings.root)
        entries = text.count('"surface_hash"')
        click.echo(
            f"Wrote {shown}: {entries} entr{'y' if entries == 1 else 'ies'} for "
            f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}. "
            "check now reports only findings it does not hold."
        )


@cli.command()
@click.argument("datasets", nargs=-1)
@click.option("--missing", is_flag=True, help="Write one for each dataset check reports as DSL201.")
@click.option("--dry-run", is_flag=True, help="Print what would be written; write nothing.")
@click.option("--path", "scan_path", default=".", show_default=True, help="The project to scan.")
@CONFIG
@handles_errors
def init(
    datasets: tuple[str, ...],
    missing: bool,
    dry_run: bool,
    scan_path: str,
    config_file: str | None,
) -> None:
    """Write a datasheet for each DATASET (an id, a name, or library:name such as
    hf:org/name), or with --missing for every dataset that lacks one.

    Known datasets are prefilled from the shipped catalogue and blocklist; what only a person
    can answer is left as TODO. Files go to the datasheets folder (the `datasheets` setting),
    are written atomically, and are never overwritten.
    """
    from datasheet_lint import atomic, engine
    from datasheet_lint.datasheets.scaffold import scaffold

    if not datasets and not missing:
        raise UserError("name a dataset, or pass --missing", hint="datasheet-lint init hf:org/name")
    settings, targets = engine.load_config([scan_path], Path(config_file) if config_file else None)
    knowledge = engine.knowledge_for(settings)
    wanted: dict[str, tuple[str, ...]] = {engine.dataset_for(d, knowledge): () for d in datasets}
    if missing:
        for dataset, sources in engine.missing_datasheets(settings, targets).items():
            wanted[dataset] = wanted.get(dataset) or sources
    folder = settings.root / settings.datasheets
    plans = [scaffold(d, knowledge, sources) for d, sources in wanted.items()]
    taken = [
        p for p in plans if (folder / p.filename).exists() or (folder / p.filename).is_symlink()
    ]
    if taken and not missing:
        names = ", ".join(f"{settings.datasheets}/{p.filename}" for p in taken)
        raise UserError(
            f"datasheet exists; not overwriting it: {names}",
            hint="edit the existing file, or delete it first",
        )
    if not plans:
        click.echo("Every referenced dataset has a datasheet; nothing to write.")
        return
    for plan in plans:
        shown = f"{settings.datasheets}/{plan.filename}"
        if plan in taken:
            click.echo(f"Kept {shown}: it exists (a datasheet with that file name).")
            continue
        if dry_run:
            click.echo(f"Would write {shown} for {plan.dataset}:")
            click.echo(encodable(plan.text))
            continue
        atomic.refuse_links(settings.root, folder, display=settings.datasheets)
        if not folder.is_dir():
            if folder.exists() or folder.is_symlink():
                raise UserError("is not a folder", location=settings.datasheets)
            try:
                folder.mkdir(parents=True)
            except OSError as err:
                raise UserError(
                    f"cannot create: {err.strerror or err}", location=settings.datasheets
                ) from None
        atomic.write_text(folder / plan.filename, plan.text, display=shown, root=settings.root)
        todos = plan.text.count(": TODO") + plan.text.count('"TODO')
        plural = "s" if todos != 1 else ""
        click.echo(f"Wrote {shown} for {plan.dataset}: {todos} TODO field{plural} to fill in.")


@cli.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown renders every rule's documentation (docs/rules.md is generated from it).",
)
@handles_errors
def list_rules(output_format: str) -> None:
    """List the rules with their codes, names and default severities."""
    from datasheet_lint.report import rules_doc
    from datasheet_lint.rules import RULES

    if output_format == "markdown":
        click.echo(rules_doc.markdown(RULES.values()), nl=False)
        return
    if output_format == "json":
        import json

        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.label, "summary": r.summary}
            for r in RULES.values()
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for rule in RULES.values():
        click.echo(f"{rule.code}  {rule.name:<22} {rule.severity.label:<8} {rule.summary}")


@cli.command()
@click.argument("code")
@handles_errors
def explain(code: str) -> None:
    """Print a rule's documentation (CODE such as DSL101, or its name)."""
    from datasheet_lint.rules import RULES, lookup

    found = lookup(code)
    if found is None:
        raise UserError(f"unknown rule {code!r}", hint=f"known rules: {', '.join(RULES)}")
    click.echo(f"# {found.code} {found.name} (default severity: {found.severity.label})\n")
    click.echo(found.doc)


SCHEMAS = ("datasheet", "blocklist")


@cli.command("schema")
@click.argument("name", type=click.Choice(SCHEMAS), default="datasheet")
@click.option("--path", "show_path", is_flag=True, help="Print the installed file's path.")
@handles_errors
def show_schema(name: str, show_path: bool) -> None:
    """Print the JSON Schema (draft-07) of a datasheet or a blocklist, as installed.

    For editors without network access: point the `$schema=` line of a datasheet at the file
    `--path` prints. It is the schema `check` validates with, of the installed version.
    """
    from datasheet_lint import yamlio

    file_name = f"{name}.schema.json"
    if not show_path:
        click.echo(json.dumps(yamlio.schema(file_name), indent=2))
        return
    path = yamlio.schema_path(file_name)
    if path is None:
        raise UserError(
            f"the {name} schema is inside the installed package, not a file on disk",
            hint=f"write it to one: datasheet-lint schema {name} > {file_name}",
        )
    click.echo(str(path))


def _project_blocklist() -> Blocklist:
    """The shipped blocklist plus the blocklist files of the project around this folder."""
    from datasheet_lint import engine
    from datasheet_lint.knowledge import blocklist as blocklist_module

    settings, _ = engine.load_config(["."])
    extra = [(settings.root / path, path) for path in settings.blocklists]
    return blocklist_module.load(extra)


@cli.group(invoke_without_command=True)
@click.pass_context
@handles_errors
def blocklist(ctx: click.Context) -> None:
    """List the blocklist's entries (`blocklist show ID` for one, with its sources)."""
    if ctx.invoked_subcommand is not None:
        return
    data = _project_blocklist()
    click.echo(
        f"blocklist {data.data_version} of {data.updated}: "
        f"{len(data.entries())} entries, "
        f"{len(data.datasets) - len(data.entries())} derivatives\n"
    )
    for entry in data.entries():
        derived = len(data.derivatives_of(entry.id))
        when = entry.date or "date unknown"
        origin = "" if entry.origin == "builtin" else f"  [{entry.origin}]"
        click.echo(
            f"{entry.id:<26} {entry.status:<11} {when:<11} {entry.confidence:<7} "
            f"{derived:>2} {'derivative ' if derived == 1 else 'derivatives'}  {entry.name}{origin}"
        )


@blocklist.command("show")
@click.argument("dataset")
@handles_errors
def blocklist_show(dataset: str) -> None:
    """Print one entry (by id or any alias) with its derivatives, aliases and sources."""
    data = _project_blocklist()
    found = data.find(dataset)
    if found is None:
        raise UserError(
            f"no blocklist entry or alias {dataset!r}",
            hint="'datasheet-lint blocklist' lists the entries",
        )
    entry = data.parent_of(found)
    if found is not entry:
        click.echo(f"{found.id}: {found.name}, derived from {entry.id} ({found.relation})\n")
    click.echo(f"{entry.id}: {entry.name}")
    click.echo(
        f"  status:      {entry.status} ({entry.date or 'date unknown'}) by {entry.acted_by}"
    )
    click.echo(f"  summary:     {entry.summary}")
    click.echo(f"  replacement: {entry.replacement or 'none named'}")
    click.echo(f"  confidence:  {entry.confidence}; findings are {entry.default_severity.label}s")
    names = sorted({a.value for a in data.aliases if a.dataset == entry.id})
    click.echo(f"  names:       {', '.join(names)}")
    click.echo("  sources:")
    for source in entry.sources:
        click.echo(f"    - {source.url}\n      {source.says}")
    derivatives = data.derivatives_of(entry.id)
    if derivatives:
        click.echo("  derivatives:")
        for child in derivatives:
            aliases = sorted({a.value for a in data.aliases if a.dataset == child.id})
            click.echo(f"    - {child.id}: {child.name} ({child.relation})")
            if aliases:
                click.echo(f"      names: {', '.join(aliases)}")


@cli.command("catalogue")
@click.argument("words", nargs=-1, metavar="[QUERY] | show ID")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@handles_errors
def catalogue_command(words: tuple[str, ...], output_format: str) -> None:
    """List or search the catalogue (by id, name, alias, loader id or URL); `catalogue show
    ID` prints one entry: names, loader ids, URLs, licence with its source, confidence, and
    whether it is curated or from a registry (which version)."""
    from datasheet_lint.knowledge import catalogue as catalogue_module
    from datasheet_lint.knowledge import listing

    document = catalogue_module.shipped_document()
    generated = catalogue_module.registry_document()
    listed = listing.entries(document, generated)
    if len(words) == 2 and words[0] == "show":
        found = listing.find(listed, words[1])
        if found is None:
            close = listing.closest(listed, words[1])
            hint = (
                f"did you mean '{close}'?" if close else "'datasheet-lint catalogue QUERY' searches"
            )
            raise UserError(f"no catalogue entry {words[1]!r}", hint=hint)
        shown = [found]
    elif len(words) > 1:
        raise UserError(
            f"unexpected arguments: {' '.join(words)}",
            hint="datasheet-lint catalogue [QUERY], or datasheet-lint catalogue show ID",
        )
    else:
        shown = listing.search(listed, words[0]) if words else listed
    if output_format == "json":
        click.echo(listing.to_json(shown))
    elif len(words) == 2:
        click.echo("\n".join(listing.details(shown[0])))
    else:
        click.echo(
            f"catalogue {document['data_version']}: {len(shown)} of {len(listed)} datasets\n"
        )
        for entry in shown:
            click.echo(listing.line(entry))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status, as pre-commit-hooks' ``main`` does.

    The console script and ``python -m datasheet_lint`` pass the status to ``sys.exit``, so
    the interpreter ends normally (``atexit`` handlers run) and a test can call ``main``
    in-process and see the status.
    """
    code = 0
    try:  # click's standalone mode ends every command with SystemExit
        cli.main(args=list(argv) if argv is not None else None, prog_name="datasheet-lint")
    except SystemExit as done:
        code = _exit_status(done.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): nobody is reading
            code = code or 1
            _discard(stream)
    return code


def _discard(stream: TextIO) -> None:
    """Point a stream whose reader went away at the null device, so that the interpreter's
    own flush at exit does not fail again (the recipe of Python's documentation, "Note on
    SIGPIPE")."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):  # no file descriptor behind it (a test's StringIO)
        pass


def _exit_status(code: object) -> int:
    """What ``sys.exit(code)`` would make the process's status."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    click.echo(code, err=True)
    return 1
