"""DSL3xx through the real CLI, on real git repositories with datasheets in datasheets/*.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import MakeRepo, Result, RunCli

TRAIN = 'from datasets import load_dataset\nds = load_dataset("{loader}")\n'


def sheet(
    dataset: str,
    licence: str,
    *,
    citation: bool = True,
    uses: tuple[str, ...] = (),
    terms: str = "",
) -> str:
    """A datasheet whose `license:` is on line 9 (column 3)."""
    lines = [
        "datasheet_version: 1",
        f"id: {dataset}",
        f"name: {dataset}",
        "description: Data for tests.",
        f"citation: {dataset} authors (2020)." if citation else "homepage: https://example.org/",
        "composition:",
        "  instances: records",
        "distribution:",
        f"  license: {licence!r}",
        *([f"  terms: {terms}"] if terms else []),
        "maintenance:",
        "  status: active",
    ]
    if uses:
        lines += ["uses:", f"  this_repository: [{', '.join(uses)}]"]
    return "\n".join(lines) + "\n"


def settings(use: str | None, activities: tuple[str, ...] = ()) -> str:
    lines = ["[tool.datasheet-lint]"]
    if use:
        lines.append(f'use = "{use}"')
    if activities:
        lines.append("activities = [" + ", ".join(f'"{a}"' for a in activities) + "]")
    return "\n".join(lines) + "\n"


def check(
    make_repo: MakeRepo,
    run_cli: RunCli,
    datasheet: str,
    *,
    use: str | None = "commercial",
    activities: tuple[str, ...] = (),
    dataset: str = "my-data",
    loader: str = "org/my-data",
) -> tuple[Result, list[dict[str, Any]]]:
    repo: Path = make_repo(
        {
            "train.py": TRAIN.format(loader=loader),
            "pyproject.toml": settings(use, activities),
            f"datasheets/{dataset}.yaml": datasheet,
        }
    )
    result = run_cli(repo, "check", ".", "--format", "json", "--select", "DSL3")
    assert "Traceback" not in result.stdout + result.stderr
    return result, result.json()["findings"]


def only(findings: list[dict[str, Any]], code: str) -> dict[str, Any]:
    mine = [f for f in findings if f["rule"] == code]
    assert len(mine) == 1, findings
    return mine[0]


def rules(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["severity"]) for f in findings)


# ---- the stated use ----


def test_nc_dataset_fails_under_commercial_use_and_passes_under_academic(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    datasheet = sheet("my-data", "CC-BY-NC-4.0")
    result, findings = check(make_repo, run_cli, datasheet, use="commercial")
    found = only(findings, "DSL310")
    assert (found["path"], found["line"], found["column"]) == ("datasheets/my-data.yaml", 9, 12)
    assert found["severity"] == "error"
    assert "'CC-BY-NC-4.0' is non-commercial (NC)" in found["message"]
    assert 'use = "commercial"' in found["message"]
    assert "https://creativecommons.org/licenses/by-nc/4.0/legalcode" in found["message"]
    assert result.exit_code == 1

    result, findings = check(make_repo, run_cli, datasheet, use="academic")
    assert findings == []
    assert result.exit_code == 0


def test_use_not_stated_when_the_repository_references_datasets(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC-BY-4.0"), use=None)
    found = only(findings, "DSL300")
    assert (found["path"], found["line"], found["severity"]) == ("pyproject.toml", 1, "warning")
    assert "states no use" in found["message"]


def test_use_not_stated_is_silent_without_dataset_references(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": "print('no data')\n", "pyproject.toml": settings(None)})
    result = run_cli(repo, "check", ".", "--format", "json", "--select", "DSL3")
    assert result.json()["findings"] == []


def test_use_not_stated_is_silent_when_only_retracted_datasets_are_referenced(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # DSL101 reports them whatever the use; a use would change nothing.
    repo = make_repo({"train.py": TRAIN.format(loader="ms_celeb_1m"), "pyproject.toml": ""})
    result = run_cli(repo, "check", ".", "--format", "json", "--select", "DSL1,DSL3")
    assert [f["rule"] for f in result.json()["findings"]] == ["DSL101"]


def test_or_lets_a_commercial_user_choose_the_permissive_option(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC-BY-NC-4.0 OR MIT"))
    assert findings == []


def test_and_applies_both_licences(make_repo: MakeRepo, run_cli: RunCli) -> None:
    datasheet = sheet("my-data", "CC-BY-SA-4.0 AND CC-BY-NC-4.0", uses=("publish-model",))
    _, findings = check(make_repo, run_cli, datasheet)
    assert rules(findings) == [("DSL310", "error"), ("DSL312", "warning")]


# ---- invalid and unknown licences ----


def test_free_text_licence_is_invalid_with_a_suggestion(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC BY-NC 4.0"))
    found = only(findings, "DSL301")
    assert found["severity"] == "error"
    assert "did you mean CC-BY-NC-4.0?" in found["message"]
    assert found["line"] == 9


def test_deprecated_id_is_a_warning_naming_its_replacement(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "GPL-3.0"), use="academic")
    found = only(findings, "DSL301")
    assert found["severity"] == "warning"
    assert "write GPL-3.0-only instead" in found["message"]


def test_malformed_and_huge_expressions_are_findings_not_tracebacks(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    for licence in ("(MIT AND", " OR ".join(["MIT"] * 2000), "(" * 500 + "MIT" + ")" * 500):
        result, findings = check(make_repo, run_cli, sheet("my-data", licence))
        found = only(findings, "DSL301")
        assert found["severity"] == "error"
        assert len(found["message"]) < 400
        assert result.exit_code == 1


def test_unknown_licence_is_an_error_under_commercial_and_a_warning_under_academic(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    for use, severity in (("commercial", "error"), ("academic", "warning")):
        _, findings = check(make_repo, run_cli, sheet("my-data", "other"), use=use)
        found = only(findings, "DSL302")
        assert found["severity"] == severity
        assert "'other'" in found["message"]


def test_licenseref_needs_declared_terms(make_repo: MakeRepo, run_cli: RunCli) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "LicenseRef-my-terms"))
    assert "'LicenseRef-my-terms' has no known terms" in only(findings, "DSL302")["message"]

    terms = "{commercial_use: forbidden, research_only: true, attribution: not-required}"
    datasheet = sheet("my-data", "LicenseRef-my-terms", terms=terms)
    _, findings = check(make_repo, run_cli, datasheet, use="academic")
    assert findings == []
    _, findings = check(make_repo, run_cli, datasheet, use="commercial")
    assert "is non-commercial (NC)" in only(findings, "DSL310")["message"]


# ---- what the repository does with the data ----


def test_no_derivatives_errors_when_a_model_is_published(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    datasheet = sheet("my-data", "CC-BY-ND-4.0", uses=("train", "publish-model"))
    _, findings = check(make_repo, run_cli, datasheet)
    found = only(findings, "DSL311")
    assert found["severity"] == "error"
    assert "publish-model" in found["message"]
    assert "https://creativecommons.org/licenses/by-nd/4.0/legalcode" in found["message"]


def test_no_derivatives_training_alone_is_a_warning_citing_creative_commons(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC-BY-ND-4.0"), use="academic")
    found = only(findings, "DSL311")
    assert found["severity"] == "warning"
    assert "a risk, not a clear violation" in found["message"]
    assert "using-cc-licensed-works-for-ai-training" in found["message"]


def test_share_alike_says_what_to_share_under(make_repo: MakeRepo, run_cli: RunCli) -> None:
    _, findings = check(
        make_repo,
        run_cli,
        sheet("my-data", "CC-BY-SA-4.0"),
        use="academic",
        activities=("train", "redistribute-data"),
    )
    found = only(findings, "DSL312")
    assert found["severity"] == "warning"
    assert (
        "(redistribute-data) must be licensed under a Creative Commons licence"
        in (found["message"])
    )


def test_a_datasheet_narrows_the_repository_activities(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    datasheet = sheet("my-data", "CC-BY-SA-4.0", uses=("evaluate",))
    _, findings = check(make_repo, run_cli, datasheet, activities=("train", "publish-model"))
    assert findings == []


def test_attribution_missing_without_citation(make_repo: MakeRepo, run_cli: RunCli) -> None:
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC-BY-4.0", citation=False))
    found = only(findings, "DSL313")
    assert found["severity"] == "warning"
    assert "'CC-BY-4.0' requires attribution" in found["message"]
    _, findings = check(make_repo, run_cli, sheet("my-data", "CC-BY-4.0", citation=True))
    assert findings == []


# ---- the catalogue's sourced licence ----


def test_licence_that_contradicts_the_catalogue(make_repo: MakeRepo, run_cli: RunCli) -> None:
    datasheet = sheet("alpaca", "CC-BY-4.0")
    _, findings = check(make_repo, run_cli, datasheet, dataset="alpaca", loader="tatsu-lab/alpaca")
    found = only(findings, "DSL314")
    assert found["severity"] == "error"
    assert "published under CC-BY-NC-4.0" in found["message"]
    assert (
        "https://github.com/tatsu-lab/stanford_alpaca/blob/main/DATA_LICENSE" in (found["message"])
    )


def test_licence_that_agrees_with_the_catalogue(make_repo: MakeRepo, run_cli: RunCli) -> None:
    datasheet = sheet("alpaca", "cc-by-nc-4.0")
    _, findings = check(
        make_repo, run_cli, datasheet, use="academic", dataset="alpaca", loader="tatsu-lab/alpaca"
    )
    assert findings == []


def test_spdx_licence_for_research_only_terms_contradicts_the_catalogue(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    datasheet = sheet("imagenet", "CC-BY-4.0")
    _, findings = check(
        make_repo,
        run_cli,
        datasheet,
        use="academic",
        dataset="imagenet",
        loader="ILSVRC/imagenet-1k",
    )
    found = only(findings, "DSL314")
    assert "may not be used commercially" in found["message"]
