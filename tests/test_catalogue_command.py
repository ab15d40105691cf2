"""`datasheet-lint catalogue`: what the linter knows, through the real CLI (issue 17 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import Result, RunCli


@pytest.fixture
def catalogue(run_cli: RunCli, tmp_path: Path) -> RunCli:
    """Run `datasheet-lint catalogue ARGS` from a folder that is no repository: it needs none."""

    def run(*args: str) -> Result:
        return run_cli(tmp_path, "catalogue", *args)

    return run


def ids(result: Result) -> list[str]:
    return [entry["id"] for entry in result.json()]


def test_show_prints_a_curated_entry_with_its_sources(catalogue: RunCli) -> None:
    result = catalogue("show", "mnist")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "mnist: MNIST"
    facts = dict(line.strip().split(":", 1) for line in lines[1:])
    assert "MNIST (ambiguous)" in facts["aliases"]
    assert "tfds:mnist" in facts["loader ids"] and "torchvision:MNIST" in facts["loader ids"]
    assert "yann.lecun.com/exdb/mnist" in facts["urls"]
    assert facts["licence"].strip() == (
        "NOASSERTION (source: https://huggingface.co/datasets/ylecun/mnist)"
    )
    assert facts["confidence"].strip() == "medium; verified: yes"
    assert facts["from"].strip().startswith("curated (catalogue.yaml ")
    assert "tfds 4.9.10" in facts["also from"]  # the registry that added loader ids and URLs


def test_show_prints_a_registry_entry_with_the_registry_and_its_version(
    catalogue: RunCli,
) -> None:
    result = catalogue("show", "acronym-identification")
    assert result.exit_code == 0
    facts = dict(line.strip().split(":", 1) for line in result.stdout.splitlines()[1:])
    assert facts["loader ids"].strip() == "hf:acronym_identification"
    assert facts["licence"].strip().startswith("MIT (source: https://github.com/huggingface/")
    assert facts["confidence"].strip().startswith("low; verified: 20")
    assert facts["from"].strip().startswith("hf-canonical d7dfbc83")


def test_an_entry_without_a_licence_says_none_is_recorded(catalogue: RunCli) -> None:
    facts = catalogue("show", "bee-dataset", "--format", "json").json()[0]
    assert (facts["licence"], facts["licence_source"], facts["confidence"]) == (None, None, None)
    assert facts["origin"].startswith("tfds 4.9.10 (read ")
    text = catalogue("show", "bee-dataset").stdout
    assert "licence:     none recorded (no source states one)" in text


def test_show_accepts_a_name_or_loader_id(catalogue: RunCli) -> None:
    assert catalogue("show", "tfds:cats_vs_dogs").stdout.startswith("dogs-vs-cats: ")
    assert catalogue("show", "ylecun/mnist").stdout.startswith("mnist: ")


def test_an_unknown_id_is_exit_2_with_a_did_you_mean(catalogue: RunCli) -> None:
    result = catalogue("show", "mnsit")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "datasheet-lint: error: no catalogue entry 'mnsit'",
        "  hint: did you mean 'mnist'?",
    ]


def test_extra_arguments_are_exit_2(catalogue: RunCli) -> None:
    result = catalogue("mnist", "cifar")
    assert result.exit_code == 2
    assert "unexpected arguments" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("tfds:cats_vs_dogs", "dogs-vs-cats"),  # a loader id
        ("ylecun/mnist", "mnist"),  # an alias
        ("Fashion MNIST", "fashion-mnist"),  # a name, spelled another way
        ("http://mattmahoney.net/dc/text8.zip", "text8"),  # a URL
        ("https://raspbee.de/BeeDataset_20201121.zip", "bee-dataset"),  # a generated URL
        ("imagenet_v2", "imagenet-v2"),  # ImageNetV2 is not ImageNet
        ("roneneldan/TinyStories", "tinystories"),
    ],
)
def test_search_finds_by_id_name_alias_loader_and_url(
    catalogue: RunCli, query: str, first: str
) -> None:
    result = catalogue(query, "--format", "json")
    assert result.exit_code == 0
    assert ids(result)[0] == first


def test_search_of_imagenet_v2_does_not_list_imagenet_first(catalogue: RunCli) -> None:
    assert "imagenet" not in ids(catalogue("imagenet-v2", "--format", "json"))[:1]


def test_the_whole_list_has_every_dataset(catalogue: RunCli) -> None:
    result = catalogue()
    lines = result.stdout.splitlines()
    header = lines[0]
    total = int(header.split(" of ")[1].split()[0])
    assert total >= 2000
    assert len(lines) == total + 2  # the header, a blank line, one line per dataset
    assert any(line.startswith("mnist ") and "curated" in line for line in lines)


def test_a_query_that_names_nothing_lists_nothing(catalogue: RunCli) -> None:
    result = catalogue("zzzz-no-such-dataset-zzzz", "--format", "json")
    assert (result.exit_code, result.json()) == (0, [])
