"""`datasheet-lint bom`: the inventory written as CycloneDX and SPDX 3.0.1, on real repositories
(the demo repository, examples/datasheet-flow with datasheets, and a repository without
datasets), validated by the official means, offline: cyclonedx-python-lib's strict JSON
validator; the published SPDX 3.0.1 model's SHACL shapes (through spdx3-validate and pyshacl)
and JSON schema; and a read-back through the SPDX project's generated 3.0.1 bindings."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from spdx_python_model import v3_0_1 as spdx
from tests import spdx_shapes
from tests.conftest import ROOT, MakeRepo, RunCli, init_repo, write_files

DEMO = ROOT / "examples" / "demo-repo"
FLOW = ROOT / "examples" / "datasheet-flow"
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z

ALPACA = """\
datasheet_version: 1
id: alpaca
name: Stanford Alpaca instruction data
homepage: https://github.com/tatsu-lab/stanford_alpaca
loaders:
  hf: tatsu-lab/alpaca
composition:
  modalities: [text]
  contains_people: "yes"
  personal_data: [names]
collection:
  process: Generated with text-davinci-003 from 175 human-written seed tasks.
  source: third_party
  consent: not-applicable
uses:
  intended: [instruction tuning research]
  this_repository: [fine-tune]
distribution:
  license: CC-BY-4.0
  download_urls: [https://huggingface.co/datasets/tatsu-lab/alpaca]
lineage:
  derived_from:
    - {id: self-instruct-seed-tasks, relation: generated-from}
"""


def cyclonedx_errors(text: str) -> list[str]:
    """The strict validator's errors for the version the document declares."""
    version = SchemaVersion.from_version(json.loads(text)["specVersion"])
    errors = JsonStrictValidator(version).validate_str(text, all_errors=True)
    return [str(e) for e in errors or ()]


def spdx_objects(text: str) -> Any:
    """Read an SPDX 3.0.1 document back through the generated bindings (they reject unknown
    types, values of the wrong type and missing required properties), and check that writing
    what was read gives the same graph."""
    objects = spdx.SHACLObjectSet()
    spdx.JSONLDDeserializer().read(io.BytesIO(text.encode("utf-8")), objects)
    out = io.BytesIO()
    spdx.JSONLDSerializer().write(objects, out, indent=2, sort_keys=True, ensure_ascii=False)
    assert json.loads(out.getvalue()) == json.loads(text)
    return objects


def bom(run_cli: RunCli, repo: Path, output_format: str) -> str:
    result = run_cli(repo, "bom", "--format", output_format)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def flow_repo(tmp_path: Path, alpaca: str = ALPACA) -> Path:
    """examples/datasheet-flow, committed, with a datasheet for each of its two datasets
    (SQuAD's from tests/datasheets, Alpaca's as given)."""
    repo = tmp_path / "flow"
    shutil.copytree(FLOW, repo)
    write_files(
        repo,
        {
            "datasheets/squad.yaml": (ROOT / "tests" / "datasheets" / "squad.yaml").read_text(),
            "datasheets/alpaca.yaml": alpaca,
        },
    )
    init_repo(repo)
    return repo


def demo_repo(tmp_path: Path) -> Path:
    """examples/demo-repo, committed."""
    repo = tmp_path / "demo"
    shutil.copytree(DEMO, repo)
    init_repo(repo)
    return repo


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    """examples/datasheet-flow with a datasheet for each of its two datasets."""
    return flow_repo(tmp_path)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_repo(tmp_path)


@pytest.fixture
def empty(make_repo: MakeRepo) -> Path:
    return make_repo({"main.py": "print('no data here')\n", "README.md": "# Tools\n"})


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.mark.parametrize("which", ["demo", "flow", "empty"])
def test_cyclonedx_passes_the_strict_validator(
    which: str, request: pytest.FixtureRequest, run_cli: RunCli
) -> None:
    text = bom(run_cli, request.getfixturevalue(which), "cyclonedx-json")
    document = json.loads(text)
    assert document["specVersion"] == "1.7"
    assert cyclonedx_errors(text) == []
    # The validator can fail: a key componentData does not have is rejected.
    broken = json.loads(text)
    broken["components"] = [{"type": "data", "name": "x", "data": [{"type": "dataset", "x": 1}]}]
    assert cyclonedx_errors(json.dumps(broken)) != []


@pytest.mark.parametrize("which", ["demo", "flow", "empty"])
def test_spdx_reads_back_through_the_spdx_3_0_1_bindings(
    which: str, request: pytest.FixtureRequest, run_cli: RunCli
) -> None:
    text = bom(run_cli, request.getfixturevalue(which), "spdx3-jsonld")
    document = json.loads(text)
    assert document["@context"] == "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
    objects = spdx_objects(text)
    (info,) = [o for o in objects.objects if isinstance(o, spdx.CreationInfo)]
    assert info.specVersion == "3.0.1"
    assert info.created.isoformat() == "2023-11-14T22:13:20+00:00"
    (doc,) = [o for o in objects.objects if isinstance(o, spdx.SpdxDocument)]
    assert spdx.ProfileIdentifierType.dataset in doc.profileConformance
    # The read-back can fail: a dataset without its required datasetType is refused.
    broken = json.loads(text)
    for node in broken["@graph"]:
        if node["type"] == "dataset_DatasetPackage":
            del node["dataset_datasetType"]
    if any(node["type"] == "dataset_DatasetPackage" for node in broken["@graph"]):
        with pytest.raises(ValueError, match="datasetType"):
            spdx_objects(json.dumps(broken))


# rdflib 7.6's own JSON-LD parser builds the ConjunctiveGraph that rdflib 7.6 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("which", ["demo", "flow", "empty"])
def test_spdx_conforms_to_the_published_3_0_1_shapes_and_schema(
    which: str, request: pytest.FixtureRequest, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = bom(run_cli, request.getfixturevalue(which), "spdx3-jsonld")

    def no_network(*args: object) -> None:
        raise AssertionError(f"validation tried to reach the network: {args}")

    # Everything the validation needs is in tests/data/spdx-3.0.1: it must download nothing.
    monkeypatch.setattr("socket.socket.connect", no_network)
    assert spdx_shapes.schema_errors(text) == []
    assert spdx_shapes.shacl_errors(text) == []
    # The shapes can fail: an element without its required creationInfo is a violation, and
    # so is a dataset without a datasetType, or with one that is not in the model's list.
    broken = json.loads(text)
    (document,) = [n for n in broken["@graph"] if n["type"] == "SpdxDocument"]
    del document["creationInfo"]
    for node in broken["@graph"]:
        if node["type"] == "dataset_DatasetPackage":
            node["dataset_datasetType"] = ["pictures"]
    errors = "\n".join(spdx_shapes.shacl_errors(json.dumps(broken)))
    assert "MinCountConstraintComponent" in errors
    assert "Core/creationInfo" in errors
    if which != "empty":
        assert "Dataset/DatasetType/pictures" in errors
        assert "InConstraintComponent" in errors
    assert spdx_shapes.schema_errors(json.dumps(broken)) != []


def _components(text: str) -> dict[str, dict[str, Any]]:
    return {c["bom-ref"]: c for c in json.loads(text)["components"]}


def _properties(component: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (p["name"].removeprefix("datasheet-lint:"), p["value"]) for p in component["properties"]
    ]


def test_demo_cyclonedx_lists_withdrawn_data_and_the_model_trained_on_it(
    demo: Path, run_cli: RunCli
) -> None:
    components = _components(bom(run_cli, demo, "cyclonedx-json"))
    model = components["model:ms1mv3_arcface_r100_fp16"]
    assert model["type"] == "machine-learning-model"
    assert model["modelCard"] == {"modelParameters": {"datasets": [{"ref": "dataset:ms1mv3"}]}}
    assert model["evidence"]["occurrences"][0]["location"] == "embed.py"
    assert dict(_properties(components["dataset:ms1mv3"]))["availability-via"] == "ms-celeb-1m"
    brainwash = dict(_properties(components["dataset:brainwash"]))
    assert brainwash["availability"] == "withdrawn"
    assert brainwash["availability-stated-by"] == "blocklist"
    assert brainwash["datasheet"] == "none: this dataset has no datasheet"
    evidence = components["dataset:brainwash"]["externalReferences"]
    assert any(r["type"] == "evidence" and "neurips.cc" in r["url"] for r in evidence)
    locations = [o["location"] for o in components["dataset:brainwash"]["evidence"]["occurrences"]]
    assert locations == sorted(locations) and "scripts/download.sh" in locations
    # Without a datasheet nothing about people is claimed.
    assert "sensitiveData" not in components["dataset:brainwash"]["data"][0]


def test_flow_describes_each_dataset_from_its_datasheet(flow: Path, run_cli: RunCli) -> None:
    components = _components(bom(run_cli, flow, "cyclonedx-json"))
    alpaca = components["dataset:alpaca"]
    assert alpaca["licenses"] == [{"expression": "CC-BY-4.0", "acknowledgement": "declared"}]
    properties = dict(_properties(alpaca))
    assert properties["datasheet"] == "datasheets/alpaca.yaml"
    assert properties["catalogue-licence"] == "CC-BY-NC-4.0"
    assert "the catalogue records CC-BY-NC-4.0" in properties["licence-note"]
    assert properties["loader"] == "tatsu-lab/alpaca"
    assert properties["consent"] == "not-applicable"
    assert properties["derived-from"].startswith("self-instruct-seed-tasks (generated-from")
    assert alpaca["data"] == [
        {
            "type": "dataset",
            "name": "Stanford Alpaca instruction data",
            "contents": {"url": "https://huggingface.co/datasets/tatsu-lab/alpaca"},
            "sensitiveData": ["personal data: names"],
        }
    ]
    squad = components["dataset:squad"]
    assert "catalogue-licence" not in dict(_properties(squad))  # the two agree
    # Sources a datasheet names are listed too, marked as not referenced by the code.
    for source, origin in (("wikipedia", "catalogue"), ("self-instruct-seed-tasks", "lineage")):
        properties = dict(_properties(components[f"dataset:{source}"]))
        assert properties["origin"] == origin
        assert properties["referenced"].startswith("no:")
        assert "evidence" not in components[f"dataset:{source}"]


def test_flow_spdx_maps_datasheet_fields_and_lineage(flow: Path, run_cli: RunCli) -> None:
    objects = spdx_objects(bom(run_cli, flow, "spdx3-jsonld"))
    datasets = {o.name: o for o in objects.objects if isinstance(o, spdx.dataset_DatasetPackage)}
    squad = datasets["SQuAD v1.1"]
    assert list(squad.dataset_datasetType) == [spdx.dataset_DatasetType.text]
    assert squad.dataset_intendedUse == "extractive question answering"
    assert squad.dataset_hasSensitivePersonalInformation == spdx.PresenceType.no
    alpaca = datasets["Stanford Alpaca instruction data"]
    assert alpaca.dataset_hasSensitivePersonalInformation == spdx.PresenceType.yes
    assert alpaca.software_downloadLocation == "https://huggingface.co/datasets/tatsu-lab/alpaca"
    assert "Consent: not-applicable." in alpaca.dataset_dataCollectionProcess
    relations = {
        (r.from_.name, r.relationshipType.rsplit("/", 1)[-1]): r.to
        for r in objects.objects
        if isinstance(r, spdx.Relationship)
    }
    declared = relations[("Stanford Alpaca instruction data", "hasDeclaredLicense")]
    concluded = relations[("Stanford Alpaca instruction data", "hasConcludedLicense")]
    assert [e.simplelicensing_licenseExpression for e in declared] == ["CC-BY-4.0"]
    assert [e.simplelicensing_licenseExpression for e in concluded] == ["CC-BY-NC-4.0"]
    assert ("SQuAD v1.1", "hasConcludedLicense") not in relations  # the catalogue agrees
    assert [e.name for e in relations[("SQuAD v1.1", "descendantOf")]] == [
        "Wikipedia dumps (processed)"
    ]
    (sources,) = relations[("Stanford Alpaca instruction data", "descendantOf")]
    assert sources.name == "self-instruct-seed-tasks"
    notes = [a.statement for a in objects.objects if isinstance(a, spdx.Annotation)]
    assert "datasheet: datasheets/alpaca.yaml" in notes
    assert any(n.startswith("referenced at:\nfinetune.py:5:") for n in notes)


def test_demo_spdx_links_the_model_to_its_training_data(demo: Path, run_cli: RunCli) -> None:
    objects = spdx_objects(bom(run_cli, demo, "spdx3-jsonld"))
    (trained,) = [
        r
        for r in objects.objects
        if isinstance(r, spdx.Relationship)
        and r.relationshipType == spdx.RelationshipType.trainedOn
    ]
    assert isinstance(trained.from_, spdx.ai_AIPackage)
    assert [d.name for d in trained.to] == ["MS1MV3 / MS1M-RetinaFace"]
    assert isinstance(trained.to[0], spdx.dataset_DatasetPackage)
    notes = [a.statement for a in objects.objects if isinstance(a, spdx.Annotation)]
    assert any(n.startswith("no datasheet:") for n in notes)
    assert any(n.startswith("availability: withdrawn") for n in notes)


@pytest.mark.parametrize(
    "output_format", ["spdx3-jsonld", "cyclonedx-json", "training-data-summary"]
)
def test_the_same_state_gives_the_same_bytes(
    output_format: str, demo: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    first = bom(run_cli, demo, output_format)
    outputs = {first}
    for seed in ("1", "2"):  # another process, another hash seed: sets must not leak order
        done = subprocess.run(
            [sys.executable, "-m", "datasheet_lint", "bom", "--format", output_format],
            cwd=demo,
            capture_output=True,
            text=True,
            env={**_env(), "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH},
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    (demo / "train2.py").write_text("import torchvision\ntorchvision.datasets.MNIST('d')\n")
    assert bom(run_cli, demo, output_format) != first  # a new dataset changes ids and content


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}


def test_output_is_written_to_a_file(demo: Path, run_cli: RunCli) -> None:
    target = demo / "bom.cdx.json"
    result = run_cli(demo, "bom", "--format", "cyclonedx-json", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert cyclonedx_errors(target.read_text(encoding="utf-8")) == []
    target.write_text("old", encoding="utf-8")  # replaced, as check --output replaces
    assert (
        run_cli(demo, "bom", "--format", "cyclonedx-json", "--output", str(target)).exit_code == 0
    )
    assert target.read_text(encoding="utf-8").startswith("{")


def test_output_never_leaves_the_project_through_a_link(
    demo: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (demo / "out").symlink_to(outside)
    result = run_cli(demo, "bom", "--format", "spdx3-jsonld", "--output", "out/bom.json")
    assert result.exit_code == 2
    assert "resolves outside the project" in result.stderr
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("output_format", "module"),
    [
        ("cyclonedx-json", "cyclonedx"),
        ("spdx3-jsonld", "spdx_tools"),
        ("spdx3-jsonld", "spdx_python_model"),
    ],
)
def test_without_the_extra_bom_says_which_to_install(
    output_format: str, module: str, empty: Path
) -> None:
    """The library is made unimportable in a real process (an entry of None in sys.modules
    is how Python marks a module as absent), as in an installation without the extra."""
    probe = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from datasheet_lint.cli import main\n"
        f"raise SystemExit(main(['bom', '--format', {output_format!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=empty, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stdout == ""
    distribution = {
        "cyclonedx": "cyclonedx-python-lib",
        "spdx_tools": "spdx-tools",
        "spdx_python_model": "spdx-python-model",
    }[module]
    assert done.stderr.splitlines()[0] == (
        "datasheet-lint: error: the bom command needs the optional 'bom' extra "
        f"({distribution} is not installed)"
    )
    assert 'pip install "datasheet-lint[bom]"' in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_source_date_epoch_is_a_clear_error(
    empty: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run_cli(empty, "bom", "--format", "cyclonedx-json")
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH is not a whole number of seconds" in result.stderr


ODD = """\
datasheet_version: 1
id: faces
name: "In-house faces \\u0007"
homepage: ask the data team
loaders:
  local: data/faces/train.csv
composition:
  modalities: [image, thermal]
  contains_people: "yes"
  biometric: {modalities: [face]}
collection:
  consent: unknown
distribution:
  license: our own research licence
  download_urls: [on the NAS, "https://data.example.invalid/faces.tar"]
maintenance:
  status: retracted
  status_sources: [an email from legal, "https://intranet.example.invalid/notice"]
"""


@pytest.mark.parametrize("output_format", ["spdx3-jsonld", "cyclonedx-json"])
def test_a_datasheet_with_free_text_where_links_and_licences_go_still_gives_a_valid_bom(
    output_format: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"datasheets/faces.yaml": ODD, "train.py": "open('data/faces/train.csv')\n"})
    text = bom(run_cli, repo, output_format)
    if output_format == "cyclonedx-json":
        assert cyclonedx_errors(text) == []
        (faces,) = json.loads(text)["components"]
        assert faces["licenses"] == [
            {"license": {"name": "our own research licence", "acknowledgement": "declared"}}
        ]
        urls = [r["url"] for r in faces["externalReferences"]]
        assert urls == [
            "https://data.example.invalid/faces.tar",
            "https://intranet.example.invalid/notice",
        ]
        assert dict(_properties(faces))["availability"] == "retracted"
        assert faces["data"][0]["sensitiveData"] == ["biometric: face"]
        return
    objects = spdx_objects(text)
    (faces,) = [o for o in objects.objects if isinstance(o, spdx.dataset_DatasetPackage)]
    assert faces.software_homePage is None
    assert faces.software_downloadLocation == "https://data.example.invalid/faces.tar"
    assert list(faces.dataset_datasetType) == [spdx.dataset_DatasetType.image]
    assert faces.dataset_hasSensitivePersonalInformation == spdx.PresenceType.yes
    notes = [a.statement for a in objects.objects if isinstance(a, spdx.Annotation)]
    assert "the datasheet's licence is not an SPDX expression: our own research licence" in notes
    assert not [
        r
        for r in objects.objects
        if isinstance(r, spdx.Relationship)
        and r.relationshipType == spdx.RelationshipType.hasDeclaredLicense
    ]
