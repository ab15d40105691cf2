"""DSL1xx: references to datasets that were retracted, withdrawn, taken down or deprecated."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from datasheet_lint.knowledge.blocklist import SUPERSEDED, BlockedDataset
from datasheet_lint.models import Finding, Kind, Reference, Severity
from datasheet_lint.rules._common import short_name, status_in_brief, what_happened
from datasheet_lint.rules.registry import Context, finding, rule


def _tail(entry: BlockedDataset) -> str:
    replacement = entry.replacement or ""
    if replacement and not replacement.lower().startswith("none"):
        instead = f" Use instead: {replacement.rstrip('.')}."
    else:
        instead = " No replacement was named."
    source = f" Source: {entry.sources[0].url}" if entry.sources else ""
    return instead + source


def _hint(dataset: BlockedDataset) -> str:
    return (
        "remove it, or record why this repository needs it ('allow' with a reason, or an "
        f"inline ignore); sources: datasheet-lint blocklist show {dataset.id}"
    )


def _disclosed(ctx: Context) -> list[Reference]:
    """The references, with each model card's own declaration of its training data (its
    front matter) judged as what it is: disclosure. Where the repository also uses the
    dataset, that use is the one problem and the declaration is left out; where nothing else
    names it, the declaration stands as a mention (the model was trained on it)."""
    headers = {card.path: card.header_end for card in ctx.model_cards if card.header_end}
    if not headers:
        return list(ctx.references)

    def declaration(ref: Reference) -> bool:
        return ref.location.line <= headers.get(ref.location.path, 0)

    used = {r.dataset for r in ctx.references if r.kind is not Kind.MENTION and not declaration(r)}
    return [
        dataclasses.replace(ref, kind=Kind.MENTION) if declaration(ref) else ref
        for ref in ctx.references
        if not (declaration(ref) and ref.dataset in used)
    ]


def _matches(
    ctx: Context, *, derivative: bool, superseded: bool
) -> Iterator[tuple[Reference, BlockedDataset, BlockedDataset]]:
    """(reference, dataset, its top-level entry) for blocklisted references of one sort."""
    for ref in _disclosed(ctx):
        if ref.kind is Kind.MODEL:
            continue  # weights trained on the dataset, not the dataset itself: DSL104
        dataset = ctx.blocklist.get(ref.dataset)
        if dataset is None or (dataset.parent is not None) != derivative:
            continue
        if (dataset.status in SUPERSEDED) == superseded:
            yield ref, dataset, ctx.blocklist.parent_of(dataset)


def _findings(ctx: Context, code: str, *, derivative: bool, superseded: bool) -> Iterator[Finding]:
    """One finding per matching reference: what it is, what happened, the fix and a source."""
    for ref, dataset, entry in _matches(ctx, derivative=derivative, superseded=superseded):
        cited = dataset if dataset.replacement else entry
        medium = cited.confidence == "medium"
        if dataset is entry:
            why = status_in_brief(entry, medium=medium)
        else:
            link = "a corpus that carries" if dataset.carrier else "derived from"
            why = f"{link} {short_name(entry)}, {status_in_brief(entry, medium=medium)}"
        # The message is one line; the story (what happened, the replacement, a source) is
        # the same for every use of the dataset, so it is the detail, shown once per dataset.
        yield finding(
            code,
            ref.location,
            f"'{ref.surface}' is {short_name(dataset)} ({why})",
            dataset=dataset.id,
            hint=_hint(dataset),
            severity=dataset.default_severity,
            detail=f"{what_happened(entry)}.{_tail(cited)}",
            reference=ref,
        )


@rule("DSL101", "retracted-dataset")
def retracted_dataset(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each reference to a dataset that its creators or host retracted, withdrew or took
    down, under any of its names, file names, download URLs or mirrors.

    ## Why is this bad?
    A dataset is withdrawn for a reason, most often consent or legality: MS-Celeb-1M, Duke MTMC
    and Brainwash held faces and bodies of people who never agreed to be in them (biometric,
    special-category data under GDPR Art. 9). Copies keep circulating, and a model trained on a
    copy inherits the problem even though the original is gone.

    ## Example
    ```yaml
    dataset: ms-celeb-1m        # in a training config
    ```
    ```bash
    wget http://vision.cs.duke.edu/DukeMTMC/data/misc/DukeMTMC-reID.zip
    ```

    ## How to fix
    Remove the reference and use a dataset collected with consent, documented by a datasheet.
    If the repository studies the dataset itself (an audit of its harms, say), add it to
    `allow` with the reason, or suppress one line with
    `# datasheet-lint: ignore[DSL101] <reason>`.

    ## References
    Each finding cites the blocklist entry's first source; `datasheet-lint blocklist show ID`
    lists them all. Peng, Mathur and Narayanan, "Mitigating dataset harms requires
    stewardship" (NeurIPS 2021 Datasets and Benchmarks); NeurIPS, "Deprecated datasets"
    (https://neurips.cc/public/deprecated-datasets).
    """
    yield from _findings(ctx, "DSL101", derivative=False, superseded=False)


@rule("DSL102", "retracted-derivative")
def retracted_derivative(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each reference to a dataset derived from a retracted one: a cleaned or re-aligned
    copy, a subset, added annotations, or a larger corpus that carries it (MS1MV2 alias
    `faces_emore`, MS1MV3, DukeMTMC-reID, Occluded-DukeMTMC, ...). The message names the parent.

    ## Why is this bad?
    A derivative contains the parent's images or text, so it carries the same missing consent
    or legal problem under a new name; most real use of MS-Celeb-1M today is through MS1MV2
    and MS1MV3, and most use of Duke MTMC through DukeMTMC-reID.

    ## Example
    ```python
    config.rec = "/train_tmp/faces_emore"   # MS1MV2, derived from MS-Celeb-1M
    ```

    ## How to fix
    As for DSL101: remove it and train on data collected with consent, or record in `allow`
    why this repository needs it. A carrier (a corpus that only contains the withdrawn part)
    is reported as a warning: drop the withdrawn component if the corpus allows it.

    ## References
    Peng, Mathur and Narayanan (NeurIPS 2021 D&B), derivative table
    (https://github.com/citp/mitigating-dataset-harms); the parent's blocklist entry.
    """
    yield from _findings(ctx, "DSL102", derivative=True, superseded=False)


@rule("DSL103", "deprecated-dataset", severity=Severity.WARNING)
def deprecated_dataset(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each reference to a dataset, or a derivative of one, that its creators or a venue
    declared deprecated or replaced by a newer release, and names the replacement.

    ## Why is this bad?
    A replaced release is kept from use for a reason: LAION-5B was taken offline after links
    to child sexual abuse material were found in it and replaced by Re-LAION-5B; ImageNet-21k
    releases before December 2019 still hold person categories that were since removed.

    ## Example
    ```python
    load_dataset("laion/laion2B-en")   # use laion/relaion2B-en-research-safe
    ```

    ## How to fix
    Switch to the replacement named in the message; the replacement itself is never flagged.

    ## References
    NeurIPS, "Deprecated datasets" (https://neurips.cc/public/deprecated-datasets); each
    finding cites its blocklist entry's source.
    """
    yield from _findings(ctx, "DSL103", derivative=False, superseded=True)
    yield from _findings(ctx, "DSL103", derivative=True, superseded=True)
