"""References to registry-derived datasets (registries.json), through the real CLI.

A generated dataset is named where code already names a dataset: a loader call, a download,
a data path. Its names never count in prose, so the ~1,900 generated datasets add no false
alarms to READMEs and comments.
"""

from __future__ import annotations

import pytest
from tests.conftest import MakeRepo, RunCli, references

NAMED = [
    ("t.py", 'import tensorflow_datasets as tfds\nds = tfds.load("bee_dataset")\n', "bee-dataset"),
    (
        "t.py",
        'from datasets import load_dataset\nds = load_dataset("acronym_identification")\n',
        "acronym-identification",
    ),
    ("t.py", 'import torchvision\nds = torchvision.datasets.Country211("data")\n', "country211"),
    ("get.sh", "wget https://raspbee.de/BeeDataset_20201121.zip\n", "bee-dataset"),
    (
        "t.py",
        'import urllib.request\nurllib.request.urlretrieve("https://openaipublic.azureedge.net/'
        'clip/data/country211.tgz", "c.tgz")\n',
        "country211",
    ),
    ("t.py", 'import pandas as pd\nd = pd.read_csv("data/banking77/train.csv")\n', "banking77"),
]


@pytest.mark.parametrize(("path", "text", "dataset"), NAMED, ids=[n[2] + n[0] for n in NAMED])
def test_generated_datasets_are_named_where_code_names_a_dataset(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str, dataset: str
) -> None:
    repo = make_repo({path: text})
    result = run_cli(repo, "check", ".", "--format", "json", "--exit-zero")
    assert {r[2] for r in references(result)} == {dataset}


def test_generated_names_and_urls_do_not_count_in_prose(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    readme = (
        "# Notes\n\nWe compared banking77 with our intent data; see also\n"
        "https://raspbee.de/BeeDataset_20201121.zip for bees.\n"
    )
    repo = make_repo({"README.md": readme})
    result = run_cli(repo, "check", ".", "--format", "json", "--exit-zero")
    assert references(result) == set()


def test_a_generated_dataset_is_described_with_its_registry_name(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = 'from datasets import load_dataset\nds = load_dataset("acronym_identification")\n'
    repo = make_repo({"t.py": code})
    result = run_cli(repo, "check", ".", "--format", "json", "--exit-zero")
    messages = {f["message"] for f in result.json()["findings"] if f["rule"] == "DSL201"}
    assert messages == {
        "no datasheet for 'acronym_identification' (Acronym Identification Dataset)"
    }
