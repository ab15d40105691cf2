"""A deterministic synthetic ML repository for the benchmarks.

``generate(path, files)`` writes and commits a git repository of ``files`` files: 60% Python
modules, 10% notebooks, 10% YAML/JSON configs, 10% Markdown and 10% binary files (weights,
arrays, images), about 15 KB a file on average, so 20,000 files are roughly 300 MB. About one
file in 50 names a dataset from ``DATASET_NAMES`` (a loader call, a data path, a config value
or a sentence); the rest load plain, unknown datasets or none, as most ML code does.

The same seed and size give the same bytes on every machine and every release: the names are
fixed here, not read from the shipped data, so a blocklist update does not change the tree.

    python benchmarks/synthetic.py --files 5000 /tmp/repo-5000
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20261123
# Bump when the generator's output changes, so a cached tree is rebuilt.
GENERATOR_VERSION = 2
REFERENCE_RATE = 1 / 50  # files that name a listed dataset

# Names datasheet-lint knows (catalogue and blocklist), as code spells them; the benchmark's
# grep pattern is the same list, so every tool looks for the same thing.
DATASET_NAMES = (
    "mnist",
    "fashion_mnist",
    "cifar10",
    "CIFAR-100",
    "imagenet-1k",
    "coco",
    "ade20k",
    "cityscapes",
    "celeb_a",
    "lfw",
    "squad",
    "imdb",
    "wikitext",
    "ag_news",
    "glue",
    "openwebtext",
    "c4",
    "bookcorpus",
    "common_voice",
    "librispeech_asr",
    "Market-1501",
    "cuhk03",
    "VGGFace2",
    "kinetics",
    "ucf101",
    "MS-Celeb-1M",
    "faces_emore",
    "ms1m-retinaface-t1",
    "DukeMTMC-reID",
    "brainwash_train.idl",
    "tiny_images.bin",
    "MegaFace",
    "LAION-5B",
    "LAION-400M",
    "books3.tar.gz",
    "EleutherAI/pile",
    "WebVid-10M",
    "HRT-Transgender",
)
WORDS = (
    "model",
    "data",
    "train",
    "eval",
    "loss",
    "batch",
    "step",
    "layer",
    "encoder",
    "decoder",
    "feature",
    "token",
    "embed",
    "score",
    "metric",
    "config",
    "path",
    "cache",
    "sample",
    "split",
    "image",
    "text",
    "label",
    "weight",
    "optim",
    "sched",
    "logger",
    "result",
    "output",
    "input",
    "buffer",
    "queue",
    "stream",
    "worker",
    "shard",
    "index",
    "record",
)
PLAIN_DATASETS = (
    "acme/support-tickets",
    "internal/clickstream-2024",
    "team/product-reviews",
    "org/sensor-readings",
    "lab/warehouse-images",
)
BINARY_SUFFIXES = (".pt", ".bin", ".npy", ".png", ".pkl", ".onnx")


def _ident(rng: random.Random) -> str:
    return "_".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))


def _python(rng: random.Random, dataset: str | None, target: int) -> str:
    lines = [
        f'"""{_ident(rng).replace("_", " ").capitalize()} utilities."""',
        "",
        "from __future__ import annotations",
        "",
        "import os",
        "from pathlib import Path",
        "",
        "import numpy as np",
        "import torch",
    ]
    # Most modules are model and training code that never touches a loader.
    loads = rng.random() < 0.3 or dataset is not None
    if loads:
        lines += ["from datasets import load_dataset", "from torchvision import datasets as tv"]
    lines += ["", f'DATA_DIR = Path(os.environ.get("DATA_DIR", "/data/{_ident(rng)}"))', ""]
    size = sum(len(x) + 1 for x in lines)
    placed = dataset is None
    while size < target or not placed:
        name = _ident(rng)
        body = [
            "",
            f"def {name}(batch: torch.Tensor, scale: float = {rng.random():.3f}) -> torch.Tensor:",
            f'    """Compute the {rng.choice(WORDS)} {rng.choice(WORDS)} of a batch."""',
            f"    # {rng.choice(WORDS)}: keep the {rng.choice(WORDS)} stable",
            f"    {rng.choice(WORDS)} = batch * scale + {rng.randint(0, 99)}",
        ]
        roll = rng.random()
        if not placed and roll < 0.5:
            body.append(f'    ds = load_dataset("{dataset}", split="train")')
            placed = True
        elif not placed:
            body.append(f'    source = DATA_DIR / "{dataset}" / "train.csv"')
            placed = True
        elif loads and roll < 0.15:
            body.append(f'    ds = load_dataset("{rng.choice(PLAIN_DATASETS)}", split="train")')
        elif loads and roll < 0.25:
            body.append(f'    ds = tv.ImageFolder(str(DATA_DIR / "{_ident(rng)}"))')
        elif roll < 0.4:
            body.append(f'    path = DATA_DIR / "{_ident(rng)}" / "part-{rng.randint(0, 999)}.npy"')
            body.append("    arr = np.load(path)")
        body.append(f"    return batch.mean(dim={rng.randint(0, 2)})")
        lines.extend(body)
        size += sum(len(x) + 1 for x in body)
    return "\n".join(lines) + "\n"


def _notebook(rng: random.Random, dataset: str | None) -> str:
    cells: list[dict[str, object]] = []
    for i in range(rng.randint(4, 12)):
        if i % 3 == 0:
            text = f"## {_ident(rng).replace('_', ' ').title()}\n\nWe look at the {_ident(rng)}."
            cells.append({"cell_type": "markdown", "metadata": {}, "source": text})
            continue
        src = [
            "import torch\n",
            "from datasets import load_dataset\n",
            f'ds = load_dataset("{rng.choice(PLAIN_DATASETS)}")\n',
            f"x = torch.randn({rng.randint(1, 64)}, {rng.randint(1, 64)})\n",
        ]
        if dataset is not None and i == 1:
            src.append(f'ref = load_dataset("{dataset}")\n')
        cells.append(
            {
                "cell_type": "code",
                "execution_count": i,
                "metadata": {},
                "outputs": [
                    {"name": "stdout", "output_type": "stream", "text": [f"{rng.random()}\n"]}
                ],
                "source": src,
            }
        )
    doc = {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(doc, indent=1) + "\n"


def _config(rng: random.Random, dataset: str | None, as_json: bool) -> str:
    name = dataset if dataset is not None else rng.choice(PLAIN_DATASETS)
    data = {
        "experiment": _ident(rng),
        "seed": rng.randint(0, 10_000),
        "dataset": {"name": name, "split": "train", "root": f"/data/{_ident(rng)}"},
        "model": {"layers": rng.randint(2, 48), "hidden": rng.choice((256, 512, 1024))},
        "optim": {"lr": round(rng.random() / 100, 6), "warmup": rng.randint(0, 5000)},
        "tags": [rng.choice(WORDS) for _ in range(rng.randint(1, 6))],
    }
    if as_json:
        return json.dumps(data, indent=2) + "\n"
    out: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            out.append(f"{key}:")
            out.extend(f"  {k}: {v}" for k, v in value.items())
        elif isinstance(value, list):
            out.append(f"{key}: [{', '.join(map(str, value))}]")
        else:
            out.append(f"{key}: {value}")
    return "\n".join(out) + "\n"


def _markdown(rng: random.Random, dataset: str | None) -> str:
    parts = [f"# {_ident(rng).replace('_', ' ').title()}", ""]
    for _ in range(rng.randint(3, 10)):
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        parts.extend([sentence.capitalize() + ".", ""])
    if dataset is not None:
        parts.extend([f"The model was trained on {dataset}.", ""])
    parts.extend(["```bash", f"python train.py --config configs/{_ident(rng)}.yaml", "```"])
    return "\n".join(parts) + "\n"


@dataclass
class Repo:
    """A generated repository: where, how many files and bytes, and what it plants."""

    path: Path
    files: int
    size: int = 0
    python_files: list[str] = field(default_factory=list)
    planted: int = 0  # files that name one of DATASET_NAMES


def _stamp(files: int, seed: int) -> str:
    return f"datasheet-lint synthetic v{GENERATOR_VERSION} seed {seed} files {files}\n"


def _load_existing(path: Path, files: int, seed: int) -> Repo | None:
    """A tree this generator already wrote with the same settings, left untouched."""
    stamp = path / ".git" / "synthetic.json"
    try:
        meta = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("stamp") != _stamp(files, seed):
        return None
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=path, capture_output=True, text=True, check=False
    )
    if status.returncode != 0 or status.stdout.strip():
        return None
    return Repo(path, files, meta["size"], meta["python_files"], meta["planted"])


def generate(path: Path, files: int, *, seed: int = SEED, reuse: bool = True) -> Repo:
    """Write and commit the repository (or reuse an identical one already at ``path``)."""
    if reuse and (existing := _load_existing(path, files, seed)) is not None:
        return existing
    rng = random.Random(seed + files)
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    repo = Repo(path, files)
    for i in range(files):
        kind = rng.random()
        dataset = rng.choice(DATASET_NAMES) if rng.random() < REFERENCE_RATE else None
        folder = Path(f"pkg{i % 7}") / f"sub{i % 97}"
        stem = f"{_ident(rng)}_{i}"
        if kind < 0.6:
            rel = folder / f"{stem}.py"
            data = _python(rng, dataset, rng.randint(1500, 8000)).encode()
            repo.python_files.append(rel.as_posix())
        elif kind < 0.7:
            rel = Path("notebooks") / f"sub{i % 31}" / f"{stem}.ipynb"
            data = _notebook(rng, dataset).encode()
        elif kind < 0.8:
            as_json = rng.random() < 0.3
            rel = Path("configs") / f"sub{i % 31}" / f"{stem}.{'json' if as_json else 'yaml'}"
            data = _config(rng, dataset, as_json).encode()
        elif kind < 0.9:
            rel = Path("docs") / f"sub{i % 31}" / f"{stem}.md"
            data = _markdown(rng, dataset).encode()
        else:
            rel = Path("assets") / f"sub{i % 31}" / f"{stem}{rng.choice(BINARY_SUFFIXES)}"
            data = b"\x00\x01BIN\x00" + rng.randbytes(rng.randint(60_000, 220_000))
            dataset = None
        repo.planted += dataset is not None
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        repo.size += len(data)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=path, check=True)
    subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "synthetic"], cwd=path, check=True)
    meta = {
        "stamp": _stamp(files, seed),
        "size": repo.size,
        "python_files": repo.python_files,
        "planted": repo.planted,
    }
    (path / ".git" / "synthetic.json").write_text(json.dumps(meta), encoding="utf-8")
    return repo


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic ML repository.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    repo = generate(args.path, args.files, seed=args.seed, reuse=False)
    sys.stderr.write(f"{repo.files} files, {repo.size / 1e6:.0f} MB, {repo.planted} planted\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
