"""The shipped knowledge as a run loads it: from rows cached under the user's cache folder.

The rows must give back exactly what parsing the YAML gives, from a cold cache and a warm one,
and a cache that cannot be read or written must only make the run slower.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from datasheet_lint.knowledge import blocklist, catalogue
from datasheet_lint.knowledge.cache import shipped_text

pytestmark = pytest.mark.usefixtures("fresh_builtins")


@pytest.fixture
def fresh_builtins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the parsed builtins of earlier tests, so each test loads them itself."""
    monkeypatch.setattr(blocklist, "_BUILTIN", None)
    monkeypatch.setattr(catalogue, "_BUILTIN", None)


def parsed() -> tuple[blocklist.Blocklist, catalogue.Catalogue]:
    """Straight from the shipped files, no cache involved."""
    return (
        blocklist.parse(blocklist.parse_yaml(shipped_text("blocklist.yaml"))),
        catalogue.joined(catalogue.parse(blocklist.parse_yaml(shipped_text("catalogue.yaml")))),
    )


def test_rows_give_back_what_parsing_gives() -> None:
    direct_blocklist, direct_catalogue = parsed()
    rows = marshal.loads(marshal.dumps(blocklist.to_rows(direct_blocklist)))
    assert blocklist.from_rows(rows) == direct_blocklist
    rows = marshal.loads(marshal.dumps(catalogue.to_rows(direct_catalogue)))
    assert catalogue.joined(catalogue.from_rows(rows)) == direct_catalogue


def test_cold_and_warm_cache_load_the_same_knowledge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    direct = parsed()
    cold = (blocklist.builtin(), catalogue.builtin())
    written = sorted(p.name.split("-")[0] for p in (tmp_path / "datasheet-lint").iterdir())
    assert written == ["blocklist", "catalogue"]
    monkeypatch.setattr(blocklist, "_BUILTIN", None)
    monkeypatch.setattr(catalogue, "_BUILTIN", None)
    warm = (blocklist.builtin(), catalogue.builtin())
    assert cold == warm == direct
    assert warm[0].get("ms1mv2") is not None and warm[0].get("ms1mv2").parent == "ms-celeb-1m"


def test_a_corrupt_or_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    blocklist.builtin()
    catalogue.builtin()
    folder = tmp_path / "datasheet-lint"
    whole = {p: p.read_bytes() for p in folder.iterdir()}
    damages = [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",
        lambda data: b'{"datasets": [["not marshal',
        lambda data: marshal.dumps({"datasets": [[1, 2]]}),  # well formed, wrong shape
        lambda data: marshal.dumps([]),
    ]
    for number, damage in enumerate(damages):
        for cached, data in whole.items():
            cached.write_bytes(damage(data))
        monkeypatch.setattr(blocklist, "_BUILTIN", None)
        monkeypatch.setattr(catalogue, "_BUILTIN", None)
        assert (blocklist.builtin(), catalogue.builtin()) == parsed(), number
    # A cache folder that is a file: nothing can be written, the data still loads.
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(blocklist, "_BUILTIN", None)
    assert blocklist.builtin() == parsed()[0]


def test_the_key_changes_with_the_data_or_the_parser(tmp_path: Path) -> None:
    """The rows are keyed by the text of the data and of its parsers: an edited parser (or a
    reinstalled package) never reads rows an older one wrote, and a touched file keeps its
    entry."""
    from datasheet_lint.knowledge.cache import shipped_key

    parser = tmp_path / "parser.py"
    parser.write_text("x = 1\n", encoding="utf-8")
    before = shipped_key("blocklist.yaml", str(parser))
    assert shipped_key("blocklist.yaml", str(parser)) == before
    parser.write_text("x = 2\n", encoding="utf-8")  # the same size, other text
    assert shipped_key("blocklist.yaml", str(parser)) != before
    edited = shipped_key("blocklist.yaml", str(parser))
    os.utime(parser, ns=(1, 1))  # the same text, another time
    assert shipped_key("blocklist.yaml", str(parser)) == edited
    assert shipped_key("catalogue.yaml", str(parser)) != shipped_key("blocklist.yaml", str(parser))


def test_the_cache_keeps_only_the_newest_files_of_a_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every release, Python or edited parser writes new files: old ones must not pile up."""
    from datasheet_lint.knowledge import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "datasheet-lint"
    for number in range(cache.KEEP + 5):
        assert cache.cached("kind", f"source {number}", lambda text: [text]) == [f"source {number}"]
        newest = max(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, ns=(number * 10**9, number * 10**9))  # a clear order, whatever the clock
    other = cache.cached("kind-rows", "x", lambda text: (1, 2.5, None, True, {"a": [text]}))
    assert other == (1, 2.5, None, True, {"a": ["x"]})
    names = sorted(p.name.rsplit("-", 1)[0] for p in folder.iterdir())
    assert names == ["kind"] * cache.KEEP + ["kind-rows"]
    kept = {
        marshal.loads(cache.read_entry(p) or b"")[0]
        for p in folder.glob("kind-*.bin")
        if "rows" not in p.name
    }
    assert kept == {f"source {n}" for n in range(5, cache.KEEP + 5)}
    # The newest are read back without building again.
    assert cache.cached("kind", "source 12", lambda text: ["rebuilt"]) == ["source 12"]
