"""Per-file work over a pool of processes, for scans large enough to repay it.

Reading and parsing files is pure Python, so threads would not help; forked processes share
the loaded knowledge for free. Measured on a 2-core machine (benchmarks/run.py), a pool costs
~0.1 s to start and pays off from about ``MIN_FILES`` files, so a pre-commit run of a few files
never starts one. Results come back in the order of the paths, so the output is the same as a
serial run's; a file whose work fails in a worker is done again in this process, which raises
the error exactly as a serial run would.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MIN_FILES = 1000
CHUNK = 64  # paths per task: large enough to amortise the round trip, small enough to balance

_job: Callable[[str], Any] | None = None  # set before forking; the workers inherit it


def workers() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run(paths: list[str]) -> list[tuple[bool, Any]]:
    assert _job is not None
    done: list[tuple[bool, Any]] = []
    for path in paths:
        try:
            done.append((True, _job(path)))
        except Exception:  # redone in the parent, which raises it with its usual message
            done.append((False, None))
    return done


def map_paths(
    job: Callable[[str], T],
    paths: Sequence[str],
    *,
    allowed: bool = True,
    min_files: int = MIN_FILES,
) -> Iterator[T]:
    """``job(path)`` for each path, in order; in worker processes when that pays off."""
    count = workers()
    forks = "fork" in multiprocessing.get_all_start_methods()
    if not allowed or count < 2 or len(paths) < min_files or not forks:
        yield from map(job, paths)
        return
    global _job
    _job = job
    try:
        chunks = [list(paths[i : i + CHUNK]) for i in range(0, len(paths), CHUNK)]
        with multiprocessing.get_context("fork").Pool(count) as pool:
            for chunk, results in zip(chunks, pool.imap(_run, chunks), strict=True):
                for path, (ok, value) in zip(chunk, results, strict=True):
                    yield value if ok else job(path)
    finally:
        _job = None
