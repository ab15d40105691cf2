"""Time ``datasheet-lint check`` against real tools on synthetic repositories, side by side.

For each size (default 1,000, 5,000 and 20,000 files) the runner builds the deterministic
repository of ``synthetic.py`` (reused when an identical one is already in the work folder),
then runs, round-robin so that a change in the machine's load hits every tool alike:

* ``datasheet-lint check . --format json --exit-zero``: the whole-repository scan;
* ``git grep -i -E -c`` with the alternation of ``synthetic.DATASET_NAMES`` (the yardstick);
* ``rg -i -c`` with the same pattern, ``ruff check --no-cache --exit-zero .``,
  ``detect-secrets scan`` and ``reuse lint``, each when installed.

Each tool runs ``--repeat`` times (a tool whose first run takes longer than ``--slow-seconds``
runs once); the table shows medians, peak resident memory (the largest of the runs, from
``wait4``) and each tool's time over datasheet-lint's. Then the pre-commit case: 1, 3 and 5
changed Python files staged, ``datasheet-lint check --staged --exit-zero FILES`` against
``python -c pass`` of the same interpreter, medians of ``--precommit-runs``; the overhead is
the difference. Python children run with byte-code caching on (in the work folder), as an
installed package has it, whatever ``PYTHONDONTWRITEBYTECODE`` says here.

    python benchmarks/run.py                                   # 1k, 5k, 20k: ~30 minutes
    python benchmarks/run.py --sizes 1000 5000 --repeat 3      # ~8 minutes
    python benchmarks/run.py --lint-command "env PYTHONPATH=/tmp/old/src python -m datasheet_lint"
    python benchmarks/run.py --sizes 1000 --baseline-command \
        "env PYTHONPATH=/tmp/old/src python -m datasheet_lint"  # before and after, one run

``--baseline-command`` adds a second datasheet-lint (another version) to the same round-robin:
its whole scan is one more tool, and its pre-commit runs interleave with the current ones, so
the two are compared under the same load.

Results go to stdout (Markdown) and to ``--json`` (default ``<workdir>/results.json``).
Exit status 0; with ``--strict``, 1 when a target fails; 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # beside this script, not a package

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_SIZES = (1000, 5000, 20000)
TOOLS = ("datasheet-lint", "git-grep", "ripgrep", "ruff", "detect-secrets", "reuse")
BASELINE = "baseline"  # --baseline-command's datasheet-lint, timed as one more tool
PRECOMMIT_CHANGES = (1, 3, 5)
TIMEOUT_SECONDS = 3600.0

MAX_RATIO_GREP = 5.0
MAX_PRECOMMIT_MS = 150.0
MAX_PEAK_MB = 300.0
MAX_PER_FILE_GROWTH = 1.5  # seconds per file at the largest size over that at the smallest

ERE_SPECIAL = set(".[]()*+?{}|^$\\")


def ere_alternation(names: Sequence[str]) -> str:
    return "|".join("".join("\\" + c if c in ERE_SPECIAL else c for c in n) for n in names)


def child_env(workdir: Path) -> dict[str, str]:
    """The environment of every timed command: byte-code cached, as an installed tool has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


def run_once(cmd: Sequence[str], cwd: Path, env: dict[str, str], stdout: int | None) -> Run:
    """Wall time and peak RSS of one command (and the children it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.DEVNULL
    )
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        proc.kill()
        raise
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)


@dataclass
class Timing:
    runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    note: str = ""  # "not installed", "exit 3", "1 run (slow)"

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None


def find_tool(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def commands(lint: list[str], pattern: str) -> dict[str, list[str] | None]:
    found = {name: find_tool(name) for name in ("rg", "ruff", "detect-secrets", "reuse")}
    return {
        "datasheet-lint": [*lint, "check", ".", "--format", "json", "--exit-zero"],
        "git-grep": ["git", "grep", "-i", "-E", "-c", pattern],
        "ripgrep": [found["rg"], "-i", "-c", pattern, "."] if found["rg"] else None,
        "ruff": [found["ruff"], "check", "--no-cache", "--exit-zero", "."]
        if found["ruff"]
        else None,
        "detect-secrets": [found["detect-secrets"], "scan"] if found["detect-secrets"] else None,
        "reuse": [found["reuse"], "lint"] if found["reuse"] else None,
    }


OK_CODES = {"git-grep": {0, 1}, "ripgrep": {0, 1}, "reuse": {0, 1}}


def version(probe: list[str], env: dict[str, str]) -> str | None:
    """The first line ``probe`` prints (``TOOL --version``), or None."""
    try:
        out = subprocess.run(probe, capture_output=True, text=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (out.stdout or out.stderr).strip().splitlines()
    return lines[0] if out.returncode == 0 and lines else None


def version_probe(name: str, cmd: list[str], lint: list[str]) -> list[str]:
    if name in {"datasheet-lint", BASELINE}:
        return [*cmd[: cmd.index("check")], "--version"]
    return ["git", "--version"] if name == "git-grep" else [cmd[0], "--version"]


def time_tools(
    repo: synthetic.Repo,
    cmds: dict[str, list[str] | None],
    args: argparse.Namespace,
    env: dict[str, str],
) -> tuple[dict[str, Timing], dict[str, object]]:
    """Round-robin repetitions of every tool; also datasheet-lint's own JSON summary."""
    timings = {name: Timing() for name in cmds}
    for name, cmd in cmds.items():
        if cmd is None:
            timings[name].note = "not installed"
    summary: dict[str, object] = {}
    out_path = repo.path.parent / f"lint-{repo.files}.json"
    run_once(["git", "grep", "-c", "warm the page cache"], repo.path, env, subprocess.DEVNULL)
    for rep in range(args.repeat):
        for name, cmd in cmds.items():
            timing = timings[name]
            if cmd is None or (timing.note and rep > 0):
                continue
            with out_path.open("wb") as out:
                result = run_once(cmd, repo.path, env, out.fileno())
            if result.code not in OK_CODES.get(name, {0}):
                timing.note = f"exit {result.code}"
                timing.runs.clear()
                continue
            timing.runs.append(result.seconds)
            timing.peak_mb = max(timing.peak_mb or 0.0, result.peak_mb)
            if rep == 0 and result.seconds > args.slow_seconds:
                timing.note = "1 run (slow)"
            if name == "datasheet-lint" and not summary:
                try:
                    summary = json.loads(out_path.read_text(encoding="utf-8"))["summary"]
                except (OSError, ValueError, KeyError, TypeError):
                    summary = {"error": "no JSON summary"}
            sys.stderr.write(f"[{repo.files}] {name}: {result.seconds:.2f} s\n")
    out_path.unlink(missing_ok=True)
    return timings, summary


@dataclass
class PreCommit:
    changed: int
    check_ms: float
    bare_ms: float
    overhead_ms: float
    baseline_ms: float | None = None  # --baseline-command's check --staged, interleaved
    baseline_overhead_ms: float | None = None
    # The staged files: the same in every work folder (the tree is seeded), so two runs'
    # figures differ by the machine, not by which files a run happened to stage.
    files: list[str] = field(default_factory=list)


def precommit(
    repo: synthetic.Repo,
    lint: list[str],
    python: str,
    runs: int,
    env: dict[str, str],
    baseline: list[str] | None = None,
) -> list[PreCommit]:
    """``check --staged`` of 1, 3 and 5 staged Python files vs ``python -c pass``, medians;
    with ``baseline``, that version's ``check --staged`` interleaved with the others."""
    results = []
    bare = [python, "-c", "pass"]
    for count in PRECOMMIT_CHANGES:
        step = max(1, len(repo.python_files) // count)
        changed = repo.python_files[::step][:count]
        try:
            for rel in changed:
                with (repo.path / rel).open("a", encoding="utf-8") as handle:
                    handle.write('\nEXTRA = load_dataset("lab/warehouse-images")  # changed\n')
            subprocess.run(["git", "add", "--", *changed], cwd=repo.path, check=True)
            arguments = ["check", "--staged", "--exit-zero", *changed]
            check = [*lint, *arguments]
            old = [*baseline, *arguments] if baseline else None
            for warm in (check, old):  # warm caches once
                if warm:
                    run_once(warm, repo.path, env, subprocess.DEVNULL)
            check_ms: list[float] = []
            bare_ms: list[float] = []
            old_ms: list[float] = []
            for _ in range(runs):  # interleaved, so load changes hit all
                check_ms.append(run_once(check, repo.path, env, subprocess.DEVNULL).seconds * 1e3)
                if old:
                    old_ms.append(run_once(old, repo.path, env, subprocess.DEVNULL).seconds * 1e3)
                bare_ms.append(run_once(bare, repo.path, env, subprocess.DEVNULL).seconds * 1e3)
        finally:
            subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo.path, check=True)
        a, b = statistics.median(check_ms), statistics.median(bare_ms)
        c = statistics.median(old_ms) if old_ms else None
        results.append(
            PreCommit(
                count,
                round(a, 1),
                round(b, 1),
                round(a - b, 1),
                None if c is None else round(c, 1),
                None if c is None else round(c - b, 1),
                list(changed),
            )
        )
        versus = "" if c is None else f" (baseline {c:.0f} ms)"
        sys.stderr.write(
            f"[{repo.files}] pre-commit {count} files: {a:.0f} ms{versus} vs {b:.0f} ms\n"
        )
    return results


@dataclass
class SizeResult:
    repo: synthetic.Repo
    timings: dict[str, Timing]
    summary: dict[str, object]
    precommit: list[PreCommit]


def _cell(t: Timing) -> str:
    if t.median is None:
        return t.note
    text = f"{t.median:.2f} s / {t.peak_mb or 0:.0f} MB"
    return f"{text} ({t.note})" if t.note else text


def _ratio(a: Timing, b: Timing) -> float | None:
    if a.median is None or b.median is None:
        return None
    return a.median / max(b.median, 0.001)


def targets(results: Sequence[SizeResult]) -> list[tuple[str, bool | None]]:
    largest = results[-1]
    lint = largest.timings["datasheet-lint"]
    checks: list[tuple[str, bool | None]] = []
    grep_timing = largest.timings.get("git-grep")  # absent under --tools datasheet-lint
    grep = None if grep_timing is None else _ratio(lint, grep_timing)
    label = f"whole scan <= {MAX_RATIO_GREP:.0f}x git grep ({largest.repo.files} files)"
    checks.append((label, None if grep is None else grep <= MAX_RATIO_GREP))
    for other in ("detect-secrets", "reuse"):
        timing = largest.timings.get(other)
        ratio = None if timing is None else _ratio(lint, timing)
        checks.append((f"whole scan faster than {other}", None if ratio is None else ratio < 1))
    worst = max((p.overhead_ms for r in results for p in r.precommit), default=None)
    label = f"pre-commit overhead <= {MAX_PRECOMMIT_MS:.0f} ms (worst: {worst} ms)"
    checks.append((label, None if worst is None else worst <= MAX_PRECOMMIT_MS))
    peaks = [r.timings["datasheet-lint"].peak_mb for r in results]
    peak = max((p for p in peaks if p is not None), default=None)
    checks.append((f"peak memory < {MAX_PEAK_MB:.0f} MB", None if peak is None else peak < 300))
    growth: bool | None = None
    first, last = results[0], results[-1]
    a, b = first.timings["datasheet-lint"].median, last.timings["datasheet-lint"].median
    if len(results) > 1 and a is not None and b is not None:
        growth = b / last.repo.files <= MAX_PER_FILE_GROWTH * a / first.repo.files
    checks.append(("time grows linearly (s/file at largest <= 1.5x smallest)", growth))
    return checks


def render(results: Sequence[SizeResult], tools: Sequence[str]) -> str:
    head = ["files", "MB", *tools]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        cells = [str(r.repo.files), f"{r.repo.size / 1e6:.0f}"]
        cells += [_cell(r.timings[t]) for t in tools]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Time of datasheet-lint over each tool's (below 1: datasheet-lint is faster):",
        "",
    ]
    others = [t for t in tools if t != "datasheet-lint"]
    lines += ["| files | " + " | ".join(others) + " | ms per 1,000 files |"]
    lines += ["|" + "---|" * (len(others) + 2)]
    for r in results:
        lint = r.timings["datasheet-lint"]
        ratios = [_ratio(lint, r.timings[t]) for t in others]
        per = "n/a" if lint.median is None else f"{lint.median / r.repo.files * 1e6:.0f}"
        cells = ["n/a" if x is None else f"{x:.2f}x" for x in ratios]
        lines.append(f"| {r.repo.files} | " + " | ".join(cells) + f" | {per} |")
    lines += [
        "",
        "Pre-commit (`check --staged` of N changed files vs `python -c pass`, medians):",
        "",
    ]
    lines += [
        "| files | changed | check --staged | python -c pass | overhead | baseline overhead |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        for p in r.precommit:
            old = "n/a" if p.baseline_overhead_ms is None else f"{p.baseline_overhead_ms:.0f} ms"
            lines.append(
                f"| {r.repo.files} | {p.changed} | {p.check_ms:.0f} ms | {p.bare_ms:.0f} ms "
                f"| {p.overhead_ms:.0f} ms | {old} |"
            )
    lines.append("")
    for r in results:
        s = r.summary
        lines.append(
            f"- {r.repo.files} files (tree {git_tree(r.repo.path)[:12]}): {r.repo.planted} plant "
            f"a listed dataset; check scanned {s.get('files_scanned')} files, reported "
            f"{s.get('references')} references and {s.get('findings')} findings"
        )
        for p in r.precommit:
            lines.append(f"  - pre-commit, {p.changed} staged: {', '.join(p.files)}")
    lines.append("")
    for label, ok in targets(results):
        lines.append(f"- {'n/a' if ok is None else 'PASS' if ok else 'FAIL'}: {label}")
    return "\n".join(lines) + "\n"


def git_tree(path: Path) -> str:
    """The id of the repository's committed tree: equal ids are byte-identical trees."""
    done = subprocess.run(
        ["git", "rev-parse", "HEAD^{tree}"], cwd=path, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def to_json(
    results: Sequence[SizeResult], meta: dict[str, object], tools: Sequence[str]
) -> dict[str, object]:
    sizes = []
    for r in results:
        lint = r.timings["datasheet-lint"]
        sizes.append(
            {
                "files": r.repo.files,
                "tree": git_tree(r.repo.path),
                "bytes": r.repo.size,
                "planted": r.repo.planted,
                "tools": {
                    t: {
                        "median_seconds": r.timings[t].median,
                        "runs": [round(x, 4) for x in r.timings[t].runs],
                        "peak_mb": r.timings[t].peak_mb,
                        "note": r.timings[t].note,
                    }
                    for t in tools
                },
                "ratios": {t: _ratio(lint, r.timings[t]) for t in tools if t != "datasheet-lint"},
                "datasheet_lint_summary": r.summary,
                "precommit": [asdict(p) for p in r.precommit],
            }
        )
    checks = [{"target": label, "pass": ok} for label, ok in targets(results)]
    return {**meta, "sizes": sizes, "targets": checks}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--repeat", type=int, default=5, help="runs per tool (median reported)")
    parser.add_argument("--slow-seconds", type=float, default=60.0, help="run slower tools once")
    parser.add_argument("--precommit-runs", type=int, default=15)
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "dsl-bench")
    parser.add_argument("--json", type=Path, help="results file (default: WORKDIR/results.json)")
    parser.add_argument("--lint-command", help="how to run datasheet-lint (default: this venv's)")
    parser.add_argument(
        "--baseline-command", help="another datasheet-lint to time side by side (before/after)"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter for python -c pass")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if "datasheet-lint" not in tools:
        tools.insert(0, "datasheet-lint")
    if unknown := sorted(set(tools) - set(TOOLS)):
        parser.error(f"unknown tools {unknown}; choose from {', '.join(TOOLS)}")
    if any(n < 10 for n in args.sizes) or args.repeat < 1 or args.precommit_runs < 1:
        parser.error("sizes must be >= 10, --repeat and --precommit-runs >= 1")
    workdir = args.workdir.resolve()
    if workdir == ROOT or ROOT in workdir.parents:
        parser.error("--workdir must not be inside the project")
    workdir.mkdir(parents=True, exist_ok=True)
    env = child_env(workdir)
    lint = shlex.split(args.lint_command) if args.lint_command else [str(BIN / "datasheet-lint")]
    pattern = ere_alternation(synthetic.DATASET_NAMES)
    cmds = {name: cmd for name, cmd in commands(lint, pattern).items() if name in tools}
    tools = [t for t in TOOLS if t in cmds]
    baseline = shlex.split(args.baseline_command) if args.baseline_command else None
    if baseline:
        cmds[BASELINE] = [*baseline, "check", ".", "--format", "json", "--exit-zero"]
        tools.insert(1, BASELINE)
    meta: dict[str, object] = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "repeat": args.repeat,
        "lint_command": lint,
        "baseline_command": baseline,
        "pattern_names": list(synthetic.DATASET_NAMES),
        "versions": {
            name: version(version_probe(name, cmd, lint), env) if cmd else None
            for name, cmd in cmds.items()
        },
    }
    results = []
    for n in sorted(set(args.sizes)):
        start = time.perf_counter()
        repo = synthetic.generate(workdir / f"repo-{n}", n)
        sys.stderr.write(
            f"[{n}] repository ready ({repo.size / 1e6:.0f} MB) in "
            f"{time.perf_counter() - start:.0f} s\n"
        )
        timings, summary = time_tools(repo, cmds, args, env)
        pre = precommit(repo, lint, args.python, args.precommit_runs, env, baseline)
        results.append(SizeResult(repo, timings, summary, pre))
    table = render(results, tools)
    out = args.json or workdir / "results.json"
    out.write_text(json.dumps(to_json(results, meta, tools), indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(
        f"datasheet-lint benchmark: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"medians of {args.repeat}; JSON in {out}\n\n{table}"
    )
    passed = all(ok is not False for _, ok in targets(results))
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
