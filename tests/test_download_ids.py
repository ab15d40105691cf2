"""Downloads nobody catalogued go by readable ids: the name the address shows, one source each.

knowledge/download_names.py names an address; extract/download_ids.py gives the name where no
other source in the repository would share it; datasheets/match.py lets a datasheet written
for the whole address (before ids were readable, or by ``init``) cover the readable id.
"""

from __future__ import annotations

import pytest
from tests.conftest import MakeRepo, RunCli, file_references, scan_references

from datasheet_lint.knowledge.download_names import readable


@pytest.mark.parametrize(
    ("url_id", "name"),
    [
        ("url:s3.amazonaws.com/text-datasets/nietzsche.txt", "nietzsche"),
        (
            "url:github.com/hvass-labs/knifey-spoony/raw/master/knifey-spoony.tar.gz",
            "knifey-spoony",
        ),
        ("url:example.org/tables/clicks_2019.csv.gz", "clicks_2019"),
        # a generic stem: the nearest folder above it that says more
        (
            "url:raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",
            "tinyshakespeare",
        ),
        (
            "url:github.com/openai/prm800k/raw/refs/heads/main/prm800k/data/phase1_train.jsonl",
            "prm800k",
        ),
        (
            "url:example.org/~someone/harbour-tides/v2.1/train-00000-of-00004.parquet",
            "harbour-tides",
        ),
        ("url:example.org/pub/street_signs/d41d8cd98f/images.tar.gz", "street_signs"),
        ("url:example.org/atlas/nw-f8.zip", "nw-f8"),  # short codes are a name, not a split
        ("url:example.org/lessons/02_Filtering_%26_Sorting/Euro12/euro_stats.csv", "euro_stats"),
    ],
)
def test_a_download_is_named_by_its_stem_or_the_folder_above_a_generic_one(
    url_id: str, name: str
) -> None:
    named = readable(url_id)
    assert named is not None and named.name == name


@pytest.mark.parametrize(
    "url_id",
    [
        "url:people.example.edu/~me/datasets/$file.tar.gz",  # a template is not a name
        "url:example.org/spdx/v{}/json/licenses.json",
        "url:drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz",  # a Drive file: its id
        "url:bit.ly/harbourtides",  # a short link hides where it points
        "url:keeper.example.de/f/77aa01",  # a share link's key
        "url:cloud.example.de/index.php/s/wTNTz8RtZ8DKRPJ/download",
        "url:example.org/data/train.csv",  # nothing on the way names the data
        "url:github.com/someone/data/raw/main/test.csv",  # an owner is nobody's dataset
        "url:example.org",
    ],
)
def test_an_address_that_names_nothing_keeps_its_whole_id(url_id: str) -> None:
    assert readable(url_id) is None


def test_splits_of_one_dataset_share_its_readable_id(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "BASE=https://example.org/releases/harbour-tides/data\n"
        "wget https://example.org/releases/harbour-tides/data/phase1_train.jsonl\n"
        "wget https://example.org/releases/harbour-tides/data/phase1_test.jsonl\n"
        "wget https://s3.example.com/text-corpora/sea_shanties.txt\n"
        "curl -O https://example.org/a/tides.csv https://example.org/a/tides.zip\n"
    )
    found = file_references(make_repo, run_cli, "get_data.sh", script)
    assert found == {
        (2, "url:harbour-tides", "url"),
        (3, "url:harbour-tides", "url"),
        (4, "url:sea_shanties", "url"),
        (5, "url:tides", "url"),  # one reference: one dataset on the line
    }


def test_two_sources_with_one_name_keep_their_whole_ids(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "get.sh": "wget https://example.org/a/weather/train.csv\n",
        "mirror.sh": (
            "wget https://mirror.example.net/b/weather/test.csv\n"
            "wget https://example.org/c/sea_shanties.txt\n"
        ),
        "notebook.py": (
            "import pandas as pd\n"
            "df = pd.read_csv('https://example.org/a/weather/valid.csv')\n"
            "songs = pd.read_csv('https://example.org/c/sea_shanties.txt')\n"
        ),
    }
    ids = {
        (path, line): dataset
        for path, line, dataset, _ in scan_references(make_repo, run_cli, files)
    }
    assert ids[("get.sh", 1)] == "url:example.org/a/weather/train.csv"
    assert ids[("mirror.sh", 1)] == "url:mirror.example.net/b/weather/test.csv"
    assert ids[("notebook.py", 2)] == "url:example.org/a/weather/valid.csv"
    # one address read in two files is one source: it keeps its readable id
    assert ids[("mirror.sh", 2)] == ids[("notebook.py", 3)] == "url:sea_shanties"


def test_a_templated_download_keeps_its_whole_id(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = "for file in tides waves; do\n  wget https://example.org/sea/$file.tar.gz\ndone\n"
    found = file_references(make_repo, run_cli, "get.sh", script)
    assert found == {(2, "url:example.org/sea/$file.tar.gz", "url")}


SHEET = """\
datasheet_version: 1
id: {id}
name: Sea shanties
description: Songs sailors sang.
{loaders}citation: none
"""


@pytest.mark.parametrize(
    ("sheet_id", "loaders"),
    [
        # written before ids were readable: the whole id
        ('"url:s3.example.com/text-corpora/sea_shanties.txt"', ""),
        # written by init: the readable id, with the address as its loader
        ("sea_shanties", "loaders:\n  url: s3.example.com/text-corpora/sea_shanties.txt\n"),
    ],
)
def test_a_datasheet_for_the_address_covers_the_readable_id(
    make_repo: MakeRepo, run_cli: RunCli, sheet_id: str, loaders: str
) -> None:
    script = "wget https://s3.example.com/text-corpora/sea_shanties.txt\n"
    bare = make_repo({"get.sh": script})
    missing = run_cli(bare, "check", "--format", "json", "--select", "DSL201").json()
    assert [f["dataset"] for f in missing["findings"]] == ["url:sea_shanties"]
    sheet = SHEET.format(id=sheet_id, loaders=loaders)
    repo = make_repo({"get.sh": script, "datasheets/sea.yaml": sheet})
    report = run_cli(repo, "check", "--format", "json", "--select", "DSL201").json()
    assert report["findings"] == []


def test_init_writes_the_addresses_a_readable_id_stands_for(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        "wget https://example.org/releases/harbour-tides/data/phase1_train.jsonl\n"
        "wget https://example.org/releases/harbour-tides/data/phase1_test.jsonl\n"
    )
    repo = make_repo({"get.sh": script})
    assert run_cli(repo, "init", "--missing").exit_code == 0
    text = (repo / "datasheets" / "harbour-tides.yaml").read_text(encoding="utf-8")
    assert (
        "  url: [example.org/releases/harbour-tides/data/phase1_test.jsonl, "
        "example.org/releases/harbour-tides/data/phase1_train.jsonl]"
    ) in text


def test_a_baseline_entry_for_the_whole_id_holds_the_readable_ids_finding(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"get.sh": "wget https://s3.example.com/text-corpora/sea_shanties.txt\n"})
    assert run_cli(repo, "baseline").exit_code == 0
    path = repo / ".datasheet-lint-baseline.json"
    written = path.read_text(encoding="utf-8")
    assert '"dataset": "url:sea_shanties"' in written
    # as a baseline written before downloads went by readable ids recorded it
    whole = '"dataset": "url:s3.example.com/text-corpora/sea_shanties.txt"'
    path.write_text(written.replace('"dataset": "url:sea_shanties"', whole), encoding="utf-8")
    report = run_cli(repo, "check", "--format", "json").json()
    assert report["findings"] == []  # held, and the entry is not stale (DSL902)
