"""A short name that only context makes a dataset's ('duke', 'market') is settled by the
repository: where its code uses the dataset (a loader, a data path, a config value), the same
lower-case folder or key in its other code means that dataset too (extract/judge.py: settle)."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, scan_references

# One script per dataset, as re-ID repositories keep them: the test script's folder beside
# bounding_box_train settles what './datasets/duke' in the training script is.
TEST_SCRIPT = (
    "python test.py --dataroot ./datasets/duke --save_root results/duke/bounding_box_train\n"
)
TRAIN_SCRIPT = (
    "# train all cameras\n"
    "python train.py --dataroot ./datasets/duke --camA 1 --camB 2\n"
    "python train.py --dataroot ./datasets/duke --camA 1 --camB 3\n"
)


def test_a_short_name_the_repositorys_code_uses_counts_in_its_other_files(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(
        make_repo, run_cli, {"test_duke.sh": TEST_SCRIPT, "train_duke.sh": TRAIN_SCRIPT}
    )
    assert {(line, dataset) for path, line, dataset, _ in found if path == "train_duke.sh"} == {
        (2, "duke-mtmc"),
        (3, "duke-mtmc"),
    }
    repo = make_repo({"test_duke.sh": TEST_SCRIPT, "train_duke.sh": TRAIN_SCRIPT})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "never")
    flagged = {(f["path"], f["line"]) for f in result.json()["findings"] if f["rule"] == "DSL101"}
    assert {("train_duke.sh", 2), ("train_duke.sh", 3)} <= flagged


def test_a_derivatives_loader_settles_its_parents_short_name(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "reid/datasets/dukemtmcreid.py": (
            "class DukeMTMCreID(object):\n    dataset_dir = 'DukeMTMC-reID'\n"
        ),
        "configs.py": "DATASETS = {'duke': 'data/duke'}\n",
    }
    found = scan_references(make_repo, run_cli, files)
    assert (1, "duke-mtmc") in {(line, d) for path, line, d, _ in found if path == "configs.py"}


def test_without_a_use_in_code_a_short_name_stays_unconfirmed(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # A README's prose names the dataset, but no code uses it: the script's folder is
    # someone's 'duke', and a comment or a README never settles nor gains anything.
    files = {
        "README.md": "We evaluate on DukeMTMC-reID and Market-1501.\n",
        "train_duke.sh": TRAIN_SCRIPT,
        "notes.md": "Copy the images to data/duke first.\n",
    }
    found = scan_references(make_repo, run_cli, files)
    assert {path for path, _, _, _ in found} == {"README.md"}


def test_a_settled_name_in_prose_or_a_comment_stays_prose(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "test_duke.sh": TEST_SCRIPT,
        "notes.md": "Copy the images to data/duke before training.\n",
        "run.py": "# results for duke go to the log\nprint('done')\n",
    }
    found = scan_references(make_repo, run_cli, files)
    assert {path for path, _, _, _ in found} == {"test_duke.sh"}


# A re-ID README that names the family by distinctive names (market1501, bounding_box_train)
# and writes Duke as a name: a comment in a command block, a transfer task, a table's cell.
README_NAMED = """\
# Camera-style augmentation for person re-ID

Put the data under `data/`: `data/market1501/bounding_box_train` and the same for Duke.

```bash
# For Duke
python train.py -d duke --logs-dir logs/run1
```

| Task | Market→Duke | Duke→Market |
|------|-------------|-------------|
| mAP  | 61.3        | 70.9        |

We thank Duke University for the cameras; the Duke-S2 split and Asian-Celeb are left out.
"""
DUKE_README = ("README.md", "duke-mtmc")
DUKE_LOADER = {
    "reid/datasets/dukemtmc.py": (
        "class DukeMTMC(object):\n"
        "    def __init__(self, root):\n"
        "        self.train_dir = root + '/DukeMTMC-reID/bounding_box_train'\n"
    ),
}


def test_a_capitalised_short_name_in_a_file_of_its_family_counts_where_the_code_uses_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"README.md": README_NAMED, **DUKE_LOADER})
    lines = {line for path, line, dataset, _ in found if (path, dataset) == DUKE_README}
    # line 6 (# For Duke) and 10 (the table's transfer tasks); line 3 has near tokens of its own
    assert {3, 6, 10} <= lines
    # a university, a split of another name and another dataset's name are not the dataset
    assert 14 not in lines


def test_a_capitalised_short_name_needs_the_repositorys_code_to_use_the_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"README.md": README_NAMED})
    assert not {line for path, line, d, _ in found if (path, d) == DUKE_README} & {6, 10}


def test_a_capitalised_short_name_without_its_family_in_the_file_stays_a_word(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    readme = "# Notes\n\n# For Duke\nWe thank Duke for the data.\n"
    found = scan_references(make_repo, run_cli, {"notes.md": readme, **DUKE_LOADER})
    assert {path for path, _, _, _ in found} == {"reid/datasets/dukemtmc.py"}


def test_a_capitalised_short_name_in_code_stays_a_value(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # The demo repository's trap: a maintainer called Duke, in a module that selects
    # market1501 or dukemtmcreid; the repository's code does use Duke's data.
    code = (
        'parser.add_argument("--dataset", default="market1501", choices=["dukemtmcreid"])\n'
        'maintainer = {"name": "Duke", "role": "maintainer"}\n'
    )
    found = scan_references(make_repo, run_cli, {"train.py": code, **DUKE_LOADER})
    assert 2 not in {line for path, line, _, _ in found if path == "train.py"}


def test_msra_capitalised_in_prose_stays_a_name(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Only 'Duke' is read as its dataset when capitalised in prose: 'MSRA' is Microsoft
    Research Asia (or its initialisation) in a README, even where the code uses DeepGlint's
    cleaned MS-Celeb-1M by its msra folder."""
    files = {
        "train.sh": "python train.py --data /data/deepglint/msra_crop\n",
        "README.md": (
            "# Faces\n\nTrained on DeepGlint's cleaned faces.\n\n"
            "The backbone is initialised as in MSRA (He et al. 2015).\n"
        ),
    }
    found = scan_references(make_repo, run_cli, files)
    assert not [item for item in found if item[0] == "README.md" and item[1] == 5], found
