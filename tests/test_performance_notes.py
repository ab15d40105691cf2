"""Timing figures live in docs/performance.md, where they are measured and dated, not in src/.

A figure in a comment goes stale with the next machine or release; the comment keeps the why.
"""

from __future__ import annotations

import re

from tests.conftest import ROOT

FIGURE = re.compile(r"~?\d[\d.,]* ?(?:ms|µs|us|s)\b|\d+x (?:faster|slower)|milliseconds? where")
SRC = ROOT / "src" / "datasheet_lint"


def test_no_timing_figures_in_source_comments() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FIGURE.search(line) and "performance.md" not in line
    ]
    assert found == []


def test_the_benchmark_page_keeps_the_figures_the_comments_dropped() -> None:
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    for heading in ("## How to rerun", "## Method", "## Figures", "## Costs the code is shaped"):
        assert heading in page
    for figure in ("~70 ms", "~9 ms", "~35 ms", "~15 ms", "~0.2 s for 20,000 files"):
        assert figure in page, figure
