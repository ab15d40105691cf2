"""Commands that run the repository's own data script are downloads of what it fetches
(extract/script_runs.py): setup scripts, CI jobs and notebooks name the script, not the data."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, scan_references

DOWNLOADER = (
    "set -e\nwget https://example.org/releases/street_faces.tar.gz\ntar -xzf street_faces.tar.gz\n"
)
MODULE = (
    "from datasets import load_dataset\n"
    "def fetch(n):\n"
    "    return load_dataset('someone/harbour-corpus', split=f'train[:{n}]')\n"
)
TRAINER = "from datasets import load_dataset\nds = load_dataset('someone/harbour-corpus')\n"
STREET = "url:street_faces"


def _runs(make_repo: MakeRepo, run_cli: RunCli, files: dict[str, str]) -> set[tuple[str, int]]:
    found = scan_references(make_repo, run_cli, files)
    return {(path, line) for path, line, dataset, kind in found if kind == "url" and path in files}


def test_a_command_that_runs_a_data_script_downloads_its_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "data/get_street_faces.sh": DOWNLOADER,
        "harbour/dataset.py": MODULE,
        "runs/setup.sh": (
            "export OMP_NUM_THREADS=1\n"
            "python -m harbour.dataset -n 8\n"  # 2: a module run from the repository's root
            'if [ "$FETCH" = 1 ]; then "$PYTHON_BIN" harbour/dataset.py 4; fi\n'  # 3
            "bash ../data/get_street_faces.sh && echo done\n"  # 4: from the script's folder
        ),
        ".github/workflows/ci.yml": (
            "jobs:\n  test:\n    steps:\n      - run: ./data/get_street_faces.sh\n"  # 4: a CI job
        ),
        "demo.ipynb": (
            '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],\n'
            ' "source": ["!data/get_street_faces.sh\\n", "x = 1"]}],\n'
            ' "metadata": {}, "nbformat": 4, "nbformat_minor": 4}\n'
        ),
    }
    found = scan_references(make_repo, run_cli, files)
    assert ("runs/setup.sh", 2, "hf:someone/harbour-corpus", "url") in found
    assert ("runs/setup.sh", 3, "hf:someone/harbour-corpus", "url") in found
    assert ("runs/setup.sh", 4, STREET, "url") in found
    assert (".github/workflows/ci.yml", 4, STREET, "url") in found
    assert ("demo.ipynb", 2, STREET, "url") in found


def test_commands_that_run_no_data_script_are_not_downloads(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "data/get_street_faces.sh": DOWNLOADER,
        "train.py": TRAINER,  # loads data, but is no data script by its name or folder
        # a data script that only opens a local file: running it fetches nothing
        "prepare_tasks.py": "import json\nrows = [json.loads(x) for x in open('tasks.jsonl')]\n",
        "run.sh": (
            "python train.py --epochs 3\n"  # 1
            "chmod +x data/get_street_faces.sh\n"  # 2: not run
            "# bash data/get_street_faces.sh\n"  # 3: a comment
            "python prepare_tasks.py\n"  # 4
        ),
        "README.md": "Fetch the faces first:\n\n    bash data/get_street_faces.sh\n",
    }
    runs = _runs(make_repo, run_cli, files)
    assert not {item for item in runs if item[0] in {"run.sh", "README.md"}}, runs


def test_a_script_path_listed_or_set_is_not_a_command(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A workflow's ``paths:`` filter and setup.cfg's ``scripts =`` list the data script; they
    do not run it. A set-up script for tools or weights is no data script, whatever it fetches."""
    files = {
        "data/get_street_faces.sh": DOWNLOADER,
        "scripts/setup_env.sh": "wget https://example.org/tools/linter-linux.tar.gz\n",
        ".github/workflows/ci.yml": (
            "on:\n  push:\n    paths:\n      - data/get_street_faces.sh\n"  # 4: a filter
            "jobs:\n  test:\n    steps:\n      - run: bash scripts/setup_env.sh\n"  # 8
        ),
        "setup.cfg": "[options]\nscripts =\n    data/get_street_faces.sh\n",
    }
    runs = _runs(make_repo, run_cli, files)
    assert not {item for item in runs if item[0] in {".github/workflows/ci.yml", "setup.cfg"}}, runs


def test_a_long_line_of_separators_is_read_in_linear_time(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A crafted line of many ``;`` and ``=`` (untrusted input) once took time that grew with
    the square of its length in the command search; the scan stays fast."""
    import time

    files = {
        "data/get_street_faces.sh": DOWNLOADER,
        "env.sh": "a=b;" * 25_000 + " x.py\nbash data/get_street_faces.sh\n",
    }
    started = time.perf_counter()
    runs = _runs(make_repo, run_cli, files)
    assert ("env.sh", 2) in runs
    assert time.perf_counter() - started < 10
