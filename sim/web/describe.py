"""The page's charts in words: a text equivalent of each figure, for screen readers and for reading aloud.

Each function says what its chart shows and gives the numbers it plots:
the outcome shares of the base and the change, the median front line on a
few dates with when half the wars were over, and how often and when China
entered and the armistice was signed.
"""

from __future__ import annotations

import numpy as np

from sim.output.figures import atwar
from sim.output.figures.common import as_dates
from sim.output.runs import Run
from sim.output.words import percent

FRONT_DATES = ("1950-09-01", "1950-12-01", "1951-06-01", "1952-06-01", "1953-06-01")  # the fan chart read aloud
TIMING = (("china_entry_date", "China entered"), ("armistice_date", "the armistice was signed"))


def _day(day: int) -> str:
    d = as_dates([day])[0]
    return f"{d.day} {d:%B %Y}"


def shares(rows: list[dict], titles: tuple[str, str]) -> str:
    """The outcome-shares bar chart: each outcome's share in the base and with the change."""
    items = "; ".join(f"{r['label']}: {percent(r['base'])} and {percent(r['changed'])}" for r in rows)
    return (
        f"Bar chart of the share of worlds with each outcome under '{titles[0]}' and under '{titles[1]}', "
        f"each with its 95% interval. {items}."
    )


def _front(run: Run) -> str:
    started = int(np.count_nonzero(run.columns["war_started"]))
    if not started:
        return f"{run.title}: the war started in no world."
    months = np.asarray(run.months)
    live = atwar.at_war(run, months)  # as the chart: the worlds still at war each month, none if too few
    share = live.sum(axis=0) / started
    days = [d.isoformat() for d in as_dates(months)]
    said = []
    for k in (days.index(d) for d in FRONT_DATES if d in days):
        lat = np.median(np.asarray(run.front)[live[:, k], k]) if share[k] >= atwar.MIN_SHARE else None
        said.append(f"{_day(int(months[k]))}: " + ("no front (too few wars going on)" if lat is None else f"{lat:.1f}"))
    most = np.flatnonzero(share >= 0.5)  # from the first month most wars were going on
    half = [k for k in range(most[0], len(months)) if share[k] < 0.5] if most.size else []
    end = f"half the wars were over by {_day(int(months[half[0]]))}" if half else "most wars were still going on"
    return f"{run.title}: median front (degrees north) {'; '.join(said)}; {end}."


def front(runs: tuple[Run, Run]) -> str:
    """The front-line fan chart: the median front of the worlds still at war on a few dates, per scenario."""
    return (
        "Fan chart of the front line over time (degrees north; the 38th parallel is the pre-war border), "
        "over the worlds still at war, against the historical line. " + " ".join(_front(r) for r in runs)
    )


def timing(runs: tuple[Run, Run]) -> str:
    """The timing chart: how often, and from when to when, China entered and the armistice was signed."""
    said = []
    for column, event in TIMING:
        for run in runs:
            days = np.asarray(run.columns[column])
            days = np.sort(days[days >= 0])
            when = ""
            if days.size:
                when = f", from {_day(days[0])} to {_day(days[-1])}, median {_day(int(np.median(days)))}"
            said.append(f"{run.title}: {event} in {percent(days.size / run.n)} of worlds{when}.")
    return "Cumulative chart of when China entered and when the armistice was signed. " + " ".join(said)


def charts(rows: list[dict], runs: tuple[Run, Run]) -> list[str]:
    """The three charts of a Run, in the page's order (shares, front line, timing)."""
    return [shares(rows, (runs[0].title, runs[1].title)), front(runs), timing(runs)]
