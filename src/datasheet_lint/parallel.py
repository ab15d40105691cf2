"""Per-file work over a pool of processes, for scans large enough to repay it.

Reading and parsing files is pure Python, so threads would not help; forked processes share
the loaded knowledge for free. A pool costs ~0.1 s to start; on an idle 2-core machine it
pays off from a few hundred files, and ``MIN_FILES`` keeps a margin, so a pre-commit run
never starts one (docs/performance.md has the measurements). Results come back in the order
of the paths, so the output is the same as a serial run's; a file whose work fails in a
worker is done again in this process, which raises the error exactly as a serial run would.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MIN_FILES = 1000
CHUNK = 64  # paths per task: large enough to amortise the round trip, small enough to balance

_job: Callable[[str], Any] | None = None  # set before forking; the workers inherit it


def workers() -> int:
    """CPUs this process may run on, less those other programs keep busy.

    On a machine already busy, extra processes only queue for the same cores: measured,
    a pool then made the scan 10-30% slower, so the load average counts against it.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = int(os.getloadavg()[0]) if hasattr(os, "getloadavg") else 0
    return max(1, (cpus or 1) - busy)


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
    min_files: int | None = None,
    processes: int | None = None,
) -> Iterator[T]:
    """``job(path)`` for each path, in order; in worker processes when that pays off."""
    count = workers() if processes is None else processes
    enough = len(paths) >= (MIN_FILES if min_files is None else min_files)
    if not allowed or count < 2 or not enough:
        yield from map(job, paths)
        return
    import multiprocessing  # ~15 ms: only for runs that fan out

    if "fork" not in multiprocessing.get_all_start_methods():
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
