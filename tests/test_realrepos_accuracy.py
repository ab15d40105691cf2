"""Accuracy on real public repositories labelled independently (scripts/realrepos.py).

The labels live in tests/realrepos; the trees do not (no third-party code enters the project):
``python scripts/realrepos.py export`` writes them from local git mirrors into a cache folder,
and these tests skip with that instruction when they are absent. The development half is the
one the linter is tuned on; its figures may not fall below the floors here, which are today's
results rounded down (the issue's targets are higher: docs/accuracy.md). The test half is
reported once per release, never used for tuning, so no test reads it.
"""

from __future__ import annotations

import pytest
from scripts.realrepos import LABELS, load_labels, load_repos, measure

# Development-half floors, per labelling round: a change that loses recall or precision on real
# code fails here. Round 1 was tuned on for two sessions; round 2 was scored once before any
# tuning on it (docs/accuracy.md), and its floors are its figures since, rounded down.
#
# Blocklist 2026.12.4 (issue 16) lowered three precision floors, and only for unlabelled lines
# that name a model trained on withdrawn data. The rubric counts such a model as a reference
# (kind model, retracted). The labels of tloen/alpaca-lora (round 1: 11 lines naming
# decapoda-research/llama-7b-hf or huggyllama/llama-7b) and tatsu-lab/stanford_alpaca (round 2:
# 7 lines naming LLaMA-7B/13B, facebook/opt-6.7b, facebook/opt-125m) do not mark them, while
# the LLaMA paper names Books3 and the OPT card BookCorpus. Without those 18 lines the figures
# are what they were: round 1 reference 1005/1126, retraction 131/148; round 2 retraction
# 105/129. Restore 0.89 / 0.88 / 0.81 once those two label files are reviewed.
FLOORS = {
    1: {
        "required-recall": 0.80,
        "required-recall-data": 0.83,
        "reference-precision": 0.88,
        "retraction-recall": 0.87,
        "retraction-precision": 0.82,
        "dataset-recall": 0.78,
    },
    2: {
        "required-recall": 0.55,
        "required-recall-data": 0.53,
        "reference-precision": 0.85,
        "retraction-recall": 0.73,
        "retraction-precision": 0.77,
        "dataset-recall": 0.79,
    },
}


def test_every_repository_is_pinned_labelled_and_in_one_half() -> None:
    repos = load_repos()
    assert len(repos) >= 20
    assert {repo.half for repo in repos} == {"dev", "test"}
    assert len({repo.name for repo in repos}) == len(repos)
    for repo in repos:
        assert len(repo.commit) == 40
        assert (LABELS / "labels" / f"{repo.folder}.yaml").is_file(), repo.name
        labels, _, _ = load_labels(repo)
        for label in labels:
            assert label.tier in {"required", "optional"}, (repo.name, label)
            assert label.line >= 1


def test_the_development_half_stays_above_its_floors() -> None:
    totals: dict[str, list[int]] = {}  # metric -> [linter hits, naive hits, total]
    for round_, floors in FLOORS.items():
        linter, naive, absent = measure("dev", round_)
        exported = [a for a in absent if "not exported" in a]
        if exported:
            pytest.skip(f"trees absent, run: python scripts/realrepos.py export ({exported[0]})")
        for metric, floor in floors.items():
            count = linter.counts[metric]
            assert count.ratio >= floor, (round_, metric, str(count))
            if metric.endswith("precision"):
                assert count.ratio >= naive.counts[metric].ratio, (round_, metric)
            sums = totals.setdefault(metric, [0, 0, 0])
            sums[0] += count.hit
            sums[1] += naive.counts[metric].hit
            sums[2] += count.total
    for metric, (ours, naive_hits, total) in totals.items():
        # ... and on the whole development half every recall beats the naive grep's (round 2,
        # scored before tuning, still has figures below it: docs/accuracy.md)
        if "recall" in metric:
            assert ours >= naive_hits, (metric, ours, naive_hits, total)
