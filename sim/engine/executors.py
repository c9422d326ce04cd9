"""Where chunks of work run: in this process, over local processes (``jobs``), or on a Dask cluster (``scheduler``).

Every caller cuts its work into chunks of a fixed size, never derived from
the number of processes; each chunk is a self-contained, picklable task
evaluated by a module-level function, so it gives the same numbers in this
process, another process or another machine. Results are handed back with
their chunk's index and the caller puts them in chunk order: ``jobs`` and
``scheduler`` change only how fast.

Local workers are started with "spawn" (a fresh interpreter that imports
the package), whatever the process-wide default: Mesa's batch runner forces
"spawn" on import anyway, and a fresh process inherits no threads or state.
So a script that uses ``jobs`` > 1 needs the ``if __name__ == "__main__":``
guard. An error or an interruption (Ctrl-C, SIGTERM) drops the chunks not
yet done and terminates the local workers (they ignore SIGINT themselves,
so only this process decides) before it propagates; a worker that dies
(killed, out of memory) fails the run with BrokenProcessPool, never hangs it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_JOBS = 64
DASK_INSTALL = (
    "--scheduler runs the chunks on a Dask cluster, which needs the optional dask[distributed]; "
    "install it with pip install 'korea-whatif[dask]' (on this machine and on every worker, with the same "
    "version of korea-whatif), or leave out --scheduler to run on this machine (--jobs N for N processes)."
)


class ExecutorError(ValueError):
    """A ``jobs`` or ``scheduler`` that cannot be used (one readable paragraph)."""


def check_jobs(jobs: int) -> int:
    """A usable number of processes (ExecutorError if not an integer in 1..64)."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS:
        raise ExecutorError(
            f"--jobs must be a whole number from 1 to {MAX_JOBS}, not {jobs!r} "
            f"(this machine has {os.cpu_count()} cores)."
        )
    return jobs


CONNECT_TIMEOUT = 10  # s, to reach a Dask scheduler before a run


def check_scheduler(address: str | None) -> str | None:
    """A Dask scheduler address such as ``tcp://host:8786`` (None: none), with dask.distributed installed."""
    if address is None:
        return None
    if not isinstance(address, str) or not address.strip() or any(c.isspace() for c in address):
        raise ExecutorError(f"--scheduler must be a Dask scheduler address such as tcp://host:8786, not {address!r}.")
    try:
        import distributed
    except ImportError:
        raise ExecutorError(DASK_INSTALL) from None
    try:  # reach it now, before anything runs or is written
        distributed.comm.resolve_address(address)  # a malformed address: before a Client, whose __del__ would hang
        distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False).close()
    except (OSError, ValueError) as exc:
        raise ExecutorError(
            f"cannot reach the Dask scheduler at {address!r} ({exc}). Start one with `dask scheduler` and "
            "workers with `dask worker ADDRESS`, or leave out --scheduler to run on this machine."
        ) from None
    return address


def in_process(jobs: int = 1, scheduler: str | None = None, chunks: int = 1) -> bool:
    """Whether :func:`each_chunk` would run the chunks here, one after the other."""
    return scheduler is None and (jobs == 1 or chunks <= 1)


def each_chunk(
    func: Callable[[T], R],
    tasks: Sequence[T],
    on_result: Callable[[int, R], None],
    jobs: int = 1,
    scheduler: str | None = None,
) -> None:
    """Call ``on_result(i, func(tasks[i]))`` in this process for every chunk, in the order they complete.

    ``func`` runs here (``jobs`` 1), over ``jobs`` local processes, or on the
    Dask cluster at ``scheduler``. A result is dropped once handed over, so
    the caller decides what it keeps.
    """
    check_jobs(jobs)
    if scheduler is not None:
        _on_dask(func, tasks, on_result, check_scheduler(scheduler))
    elif in_process(jobs, scheduler, len(tasks)):
        for i, task in enumerate(tasks):
            on_result(i, func(task))
    else:
        _on_processes(func, tasks, on_result, min(jobs, len(tasks)))


def map_chunks(
    func: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
) -> list[R]:
    """``[func(t) for t in tasks]``, evaluated as :func:`each_chunk` does; ``progress(i)`` after chunk ``i``."""
    out: list = [None] * len(tasks)

    def keep(i: int, result: R) -> None:
        out[i] = result
        if progress:
            progress(i)

    each_chunk(func, tasks, keep, jobs, scheduler)
    return out


def _worker_signals() -> None:
    """In a local worker: Ctrl-C is the parent's to handle; SIGTERM (the parent stopping it) ends it at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _on_processes(func, tasks, on_result, workers: int) -> None:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_signals)
    try:
        futures = {pool.submit(func, task): i for i, task in enumerate(tasks)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                on_result(futures.pop(fut), fut.result())
    except BaseException:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()  # first, so that the pool's manager thread sees them gone and ends
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _on_dask(func, tasks, on_result, address: str) -> None:
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client:
        futures = [client.submit(func, task, pure=False) for task in tasks]
        index = {fut.key: i for i, fut in enumerate(futures)}
        try:
            for fut in as_completed(futures, loop=client.loop):
                on_result(index[fut.key], fut.result())
                fut.release()
        except BaseException:
            client.cancel(futures, force=True)
            raise
