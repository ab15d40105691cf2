"""One record idiom: frozen dataclasses with slots. A record is equal only to a record of its
own class, never to a tuple or to another record that happens to hold the same values."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from pathlib import Path

import pytest

import datasheet_lint
from datasheet_lint import git as dsl_git
from datasheet_lint.config import Allow, Config
from datasheet_lint.models import Location, Skipped, SourceFile

# Records still defined as NamedTuples, in modules other changes of issue 21 rework (the
# knowledge loading, the rules' Context, datasheet matching, the BOM inventory).
NAMED_TUPLES_LEFT = {
    "datasheet_lint.bom.inventory",
    "datasheet_lint.datasheets.match",
    "datasheet_lint.knowledge.blocklist",
    "datasheet_lint.knowledge.catalogue",
    "datasheet_lint.knowledge.resolve",
    "datasheet_lint.knowledge.matcher",
    "datasheet_lint.rules.registry",
}


def modules() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(datasheet_lint.__path__, "datasheet_lint."):
        found.append(info.name)
    return sorted(found)


def records(name: str) -> list[type]:
    module = importlib.import_module(name)
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == name
    ]


def test_records_of_different_kinds_are_never_equal() -> None:
    assert Skipped("a", "b") != SourceFile("a", "b")
    assert Location("a.py", 1, 2) != ("a.py", 1, 2)
    assert Allow("mnist", "why") != ("mnist", "why")
    assert Skipped("a", "b") == Skipped("a", "b")
    assert hash(Skipped("a", "b")) == hash(Skipped("a", "b"))


def test_records_are_immutable_and_have_no_instance_dict() -> None:
    config = Config(root=Path())
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.fail_on = "never"  # type: ignore[misc]
    assert not hasattr(config, "__dict__")
    assert config.with_overrides(fail_on="never", diff=None).fail_on == "never"


@pytest.mark.parametrize("name", modules())
def test_every_record_is_a_frozen_dataclass_with_slots(name: str) -> None:
    if name.startswith("datasheet_lint.bom."):
        pytest.importorskip("cyclonedx")
    for value in records(name):
        if issubclass(value, tuple) and hasattr(value, "_fields"):
            assert name in NAMED_TUPLES_LEFT, f"{name}.{value.__name__} is a NamedTuple"
        if dataclasses.is_dataclass(value):
            params = value.__dataclass_params__  # type: ignore[attr-defined]
            assert params.frozen, f"{name}.{value.__name__} is not frozen"
            assert "__slots__" in vars(value), f"{name}.{value.__name__} has no slots"


def test_the_listing_is_a_record_too(tmp_path: Path) -> None:
    listing = dsl_git.Listing(("a.py",), git=False, root=tmp_path)
    assert listing.everything() is listing
    assert listing != (("a.py",), False, tmp_path)
