"""What an editor sees: draft-07 schemas, a pinned and offline-capable modeline, scaffolds
that validate once the required answers are given, and a did-you-mean for key typos."""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from tests.conftest import ROOT, MakeRepo, RunCli

from datasheet_lint import yamlio

USER_SCHEMAS = ("datasheet", "blocklist")  # the files people write and edit
CODE = """\
from datasets import load_dataset
import urllib.request

squad = load_dataset("rajpurkar/squad")
faces = load_dataset("acme/private-faces")
rec = "/data/faces_emore"
url = "https://raw.githubusercontent.com/acme/claims-corpus/main/data/claims/train.csv"
urllib.request.urlretrieve(url, "train.csv")
"""
# The README's fill-in: only the required answers; every other TODO stays as written.
README_ANSWERS = {
    r'^description: "TODO.*$': "description: Data we use.",
    r"^(\s*)contains_people: TODO.*$": r'\g<1>contains_people: "no"',
    r"^(\s*)license: TODO.*$": r"\g<1>license: CC-BY-4.0",
    r"^(\s*)status: TODO.*$": r"\g<1>status: active",
}


def answered(text: str) -> str:
    for pattern, answer in README_ANSWERS.items():
        text = re.sub(pattern, answer, text, flags=re.M)
    return text


@pytest.mark.parametrize("name", USER_SCHEMAS)
def test_user_schemas_declare_draft_07_and_are_valid_under_it(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)  # draft-07 resolves "#/definitions/..." only


def test_shipped_blocklist_still_validates_under_draft_07() -> None:
    schema = yamlio.schema("blocklist.schema.json")
    shipped = ROOT / "src" / "datasheet_lint" / "knowledge" / "blocklist.yaml"
    document = json.loads(json.dumps(yamlio.load_yaml(shipped.read_text("utf-8"), origin="b")))
    assert list(Draft7Validator(schema).iter_errors(document)) == []


def test_schema_path_prints_the_installed_copy(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": ""})
    shown = run_cli(repo, "schema", "--path")
    assert shown.exit_code == 0
    path = Path(shown.stdout.strip())
    assert path.is_file() and path.name == "datasheet.schema.json"
    printed = run_cli(repo, "schema")
    assert json.loads(printed.stdout) == json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(printed.stdout) == yamlio.schema("datasheet.schema.json")


def test_init_pins_the_modeline_to_the_installed_version(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    from datasheet_lint.datasheets.scaffold import schema_url

    repo = make_repo({"train.py": CODE})
    assert run_cli(repo, "init", "squad").exit_code == 0
    first = (repo / "datasheets" / "squad.yaml").read_text(encoding="utf-8").splitlines()[0]
    version = importlib.metadata.version("datasheet-lint")
    assert first == f"# yaml-language-server: $schema={schema_url()}"
    assert f"/v{version}/schemas/datasheet.schema.json" in first
    assert "/main/" not in first


def test_scaffolds_validate_once_the_required_answers_are_given(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": CODE})
    made = run_cli(repo, "init", "--missing")
    assert made.exit_code == 0, made.stderr
    schema = yamlio.schema("datasheet.schema.json")
    sheets = sorted((repo / "datasheets").iterdir())
    assert [p.name for p in sheets] == [
        "acme-private-faces.yaml",
        "claims.yaml",
        "squad.yaml",
    ]
    for path in sheets:
        text = answered(path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        document = json.loads(json.dumps(yamlio.load_yaml(text, origin=path.name)))
        errors = [e.message for e in Draft7Validator(schema).iter_errors(document)]
        assert errors == [], (path.name, errors)  # what an editor shows: nothing
    result = run_cli(repo, "check", "--format", "json")
    on_sheets = [f for f in result.json()["findings"] if f["path"].startswith("datasheets/")]
    assert {f["rule"] for f in on_sheets if f["severity"] == "error"} == set()
    assert "DSL202" not in {f["rule"] for f in on_sheets}


def test_a_person_answering_yes_is_told_what_people_data_needs(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": CODE})
    assert run_cli(repo, "init", "acme/private-faces").exit_code == 0
    path = repo / "datasheets" / "acme-private-faces.yaml"
    text = answered(path.read_text(encoding="utf-8")).replace('"no"', '"yes"')
    assert "# personal_data: []" in text and "#   gdpr_art6: unknown" in text
    path.write_text(text, encoding="utf-8")
    result = run_cli(repo, "check", "--format", "json", "--select", "DSL202")
    messages = {f["message"] for f in result.json()["findings"]}
    assert "'composition.personal_data' is required" in messages
    assert "'collection.consent' is required" in messages


def test_init_file_names_are_readable() -> None:
    from datasheet_lint.datasheets.scaffold import file_id

    url = "url:raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"
    assert file_id(url) == "char-rnn-tinyshakespeare"
    assert file_id("hf:acme/private-faces") == "acme-private-faces"
    assert file_id("local:.data/eng_web_tbk") == "eng_web_tbk"
    assert file_id("url:www.example.org/") == "example"


def test_a_datasheet_key_typo_gets_a_did_you_mean(make_repo: MakeRepo, run_cli: RunCli) -> None:
    squad = (ROOT / "tests" / "datasheets" / "squad.yaml").read_text(encoding="utf-8")
    typo = squad.replace("  contains_people:", "  contains_peple:", 1)
    typo = typo.replace("homepage:", "homepgae:", 1)
    code = "from datasets import load_dataset\nload_dataset('rajpurkar/squad')\n"
    repo = make_repo({"t.py": code, "datasheets/squad.yaml": typo})
    result = run_cli(repo, "check", "--format", "json", "--select", "DSL202")
    by_message = {f["message"]: f for f in result.json()["findings"]}
    people = by_message["unknown key 'contains_peple' in composition"]
    assert people["hint"].startswith("did you mean 'contains_people'?")
    assert people["line"] == typo.splitlines().index('  contains_peple: "no"') + 1
    top = by_message["unknown key 'homepgae' in the top level"]
    assert top["hint"].startswith("did you mean 'homepage'?")


def test_attribution_todo_is_reported_once(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"train.py": CODE})
    assert run_cli(repo, "init", "squad").exit_code == 0
    path = repo / "datasheets" / "squad.yaml"
    path.write_text(answered(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_cli(repo, "check", "--format", "json")
    on_sheet = [f for f in result.json()["findings"] if f["path"] == "datasheets/squad.yaml"]
    assert {f["rule"] for f in on_sheet} == {"DSL206"}  # no DSL313 for the same TODO
    assert any("TODO: citation" in f["message"] for f in on_sheet)
    alone = run_cli(repo, "check", "--format", "json", "--select", "DSL313")
    assert [f["rule"] for f in alone.json()["findings"]] == ["DSL313"]  # not hidden when alone
