"""DSL2xx: every dataset the repository uses has one valid, complete datasheet."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from datasheet_lint.datasheets.match import NAME
from datasheet_lint.datasheets.model import Datasheet, is_todo
from datasheet_lint.models import Finding, Severity
from datasheet_lint.rules._common import by_dataset, elsewhere, used_references
from datasheet_lint.rules.registry import Context, finding, rule


def init_argument(dataset_id: str) -> str:
    """What to pass to ``datasheet-lint init`` for a dataset id (quoted if the shell needs it)."""
    return dataset_id if all(c.isalnum() or c in "._-:/" for c in dataset_id) else repr(dataset_id)


def display_name(ctx: Context, dataset_id: str) -> str:
    described = ctx.knowledge.describe(dataset_id)
    return described.name if described.origin != "unresolved" else dataset_id


def _problems(ctx: Context, kind: str, code: str) -> Iterator[Finding]:
    """One finding per problem of a kind found while loading the datasheet files."""
    for problem in ctx.problems:
        if problem.kind == kind:
            yield finding(
                code,
                problem.location,
                problem.message,
                hint=problem.hint,
                surface=problem.surface or problem.message,
            )


@rule("DSL201", "missing-datasheet")
def missing_datasheet(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each dataset that the repository loads, downloads, reads from a data path or names
    in a config, and that no datasheet covers. One finding per dataset, at its first
    reference, saying how many other places use it. Retracted datasets are reported by DSL101
    and DSL102 instead. Which reference kinds need a datasheet is the `require-datasheet`
    setting (default: load, url, path, config; a mention in prose does not).

    ## Why is this bad?
    A dataset without a datasheet is a dataset nobody on the team has looked at: who is in it,
    whether they consented, what the licence allows, whether it was withdrawn. Gebru et al.
    proposed datasheets so that these answers travel with the data.

    ## Example
    ```python
    train = load_dataset("ylecun/mnist", split="train")   # no datasheets/mnist.yaml
    ```

    ## How to fix
    Run `datasheet-lint init DATASET` (the hint names the exact argument), or
    `datasheet-lint init --missing` for all of them, then fill in the `TODO` fields. A
    datasheet covers a dataset when its `id`, an `aliases` entry or a `loaders` entry names it.

    ## References
    Gebru et al., "Datasheets for Datasets", Communications of the ACM 64(12), 2021
    (https://arxiv.org/abs/1803.09010).
    """
    coverage = ctx.coverage
    for dataset, refs in by_dataset(used_references(ctx)).items():
        if ctx.blocklist.get(dataset) is not None or coverage.sheets_for(dataset):
            continue
        first = refs[0]
        name = display_name(ctx, dataset)
        what = (
            f"'{first.surface}'"
            if first.surface.casefold() == name.casefold()
            else (f"'{first.surface}' ({name})")
        )
        yield finding(
            "DSL201",
            first.location,
            f"no datasheet for {what}{elsewhere(len(refs) - 1)}",
            dataset=dataset,
            hint=f"scaffold one: datasheet-lint init {init_argument(dataset)}",
            surface=dataset,
            reference=first,
        )


@rule("DSL202", "invalid-datasheet")
def invalid_datasheet(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each place where a datasheet breaks the datasheet schema
    (`schemas/datasheet.schema.json`): a missing required field, a value outside its list, a
    misspelt key, a wrong type. Each finding sits on the node itself and its hint is the
    schema's description of the field.

    ## Why is this bad?
    The rules read the datasheet's fields: a misspelt `licence:` or a `consent: yes` that is
    not one of the allowed answers is a question left unanswered, silently.

    ## Example
    ```yaml
    maintenance:
      status: live          # must be active, unmaintained, superseded, deprecated or retracted
    ```

    ## How to fix
    Follow the hint. Editors that read `# yaml-language-server: $schema=...` (the first line
    `datasheet-lint init` writes) complete and check fields as you type. Fields of your own
    start with `x-`.

    ## References
    JSON Schema draft-07 (https://json-schema.org/draft-07), the draft editors' YAML
    extensions read; the datasheet format in the README.
    """
    yield from _problems(ctx, "schema", "DSL202")


@rule("DSL203", "datasheet-syntax-error")
def datasheet_syntax_error(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet file that cannot be read: a YAML or JSON syntax error (with its line
    and column), a duplicate key, a YAML tag that would construct an object, nesting or alias
    expansion beyond the linter's limits, or a datasheet that is a symbolic link out of the
    project.

    ## Why is this bad?
    A datasheet that does not parse covers nothing: every rule that needs it is blind.
    Duplicate keys are an error because YAML parsers disagree on which value wins.

    ## Example
    ```yaml
    distribution:
      license: CC-BY-4.0
      license: CC-BY-NC-4.0      # duplicate key
    ```

    ## How to fix
    Fix the syntax at the reported position. Replace a symbolic link with the file itself.

    ## References
    YAML 1.2 (https://yaml.org/spec/1.2.2/), section 3.2.1.1 on unique keys.
    """
    yield from _problems(ctx, "syntax", "DSL203")


@rule("DSL204", "duplicate-datasheet")
def duplicate_datasheet(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet that claims a dataset another datasheet already claims: the same id,
    or names and loader ids that resolve to the same dataset (`mnist` and `ylecun/mnist`).
    The second file in path order is reported and the first is named.

    ## Why is this bad?
    Two datasheets for one dataset drift apart; the linter cannot tell which licence or status
    is the true one.

    ## Example
    ```text
    datasheets/mnist.yaml        id: mnist
    datasheets/ylecun-mnist.yaml loaders: {hf: ylecun/mnist}
    ```

    ## How to fix
    Merge them into one file. If they really are different datasets, give them ids and
    aliases that do not collide.

    ## References
    Gebru et al., "Datasheets for Datasets" (one datasheet per dataset).
    """
    coverage = ctx.coverage
    owner: dict[str, Datasheet] = {}
    reported = {s.path for s in ctx.datasheets}  # a partial run reports on some only
    for sheet in sorted(coverage.sheets, key=lambda s: s.path):
        clash = None
        for key in sorted(coverage.keys.get(sheet.path, ())):
            first = owner.get(key)
            if first is not None and first.path != sheet.path and clash is None:
                clash = (key, first)
        for key in coverage.keys.get(sheet.path, ()):
            owner.setdefault(key, sheet)
        if clash is not None and sheet.path in reported:
            key, first = clash
            shared = key.removeprefix(NAME)
            yield finding(
                "DSL204",
                sheet.location("id"),
                f"datasheet for '{sheet.name}' claims the same dataset as {first.path} "
                f"('{shared}')",
                hint="keep one datasheet per dataset: merge the two files",
                surface=first.path,
            )


@rule("DSL205", "orphan-datasheet", severity=Severity.WARNING)
def orphan_datasheet(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet for a dataset that nothing in the repository references (and that no
    other datasheet names in its lineage). Only a whole-repository run reports it: a run over
    some paths or the staged files cannot know.

    ## Why is this bad?
    Either the dataset is no longer used and the datasheet is stale, or the code reaches the
    dataset in a way the datasheet does not name (an alias or loader id is missing), so the
    checks that need the datasheet do not run.

    ## Example
    ```yaml
    id: cifar10        # but the code only loads CIFAR-100
    ```

    ## How to fix
    Delete the datasheet, or add the name the code uses to its `aliases` or `loaders`. A
    dataset repository's root `README.md` card is never an orphan: it describes the repository.

    ## References
    `datasheet-lint refs` lists every reference and the dataset it resolves to.
    """
    if not ctx.whole_repository:
        return
    coverage = ctx.coverage
    used = {r.dataset for r in ctx.references}
    for sheet in ctx.datasheets:
        for _index, parent, _relation in sheet.derived_from:
            used.add(parent)
            known = ctx.knowledge.known(parent, whole=True)
            used |= {known} if known else set()
    for sheet in ctx.datasheets:
        if any(coverage.covers(sheet, dataset) for dataset in used):
            continue
        if sheet.format == "hf-card" and "/" not in sheet.path:
            continue  # a dataset repository's own card: the repository is the dataset
        yield finding(
            "DSL205",
            sheet.location("id"),
            f"datasheet for '{sheet.name}' covers no dataset this repository references",
            hint="delete it, or add the name the code uses to 'aliases' or 'loaders'",
            surface=sheet.id,
        )


def _missing_recommended(schema: Mapping[str, Any], data: Any, path: str = "") -> Iterator[str]:
    """Dotted paths of recommended fields (``x-recommended`` in the schema) that are absent."""
    if not isinstance(data, Mapping):
        return
    for key in schema.get("x-recommended", ()):
        if key not in data:
            yield f"{path}{key}"
    for key, sub in (schema.get("properties") or {}).items():
        if isinstance(sub, Mapping) and key in data and "properties" in sub:
            yield from _missing_recommended(sub, data[key], f"{path}{key}.")


def _todos(sheet: Datasheet) -> list[tuple[str | int, ...]]:
    from datasheet_lint.datasheets import validate

    paths = list(validate.todo_paths(sheet.data))
    return sorted(paths, key=lambda p: sheet.location(*p).line)


@rule("DSL206", "incomplete-datasheet", severity=Severity.WARNING)
def incomplete_datasheet(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet that still holds `TODO` placeholders (the answers `datasheet-lint init`
    could not know; an error while a required field such as `distribution.license` or
    `composition.contains_people` is TODO, a warning otherwise), that lacks recommended fields
    (`homepage`, `citation`,
    `motivation.purpose`, ...; the schema lists them under `x-recommended`), or, for a dataset
    card or Croissant file, that lacks a required field its format cannot express.

    ## Why is this bad?
    A placeholder is a question nobody answered yet. The recommended fields are the ones a
    reader needs to judge the data: where it comes from, who made it, how to credit it.

    ## Example
    ```yaml
    collection:
      consent: TODO   # obtained, not-obtained, unknown or not-applicable
    ```

    ## How to fix
    Replace each `TODO` with the answer; `unknown` is an honest answer where the schema allows
    it. For a dataset card, add the missing fields under a `datasheet:` key in its front
    matter.

    ## References
    Gebru et al., "Datasheets for Datasets", section 3 (the questions).
    """
    yield from _problems(ctx, "incomplete", "DSL206")
    if not ctx.datasheets:
        return
    from datasheet_lint.datasheets import validate

    in_scope = {p.location.path for p in ctx.problems} | _scanned_sheets(ctx)
    for sheet in ctx.datasheets:
        if sheet.path not in in_scope:
            continue
        todos = _todos(sheet)
        required = [p for p in todos if validate.is_required(p, ctx.schema)]
        for group, severity, what in (
            (required, Severity.ERROR, "required field"),
            ([p for p in todos if p not in required], None, "field"),
        ):
            if not group:
                continue
            fields = [".".join(map(str, p)) for p in group]
            listed = ", ".join(fields[:5]) + (
                f" and {len(fields) - 5} more" if len(fields) > 5 else ""
            )
            plural = "s" if len(group) != 1 else ""
            yield finding(
                "DSL206",
                sheet.location(*group[0]),
                f"{len(group)} {what}{plural} still TODO: {listed}",
                hint="replace each TODO with the answer ('unknown' where the schema allows it)",
                surface=what,
                severity=severity,
            )
        if sheet.format != "yaml":
            continue
        missing = list(_missing_recommended(ctx.schema, sheet.data))
        missing = [m for m in missing if not _is_todo_at(sheet, m)]
        if missing:
            yield finding(
                "DSL206",
                sheet.location("id"),
                f"recommended field{'s' if len(missing) > 1 else ''} missing: {', '.join(missing)}",
                hint="the schema's description of each field says what to write",
                surface="recommended",
            )


def _is_todo_at(sheet: Datasheet, dotted: str) -> bool:
    return is_todo(sheet.get(*dotted.split(".")))


def _scanned_sheets(ctx: Context) -> set[str]:
    """Datasheets inside this run's scope: all of them on a whole-repository run."""
    if ctx.whole_repository:
        return {s.path for s in ctx.datasheets}
    return set(ctx.scanned_paths)
