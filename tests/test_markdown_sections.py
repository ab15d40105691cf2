"""Download links under a dataset's own Markdown heading (extract/sections.py).

Dataset zoo READMEs give each dataset a heading and its mirrors as bare link lines beneath it;
the links name nothing but download the dataset the heading names.
"""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, findings
from tests.conftest import file_references as refs

ZOO = """\
# Face Recognition Datasets

### MS1M-ArcFace (85K ids/5.8M images) [5,7]

[Baidu](https://pan.baidu.com/s/1AbCdEfGhIjKlMnOp)

[GDrive](https://drive.google.com/file/d/1abcdefghijklmnopqrstuvwxyz012345/view?usp=sharing)

### MegaFace

testsuite: [GDrive](https://drive.google.com/file/d/1zyxwvutsrqponmlkjihgfedcba98765/view)

### CASIA-WebFace (10K ids/0.5M images)
[Baidu](https://pan.baidu.com/s/1QrStUvWxYz) (code:ab12)
"""


def test_a_bare_download_line_downloads_the_dataset_its_heading_names(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "datasets/README.md", ZOO)
    assert {(5, "ms1mv2", "url"), (7, "ms1mv2", "url")} <= found
    assert (11, "megaface", "url") in found
    assert (14, "casia-webface", "url") in found


def test_the_links_are_flagged_as_the_retracted_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"datasets/README.md": ZOO})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "never")
    flagged = {line for path, line, code, _ in findings(result) if code.startswith("DSL10")}
    assert {5, 7, 11} <= flagged
    assert 14 not in flagged  # CASIA-WebFace is not retracted


LOOK_ALIKES = """\
# Models

### MS1M-ArcFace

See the training notes at [the wiki](https://github.com/org/repo/wiki/Training) first.

Logs: [GDrive](https://drive.google.com/file/d/1abcdefg/view) and more words here, see

### Results on MegaFace and LFW

[GDrive](https://drive.google.com/file/d/1zyxwvutsrqponmlkjihgf/view)

### Installation

[Baidu](https://pan.baidu.com/s/1AbCdEfGhIjKlMnOp)

```
### MegaFace
[GDrive](https://drive.google.com/file/d/1qqqqqqqqqqqqqqqqqqqqq/view)
```
"""


def test_links_in_sentences_under_two_datasets_or_after_the_section_are_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "README.md", LOOK_ALIKES)
    # a page link, a sentence, a heading of two datasets, the next section, a code block
    assert not {line for line, _, _ in found} & {5, 7, 11, 15, 19}


# A model zoo README says once what its models were trained on, and lists the weights in a
# table whose rows name only a backbone or a loss: each row's link is a model trained on it.
MODEL_ZOO = """\
# Face recognition training

## 1. Training data
We use [MS1MV2](https://github.com/x/y) for conventional training.

## 2. Trained models
| Backbone | LFW | Models&Logs |
| :---: | :---: | :---: |
| [MobileFaceNet](https://arxiv.org/abs/1804) | 99.57 | [Google](https://drive.google.com/x/1a) |
| [ResNet50-IR](https://arxiv.org/abs/1512.03385) | 99.78 | [Baidu](https://pan.baidu.com/s/1b) |
| ResNet152 | 99.85 | coming soon |

| Model | Log file | Pretrained model |
| ----- | -------- | ---------------- |
| Arc | [log](https://drive.google.com/file/d/1c/view) | [w](https://drive.google.com/x/1dddddd) |
"""


def test_rows_of_a_model_table_are_models_trained_on_the_stated_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "training/README.md", MODEL_ZOO)
    models = {line for line, dataset, kind in found if (dataset, kind) == ("ms1mv2", "model")}
    assert models == {9, 10, 15}  # not the header, the rule, nor a row with no link
    repo = make_repo({"training/README.md": MODEL_ZOO})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "never")
    by_line = {f["line"]: f for f in result.json()["findings"] if f["rule"] == "DSL104"}
    assert set(by_line) == {9, 10, 15}
    assert "1dddddd" in by_line[15]["message"]  # the weights' column, not the log's
    assert "README" in by_line[15]["detail"]  # the evidence is the README's statement


OWN_ROW = "| R100 (CASIA-WebFace) | 99.85 | [G](https://drive.google.com/d/1g) |"
MODEL_TABLE_LOOK_ALIKES = {
    # the stated training data is not retracted
    "casia.md": MODEL_ZOO.replace("[MS1MV2](https://github.com/x/y)", "CASIA-WebFace"),
    # one statement names two datasets: which one the models saw is not said
    "two.md": MODEL_ZOO.replace("for conventional training", "and CASIA-WebFace for training"),
    # no statement of training data at all: a table of links is not evidence
    "none.md": MODEL_ZOO.replace("for conventional training", "in our paper"),
    # a results table without a column for models, and a table inside a code block
    "results.md": (
        "We use MS1MV2 for training.\n\n| Loss | LFW | Link |\n| --- | --- | --- |\n"
        "| ArcFace | 99.8 | [drive](https://drive.google.com/file/d/1e/view) |\n\n"
        "```\n| Model | Weights |\n| --- | --- |\n| r50 | [w](https://drive.google.com/1f) |\n```\n"
    ),
    # a row that names its own training data says it itself
    "own.md": MODEL_ZOO.replace("| ResNet152 | 99.85 | coming soon |", OWN_ROW),
}


def test_model_tables_without_one_stated_retracted_training_set_are_not_models(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    for name, text in MODEL_TABLE_LOOK_ALIKES.items():
        found = refs(make_repo, run_cli, name, text)
        models = {line for line, dataset, kind in found if (dataset, kind) == ("ms1mv2", "model")}
        assert models == ({9, 10, 15} if name == "own.md" else set()), name


# A sentence that offers weights counts under its own section's statement of training data.
PRETRAIN_SECTIONS = """\
# Expression recognition

## Pre-training
For pre-training on MS-Celeb-1M, please refer to the pretrain folder.

We provide a pre-trained ResNet-18 model in this [link](https://drive.google.com/drive/x/1a).

## Training
Download the landmark detection model from this [link](https://drive.google.com/drive/x/1b).
Before training on AffectNet, align the faces.

## Testing
We provide a trained model on AffectNet in this [link](https://drive.google.com/drive/x/1c).
See the [paper](https://arxiv.org/abs/2104.00232) for the models.
"""


def test_a_sentence_offering_weights_counts_under_its_sections_training_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "README.md", PRETRAIN_SECTIONS)
    assert {(line, dataset) for line, dataset, kind in found if kind == "model"} == {
        (6, "ms-celeb-1m")  # not the other sections' models, nor a page link
    }
