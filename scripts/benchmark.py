"""Benchmark ``datasheet-lint check`` against real tools on synthetic git repositories.

For each ``--files N`` the script builds a deterministic synthetic repository (Python modules,
notebooks, configs, Markdown and binary files, about 15 KB a file on average, so 20,000 files
are roughly 300 MB), commits it, and times, side by side in one run, with
``/usr/bin/time -f "%e %M"`` (wall seconds, peak KB), best of ``--repeat``:

* ``datasheet-lint check . --format json --exit-zero`` (the whole-repository scan);
* ``git grep -i -E -c`` with an alternation of about 50 dataset names from the shipped
  catalogue and blocklist (the yardstick: the scan should take at most 5x as long);
* ``rg -i -c`` with the same pattern, ``ruff check --no-cache --exit-zero .``,
  ``detect-secrets scan`` and ``reuse lint``, each when installed ("not installed" otherwise).

In the largest repository it then modifies and stages 3 files and times
``datasheet-lint check --staged <the 3 files>`` against ``python -c pass`` of the same
interpreter, best of 10 (the pre-commit case).

    python scripts/benchmark.py                        # 1000, 5000 and 20000 files
    python scripts/benchmark.py --files 1000 --files 5000 --repeat 3
    python scripts/benchmark.py --strict               # exit 1 when a target fails

Targets: scan <= 5x git grep; scan faster than detect-secrets and REUSE; pre-commit overhead
<= 150 ms over interpreter start-up; peak memory of a scan < 300 MB; time grows at most
linearly with the number of files. Exit status: 0 (1 with ``--strict`` when a target fails,
2 on bad usage).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = 20261123
DEFAULT_FILES = (1000, 5000, 20000)
PATTERN_NAMES = 50
# A tool whose first run takes longer than this is not repeated (its best of 1 is reported).
SLOW_SECONDS = 60.0
TIMEOUT_SECONDS = 1800.0
PRECOMMIT_RUNS = 10
PRECOMMIT_FILES = 3

MAX_RATIO_GREP = 5.0
MAX_PRECOMMIT_MS = 150.0
MAX_PEAK_MB = 300.0
# Linear growth: seconds per file at the largest size at most this times that at the smallest.
MAX_PER_FILE_GROWTH = 1.5

ERE_SPECIAL = set(".[]()*+?{}|^$\\")


# -- dataset names -------------------------------------------------------------------------


def dataset_names() -> tuple[list[str], list[str]]:
    """(names for code, ~50 names for the grep pattern) from the shipped catalogue/blocklist."""
    from datasheet_lint.knowledge import blocklist, catalogue

    names: list[str] = []
    seen: set[str] = set()
    for alias in (*blocklist.builtin().aliases, *catalogue.builtin().aliases):
        if alias.dataset is None or alias.url or alias.needs_near or alias.ambiguous:
            continue
        if len(alias.value) < 4 or not all(c.isalnum() or c in "-_ ./" for c in alias.value):
            continue
        key = alias.value.casefold()
        if key not in seen:
            seen.add(key)
            names.append(alias.value)
    # The pattern: one name per dataset first (so every dataset is covered), then more names.
    by_dataset: dict[str, str] = {}
    for alias in (*blocklist.builtin().aliases, *catalogue.builtin().aliases):
        if alias.value in names and alias.dataset is not None:
            by_dataset.setdefault(alias.dataset, alias.value)
    pattern = list(by_dataset.values())[:PATTERN_NAMES]
    for name in names:
        if len(pattern) >= PATTERN_NAMES:
            break
        if name not in pattern:
            pattern.append(name)
    return names, pattern


def ere_alternation(names: Sequence[str]) -> str:
    return "|".join("".join("\\" + c if c in ERE_SPECIAL else c for c in n) for n in names)


# -- the synthetic repository --------------------------------------------------------------

WORDS = [
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
]
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
        "from datasets import load_dataset",
        "from torchvision import datasets as tv_datasets",
        "",
        f'DATA_DIR = Path(os.environ.get("DATA_DIR", "/data/{_ident(rng)}"))',
        "",
    ]
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
        elif roll < 0.15:
            body.append(f'    ds = load_dataset("{rng.choice(PLAIN_DATASETS)}", split="train")')
        elif roll < 0.25:
            body.append(f'    ds = tv_datasets.ImageFolder(str(DATA_DIR / "{_ident(rng)}"))')
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
    path: Path
    files: int
    size: int
    python_files: list[str] = field(default_factory=list)
    references: int = 0


def generate(path: Path, files: int, names: Sequence[str], seed: int = SEED) -> Repo:
    rng = random.Random(seed + files)
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    repo = Repo(path, files, 0)
    for i in range(files):
        kind = rng.random()
        dataset = rng.choice(names) if rng.random() < 1 / 50 else None
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
        if dataset is not None:
            repo.references += 1
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        repo.size += len(data)
    git = ["git", "-c", "user.name=b", "-c", "user.email=b@x"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "synthetic"], cwd=path, check=True)
    return repo


# -- measuring -----------------------------------------------------------------------------


@dataclass
class Timing:
    seconds: float | None = None  # None: not installed / failed / timed out
    peak_mb: float | None = None
    note: str = ""


def _time_once(cmd: Sequence[str], cwd: Path) -> tuple[float, float, int]:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        fields = Path(out.name).read_text().split()
    # /usr/bin/time may prepend "Command exited with non-zero status N".
    return float(fields[-2]), int(fields[-1]) / 1024, proc.returncode


def measure(cmd: Sequence[str] | None, cwd: Path, repeat: int, ok: set[int]) -> Timing:
    if cmd is None:
        return Timing(note="not installed")
    best = Timing()
    for i in range(repeat):
        try:
            seconds, peak, code = _time_once(cmd, cwd)
        except subprocess.TimeoutExpired:
            return Timing(note="timeout")
        if code not in ok:
            return Timing(note=f"exit {code}")
        if best.seconds is None or seconds < best.seconds:
            best.seconds = seconds
        best.peak_mb = max(best.peak_mb or 0.0, peak)  # peak over all runs
        if i == 0 and seconds > SLOW_SECONDS:
            best.note = "best of 1"
            break
    return best


def tool(name: str) -> str | None:
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def precommit(repo: Repo, repeat: int) -> tuple[float, float, float]:
    """(check --staged of 3 changed files, python -c pass, difference), best of ``repeat``, ms."""
    changed = repo.python_files[:: max(1, len(repo.python_files) // PRECOMMIT_FILES)]
    changed = changed[:PRECOMMIT_FILES]
    for rel in changed:
        with (repo.path / rel).open("a", encoding="utf-8") as handle:
            handle.write('\nEXTRA = load_dataset("lab/warehouse-images")  # changed\n')
    subprocess.run(["git", "add", "--", *changed], cwd=repo.path, check=True)
    check = [str(BIN / "datasheet-lint"), "check", "--staged", "--exit-zero", *changed]
    bare = [sys.executable, "-c", "pass"]

    def best(cmd: Sequence[str]) -> float:
        runs: list[float] = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=repo.path, stdout=subprocess.DEVNULL, check=False)
            runs.append((time.perf_counter() - start) * 1000)
        return min(runs)

    best(check)  # warm the caches once
    check_ms, bare_ms = best(check), best(bare)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo.path, check=True)
    return check_ms, bare_ms, check_ms - bare_ms


# -- the report ----------------------------------------------------------------------------

TOOLS = ("datasheet-lint", "git grep", "rg", "ruff", "detect-secrets", "reuse")


@dataclass
class Row:
    repo: Repo
    timings: dict[str, Timing]
    found: tuple[int, int]  # references, findings reported by check


def _cell(t: Timing) -> str:
    if t.seconds is None:
        return t.note
    text = f"{t.seconds:.2f} s / {t.peak_mb or 0:.0f} MB"
    return f"{text} ({t.note})" if t.note else text


def _ratio(a: Timing, b: Timing) -> float | None:
    if a.seconds is None or b.seconds is None:
        return None
    return a.seconds / max(b.seconds, 0.01)


def render(rows: Sequence[Row], pre: tuple[float, float, float] | None) -> tuple[str, bool]:
    head = ["files", "MB", *TOOLS, "check/git grep"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        ratio = _ratio(row.timings["datasheet-lint"], row.timings["git grep"])
        cells = [
            str(row.repo.files),
            f"{row.repo.size / 1e6:.0f}",
            *(_cell(row.timings[t]) for t in TOOLS),
            "n/a" if ratio is None else f"{ratio:.1f}x",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    refs = "; ".join(
        f"{r.repo.files} files: {r.repo.references} name a listed dataset, check reported "
        f"{r.found[0]} references and {r.found[1]} findings"
        for r in rows
    )
    lines.append(f"Sanity: {refs}.")
    if pre is not None:
        lines.append(
            f"Pre-commit ({PRECOMMIT_FILES} changed files, largest repository, best of "
            f"{PRECOMMIT_RUNS}): check --staged {pre[0]:.0f} ms, python -c pass {pre[1]:.0f} ms, "
            f"overhead {pre[2]:.0f} ms."
        )
    lines.append("")

    results: list[tuple[str, bool | None]] = []
    largest = rows[-1]
    ratio = _ratio(largest.timings["datasheet-lint"], largest.timings["git grep"])
    results.append(
        (
            f"whole scan <= {MAX_RATIO_GREP:.0f}x git grep ({largest.repo.files} files)",
            None if ratio is None else ratio <= MAX_RATIO_GREP,
        )
    )
    for other in ("detect-secrets", "reuse"):
        r = _ratio(largest.timings["datasheet-lint"], largest.timings[other])
        results.append((f"whole scan faster than {other}", None if r is None else r < 1.0))
    results.append(
        (
            f"pre-commit overhead <= {MAX_PRECOMMIT_MS:.0f} ms",
            None if pre is None else pre[2] <= MAX_PRECOMMIT_MS,
        )
    )
    peaks = [r.timings["datasheet-lint"].peak_mb for r in rows]
    peak = max((p for p in peaks if p is not None), default=None)
    results.append(
        (f"peak memory < {MAX_PEAK_MB:.0f} MB", None if peak is None else peak < MAX_PEAK_MB)
    )
    growth: bool | None = None
    if len(rows) >= 2:
        first, last = rows[0].timings["datasheet-lint"], rows[-1].timings["datasheet-lint"]
        if first.seconds is not None and last.seconds is not None:
            per_first = first.seconds / rows[0].repo.files
            per_last = last.seconds / rows[-1].repo.files
            growth = per_last <= per_first * MAX_PER_FILE_GROWTH
    results.append(("time grows linearly (s/file at largest <= 1.5x smallest)", growth))
    passed = True
    for label, ok in results:
        verdict = "n/a" if ok is None else ("PASS" if ok else "FAIL")
        passed = passed and ok is not False
        lines.append(f"- {verdict}: {label}")
    return "\n".join(lines) + "\n", passed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, action="append", help="repository size (repeatable)")
    parser.add_argument("--workdir", type=Path, help="where to build the repositories")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool (best is reported)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.files or DEFAULT_FILES))
    if any(n < 10 for n in sizes) or args.repeat < 1:
        parser.error("--files must be >= 10 and --repeat >= 1")
    if not Path("/usr/bin/time").exists():
        parser.error("/usr/bin/time (GNU time) is required")

    own_temp = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="dsl-bench-")) if own_temp else args.workdir.resolve()
    if workdir == ROOT or ROOT in workdir.parents:
        parser.error("--workdir must not be inside the project")
    workdir.mkdir(parents=True, exist_ok=True)

    names, pattern_names = dataset_names()
    pattern = ere_alternation(pattern_names)
    commands: dict[str, list[str] | None] = {
        "datasheet-lint": [str(BIN / "datasheet-lint"), "check", ".", "--format", "json"],
        "git grep": ["git", "grep", "-i", "-E", "-c", pattern],
        "rg": None,
        "ruff": None,
        "detect-secrets": None,
        "reuse": None,
    }
    if (rg := shutil.which("rg")) is not None:
        commands["rg"] = [rg, "-i", "-c", pattern]
    if (ruff := tool("ruff")) is not None:
        commands["ruff"] = [ruff, "check", "--no-cache", "--exit-zero", "."]
    if (ds := tool("detect-secrets")) is not None:
        commands["detect-secrets"] = [ds, "scan"]
    if (reuse := tool("reuse")) is not None:
        commands["reuse"] = [reuse, "lint"]
    check_cmd = commands["datasheet-lint"]
    assert check_cmd is not None
    check_cmd.append("--exit-zero")
    ok_codes = {"git grep": {0, 1}, "rg": {0, 1}, "reuse": {0, 1}}

    rows: list[Row] = []
    pre: tuple[float, float, float] | None = None
    try:
        for n in sizes:
            start = time.perf_counter()
            repo = generate(workdir / f"repo-{n}", n, names)
            sys.stderr.write(
                f"[{n} files] generated {repo.size / 1e6:.0f} MB "
                f"in {time.perf_counter() - start:.0f} s\n"
            )
            timings: dict[str, Timing] = {}
            for name in TOOLS:
                timings[name] = measure(
                    commands[name], repo.path, args.repeat, ok_codes.get(name, {0})
                )
                sys.stderr.write(f"[{n} files] {name}: {_cell(timings[name])}\n")
            report = subprocess.run(
                check_cmd, cwd=repo.path, capture_output=True, text=True, check=False
            )
            try:
                summary = json.loads(report.stdout)["summary"]
                found = (int(summary["references"]), int(summary["findings"]))
            except (ValueError, KeyError, TypeError):
                found = (-1, -1)
            rows.append(Row(repo, timings, found))
            if n == sizes[-1]:
                pre = precommit(repo, PRECOMMIT_RUNS)
    finally:
        if own_temp:
            shutil.rmtree(workdir, ignore_errors=True)

    table, passed = render(rows, pre)
    sys.stdout.write(
        f"datasheet-lint benchmark, {os.cpu_count()} CPUs, pattern of {len(pattern_names)} "
        f"names, best of {args.repeat}\n\n{table}"
    )
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
