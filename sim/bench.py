"""Benchmark: baseline worlds per second at 10^4 and 10^6 worlds, and peak memory.

    whatif bench                   # both sizes, median of repeats
    whatif bench --sizes 10000 --repeat 5
    python -m sim.bench ...        # the same, without the command line
    python -m sim.bench --web      # the classroom page's update after a change of intervention, 10,000 worlds
    python -m sim.bench --reference 2000   # also the field's reference: one world per mesa.Model, and the ratio
    python -m sim.bench --command 10000    # `whatif run baseline --runs 10000` end to end, in fresh processes
    python -m sim.bench --command 1000000 --jobs 2 --repeat 1

Prints one line per size: median wall time, worlds per second, and the
process's peak resident memory (MiB) after that size. One process, one core.
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence

from sim.analysis.simulate import run_setup
from sim.engine import ensemble
from sim.scenario import Setup

SIZES = (10_000, 1_000_000)
REPEAT = 3


def peak_mib() -> float:
    """Peak resident set size of this process so far (MiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def measure(runs: int, repeat: int, chunk: int) -> list[float]:
    """Wall times (s) of ``repeat`` baseline runs of ``runs`` worlds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run_setup(Setup(), 1950, runs, chunk=chunk)
        times.append(time.perf_counter() - t)
    return times


def lines(
    sizes: Sequence[int] = SIZES, repeat: int = REPEAT, chunk: int = ensemble.CHUNK, reference: int = 0
) -> Iterator[str]:
    """The benchmark's report, a header then one line per size as each is measured.

    ``reference`` worlds (0: none) are also run the way the field would write
    the model, one world per ``mesa.Model`` (the same code, chunks of one
    world: the same results), and the per-world cost is compared with the
    largest size's.
    """
    measure(1000, 1, chunk)  # warm-up: imports, caches
    yield f"{'worlds':>10s} {'median s':>9s} {'worlds/s':>11s} {'peak MiB':>9s}  (chunk {chunk}, repeats)"
    per_world = 0.0
    for n in sizes:
        times = measure(n, repeat if n <= 100_000 else max(1, repeat // 3), chunk)
        med = statistics.median(times)
        per_world = med / n
        yield f"{n:10,d} {med:9.2f} {n / med:11,.0f} {peak_mib():9.0f}  {[round(t, 2) for t in times]}"
    if reference:
        ref = measure(reference, 1, 1)[0] / reference
        yield (
            f"reference, one world per mesa.Model: {reference:,d} worlds, {ref * 1e3:.0f} ms a world; "
            f"the ensemble is {ref / per_world:,.0f}x faster per world"
        )


STARTUP = """
import time
t0 = time.perf_counter()
import sim.engine.mesa_core
t1 = time.perf_counter()
import sim.api
t2 = time.perf_counter()
import numpy as np
from sim.engine import rng
rng.uniform(1, "bench", np.arange(3))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def _fresh(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB, the largest of the process and its workers) of a fresh Python process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}")
    rss = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return time.perf_counter() - started, rss


def command_lines(runs: int = 10_000, jobs: int = 1, repeat: int = REPEAT) -> Iterator[str]:
    """``whatif run baseline --runs RUNS --jobs JOBS`` from the prompt to its printed summary, results
    written, in fresh processes (compiled kernels already cached): median wall time and peak memory; then
    what any fresh process pays before simulating (importing Mesa, the rest of the API, numba's first call)."""
    with tempfile.TemporaryDirectory(prefix="whatif-bench-") as tmp:
        args = ["-m", "cli", "run", "baseline", "--runs", str(runs), "--jobs", str(jobs)]
        _fresh([*args, "--runs", "100", "--out", os.path.join(tmp, "warm-up")])  # compiles and caches kernels
        measured = [_fresh([*args, "--out", os.path.join(tmp, f"r{i}")]) for i in range(repeat)]
    times = [t for t, _ in measured]
    yield (
        f"whatif run baseline --runs {runs:,} --jobs {jobs}: median {statistics.median(times):.2f} s, "
        f"peak {max(m for _, m in measured):.0f} MiB  {[round(t, 2) for t in times]}"
    )
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True).stdout
    mesa, api, first = (float(x) for x in out.split())
    yield (
        f"  before simulating, a fresh process spends {mesa + api + first:.2f} s: Mesa's Model and Agent {mesa:.2f} s "
        f"(not Mesa's whole package, see sim/engine/mesa_core.py), the rest of sim.api {api:.2f} s (numba among it), "
        f"numba's first compiled call {first:.2f} s (loading cached kernels)"
    )


def _at_least(low: int):
    """An argparse type: a whole number >= ``low`` (else argparse's one-line error, exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{value} is below {low}")
        return value

    return parse


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=_at_least(1), nargs="+", default=list(SIZES))
    ap.add_argument("--repeat", type=_at_least(1), default=REPEAT, help="repeats per size (median reported)")
    ap.add_argument("--chunk", type=_at_least(1), default=ensemble.CHUNK, help="worlds per model chunk")
    ap.add_argument("--reference", type=_at_least(0), default=0, help="worlds of the one-world-per-model reference")
    ap.add_argument("--web", action="store_true", help="time the classroom page's Run after a change (10,000 worlds)")
    ap.add_argument("--command", type=_at_least(1), metavar="RUNS", help="time `whatif run baseline --runs RUNS`")
    ap.add_argument("--jobs", type=_at_least(1), default=1, help="--jobs of the timed command (with --command)")
    args = ap.parse_args()
    if args.command:
        for line in command_lines(args.command, args.jobs, args.repeat):
            print(line, flush=True)
        return
    if args.web:  # the page's logic sits above this layer (sim/web): looked up by name, only when asked
        print(importlib.import_module("sim.web.compute").latency_line(repeat=args.repeat), flush=True)
        return
    for line in lines(args.sizes, args.repeat, args.chunk, args.reference):
        print(line, flush=True)


if __name__ == "__main__":
    main()
