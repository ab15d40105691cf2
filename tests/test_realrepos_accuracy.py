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
from scripts.realrepos import LABELS, _unlabelled, load_labels, load_repos, measure

# Development-half floors, per labelling round: a change that loses recall or precision on real code
# fails here. Round 1 was tuned on for four sessions, round 2 (scored once before any tuning on it)
# for three; rounds 3 to 10 were the test halves of sessions 6 to 13 (each reported there once) and
# are development data from the session after; round 11 was session 14's validation round and
# round 12 its test half, both development data since session 15; round 13 was session 15's
# validation round and round 14 its test half, both development data since session 16; round 15
# was session 16's validation round and round 16 its test half, both development data since
# session 17 (round 17, session 17's validation round, and round 18, its test half, have no
# floors yet). Every floor is its round's figure at the end of session 17, rounded down from the
# counts, except where a round did not move and an older, lower floor stays (docs/accuracy.md),
# and round 16's retraction precision (41 of 41 flags right): 0.97, not 1.00, so that one
# disputed flag among its few does not read as a fall.
# Round 6's retraction precision fell from 0.926 to 0.918 in session 12: three lines of
# insightface's subcenter_arcface/drop.py read `join(args.data, 'train.rec')` where `--data`
# defaults to `faces_ms1m_full`; the label marks the default as MS-Celeb-1M and leaves the reads
# unlabelled.
# Precision stands below the target for reasons the figures in docs/accuracy.md count: lines
# that read data under the rubric that some labellers left unlabelled (layout folders of dataset
# modules, reads through names). Lines naming base models (LLaMA 1, OPT, Pythia, BERT: blocklist
# 2026.12.4, trained on Books3, BookCorpus and the Pile, per their papers and cards), which the
# labels mark only where the repository itself names the training set, are DSL104 only there since
# session 14, and DSL106 (a warning, not a retraction finding here) elsewhere (docs/references.md).
FLOORS = {
    1: {
        "required-recall": 0.89,
        "required-recall-data": 0.92,
        "reference-precision": 0.88,
        "retraction-recall": 0.91,
        "retraction-precision": 0.96,
        "dataset-recall": 0.94,
        "dataset-precision": 0.77,
    },
    2: {
        "required-recall": 0.80,
        "required-recall-data": 0.81,
        "reference-precision": 0.89,
        "retraction-recall": 0.83,
        "retraction-precision": 0.85,
        "dataset-recall": 0.89,
        "dataset-precision": 0.69,
    },
    3: {
        "required-recall": 0.82,
        "required-recall-data": 0.90,
        "reference-precision": 0.95,
        "retraction-recall": 0.88,
        "retraction-precision": 0.92,
        "dataset-recall": 0.80,
        "dataset-precision": 0.71,
    },
    4: {
        "required-recall": 0.75,
        "required-recall-data": 0.79,
        "reference-precision": 0.92,
        "retraction-recall": 0.91,
        "retraction-precision": 0.92,
        "dataset-recall": 0.79,
        "dataset-precision": 0.73,
    },
    5: {
        "required-recall": 0.80,
        "required-recall-data": 0.84,
        "reference-precision": 0.91,
        "retraction-recall": 0.78,
        "retraction-precision": 0.94,
        "dataset-recall": 0.79,
        "dataset-precision": 0.63,
    },
    6: {
        "required-recall": 0.68,
        "required-recall-data": 0.77,
        "reference-precision": 0.90,
        "retraction-recall": 0.84,
        "retraction-precision": 0.93,
        "dataset-recall": 0.70,
        "dataset-precision": 0.65,
    },
    7: {
        "required-recall": 0.71,
        "required-recall-data": 0.76,
        "reference-precision": 0.84,
        "retraction-recall": 0.82,
        "retraction-precision": 0.89,
        "dataset-recall": 0.94,
        "dataset-precision": 0.78,
    },
    8: {
        "required-recall": 0.70,
        "required-recall-data": 0.73,
        "reference-precision": 0.91,
        "retraction-recall": 0.75,
        "retraction-precision": 0.96,
        "dataset-recall": 0.58,
        "dataset-precision": 0.58,
    },
    9: {
        "required-recall": 0.66,
        "required-recall-data": 0.72,
        "reference-precision": 0.91,
        "retraction-recall": 0.77,
        "retraction-precision": 0.98,
        "dataset-recall": 0.84,
        "dataset-precision": 0.67,
    },
    10: {
        "required-recall": 0.64,
        "required-recall-data": 0.69,
        "reference-precision": 0.81,
        "retraction-recall": 0.78,
        "retraction-precision": 0.89,
        "dataset-recall": 0.68,
        "dataset-precision": 0.60,
    },
    11: {
        "required-recall": 0.77,
        "required-recall-data": 0.78,
        "reference-precision": 0.73,
        "retraction-recall": 0.76,
        "retraction-precision": 0.81,
        "dataset-recall": 0.86,
        "dataset-precision": 0.76,
    },
    12: {
        "required-recall": 0.76,
        "required-recall-data": 0.77,
        "reference-precision": 0.83,
        "retraction-recall": 0.76,
        "retraction-precision": 0.85,
        "dataset-recall": 0.75,
        "dataset-precision": 0.59,
    },
    13: {
        "required-recall": 0.60,
        "required-recall-data": 0.61,
        "reference-precision": 0.83,
        "retraction-recall": 0.74,
        "retraction-precision": 0.88,
        "dataset-recall": 0.61,
        "dataset-precision": 0.55,
    },
    14: {
        "required-recall": 0.67,
        "required-recall-data": 0.69,
        "reference-precision": 0.59,
        "retraction-recall": 0.75,
        "retraction-precision": 0.72,
        "dataset-recall": 0.73,
        "dataset-precision": 0.56,
    },
    15: {
        "required-recall": 0.56,
        "required-recall-data": 0.63,
        "reference-precision": 0.80,
        "retraction-recall": 0.73,
        "retraction-precision": 0.77,
        "dataset-recall": 0.50,
        "dataset-precision": 0.51,
    },
    16: {
        "required-recall": 0.55,
        "required-recall-data": 0.59,
        "reference-precision": 0.76,
        "retraction-recall": 0.32,
        "retraction-precision": 0.97,
        "dataset-recall": 0.73,
        "dataset-precision": 0.51,
    },
}
# Where a round's precision stands below the naive grep's, named with the reason: round 6's
# retraction precision (325/347 against the grep's 294/312): all 22 unmarked flags are in
# insightface, 19 of them reads of `train.rec`/`train.idx` through options whose defaults name an
# MS-Celeb-1M folder, and MegaFace feature reads, which the labels leave unlabelled.
# Round 10's dataset precision (109/179 against the grep's 35/56) counts as wrong every id the
# linter gives data it reads that the labels name otherwise: 47 of its 70 unmatched names are
# `local:` or `url:` ids of files the labels call by a public name (`local:../large_files/spam.csv`
# for sms-spam-collection) or by another spelling of the path; the grep names only known datasets.
BELOW_NAIVE = {(6, "retraction-precision"), (10, "dataset-precision")}


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
            if metric.endswith("precision") and (round_, metric) not in BELOW_NAIVE:
                assert count.ratio >= naive.counts[metric].ratio, (round_, metric)
            sums = totals.setdefault(metric, [0, 0, 0])
            sums[0] += count.hit
            sums[1] += naive.counts[metric].hit
            sums[2] += count.total
    for metric, (ours, naive_hits, total) in totals.items():
        # ... and on the whole development half every recall beats the naive grep's (round 2's
        # retraction recall alone is still below it: docs/accuracy.md)
        if "recall" in metric:
            assert ours >= naive_hits, (metric, ours, naive_hits, total)


def test_an_unlabelled_entry_covers_its_folder_file_glob_or_only_its_lines() -> None:
    folder = _unlabelled({"path": "notebooks/outputs/", "reason": "generated"})
    assert folder.covers("notebooks/outputs/a.ipynb", 3)
    assert not folder.covers("notebooks/outputs2/a.ipynb", 3)
    glob = _unlabelled("data/*.csv")
    assert glob.covers("data/iris.csv", 1) and not glob.covers("data/iris.json", 1)
    lines = _unlabelled({"path": "01.ipynb", "lines": [120, 140], "reason": "file listing"})
    assert lines.covers("01.ipynb", 120) and lines.covers("01.ipynb", 140)
    assert not lines.covers("01.ipynb", 119) and not lines.covers("01.ipynb", 141)
    assert not lines.covers("02.ipynb", 130)
