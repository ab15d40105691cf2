"""atomic.py is the one writer: a temporary file beside the target, fsync, rename; the mode
other programs would give the file (private for cache entries); nothing left behind when a
write fails. Real files, real failures."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from datasheet_lint import atomic, cache
from datasheet_lint.errors import UserError


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """The rename fails (a folder stands where the file goes): the error names the target,
    and the folder holds exactly what it held before."""
    target = tmp_path / "report.json"
    target.mkdir()
    (target / "inside.txt").write_text("kept", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UserError, match="cannot write") as raised:
        atomic.write_bytes(target, b"{}", overwrite=True, display="report.json")
    assert raised.value.location == "report.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (target / "inside.txt").read_text(encoding="utf-8") == "kept"


def test_a_failed_cache_write_is_silent_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    entry = tmp_path / "blocklist-0123.marshal"
    entry.mkdir()
    cache.store(entry, "blocklist", b"payload")
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    shared = tmp_path / "baseline.json"
    with umask(0o002):
        atomic.write_text(shared, "{}\n")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
        shared.chmod(0o640)
        atomic.write_text(shared, "[]\n", overwrite=True)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    assert shared.read_bytes() == b"[]\n"


def test_cache_entries_are_private_and_readable_back_under_a_sharing_umask(
    tmp_path: Path,
) -> None:
    """A group-writable entry would be refused by ``read_entry``: under umask 002 the cache
    must still work."""
    entry = tmp_path / "catalogue-0123.marshal"
    with umask(0o002):
        cache.store(entry, "catalogue", b"rows")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert cache.read_entry(entry) == b"rows"


def test_existing_files_and_final_links_are_refused(tmp_path: Path) -> None:
    existing = tmp_path / "datasheet.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    with pytest.raises(UserError, match="not overwriting"):
        atomic.write_text(existing, "theirs\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(existing)
    with pytest.raises(UserError, match="symbolic link"):
        atomic.write_text(link, "theirs\n", overwrite=True)
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datasheet.yaml", "link.yaml"]


def test_a_folder_outside_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    outside = tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "out").symlink_to(outside)
    with pytest.raises(UserError, match="outside the project"):
        atomic.write_text(project / "out" / "report.json", "{}", root=project)
    assert list(outside.iterdir()) == []
