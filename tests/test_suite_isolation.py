"""The suite itself: it caches into temporary folders, never into the user's ``~/.cache``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scripts.realrepos import cache_dir
from tests.conftest import REALREPOS_CACHE, MakeRepo


def test_a_subprocess_run_caches_into_the_tests_own_folder(make_repo: MakeRepo) -> None:
    cache_home = Path(os.environ["XDG_CACHE_HOME"])
    assert not cache_home.is_relative_to(Path.home() / ".cache")
    repo = make_repo({"train.py": 'from datasets import load_dataset\nload_dataset("squad")\n'})

    done = subprocess.run(
        [sys.executable, "-m", "datasheet_lint", "check"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode in (0, 1), done.stderr
    assert list((cache_home / "datasheet-lint").iterdir()), "the run cached nothing here"


def test_the_exported_real_repositories_are_still_found_in_the_real_cache() -> None:
    assert cache_dir() == Path(REALREPOS_CACHE)
    assert not cache_dir().is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
