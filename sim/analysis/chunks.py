"""Chunked evaluation over local processes: results in chunk order, identical for any number of processes.

Each chunk is a self-contained task (its rows' world indices, factor values
and setup), evaluated by a module-level function, so a chunk gives the same
numbers in this process or another; the caller cuts the chunks by a fixed
size, never by the number of processes. ``jobs`` changes only how fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_JOBS = 64


def check_jobs(jobs: int) -> int:
    """A usable number of processes (ValueError if not an integer in 1..64)."""
    if not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS:
        raise ValueError(
            f"--jobs must be a whole number from 1 to {MAX_JOBS} (this machine has {os.cpu_count()} cores)."
        )
    return jobs


def map_chunks(
    func: Callable[[T], R], tasks: Sequence[T], jobs: int = 1, progress: Callable[[int], None] | None = None
) -> list[R]:
    """``[func(t) for t in tasks]``, over ``jobs`` local processes; ``progress(i)`` after chunk ``i`` completes.

    An error or an interruption cancels the chunks not yet started and stops
    the workers before it propagates.
    """
    check_jobs(jobs)
    if jobs == 1 or len(tasks) <= 1:
        out = []
        for i, task in enumerate(tasks):
            out.append(func(task))
            if progress:
                progress(i)
        return out
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)))
    try:
        futures = {pool.submit(func, task): i for i, task in enumerate(tasks)}
        results: dict[int, R] = {}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                results[futures[fut]] = fut.result()
                if progress:
                    progress(futures[fut])
        return [results[i] for i in range(len(tasks))]
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        raise
    finally:
        pool.shutdown(wait=True)
