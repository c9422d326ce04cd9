"""What the page computes on Run: the base's and the changed scenario's worlds, shares and figures.

Ensembles are cached by (scenario text, worlds), so a change of intervention
simulates only the changed scenario: the base's worlds are reused. World
``i`` keeps its dice under every scenario (keyed randomness), so the two
ensembles are paired world by world. :func:`update` is exactly what the page
does on Run; ``python -m sim.bench --web`` times it with 10,000 worlds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import yaml

from sim import api
from sim.api import classroom
from sim.output.runs import Run
from sim.output.words import interval, label
from sim.web import describe
from sim.web.fixed import version

SHOWN, ENDINGS = classroom.outcome_names()  # every outcome the command line's table shows, in its order


@lru_cache(maxsize=8)
def ensemble(text: str, runs: int, version: str = ""):
    """The worlds of a scenario given as YAML text (or a scenario name), cached by the text, the number of worlds
    and ``version``: what a scenario named, or named as the text's base, depends on (``fixed.version``)."""
    sc = api.scenario(text) if "\n" in text else api.load(text)
    return api.run_scenario(sc, runs=runs)


def base_text(base: str) -> str:
    """The base scenario as the cache key: its library name."""
    return base


def ensembles(base: str, text: str, runs: int):
    """The base's and the changed scenario's worlds; a scenario that changes nothing reuses the base's."""
    doc = yaml.safe_load(text)
    stamp = version(base)  # a base the teacher edited since is simulated again, and so is the change on it
    b_ens = ensemble(base_text(base), runs, stamp)
    return b_ens, (ensemble(text, runs, stamp) if doc["interventions"] or doc.get("base") != base else b_ens)


@dataclass
class Update:
    """A Run's result: both summaries, the rows of the shares table, the prediction lines, the figures and
    each figure in words (``describe``)."""

    base: dict
    changed: dict
    rows: list[dict]
    verdicts: list[str]
    figures: list
    descriptions: list[str]
    seconds: float


def rows(base: dict, changed: dict) -> list[dict]:
    """One row per outcome or ending: label, base share, changed share and the changed share's 95% interval."""
    out = []
    for key in (*SHOWN, *ENDINGS):
        group = "shares" if key in SHOWN else "final_outcome"
        b, c = base[group][key], changed[group][key]
        lo, hi = interval(c, changed["runs"])
        out.append({"key": key, "label": label(key), "base": b, "changed": c, "low": lo, "high": hi})
    return out


def update(base: str, text: str, runs: int, figures: bool = True) -> Update:
    """Simulate (or reuse) the base and the changed scenario with ``runs`` worlds; shares and figures."""
    start = time.perf_counter()
    doc = yaml.safe_load(text)
    b_ens, c_ens = ensembles(base, text, runs)
    b_sum = classroom.share_summary(base, b_ens.columns)
    c_sum = classroom.share_summary(api.scenario(text), c_ens.columns)
    table = rows(b_sum, c_sum)
    named = ((b_ens, base, api.load(base).title), (c_ens, "changed", doc["title"]))
    figs, words = [], []
    if figures:
        figs = api.figures(*named, which=("outcome_shares", "front_fan", "timing"))
        words = describe.charts(table, tuple(Run.from_ensemble(*n) for n in named))
    lines = classroom.verdicts(api.scenario(text), c_ens.columns)
    return Update(b_sum, c_sum, table, lines, figs, words, time.perf_counter() - start)


def close(result: Update) -> None:
    """Free the figures of an old result (matplotlib keeps no global reference to them)."""
    import matplotlib.pyplot as plt

    for fig in result.figures:
        plt.close(fig)


def latency(runs: int = 10_000, repeat: int = 3) -> list[float]:
    """Seconds for the page's Run after a change of intervention: base cached, the changed scenario new.

    Each repeat toggles a different switch (so nothing changed is cached) and
    builds the three figures, as the page does.
    """
    from sim.web.choices import Choices

    settings = [("mao_12oct", "force:stop"), ("black_sea", "force:air_cover_now"), ("un_cross_38th", "force:halt")]
    times = []
    for k in range(repeat):
        point, setting = settings[k % len(settings)]
        text = Choices(switches={point: setting}, runs=runs).yaml()
        ensemble.cache_clear()
        update("baseline", Choices().yaml(), runs)  # the page has the base cached before any change
        start = time.perf_counter()
        close(update("baseline", text, runs))
        times.append(time.perf_counter() - start)
    return times


def latency_line(runs: int = 10_000, repeat: int = 3) -> str:
    """The benchmark's line: the median of :func:`latency` (``python -m sim.bench --web``)."""
    import statistics

    times = latency(runs, repeat)
    return f"web update {runs:,} worlds: median {statistics.median(times):.2f} s {[round(t, 2) for t in times]}"
