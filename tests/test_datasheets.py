"""Datasheets: coverage, schema validation at the node, the three formats, and DSL2xx/DSL4xx."""

from __future__ import annotations

import json
import marshal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT, MakeRepo, Result, RunCli

from datasheet_lint.cache import read_entry

SQUAD = (ROOT / "tests" / "datasheets" / "squad.yaml").read_text(encoding="utf-8")
LOADS_SQUAD = "from datasets import load_dataset\nds = load_dataset('rajpurkar/squad')\n"


def check(run_cli: RunCli, repo: Path, *codes: str) -> Result:
    args = ["check", "--format", "json"]
    if codes:
        args += ["--select", ",".join(codes)]
    result = run_cli(repo, *args)
    assert result.exit_code in (0, 1), result.stderr
    return result


def found(result: Result, code: str) -> list[dict[str, Any]]:
    return [f for f in result.json()["findings"] if f["rule"] == code]


def sheet(**changes: str) -> str:
    """The complete SQuAD datasheet with some lines replaced: {old_line: new_line}."""
    text = SQUAD
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# --- coverage -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "covered_by"),
    [
        ("load_dataset('rajpurkar/squad')", "hf loader id"),
        ("load_dataset('squad')", "catalogue name"),
        ("tfds.load('squad')", "another library's id for the same dataset"),
    ],
)
def test_a_datasheet_covers_every_spelling_of_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli, code: str, covered_by: str
) -> None:
    files = {
        "train.py": f"import tensorflow_datasets as tfds\n{LOADS_SQUAD.splitlines()[0]}\n{code}\n",
        "datasheets/squad.yaml": SQUAD,
    }
    result = check(run_cli, make_repo(files), "DSL2")
    assert found(result, "DSL201") == [], covered_by
    assert found(result, "DSL205") == []


def test_missing_datasheet_is_reported_once_per_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "a.py": LOADS_SQUAD + "again = load_dataset('rajpurkar/squad', split='validation')\n",
        "b.py": LOADS_SQUAD,
        "README.md": "We fine-tune on SQuAD.\n",  # a mention does not need a datasheet
    }
    result = check(run_cli, make_repo(files), "DSL201")
    (only,) = found(result, "DSL201")
    assert (only["path"], only["line"], only["dataset"]) == ("a.py", 2, "squad")
    assert "2 more references elsewhere" in only["message"]
    assert "datasheet-lint init squad" in only["hint"]


def test_unknown_hub_dataset_needs_its_own_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "from datasets import load_dataset\nds = load_dataset('acme/claims-2024')\n"
    bare = check(run_cli, make_repo({"t.py": code}), "DSL201")
    assert [f["dataset"] for f in found(bare, "DSL201")] == ["hf:acme/claims-2024"]
    own = sheet(**{"id: squad": "id: claims-2024", "hf: rajpurkar/squad": "hf: acme/claims-2024"})
    covered = check(run_cli, make_repo({"t.py": code, "datasheets/claims.yaml": own}), "DSL2")
    assert found(covered, "DSL201") == []


def test_retracted_datasets_are_left_to_the_retraction_rules(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    result = check(run_cli, make_repo({"t.py": 'rec = "/data/faces_emore"\n'}))
    assert [f["rule"] for f in result.json()["findings"] if f["rule"] != "DSL300"] == ["DSL102"]


def test_require_datasheet_setting_picks_the_kinds(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {"README.md": "Results on SQuAD v1.1.\n", "pyproject.toml": ""}
    default = check(run_cli, make_repo(files), "DSL201")
    assert found(default, "DSL201") == []
    files["pyproject.toml"] = '[tool.datasheet-lint]\nrequire-datasheet = ["mention"]\n'
    strict = check(run_cli, make_repo(files), "DSL201")
    assert [f["dataset"] for f in found(strict, "DSL201")] == ["squad"]


# --- DSL202 / DSL203: the file itself ---------------------------------------------------------


def test_schema_errors_land_on_the_node(make_repo: MakeRepo, run_cli: RunCli) -> None:
    bad = sheet(
        **{
            "  status: active": "  status: live",
            '  contains_people: "no"': '  contains_people: "no"\n  colour: blue',
            "  license: CC-BY-SA-4.0": "  license: [CC-BY-SA-4.0]",
        }
    )
    lines = bad.splitlines()
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": bad})
    errors = found(check(run_cli, repo, "DSL202"), "DSL202")
    where = {(f["line"], f["column"]) for f in errors}
    assert (lines.index("  status: live") + 1, 11) in where  # the value "live"
    assert (lines.index("  license: [CC-BY-SA-4.0]") + 1, 3) in where  # a list: at its key
    colour = lines.index("  colour: blue") + 1  # an unknown key: at the key's own line
    assert any(f["line"] == colour and "'colour' in composition" in f["message"] for f in errors)
    status = next(f for f in errors if "live" in f["message"])
    assert "active, unmaintained" in status["hint"]  # the schema's own description


def test_missing_required_field_names_the_field(make_repo: MakeRepo, run_cli: RunCli) -> None:
    text = sheet(**{"  status: active\n": ""})
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": text})
    (error,) = found(check(run_cli, repo, "DSL202"), "DSL202")
    assert error["message"] == "'maintenance.status' is required"
    assert error["line"] == text.splitlines().index("maintenance:") + 1


def test_people_make_consent_and_legal_basis_required(make_repo: MakeRepo, run_cli: RunCli) -> None:
    text = sheet(**{'contains_people: "no"': 'contains_people: "yes"'})
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": text})
    messages = {f["message"] for f in found(check(run_cli, repo, "DSL202"), "DSL202")}
    assert "'collection.legal_basis' is required" in messages
    assert "'collection.consent' is required" not in messages  # it is there


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: squad\nid: other\n", 2, "duplicate"),
        ("id: squad\nname: [unclosed\n", 3, "invalid YAML"),
        ("id: !!python/object:os.system squad\n", 1, "YAML tag"),
        ("id: !!python/object/apply:os.system [ls]\n", 1, "YAML tag"),
        ("- a list\n- not a mapping\n", 1, "must be a mapping"),
        ("just text\n", 1, "must be a mapping"),
    ],
)
def test_unreadable_datasheets_are_clear_findings(
    make_repo: MakeRepo, run_cli: RunCli, text: str, line: int, words: str
) -> None:
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": text})
    result = check(run_cli, repo, "DSL202", "DSL203")
    problems = result.json()["findings"]
    assert problems, result.stdout
    assert problems[0]["line"] == line and words in problems[0]["message"]


def test_datasheet_symlink_out_of_the_project_is_refused(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(SQUAD, encoding="utf-8")
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/.keep": ""})
    (repo / "datasheets" / "squad.yaml").symlink_to(outside)
    result = check(run_cli, repo, "DSL2")
    (refused,) = found(result, "DSL203")
    assert refused["path"] == "datasheets/squad.yaml" and "symbolic link" in refused["message"]
    assert found(result, "DSL201")  # a refused datasheet covers nothing


# --- DSL204 / DSL205 / DSL206 -----------------------------------------------------------------


def test_duplicate_datasheets(make_repo: MakeRepo, run_cli: RunCli) -> None:
    second = sheet(**{"id: squad": "id: squad-copy", "aliases: [squad_v1]": "aliases: []"})
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/a.yaml": SQUAD, "datasheets/b.yaml": second})
    (dup,) = found(check(run_cli, repo, "DSL204"), "DSL204")
    assert dup["path"] == "datasheets/b.yaml" and "datasheets/a.yaml" in dup["message"]
    distinct = sheet(
        **{
            "id: squad": "id: squad-copy",
            "aliases: [squad_v1]": "aliases: []",
            "hf: rajpurkar/squad": "hf: acme/other",
            "name: SQuAD v1.1": "name: Other",
        }
    )
    repo = make_repo(
        {"t.py": LOADS_SQUAD, "datasheets/a.yaml": SQUAD, "datasheets/b.yaml": distinct}
    )
    assert found(check(run_cli, repo, "DSL204"), "DSL204") == []


def test_orphan_datasheet_only_on_whole_repository_runs(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"t.py": "print('no data here')\n", "datasheets/squad.yaml": SQUAD})
    (orphan,) = found(check(run_cli, repo, "DSL205"), "DSL205")
    assert orphan["path"] == "datasheets/squad.yaml" and orphan["severity"] == "warning"
    partial = run_cli(repo, "check", "t.py", "--format", "json", "--select", "DSL205")
    assert found(partial, "DSL205") == []
    used = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": SQUAD})
    assert found(check(run_cli, used, "DSL205"), "DSL205") == []


def test_incomplete_datasheet_lists_todos_and_missing_recommendations(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = sheet(
        **{
            "  status: active": "  status: TODO  # fill me",
            "homepage: https://rajpurkar.github.io/SQuAD-explorer/\n": "",
        }
    )
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": text})
    result = check(run_cli, repo, "DSL202", "DSL206")
    assert found(result, "DSL202") == []  # a TODO is not a schema error
    messages = sorted((f["message"], f["severity"]) for f in found(result, "DSL206"))
    assert messages == [
        ("1 required field still TODO: maintenance.status", "error"),
        ("recommended field missing: homepage", "warning"),
    ]
    complete = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": SQUAD})
    assert found(check(run_cli, complete, "DSL206"), "DSL206") == []


# --- other formats ----------------------------------------------------------------------------

CARD = """\
---
pretty_name: Acme Claims
license: cc-by-4.0
source_datasets:
- original
task_categories:
- text-classification
datasheet:
  description: Insurance claims written by Acme staff.
  composition:
    contains_people: "no"
  maintenance:
    status: active
---
# Acme Claims

## Citation

Acme Research, 2024.
"""


def test_hugging_face_dataset_card_is_a_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "from datasets import load_dataset\nds = load_dataset('data/acme_claims')\n"
    repo = make_repo({"train.py": code, "data/acme_claims/README.md": CARD})
    result = check(run_cli, repo, "DSL2")
    assert found(result, "DSL201") == []
    assert found(result, "DSL202") == []
    assert all(r["path"] != "data/acme_claims/README.md" for r in result.json()["references"])


def test_card_without_the_gebru_fields_is_incomplete_not_invalid(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    card = CARD.split("datasheet:")[0] + "---\n# Acme Claims\n"
    code = "from datasets import load_dataset\nds = load_dataset('data/acme_claims')\n"
    repo = make_repo({"train.py": code, "data/acme_claims/README.md": card})
    result = check(run_cli, repo, "DSL2")
    assert found(result, "DSL202") == [] and found(result, "DSL201") == []
    missing = {f["message"].split("'")[1] for f in found(result, "DSL206")}
    assert {"description", "composition", "maintenance"} <= missing


def test_model_card_is_not_a_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    card = "---\nlibrary_name: transformers\nlicense: mit\ndatasets:\n- rajpurkar/squad\n---\n"
    repo = make_repo({"models/qa/README.md": card, "datasheets/squad.yaml": SQUAD})
    result = check(run_cli, repo, "DSL2")
    assert found(result, "DSL205") == []  # the model card's datasets: uses SQuAD


def test_croissant_file_is_a_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    croissant = {
        "@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"},
        "@type": "sc:Dataset",
        "name": "Acme Claims",
        "description": "Insurance claims written by Acme staff.",
        "license": "https://creativecommons.org/licenses/by-nc/4.0/",
        "url": "https://example.org/claims",
        "distribution": [
            {"@type": "cr:FileObject", "contentUrl": "https://example.org/claims.zip"}
        ],
        "datasheet": {
            "composition": {"contains_people": "no"},
            "maintenance": {"status": "active"},
        },
    }
    code = 'import urllib.request\nurllib.request.urlretrieve("https://example.org/claims.zip")\n'
    repo = make_repo(
        {"fetch.py": code, "data/claims.croissant.json": json.dumps(croissant, indent=2)}
    )
    result = check(run_cli, repo, "DSL2")
    assert found(result, "DSL201") == [] and found(result, "DSL202") == []
    assert found(result, "DSL205") == []


def test_broken_croissant_json_is_a_syntax_error(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"croissant.json": '{\n  "name": "x",\n  oops\n}\n'})
    (error,) = found(check(run_cli, repo, "DSL203"), "DSL203")
    assert (error["path"], error["line"]) == ("croissant.json", 3)


# --- DSL401 / DSL402 / DSL403 -----------------------------------------------------------------

FACES = {
    'contains_people: "no"': 'contains_people: "yes"',
    "personal_data: []": "personal_data: [biometric, images_of_people]",
    "consent: not-applicable": (
        "consent: not-obtained\n  legal_basis:\n    gdpr_art6: legitimate_interests\n"
        "    gdpr_art9: unknown"
    ),
}


def test_special_category_data_without_consent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": sheet(**FACES)})
    (people,) = found(check(run_cli, repo, "DSL401"), "DSL401")
    assert "biometric" in people["message"] and "not-obtained" in people["message"]
    assert people["line"] == sheet(**FACES).splitlines().index("  consent: not-obtained") + 1


def test_consent_and_an_art9_condition_satisfy_dsl401(make_repo: MakeRepo, run_cli: RunCli) -> None:
    consented = {
        **FACES,
        "consent: not-applicable": (
            "consent: obtained\n  legal_basis:\n    gdpr_art6: consent\n"
            "    gdpr_art9: explicit_consent"
        ),
    }
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": sheet(**consented)})
    assert found(check(run_cli, repo, "DSL401"), "DSL401") == []
    no_basis = {
        **consented,
        "consent: not-applicable": consented["consent: not-applicable"].replace(
            "explicit_consent", "unknown"
        ),
    }
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": sheet(**no_basis)})
    (basis,) = found(check(run_cli, repo, "DSL401"), "DSL401")
    assert "Art. 9(2)" in basis["message"]


LINEAGE_CODE = "from datasets import load_dataset\nds = load_dataset('acme/celebs-clean')\n"


def _lineage_sheet(ident: str, hf: str, parent: str) -> str:
    return sheet(
        **{
            "id: squad": f"id: {ident}",
            "aliases: [squad_v1]": "aliases: []",
            "name: SQuAD v1.1": f"name: {ident}",
            "hf: rajpurkar/squad": f"hf: {hf}",
            "{id: wikipedia, relation: annotated}": f"{{id: {parent}, relation: cleaned}}",
        }
    )


def test_lineage_through_a_renamed_derivative_reaches_ms_celeb(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "train.py": LINEAGE_CODE,
        "datasheets/celebs-clean.yaml": _lineage_sheet(
            "celebs-clean", "acme/celebs-clean", "celebs-raw"
        ),
        "datasheets/celebs-raw.yaml": _lineage_sheet("celebs-raw", "acme/celebs-raw", "emore"),
    }
    result = check(run_cli, make_repo(files))
    assert [f for f in result.json()["findings"] if f["rule"] in {"DSL101", "DSL102"}] == []
    lineage = found(result, "DSL402")
    clean = next(f for f in lineage if f["path"] == "datasheets/celebs-clean.yaml")
    assert "MS-Celeb-1M" in clean["message"]
    assert "celebs-clean -> celebs-raw -> emore" in clean["message"]
    assert clean["severity"] == "error"


def test_lineage_to_an_ordinary_dataset_is_fine(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "train.py": LINEAGE_CODE,
        "datasheets/celebs-clean.yaml": _lineage_sheet(
            "celebs-clean", "acme/celebs-clean", "celeba"
        ),
    }
    assert found(check(run_cli, make_repo(files), "DSL402"), "DSL402") == []


@pytest.mark.parametrize(
    ("status", "severity"), [("retracted", "error"), ("deprecated", "warning")]
)
def test_code_using_a_self_declared_retired_dataset(
    make_repo: MakeRepo, run_cli: RunCli, status: str, severity: str
) -> None:
    retired = sheet(
        **{
            "  status: active": f"  status: {status}\n  status_sources: [https://example.org/notice]"
            "\n  replacement: squad-v2"
        }
    )
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": retired})
    (flag,) = found(check(run_cli, repo, "DSL403"), "DSL403")
    assert (flag["path"], flag["line"], flag["severity"]) == ("t.py", 2, severity)
    assert "squad-v2" in flag["message"] and "https://example.org/notice" in flag["message"]
    active = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": SQUAD})
    assert found(check(run_cli, active, "DSL403"), "DSL403") == []


def test_staged_run_still_sees_every_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"datasheets/squad.yaml": SQUAD, "old.py": "x = 1\n"})
    (repo / "t.py").write_text(LOADS_SQUAD, encoding="utf-8")
    import git

    git.Repo(repo).git.add("t.py")
    staged = run_cli(repo, "check", "--staged", "--format", "json", "--select", "DSL2")
    assert staged.json()["findings"] == []


def test_staged_run_reads_datasheets_from_the_index(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Under --staged the datasheets are those the commit will hold: an untracked one does
    not cover the dataset, and a staged one is judged as staged, not as edited since."""
    import git

    repo = make_repo({"old.py": "x = 1\n"})
    (repo / "t.py").write_text(LOADS_SQUAD, encoding="utf-8")
    (repo / "datasheets").mkdir()
    (repo / "datasheets" / "squad.yaml").write_text(SQUAD, encoding="utf-8")
    git.Repo(repo).git.add("t.py")

    def codes() -> list[str]:
        result = run_cli(repo, "check", "--staged", "--format", "json", "--select", "DSL2")
        return [f["rule"] for f in result.json()["findings"]]

    assert codes() == ["DSL201"]  # the datasheet is not part of the commit
    git.Repo(repo).git.add("datasheets/squad.yaml")
    assert codes() == []
    # Broken in the work tree after staging: the commit still holds the valid one.
    (repo / "datasheets" / "squad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert codes() == []
    assert found(check(run_cli, repo, "DSL203"), "DSL203") != []  # the work tree's copy


def test_missing_datasheet_points_at_code_before_docs(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {"CHANGELOG.md": "Data lives in `data/squad/train-v1.1.json`.\n", "z/t.py": LOADS_SQUAD}
    result = check(run_cli, make_repo(files), "DSL201")
    (only,) = found(result, "DSL201")
    assert (only["path"], only["line"]) == ("z/t.py", 2)
    assert "1 more reference elsewhere" in only["message"]


def test_refs_names_the_covering_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {"t.py": LOADS_SQUAD + "x = load_dataset('acme/other')\n", "datasheets/q.yaml": SQUAD}
    repo = make_repo(files)
    text = run_cli(repo, "refs").stdout
    assert "squad (SQuAD v1.1) [catalogue, datasheet datasheets/q.yaml]: 1 reference" in text
    assert "hf:acme/other [not catalogued]: 1 reference" in text
    listed = {
        d["dataset"]: d["datasheet"]
        for d in run_cli(repo, "refs", "--format", "json").json()["datasets"]
    }
    assert listed == {"squad": "datasheets/q.yaml", "hf:acme/other": None}


def test_partial_run_judges_the_datasheets_its_files_use(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A commit that starts using a dataset hears about that dataset's licence, not others'."""
    nc = sheet(**{"license: CC-BY-SA-4.0": "license: CC-BY-NC-4.0"})
    other = sheet(
        **{
            "id: squad": "id: other",
            "aliases: [squad_v1]": "aliases: []",
            "name: SQuAD v1.1": "name: Other",
            "hf: rajpurkar/squad": "hf: acme/other",
            "license: CC-BY-SA-4.0": "license: CC-BY-NC-4.0",
        }
    )
    repo = make_repo(
        {
            "uses.py": LOADS_SQUAD,
            "idle.py": "x = 1\n",
            "datasheets/squad.yaml": nc,
            "datasheets/other.yaml": other,
            "pyproject.toml": '[tool.datasheet-lint]\nuse = "commercial"\n',
        }
    )
    uses = run_cli(repo, "check", "uses.py", "--format", "json")
    # DSL314 too: the catalogue records SQuAD as CC-BY-SA-4.0, not NC.
    assert [(f["rule"], f["path"]) for f in uses.json()["findings"]] == [
        ("DSL310", "datasheets/squad.yaml"),
        ("DSL314", "datasheets/squad.yaml"),
    ]
    idle = run_cli(repo, "check", "idle.py", "--format", "json")
    assert idle.json()["findings"] == []
    whole = run_cli(repo, "check", "--format", "json")
    assert {f["path"] for f in whole.json()["findings"] if f["rule"] == "DSL310"} == {
        "datasheets/squad.yaml",
        "datasheets/other.yaml",
    }


def test_parsed_datasheets_are_cached_outside_the_repository(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": SQUAD})
    assert found(check(run_cli, repo, "DSL2"), "DSL202") == []
    (cached,) = (tmp_path / "cache" / "datasheet-lint").glob("datasheets-*.bin")
    assert len(marshal.loads(read_entry(cached) or b"")) == 1
    # An edit is parsed afresh, and the cache keeps only the current version.
    (repo / "datasheets" / "squad.yaml").write_text(
        SQUAD.replace("status: active", "status: live"), encoding="utf-8"
    )
    (error,) = found(check(run_cli, repo, "DSL202"), "DSL202")
    assert "live" in error["message"]
    assert len(marshal.loads(read_entry(cached) or b"")) == 1
    assert not any(p.name.endswith(".json") for p in repo.rglob("*") if ".git" not in p.parts)


def test_oversized_datasheet_is_refused_not_parsed(make_repo: MakeRepo, run_cli: RunCli) -> None:
    huge = SQUAD + "".join(f"x-note-{i}: {'y' * 100}\n" for i in range(3000))  # ~330 KB
    repo = make_repo({"t.py": LOADS_SQUAD, "datasheets/squad.yaml": huge})
    result = check(run_cli, repo, "DSL2")
    (refused,) = found(result, "DSL203")
    assert "larger than the 256,000-byte limit" in refused["message"]
    assert found(result, "DSL201")  # a refused datasheet covers nothing


def test_control_characters_never_reach_annotations(make_repo: MakeRepo, run_cli: RunCli) -> None:
    named = sheet(**{"name: SQuAD v1.1": 'name: "SQuAD\\e[31m red"'})
    repo = make_repo({"t.py": "x = 1\n", "datasheets/squad.yaml": named})
    out = run_cli(repo, "check", "--format", "github", "--select", "DSL205").stdout
    assert "\x1b" not in out
    assert "SQuAD\\x1b[31m red" in out
