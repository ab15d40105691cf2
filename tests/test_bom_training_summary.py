"""`bom --format training-data-summary`: a Markdown draft of the EU AI Act's public summary of
training content, in the section structure of the AI Office's template (24 July 2025), filled
only from what the datasheets state, on real repositories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli
from tests.test_bom import ALPACA, ODD, demo_repo, flow_repo

GOLDEN = Path(__file__).parent / "golden"
# The template's sections, in its order and with its numbering.
TEMPLATE = [
    "## 1. General information",
    "### 1.1. Provider identification",
    "### 1.2. Model identification",
    "### 1.3. Modalities, overall training data size and other characteristics",
    "## 2. List of data sources",
    "### 2.1. Publicly available datasets",
    "### 2.2. Private non-publicly available datasets obtained from third parties",
    "#### 2.2.1. Datasets commercially licensed by rightsholders or their representatives",
    "#### 2.2.2. Private datasets obtained from other third parties",
    "### 2.3. Data crawled and scraped from online sources",
    "### 2.4. User data",
    "### 2.5. Synthetic data",
    "### 2.6. Other sources of data",
    "## 3. Data processing aspects",
    "### 3.1. Respect of reservation of rights from text and data mining exception or limitation",
    "### 3.2. Removal of illegal content",
    "### 3.3. Other information (optional)",
]
NOTES = "## Drafting notes (not part of the template: remove before publishing)"


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    """examples/datasheet-flow with two datasheets: Alpaca states open access, SQuAD does not."""
    return flow_repo(tmp_path, ALPACA.replace("distribution:\n", "distribution:\n  access: open\n"))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_repo(tmp_path)


@pytest.fixture
def empty(make_repo: MakeRepo) -> Path:
    return make_repo({"main.py": "print('no data here')\n", "README.md": "# Tools\n"})


def summary(run_cli: RunCli, repo: Path) -> str:
    result = run_cli(repo, "bom", "--format", "training-data-summary")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def section(text: str, heading: str) -> str:
    """The text under ``heading``, up to the next heading."""
    after = text.split(f"\n{heading}\n", 1)[1]
    return after.split("\n#", 1)[0]


@pytest.mark.parametrize("which", ["flow", "empty"])
def test_summary_matches_golden(
    which: str, request: pytest.FixtureRequest, run_cli: RunCli, update_golden: bool
) -> None:
    text = summary(run_cli, request.getfixturevalue(which))
    golden = GOLDEN / f"training-data-summary.{which}.md"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["flow", "demo", "empty"])
def test_sections_are_the_templates_in_its_order(
    which: str, request: pytest.FixtureRequest, run_cli: RunCli
) -> None:
    text = summary(run_cli, request.getfixturevalue(which))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0].startswith("# Public Summary of Training Content")
    assert headings[1:] == [*TEMPLATE, NOTES]


def test_flow_fills_only_what_the_datasheets_state(flow: Path, run_cli: RunCli) -> None:
    text = summary(run_cli, flow)
    public = section(text, TEMPLATE[5])
    # Alpaca: fine-tuned on, open access stated: listed as publicly available, with its
    # datasheet's licence beside the catalogue's, and its personal data.
    assert "Yes: the datasheets state open access for Stanford Alpaca instruction data." in public
    assert "CC-BY-4.0 (datasheet); CC-BY-NC-4.0 (datasheet-lint's catalogue)" in public
    assert "personal data: names; consent: not-applicable" in public
    assert "SQuAD" not in public  # its datasheet does not state how it can be obtained
    notes = text.split(NOTES, 1)[1]
    assert "no datasheet states open access. **QUESTION**: which section" in notes
    assert "**SQuAD v1.1** (id squad; datasheet datasheets/squad.yaml)" in notes
    # Both are text; only SQuAD states a size. Nothing else is claimed about modalities.
    assert (
        "| Text: in Stanford Alpaca instruction data, SQuAD v1.1 | **QUESTION**: the range "
        "(datasheets state SQuAD v1.1: 107785) |" in text
    )
    assert "| Image: **QUESTION**: no datasheet states it |" in text
    assert "Stanford Alpaca instruction data was generated from other data" in section(
        text, TEMPLATE[11]
    )
    for heading in (TEMPLATE[1], TEMPLATE[7], TEMPLATE[10], TEMPLATE[14], TEMPLATE[15]):
        assert "**QUESTION**" in section(text, heading)


def test_demo_without_datasheets_places_nothing_and_names_what_the_blocklist_says(
    demo: Path, run_cli: RunCli
) -> None:
    text = summary(run_cli, demo)
    assert "**QUESTION**: no datasheet of a training dataset states open access." in text
    assert (
        "The code loads these pretrained weights: ms1mv3\\_arcface\\_r100\\_fp16 (trained on "
        "ms1mv3, per the blocklist)." in section(text, TEMPLATE[2])
    )
    notes = text.split(NOTES, 1)[1]
    assert "no datasheet says whether it is used for training" in notes
    assert "- **Brainwash" in notes
    assert "Availability: withdrawn by Stanford University" in notes
    assert "Personal data: **QUESTION**: no datasheet states it" in notes
    assert "NOASSERTION" not in text  # a catalogue's "no assertion" is no licence statement


def test_empty_repository_says_so(empty: Path, run_cli: RunCli) -> None:
    assert "The repository references no dataset." in summary(run_cli, empty)


HOSTILE = """\
datasheet_version: 1
id: evil
name: "Evil\\n# Injected heading <script>alert(1)</script> [x](javascript:alert(1)) | a |"
homepage: "javascript:alert(1)"
loaders:
  local: data/evil.csv
composition:
  modalities: [text]
uses:
  this_repository: [train]
distribution:
  access: open
  license: MIT
"""


@pytest.mark.parametrize("sheet", [HOSTILE, ODD])
def test_datasheet_text_cannot_restructure_the_document(
    sheet: str, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(
        {
            "datasheets/x.yaml": sheet,
            "train.py": "open('data/evil.csv')\nopen('data/faces/train.csv')\n",
        }
    )
    text = summary(run_cli, repo)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[1:] == [*TEMPLATE, NOTES]
    assert "<script>" not in text
    assert "[x](javascript:" not in text  # written as \\[x\\](...): not a link
    assert "<javascript:" not in text
    assert "Traceback" not in text


def test_needs_no_bom_extra(empty: Path) -> None:
    """The summary is plain text: it runs where the BOM libraries are not installed (an
    entry of None in sys.modules is how Python marks a module as absent)."""
    probe = (
        "import sys\n"
        "for name in ('cyclonedx', 'spdx_tools', 'spdx_python_model'):\n"
        "    sys.modules[name] = None\n"
        "from datasheet_lint.cli import main\n"
        "main(['bom', '--format', 'training-data-summary'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=empty, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Public Summary of Training Content")


def test_a_draft_in_the_work_tree_is_never_scanned_until_it_is_edited_for_publication(
    demo: Path, run_cli: RunCli
) -> None:
    """The draft names every dataset, with its links: scanned, it would add findings of its
    own on each run (19 -> 30 on the demo). An unedited draft is skipped; once its drafting
    notes are removed, as it asks before publishing, it is the project's text and scanned."""
    before = run_cli(demo, "check", "--format", "json")
    written = run_cli(demo, "bom", "--format", "training-data-summary", "--output", "SUMMARY.md")
    assert written.exit_code == 0, written.stderr
    assert "Wrote SUMMARY.md: a training-data-summary draft." in written.stderr
    after = run_cli(demo, "check", "--format", "json", "--verbose")
    assert after.json()["findings"] == before.json()["findings"]
    assert "skipped SUMMARY.md: a datasheet-lint report" in after.stderr
    draft = (demo / "SUMMARY.md").read_text(encoding="utf-8")
    (demo / "SUMMARY.md").write_text(draft.split(f"\n{NOTES}", 1)[0], encoding="utf-8")
    edited = run_cli(demo, "check", "--format", "json")
    assert "SUMMARY.md" in {f["path"] for f in edited.json()["findings"]}
