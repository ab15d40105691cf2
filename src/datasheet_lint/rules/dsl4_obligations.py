"""DSL4xx: what a datasheet says about the data that the code must respect: personal data,
inherited retractions and the dataset's own status."""

from __future__ import annotations

from collections.abc import Iterator

from datasheet_lint.datasheets.match import Coverage
from datasheet_lint.datasheets.model import Datasheet
from datasheet_lint.knowledge.blocklist import BlockedDataset
from datasheet_lint.models import Finding, Severity
from datasheet_lint.rules._common import VERBS, by_dataset, elsewhere, short_name, used_references
from datasheet_lint.rules.registry import Context, finding, rule

# GDPR Art. 9(1) special categories, plus Art. 10 (criminal convictions).
SPECIAL_CATEGORIES = (
    "biometric",
    "genetic",
    "health",
    "racial_or_ethnic_origin",
    "political_opinions",
    "religious_or_philosophical_beliefs",
    "trade_union_membership",
    "sex_life_or_sexual_orientation",
    "criminal_convictions",
)
NO_BASIS = {None, "unknown", "not-applicable"}


@rule("DSL401", "people-without-consent")
def people_without_consent(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet that says the data contains people and special-category personal data
    (GDPR Art. 9(1): biometric, health, genetic, ethnic origin, ...; Art. 10: criminal
    convictions) while consent is not `obtained`, or no Art. 9(2) condition is given in
    `collection.legal_basis.gdpr_art9`.

    ## Why is this bad?
    Processing special-category data is prohibited unless an Art. 9(2) condition applies;
    face images labelled with identities and used for recognition are biometric data
    (Recital 51). MS-Celeb-1M is the standard example: scraped faces of people who never
    agreed. This is not legal advice: the finding says the datasheet records no basis, not
    that there is none.

    ## Example
    ```yaml
    composition:
      contains_people: "yes"
      personal_data: [biometric]
    collection:
      consent: not-obtained
    ```

    ## How to fix
    Record the consent and the Art. 9(2) condition if there is one (with
    `collection.legal_basis.statement`), or stop using the data. If a legal review accepted
    the use, suppress the finding in the datasheet with the review's reference as the reason.

    ## References
    GDPR Art. 9 and Recital 51 (https://eur-lex.europa.eu/eli/reg/2016/679/oj); Gebru et al.,
    "Datasheets for Datasets", questions on collection and consent.
    """
    for sheet in ctx.datasheets:
        if sheet.text("composition", "contains_people") != "yes":
            continue
        personal = sheet.get("composition", "personal_data")
        listed = personal if isinstance(personal, list) else ()  # else DSL202 reports it
        special = [c for c in listed if isinstance(c, str) and c in SPECIAL_CATEGORIES]
        if not special:
            continue
        consent = sheet.text("collection", "consent")
        basis = sheet.text("collection", "legal_basis", "gdpr_art9")
        categories = ", ".join(special)
        if consent != "obtained":
            where = sheet.location("collection", "consent")
            problem = f"consent is {consent or 'not recorded'}"
        elif basis in NO_BASIS:
            where = sheet.location("collection", "legal_basis", "gdpr_art9")
            problem = f"no GDPR Art. 9(2) condition is recorded ({basis or 'missing'})"
        else:
            continue
        yield finding(
            "DSL401",
            where,
            f"'{sheet.name}' holds special-category personal data ({categories}) and {problem}",
            dataset=sheet.id,
            hint="record consent and the Art. 9(2) condition (collection.legal_basis), or stop "
            "using the data; this is not legal advice",
            surface=f"{categories}:{consent}:{basis}",
        )


def _blocked(ctx: Context, name: str) -> BlockedDataset | None:
    found = ctx.blocklist.get(name)
    if found is None:
        known = ctx.knowledge.known(name, whole=True)
        found = ctx.blocklist.get(known) if known else None
    return found


def _sheet_named(coverage: Coverage, sheets: tuple[Datasheet, ...], name: str) -> Datasheet | None:
    return next((s for s in sheets if coverage.covers(s, name)), None)


def _chain(ctx: Context, start: Datasheet) -> Iterator[tuple[int, list[str], BlockedDataset]]:
    """(derived_from index in ``start``, the names on the way, the blocklisted ancestor)."""
    coverage = ctx.coverage
    sheets = tuple(coverage.sheets)  # every datasheet: ancestors may be out of this run's scope
    followed: set[str] = set()
    for index, parent, _relation in start.derived_from:
        if parent in followed:  # listed twice: one finding is enough
            continue
        followed.add(parent)
        seen = {start.path}
        path = [parent]
        current = parent
        while True:
            blocked = _blocked(ctx, current)
            if blocked is not None:
                yield index, path, blocked
                break
            sheet = _sheet_named(coverage, sheets, current)
            if sheet is None or sheet.path in seen or not sheet.derived_from:
                break
            seen.add(sheet.path)
            # Follow the first ancestor that leads somewhere; others are followed from their
            # own datasheets.
            current = next(
                (p for _i, p, _r in sheet.derived_from if _blocked(ctx, p) is not None),
                sheet.derived_from[0][1],
            )
            path.append(current)


@rule("DSL402", "retracted-lineage")
def retracted_lineage(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a datasheet whose `lineage.derived_from` chain reaches a blocklisted dataset,
    directly or through other datasheets: `my-faces` derived from `ms1m-clean`, derived from
    `ms1mv2`, derived from MS-Celeb-1M. However the derivative is named in the code, the
    retraction is inherited.

    ## Why is this bad?
    Renaming, cleaning or subsetting a retracted dataset does not remove the people in it or
    give them a say; the reasons for the retraction apply to every copy.

    ## Example
    ```yaml
    id: faces-clean
    lineage:
      derived_from:
        - {id: ms1mv2, relation: cleaned}
    ```

    ## How to fix
    Replace the data with a dataset collected with consent. If the repository must keep it
    (an audit of the dataset, say), add the ancestor to `allow` with the reason.

    ## References
    Peng, Mathur and Narayanan, "Mitigating dataset harms requires stewardship: Lessons from
    1000 papers" (NeurIPS 2021 Datasets and Benchmarks), on derivatives outliving their parent.
    """
    for sheet in ctx.datasheets:
        for index, path, blocked in _chain(ctx, sheet):
            entry = ctx.blocklist.parent_of(blocked)
            via = " -> ".join([sheet.id or sheet.name, *path])
            root = short_name(entry)
            what = root if blocked is entry else f"{short_name(blocked)}, derived from {root}"
            source = f" Source: {entry.sources[0].url}" if entry.sources else ""
            yield finding(
                "DSL402",
                sheet.location("lineage", "derived_from", index),
                f"'{sheet.name}' is derived from {what}, which {entry.acted_by} "
                f"{VERBS[entry.status]} ({via}).{source}",
                dataset=blocked.id,
                hint=f"the retraction is inherited; sources: datasheet-lint blocklist show "
                f"{entry.id}",
                surface=via,
                severity=Severity.WARNING if entry.confidence == "medium" else None,
            )


RETIRED = {"deprecated": Severity.WARNING, "retracted": Severity.ERROR}


@rule("DSL403", "self-declared-retired", severity=Severity.WARNING)
def self_declared_retired(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports code that uses a dataset whose own datasheet says `maintenance.status: deprecated`
    (a warning) or `retracted` (an error). One finding per dataset, at its first use.

    ## Why is this bad?
    The team already knows the dataset should not be used (the datasheet says so, usually
    with the creators' notice as a source), yet the code still loads it. The blocklist only
    knows retractions that made the news; the datasheet knows your own.

    ## Example
    ```yaml
    maintenance:
      status: retracted
      status_sources: ["https://example.org/notice"]
      replacement: faces-v2
    ```

    ## How to fix
    Move the code to the replacement the datasheet names. If the use is deliberate, suppress
    the line with the reason.

    ## References
    Luccioni et al., "A Framework for Deprecating Datasets" (FAccT 2022,
    https://arxiv.org/abs/2111.04424).
    """
    coverage = ctx.coverage
    for dataset, refs in by_dataset(used_references(ctx)).items():
        for sheet in coverage.sheets_for(dataset)[:1]:
            status = sheet.status
            if status not in RETIRED:
                continue
            replacement = sheet.text("maintenance", "replacement")
            instead = f"; use {replacement} instead" if replacement else ""
            sources = sheet.get("maintenance", "status_sources")
            source = f" Source: {sources[0]}" if isinstance(sources, list) and sources else ""
            yield finding(
                "DSL403",
                refs[0].location,
                f"'{refs[0].surface}' uses {sheet.name}, which its datasheet ({sheet.path}) "
                f"marks {status}{instead}{elsewhere(len(refs) - 1)}.{source}",
                dataset=dataset,
                hint="move to the replacement, or suppress with the reason the use is needed",
                surface=dataset,
                severity=RETIRED[status],
                reference=refs[0],
            )
