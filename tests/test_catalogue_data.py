"""Tests of the shipped dataset catalogue data (not of the engine that reads it)."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from tests.conftest import assert_valid

from datasheet_lint.knowledge.blocklist import builtin
from datasheet_lint.names import normalise

ROOT = Path(__file__).parents[1]
CATALOGUE = ROOT / "src/datasheet_lint/knowledge/catalogue.yaml"
SCHEMA = ROOT / "schemas/catalogue.schema.json"
BLOCKLIST_SCHEMA = ROOT / "schemas/blocklist.schema.json"


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every id of the research catalogue (dataset-catalogue.yaml); other code depends on them.
RESEARCH_SOURCED_IDS = words(
    """
    mnist fashion-mnist kmnist cifar-10 cifar-100 svhn stl-10 imagenet imagenette imagenet-sketch
    food-101 pcam eurosat omniglot oxford-iiit-pet caltech-101 inaturalist lsun quickdraw places365
    coco pascal-voc ade20k cityscapes kitti nuscenes waymo-open-dataset bdd100k sa-1b open-images
    visual-genome textvqa conceptual-captions conceptual-12m red-caps laion celeba celeba-hq
    celebamask-hq ffhq lfw wider-face fairface utkface glint360k voxceleb mars prw cuhk-sysu
    veri-776 veri-wild kinetics ucf101 hmdb51 epic-kitchens-100 ego4d librispeech
    multilingual-librispeech common-voice ljspeech vctk speech-commands timit voxpopuli
    peoples-speech ami gigaspeech fleurs tedlium esc-50 audioset imdb ag-news yelp-reviews
    dbpedia-14 amazon-polarity emotion go-emotions tweet-eval glue super-glue snli multi-nli xnli
    conll-2003 ontonotes-5 penn-treebank squad squad-v2 natural-questions triviaqa hotpotqa quac
    coqa drop race commonsenseqa ai2-arc sciq boolq tydiqa winogrande piqa hellaswag mmlu gsm8k math
    humaneval mbpp apps truthfulqa lambada big-bench ms-marco cnn-dailymail xsum samsum multi-news
    scientific-papers billsum gigaword iwslt2017 europarl opus-100 flores-200 multi30k wikipedia
    wikitext c4 the-pile openwebtext bookcorpus oscar cc100 pg19 fineweb fineweb-edu dolma
    redpajama-1t the-stack openwebmath pes2o alpaca alpaca-gpt4 code-alpaca self-instruct dolly-15k
    oasst1 hh-rlhf ultrachat ultrafeedback flan-collection openorca wizardlm-evol-instruct lima
    tulu-v2-sft-mixture no-robots lmsys-chat-1m iris wine breast-cancer-wisconsin digits covertype
    adult rcv1 movielens ett lstnet-benchmarks m4 m5 monash-tsf metr-la-pems-bay
    """
)
RESEARCH_UNSOURCED_IDS = words(
    """
    emnist lvis datacomp casia-webface webface260m agedb cfp calfw cplfw ijb youtube-faces
    market-1501 cuhk03 msmt17 viper ilids-vid prid2011 vehicleid cityflow activitynet ava youtube-8m
    howto100m something-something-v2 msr-vtt libri-light urbansound8k gtzan nsynth sst
    rotten-tomatoes yahoo-answers-topics trec wikiann openbookqa wmt flickr30k p3
    natural-instructions california-housing diabetes-sklearn boston-housing twenty-newsgroups
    olivetti-faces kddcup99 reuters-21578 titanic credit-card-fraud ucr-archive
    """
)
# Words and short tokens that must never count on their own in prose or code.
TRAP_WORDS = [
    "glue", "squad", "drop", "race", "arc", "math", "apps", "emotion", "places", "pets", "cola",
    "mrpc", "qqp", "rte", "stsb", "wnli", "qnli", "nq", "ptb", "mars", "vg", "ami", "mls", "voc",
    "wikipedia", "wikitext", "c4", "the stack", "laion", "market", "iris", "wine", "digits",
    "adult", "titanic", "boston", "diabetes", "reuters", "imdb", "kinetics", "waymo", "flan",
    "dolly", "alpaca", "lima", "tulu", "oscar", "trec", "ava", "sst", "wmt", "bdd", "orcas",
    "flores", "pan-x", "speech commands", "open images", "natural questions", "scientific papers",
    "yelp reviews",
]  # fmt: skip
# Names that must only count next to a disambiguating token.
NEEDS_NEAR = ["c4", "the stack"]
# Near tokens must disambiguate on their own; these occur next to anything.
GENERIC_NEAR = {"data", "dataset", "datasets", "train", "test", "val", "model", "images", "text"}
# A url host must name one dataset: never one of these alone.
GENERIC_HOSTS = {
    "github.com", "gitlab.com", "huggingface.co", "huggingface.co/datasets", "hf.co",
    "kaggle.com", "kaggle.com/datasets", "kaggle.com/competitions", "arxiv.org", "arxiv.org/abs",
    "paperswithcode.com", "paperswithcode.com/dataset", "drive.google.com", "docs.google.com",
    "sites.google.com", "storage.googleapis.com", "zenodo.org", "figshare.com", "dropbox.com",
    "archive.org", "archive.ics.uci.edu", "archive.ics.uci.edu/dataset", "catalog.ldc.upenn.edu",
    "openslr.org", "allenai.org", "allenai.org/data", "research.google.com", "ai.google.com",
    "ai.meta.com", "microsoft.com", "statmt.org", "laion.ai", "tensorflow.org",
    "tensorflow.org/datasets/catalog", "pytorch.org", "github.io", "stanford.edu",
    "cs.stanford.edu", "cs.toronto.edu", "robots.ox.ac.uk", "mit.edu", "nist.gov",
}  # fmt: skip
# Owner-level pages: a repository or dataset path must follow.
OWNER_ONLY = re.compile(r"^(github\.com|huggingface\.co/datasets|kaggle\.com/datasets)(/[^/]+)?$")
URL_KEYS = ("url", "host", "token", "gdrive_id")


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(CATALOGUE.read_text(encoding="utf-8"))
    return loaded


def datasets() -> list[dict[str, Any]]:
    return list(document()["datasets"])


def aliases() -> Iterator[tuple[str, dict[str, Any]]]:
    """(dataset id, alias) for every alias in the file."""
    for dataset in datasets():
        for alias in dataset["aliases"]:
            yield dataset["id"], alias


def url_values() -> Iterator[tuple[str, str]]:
    """(dataset id, URL/host/token/Drive id) with scheme and 'www.' stripped."""
    for dataset in datasets():
        for item in dataset.get("urls") or ():
            for key in URL_KEYS:
                if key in item:
                    yield dataset["id"], strip_scheme(item[key])


def strip_scheme(url: str) -> str:
    url = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    return re.sub(r"^www\.", "", url, flags=re.IGNORECASE).rstrip("/")


@cache
def blocklist_keys() -> dict[str, str | None]:
    """normalise() key -> blocklist dataset id, or None for a look-alike."""
    keys: dict[str, str | None] = {}
    for alias in builtin().aliases:
        keys.setdefault(normalise(alias.value), alias.dataset)
        if alias.dataset is None:
            keys[normalise(alias.value)] = None
    return keys


def alias_by_key(name: str) -> tuple[str, dict[str, Any]] | None:
    for dataset_id, alias in aliases():
        if normalise(alias["value"]) == normalise(name):
            return dataset_id, alias
    return None


def without_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def test_validates_against_schema() -> None:
    assert_valid(document(), SCHEMA)


def test_schema_rejects_unknown_fields() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    broken = copy.deepcopy(document())
    broken["datasets"][0]["licence_url"] = "https://example.org"
    broken["datasets"][0]["aliases"].append({"value": "x-mnist", "ambigous": True})
    broken["datasets"][0]["loaders"]["pip"] = ["mnist"]
    assert len(list(validator.iter_errors(broken))) == 3


def test_alias_and_url_shapes_are_the_blocklists() -> None:
    catalogue = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    # The blocklist schema is draft-07 (people edit blocklists in editors): "definitions".
    blocklist = json.loads(BLOCKLIST_SCHEMA.read_text(encoding="utf-8"))["definitions"]
    for name in ("alias", "url"):
        assert without_descriptions(catalogue[name]) == without_descriptions(blocklist[name])


def test_ids_are_unique_and_kebab_case() -> None:
    ids = [dataset["id"] for dataset in datasets()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_every_research_id_is_present() -> None:
    ids = {dataset["id"] for dataset in datasets()}
    assert len(RESEARCH_SOURCED_IDS) == 172
    assert len(RESEARCH_UNSOURCED_IDS) == 49
    assert (RESEARCH_SOURCED_IDS | RESEARCH_UNSOURCED_IDS) - ids == set()


def test_sourced_flag_follows_the_research_section() -> None:
    """A research licence is never dropped. Entries added since (or promoted from unsourced)
    carry their own source: test_sourced_entries_carry_their_source checks them."""
    assert [
        d["id"] for d in datasets() if d["id"] in RESEARCH_SOURCED_IDS and not d["sourced"]
    ] == []


def test_sourced_entries_carry_their_source() -> None:
    missing = [
        d["id"]
        for d in datasets()
        if d["sourced"]
        and not (d.get("licence") and d.get("licence_source") and d.get("licence_evidence"))
    ]
    assert missing == []


def test_unsourced_entries_have_no_licence() -> None:
    assert [d["id"] for d in datasets() if not d["sourced"] and d["licence"] is not None] == []


def test_licence_refs_are_explained() -> None:
    """A LicenseRef's meaning is given in terms, or (public domain) needs none."""
    unexplained = [
        d["id"]
        for d in datasets()
        if (d["licence"] or "").startswith("LicenseRef-")
        and "terms" not in d
        and d["licence"] != "LicenseRef-PublicDomain"
    ]
    assert unexplained == []


def test_blocklist_links_are_real_blocklist_ids() -> None:
    known = set(builtin().datasets)
    links = {d["id"]: d["blocklist"] for d in datasets() if "blocklist" in d}
    assert links, "the catalogue links LAION, ImageNet-21k, The Pile and BookCorpus"
    assert {k: v for k, v in links.items() if v not in known} == {}


def test_alias_keys_are_unique_within_the_catalogue() -> None:
    keys = Counter(normalise(alias["value"]) for _, alias in aliases())
    assert "" not in keys
    assert [key for key, n in keys.items() if n > 1] == []


def test_no_alias_key_is_a_blocklist_key() -> None:
    keys = blocklist_keys()
    clashes = [
        (dataset_id, alias["value"], keys[normalise(alias["value"])])
        for dataset_id, alias in aliases()
        if normalise(alias["value"]) in keys
    ]
    assert clashes == []


def test_look_alikes_are_blocklist_look_alikes() -> None:
    """Names kept out of aliases because the blocklist holds them as look-alikes."""
    keys = blocklist_keys()
    listed = [(d["id"], name) for d in datasets() for name in d.get("blocklist_look_alikes", ())]
    assert ("celeba", "CelebA") in listed
    stale = [(i, name) for i, name in listed if keys.get(normalise(name), "missing") is not None]
    assert stale == []


def test_url_values_are_unique_and_not_the_blocklists() -> None:
    values = [value for _, value in url_values()]
    assert [v for v, n in Counter(values).items() if n > 1] == []
    keys = blocklist_keys()
    assert [(i, v) for i, v in url_values() if normalise(v) in keys] == []


@pytest.mark.parametrize("word", TRAP_WORDS)
def test_trap_word_is_ambiguous(word: str) -> None:
    found = alias_by_key(word)
    assert found is not None, f"{word!r} is not a catalogue alias"
    dataset_id, alias = found
    assert alias.get("ambiguous") is True, f"{word!r} ({dataset_id}) must be ambiguous"


@pytest.mark.parametrize("word", NEEDS_NEAR)
def test_needs_near_word_has_near_tokens(word: str) -> None:
    found = alias_by_key(word)
    assert found is not None
    assert found[1].get("needs_near") is True
    assert found[1].get("near")


def test_needs_near_implies_ambiguous_with_near_tokens() -> None:
    bad = [
        (dataset_id, alias["value"])
        for dataset_id, alias in aliases()
        if (alias.get("needs_near") or alias.get("near"))
        and not (alias.get("ambiguous") and alias.get("near"))
    ]
    assert bad == []


def test_near_tokens_are_specific() -> None:
    generic = [
        (dataset_id, alias["value"], token)
        for dataset_id, alias in aliases()
        for token in alias.get("near") or ()
        if token.casefold() in GENERIC_NEAR
    ]
    assert generic == []


def test_short_aliases_are_ambiguous() -> None:
    """Three characters or fewer is an acronym with other meanings, except these."""
    unmistakable = {"lfw"}
    plain = [
        alias["value"]
        for _, alias in aliases()
        if len(normalise(alias["value"])) <= 3
        and not alias.get("ambiguous")
        and normalise(alias["value"]) not in unmistakable
    ]
    assert plain == []


def test_aliases_are_names() -> None:
    """No call shapes, module paths, globs, sentences or packed 'A / B' values."""
    bad = [
        alias["value"]
        for _, alias in aliases()
        if re.search(r"[()*=,;]| / |^keras\.datasets\.|^torchvision\.", alias["value"])
    ]
    assert bad == []


def test_hf_loader_ids_are_aliases() -> None:
    alias_keys = {normalise(alias["value"]): dataset_id for dataset_id, alias in aliases()}
    held = blocklist_keys()
    missing = [
        (d["id"], hf_id)
        for d in datasets()
        for hf_id in d["loaders"].get("hf", ())
        if alias_keys.get(normalise(hf_id)) != d["id"] and normalise(hf_id) not in held
    ]
    assert missing == []


def test_loader_ids_are_unique_per_kind() -> None:
    """The engine looks loader ids up case-insensitively."""
    seen = Counter(
        (kind, value.casefold())
        for d in datasets()
        for kind, values in d["loaders"].items()
        for value in values
    )
    assert [key for key, n in seen.items() if n > 1] == []


def test_loaders_are_bare_names() -> None:
    """keras module names, sklearn function names, tfds builders without versions."""
    bad = [
        (d["id"], kind, value)
        for d in datasets()
        for kind, values in d["loaders"].items()
        for value in values
        if ":" in value or "(" in value or (kind != "hf" and "." in value.split("/")[0])
    ]
    assert bad == []


def test_url_hosts_are_not_generic() -> None:
    generic = [
        (dataset_id, value)
        for dataset_id, value in url_values()
        if value.casefold() in GENERIC_HOSTS or OWNER_ONLY.match(value)
    ]
    assert generic == []


def test_url_hosts_come_from_the_homepage() -> None:
    foreign = [
        (d["id"], item["host"])
        for d in datasets()
        for item in d.get("urls") or ()
        if "host" in item
        and not strip_scheme(d["homepage"]).casefold().startswith(item["host"].casefold())
    ]
    assert foreign == []


def test_url_hosts_have_no_scheme_or_trailing_slash() -> None:
    bad = [
        item["host"]
        for d in datasets()
        for item in d.get("urls") or ()
        if "host" in item
        and (item["host"] != strip_scheme(item["host"]) or item["host"].endswith("/"))
    ]
    assert bad == []


def test_names_of_blocklisted_ids_are_never_look_alikes() -> None:
    """A look-alike listed under an id the blocklist also uses would resolve to the retraction."""
    from datasheet_lint.knowledge.blocklist import builtin

    blocked = set(builtin().datasets)
    clashing = [
        d["id"] for d in datasets() if d.get("blocklist_look_alikes") and d["id"] in blocked
    ]
    assert clashing == []
