"""Tests of the shipped blocklist data (not of the engine that reads it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from tests.conftest import assert_valid

from datasheet_lint.names import normalise

ROOT = Path(__file__).parents[1]
BLOCKLIST = ROOT / "src/datasheet_lint/knowledge/blocklist.yaml"
SCHEMA = ROOT / "schemas/blocklist.schema.json"

RESEARCH_IDS = {
    "ms-celeb-1m",
    "duke-mtmc",
    "brainwash",
    "tiny-images-80m",
    "megaface",
    "hrt-transgender",
    "laion-5b",
    "laion-400m",
    "imagenet-21k-fall11",
    "books3",
    "webvid",
    "vggface2",
    "uccs",
    "the-pile",
    "bookcorpus",
    "suncg",
    "amazon-customer-reviews",
}
# Added after the research notes, each with the sources it cites (data 2026.12.1: issue 17 and the
# 2026-12 knowledge audit). New entries go here, not into RESEARCH_IDS.
ADDED_IDS = {
    "hendrycks-math",
    "pokemon-blip-captions",
    "eli5-hf",
    "imagenetv2-candidate-pool",
}
# Checked by the research and not supported well enough to flag: must stay out.
WATCHLIST_IDS = {
    "oxford-town-centre",
    "ibm-diversity-in-faces",
    "vgg-face-2015",
    "pipa",
    "facescrub",
    "casia-webface",
    "pubfig",
    "youtube-faces",
    "ms-marco",
    "diffusiondb",
    "the-stack-old-revisions",
    "glint360k",
}
REQUIRED_DERIVATIVES = {
    "ms-celeb-1m": {"ms1mv2", "ms1mv3", "ms1m-megaface-combined"},
    "duke-mtmc": {"dukemtmc-reid", "dukemtmc-videoreid", "occluded-dukemtmc"},
    "tiny-images-80m": {"tiny-images-300k-random", "tiny-images-500k-pseudo-labeled"},
    "megaface": {"diveface"},
}
REQUIRED_ALIASES = {
    "MS1MV2": "ms1mv2",
    "faces_emore": "ms1mv2",
    "emore": "ms1mv2",
    "MS1MV3": "ms1mv3",
    "ms1m-retinaface": "ms1mv3",
    "DukeMTMC-reID": "dukemtmc-reid",
    "dukemtmcreid": "dukemtmc-reid",
    "brainwash_train.idl": "brainwash",
}
TRAP_WORDS = ["duke", "brainwash", "MTMC", "celeb", "RFW"]
REQUIRED_LOOK_ALIKES = [
    "Re-LAION-5B",
    "Re-LAION-2B",
    "Re-LAION-2B-en",
    "pile-uncopyrighted",
    "laion/relaion2B-en-research-safe",
    "laion/relaion2B-multi-research-safe",
    "laion/relaion1b-nolang-research-safe",
    "laion/relaion2B-en-research",
    "monology/pile-uncopyrighted",
    "winter21_whole.tar.gz",
    "timm/imagenet-w21-wds",
    "tiny-imagenet-200",
    "Tiny ImageNet",
    "TinyImageNet",
    "CelebA",
    "CelebA-HQ",
    "Celeb-DF",
    "CelebV-HQ",
    "Celeb-500K",
    "bookcorpusopen",
]
# Near tokens must disambiguate on their own; these occur next to anything.
GENERIC_NEAR = {"data", "dataset", "datasets", "train", "test", "val", "model", "images", "face"}
URL_KEYS = ("url", "host", "token", "gdrive_id")


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(BLOCKLIST.read_text(encoding="utf-8"))
    return loaded


def datasets() -> Iterator[dict[str, Any]]:
    """Every entry and every derivative."""
    for entry in document()["entries"]:
        yield entry
        yield from entry.get("derivatives") or ()


def models() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(entry, model) for every model trained on an entry or one of its derivatives."""
    for entry in document()["entries"]:
        for model in entry.get("models") or ():
            yield entry, model


def named() -> Iterator[dict[str, Any]]:
    """Everything that carries aliases and URLs: datasets and models."""
    yield from datasets()
    yield from (model for _, model in models())


def aliases() -> Iterator[tuple[str, dict[str, Any]]]:
    """(dataset or model id, alias) for every alias in the file."""
    for dataset in named():
        for alias in dataset.get("aliases") or ():
            yield dataset["id"], alias


def look_alikes() -> Iterator[tuple[str, dict[str, Any]]]:
    for entry in document()["entries"]:
        for item in entry.get("not_flagged") or ():
            yield entry["id"], item
    for _, model in models():
        for item in model.get("not_flagged") or ():
            yield model["id"], item


def url_values() -> Iterator[tuple[str, str]]:
    """(dataset or model id, URL/host/token/Drive id) with scheme and 'www.' stripped."""
    for dataset in named():
        for item in dataset.get("urls") or ():
            for key in URL_KEYS:
                if key in item:
                    value = re.sub(r"^[a-z]+://", "", item[key], flags=re.IGNORECASE)
                    yield dataset["id"], re.sub(r"^www\.", "", value).rstrip("/")


def alias_keys() -> dict[str, str]:
    return {normalise(alias["value"]): dataset_id for dataset_id, alias in aliases()}


def alias_by_key(name: str) -> tuple[str, dict[str, Any]]:
    for dataset_id, alias in aliases():
        if normalise(alias["value"]) == normalise(name):
            return dataset_id, alias
    raise AssertionError(f"no alias with the key of {name!r}")


def test_validates_against_schema() -> None:
    assert_valid(document(), SCHEMA)


def test_ids_are_unique_across_entries_and_derivatives() -> None:
    ids = [dataset["id"] for dataset in datasets()]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_alias_keys_are_unique_across_the_file() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for dataset_id, alias in aliases():
        key = normalise(alias["value"])
        if key in seen:
            clashes.append(f"{alias['value']!r} in {dataset_id} and {seen[key]}")
        seen[key] = dataset_id
    assert clashes == []


def test_no_look_alike_normalises_to_an_alias_key() -> None:
    keys = alias_keys()
    clashes = [
        f"{item['value']!r} ({entry_id}) = alias of {keys[normalise(item['value'])]}"
        for entry_id, item in look_alikes()
        if normalise(item["value"]) in keys
    ]
    assert clashes == []


def test_url_patterns_do_not_collide_across_datasets() -> None:
    """URLs share the matcher's key space with names: one key, one dataset."""
    owners: dict[str, set[str]] = {}
    for dataset_id, alias in aliases():
        owners.setdefault(normalise(alias["value"]), set()).add(dataset_id)
    for dataset_id, value in url_values():
        owners.setdefault(normalise(value), set()).add(dataset_id)
    for _, item in look_alikes():
        owners.setdefault(normalise(item["value"]), set()).add("<not_flagged>")
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_every_entry_has_a_source() -> None:
    missing = [entry["id"] for entry in document()["entries"] if not entry.get("sources")]
    assert missing == []


def test_every_research_entry_is_present_and_nothing_else() -> None:
    """The research entries, plus those added since with their sources; nothing unlisted."""
    ids = {entry["id"] for entry in document()["entries"]}
    assert ids == RESEARCH_IDS | ADDED_IDS
    assert not RESEARCH_IDS & ADDED_IDS


def test_watchlist_is_not_included() -> None:
    ids = {dataset["id"] for dataset in datasets()}
    assert ids & WATCHLIST_IDS == set()


@pytest.mark.parametrize("parent", sorted(REQUIRED_DERIVATIVES))
def test_required_derivatives_exist_under_their_parent(parent: str) -> None:
    entries = {entry["id"]: entry for entry in document()["entries"]}
    assert parent in entries
    children = {child["id"] for child in entries[parent].get("derivatives") or ()}
    assert REQUIRED_DERIVATIVES[parent] <= children


@pytest.mark.parametrize(("name", "dataset_id"), sorted(REQUIRED_ALIASES.items()))
def test_required_alias_is_present(name: str, dataset_id: str) -> None:
    """By normalise() key: one alias stands for all its spellings."""
    assert alias_keys().get(normalise(name)) == dataset_id


@pytest.mark.parametrize("word", TRAP_WORDS)
def test_trap_words_are_ambiguous(word: str) -> None:
    _, alias = alias_by_key(word)
    assert alias.get("ambiguous") is True


@pytest.mark.parametrize("name", REQUIRED_LOOK_ALIKES)
def test_required_look_alike_is_present(name: str) -> None:
    assert name in {item["value"] for _, item in look_alikes()}


def test_look_alikes_carry_a_note() -> None:
    assert [item["value"] for _, item in look_alikes() if not item.get("note", "").strip()] == []


def test_needs_near_has_near_tokens_or_says_it_never_matches_alone() -> None:
    unexplained = [
        alias["value"]
        for _, alias in aliases()
        if alias.get("ambiguous")
        and alias.get("needs_near")
        and not alias.get("near")
        and "never matches alone" not in alias.get("note", "").lower()
    ]
    assert unexplained == []


def test_near_and_needs_near_only_on_ambiguous_aliases() -> None:
    stray = [
        alias["value"]
        for _, alias in aliases()
        if (alias.get("near") or alias.get("needs_near")) and not alias.get("ambiguous")
    ]
    assert stray == []


def test_ambiguous_aliases_explain_themselves() -> None:
    assert [
        alias["value"]
        for _, alias in aliases()
        if alias.get("ambiguous") and not alias.get("note", "").strip()
    ] == []


def test_near_tokens_are_specific() -> None:
    bad = [
        (alias["value"], token)
        for _, alias in aliases()
        for token in alias.get("near") or ()
        if normalise(token) in GENERIC_NEAR or normalise(token) == normalise(alias["value"])
    ]
    assert bad == []


def test_alias_values_are_plain_names() -> None:
    """No packed lists ('A / B'), globs or call shapes: the matcher takes them literally."""
    bad = [
        alias["value"]
        for _, alias in aliases()
        if " / " in alias["value"] or re.search(r"[*()=',\"]", alias["value"])
    ]
    assert bad == []


def test_carriers_are_marked() -> None:
    carriers = {dataset["id"] for dataset in datasets() if dataset.get("carrier")}
    assert carriers == {"redpajama-1t-book", "slimpajama-book"}


def test_carrier_without_bare_redpajama_id() -> None:
    """RedPajama-1T carries Books3 only through its 'book' config: the bare id must not match."""
    assert normalise("togethercomputer/RedPajama-Data-1T") not in alias_keys()


def test_megaface_combination_is_listed_once_under_ms_celeb() -> None:
    entries = {entry["id"]: entry for entry in document()["entries"]}
    owners = [
        entry_id
        for entry_id, entry in entries.items()
        if any(d["id"] == "ms1m-megaface-combined" for d in entry.get("derivatives") or ())
    ]
    assert owners == ["ms-celeb-1m"]


def test_message_summaries_read_as_one_clause() -> None:
    """The text each finding quotes: no cut-off quotation, no dangling punctuation."""
    from datasheet_lint.knowledge.blocklist import builtin

    for dataset in builtin().entries():
        summary = dataset.summary
        assert summary.count('"') % 2 == 0, f"{dataset.id}: summary cuts a quotation: {summary}"
        assert not summary.endswith((";", ",", ":")), f"{dataset.id}: {summary}"
        assert 20 <= len(summary) <= 200, f"{dataset.id}: {summary}"


def test_aliases_are_ascii() -> None:
    """The matcher lowers text for speed; ASCII names keep that exact."""
    from datasheet_lint.knowledge.blocklist import builtin

    assert all(alias.value.isascii() for alias in builtin().aliases)


REQUIRED_MODELS = {
    "weights-named-ms1mv2": "ms1mv2",
    "weights-named-ms1mv3": "ms1mv3",
    "facenet-20170512-110547": "ms-celeb-1m",
    "weights-named-dukemtmc-reid": "dukemtmc-reid",
    "weights-named-duke": "duke-mtmc",
    "fast-reid-dukemtmc": "dukemtmc-reid",
    "torchreid-multi-source-duke": "dukemtmc-reid",
    "weights-named-vggface2": "vggface2",
    "facenet-20180402-114759": "vggface2",
    "facenet-20170125-122324": "ms-celeb-1m",
    "facenet-20170131-234652": "ms-celeb-1m",
    "facenet-20170216-091149": "ms-celeb-1m",
    "keras-facenet": "ms-celeb-1m",  # data 2026.12.18, from their READMEs
    "ghostfacenets-ms1mv2": "ms1mv2",
    "ldm-text2img-large": "laion-400m",
    "vggface2-pretrain-ms1m-models": "ms-celeb-1m",
    # Language models, from their cards and papers (data 2026.12.4).
    "gpt-neo": "the-pile",
    "gpt-j-6b": "the-pile",
    "gpt-neox-20b": "the-pile",
    "pythia": "the-pile",
    "dolly-v2-12b": "the-pile",
    "dolly-v2-3b-7b": "the-pile",  # data 2026.12.17
    "dolly-v1-6b": "the-pile",
    "llama-1": "books3",
    "openllama": "redpajama-1t-book",
    "roberta-english": "bookcorpus",
    "openai-gpt-1": "bookcorpus",
    "albert-english": "bookcorpus",
    "xlnet-english": "bookcorpus",
    "opt": "bookcorpus",
    "electra-english": "bookcorpus",
    "bart-large": "bookcorpus",
    "longformer": "bookcorpus",
    "deberta-v1": "bookcorpus",
}
# Generic names and weights trained on other data: never a model alias.
NOT_MODEL_NAMES = [
    "r100",
    "arcface",
    "resnet50",
    "osnet_x1_0",
    "facenet",
    "glint360k_r100",
    "buffalo_l",
    "20180408-102900",
    "20170511-185253",
    "resnet50_ft",
    "senet50_ft",
    "resnet50_scratch_caffe",
    # Llama 2 and 3: Meta's card and paper name no Books3; XLM-R: CommonCrawl in 100 languages;
    # the bare openai-gpt normalises like 'OpenAI GPT-2' and API names (openai-gpt-4o).
    "llama-2-7b",
    "llama-2-7b-hf",
    "meta-llama-3-8b",
    "xlm-roberta-base",
    "distilroberta-base",
    "openai-gpt",
]


@pytest.mark.parametrize(("model_id", "trained_on"), sorted(REQUIRED_MODELS.items()))
def test_required_model_is_present_with_its_training_set(model_id: str, trained_on: str) -> None:
    found = {model["id"]: model["trained_on"] for _, model in models()}
    assert found.get(model_id) == trained_on


def test_models_are_trained_on_their_entry_or_its_derivatives() -> None:
    stray = [
        model["id"]
        for entry, model in models()
        if model["trained_on"]
        not in {entry["id"], *(d["id"] for d in entry.get("derivatives") or ())}
    ]
    assert stray == []


def test_every_model_cites_a_source_for_its_training_set() -> None:
    assert [model["id"] for _, model in models() if not model.get("sources")] == []


def test_model_ids_are_unique_and_distinct_from_dataset_ids() -> None:
    ids = [model["id"] for _, model in models()] + [d["id"] for d in datasets()]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_at_most_one_by_name_model_per_dataset() -> None:
    by_name = [model["trained_on"] for _, model in models() if model.get("by_name")]
    assert sorted(i for i in set(by_name) if by_name.count(i) > 1) == []


def test_model_replacements_are_sourced_or_absent() -> None:
    """No source read names weights trained on consented data; none may be invented."""
    assert [model["id"] for _, model in models() if model.get("replacement")] == []


@pytest.mark.parametrize("name", NOT_MODEL_NAMES)
def test_generic_and_other_data_names_are_no_model_alias(name: str) -> None:
    model_keys = {
        normalise(alias["value"]) for _, model in models() for alias in model.get("aliases") or ()
    }
    assert normalise(name) not in model_keys
