"""Accuracy of reference extraction on the labelled corpus (tests/corpus, scripts/accuracy.py).

The corpus is the target docs/references.md sets: its labels follow the document, not what the
engine happens to find. Precision and recall must reach 0.95 for every kind.
"""

from __future__ import annotations

import pytest
from scripts.accuracy import DEFAULT_CORPUS, DEFAULT_THRESHOLD, Result, main, measure

MIN_POSITIVE_FILES = 60
MIN_TRAP_FILES = 25


@pytest.fixture(scope="module")
def result() -> Result:
    return measure(DEFAULT_CORPUS)


def test_every_corpus_file_is_labelled(result: Result) -> None:
    assert result.unlisted == [], "add these files to tests/corpus/expected.yaml"
    assert result.missing == [], "expected.yaml names files the corpus does not hold"


def test_corpus_is_large_enough(result: Result) -> None:
    assert result.positive_files >= MIN_POSITIVE_FILES
    assert result.trap_files >= MIN_TRAP_FILES


def test_every_kind_is_exercised(result: Result) -> None:
    kinds = {item[3] for item in result.expected}
    assert kinds == {"load", "url", "path", "config", "mention", "model"}


def test_precision_and_recall_reach_the_threshold(result: Result) -> None:
    failing = result.below(DEFAULT_THRESHOLD)
    details = [*map(str, result.false_positives), *map(str, result.false_negatives)]
    assert failing == [], "\n".join([", ".join(failing), *details])


def test_command_line_reports_and_fails_below_threshold(
    result: Result, capsys: pytest.CaptureFixture[str]
) -> None:
    # A threshold of 0 always passes; 1.0 passes only on a perfect score.
    assert main(["--threshold", "0"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out
    assert "precision" in out
    perfect = result.overall.fp == 0 and result.overall.fn == 0
    assert main(["--threshold", "1", "--verbose"]) == (0 if perfect else 1)
    assert "false negatives" in capsys.readouterr().out
