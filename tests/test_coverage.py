"""Which datasheet covers which dataset: owner-qualified Hub and Kaggle ids, local paths by
whole path components, dataset cards' own data files, and a repository's root card."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import ROOT, MakeRepo, RunCli
from tests.test_datasheets import CARD, check, found

SQUAD = (ROOT / "tests" / "datasheets" / "squad.yaml").read_text(encoding="utf-8")


def sheet_for(sheet_id: str, loaders: str) -> str:
    """The complete SQuAD datasheet renamed to ``sheet_id`` with other ``loaders``."""
    text = SQUAD.replace("id: squad", f"id: {sheet_id}", 1)
    text = text.replace("name: SQuAD v1.1", f"name: {sheet_id}", 1)
    text = text.replace("aliases: [squad_v1]\n", "", 1)
    return text.replace("loaders:\n  hf: rajpurkar/squad\n", f"loaders:\n{loaders}\n", 1)


def uncovered(run_cli: RunCli, repo: Path) -> list[str]:
    return sorted(f["dataset"] for f in found(check(run_cli, repo, "DSL201"), "DSL201"))


LOADS = "from datasets import load_dataset\n"


@pytest.mark.parametrize(
    ("loader", "ours", "theirs"),
    [
        ("load_dataset", "acme/claims", "evilcorp/claims"),
        ("kagglehub.dataset_download", "acme/claims", "evilcorp/claims"),
    ],
)
def test_hub_and_kaggle_ids_are_owner_qualified(
    make_repo: MakeRepo, run_cli: RunCli, loader: str, ours: str, theirs: str
) -> None:
    source = "hf" if loader == "load_dataset" else "kaggle"
    code = f"import kagglehub\n{LOADS}a = {loader}('{ours}')\nb = {loader}('{theirs}')\n"
    files = {"t.py": code, "datasheets/claims.yaml": sheet_for("claims", f"  {source}: {ours}")}
    assert uncovered(run_cli, make_repo(files)) == [f"{source}:{theirs}"]


def test_an_alias_written_with_its_source_is_exact(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = f"{LOADS}a = load_dataset('acme/claims')\nb = load_dataset('evilcorp/claims')\n"
    text = sheet_for("claims", "  tfds: acme_claims_tfds").replace(
        "id: claims\n", "id: claims\naliases: ['hf:acme/claims']\n"
    )
    files = {"t.py": code, "datasheets/claims.yaml": text}
    assert uncovered(run_cli, make_repo(files)) == ["hf:evilcorp/claims"]


def test_a_sheet_named_like_a_hub_dataset_does_not_cover_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = f"{LOADS}b = load_dataset('evilcorp/claims')\nc = load_dataset('claims')\n"
    files = {"t.py": code, "datasheets/claims.yaml": sheet_for("claims", "  tfds: acme_tfds")}
    # 'claims' alone is the Hub's global-namespace id: its whole name is the sheet's id.
    assert uncovered(run_cli, make_repo(files)) == ["hf:evilcorp/claims"]


def test_local_ids_match_whole_path_components(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        f"{LOADS}a = load_dataset('json', data_files='data/a/train.jsonl')\n"
        "b = load_dataset('json', data_files='data/b/train.jsonl')\n"
        "train_path = 'splits/b/train.jsonl'\n"
        "other_path = 'splits/ab/train.jsonl'\n"
    )
    loaders = "  local: [data/a/train.jsonl, splits/a/train.jsonl, splits/a]"
    files = {"t.py": code, "datasheets/train.yaml": sheet_for("train", loaders)}
    # a generic file is its nearest meaningful folder's data (issue 16): splits/ab, not splits/a
    assert uncovered(run_cli, make_repo(files)) == [
        "local:data/b",
        "local:splits/ab",
        "local:splits/b",
    ]


def test_a_folders_datasheet_covers_the_files_inside_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "train_path = 'corpus/claims/2024/train.jsonl'\n"
        "test_path = 'corpus/claims/2024/test.jsonl'\n"
        "other_path = 'corpus/claimsx/test.jsonl'\n"
    )
    files = {"t.py": code, "datasheets/claims.yaml": sheet_for("claims", "  local: corpus/claims")}
    repo = make_repo(files)
    # a split's file is its folder's dataset (issue 16): corpus/claims/2024, corpus/claimsx
    assert uncovered(run_cli, repo) == ["local:corpus/claimsx"]
    refs = run_cli(repo, "refs", "--format", "json").json()
    by_id = {d["dataset"]: d["datasheet"] for d in refs["datasets"]}
    assert by_id["local:corpus/claims/2024"] == "datasheets/claims.yaml"


def test_the_closest_folder_datasheet_is_the_one_named(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "t.py": "train_path = 'corpus/claims/2024/train.jsonl'\n",
        "datasheets/all.yaml": sheet_for("all-corpora", "  local: corpus"),
        "datasheets/claims.yaml": sheet_for("claims", "  local: corpus/claims"),
    }
    repo = make_repo(files)
    refs = run_cli(repo, "refs", "--format", "json").json()
    (dataset,) = refs["datasets"]
    assert dataset["datasheet"] == "datasheets/claims.yaml"


ROOT_CARD = CARD.replace(
    "task_categories:",
    "configs:\n- config_name: default\n  data_files:\n  - split: train\n"
    '    path: "claims/train-*.csv"\n  data_dir: extra\ntask_categories:',
)


def test_a_root_dataset_card_covers_its_configs_data_files(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "train_path = 'claims/train-0001.csv'\n"
        "more_path = 'extra/data/more.jsonl'\n"
        "test_path = 'claims/test.csv'\n"
    )
    repo = make_repo({"README.md": ROOT_CARD, "t.py": code})
    result = check(run_cli, repo, "DSL2")
    assert sorted(f["dataset"] for f in found(result, "DSL201")) == ["local:claims"]  # test.csv
    assert found(result, "DSL202") == []


def test_a_root_dataset_card_without_configs_is_the_repositorys_datasheet(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = "train_path = 'claims/train.csv'\nother_path = 'data/more/x.jsonl'\n"
    repo = make_repo({"README.md": CARD, "t.py": code})
    result = check(run_cli, repo, "DSL2")
    assert found(result, "DSL201") == []
    assert found(result, "DSL202") == []
    only_data = make_repo({"README.md": CARD, "data/train.csv": "a,b\n1,2\n"})
    assert found(check(run_cli, only_data, "DSL2"), "DSL205") == []  # the repository's own
    refs = run_cli(repo, "refs", "--format", "json").json()
    assert {d["datasheet"] for d in refs["datasets"]} == {"README.md"}


def test_a_nested_cards_data_files_are_relative_to_its_folder(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    card = ROOT_CARD
    code = "a_path = 'cards/claims/claims/train-1.csv'\nb_path = 'claims/train-1.csv'\n"
    repo = make_repo({"cards/claims/README.md": card, "t.py": code})
    assert uncovered(run_cli, repo) == ["local:claims/train-1.csv"]


def test_a_root_readme_without_dataset_keys_is_no_datasheet(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    readme = "---\ntitle: My project\n---\n# My project\n"
    repo = make_repo({"README.md": readme, "t.py": "train_path = 'claims/train.csv'\n"})
    assert uncovered(run_cli, repo) == ["local:claims"]
