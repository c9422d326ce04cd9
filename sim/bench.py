"""Benchmark: baseline worlds per second at 10^4 and 10^6 worlds, and peak memory.

    whatif bench                   # both sizes, median of repeats
    whatif bench --sizes 10000 --repeat 5
    python -m sim.bench ...        # the same, without the command line
    python -m sim.bench --web      # the classroom page's update after a change of intervention, 10,000 worlds
    python -m sim.bench --reference 2000   # also the field's reference: one world per mesa.Model, and the ratio

Prints one line per size: median wall time, worlds per second, and the
process's peak resident memory (MiB) after that size. One process, one core.
"""

from __future__ import annotations

import argparse
import importlib
import resource
import statistics
import sys
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--repeat", type=int, default=REPEAT, help="repeats per size (median reported)")
    ap.add_argument("--chunk", type=int, default=ensemble.CHUNK, help="worlds per model chunk")
    ap.add_argument("--reference", type=int, default=0, help="worlds of the one-world-per-model reference (0: skip)")
    ap.add_argument("--web", action="store_true", help="time the classroom page's Run after a change (10,000 worlds)")
    args = ap.parse_args()
    if args.web:  # the page's logic sits above this layer (sim/web): looked up by name, only when asked
        print(importlib.import_module("sim.web.compute").latency_line(repeat=args.repeat), flush=True)
        return
    for line in lines(args.sizes, args.repeat, args.chunk, args.reference):
        print(line, flush=True)


if __name__ == "__main__":
    main()
