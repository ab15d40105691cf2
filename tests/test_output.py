"""Output a person can read at any size, and one scan that feeds CI (issue 18, items 3 and 11).

Every test runs the real command line on a real git repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SARIF_SCHEMA, MakeRepo, RunCli, assert_valid

from datasheet_lint.report import FORMATS

STORY = "Microsoft withdrew MS-Celeb-1M"
# One retracted dataset used in twelve places: the shape of a face-recognition repository.
MANY = {f"configs/r{i}.py": f'rec = "/train_tmp/faces_emore"  # run {i}\n' for i in range(12)}
ONE = {"train.py": 'rec = "/train_tmp/faces_emore"\n'}


def test_concise_output_is_one_line_per_finding_and_one_story_per_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(MANY)
    result = run_cli(repo, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "configs/r0.py:1:19: DSL102 retracted-derivative: 'faces_emore' is MS1MV2 / "
        "MS1M-ArcFace (derived from MS-Celeb-1M, withdrawn 2019-06)"
    ) in lines
    assert result.stdout.count(STORY) == 1  # the evidence, once, in the closing block
    assert result.stdout.count("hint: ") == 1
    findings = [line for line in lines if ": DSL102 " in line]
    assert len(findings) == 12 and max(len(line) for line in findings) < 140
    block = lines.index("Evidence, once per dataset:")
    assert lines[block + 1] == '  MS1MV2 / MS1M-ArcFace ("emore") [ms1mv2]: 12 findings in 12 files'
    assert "Source: https://" in lines[block + 2]


def test_full_output_keeps_the_evidence_under_every_finding(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(MANY)
    result = run_cli(repo, "check", "--output-format", "full")
    assert result.exit_code == 1
    assert result.stdout.count(STORY) == 12
    assert result.stdout.count("    hint: remove it") == 12
    assert "Evidence, once per dataset" not in result.stdout


def test_statistics_count_by_rule_and_by_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**MANY, "eval.py": 'load_dataset("imdb")\n'})
    result = run_cli(repo, "check", "--statistics")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        "By rule:",
        "  12  DSL102  retracted-derivative",
        "   1  DSL201  missing-datasheet",
        "   1  DSL300  use-not-stated",
        "By dataset:",
        '  12  MS1MV2 / MS1M-ArcFace ("emore") [ms1mv2]',
        "   1  Large Movie Review Dataset (IMDB, Maas et al. 2011) [imdb]",
    ]
    assert lines[-2].startswith("Found 13 errors, 1 warning in 13 files")
    assert lines[-1].startswith("Adopting datasheet-lint in an existing repository?")
    assert "faces_emore" not in result.stdout  # counts, not findings


def test_quiet_prints_the_finding_lines_only(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(MANY)
    result = run_cli(repo, "check", "--quiet")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 12 and all(": DSL102 retracted-derivative: " in line for line in lines)
    assert result.stderr == ""
    clean = make_repo({"train.py": "print('no data')\n"})
    assert run_cli(clean, "check", "-q").stdout == ""


def test_no_hints_drops_every_hint(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**ONE, "eval.py": 'load_dataset("imdb")\n'})
    for style in ("concise", "full"):
        result = run_cli(repo, "check", "--no-hints", "--output-format", style)
        assert result.exit_code == 1
        assert "hint:" not in result.stdout
        assert "DSL201 missing-datasheet" in result.stdout


def test_a_failing_run_with_many_findings_says_how_to_adopt(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({**MANY, "eval.py": 'load_dataset("imdb")\n'})
    result = run_cli(repo, "check")
    last = result.stdout.splitlines()[-1]
    assert "`datasheet-lint baseline`" in last and "`datasheet-lint init --missing`" in last
    # In a machine format the advice goes to standard error, never into the document.
    document = run_cli(repo, "check", "--format", "json")
    assert "datasheet-lint baseline" in document.stderr and document.json()["findings"]
    # A few findings, or a passing run, need no such advice.
    few = run_cli(make_repo(ONE), "check")
    assert few.exit_code == 1 and "baseline" not in few.stdout + few.stderr
    passing = run_cli(repo, "check", "--fail-on", "never")
    assert "baseline" not in passing.stdout + passing.stderr


def test_json_findings_carry_fingerprint_end_kind_and_rule_url(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({**MANY, "README.md": "# Faces\n\nTrained on MS1MV2.\n"})
    document = run_cli(repo, "check", "--format", "json").json()
    first = document["findings"][0]
    assert (first["path"], first["kind"], first["severity"]) == ("README.md", "mention", "warning")
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (
        3,
        12,
        3,
        18,
    )
    code = next(f for f in document["findings"] if f["path"] == "configs/r0.py")
    assert code["kind"] == "path" and code["end_column"] - code["column"] == len("faces_emore")
    assert code["message"].endswith("(derived from MS-Celeb-1M, withdrawn 2019-06)")
    assert code["detail"].startswith(STORY)
    assert code["url"].endswith("/docs/rules.md#dsl102-retracted-derivative")
    prints = [f["fingerprint"] for f in document["findings"]]
    assert len(set(prints)) == len(prints) == 13
    again = run_cli(repo, "check", "--format", "json").json()
    assert [f["fingerprint"] for f in again["findings"]] == prints
    summary = document["summary"]
    assert summary["by_rule"] == {"DSL102": 13}
    assert summary["by_dataset"] == {"ms1mv2": 13}


# One use is one problem ---------------------------------------------------------------------


def test_a_prose_mention_is_a_warning_and_code_use_an_error(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    readme = {"README.md": "# Faces\n\nOur model was trained on MS1MV2.\n"}
    only_prose = run_cli(make_repo(readme), "check")
    assert only_prose.exit_code == 0  # disclosure in prose does not fail the gate
    assert "README.md:3:26: DSL102 retracted-derivative: [warning, mention] 'MS1MV2'" in (
        only_prose.stdout
    )
    both = run_cli(make_repo({**readme, **ONE}), "check", "--format", "json")
    assert both.exit_code == 1
    levels = {(f["path"], f["kind"]): f["severity"] for f in both.json()["findings"]}
    assert levels == {("README.md", "mention"): "warning", ("train.py", "path"): "error"}


@pytest.mark.parametrize(("level", "expected"), [("info", "info"), ("error", "error")])
def test_severity_by_kind_sets_the_level_of_mentions(
    make_repo: MakeRepo, run_cli: RunCli, level: str, expected: str
) -> None:
    config = f'[tool.datasheet-lint]\nseverity-by-kind = {{mention = "{level}"}}\n'
    repo = make_repo(
        {
            "pyproject.toml": config,
            "README.md": "Trained on MS1MV2.\n",
            **ONE,
        }
    )
    result = run_cli(repo, "check", "--format", "json")
    levels = {f["path"]: f["severity"] for f in result.json()["findings"]}
    assert levels == {"README.md": expected, "train.py": "error"}


@pytest.mark.parametrize(
    ("setting", "message", "hint"),
    [
        (
            '{mentions = "info"}',
            "'severity-by-kind': unknown reference kind 'mentions'",
            "did you mean 'mention'?",
        ),
        (
            '{mention = "warn"}',
            "'severity-by-kind': mention must be error, warning or info",
            "did you mean 'warning'?",
        ),
        ('"warning"', "'severity-by-kind' must be a table", ""),
    ],
)
def test_severity_by_kind_mistakes_exit_2_with_did_you_mean(
    make_repo: MakeRepo, run_cli: RunCli, setting: str, message: str, hint: str
) -> None:
    config = f"[tool.datasheet-lint]\nseverity-by-kind = {setting}\n"
    result = run_cli(make_repo({"pyproject.toml": config, **ONE}), "check")
    assert result.exit_code == 2
    assert f"pyproject.toml:2: {message}" in result.stderr
    assert hint in result.stderr and "Traceback" not in result.stderr


MODEL_CARD = (
    "---\nlibrary_name: insightface\npipeline_tag: image-feature-extraction\n"
    "datasets:\n- ms1mv2\n---\n# ArcFace r100\n"
)


def test_a_model_card_declaring_its_training_data_is_disclosure_not_a_second_use(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"README.md": MODEL_CARD, **ONE})
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 1
    found = [(f["path"], f["rule"], f["severity"]) for f in result.json()["findings"]]
    assert found == [("train.py", "DSL102", "error")]  # the code use, once
    # With no code use, the card's declaration is still told: as a mention, a warning.
    alone = run_cli(make_repo({"README.md": MODEL_CARD}), "check", "--format", "json")
    assert alone.exit_code == 0
    (card,) = alone.json()["findings"]
    assert (card["path"], card["line"], card["kind"], card["severity"]) == (
        "README.md",
        5,
        "mention",
        "warning",
    )


# One scan feeds CI --------------------------------------------------------------------------


def test_output_repeated_as_format_equals_file_writes_every_report_from_one_scan(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path
) -> None:
    repo = make_repo(ONE)
    sarif_file, json_file = tmp_path / "out.sarif", tmp_path / "out.json"
    result = run_cli(
        repo,
        "check",
        "--format",
        "github",
        "--output",
        f"sarif={sarif_file}",
        "--output",
        f"json={json_file}",
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=train.py,line=1,col=19,")
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads(json_file.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    # Each format may be named; without --format, standard output shows the summary.
    text_file = tmp_path / "out.txt"
    quiet = run_cli(
        repo, "check", "--output", f"text={text_file}", "--output", f"gitlab={json_file}"
    )
    assert quiet.stdout.startswith("Found 1 error in 1 file")
    assert f"Report written to {text_file}, {json_file}." in quiet.stdout
    assert "DSL102 retracted-derivative" in text_file.read_text(encoding="utf-8")
    assert json.loads(json_file.read_text(encoding="utf-8"))[0]["check_name"] == "DSL102"


def test_output_keeps_its_single_file_form(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path
) -> None:
    repo = make_repo(ONE)
    target = tmp_path / "report.json"
    result = run_cli(repo, "check", "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout.startswith("Found 1 error") and "{" not in result.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 1
    # A name with '=' that is no format is a file name, in --format's format.
    odd = tmp_path / "a=b.json"
    run_cli(repo, "check", "--format", "json", "--output", str(odd))
    assert json.loads(odd.read_text(encoding="utf-8"))["summary"]["findings"] == 1


@pytest.mark.parametrize("value", ["sarif=", "json={dir}"])
def test_output_without_a_file_is_a_clear_error(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path, value: str
) -> None:
    result = run_cli(make_repo(ONE), "check", "--output", value.format(dir=tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("datasheet-lint: error: --output")
    assert len(result.stderr.splitlines()) <= 2


def _piped(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real console script with its output in a pipe, as in CI logs."""
    clean = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    script = str(Path(sys.executable).parent / "datasheet-lint")
    return subprocess.run(
        [script, *args], cwd=repo, capture_output=True, text=True, env={**clean, **env}
    )


def test_colour_when_asked_even_through_a_pipe(make_repo: MakeRepo) -> None:
    repo = make_repo(ONE)
    red = "\x1b[31mDSL102 retracted-derivative\x1b[0m"
    assert red in _piped(repo, "check", "--color", "always").stdout
    assert red in _piped(repo, "check", FORCE_COLOR="1").stdout
    assert "\x1b[" not in _piped(repo, "check").stdout  # a pipe, nothing asked
    assert "\x1b[" not in _piped(repo, "check", FORCE_COLOR="1", NO_COLOR="1").stdout
    assert "\x1b[" not in _piped(repo, "check", "--color", "never", FORCE_COLOR="1").stdout
    assert red in _piped(repo, "check", "--color", "always", NO_COLOR="1").stdout


def test_github_annotations_stop_at_githubs_limit_and_say_so(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({**MANY, "README.md": "Trained on MS1MV2.\n"})
    result = run_cli(repo, "check", "--format", "github")
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 1
    hidden = [line for line in lines if line.startswith("configs/") and ": DSL102 " in line]
    assert len(hidden) == 2  # still in the log, as plain lines
    assert lines[-2] == (
        "::notice title=datasheet-lint::2 errors not shown as annotations (GitHub shows 10 "
        "of each kind per step); the job log lists every finding"
    )
    assert lines[-1].startswith("Found 12 errors, 1 warning")


def test_github_format_appends_a_step_summary_table(
    make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    repo = make_repo(MANY)
    run_cli(repo, "check", "--format", "github")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## datasheet-lint\n")
    assert "| DSL102 | retracted-derivative | 12 |" in text
    assert "| ms1mv2 | 12 |" in text
    assert "| error | `configs/r0.py:1:19` | DSL102 retracted-derivative |" in text
    run_cli(repo, "check", "--format", "text")  # only the github format writes it
    assert summary.read_text(encoding="utf-8") == text


def test_sarif_has_end_columns_and_marks_suppressed_results(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(
        {
            **ONE,
            "eval.py": 'rec = "faces_emore"  # datasheet-lint: ignore[DSL102] we audit it\n',
            "pyproject.toml": '[tool.datasheet-lint]\nper-file-ignores = {"old/*" = ["DSL1"]}\n',
            "old/legacy.py": 'rec = "faces_emore"\n',
        }
    )
    document = json.loads(run_cli(repo, "check", "--format", "sarif").stdout)
    assert_valid(document, SARIF_SCHEMA)
    results = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r
        for r in document["runs"][0]["results"]
    }
    assert set(results) == {"train.py", "eval.py", "old/legacy.py"}
    region = results["train.py"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 19, "endColumn": 19 + len("faces_emore")}
    assert results["train.py"]["properties"] == {"referenceKind": "path"}
    assert "suppressions" not in results["train.py"]
    assert results["eval.py"]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "we audit it"}
    ]
    assert results["old/legacy.py"]["suppressions"] == [{"kind": "external", "status": "accepted"}]


def test_counts_use_the_singular_for_one(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(ONE)
    refs = run_cli(repo, "refs")
    assert refs.stdout.splitlines()[-1] == "1 reference to 1 dataset in 1 file scanned."
    check = run_cli(repo, "check")
    assert "(1 file scanned, 1 dataset reference;" in check.stdout
    listing = run_cli(repo, "blocklist").stdout
    assert " 1 derivative  " in listing and " 1 derivatives" not in listing


def test_check_help_names_every_output_option(make_repo: MakeRepo, run_cli: RunCli) -> None:
    text = run_cli(make_repo(ONE), "check", "--help").stdout
    for option in ("--statistics", "--quiet", "--no-hints", "--output-format", "[FORMAT=]FILE"):
        assert option in text
    assert all(name in text for name in FORMATS)
