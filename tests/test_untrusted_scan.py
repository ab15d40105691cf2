"""Issue 19, part C: a hostile checkout cannot hang the scan, blow up its cost, hide files
from it, crash it with a literal, or make its output give orders to a CI runner.

Each test builds the repository that reproduced one problem; the time bounds leave room for a
slow two-core CI machine (the reproductions took from 15 s to minutes before the fix).
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import (
    REPORT_SCHEMA,
    SARIF_SCHEMA,
    MakeRepo,
    RunCli,
    assert_valid,
    findings,
    references,
)
from datasheet_lint import parallel

NAMES = "ms1mv2 faces_emore DukeMTMC brainwash MegaFace duke market1501 "
FIVE_MB = 5_000_000


def timed(run_cli: RunCli, repo: Path, *args: str) -> tuple[float, dict]:  # type: ignore[type-arg]
    start = time.perf_counter()
    result = run_cli(repo, "check", "--format", "json", *args)
    elapsed = time.perf_counter() - start
    assert result.exit_code in (0, 1), result.stderr
    return elapsed, result.json()


# Item 5: a killed worker ----------------------------------------------------------------------


def _stall_in_worker(marker: str, parent: int, path: str) -> str:
    """In a worker: record this process's id and wait to be killed. Here: return at once."""
    if os.getpid() != parent:
        with Path(marker).open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        time.sleep(60)
    return path.upper()


def test_a_killed_worker_does_not_hang_the_run(tmp_path: Path) -> None:
    """Before: multiprocessing.Pool waited forever for the results of a SIGKILLed worker."""
    marker = tmp_path / "pids"
    paths = [f"file{i}" for i in range(200)]
    job = functools.partial(_stall_in_worker, str(marker), os.getpid())
    done: list[list[str]] = []

    def scan() -> None:
        done.append(list(parallel.map_paths(job, paths, min_files=2, processes=2)))

    thread = threading.Thread(target=scan, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not marker.exists() or not marker.read_text(encoding="utf-8").strip():
        assert time.monotonic() < deadline, "no worker started"
        time.sleep(0.05)
    os.kill(int(marker.read_text(encoding="utf-8").split()[0]), signal.SIGKILL)
    thread.join(timeout=20)
    assert not thread.is_alive(), "the run waits forever for a killed worker"
    assert done == [[path.upper() for path in paths]]  # the work was redone in this process


# Items 5 and 11: pathological lines cost linear time, and the caps are reported -------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("notes.txt", "ms-celeb-" * 20_000 + "\n"),  # 180 kB on one line: 15 s before
        ("notes.md", NAMES * (FIVE_MB // len(NAMES)) + "\n"),  # 5 MB line of names: 328 s
        ("conf.yaml", ("  " * 30 + "dataset" * 40 + ": " + "duke, " * 100 + "\n") * 5_000),
        ("run.sh", ("A" * 300 + " duke " + "\n") * 15_000),
    ],
    ids=["180kB-celeb-line", "5MB-names-line", "long-keys", "long-words"],
)
def test_pathological_lines_are_scanned_in_seconds(
    make_repo: MakeRepo, run_cli: RunCli, name: str, text: str
) -> None:
    repo = make_repo({name: text, "train.py": "load('faces_emore')\n"})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert "ms1mv2" in {r["dataset"] for r in report["references"]}


def test_a_reached_cap_is_reported_not_silent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"notes.md": NAMES * 50_000 + "\n"})
    _, report = timed(run_cli, repo)
    partial = [s for s in report["skipped"] if s["partial"]]
    assert [s["path"] for s in partial] == ["notes.md"]
    assert "not judged" in partial[0]["reason"]
    assert report["summary"]["partial"] == 1
    text = run_cli(repo, "check")
    assert "1 scanned in part" in text.stdout
    assert "datasheet-lint: scanned in part notes.md:" in text.stderr


def test_a_big_python_literal_is_not_parsed_whole(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Before: 11 s and ~2 GB per worker to parse a 4.7 MB list literal."""
    literal = "x = [" + ", ".join(str(i) for i in range(600_000)) + "]\n"
    code = "from datasets import load_dataset\n" + literal + "load_dataset('faces_emore')\n"
    repo = make_repo({"big.py": code, ".datasheet-lint.yaml": "max-file-size: 10000000\n"})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert ("big.py", 3, "DSL102", "ms1mv2") in {
        (f["path"], f["line"], f["rule"], f["dataset"]) for f in report["findings"]
    }
    assert any("loader calls not parsed" in s["reason"] for s in report["skipped"])


def test_notebook_lines_that_cannot_be_located_cost_linear_time(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A cell line that is nowhere in the file used to rescan the rest of it: quadratic."""
    # Each "x" is written as the JSON escape \u0078, which no encoding of the line matches.
    source = "\\u0078\\n" * 40_000 + "faces_emore\\n"
    notebook = '{"cells": [{"cell_type": "markdown", "source": "' + source + '"}]}' + "\n" * 40_000
    repo = make_repo({"nb.ipynb": notebook})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert {r["dataset"] for r in report["references"]} == {"ms1mv2"}


# Item 7: Python's int-string limit ------------------------------------------------------------


def test_a_4000_digit_hex_literal_is_no_internal_error(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "from sklearn.datasets import fetch_openml\n"
        f"fetch_openml(data_id=0x{'f' * 4000})\n"
        "fetch_openml('faces_emore')\n"
    )
    result = run_cli(make_repo({"load.py": code}), "check", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert "internal error" not in result.stderr
    assert ("load.py", 3, "DSL102", "ms1mv2") in findings(result)


# Item 8: nothing is skipped silently -----------------------------------------------------------

BIG = "# padding\n" * 600_000  # 6 MB: over the default 5 MB limit


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab"])
def test_a_file_over_the_size_limit_is_counted_in_every_format(
    make_repo: MakeRepo, run_cli: RunCli, output_format: str
) -> None:
    repo = make_repo({"big.py": BIG + "load('faces_emore')\n", "ok.py": "print(1)\n"})
    result = run_cli(repo, "check", "--format", output_format)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if output_format == "text":
        assert "1 file not scanned (1 too large or unreadable)" in out
    elif output_format == "json":
        document = result.json()
        assert document["summary"]["skipped"] == 1
        assert document["skipped"] == [
            {
                "path": "big.py",
                "reason": document["skipped"][0]["reason"],
                "partial": False,
            }
        ]
        assert document["skipped"][0]["reason"].startswith("larger than the 5,000,000-byte")
        assert_valid(document, REPORT_SCHEMA)
    elif output_format == "sarif":
        document = json.loads(out)
        notes = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        location = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "big.py"
        assert notes[0]["level"] == "warning"
        assert_valid(document, SARIF_SCHEMA)
    elif output_format == "github":
        assert "::warning file=big.py,title=datasheet-lint%3A not scanned::larger than" in out
        assert "1 file not scanned" in out.splitlines()[-1]
    else:
        issues = json.loads(out)
        assert [(i["check_name"], i["location"]["path"]) for i in issues] == [
            ("datasheet-lint/not-scanned", "big.py")
        ]
    # Named on stderr without --verbose: the file could hold anything.
    assert "skipped big.py: larger than" in result.stderr


def test_a_notebook_limit_applies_to_code_not_outputs(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Before: a 6 MB notebook (a plot in its outputs) that loads faces_emore: no findings."""
    plot = {"data": {"image/png": "iVBORw0KGgo" * 600_000}, "output_type": "display_data"}
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "source": ["from datasets import load_dataset\n", "load_dataset('faces_emore')\n"],
                "outputs": [plot],
                "execution_count": 1,
                "metadata": {},
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    repo = make_repo({"train.ipynb": json.dumps(notebook, indent=1)})
    assert (repo / "train.ipynb").stat().st_size > 6_000_000
    start = time.perf_counter()
    result = run_cli(repo, "check", "--format", "json")
    assert time.perf_counter() - start < 20
    assert result.exit_code == 1, result.stderr
    assert {(p, c, d) for p, _, c, d in findings(result)} == {("train.ipynb", "DSL102", "ms1mv2")}
    assert result.json()["summary"]["skipped"] == 0


def test_a_notebook_whose_code_is_over_the_limit_is_still_skipped(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    cell = {"cell_type": "code", "source": ["# padding\n"] * 600_000, "outputs": []}
    repo = make_repo({"big.ipynb": json.dumps({"cells": [cell]})})
    result = run_cli(repo, "check", "--format", "json")
    assert [s["path"] for s in result.json()["skipped"]] == ["big.ipynb"]


CARD_HEADER = "---\nlicense: mit\nconfigs:\n- config_name: default\n---\n"


def test_front_matter_does_not_hide_the_body_of_a_readme(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Before: dataset-card front matter made data/faces/README.md a datasheet, unscanned."""
    body = "# Faces\n\nWe train on faces_emore (MS1MV2) from the mirror.\n"
    repo = make_repo({"data/faces/README.md": CARD_HEADER + body})
    result = run_cli(repo, "check", "--format", "json")
    assert ("data/faces/README.md", 8, "ms1mv2", "mention") in references(result)
    assert ("data/faces/README.md", 8, "DSL102", "ms1mv2") in findings(result)


def test_a_card_naming_its_own_dataset_is_not_a_use_of_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A card's body describes its dataset: that mention must not make the card cover itself."""
    body = "# LFW\n\nLabeled Faces in the Wild (lfw), as used for verification.\n"
    repo = make_repo({"data/lfw/README.md": "---\npretty_name: lfw\nlicense: mit\n---\n" + body})
    result = run_cli(repo, "check", "--format", "json")
    assert not [r for r in result.json()["references"] if r["path"] == "data/lfw/README.md"]


# Item 9: output that another tool obeys -------------------------------------------------------


def test_text_output_never_starts_a_line_with_a_workflow_command(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    name = "::error title=pwned::owned.md"
    files = {name: "We use faces_emore.\n", "train.md": "We use faces_emore.\n"}
    repo = make_repo(files, git_init=False)  # gitpython refuses the name; git does not
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = run_cli(repo, "check")
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.lstrip().startswith(("::", "##"))]
    assert any(line.startswith(f"./{name}:1:8: DSL102") for line in lines)
    assert any(line.startswith("train.md:1:8: DSL102") for line in lines)  # normal paths kept
    refs = run_cli(repo, "refs").stdout.splitlines()
    assert not [line for line in refs if line.lstrip().startswith(("::", "##"))]


def test_sarif_uris_are_percent_encoded(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = dict.fromkeys(["a#b.md", "c?d.md", "e f.md", "g%h.md"], "We use faces_emore.\n")
    result = run_cli(make_repo(files), "check", "--format", "sarif")
    document = json.loads(result.stdout)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {"a%23b.md", "c%3Fd.md", "e%20f.md", "g%25h.md"}
    assert_valid(document, SARIF_SCHEMA)


def test_the_json_report_lists_skipped_files_against_its_schema(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"weights.bin": b"\0\1\2" * 100, "a.md": "faces_emore\n"})
    document = run_cli(repo, "check", "--format", "json").json()
    assert document["skipped"] == [{"path": "weights.bin", "reason": "binary", "partial": False}]
    assert_valid(document, REPORT_SCHEMA)


# Issue 16: salvaging the statements of code that does not parse, and specific datasets ---------


def test_python_2_code_of_many_statements_is_salvaged_in_bounded_time(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Each top-level statement of a module that does not parse is parsed on its own; past a
    few thousand statements none is (a generated file), and the names are still matched."""
    salvaged = 'import tensorflow_datasets as tfds\nds = tfds.load("my_corpus")\nprint "x"\n'
    generated = 'print "x"\n' * 200_000 + 'root = "/data/faces_emore"\nimport tensorflow_datasets\n'
    repo = make_repo({"old.py": salvaged, "gen.py": generated})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert {(r["path"], r["dataset"]) for r in report["references"]} == {
        ("old.py", "tfds:my_corpus"),
        ("gen.py", "ms1mv2"),
    }


def test_a_line_of_many_nested_dataset_paths_costs_linear_time(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    line = " ".join(f"megaface/facescrub_{i}" for i in range(20_000))
    repo = make_repo({"paths.sh": f"ls {line}\n"})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert {r["dataset"] for r in report["references"]} == {"facescrub"}


# Session 11: code that parses but nests deeper than the passes over its tree can follow ------

DEEP = {
    "signs": "x = " + "-" * 2_500 + "1\n",  # Python parses ~3,000 levels, recurses ~1,000
    "joins": "x = 'a'" + " + 'a'" * 2_500 + "\n",
}


@pytest.mark.parametrize("shape", sorted(DEEP))
@pytest.mark.parametrize("name", ["train.py", "train.ipynb"])
def test_deeply_nested_code_is_read_for_names_not_an_internal_error(
    make_repo: MakeRepo, run_cli: RunCli, shape: str, name: str
) -> None:
    """Before: RecursionError in python_ast's constant folding, exit 2, 'internal error'."""
    code = "from datasets import load_dataset\n" + DEEP[shape] + "load_dataset('faces_emore')\n"
    if name.endswith(".ipynb"):
        cell = {"cell_type": "code", "source": code.splitlines(keepends=True), "outputs": []}
        code = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    result = run_cli(make_repo({name: code}), "check", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert {(p, c, d) for p, _, c, d in findings(result)} == {(name, "DSL102", "ms1mv2")}
    [skipped] = result.json()["skipped"]
    assert skipped["partial"] and "recursion limit" in skipped["reason"], skipped


def test_long_chains_of_joins_onto_a_carried_name_cost_bounded_time(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Before: each line of 900 joins onto args.root cost ~10 s (nested generators in the
    path helpers, and the data flow asking each level of the chain again): cubic."""
    head = (
        "import argparse\np = argparse.ArgumentParser()\n"
        "p.add_argument('--root', default='/data/faces_emore')\n"
        "args = p.parse_args()\nroot = args.root\n"
    )
    joins = "".join(f"x{i} = open(root" + " + 'x.json'" * 900 + ")\n" for i in range(4))
    divides = "".join(f"y{i} = open(root" + " / 'a'" * 900 + ")\n" for i in range(4))
    repo = make_repo({"joins.py": head + joins, "divides.py": head + divides})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert {("joins.py", 3), ("divides.py", 3)} <= {
        (r["path"], r["line"]) for r in report["references"]
    }
    reasons = {s["path"]: s["reason"] for s in report["skipped"] if s["partial"]}
    assert "steps of data flow" in reasons["divides.py"]


def _line(unit: str, size: int = 2_000_000) -> str:
    return unit * (size // len(unit)) + "\n"


def test_long_lines_of_many_matches_cost_linear_time(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Before: each match looked back to the start of its line (or counted lines from the
    top of the file), so 2 MB of short matches took from minutes to hours: YOLO file
    selections ('a.yaml'), data locations (x = 'data/a'), triple-quoted strings, and the
    docstrings of a dataset module."""
    module = "from torch.utils.data import Dataset\nclass Market1501(Dataset):\n"
    files = {
        "selects.py": _line("'a.yaml' "),
        "locations.py": _line("x = 'data/a'; "),
        "strings.py": "x = 'faces_emore'\n" + _line('"""a""" '),
        "market.py": module
        + "    dataset_dir = 'market1501'\n"
        + _line('    """a"""\n', 1_000_000),
        ".datasheet-lint.yaml": "max-file-size: 10MB\n",
    }
    elapsed, report = timed(run_cli, make_repo(files))
    assert elapsed < 30
    found = {(r["path"], r["line"], r["dataset"]) for r in report["references"]}
    assert {("strings.py", 1, "ms1mv2"), ("market.py", 3, "market-1501")} <= found


def test_a_model_card_header_of_400_kb_is_not_parsed(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Before: 26 s in the pure-Python YAML parser for this 400 kB header (5 MB: minutes)."""
    header = "---\nlibrary_name: x\ntags:\n" + "- a\n" * 100_000 + "---\n"
    repo = make_repo({"README.md": header + "We fine-tune on faces_emore.\n"})
    elapsed, report = timed(run_cli, repo)
    assert elapsed < 20
    assert {(r["path"], r["dataset"]) for r in report["references"]} == {("README.md", "ms1mv2")}
