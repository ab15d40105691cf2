"""What a run imports depends on what the repository holds (a pre-commit hook pays for
imports on every commit): a run over ordinary files loads none of the modules that only
datasheets, a baseline, settings, other formats or known dataset names need.

Every run loads the shipped knowledge, built into JSON package data (``json``), and
hands the rules a ``Context`` (a frozen dataclass) that carries the licence terms table (empty
without datasheets): ``dataclasses`` and ``licences.table`` are always loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import MakeRepo

ONLY_WHEN_NEEDED = (
    "datasheet_lint.baseline",  # a baseline file
    "datasheet_lint.datasheets.cache",  # datasheets
    "datasheet_lint.datasheets.formats",
    "datasheet_lint.datasheets.validate",
    "datasheet_lint.licences.spdx",
    "ruamel.yaml",
    "jsonschema",
    "license_expression",
    "datasheet_lint.extract.judge",  # a known dataset's name in a file
    "datasheet_lint.extract.notebooks",  # a notebook
    "datasheet_lint.report.sarif",  # another --format
    "tomllib",  # settings in pyproject.toml
    "tempfile",  # writing a cache or a report
    "datasheet_lint.yamlio",  # a project's own YAML: settings, blocklists, datasheets
    "importlib.resources",  # ~9 ms of imports: package data is read with pkgutil.get_data
    "hashlib",  # fingerprints (JSON, SARIF, baseline)
    "git",  # gitpython: no command imports it (git's plumbing is parsed in vcs.py)
    "subprocess",  # git cat-file, for a staged file unlike its work-tree copy (spawn.py)
    "multiprocessing",  # more than 1,000 files
)
PROBE = """
import sys
from datasheet_lint import cli
try:
    cli.cli.main(args=sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
names = sorted(sys.modules)
import json
print(json.dumps(names))
"""


def loaded(repo: Path, *args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=repo, capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
    return {name for name in ONLY_WHEN_NEEDED if name in modules}


def test_a_commit_of_ordinary_code_loads_only_what_it_needs(make_repo: MakeRepo) -> None:
    repo = make_repo({"README.md": "# Tools\n", "old.py": "x = 1\n"})
    (repo / "train.py").write_text(
        "from datasets import load_dataset\nds = load_dataset('acme/reviews')\n", encoding="utf-8"
    )
    subprocess.run(["git", "add", "train.py"], cwd=repo, check=True)
    assert loaded(repo, "check", "--staged", "--exit-zero", "train.py") == set()


def test_what_the_repository_holds_loads_what_it_needs(make_repo: MakeRepo) -> None:
    """The same probe sees the modules load once there is a reason: it can fail."""
    repo = make_repo(
        {
            "train.py": "x = 'MS1MV2'\n",
            "nb.ipynb": json.dumps({"cells": [], "metadata": {}, "nbformat": 4}),
            "datasheets/squad.yaml": (Path(__file__).parent / "datasheets/squad.yaml").read_text(),
            "pyproject.toml": '[tool.datasheet-lint]\nuse = "academic"\n',
        }
    )
    found = loaded(repo, "check", "--format", "sarif", "--exit-zero")
    for name in (
        "datasheet_lint.extract.judge",
        "datasheet_lint.extract.notebooks",
        "datasheet_lint.datasheets.validate",
        "datasheet_lint.report.sarif",
        "tomllib",
        "hashlib",
    ):
        assert name in found, name


CHECK_PATH_RECORDS = (
    "datasheet_lint.models",
    "datasheet_lint.config",
    "datasheet_lint.knowledge.blocklist",
    "datasheet_lint.knowledge.catalogue",
    "datasheet_lint.knowledge.resolve",
    "datasheet_lint.knowledge.matcher",
    "datasheet_lint.modelcards",
    "datasheet_lint.suppress",
    "datasheet_lint.vcs",
    "datasheet_lint.datasheets.model",
    "datasheet_lint.datasheets.match",
    "datasheet_lint.extract.python_ast",
    "datasheet_lint.extract.segments",
    "datasheet_lint.rules.registry",
)


def test_records_on_the_check_path_have_evaluated_field_types() -> None:
    """``typing.NamedTuple`` compiles each field annotation that is a string (what ``from
    __future__ import annotations`` makes of them): ~40 us per field, ~6 ms over the ~170
    fields a run defines. Modules defining the run's records therefore do without it."""
    import importlib

    records = 0
    for name in CHECK_PATH_RECORDS:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields"):
                if value.__module__ != name:
                    continue
                records += 1
                quoted = [f for f, t in value.__annotations__.items() if isinstance(t, str)]
                assert quoted == [], f"{name}.{value.__name__}: {quoted}"
    assert records >= 25
    # The probe can fail: a module with postponed annotations shows them as strings.
    from datasheet_lint import cli  # keeps `from __future__ import annotations`

    assert all(isinstance(t, str) for t in cli._run.__annotations__.values())


BOM_LIBRARIES = ("datasheet_lint.bom", "cyclonedx", "spdx_python_model", "spdx_tools")


def imported(repo: Path, *args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=repo, capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
    return {name for name in BOM_LIBRARIES if name in modules}


def test_check_never_imports_the_bom_libraries(make_repo: MakeRepo) -> None:
    """The 'bom' extra is installed with the dev tools: a check, in any format, must not pay
    for it, while the same probe sees `bom` load them."""
    repo = make_repo(
        {
            "train.py": "from datasets import load_dataset\nload_dataset('rajpurkar/squad')\n",
            "embed.py": "torch.load('ms1mv3_arcface_r100_fp16/backbone.pth')\n",
            "datasheets/squad.yaml": (Path(__file__).parent / "datasheets/squad.yaml").read_text(),
        }
    )
    for output_format in ("text", "json", "sarif", "github", "gitlab"):
        assert imported(repo, "check", "--format", output_format, "--exit-zero") == set()
    assert imported(repo, "refs") == set()
    assert imported(repo, "bom", "--format", "cyclonedx-json") >= {
        "datasheet_lint.bom",
        "cyclonedx",
    }
    assert "spdx_python_model" in imported(repo, "bom", "--format", "spdx3-jsonld")
