"""DSL3xx: each dataset's declared licence against the repository's stated use and activities.

Not legal advice: the rules read licence terms from a table with sources
(``licences/terms.yaml``) and report where the stated use or an activity meets a term that
forbids or conditions it. Each message names the licence, the term, the stated use and the
source. docs/licences.md has the expected finding for every Creative Commons licence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from datasheet_lint.datasheets.model import Datasheet, is_todo
from datasheet_lint.knowledge.catalogue import CatalogueEntry
from datasheet_lint.models import Finding, Location, Severity
from datasheet_lint.rules._common import used_references
from datasheet_lint.rules.registry import Context, finding, rule

# The licence modules load only when a run has datasheets: a pre-commit hook on a repository
# without any pays nothing for them (and license-expression loads only for a declared licence).
if TYPE_CHECKING:
    from datasheet_lint.licences.evaluate import Verdict
    from datasheet_lint.licences.reading import Reading

SETTINGS_FILES = ("pyproject.toml", ".datasheet-lint.yaml", ".datasheet-lint.yml")
NOT_ADVICE = "This is not legal advice."


def _entry(ctx: Context, sheet: Datasheet) -> CatalogueEntry | None:
    """The catalogue's entry for the dataset a datasheet describes, if it records a licence."""
    if sheet.path not in ctx.coverage.keys:
        return None
    for dataset_id in sorted(ctx.coverage.canonical(sheet)):
        entry = ctx.knowledge.catalogue.datasets.get(dataset_id)
        if entry is not None and entry.sourced and entry.licence:
            return entry
    return None


def _make(code: str, reading: Reading, message: str, hint: str, severity: Severity) -> Finding:
    return finding(
        code,
        reading.location,
        message,
        dataset=reading.sheet.id,
        hint=hint,
        severity=severity,
        surface=reading.surface,
    )


def _worst(verdicts: Sequence[Verdict]) -> Severity:
    return max(v.severity for v in verdicts)


def _acts(verdicts: Sequence[Verdict]) -> str:
    return ", ".join(dict.fromkeys(v.activity for v in verdicts if v.activity))


def _unknown_severity(reading: Reading) -> Severity:
    return Severity.ERROR if reading.use == "commercial" else Severity.WARNING


@rule("DSL300", "use-not-stated", severity=Severity.WARNING)
def use_not_stated(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a repository that uses datasets (the references that need a datasheet, retracted
    datasets aside) but does not say whether its work is commercial or academic.

    ## Why is this bad?
    What a dataset's licence allows depends on the use: a non-commercial (NC) licence is fine
    for a thesis and a problem for a product. Without a stated use the licence rules cannot
    tell which of the repository's datasets it may use.

    ## Example
    A repository that loads `load_dataset("tatsu-lab/alpaca")` with no `use` in its settings.

    ## How to fix
    Add `use = "commercial"` or `use = "academic"` (non-commercial research and teaching) under
    `[tool.datasheet-lint]` in pyproject.toml, or `use: academic` in `.datasheet-lint.yaml`; add
    `activities` if the repository does more than `train` and `evaluate`.

    ## References
    docs/licences.md. This is not legal advice.
    """
    if ctx.config.use is not None:
        return
    # The datasets whose licence matters: those DSL201 would ask a datasheet for. A retracted
    # dataset is reported whatever the use, so it alone does not ask for one.
    used = [r for r in used_references(ctx) if ctx.blocklist.get(r.dataset) is None]
    if not used:
        return
    source = ctx.config.source
    first = min(used, key=lambda r: (r.location.path, r.location.line, r.location.column))
    location = Location(source, 1, 1) if source in SETTINGS_FILES else first.location
    count = len({r.dataset for r in used})
    message = (
        f"this repository references {count} dataset{'s' if count != 1 else ''} but states no "
        "use, so their licences cannot be checked against it"
    )
    hint = 'state it: use = "commercial" or "academic" under [tool.datasheet-lint]'
    yield finding("DSL300", location, message, hint=hint, surface="use")


@rule("DSL301", "invalid-licence")
def invalid_licence(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet licence that is not a valid SPDX expression (free text such as
    `CC BY-NC 4.0`, an unknown id, broken syntax), with the SPDX id it most likely means, and a
    deprecated SPDX id (as a warning) with its replacement.

    ## Why is this bad?
    A licence the linter cannot read is a licence it cannot check: free-text names are
    ambiguous (`CC-BY-NC` has no version, and versions differ), and tools that read SPDX
    (scanners, SBOMs, Hugging Face) cannot read them either.

    ## Example
    ```yaml
    distribution:
      license: CC BY-NC 4.0      # not an SPDX id: CC-BY-NC-4.0
    ```

    ## How to fix
    Write the SPDX id (https://spdx.org/licenses/) or an SPDX expression (`MIT OR CC-BY-4.0`).
    For a dataset's own terms write `LicenseRef-<name>` with `license_url` and
    `distribution.terms`.

    ## References
    SPDX License List and expression syntax (https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/).
    This is not legal advice.
    """
    table = ctx.terms
    if not ctx.datasheets or table is None:  # nothing to judge: the licence modules stay unloaded
        return
    from datasheet_lint.licences import spdx
    from datasheet_lint.licences.suggest import suggest

    for reading in ctx.readings:
        parsed = reading.parsed
        if isinstance(parsed, spdx.Malformed):
            message = f"licence '{parsed.text}' {parsed.reason}"
            hint = "write an SPDX expression such as CC-BY-4.0 or MIT OR CC-BY-SA-4.0"
            yield _make("DSL301", reading, message, hint, Severity.ERROR)
        if not isinstance(parsed, spdx.Expression):
            continue
        for leaf in parsed.unknown:
            advice = suggest(leaf.id, table)
            message = f"licence '{leaf.id}' is not an SPDX licence id: {advice}"
            hint = f"write {advice.id}" if advice.id else advice.note
            yield _make("DSL301", reading, message, hint, Severity.ERROR)
        for old, new in parsed.deprecated:
            message = (
                f"licence '{old}' is a deprecated SPDX id; write {new} instead "
                f"(source: {table.deprecated_source})"
            )
            yield _make("DSL301", reading, message, f"write {new}", Severity.WARNING)


@rule("DSL302", "unknown-licence")
def unknown_licence(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet whose licence is missing, `unknown`, `other` or `NOASSERTION`, or names
    a licence whose terms are not known: a `LicenseRef-` without `distribution.terms`, or an
    SPDX id that the terms table lacks. An error under `use = "commercial"`, a warning
    otherwise.

    ## Why is this bad?
    Data without a known licence is not free to use: by default all rights are reserved. A
    commercial product built on it is exposed; research use may rest on exceptions that differ
    by country.

    ## Example
    ```yaml
    distribution:
      license: LicenseRef-ImageNet-terms   # and no distribution.terms
    ```

    ## How to fix
    Find the licence or terms of use where the dataset is published and write them as an SPDX
    id, or as `LicenseRef-<name>` with `license_url` and `distribution.terms`
    (`commercial_use`, `derivatives`, `redistribution`, `attribution`, `research_only`).

    ## References
    Hugging Face licence ids (https://huggingface.co/docs/hub/repositories-licenses); SPDX
    `NOASSERTION`. This is not legal advice.
    """
    if not ctx.datasheets:  # nothing to judge: the licence modules stay unloaded
        return
    from datasheet_lint.licences import spdx

    for reading in ctx.readings:
        severity = _unknown_severity(reading)
        entry = _entry(ctx, reading.sheet)
        hint = "write the licence the dataset's source states"
        if entry is not None:
            hint += f"; the catalogue records {entry.licence} (source: {entry.licence_source})"
        if reading.parsed is None or isinstance(reading.parsed, spdx.Unstated):
            said = f"'{reading.parsed.text}'" if reading.parsed and reading.parsed.text else ""
            what = f"declares licence {said}, which states none" if said else "declares no licence"
            message = f"datasheet {what}; its terms are unknown under {reading.use_words}"
            yield _make("DSL302", reading, message, hint, severity)
            continue
        for verdict in reading.verdicts("DSL302"):
            if verdict.term == "commercial use not stated":
                message = (
                    f"licence '{verdict.licence}': distribution.terms does not say whether "
                    f"commercial use is allowed, and this repository states {reading.use_words} "
                    f"(source: {verdict.source})"
                )
            else:
                message = (
                    f"licence '{verdict.licence}' has no known terms: it is not in the terms "
                    f"table of datasheet-lint and the datasheet declares no distribution.terms; "
                    f"{reading.use_words}"
                )
            terms_hint = "declare distribution.terms (commercial_use, derivatives, attribution)"
            yield _make("DSL302", reading, message, terms_hint, verdict.severity)


@rule("DSL310", "non-commercial-licence")
def non_commercial_licence(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a dataset under a non-commercial licence (Creative Commons NC, or terms of access
    limited to research) in a repository that states `use = "commercial"`.

    ## Why is this bad?
    NC licences allow only uses "not primarily intended for or directed towards commercial
    advantage or monetary compensation" (CC BY-NC 4.0, section 1(i)). Training, evaluating or
    shipping a product with such data is outside the licence.

    ## Example
    ```yaml
    distribution:
      license: CC-BY-NC-4.0        # with use = "commercial" in pyproject.toml
    ```

    ## How to fix
    Use a dataset whose licence allows commercial use, or ask its creators for a commercial
    licence. If this work is not commercial after all, state `use = "academic"`. Under `OR`
    (`CC-BY-NC-4.0 OR MIT`) the permissive option is chosen for you and nothing is reported.

    ## References
    Creative Commons BY-NC 4.0 legal code (https://creativecommons.org/licenses/by-nc/4.0/legalcode);
    docs/licences.md. This is not legal advice: whether a use is commercial depends on the facts.
    """
    for reading in ctx.readings:
        verdicts = reading.verdicts("DSL310")
        for verdict in verdicts:
            message = (
                f"licence '{verdict.licence}' is {verdict.term} and this repository states "
                f"{reading.use_words} ({', '.join(reading.activities)}). Source: {verdict.source}"
            )
            hint = (
                "use a dataset licensed for commercial use, get a commercial licence from its "
                'creators, or state use = "academic" if this work is non-commercial'
            )
            yield _make("DSL310", reading, message, hint, verdict.severity)


@rule("DSL311", "no-derivatives")
def no_derivatives(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a dataset under a no-derivatives (ND) licence in a repository that fine-tunes,
    publishes a model or redistributes data with it (an error where the licence forbids what
    that makes or shares), or trains on it (a warning).

    ## Why is this bad?
    ND 1.0 to 3.0 grant no right to adapt the work; ND 4.0 allows adapted material to be made
    but not shared. Redistributed data is rarely verbatim (resized, filtered, tokenised), and a
    shared model may count as adapted material. Whether training alone needs permission is
    unsettled: Creative Commons says its licences' conditions apply only where copyright
    requires permission, which depends on the use and the place, so training is a warning.

    ## Example
    ```yaml
    distribution:
      license: CC-BY-ND-4.0
    uses:
      this_repository: [fine-tune, publish-model]
    ```

    ## How to fix
    Do not share what you adapt from ND data (keep models trained on it internal, redistribute
    only verbatim copies), use differently licensed data, or ask the licensor.

    ## References
    CC BY-ND 4.0 legal code section 2(a)(1)(B) (https://creativecommons.org/licenses/by-nd/4.0/legalcode);
    Creative Commons, "Using CC-Licensed Works for AI Training"
    (https://creativecommons.org/using-cc-licensed-works-for-ai-training/). This is not legal
    advice.
    """
    if not ctx.datasheets:  # nothing to judge: the licence modules stay unloaded
        return
    from datasheet_lint.licences.evaluate import CC_AI_GUIDANCE

    for reading in ctx.readings:
        verdicts = reading.verdicts("DSL311")
        if not verdicts:
            continue
        licence, source = verdicts[0].licence, verdicts[0].source
        errors = [v for v in verdicts if v.severity == Severity.ERROR]
        risks = [v for v in verdicts if v.severity != Severity.ERROR]
        if errors:
            message = (
                f"licence '{licence}' is {errors[0].term}, and this repository will "
                f"{_acts(errors)} with it ({reading.use_words}). Source: {source}"
            )
        else:
            message = (
                f"licence '{licence}' is {risks[0].term}, and this repository will {_acts(risks)} "
                f"with it ({reading.use_words}): a risk, not a clear violation; Creative Commons "
                f"says training may not need permission, depending on the use and the place "
                f"({CC_AI_GUIDANCE}). Source: {source}"
            )
        hint = "do not share what is adapted from ND data, or use differently licensed data"
        yield _make("DSL311", reading, message, hint, _worst(verdicts))


@rule("DSL312", "share-alike-obligation", severity=Severity.WARNING)
def share_alike_obligation(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a dataset under a share-alike licence (CC BY-SA, ODbL, CDLA-Sharing, GNU
    copyleft) or with use restrictions that flow down (OpenRAIL) in a repository that
    redistributes data or publishes a model, saying what must be shared and under which licence.

    ## Why is this bad?
    Share-alike lets you share adapted material only under the same or a compatible licence. If
    a published model counts as adapted material of its training data (unsettled), its licence
    must follow; Creative Commons' guidance for AI training recommends following SA when sharing
    models or outputs based on SA content.

    ## Example
    ```yaml
    distribution:
      license: CC-BY-SA-4.0
    uses:
      this_repository: [train, publish-model]
    ```

    ## How to fix
    Release what you share (the redistributed data, the model if it is adapted material) under
    the licence the message names, or use data without share-alike terms.

    ## References
    CC BY-SA 4.0 legal code section 3(b) (https://creativecommons.org/licenses/by-sa/4.0/legalcode);
    Creative Commons, "Using CC-Licensed Works for AI Training"
    (https://creativecommons.org/using-cc-licensed-works-for-ai-training/). This is not legal
    advice.
    """
    for reading in ctx.readings:
        verdicts = reading.verdicts("DSL312")
        if not verdicts or reading.evaluation is None:
            continue
        for licence in dict.fromkeys(v.licence for v in verdicts):
            mine = [v for v in verdicts if v.licence == licence]
            under = reading.evaluation.share_under.get(licence) or "the same licence"
            message = (
                f"licence '{licence}' is {mine[0].term}: what this repository shares "
                f"({_acts(mine)}) must be licensed under {under}; a model trained on it may count "
                f"as adapted material ({reading.use_words}). Source: {mine[0].source}"
            )
            hint = "license what you share from this dataset accordingly, or use other data"
            yield _make("DSL312", reading, message, hint, _worst(mine))


def _attribution_todo(sheet: Datasheet) -> bool:
    """The citation or attribution still holds init's placeholder."""
    return is_todo(sheet.get("citation")) or is_todo(sheet.get("distribution", "attribution"))


@rule("DSL313", "attribution-missing", severity=Severity.WARNING)
def attribution_missing(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet whose licence requires attribution (Creative Commons BY, ODC-By,
    CDLA, permissive code licences) but which has neither a `citation` nor a
    `distribution.attribution` text.

    ## Why is this bad?
    Attribution is a condition of these licences: without it every copy, model card or paper
    that uses the data is outside the licence. Writing it down once, in the datasheet, lets
    everyone downstream give it.

    ## Example
    ```yaml
    distribution:
      license: CC-BY-4.0           # and no citation anywhere in the datasheet
    ```

    ## How to fix
    Add the dataset's `citation` (BibTeX or a reference) or the attribution notice its creators
    ask for in `distribution.attribution`. A `citation` that still holds `init`'s TODO is
    reported once, by DSL206, not here too.

    ## References
    CC BY 4.0 legal code section 3(a) (https://creativecommons.org/licenses/by/4.0/legalcode).
    This is not legal advice.
    """
    table = ctx.terms
    if not ctx.datasheets or table is None:  # nothing to judge: the licence modules stay unloaded
        return
    todo_reported = "DSL206" in ctx.selected
    for reading in ctx.readings:
        if reading.evaluation is None or not reading.evaluation.attribution:
            continue
        sheet = reading.sheet
        if sheet.text("citation") or sheet.text("distribution", "attribution"):
            continue
        if todo_reported and _attribution_todo(sheet):
            continue  # DSL206 already reports the TODO: one placeholder, one finding
        licence = reading.evaluation.attribution[0]
        listed = table.get(licence.split(" WITH ")[0].rstrip("+"))
        source = listed.source if listed is not None else "the licence text"
        message = (
            f"licence '{licence}' requires attribution, and the datasheet has no citation or "
            f"distribution.attribution ({reading.use_words}). Source: {source}"
        )
        hint = "add the dataset's citation, or the notice its creators ask for"
        yield _make("DSL313", reading, message, hint, Severity.WARNING)


@rule("DSL314", "licence-conflicts-with-catalogue")
def licence_conflicts_with_catalogue(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet that declares a licence the dataset's own source contradicts, as
    recorded with its source in datasheet-lint's catalogue: for example CC-BY-4.0 for a dataset
    published under CC-BY-NC-4.0.

    ## Why is this bad?
    The licence rules trust the datasheet. A wrong licence, copied from a mirror or a model
    card, hides a non-commercial or no-derivatives term from every check and every reader.

    ## Example
    ```yaml
    id: alpaca
    distribution:
      license: CC-BY-4.0           # the source states CC-BY-NC-4.0
    ```

    ## How to fix
    Check the source the message cites and write the licence it states. If the catalogue is
    wrong (the licence changed), say so in an issue with the new source. Entries of medium or
    low confidence are reported as warnings.

    ## References
    The catalogue's licence source for the dataset (`datasheet-lint` shows it with the
    finding). This is not legal advice.
    """
    table = ctx.terms
    if not ctx.datasheets or table is None:  # nothing to judge: the licence modules stay unloaded
        return
    from datasheet_lint.licences import spdx
    from datasheet_lint.licences.conflict import conflict

    for reading in ctx.readings:
        if not isinstance(reading.parsed, spdx.Expression) or reading.parsed.unknown:
            continue
        entry = _entry(ctx, reading.sheet)
        if entry is None:
            continue
        found = conflict(
            reading.parsed,
            entry.licence,
            table,
            catalogue_commercial=entry.commercial,
            declared_terms=reading.terms,
        )
        if found is None:
            continue
        message = (
            f"licence '{reading.parsed.normalised}' contradicts the catalogue: {entry.name} is "
            f"published under {found.catalogue_licence}, and {found.reason} "
            f"({reading.use_words}). Source: {entry.licence_source}"
        )
        hint = (
            f"write the licence the source states ({found.catalogue_licence}), or show it changed"
        )
        severity = Severity.ERROR if entry.licence_confidence == "high" else Severity.WARNING
        yield _make("DSL314", reading, message, hint, severity)
