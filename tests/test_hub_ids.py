"""Hub ids that scripts and code hand to what selects data (extract/hub_ids.py): flags,
keywords, constants, comparisons, and lists or mappings under a name that says data. The same
ids given to a model, a tokenizer, an output or a location are not datasets."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, scan_references

LAUNCH = """\
#!/bin/bash
# Preference tuning on two mixtures; the base model is the team's SFT checkpoint.
export data_mix="acme-labs/prefs-math 1.0 acme-labs/prefs-code 0.5"
accelerate launch train_dpo.py \\
    --model_name_or_path acme-labs/tiny-sft-7b \\
    --tokenizer_name acme-labs/tiny-sft-7b \\
    --reward_model_path acme-labs/tiny-rm-7b \\
    --dataset_mixer_list acme-labs/prefs-chat 1.0 \\
        acme-labs/prefs-safety 0.25 \\
    --dataset_mixer_eval_list acme-labs/prefs-chat 16 \\
    --dataset_mixer '{"acme-labs/prefs-extra": 1.0}' \\
    --output_dir runs/dpo \\
    --hub_model_id acme-labs/tiny-dpo-7b
# --dataset_name acme-labs/old-prefs
python eval.py --dataset_name=acme-labs/held-out --data_dir corpus/held-out
datasets=(
    acme-labs/sft-turns
    "acme-labs/sft-tools"
)
"""


def test_a_launch_script_selects_its_hub_datasets_by_flag(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"scripts/dpo.sh": LAUNCH})
    assert found == {
        ("scripts/dpo.sh", 3, "hf:acme-labs/prefs-math", "config"),
        ("scripts/dpo.sh", 3, "hf:acme-labs/prefs-code", "config"),
        ("scripts/dpo.sh", 8, "hf:acme-labs/prefs-chat", "config"),
        ("scripts/dpo.sh", 9, "hf:acme-labs/prefs-safety", "config"),
        ("scripts/dpo.sh", 10, "hf:acme-labs/prefs-chat", "config"),
        ("scripts/dpo.sh", 11, "hf:acme-labs/prefs-extra", "config"),
        ("scripts/dpo.sh", 15, "hf:acme-labs/held-out", "config"),
        ("scripts/dpo.sh", 17, "hf:acme-labs/sft-turns", "config"),
        ("scripts/dpo.sh", 18, "hf:acme-labs/sft-tools", "config"),
    }


TRAINER = '''\
"""Fine-tune a small model.

    python sft.py --dataset_name acme-labs/chat-turns --model_name acme-labs/base
    python sft.py --dataset_name your-org/your-dataset
"""
import subprocess
from dataclasses import dataclass, field

EVAL_DATASET = "acme-labs/held-out"
BASE_MODEL = "acme-labs/base-7b"


@dataclass
class ScriptArguments:
    dataset_mixer_list: list[str] = field(default_factory=lambda: ["acme-labs/chat-turns", "1.0"])
    model_name_or_path: str = field(default="acme-labs/base-7b")


def build(parser, args, progress):
    parser.add_argument("--dataset", type=str, default="acme-labs/math-steps")
    parser.add_argument("--reward_model", type=str, default="acme-labs/tiny-rm")
    sources = [DatasetConfig(path="acme-labs/tool-calls", name="default")]
    if args.dataset_name == "acme-labs/vision-qa":
        sources.append(DatasetConfig(
            path="acme-labs/vision-qa-images", split="train",
        ))
    mixture = {"acme-labs/mix-a": 0.7, "acme-labs/mix-b": 0.3}
    datasets_info = {
        "Charts": {
            "path": "acme-labs/chart-captions",
            "split": "train",
        },
    }
    subprocess.run(["trl", "sft", "--dataset_name", "acme-labs/zen-tests"], check=True)
    command = f"trl dpo --model_name_or_path acme-labs/base --dataset_name acme-labs/zen-prefs"
    progress.set_postfix({"tok/ex": 1.0, "acme-labs/not-data": 2})
    model = AutoModel.from_pretrained("acme-labs/base-7b")
    return sources, mixture, datasets_info, command, model
'''


def test_python_names_its_hub_datasets_by_what_holds_them(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"sft.py": TRAINER})
    hub = {item for item in found if item[2].startswith("hf:")}
    assert hub == {
        ("sft.py", 3, "hf:acme-labs/chat-turns", "mention"),  # a usage example: a mention
        ("sft.py", 9, "hf:acme-labs/held-out", "config"),
        ("sft.py", 15, "hf:acme-labs/chat-turns", "config"),
        ("sft.py", 20, "hf:acme-labs/math-steps", "config"),
        ("sft.py", 22, "hf:acme-labs/tool-calls", "config"),
        ("sft.py", 23, "hf:acme-labs/vision-qa", "config"),
        ("sft.py", 25, "hf:acme-labs/vision-qa-images", "config"),
        ("sft.py", 27, "hf:acme-labs/mix-a", "config"),
        ("sft.py", 27, "hf:acme-labs/mix-b", "config"),
        ("sft.py", 30, "hf:acme-labs/chart-captions", "config"),
        ("sft.py", 34, "hf:acme-labs/zen-tests", "config"),
        ("sft.py", 35, "hf:acme-labs/zen-prefs", "config"),
    }


def test_an_option_written_over_lines_selects_by_its_flag(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = (
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument(\n"
        '    "--dataset",\n'
        "    type=str,\n"
        '    default="acme-labs/personas-code",\n'
        ")\n"
        "parser.add_argument(\n"
        '    "--judge_model",\n'
        '    default="acme-labs/judge-7b",\n'
        ")\n"
    )
    found = scan_references(make_repo, run_cli, {"regenerate.py": text})
    # One dataset: the default is the Hub id, not also a local folder of that name.
    assert found == {("regenerate.py", 6, "hf:acme-labs/personas-code", "config")}


def test_a_loader_call_keeps_the_platform_its_reader_gives(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """kagglehub's download takes owner/slug too: Kaggle's id, never a second Hub one."""
    text = (
        "import kagglehub\n"
        'path = kagglehub.dataset_download("acme-labs/claims")\n'
        'configs = [DatasetConfig(path="acme-labs/chats")]\n'
    )
    found = scan_references(make_repo, run_cli, {"fetch.py": text})
    assert {item[2] for item in found} == {"kaggle:acme-labs/claims", "hf:acme-labs/chats"}


def test_a_folder_inside_a_known_dataset_is_not_a_hub_id(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """cifar10/images is CIFAR-10's own folder, which the name pass reports."""
    text = "python train.py --train_data_path cifar10/images --dataset_name acme-labs/chats\n"
    found = scan_references(make_repo, run_cli, {"run.sh": text})
    assert {item[2] for item in found if item[2].startswith("hf:")} == {"hf:acme-labs/chats"}


def test_a_folder_named_for_a_known_dataset_is_not_a_hub_id(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """VCTK-Corpus/wav48 is a folder of VCTK's release (its name names the dataset as a part
    of its own), not the Hub id of an owner called VCTK-Corpus."""
    text = 'DATASETS = [\n    "VCTK-Corpus/wav48",\n    "acme-labs/voices",\n]\n'
    found = scan_references(make_repo, run_cli, {"config.py": text})
    assert {item[2] for item in found if item[2].startswith("hf:")} == {"hf:acme-labs/voices"}
