"""`datasheet-lint init`: scaffold datasheets, never overwrite, write atomically."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli, findings, snapshot_tree

CODE = """\
from datasets import load_dataset
import torchvision

train = load_dataset("ylecun/mnist", split="train")
cifar = torchvision.datasets.CIFAR10("data", download=True)
faces = load_dataset("acme/private-faces")
"""

# What a person writes in place of each TODO; enums get one of their allowed answers.
ANSWERS = {
    "contains_people": '"no"',
    "personal_data": "[]",
    "consent": "not-applicable",
    "gdpr_art6": "not-applicable",
    "gdpr_art9": "not-applicable",
    "status": "active",
    "license": "CC-BY-4.0",
    "derived_from": "[]",
    "license_url": "https://example.org/licence",
}


def fill(text: str) -> str:
    """Answer every TODO the way a person would: enums by value, free text by text."""
    for key, answer in ANSWERS.items():
        text = re.sub(rf'^(\s*){key}: "?TODO\b.*$', rf"\g<1>{key}: {answer}", text, flags=re.M)
    text = re.sub(r'"TODO: [^"]*"', '"Answered by the team."', text)
    text = text.replace(": TODO", ": answered")
    assert "TODO" not in text.split("\n", 4)[4]  # only the header comment may say TODO
    return text


def test_missing_datasheets_then_init_then_filled_passes(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": CODE})
    before = run_cli(repo, "check", "--format", "json")
    assert before.exit_code == 1
    missing = {(f[0], f[1], f[3]) for f in findings(before) if f[2] == "DSL201"}
    assert missing == {
        ("train.py", 4, "mnist"),
        ("train.py", 5, "cifar-10"),
        ("train.py", 6, "hf:acme/private-faces"),
    }

    made = run_cli(repo, "init", "--missing")
    assert made.exit_code == 0, made.stdout + made.stderr
    written = sorted(p.name for p in (repo / "datasheets").iterdir())
    assert written == ["acme-private-faces.yaml", "cifar-10.yaml", "mnist.yaml"]
    assert "Wrote datasheets/mnist.yaml for mnist" in made.stdout

    # Unfilled: the TODOs are incomplete (DSL206), never schema errors (DSL202).
    todo = run_cli(repo, "check", "--format", "json")
    codes = {f[2] for f in findings(todo)}
    assert "DSL201" not in codes and "DSL202" not in codes
    assert "DSL206" in codes

    for path in (repo / "datasheets").iterdir():
        path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    after = run_cli(repo, "check", "--format", "json")
    codes = {f[2] for f in findings(after)}
    assert not codes & {"DSL201", "DSL202", "DSL203", "DSL204", "DSL205"}, after.stdout
    assert not [f for f in after.json()["findings"] if "TODO" in f["message"]]
    assert after.exit_code == 0, after.stdout


def test_prefills_known_facts_with_sources(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE})
    run_cli(repo, "init", "mnist", "ms1mv2")
    mnist = (repo / "datasheets" / "mnist.yaml").read_text(encoding="utf-8")
    assert mnist.startswith("# yaml-language-server: $schema=")
    assert "hf: ylecun/mnist" in mnist and "torchvision: MNIST" in mnist
    assert "homepage:" in mnist and "yann.lecun.com" in mnist
    derived = (repo / "datasheets" / "ms1mv2.yaml").read_text(encoding="utf-8")
    assert "status: retracted" in derived and "status_sources:" in derived
    assert "{id: ms-celeb-1m, relation: other}" in derived


def test_init_accepts_loader_ids_and_names(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE})
    result = run_cli(repo, "init", "torchvision:CIFAR10", "hf:acme/private-faces")
    assert result.exit_code == 0, result.stdout
    assert sorted(p.name for p in (repo / "datasheets").iterdir()) == [
        "acme-private-faces.yaml",
        "cifar-10.yaml",
    ]


def test_init_twice_changes_nothing(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE})
    assert run_cli(repo, "init", "--missing").exit_code == 0
    sheet = repo / "datasheets" / "mnist.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    snapshot = snapshot_tree(repo)

    again = run_cli(repo, "init", "--missing")
    assert again.exit_code == 0
    assert "nothing to write" in again.stdout
    explicit = run_cli(repo, "init", "mnist")
    assert explicit.exit_code == 2
    assert "datasheets/mnist.yaml" in explicit.stderr and "not overwriting" in explicit.stderr
    assert snapshot_tree(repo) == snapshot


def test_dry_run_writes_nothing(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE})
    snapshot = snapshot_tree(repo)
    result = run_cli(repo, "init", "--missing", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.count("Would write datasheets/") == 3
    assert "datasheet_version: 1" in result.stdout
    assert snapshot_tree(repo) == snapshot


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_clear_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE, "datasheets/README.md": "Datasheets live here.\n"})
    folder = repo / "datasheets"
    folder.chmod(0o555)
    try:
        result = run_cli(repo, "init", "mnist")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert "datasheets/mnist.yaml" in result.stderr and "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["README.md"]


def test_datasheets_path_that_is_a_file_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": CODE, "datasheets": "not a folder\n"})
    result = run_cli(repo, "init", "mnist")
    assert result.exit_code == 2
    assert "datasheets" in result.stderr and "not a folder" in result.stderr


def test_failed_rename_leaves_no_partial_file(
    make_repo: MakeRepo, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo({"train.py": CODE, "datasheets/.keep": ""})

    def refuse(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    result = run_cli(repo, "init", "mnist")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert sorted(p.name for p in (repo / "datasheets").iterdir()) == [".keep"]


def test_init_needs_a_dataset_or_missing(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli(make_repo({"train.py": CODE}), "init")
    assert result.exit_code == 2
    assert "--missing" in result.stderr
