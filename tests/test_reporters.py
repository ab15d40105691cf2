"""Reporters: golden output of a fixed sample report, schema validity, stable fingerprints,
escaping.

Goldens are rendered from SAMPLE_REPORT, built here by hand, so they change only when a
reporter does (never when the scan, the blocklist or the demo repository changes). After an
intended change, rewrite them with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from tests.conftest import REPORT_SCHEMA, ROOT, SARIF_SCHEMA, MakeRepo, RunCli, assert_valid

from datasheet_lint import __version__, engine
from datasheet_lint.models import (
    Dataset,
    Kind,
    Location,
    Reference,
    Report,
    Severity,
    Skipped,
    Suppressed,
)
from datasheet_lint.report import FORMATS, github, reporter, sarif, text
from datasheet_lint.rules import RULES
from datasheet_lint.rules.registry import finding
from datasheet_lint.triage import ordered

DEMO = ROOT / "examples" / "demo-repo"
GOLDEN = ROOT / "tests" / "golden"


def scan(path: Path) -> Report:
    settings, targets = engine.load_config([str(path)])
    return engine.run(settings, targets)


def rendered(report: Report, name: str) -> str:
    buffer = io.StringIO()
    if name == "text":
        text.render(report, buffer, colour=False)
    else:
        reporter(name)(report, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def demo() -> Report:
    return scan(DEMO)


# Golden files -------------------------------------------------------------------------------

MS1MV2_STORY = (
    "Microsoft withdrew MS-Celeb-1M in 2019-06: deleted after reporting that its face images "
    "were scraped without consent. No replacement was named. Source: https://example.org/msceleb"
)
RETRACTED_HINT = "remove it, or record why this repository needs it"
_REFERENCES = (
    Reference("ms1mv2", Location("README.md", 3, 12), Kind.MENTION, "MS1MV2"),
    Reference("ms1mv2", Location("configs/face.yaml", 2, 7), Kind.CONFIG, "faces_emore"),
    Reference("ms1mv2", Location("train.py", 4, 20), Kind.LOAD, "ms1mv2"),
    Reference("laion-5b", Location("train.py", 9, 26), Kind.LOAD, "laion/laion2B-en"),
    Reference("café-faces", Location("données/café.py", 1, 30), Kind.PATH, "café_faces"),
)


def _on(ref: Reference, code: str, message: str, **extra: Any) -> Any:
    return finding(code, ref.location, message, dataset=ref.dataset, reference=ref, **extra)


_MS1MV2 = "is MS1MV2 (derived from MS-Celeb-1M, withdrawn 2019-06)"
_FINDINGS = (
    _on(
        _REFERENCES[0],
        "DSL102",
        f"'MS1MV2' {_MS1MV2}",
        severity=Severity.WARNING,
        detail=MS1MV2_STORY,
        hint=RETRACTED_HINT,
    ),
    _on(
        _REFERENCES[1],
        "DSL102",
        f"'faces_emore' {_MS1MV2}",
        detail=MS1MV2_STORY,
        hint=RETRACTED_HINT,
    ),
    _on(_REFERENCES[2], "DSL102", f"'ms1mv2' {_MS1MV2}", detail=MS1MV2_STORY, hint=RETRACTED_HINT),
    _on(
        _REFERENCES[3],
        "DSL103",
        "'laion/laion2B-en' is LAION-5B (replaced 2023-12-19)",
        detail="LAION e.V. replaced LAION-5B in 2023-12-19. Use instead: Re-LAION-5B.",
        hint=RETRACTED_HINT,
    ),
    _on(
        _REFERENCES[4],
        "DSL201",
        "no datasheet for 'café_faces' (Café « visages », 2 more references elsewhere)",
        hint="scaffold one: datasheet-lint init café-faces",
        severity=Severity.INFO,
    ),
    finding(
        "DSL901",
        Location("train.py", 12, 5),
        "unused suppression: nothing here matches DSL101",
        hint="delete the comment",
    ),
)
SAMPLE_REPORT = Report(
    root="/work/project",
    files_scanned=5,
    references=_REFERENCES,
    findings=ordered(_FINDINGS),
    skipped=(
        Skipped("data/huge.csv", "larger than 5MB (the max-file-size setting)"),
        Skipped("logo.png", "binary"),
        Skipped("notebook.ipynb", "scan time limit reached at line 4000", partial=True),
    ),
    suppressed=2,
    datasets=(
        Dataset("café-faces", "Café « visages »", "unresolved"),
        Dataset("laion-5b", "LAION-5B", "blocklist"),
        Dataset("ms1mv2", "MS1MV2 / MS1M-ArcFace", "blocklist"),
    ),
    repository_prefix="ml/",
    blocklist_version="2026.12.2",
    blocklist_updated="2026-12-07",
    suppressed_findings=(
        Suppressed(
            _on(
                dataclasses.replace(_REFERENCES[2], location=Location("eval.py", 2, 9)),
                "DSL102",
                f"'ms1mv2' {_MS1MV2}",
                detail=MS1MV2_STORY,
            ),
            "inSource",
            "we audit this dataset",
        ),
        Suppressed(
            _on(
                dataclasses.replace(_REFERENCES[2], location=Location("legacy/old.py", 1, 1)),
                "DSL102",
                f"'ms1mv2' {_MS1MV2}",
                detail=MS1MV2_STORY,
            ),
            "external",
        ),
    ),
)
# Each golden file's name: report.<format>, plus the text format's other renderings.
RENDERINGS = [*FORMATS, "text-full", "text-statistics", "github-summary"]


def render_sample(name: str) -> str:
    buffer = io.StringIO()
    if name == "text-full":
        text.render(SAMPLE_REPORT, buffer, style="full")
    elif name == "text-statistics":
        text.render_statistics(SAMPLE_REPORT, buffer)
    elif name == "github-summary":
        buffer.write(github.step_summary(SAMPLE_REPORT))
    else:
        return rendered(SAMPLE_REPORT, name)
    return buffer.getvalue()


@pytest.mark.parametrize("name", RENDERINGS)
def test_sample_report_matches_golden(name: str, update_golden: bool) -> None:
    golden = GOLDEN / f"report.{name}"
    output = render_sample(name)
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    assert output.encode("utf-8") == golden.read_bytes()


def test_sample_report_has_every_severity_kind_and_suppression() -> None:
    """The goldens only prove something if the sample exercises every branch they print."""
    assert {f.severity for f in SAMPLE_REPORT.findings} == set(Severity)
    assert {f.kind for f in SAMPLE_REPORT.findings} >= {Kind.MENTION, Kind.LOAD, None}
    assert {s.kind for s in SAMPLE_REPORT.suppressed_findings} == {"inSource", "external"}
    assert any(not f.message.isascii() for f in SAMPLE_REPORT.findings)


def test_sample_json_and_sarif_validate_against_their_schemas() -> None:
    assert_valid(json.loads(render_sample("json")), REPORT_SCHEMA)
    assert_valid(json.loads(render_sample("sarif")), SARIF_SCHEMA)


def test_demo_has_findings_of_two_severities(demo: Report) -> None:
    """The demo (scanned by the other tests here) exercises errors and warnings."""
    assert {f.severity for f in demo.findings} >= {Severity.ERROR, Severity.WARNING}


# Schemas ------------------------------------------------------------------------------------


def test_sarif_schema_is_the_official_oasis_copy() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"


def test_sarif_validates_against_the_sarif_2_1_0_schema(demo: Report) -> None:
    document = json.loads(rendered(demo, "sarif"))
    assert_valid(document, SARIF_SCHEMA)  # with the validator the schema declares (Draft 4)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(Draft7Validator(schema).iter_errors(document)) == []  # and under Draft 7 rules


def test_sarif_validates_with_no_findings(make_repo: MakeRepo) -> None:
    report = scan(make_repo({"train.py": "print('no data here')\n"}))
    document = json.loads(rendered(report, "sarif"))
    assert_valid(document, SARIF_SCHEMA)
    assert document["runs"][0]["results"] == []


def test_json_golden_validates_against_the_report_schema() -> None:
    document = json.loads((GOLDEN / "report.json").read_text(encoding="utf-8"))
    assert_valid(document, REPORT_SCHEMA)


# SARIF content ------------------------------------------------------------------------------


def test_sarif_driver_lists_every_rule_in_code_order(demo: Report) -> None:
    run = json.loads(rendered(demo, "sarif"))["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("datasheet-lint", __version__)
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    first = driver["rules"][0]
    assert first["id"] == "DSL101" and first["name"] == "retracted-dataset"
    assert first["helpUri"].endswith("/docs/rules.md#dsl101-retracted-dataset")
    assert first["fullDescription"]["text"].startswith("Reports each reference to a dataset")
    assert "##" not in first["fullDescription"]["text"]
    assert first["help"]["markdown"] == RULES["DSL101"].doc
    assert first["shortDescription"]["text"].endswith("download URLs or mirrors")
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert len(rule["fullDescription"]["text"]) <= 1024  # GitHub's limit


def test_sarif_results_point_at_rules_and_locations(demo: Report) -> None:
    document = json.loads(rendered(demo, "sarif"))
    run = document["runs"][0]
    assert document["version"] == "2.1.0" and len(document["runs"]) == 1
    assert run["properties"]["blocklistVersion"] == demo.blocklist_version
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    rules = run["tool"]["driver"]["rules"]
    shown = [r for r in run["results"] if "suppressions" not in r]
    for result, found in zip(shown, demo.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == found.code
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {
            "uri": demo.repository_path(found.location.path),
            "uriBaseId": "%SRCROOT%",
        }
        region = physical["region"]
        start = (found.location.line, found.location.column)
        assert (region["startLine"], region["startColumn"]) == start
        assert region.get("endColumn", 0) == found.end_column
        assert result["message"]["text"] == sarif.message_text(found)
        assert result["message"]["text"].startswith(found.message)
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning"}


def test_sarif_message_adds_the_hint_as_a_sentence() -> None:
    where = Location("a.py", 1, 1)
    hinted = finding("DSL903", where, "no reason given; it silences nothing", hint="add one")
    assert sarif.message_text(hinted) == "no reason given; it silences nothing. Add one."
    assert sarif.message_text(finding("DSL101", where, "plain message")) == "plain message"


# Stable fingerprints ------------------------------------------------------------------------

SOURCE = (
    "from datasets import load_dataset\n"
    'rec = "/train_tmp/faces_emore"\n'
    'same = "/train_tmp/faces_emore"\n'
    "x = load_dataset('laion/laion2B-en')\n"
)


def _sarif_keys(report: Report) -> tuple[list[str], list[int]]:
    results = json.loads(rendered(report, "sarif"))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["datasheetLint/v1"] for r in results]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    return prints, lines


def _gitlab_keys(report: Report) -> tuple[list[str], list[int]]:
    issues = json.loads(rendered(report, "gitlab"))
    return [i["fingerprint"] for i in issues], [i["location"]["lines"]["begin"] for i in issues]


def test_fingerprints_survive_moving_lines(make_repo: MakeRepo) -> None:
    repo = make_repo({"train.py": SOURCE, ".datasheet-lint.yaml": "use: academic\n"})
    before = scan(repo)
    (repo / "train.py").write_text("\n\n\n" + SOURCE, encoding="utf-8")
    after = scan(repo)
    assert len(before.findings) == 3
    for keys in (_sarif_keys, _gitlab_keys):
        (prints_before, lines_before), (prints_after, lines_after) = keys(before), keys(after)
        assert prints_after == prints_before
        assert len(set(prints_before)) == 3  # two equal findings still get distinct prints
        assert lines_after == [line + 3 for line in lines_before]


def test_gitlab_issues_use_allowed_severities(demo: Report) -> None:
    issues = json.loads(rendered(demo, "gitlab"))
    assert len(issues) == len(demo.findings)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert "\n" not in "".join(i["description"] for i in issues)  # one line each, per Code Climate


# GitHub workflow commands -------------------------------------------------------------------


def test_github_escapes_data_and_properties() -> None:
    assert github.escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert github.escape_property("dir:x/a,b%.py\n") == "dir%3Ax/a%2Cb%25.py%0A"
    assert github.escape_data("%0A") == "%250A"  # a literal escape is not decoded later


def test_github_annotation_is_escaped_end_to_end() -> None:
    odd = finding(
        "DSL103", Location("data:raw/a,b.py", 7, 3), "50% of it\nis gone", severity=Severity.INFO
    )
    assert github.annotation(odd, odd.location.path) == (
        "::notice file=data%3Araw/a%2Cb.py,line=7,col=3,title=DSL103 deprecated-dataset"
        "::50%25 of it%0Ais gone"
    )


def test_github_one_line_per_finding_then_summary() -> None:
    lines = render_sample("github").splitlines()
    assert len(lines) == len(SAMPLE_REPORT.findings) + 3  # the 2 files left unread, the summary
    assert lines[0].startswith("::warning file=ml/README.md,line=3,col=12,")
    assert any(line.startswith("::error file=") for line in lines)
    assert lines[-1] == text.summary(SAMPLE_REPORT)


def test_code_scanning_paths_start_at_the_repository_top(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A project in a subfolder reports its own paths, but annotations need the repo's."""
    repo = make_repo(
        {
            "ml/.datasheet-lint.yaml": "fail-on: error\nuse: academic\n",
            "ml/train.py": 'r = "faces_emore"\n',
        }
    )
    text = run_cli(repo, "check", "ml", "--format", "json").json()
    assert [f["path"] for f in text["findings"]] == ["train.py"]
    github_lines = run_cli(repo, "check", "ml", "--format", "github").stdout.splitlines()
    assert github_lines[0].startswith("::error file=ml/train.py,line=1,")
    sarif_doc = json.loads(run_cli(repo, "check", "ml", "--format", "sarif").stdout)
    location = sarif_doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "ml/train.py"
    gitlab_doc = json.loads(run_cli(repo, "check", "ml", "--format", "gitlab").stdout)
    assert gitlab_doc[0]["location"]["path"] == "ml/train.py"
