"""Per-file work over a pool of processes, for scans large enough to repay it.

Reading and parsing files is pure Python, so threads would not help; forked processes share
the loaded knowledge for free. Starting a pool costs more than scanning a few files, so it
pays off only for large scans; ``MIN_FILES`` keeps a margin above the measured crossover, so
a pre-commit run never starts one (docs/performance.md has the measurements). Results come
back in the order of the paths, so the output is the same as a serial run's; a file whose
work fails in a worker is done again in this process, which raises the error exactly as a
serial run would.

A worker can also die outright: the kernel's OOM killer, a crash in an extension. A
``multiprocessing.Pool`` then waits forever for its results; ``ProcessPoolExecutor`` notices
the dead process and raises ``BrokenProcessPool``. The work it had not returned is then done
here, one file at a time, as a serial run does it: the run ends, with the same results.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MIN_FILES = 1000
CHUNK = 64  # paths per task: large enough to amortise the round trip, small enough to balance
COLLECT_EVERY = 500  # files between collections of young objects while the collector is paused

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
    gc.collect(0)  # the collector is paused here too (inherited): see map_paths
    return done


def map_paths(
    job: Callable[[str], T],
    paths: Sequence[str],
    *,
    allowed: bool = True,
    min_files: int | None = None,
    processes: int | None = None,
) -> Iterator[T]:
    """``job(path)`` for each path, in order; in worker processes when that pays off.

    The cyclic garbage collector is paused meanwhile and run on the young objects every
    ``COLLECT_EVERY`` files: parse trees are acyclic and die with their file, so the
    collector's passes over everything long-lived cost ~10% of a scan and found nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield from _map_paths(job, paths, allowed, min_files, processes)
    finally:
        gc.collect(0)
        if enabled:
            gc.enable()


def _map_paths(
    job: Callable[[str], T],
    paths: Sequence[str],
    allowed: bool,
    min_files: int | None,
    processes: int | None,
) -> Iterator[T]:
    count = workers() if processes is None else processes
    enough = len(paths) >= (MIN_FILES if min_files is None else min_files)
    if not allowed or count < 2 or not enough:
        yield from _serial(job, paths)
        return
    import multiprocessing  # costly to import: only for runs that fan out

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from _serial(job, paths)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _job
    _job = job
    # Objects the workers inherit stay out of their collections: otherwise the collector
    # touches every inherited page, and the kernel copies each one into every worker.
    gc.freeze()
    try:
        chunks = [list(paths[i : i + CHUNK]) for i in range(0, len(paths), CHUNK)]
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(count, mp_context=context)
        try:
            futures = [pool.submit(_run, chunk) for chunk in chunks]
            for index, (chunk, future) in enumerate(zip(chunks, futures, strict=True)):
                try:
                    results = future.result()
                except BrokenProcessPool:  # a worker died: the rest is done in this process
                    for rest in chunks[index:]:
                        yield from _serial(job, rest)
                    return
                for path, (ok, value) in zip(chunk, results, strict=True):
                    yield value if ok else job(path)
        finally:  # an error here, or a consumer that stops early, leaves no work queued
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        _job = None
        gc.unfreeze()


def _serial(job: Callable[[str], T], paths: Sequence[str]) -> Iterator[T]:
    for index, path in enumerate(paths, start=1):
        yield job(path)
        if index % COLLECT_EVERY == 0:
            gc.collect(0)
