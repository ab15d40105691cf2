"""Data that a YAML, JSON or TOML config selects by key (extract/configs.py): Hub dataset ids in
training recipes, and data locations under data keys; model, tokenizer and output keys are not
data, whatever their values look like."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, scan_references

SFT_RECIPE = """\
# Model arguments
model_name_or_path: acme-labs/tiny-base-7b
tokenizer_name_or_path: acme-labs/tiny-base-7b
hub_model_id: acme-labs/tiny-chat-7b
output_dir: data/tiny-chat-7b

# Data training arguments
dataset_mixture:
  datasets:
    - id: acme-labs/chat-turns
      config: default
      split: train
      weight: 1.0
    - id: acme-labs/math-steps
      split: train
dataset_num_proc: 12
"""


def test_a_recipe_selects_its_hub_datasets_by_key(make_repo: MakeRepo, run_cli: RunCli) -> None:
    found = scan_references(make_repo, run_cli, {"recipes/sft.yaml": SFT_RECIPE})
    assert found == {
        ("recipes/sft.yaml", 10, "hf:acme-labs/chat-turns", "config"),
        ("recipes/sft.yaml", 14, "hf:acme-labs/math-steps", "config"),
    }


def test_dataset_name_mixers_and_lists_of_hub_ids(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "trl/dpo.yaml": "model_name_or_path: acme-labs/base\ndataset_name: acme-labs/prefs\n",
        "mix/config.yaml": (
            "dataset_mixer:\n  acme-labs/prefs-a: 0.5\n  acme-labs/prefs-b: 0.5\n"
            "dataset_splits:\n- train_prefs\n"
        ),
        "axolotl/lora.yml": (
            "base_model: acme-labs/base\ndatasets:\n  - path: acme-labs/instruct-style\n"
            "    type: chat_template\n  - path: data/extra_turns.jsonl\n    type: completion\n"
        ),
        "args.json": (
            '{\n  "model_name": "acme-labs/base",\n  "dataset": "acme-labs/qa-pairs",\n}\n'
        ),
        "train.toml": '[data]\ndatasets = ["acme-labs/code-a", "acme-labs/code-b"]\n',
    }
    found = scan_references(make_repo, run_cli, files)
    assert found == {
        ("trl/dpo.yaml", 2, "hf:acme-labs/prefs", "config"),
        ("mix/config.yaml", 2, "hf:acme-labs/prefs-a", "config"),
        ("mix/config.yaml", 3, "hf:acme-labs/prefs-b", "config"),
        ("axolotl/lora.yml", 3, "hf:acme-labs/instruct-style", "config"),
        ("axolotl/lora.yml", 5, "local:data/extra_turns.jsonl", "path"),
        ("args.json", 3, "hf:acme-labs/qa-pairs", "config"),
        ("train.toml", 2, "hf:acme-labs/code-a", "config"),
        ("train.toml", 2, "hf:acme-labs/code-b", "config"),
    }


def test_models_tokenizers_and_outputs_are_not_datasets(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The look-alikes beside one dataset the recipe does select (so that the test can fail)."""
    files = {
        "recipe.yaml": (
            "dataset_name: acme-labs/feedback\n"
            "model_name_or_path: acme-labs/base-7b\nhub_model_id: acme-labs/chat-7b\n"
            "tokenizer_name: acme-labs/base-7b\nref_model: acme-labs/sft-7b\n"
            "output_dir: data/chat-7b\npush_to_hub_model_id: acme-labs/chat-7b\n"
            "model:\n  datasets_seen: acme-labs/notes\n"
            "chat_template: data/templates\nrevision: main/v1\n"
        ),
        # A workflow's paths and a docs tool's files are not data either.
        ".github/workflows/ci.yml": (
            "jobs:\n  build:\n    steps:\n      - uses: actions/upload-artifact@v4\n"
            "        with:\n          path: wheelhouse/\n"
        ),
        ".readthedocs.yaml": "sphinx:\n  configuration: docs/conf.py\n",
    }
    assert scan_references(make_repo, run_cli, files) == {
        ("recipe.yaml", 1, "hf:acme-labs/feedback", "config")
    }


FACE_TEST = """\
data:
  test:
  - dataset:
      type: PairDataset
      name: AgeDB-30
      data_dir: ../faces_data/val/
      ann_path: ../faces_data/val/pairs_a.lst
      test_mode: true
  - dataset:
      type: PairDataset
      name: Merged
      data_dir: ../faces_data/val/
      pair_ann_file: merged_template_pairs.txt
"""


def test_data_locations_take_the_dataset_their_mapping_names(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"config/test/faces.yml": FACE_TEST})
    located = {(line, dataset, kind) for _, line, dataset, kind in found if line > 5}
    assert located == {
        (6, "agedb", "path"),
        (7, "agedb", "path"),
        (12, "local:../faces_data", "path"),
        (13, "local:merged_template_pairs.txt", "path"),
    }


def test_data_keys_hold_data_and_output_keys_do_not(make_repo: MakeRepo, run_cli: RunCli) -> None:
    segmentation = (
        "DATASET:\n"
        '  root_dataset: "./data/"\n'
        '  list_train: "./data/training.odgt"\n'
        '  list_val: "./data/validation.odgt"\n'
        '  data_config_file: "configs/ade_classes.json"\n'
        "TRAIN:\n"
        '  log_dir: "./data/logs"\n'
        "DIR: ckpt/seg-run\n"
        "MODEL:\n"
        '  weights_encoder: "data/encoder.pth"\n'
    )
    speech = (
        '{\n  "train": {"epochs": 10},\n  "data": {\n'
        '    "training_files": "filelists/voice_train.txt",\n'
        '    "vocab_file": "filelists/symbols.txt",\n'
        '    "path": "corpora/voice/wavs"\n  }\n}\n'
    )
    found = scan_references(
        make_repo, run_cli, {"config/seg.yaml": segmentation, "configs/tts.json": speech}
    )
    assert found == {
        ("config/seg.yaml", 3, "local:data/training.odgt", "path"),
        ("config/seg.yaml", 4, "local:data/validation.odgt", "path"),
        ("configs/tts.json", 4, "local:filelists/voice_train.txt", "path"),
        ("configs/tts.json", 6, "local:corpora/voice/wavs", "path"),
    }


def test_a_location_adds_no_second_id_to_a_line_that_names_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    config = "data:\n  train_data_dir: data/faces_emore/imgs\n  data_root: /srv/unnamed/set_a\n"
    found = scan_references(make_repo, run_cli, {"train.yml": config})
    assert found == {
        ("train.yml", 2, "ms1mv2", "path"),
        ("train.yml", 3, "local:/srv/unnamed/set_a", "path"),
    }


REID_OPTIONS = """\
import argparse

parser = argparse.ArgumentParser(description='Training')
parser.add_argument('--data_dir', default='/home/me/Market/pytorch', type=str, help='data')
parser.add_argument('--test_dir', type=str,
                    default='../campus_cams/pytorch/')
parser.add_argument('--train_file_list', default='/media/ssd/align_train.list')
parser.add_argument('--name', default='ft_ResNet50/run1', type=str, help='output model name')
parser.add_argument('--save_dir', default='/home/me/Market/runs')
parser.add_argument('--image_dir', default='./samples/test_images/')
parser.add_argument('--pretrained_path', default='../models/backbone_base')
parser.add_argument('--data_root', default='./')
opt = parser.parse_args()
"""


def test_an_option_that_names_a_data_location_defaults_to_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The argparse form of a data key: a path with no data folder on it is the option's data;
    an output, a run name, images to run a model on, a model or a root alone is not."""
    found = scan_references(make_repo, run_cli, {"train.py": REID_OPTIONS})
    assert found == {
        ("train.py", 4, "local:/home/me/Market/pytorch", "path"),
        ("train.py", 6, "local:../campus_cams/pytorch", "path"),
        ("train.py", 7, "local:/media/ssd/align_train.list", "path"),
    }
