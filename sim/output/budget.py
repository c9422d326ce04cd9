"""How many worlds fit in memory: results are gathered in memory before they are written.

An ensemble holds, per world, its outcome columns, its monthly front line
and (for the commands that read them) its decision log (first and last
choice and day, and a count, per node). The bytes per world are measured
from a small ensemble's arrays, the log included; the peak is about
:data:`PEAK_FACTOR` times that (each chunk's results are copied into arrays
allocated once, and the summaries make temporaries), plus
:data:`FIXED_BYTES` for the interpreter, the libraries and one chunk's model.
A run that would not fit is refused before it starts, with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import os
import resource

from sim.output.errors import ResultsError
from sim.scenario.grammar import MAX_RUNS

PEAK_FACTOR = 1.5
FIXED_BYTES = 600 * 2**20
GENEROUS_BYTES_PER_WORLD = 16 * 1024  # an upper bound: sizes under it need no measurement


@functools.cache
def bytes_per_world() -> float:
    """Peak bytes per world of an ensemble: its arrays per world (measured) times ``PEAK_FACTOR``."""
    from sim.analysis.simulate import run_setup
    from sim.scenario import Setup

    n = 4
    ens = run_setup(Setup(), 0, n)
    arrays = [ens.front, *ens.columns.values()]
    for log in (ens.choices, ens.choice_days, ens.counts, ens.last_choices, ens.last_days):
        arrays += list(log.values())
    return PEAK_FACTOR * sum(a.nbytes for a in arrays) / n


def _meminfo_available() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _cgroup_limit() -> int | None:
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(path, encoding="ascii") as f:
                text = f.read().strip()
            if text.isdigit():
                return int(text)
        except OSError:
            continue
    return None


def available_bytes() -> int:
    """Memory this process may use: what the system has available, within cgroup and rlimit bounds."""
    limits = [_meminfo_available(), _cgroup_limit()]
    with contextlib.suppress(OSError, ValueError):
        limits.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    for which in ("RLIMIT_AS", "RLIMIT_DATA"):
        soft, _ = resource.getrlimit(getattr(resource, which))
        if soft != resource.RLIM_INFINITY:
            limits.append(soft)
    return min((x for x in limits if x), default=8 * 2**30)


def max_runs(ensembles: int = 1) -> int:
    """The most worlds per ensemble that fit, with ``ensembles`` held in memory at once."""
    room = available_bytes() - FIXED_BYTES
    return max(int(room / (ensembles * bytes_per_world())), 0)


def _size(n: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def check_runs(runs: int, ensembles: int = 1, what: str = "--runs", advice: str = "Run fewer worlds.") -> None:
    """Refuse ``runs`` worlds (times ``ensembles``) beyond a scenario's limit or the memory; ResultsError says why."""
    if runs > MAX_RUNS:
        raise ResultsError(
            f"{what} {runs:,} is more than one run may have: at most {MAX_RUNS:,} worlds, as a scenario's runs:. "
            "For more, run several seeds and pool them."
        )
    room = available_bytes() - FIXED_BYTES
    if runs * ensembles * GENEROUS_BYTES_PER_WORLD <= room:
        return
    per_world = bytes_per_world()
    need = runs * ensembles * per_world
    if need <= room:
        return
    both = f" for each of {ensembles} scenarios" if ensembles > 1 else ""
    raise ResultsError(
        f"{what} {runs:,}{both} needs about {_size(need + FIXED_BYTES)} of memory: results are held in memory "
        f"until they are written (about {_size(per_world)} per world for outcomes, monthly front lines and "
        f"decision logs), and about {_size(available_bytes())} is available, enough for about "
        f"{max_runs(ensembles):,} worlds{both}. {advice}"
    )
