"""DSL104-106: models trained on retracted data, model cards silent on their training data, and
models whose retracted training data only their own card states."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import PurePosixPath

from datasheet_lint.knowledge.blocklist import BlockedDataset, BlockedModel
from datasheet_lint.models import Finding, Kind, Reference, Severity
from datasheet_lint.names import normalise
from datasheet_lint.rules._common import short_name, status_in_brief, what_happened
from datasheet_lint.rules.registry import Context, finding, rule


def _trained_on(dataset: BlockedDataset, entry: BlockedDataset, *, medium: bool) -> str:
    """'MS1MV3 (derived from MS-Celeb-1M, withdrawn 2019-06)'."""
    if dataset is entry:
        return f"{short_name(dataset)} ({status_in_brief(entry, medium=medium)})"
    why = status_in_brief(entry, medium=medium)
    return f"{short_name(dataset)} (derived from {short_name(entry)}, {why})"


def _evidence(model: BlockedModel, surface: str) -> str:
    """The source that states the training set, preferring the project the name is from
    (adaface_ir101_ms1mv2.ckpt -> mk-minchul/AdaFace)."""
    for source in model.sources:
        project = source.url.rstrip("/").rsplit("/", 1)[-1].lower()
        if len(project) > 3 and project in surface.lower():
            return source.url
    if model.sources:
        return model.sources[0].url
    return "the name of the weights itself" if model.by_name else "the repository's README"


def _named_for(dataset: BlockedDataset) -> BlockedModel:
    """Weights that no model family lists but whose own name names their training set
    (megaface_r50_epoch20.pth): the name is the evidence, of medium confidence."""
    return BlockedModel(
        id=f"weights-named-{dataset.id}",
        name=f"weights named for {short_name(dataset)}",
        trained_on=dataset.id,
        confidence="medium",
        sources=(),
        by_name=True,
    )


def _documented(dataset: BlockedDataset) -> BlockedModel:
    """Weights behind a link that names no training set, which the repository's own README
    says were trained on the dataset (a model zoo table under "we use MS1MV2 as the training
    dataset"): the README is the evidence, of medium confidence."""
    return BlockedModel(
        id=f"weights-documented-{dataset.id}",
        name=f"weights this repository's README says were trained on {short_name(dataset)}",
        trained_on=dataset.id,
        confidence="medium",
        sources=(),
        by_name=False,
    )


def _link_naming_nothing(ctx: Context, surface: str, dataset: BlockedDataset) -> bool:
    """A download link whose text names none of the dataset's names (a Drive folder)."""
    if "://" not in surface:
        return False
    text = normalise(surface)
    names = (a.value for a in ctx.blocklist.aliases if a.dataset == dataset.id)
    return not any(normalise(name) in text for name in names)


def _severity(model: BlockedModel, dataset: BlockedDataset) -> Severity:
    """An error, unless the model's training set or the retraction is of medium confidence."""
    if model.confidence == "medium":
        return Severity.WARNING
    return dataset.default_severity


def _named_by_repository(ctx: Context) -> frozenset[str]:
    """The retracted datasets (their top-level entries) that the repository itself names other
    than inside a model's name: a loader, data path, download, config value, or a mention in
    its README, docs or comments ("pre-trained on the Pile", "MS1MV2 as the training set")."""
    named = set()
    for ref in ctx.references:
        if ref.kind is Kind.MODEL:
            continue
        dataset = ctx.blocklist.get(ref.dataset)
        if dataset is not None:
            named.add(ctx.blocklist.parent_of(dataset).id)
    return frozenset(named)


@dataclasses.dataclass(frozen=True, slots=True)
class _Trained:
    """A model reference to weights trained on retracted data, with the evidence for it and
    whether the repository itself says so (``stated``)."""

    ref: Reference
    dataset: BlockedDataset
    entry: BlockedDataset
    model: BlockedModel
    stated: bool

    @property
    def trained_on(self) -> str:
        medium = self.model.confidence == "medium"
        return _trained_on(self.dataset, self.entry, medium=medium)

    @property
    def detail(self) -> str:
        """What happened to the training set, a replacement if one was named, and the
        evidence that the weights were trained on it."""
        return (
            f"{what_happened(self.entry)}.{_replacement(self.model)} Evidence: "
            f"{self.model.name}, {_evidence(self.model, self.ref.surface)}"
        )


def _trained_models(ctx: Context) -> Iterator[_Trained]:
    """Every model reference whose training set is a removed dataset. The repository states
    it where the weights' own name names the dataset (by_name, or no model family lists them),
    where its README says so for a link that names nothing, or where the repository names the
    training set anywhere else; a listed model known only from its card (``llama-7b``,
    ``bert-base-uncased``) in a repository that never names its training data is not."""
    named = _named_by_repository(ctx)
    for ref in ctx.references:
        if ref.kind is not Kind.MODEL:
            continue
        dataset = ctx.blocklist.get(ref.dataset)
        if dataset is None or not dataset.removed:
            continue
        entry = ctx.blocklist.parent_of(dataset)
        model = ctx.blocklist.model_named(ref.surface, ref.dataset)
        if model is None or model.by_name:
            documented = _link_naming_nothing(ctx, ref.surface, dataset)
            model = _documented(dataset) if documented else model or _named_for(dataset)
            yield _Trained(ref, dataset, entry, model, stated=True)
        else:
            yield _Trained(ref, dataset, entry, model, stated=entry.id in named)


def _replacement(model: BlockedModel) -> str:
    if model.replacement:
        return f" Use instead: {model.replacement.rstrip('.')}."
    return " No replacement trained on consented data was named."


@rule("DSL104", "model-trained-on-retracted-data")
def model_trained_on_retracted_data(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports pretrained weights that were trained on a retracted or withdrawn dataset, wherever
    the repository names them: a weight file or checkpoint folder (`ms1mv3_arcface_r100_fp16`,
    `osnet_x1_0_dukemtmcreid.pt`), a model zoo's name (`20170512-110547`, `duke_bot_R50`,
    `osnet_ain_ms_d_c`), a download link or a `pretrained="vggface2"` argument. A weight file
    whose own name names a retracted dataset that no model family lists
    (`megaface_r50_epoch20.pth`) is reported too, as a warning: its name is the evidence. The
    message names the model, its training set and the evidence for it.

    The repository must say what they were trained on (their name, a README or a loader names
    the data); weights that only their own card ties to it (`llama-7b`) are DSL106.

    ## Why is this bad?
    Deleting a dataset does not delete what was learned from it. ArcFace, FaceNet and
    re-identification weights trained on MS1MV2/MS1MV3, VGGFace2 or DukeMTMC-reID encode the
    faces and bodies of people who never agreed to be in them, and a product built on such
    weights inherits that problem even though no image of the dataset is in the repository.

    ## Example
    ```python
    backbone.load_state_dict(torch.load("ms1mv3_arcface_r100_fp16/backbone.pth"))
    ```

    ## How to fix
    Use weights trained on data collected with consent or under a licence that allows your use,
    and record their training data in a model card. Names that carry no training set
    (`r100`, `arcface`, `osnet_x1_0`) and weights trained on other data (`glint360k_r100`,
    `buffalo_l`) are never reported. If the repository studies the model itself, allow its
    dataset with a reason or suppress the line.

    ## References
    Each finding cites the model's evidence (the model zoo page or README that states its
    training set); `datasheet-lint blocklist show ID` lists the dataset's sources. Peng,
    Mathur and Narayanan (NeurIPS 2021 D&B), derivative models M1-M6
    (https://github.com/citp/mitigating-dataset-harms).
    """
    for trained in _trained_models(ctx):
        if not trained.stated:
            continue
        ref, dataset = trained.ref, trained.dataset
        yield finding(
            "DSL104",
            ref.location,
            f"'{ref.surface}' is a model trained on {trained.trained_on}",
            dataset=dataset.id,
            hint=(
                "use weights trained on consented or licensed data, or record why this "
                f"repository needs these ('allow' with a reason); sources: datasheet-lint "
                f"blocklist show {dataset.id}"
            ),
            severity=_severity(trained.model, dataset),
            detail=trained.detail,
            reference=ref,
        )


# Files and URLs read by path have no name a card could list under ``datasets:``.
UNNAMED = ("local:", "url:")


def _within(path: str, folder: PurePosixPath) -> bool:
    return str(folder) == "." or PurePosixPath(path).is_relative_to(folder)


@rule("DSL105", "model-card-missing-training-data", severity=Severity.WARNING)
def model_card_missing_training_data(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports a model card in the repository (a Hugging Face `README.md` whose front matter
    describes a model, or a `MODEL_CARD.md`) that does not list, under `datasets:`, the datasets
    that the training code beside it loads: loader calls in the card's folder and below it, or
    in the whole repository for a card at its top. The hint lists the missing datasets.

    ## Why is this bad?
    A model inherits the obligations of its training data: its licence, its consent and its
    retraction. A card that does not name the data hides them from everyone who downloads the
    model, and keeps tools (this one included) from following a retraction to the model.

    ## Example
    ```markdown
    ---
    library_name: transformers
    pipeline_tag: text-classification
    ---
    ```
    beside `train.py` that calls `load_dataset("imdb")`.

    ## How to fix
    List every dataset the model was trained on under `datasets:` in the front matter (`-
    imdb`), by its hub id or name.

    ## References
    Hugging Face, "Model Cards" (https://huggingface.co/docs/hub/model-cards); Mitchell et al.,
    "Model Cards for Model Reporting" (FAT* 2019).
    """
    for card in ctx.model_cards:
        folder = PurePosixPath(card.path).parent
        loaded = sorted(
            {
                ref.dataset
                for ref in ctx.references
                if ref.kind is Kind.LOAD
                and _within(ref.location.path, folder)
                and not ref.dataset.startswith(UNNAMED)
            }
        )
        missing = [dataset for dataset in loaded if dataset not in card.datasets]
        if not missing:
            continue
        listed = "lists no datasets" if not card.datasets else "does not list them all"
        message = (
            f"the model card {listed} under 'datasets:', but the training code loads "
            f"{', '.join(repr(d) for d in missing)}"
        )
        yield finding(
            "DSL105",
            card.location,
            message,
            dataset=missing[0],
            hint=f"add under 'datasets:' in the front matter: {', '.join(missing)}",
            surface=card.path,
        )


@rule("DSL106", "undisclosed-retracted-training-data", severity=Severity.WARNING)
def undisclosed_retracted_training_data(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports pretrained weights that their own model card or paper says were trained on a
    retracted or withdrawn dataset, named in a repository that says nothing of that training
    data: a Hugging Face id or conversion of LLaMA 1 (Books3), English BERT, RoBERTa or OPT
    (BookCorpus), Pythia, GPT-Neo or GPT-J (the Pile), loaded, fine-tuned or listed, where no
    file of the repository names Books3, BookCorpus or the Pile. The message names the model,
    its training set and the card or paper that states it.

    Where the repository does name the training set (a README's "trained on the Pile", a loader
    of the Pile) or the weights' own name does (`ms1mv3_arcface_r100`), the weights are DSL104.

    ## Why is this bad?
    A model inherits the retraction of its training data, and a repository that builds on the
    model without saying what it was trained on hides that from everyone who uses it. The
    evidence is outside the repository (the model's card), so this is a warning: the
    repository may use the weights for something the retraction does not touch.

    ## Example
    ```python
    model = LlamaForCausalLM.from_pretrained("huggyllama/llama-7b")  # LLaMA 1: Books3
    ```

    ## How to fix
    Say in the README or a model card what the weights were trained on, and either choose
    weights trained on data collected with consent or under a licence that allows your use, or
    record why this repository needs these ('allow' with a reason).

    ## References
    Each finding cites the card or paper that states the training set; `datasheet-lint
    blocklist show ID` lists the dataset's sources.
    """
    for trained in _trained_models(ctx):
        if trained.stated:
            continue
        ref, dataset = trained.ref, trained.dataset
        yield finding(
            "DSL106",
            ref.location,
            f"'{ref.surface}' is a model trained on {trained.trained_on}, which its card states "
            "and this repository does not",
            dataset=dataset.id,
            hint=(
                "say what the weights were trained on (README or model card), and use weights "
                "trained on consented or licensed data or record why this repository needs "
                f"these ('allow' with a reason); sources: datasheet-lint blocklist show "
                f"{dataset.id}"
            ),
            detail=trained.detail,
            reference=ref,
        )
