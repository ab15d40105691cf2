"""One definition of a card's front matter and of what its keys say: the model-card reader,
the reference extractor and the datasheet loader agree on where it ends and on what the card
is (a model's, a dataset's, or neither; never both)."""

from __future__ import annotations

import itertools

import pytest
from tests.conftest import MakeRepo, RunCli

from datasheet_lint import frontmatter

LOADS_IMDB = "from datasets import load_dataset\nds = load_dataset('stanfordnlp/imdb')\n"
DATASHEET_RULES = {"DSL202", "DSL203", "DSL204", "DSL205", "DSL206", "DSL313"}


def findings(result_json: dict[str, list[dict[str, str]]], path: str) -> set[str]:
    return {f["rule"] for f in result_json["findings"] if f["path"] == path}


@pytest.mark.parametrize(
    ("text", "yaml", "body"),
    [
        ("---\na: 1\n---\nbody\n", "a: 1\n", "\nbody\n"),
        ("---  \na: 1\n--- \t\nbody", "a: 1\n", "\nbody"),
        ("---\n---\n", "", "\n"),
        ("---\nd: |\n  ---\n  text\n---\n", "d: |\n  ---\n  text\n", "\n"),  # YAML, not a fence
    ],
)
def test_front_matter_ends_at_the_first_fence_at_the_start_of_a_line(
    text: str, yaml: str, body: str
) -> None:
    found = frontmatter.split(text)
    assert found is not None
    assert (found.yaml, text[found.end :]) == (yaml, body)


@pytest.mark.parametrize("text", ["# Title\n---\na: 1\n---\n", " ---\na: 1\n---\n", "---\na: 1\n"])
def test_no_front_matter_without_both_fences_in_place(text: str) -> None:
    assert frontmatter.split(text) is None
    assert frontmatter.blank(text) == text


def test_blank_keeps_every_line_in_place() -> None:
    text = "---\na: 1\nb: 2\n---\n# Body MS1MV2\n"
    blanked = frontmatter.blank(text)
    assert blanked == "\n\n\n\n# Body MS1MV2\n"
    assert blanked.count("\n") == text.count("\n")


def test_a_header_is_never_both_a_model_card_and_a_dataset_card() -> None:
    keys = sorted(frontmatter.MODEL_KEYS | frontmatter.DATASET_KEYS | {"license", "datasets"})
    for pair in itertools.combinations(keys, 2):
        assert not (frontmatter.describes_model(pair) and frontmatter.describes_dataset(pair))
    assert frontmatter.describes_model(["model_type", "datasets"])
    assert frontmatter.describes_dataset(["pretty_name", "license"])


def test_a_mixed_header_is_read_the_same_by_every_reader(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``model_type`` with ``pretty_name``: the model-card reader took it for a model card
    (DSL105) while the datasheet loader took it for a dataset card (DSL205, DSL206)."""
    header = "model_type: bert\npretty_name: Faces\nlicense: mit\ndatasets:\n- rajpurkar/squad\n"
    card = f"---\n{header}---\n"
    repo = make_repo({"cards/README.md": card, "cards/train.py": LOADS_IMDB})
    found = findings(run_cli(repo, "check", "--format", "json").json(), "cards/README.md")
    assert "DSL105" not in found and not found & DATASHEET_RULES


def test_a_long_model_card_header_is_read_whole(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A model card with a long ``model-index`` (600 lines of results) is still a model card:
    the reader once gave up after 500 lines while the loader read on."""
    results = "".join(f"  - name: run{n}\n    value: {n}\n" for n in range(300))
    header = f"library_name: transformers\nmodel-index:\n{results}datasets:\n- rajpurkar/squad\n"
    card = f"---\n{header}---\n"
    repo = make_repo({"README.md": card, "train.py": LOADS_IMDB})
    result = run_cli(repo, "check", "--format", "json").json()
    assert "DSL105" in findings(result, "README.md")
