"""What a run imports depends on what the repository holds (a pre-commit hook pays for
imports on every commit): a run over ordinary files loads none of the heavy libraries that
only datasheets, licences or a BOM need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import MakeRepo

# The heavy libraries: each costs tens of milliseconds to import, which a pre-commit hook would
# pay on every commit. Everything else (the package's own modules, the standard library) is
# not pinned: small records and helpers load as they are needed, readably.
ONLY_WHEN_NEEDED = (
    "ruamel.yaml",  # datasheets
    "jsonschema",  # datasheets, validated
    "license_expression",  # licences in datasheets or settings
    "git",  # gitpython: a test-only dependency; the linter runs git through subprocess
    "cyclonedx",  # `bom` only
    "spdx_python_model",
    "spdx_tools",
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
    assert found >= {"ruamel.yaml", "jsonschema", "license_expression"}
    assert "git" not in found  # never: the linter runs git itself


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
    # SPDX is built with spdx-tools (the design's library) and checked by the 3.0.1 bindings.
    assert imported(repo, "bom", "--format", "spdx3-jsonld") >= {"spdx_tools", "spdx_python_model"}


# Extractors imported on demand (extract.ON_DEMAND): most commits hold nothing they find.
ON_DEMAND_MODULES = (
    "datasheet_lint.extract.pretrained",
    "datasheet_lint.extract.downloads",
    "datasheet_lint.extract.platforms",
    "datasheet_lint.extract.config_modules",
    "datasheet_lint.extract.dataset_yaml",
)


def modules_after(repo: Path, *args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=repo, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_on_demand_extractors_load_only_for_what_they_find(make_repo: MakeRepo) -> None:
    """A commit of ordinary code imports neither extractor; a file that holds what one finds
    imports it, and its references are still reported."""
    repo = make_repo({"README.md": "# Tools\n"})
    (repo / "train.py").write_text(
        "from datasets import load_dataset\nds = load_dataset('acme/reviews')\n", encoding="utf-8"
    )
    subprocess.run(["git", "add", "train.py"], cwd=repo, check=True)
    staged = modules_after(repo, "check", "--staged", "--exit-zero", "train.py")
    assert staged.isdisjoint(ON_DEMAND_MODULES)

    (repo / "model.py").write_text(
        "import torchvision\nnet = torchvision.models.resnet50(pretrained=True)\n",
        encoding="utf-8",
    )
    (repo / "get.sh").write_text("wget https://example.org/corpus.tar.gz\n", encoding="utf-8")
    (repo / "eda.py").write_text("df = read('../input/cafe-sales/shop.csv')\n", encoding="utf-8")
    (repo / "ds.py").write_text(
        "data_root = 'data/coco/'\ntrain = dict(ann_file=data_root + 'a.json')\n", encoding="utf-8"
    )
    (repo / "parts.yaml").write_text("path: ../parts\ntrain: a\nval: b\nnc: 2\n", encoding="utf-8")
    subprocess.run(
        ["git", "add", "model.py", "get.sh", "eda.py", "ds.py", "parts.yaml"], cwd=repo, check=True
    )
    assert modules_after(repo, "check", "--exit-zero") >= set(ON_DEMAND_MODULES)
    done = subprocess.run(
        [sys.executable, "-m", "datasheet_lint", "check", "--format", "json", "--exit-zero"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    found = {(r["dataset"], r["kind"]) for r in json.loads(done.stdout)["references"]}
    assert ("imagenet", "model") in found


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (``a|b(c|d)|e`` -> ``a``, ``b(c|d)``, ``e``)."""
    parts, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    return [*parts, pattern[start:]]


def test_pretrained_words_cover_every_trigger() -> None:
    """The substrings that decide whether extract/pretrained.py is imported for a file must
    be in every text its TRIGGER matches: each alternative of TRIGGER spells one literally.
    A trigger added without a word would silently never run: this fails instead."""
    from datasheet_lint.extract import PRETRAINED_WORDS, pretrained

    alternatives = _alternatives(pretrained.TRIGGER.pattern)
    assert len(alternatives) > 5
    for alternative in alternatives:
        literal = alternative.replace("\\.", ".").replace("\\[", "[")
        assert any(word in literal for word in PRETRAINED_WORDS), alternative


def test_a_run_without_datasheets_loads_no_licence_module(make_repo: MakeRepo) -> None:
    """The terms table and its records are read only with datasheets (the rules judge a
    licence only in one): a commit of code loads no ``datasheet_lint.licences`` module, and
    a run with a datasheet that names a licence still loads the table and judges it."""
    repo = make_repo({"README.md": "# Tools\n"})
    (repo / "train.py").write_text(
        "from datasets import load_dataset\nds = load_dataset('acme/reviews')\n", encoding="utf-8"
    )
    subprocess.run(["git", "add", "train.py"], cwd=repo, check=True)
    staged = modules_after(repo, "check", "--staged", "--exit-zero", "train.py")
    assert {m for m in staged if m.startswith("datasheet_lint.licences")} == set()

    sheet = (Path(__file__).parent / "datasheets/squad.yaml").read_text(encoding="utf-8")
    (repo / "datasheets").mkdir()
    (repo / "datasheets/squad.yaml").write_text(sheet, encoding="utf-8")
    assert "datasheet_lint.licences.table" in modules_after(repo, "check", "--exit-zero")


UNUSED_PROBE = """
import inspect, re, sys

compile_pattern = re.compile
made, used = {}, set()


class Spy:
    def __init__(self, pattern):
        self.pattern = pattern

    def __getattr__(self, name):
        used.add(id(self))
        return getattr(self.pattern, name)


def watched(pattern, flags=0):
    compiled = compile_pattern(pattern, flags)
    frame = inspect.currentframe().f_back
    caller = frame.f_globals.get("__name__", "")
    if not caller.startswith("datasheet_lint") or frame.f_code.co_name != "<module>":
        return compiled  # the standard library's, or compiled at run time (a lazy one too)
    spy = Spy(compiled)
    made[id(spy)] = f"{caller}: {compiled.pattern[:40]}"
    return spy


re.compile = watched
from datasheet_lint import cli

try:
    cli.cli.main(args=sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(sorted(name for key, name in made.items() if key not in used))
"""


def test_every_pattern_compiled_at_import_is_used_by_a_commit_of_code(
    make_repo: MakeRepo,
) -> None:
    """A pre-commit run pays for each pattern compiled at import: the package compiles there
    only what a commit of ordinary Python code uses (lazyregex.lazy for the rest: a file of a
    dataset of its own, a datasheet, settings, prose). The probe watches every pattern the
    package compiles (lazy ones are compiled on their first use, so they count as used) and
    lists those the run never touched."""
    repo = make_repo({"README.md": "# Tools\n"})
    (repo / "train.py").write_text(
        "from datasets import load_dataset\nds = load_dataset('acme/reviews')\n",
        encoding="utf-8",
    )
    (repo / "report.py").write_text(
        "import pandas as pd\n\ndef table(path):\n    return pd.read_csv(path)\n",
        encoding="utf-8",
    )
    subprocess.run(["git", "add", "train.py", "report.py"], cwd=repo, check=True)
    args = ["check", "--staged", "--exit-zero", "train.py", "report.py"]
    done = subprocess.run(
        [sys.executable, "-c", UNUSED_PROBE, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "[]"
