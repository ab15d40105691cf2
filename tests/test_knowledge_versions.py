"""The shipped knowledge files: versioned with every data change, and names that cannot collide.

These checks have no skip and no marker: they run with every test run. A change to the data in
``blocklist.yaml`` or ``catalogue.yaml`` fails ``test_data_changes_bump_data_version`` until its
``data_version`` is bumped and ``python scripts/knowledge_digests.py`` records the new digest.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from scripts import knowledge_digests

from datasheet_lint.knowledge import blocklist, catalogue
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.names import normalise

ROOT = Path(__file__).parents[1]
WORDS = ROOT / "src/datasheet_lint/knowledge/dictionary_words.txt"
SHORT = 5  # a name this short is an acronym or a word with other meanings


@cache
def document(name: str) -> dict[str, Any]:
    text = (knowledge_digests.KNOWLEDGE / name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = YAML(typ="safe", pure=True).load(text)
    return loaded


@cache
def dictionary() -> frozenset[str]:
    """The committed word list. The system's /usr/share/dict differs from machine to machine
    (and is absent here), so it would make this test pass on one machine and fail on another."""
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and not line.startswith("#"))


@pytest.mark.parametrize("name", knowledge_digests.FILES)
def test_data_changes_bump_data_version(name: str) -> None:
    recorded = knowledge_digests.recorded()[name]
    now = knowledge_digests.current(name)
    if now["sha256"] != recorded["sha256"]:
        assert now["data_version"] != recorded["data_version"], (
            f"{name} changed but its data_version is still {now['data_version']}: bump it "
            "(and 'updated'), then run: python scripts/knowledge_digests.py"
        )
        pytest.fail(
            f"{name} is now data_version {now['data_version']}: record its digest with "
            "python scripts/knowledge_digests.py"
        )
    assert now["data_version"] == recorded["data_version"], (
        f"{name}: data_version {now['data_version']} differs from the recorded "
        f"{recorded['data_version']}: run python scripts/knowledge_digests.py"
    )


def test_the_digest_sees_a_data_change_and_ignores_the_version() -> None:
    """One changed fact changes the digest; a version bump alone does not."""
    original = document("catalogue.yaml")
    changed = copy.deepcopy(original)
    changed["datasets"][0]["licence"] = "MIT"
    bumped = copy.deepcopy(original)
    bumped["data_version"], bumped["updated"] = "2999.01.1", "2999-01-01"
    digest = knowledge_digests.data_digest
    assert digest(changed) != digest(original)
    assert digest(bumped) == digest(original)


def test_recording_refuses_a_change_without_a_bump(tmp_path: Path) -> None:
    stale = {
        name: {"data_version": knowledge_digests.current(name)["data_version"], "sha256": "0" * 64}
        for name in knowledge_digests.FILES
    }
    assert len(knowledge_digests.problems(stale)) == len(knowledge_digests.FILES)
    newer = {
        name: {"data_version": "2999.01.1", "sha256": "0" * 64} for name in knowledge_digests.FILES
    }
    assert all("went back" in line for line in knowledge_digests.problems(newer))
    assert knowledge_digests.problems(knowledge_digests.recorded()) == []


def name_owners() -> dict[str, set[str]]:
    """Every name key of both files (aliases, URLs, look-alikes) -> what claims it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for alias in blocklist.builtin().aliases + catalogue.builtin().aliases:
        owner = alias.dataset if alias.model is None else f"model:{alias.model}"
        owners[normalise(alias.value)].add(owner or "<look-alike>")
    return owners


def test_no_name_collides_across_catalogue_and_blocklist() -> None:
    """One key, one dataset. The only sharing allowed: a blocklist look-alike that the catalogue
    names as a dataset's own (CelebA, bookcorpusopen), by design."""
    shared = {
        normalise(name)
        for entry in document("catalogue.yaml")["datasets"]
        for name in entry.get("blocklist_look_alikes") or ()
    }
    clashes = {
        key: sorted(owners)
        for key, owners in name_owners().items()
        if len(owners) > 1 and not (key in shared and len(owners - {"<look-alike>"}) == 1)
    }
    assert clashes == {}


def test_every_name_resolves_to_its_own_dataset() -> None:
    """No alias is shadowed by a longer or earlier one: the engine's matcher, alone on the
    name, finds the dataset that alias belongs to (ImageNetV2 is not ImageNet)."""
    knowledge = Knowledge.build(blocklist.builtin(), catalogue.builtin())
    wrong = [
        (alias.value, alias.dataset, knowledge.known(alias.value, whole=True))
        for alias in blocklist.builtin().aliases + catalogue.builtin().aliases
        if alias.dataset is not None
        and not alias.needs_near
        and not alias.url
        and knowledge.known(alias.value, whole=True) != alias.dataset
    ]
    assert wrong == []


def short_or_word(value: str) -> bool:
    key = normalise(value)
    return len(key) <= SHORT or key in dictionary()


def test_short_and_dictionary_word_aliases_are_ambiguous() -> None:
    """A name of five characters or fewer, or an ordinary word, counts only as a dataset name
    (loader argument, dataset key, --dataset flag, data path) or next to a near token."""
    plain = [
        (alias.dataset, alias.value)
        for alias in blocklist.builtin().aliases + catalogue.builtin().aliases
        if alias.dataset is not None
        and alias.model is None
        and not alias.url
        and not alias.ambiguous
        and short_or_word(alias.value)
    ]
    assert plain == []


@pytest.mark.parametrize("word", ["duke", "market", "math", "titanic", "beans", "malaria"])
def test_word_list_holds_the_words_that_misfired(word: str) -> None:
    assert word in dictionary()


def test_record_is_well_formed() -> None:
    record = json.loads(knowledge_digests.RECORD.read_text(encoding="utf-8"))
    assert sorted(record) == sorted(knowledge_digests.FILES)
    for entry in record.values():
        assert re.fullmatch(r"[0-9]{4}\.[0-9]{2}\.[0-9]+", entry["data_version"])
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
