"""Every rule through the real CLI on small project trees, as yamllint and ruff test theirs.

``tests/rules/DSLnnn/positive/`` is a mini project (code, datasheets, settings, a baseline:
whatever the rule needs) whose lines marked ``expect: DSLnnn`` are exactly where the rule
must report; ``negative/`` holds look-alikes on which it must stay silent. A whole check runs
on each (every rule selected, as a user runs it); only the folder's rule is compared, line by
line, never by count.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import MakeRepo, RunCli

FIXTURES = Path(__file__).parent / "rules"
CASES = sorted(folder for folder in FIXTURES.glob("DSL*/*") if folder.is_dir())
MARKER = re.compile(r"\bexpect: (DSL\d{3})\b")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def expectations(folder: Path, code: str) -> set[tuple[str, int]]:
    """(path, line) of every ``expect: <code>`` marker in the folder's files."""
    marked = set()
    for name, data in _files(folder).items():
        for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            if code in MARKER.findall(line):
                marked.add((name, number))
    return marked


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_rule_reports_exactly_the_marked_lines(
    case: Path, make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = case.parent.name
    repo = make_repo(_files(case))
    result = run_cli(repo, "check", ".", "--format", "json")
    assert result.exit_code in {0, 1}, result.stderr
    found = {(f["path"], f["line"]) for f in result.json()["findings"] if f["rule"] == code}
    expected = expectations(case, code)
    if case.name == "positive":
        assert expected, f"{case}: no line is marked 'expect: {code}'"
    else:
        assert case.name == "negative", f"{case}: fixture folders are positive or negative"
        assert not expected, f"{case}: a negative fixture expects nothing"
    assert found == expected


def test_every_listed_rule_has_positive_and_negative_fixtures(
    tmp_path: Path, run_cli: RunCli
) -> None:
    listed = run_cli(tmp_path, "rules")
    codes = {line.split()[0] for line in listed.stdout.splitlines() if line.startswith("DSL")}
    assert len(codes) >= 25
    for code in sorted(codes):
        assert expectations(FIXTURES / code / "positive", code), f"{code}: nothing expects it"
        assert (FIXTURES / code / "negative").is_dir(), f"{code}: no look-alike that stays silent"
    folders = {folder.name for folder in FIXTURES.glob("DSL*")}
    assert folders == codes, f"fixtures for rules that do not exist: {sorted(folders - codes)}"
