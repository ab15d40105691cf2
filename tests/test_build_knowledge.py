"""The shipped knowledge is built into package data (``scripts/build_knowledge.py``): it must
match the YAML it comes from, and load wherever the package can be imported from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from scripts import build_knowledge
from tests.conftest import MakeRepo
from tests.test_config import ORG_BLOCKLIST

from datasheet_lint.knowledge import blocklist, catalogue, resolve
from datasheet_lint.knowledge.matcher import regex_source
from datasheet_lint.licences import table
from datasheet_lint.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src/datasheet_lint"


def test_generated_knowledge_is_up_to_date_with_its_yaml() -> None:
    stale = build_knowledge.stale()
    assert not stale, f"{stale} out of date with the YAML: run {build_knowledge.COMMAND}"


def test_a_yaml_edit_without_a_rebuild_is_caught(tmp_path: Path) -> None:
    package = tmp_path / "datasheet_lint"
    for name in [*build_knowledge.outputs(), "knowledge/registries.json"]:
        for path in (name, build_knowledge.DOCUMENTS.get(name, (None,))[0]):
            if path is not None:
                (package / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(PACKAGE / path, package / path)
    script = [sys.executable, str(ROOT / "scripts/build_knowledge.py")]
    check = [*script, "--check", "--package", str(package)]
    catalogue_yaml = package / "knowledge/catalogue.yaml"
    text = catalogue_yaml.read_text(encoding="utf-8")
    catalogue_yaml.write_text(text.replace("name: MNIST\n", "name: MNIST digits\n", 1), "utf-8")
    done = subprocess.run(check, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "knowledge/catalogue.json is out of date" in done.stderr
    assert "run: python scripts/build_knowledge.py" in done.stderr
    assert "blocklist.json" not in done.stderr
    # Regenerating brings it up to date, with the edit in the package data.
    regenerate = [*script, "--package", str(package)]
    subprocess.run(regenerate, capture_output=True, check=True)
    assert subprocess.run(check, capture_output=True, check=False).returncode == 0
    built = json.loads((package / "knowledge/catalogue.json").read_text(encoding="utf-8"))
    assert {"id": "mnist", "name": "MNIST digits"}.items() <= built["datasets"][0].items()


def test_shipped_knowledge_is_what_parsing_the_yaml_gives() -> None:
    def from_yaml(path: str) -> object:
        return parse_yaml((PACKAGE / path).read_text(encoding="utf-8"))

    assert blocklist.builtin() == blocklist.parse(from_yaml("knowledge/blocklist.yaml"))
    shipped, parsed = catalogue.builtin(), catalogue.parse(from_yaml("knowledge/catalogue.yaml"))
    # The shipped catalogue also answers for the registry-derived entries, read on a miss.
    assert shipped.generated and not parsed.generated
    assert {key: shipped.datasets[key] for key in parsed.datasets} == parsed.datasets
    assert (shipped.aliases, shipped.loaders) == (parsed.aliases, parsed.loaders)
    assert table.builtin() == table.parse(from_yaml("licences/terms.yaml"))
    knowledge = resolve.Knowledge.build(blocklist.builtin(), catalogue.builtin())
    aliases = blocklist.builtin().aliases + catalogue.builtin().aliases
    assert knowledge.matcher._regex.pattern == regex_source(aliases)


def test_a_user_blocklist_gets_a_matcher_over_its_own_names(make_repo: MakeRepo) -> None:
    """The built pattern covers the shipped names only: a run with its own blocklist (parsed
    at run time) builds one over both."""
    repo = make_repo({"org-blocklist.yaml": ORG_BLOCKLIST}, commit=False)
    extra = blocklist.load([(repo / "org-blocklist.yaml", "org-blocklist.yaml")])
    knowledge = resolve.Knowledge.build(extra, catalogue.builtin())
    assert knowledge.known("acme_faces_v2", whole=True) == "acme-faces"
    assert knowledge.known("MS-Celeb-1M", whole=True) == "ms-celeb-1m"


def _zip_of_the_package(target: Path, source: Path) -> Path:
    """The package as a wheel lays it out (schemas inside it), zipped without byte code."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted((source / "datasheet_lint").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(source).as_posix())
        for schema in sorted((ROOT / "schemas").glob("*.json")):
            archive.write(schema, f"datasheet_lint/schemas/{schema.name}")
    return target


def test_check_runs_from_a_zip_without_a_cache(make_repo: MakeRepo, tmp_path: Path) -> None:
    """The issue's defect: ``PYTHONPATH=app.zip datasheet-lint check`` ended in an internal
    error. From a zip nothing beside the modules is a file; no cache can be written."""
    app = _zip_of_the_package(tmp_path / "app.zip", PACKAGE.parent)
    repo = make_repo(
        {
            "train.py": "from datasets import load_dataset\nds = load_dataset('ms1mv2')\n",
            "datasheets/mnist.yaml": "datasheet_version: 1\nid: mnist\n",
        }
    )
    cache = tmp_path / "cache"  # a file: no cache folder can be made (even by root)
    cache.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(app),
        "XDG_CACHE_HOME": str(cache),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    where = subprocess.run(
        [sys.executable, "-c", "import datasheet_lint; print(datasheet_lint.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(app)), where.stdout
    done = subprocess.run(
        [sys.executable, "-m", "datasheet_lint", "check", "--format", "json", "."],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    found = {(f["path"], f["line"], f["rule"]) for f in json.loads(done.stdout)["findings"]}
    assert ("train.py", 2, "DSL102") in found
    assert any(code == "DSL202" for path, _, code in found if path == "datasheets/mnist.yaml")
    assert cache.read_text(encoding="utf-8") == ""
