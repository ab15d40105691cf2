"""Model cards that do not list the datasets their training code loads (DSL105)."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli

TRAIN_IMDB = 'from datasets import load_dataset\nds = load_dataset("imdb")\n'
HF_CARD = (
    "---\nlibrary_name: transformers\npipeline_tag: text-classification\n{extra}---\n# Model\n"
)


def _dsl105(make_repo: MakeRepo, run_cli: RunCli, files: dict[str, str]) -> list[dict[str, str]]:
    repo = make_repo(files)
    result = run_cli(repo, "check", ".", "--format", "json", "--select", "DSL105")
    assert result.exit_code in {0, 1}, result.stderr
    findings: list[dict[str, str]] = result.json()["findings"]
    return findings


def test_card_without_datasets_beside_training_code(make_repo: MakeRepo, run_cli: RunCli) -> None:
    found = _dsl105(
        make_repo,
        run_cli,
        {
            "models/sentiment/README.md": HF_CARD.format(extra=""),
            "models/sentiment/train.py": TRAIN_IMDB,
        },
    )
    assert [(f["path"], f["line"], f["severity"]) for f in found] == [
        ("models/sentiment/README.md", 2, "warning")
    ]
    assert "'imdb'" in found[0]["message"]


def test_card_listing_the_loaded_dataset_is_silent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "models/sentiment/README.md": HF_CARD.format(extra="datasets:\n  - imdb\n"),
        "models/sentiment/train.py": TRAIN_IMDB,
    }
    assert _dsl105(make_repo, run_cli, files) == []


def test_card_missing_one_of_two_datasets_points_at_datasets_key(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = _dsl105(
        make_repo,
        run_cli,
        {
            "README.md": HF_CARD.format(extra="datasets: [imdb]\n"),
            "src/train.py": TRAIN_IMDB + 'extra = load_dataset("ag_news")\n',
        },
    )
    assert [(f["path"], f["line"]) for f in found] == [("README.md", 4)]
    assert "ag" in found[0]["message"]
    assert "imdb" not in found[0]["message"]


def test_card_of_a_model_not_trained_here_is_silent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Training code elsewhere in the repository does not belong to a card in its own folder."""
    files = {
        "models/sentiment/README.md": HF_CARD.format(extra=""),
        "experiments/train.py": TRAIN_IMDB,
    }
    assert _dsl105(make_repo, run_cli, files) == []


def test_dataset_card_and_plain_readme_are_no_model_cards(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "README.md": "# A project\n\nTrains on IMDB.\n",
        "data/README.md": "---\ntask_categories: [text-classification]\nconfigs: []\n---\n",
        "train.py": TRAIN_IMDB,
    }
    assert _dsl105(make_repo, run_cli, files) == []


def test_model_card_file_without_front_matter(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "MODEL_CARD.md": "# Digits classifier\n\nA small CNN.\n",
        "train.py": "from torchvision import datasets\nds = datasets.MNIST('data')\n",
    }
    found = _dsl105(make_repo, run_cli, files)
    assert [(f["path"], f["line"], f["dataset"]) for f in found] == [("MODEL_CARD.md", 1, "mnist")]


def test_broken_front_matter_never_stops_the_run(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "models/a/README.md": "---\nlibrary_name: [unclosed\n---\n",
        "models/a/train.py": TRAIN_IMDB,
    }
    assert _dsl105(make_repo, run_cli, files) == []
