"""Where datasets hide beyond plain text: notebooks, DVC files, model cards, more loaders."""

from __future__ import annotations

import json

import pytest
from tests.conftest import MakeRepo, RunCli, references

BRAINWASH_URL = "https://stacks.stanford.edu/file/druid:sx925dc9385/brainwash.tar.gz"


def notebook(*cells: tuple[str, list[str]], indent: int | None = 1) -> str:
    """A notebook as Jupyter writes it: one JSON string per source line."""
    document = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": source}
            | ({"execution_count": None, "outputs": []} if kind == "code" else {})
            for kind, source in cells
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=indent) + "\n"


def refs_of(run_cli: RunCli, repo: object) -> set[tuple[str, int, str, str]]:
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return references(result)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def test_notebook_cells_land_on_the_files_own_lines(make_repo: MakeRepo, run_cli: RunCli) -> None:
    text = notebook(
        ("markdown", ["# Faces\n", "\n", "We train on MS1MV2 (faces_emore).\n"]),
        (
            "code",
            [
                f"!wget {BRAINWASH_URL}\n",
                "from datasets import load_dataset\n",
                'ds = load_dataset("someone/faces")',
            ],
        ),
    )
    repo = make_repo({"nb.ipynb": text})
    assert refs_of(run_cli, repo) == {
        ("nb.ipynb", line_of(text, "We train on"), "ms1mv2", "mention"),
        ("nb.ipynb", line_of(text, "!wget"), "brainwash", "url"),
        ("nb.ipynb", line_of(text, "someone/faces"), "hf:someone/faces", "load"),
    }


def test_notebook_column_points_at_the_name(make_repo: MakeRepo, run_cli: RunCli) -> None:
    text = notebook(("code", ["from datasets import load_dataset\n", 'x = load_dataset("ms1mv2")']))
    repo = make_repo({"nb.ipynb": text})
    (ref,) = run_cli(repo, "check", "--format", "json").json()["references"]
    raw_line = text.split("\n")[ref["line"] - 1]
    assert raw_line[ref["column"] - 1 :].startswith("ms1mv2")


def test_minified_and_single_string_notebooks(make_repo: MakeRepo, run_cli: RunCli) -> None:
    minified = notebook(("markdown", ["Trained on MS1MV3.\n"]), indent=None)
    single = notebook(("code", 'import os\nroot = "/data/faces_emore"\n'))
    repo = make_repo({"min.ipynb": minified, "single.ipynb": single})
    assert refs_of(run_cli, repo) == {
        ("min.ipynb", 1, "ms1mv3", "mention"),
        ("single.ipynb", line_of(single, "faces_emore"), "ms1mv2", "path"),
    }


@pytest.mark.parametrize(
    "text",
    [
        '{"cells": [ {"cell_type": "code", "source": ["x = 1\\n", ',  # not valid JSON
        '{"cells": [1, "two", {"cell_type": "code", "source": 3}, {"source": [null]}]}',
        '["not", "a", "notebook", "MS1MV2"]',
    ],
)
def test_broken_notebooks_are_read_as_text(make_repo: MakeRepo, run_cli: RunCli, text: str) -> None:
    repo = make_repo({"broken.ipynb": text + "\n# trained on MS1MV2\n"})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1  # the comment's mention: a warning
    assert any(r["dataset"] == "ms1mv2" for r in result.json()["references"])


def test_dvc_outputs_and_url_dependencies(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "data/raw.dvc": "outs:\n- md5: 1a2b\n  size: 12\n  path: raw\n",
            "data/faces.dvc": (
                "deps:\n- path: https://example.org/corpora/faces.zip\nouts:\n- path: faces\n"
            ),
            "dvc.yaml": "stages:\n  prepare:\n    cmd: python prepare.py\n"
            "    deps:\n    - data/raw\n"
            "    - prepare.py\n    outs:\n    - data/prepared\n",
        }
    )
    assert refs_of(run_cli, repo) == {
        ("data/raw.dvc", 4, "local:data/raw", "path"),
        ("data/faces.dvc", 2, "url:faces", "url"),  # the archive's stem
        ("data/faces.dvc", 4, "local:data/faces", "path"),
        ("dvc.yaml", 5, "local:data/raw", "path"),
        ("dvc.yaml", 8, "local:data/prepared", "path"),
    }


def test_model_card_lists_its_training_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    card = (
        "---\nlicense: mit\ndatasets:\n- someone/private-set\n- ms1mv2\n"
        "tags: [faces]\n---\n# Model\n"
    )
    inline = "---\ndatasets: [someone/other-set]\n---\n"
    repo = make_repo({"model/README.md": card, "other/README.md": inline})
    assert refs_of(run_cli, repo) == {
        ("model/README.md", 4, "hf:someone/private-set", "config"),
        ("model/README.md", 5, "ms1mv2", "config"),
        ("other/README.md", 2, "hf:someone/other-set", "config"),
    }


LOADERS = [
    (
        "from datasets import load_dataset\n"
        'x = load_dataset("json", data_files="data/train.jsonl")\n',
        {"local:data/train.jsonl"},
    ),
    (
        "from datasets import load_dataset\n"
        'x = load_dataset("csv", data_files={"train": "a.csv", "test": "b.csv"})\n',
        {"local:a.csv", "local:b.csv"},
    ),
    (
        'import datasets\nx = datasets.load_dataset("./builders/faces.py")\n',
        {"local:builders/faces.py"},
    ),
    (
        'import kagglehub\np = kagglehub.dataset_download("owner/cats/versions/2")\n',
        {"kaggle:owner/cats"},
    ),
    (
        "from kaggle.api.kaggle_api_extended import KaggleApi\napi = KaggleApi()\n"
        'api.dataset_download_files("owner/dogs", path="d")\n',
        {"kaggle:owner/dogs"},
    ),
    ("import openml\nd = openml.datasets.get_dataset(40945)\n", {"openml:40945"}),
    (
        'import pandas as pd\ndf = pd.read_csv("https://example.org/x/sales.csv?raw=1")\n',
        {"url:sales"},
    ),
    (
        'import requests\nr = requests.get("https://example.org/files/data.zip")\n',
        {"url:example.org/files/data.zip"},  # nothing on it names the data
    ),
    ('import requests\nr = requests.get("https://api.example.org/v1/status")\n', set()),
    (
        "from huggingface_hub import hf_hub_download\n"
        'p = hf_hub_download("someone/corpus", "train.csv", repo_type="dataset")\n',
        {"hf:someone/corpus"},
    ),
    (
        "from huggingface_hub import hf_hub_download\n"
        'p = hf_hub_download("someone/bert", "model.bin")\n',
        set(),
    ),
    ("import torchvision\nx = torchvision.datasets.SomeNewSet('d')\n", {"torchvision:SomeNewSet"}),
    (
        "import tensorflow_datasets as tfds\nx = tfds.load('my_builder:1.0.0')\n",
        {"tfds:my_builder"},
    ),
]


@pytest.mark.parametrize(("code", "datasets"), LOADERS, ids=range(len(LOADERS)))
def test_loader_calls_resolve_to_ids(
    make_repo: MakeRepo, run_cli: RunCli, code: str, datasets: set[str]
) -> None:
    found = refs_of(run_cli, make_repo({"load.py": code}))
    assert {dataset for _, _, dataset, kind in found if kind == "load"} == datasets


def test_refs_groups_by_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "a.yaml": "dataset: ms1mv2\n",
            "b.md": "We used MS1MV2 and faces_emore.\n",
            "c.py": 'from datasets import load_dataset\nx = load_dataset("someone/x")\n',
        }
    )
    text = run_cli(repo, "refs").stdout
    assert text.splitlines()[0].startswith("hf:someone/x")
    assert "ms1mv2 (MS1MV2" in text and "[blocklist]: 2 references" in text
    document = run_cli(repo, "refs", "--format", "json").json()
    groups = {group["dataset"]: group for group in document["datasets"]}
    assert [r["path"] for r in groups["ms1mv2"]["references"]] == ["a.yaml", "b.md"]
    assert groups["hf:someone/x"]["origin"] == "unresolved"


COLAB_TRY = [
    "try:\n",
    "    # %tensorflow_version only exists in Colab.\n",
    "    %tensorflow_version 2.x\n",
    "except Exception:\n",
    "    pass\n",
]


def test_a_magic_line_inside_a_block_keeps_the_notebook_parsing(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Before: the magic line was removed from the Python, leaving `try:` with no body, so the
    whole notebook did not parse and no loader call in any cell was found."""
    text = notebook(
        ("code", COLAB_TRY),
        ("code", ["from tensorflow import keras\n"]),
        ("code", ["(X, y), _ = keras.datasets.fashion_mnist.load_data()\n"]),
    )
    repo = make_repo({"nb.ipynb": text})
    assert refs_of(run_cli, repo) == {
        ("nb.ipynb", line_of(text, "fashion_mnist.load_data"), "fashion-mnist", "load"),
    }


def test_a_cell_that_does_not_parse_leaves_the_other_cells_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A Python 2 cell and a half-written cell lose only themselves: the loader call in the
    next cell is found, and the broken cell's own data path is still matched by name."""
    text = notebook(
        ("code", ["import tensorflow_datasets as tfds\n"]),
        ("code", ['print "loading"\n', 'root = "/data/faces_emore"\n']),
        ("code", ["x = foo(\n"]),
        ("code", ['ds = tfds.load("my_corpus")\n']),
        ("code", ["%%html\n", "<b>not python</b>\n"]),
    )
    repo = make_repo({"nb.ipynb": text})
    assert refs_of(run_cli, repo) == {
        ("nb.ipynb", line_of(text, "faces_emore"), "ms1mv2", "path"),
        ("nb.ipynb", line_of(text, "my_corpus"), "tfds:my_corpus", "load"),
    }


def test_a_python_2_module_keeps_the_loader_calls_of_its_python_3_statements(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A module with a Python 2 `print x` in one function still has its other top-level
    statements read for loader calls, at their own lines."""
    code = (
        "import tensorflow_datasets as tfds\n"
        "\n"
        "def report(n):\n"
        '    print "done", n\n'
        "\n"
        "@cached\n"
        "def load():\n"
        '    return tfds.load("my_corpus")\n'
    )
    repo = make_repo({"train.py": code})
    assert refs_of(run_cli, repo) == {("train.py", 8, "tfds:my_corpus", "load")}


def test_a_module_that_parses_nowhere_still_has_its_names_matched(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = 'def f(:\n    root = "/data/faces_emore"\n    print "x"\n'
    repo = make_repo({"train.py": code})
    assert refs_of(run_cli, repo) == {("train.py", 2, "ms1mv2", "path")}


def test_a_shell_line_continued_with_a_backslash_stays_shell(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The continuation lines of `!cmd \\` are the command's arguments, not Python: read as
    Python they failed to parse and took the notebook's loader calls with them."""
    text = notebook(
        ("code", ["import tensorflow_datasets as tfds\n"]),
        ("code", ["!saved_model_cli run --dir model \\\n", "    --inputs x=my_tests.npy\n"]),
        ("code", ['ds = tfds.load("my_corpus")\n']),
    )
    repo = make_repo({"nb.ipynb": text})
    assert ("nb.ipynb", line_of(text, "my_corpus"), "tfds:my_corpus", "load") in refs_of(
        run_cli, repo
    )


def test_a_timed_statement_is_python(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """%time and %timeit run the Python statement after them (and their options)."""
    text = notebook(
        ("code", ["import tensorflow_datasets as tfds\n"]),
        ("code", ['%time ds = tfds.load("my_corpus")\n']),
        ("code", ["for i in range(2):\n", '    %timeit -r1 -n 10 tfds.load("other_corpus")\n']),
        ("code", ["%time\n"]),
    )
    repo = make_repo({"nb.ipynb": text})
    assert refs_of(run_cli, repo) == {
        ("nb.ipynb", line_of(text, "my_corpus"), "tfds:my_corpus", "load"),
        ("nb.ipynb", line_of(text, "other_corpus"), "tfds:other_corpus", "load"),
    }
