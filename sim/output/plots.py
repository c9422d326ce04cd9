"""Figures of one or more runs: outcome shares, the front line, timing, paths and paired effects.

Every function takes plain data (:class:`Run` objects, dictionaries) and
returns a :class:`matplotlib.figure.Figure`; nothing touches ``pyplot`` or
the global backend, so importing this module is safe in a notebook (the
figures display there as usual) and in a headless script (``save`` renders
PNG with Agg, SVG and PDF with their own renderers).

>>> from sim.api import run_scenario
>>> from sim import plots
>>> base = plots.Run.from_ensemble(run_scenario("baseline", runs=2000), "baseline", "The historical baseline")
>>> fig = plots.front_fan([base])
>>> plots.save(fig, "figures", "front_line")            # figures/front_line.png
>>> plots.make_all([base, plots.load_run("results/other/20250101T000000Z")], "figures", fmt="svg")

All figures share one style (:data:`STYLE`, applied with ``rc_context``) and
one colour per scenario (:func:`scenario_colors`): the first run, the
reference, is always dark grey; the others follow the Okabe-Ito palette,
which stays distinct for the common forms of colour blindness and in
greyscale print.
"""

from __future__ import annotations

import csv
import functools
import json
import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib import dates as mdates
from matplotlib import ticker
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from sim.analysis.summary import summarize, wilson
from sim.case import history, outcomes
from sim.engine import dates

# ------------------------------------------------------------------ style
REFERENCE_COLOR = "#404040"  # the first (reference, usually baseline) scenario, in every figure
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")  # Okabe-Ito
HISTORY_COLOR = "black"

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#333333",
    "axes.linewidth": 0.8,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.7,
    "lines.linewidth": 1.8,
    "errorbar.capsize": 2.5,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.1,
    "svg.fonttype": "none",  # text stays text in SVG
    "pdf.fonttype": 42,  # TrueType in PDF (editable, embeds cleanly)
}

FORMATS = ("png", "svg", "pdf")

LABELS = {
    "war_started": "War started",
    "us_intervened": "US intervened",
    "un_sanctioned": "UN authorised the war",
    "un_crossed_38th": "UN crossed the 38th",
    "china_entered": "China entered",
    "soviet_air_war": "Soviet air war",
    "soviet_ground_troops": "Soviet ground troops sent",
    "superpower_war": "Open US-Soviet war",
    "evacuation_ordered": "Stalin ordered evacuation",
    "dprk_survives": "North Korea survives",
    "no_war": "No war",
    "dprk_unifies": "North unifies Korea",
    "rok_unifies": "South unifies Korea",
    "divided": "Divided (armistice)",
    "ongoing_at_horizon": "Still at war end of 1956",
}

# Stages of the war for ``paths``: (key, label); keys are boolean columns (or ``stage_shares`` keys).
STAGES = (
    ("war_started", "Invasion"),
    ("us_intervened", "US\nintervenes"),
    ("un_crossed_38th", "UN crosses\nthe 38th"),
    ("china_entered", "China\nenters"),
)

# Outcomes whose paired effects are shares (drawn in percentage points by ``effects``).
SHARE_OUTCOMES = (*outcomes.BOOLEAN, *outcomes.FINAL)

# Short two-line labels of the endings for ``paths``.
ENDINGS = {
    "no_war": "No war",
    "dprk_unifies": "North\nunifies",
    "rok_unifies": "South\nunifies",
    "divided": "Divided\n(armistice)",
    "ongoing_at_horizon": "Still at war\nend of 1956",
}

# Key points of the historical front annotated on ``front_fan``: date -> label.
KEY_EVENTS = {
    "1950-08-04": "Pusan perimeter",
    "1950-11-21": "Deepest UN advance\n(the Yalu)",
    "1951-01-04": "Seoul lost again",
    "1953-07-27": "Armistice signed",
}

# Places on the right-hand axis of ``front_fan`` (degrees north).
PLACES = {"Pusan": 35.1, "Taejon": 36.35, "Seoul": 37.57, "38th parallel": 38.0, "Pyongyang": 39.03, "Yalu": 40.6}

HISTORICAL_ENTRY = "1950-10-19"  # CPV crosses the Yalu
HISTORICAL_ARMISTICE = "1953-07-27"


def label(name: str) -> str:
    """Plain-words label of an outcome column or final-outcome category."""
    return LABELS.get(name, name.replace("_", " ").capitalize())


def scenario_colors(n: int) -> list[str]:
    """Colours of ``n`` scenarios in order: the reference grey first, then Okabe-Ito."""
    return [REFERENCE_COLOR] + [PALETTE[i % len(PALETTE)] for i in range(max(n - 1, 0))]


def styled(func):
    """Run a figure function inside the shared style."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(STYLE):
            return func(*args, **kwargs)

    return wrapper


# ------------------------------------------------------------------ data
@dataclass
class Run:
    """One scenario's results, as read from a results folder or built from an ensemble.

    Attributes:
        title: the scenario's one-line title (shown on figures).
        name: the scenario's short name.
        columns: outcome name -> array over worlds; booleans as bool, dates as
            day numbers (-1 = never), ``final_outcome`` as index into
            ``sim.outcomes.FINAL``.
        front: (worlds, months) float32, front latitude on the 1st of each month.
        months: day numbers of those months.
        summary: the ``whatif run --json`` summary.
        manifest: the run's manifest (from an ensemble: scenario, title, seed, runs).
    """

    title: str
    name: str
    columns: dict[str, np.ndarray]
    front: np.ndarray
    months: np.ndarray
    summary: dict = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        """Number of worlds."""
        if "world" in self.columns:
            return len(self.columns["world"])
        return int(self.front.shape[0])

    @classmethod
    def from_ensemble(cls, ensemble, name: str, title: str) -> Run:
        """A run from a ``sim.ensemble.Ensemble`` in memory (nothing is written)."""
        columns = dict(ensemble.columns)
        return cls(
            title=title,
            name=name,
            columns=columns,
            front=np.asarray(ensemble.front, dtype=np.float32),
            months=np.asarray(ensemble.months),
            summary=summarize(ensemble.columns, name, ensemble.seed),
            manifest={
                "scenario": name,
                "title": title,
                "seed": ensemble.seed,
                "runs": ensemble.runs,
                "first_world": ensemble.first_world,
            },
        )


def _column(path: Path, name: str, values: list[str]) -> np.ndarray:
    """One column of ``outcomes.csv`` as a typed array."""
    try:
        if name in outcomes.DATES:
            return np.array([dates.day(v) if v else dates.NEVER for v in values], dtype=np.int32)
        if name == "final_outcome":
            return np.array([outcomes.FINAL.index(v) for v in values], dtype=np.int8)
        if name in outcomes.BOOLEAN or (values and set(values) <= {"True", "False"}):
            return np.array([{"True": True, "False": False}[v] for v in values], dtype=bool)
        if name in outcomes.NUMBERS:
            return np.array([float(v) if v else np.nan for v in values], dtype=float)
        try:
            return np.array([int(v) for v in values], dtype=np.int64)
        except ValueError:
            return np.array([float(v) if v else np.nan for v in values], dtype=float)
    except (KeyError, ValueError) as exc:
        raise ValueError(f"{path}: column '{name}' has a value that cannot be read ({exc}).") from None


def read_outcomes(path: str | Path) -> dict[str, np.ndarray]:
    """The columns of an ``outcomes.csv`` (types as in :class:`Run`)."""
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    cells = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    return {name: _column(path, name, list(values)) for name, values in zip(header, cells, strict=True)}


def read_parquet(path: str | Path) -> dict[str, np.ndarray]:
    """The columns of an ``outcomes.parquet`` (needs pyarrow; types as in :class:`Run`)."""
    import pyarrow.parquet as pq

    path = Path(path)
    table = pq.read_table(path)
    out = {}
    for name in table.column_names:
        values = table.column(name).to_pylist()
        if name in outcomes.DATES or name == "final_outcome":
            out[name] = _column(path, name, [v or "" for v in values])
        else:
            out[name] = np.asarray(values)
    return out


def load_run(folder: str | Path) -> Run:
    """A results folder (``whatif run`` output, see results/README.md) as a :class:`Run`."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    parquet = folder / "outcomes.parquet"
    columns = read_parquet(parquet) if parquet.exists() else read_outcomes(folder / "outcomes.csv")
    name = manifest.get("scenario") or folder.name
    summary_path = folder / "summary.json"
    if summary_path.exists():
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    else:
        summary = summarize(columns, name, int(manifest.get("seed", 0)))
    return Run(
        title=manifest.get("title") or name,
        name=name,
        columns=columns,
        front=np.load(folder / "front.npy").astype(np.float32, copy=False),
        months=np.load(folder / "front_months.npy"),
        summary=summary,
        manifest=manifest,
    )


def historical_events() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(day numbers, latitudes, event labels) of the shipped historical front line."""
    days, lats, events = history.front_line()
    return days, lats, list(events)


def _as_dates(days) -> np.ndarray:
    """Day numbers -> an array of ``datetime.date`` (what matplotlib's date axis takes)."""
    return np.array([dates.date(int(d)) for d in np.atleast_1d(days)], dtype=object)


def _share(successes: int, n: int) -> tuple[float, float, float]:
    """(share, low, high) of a binomial count, with its 95% Wilson interval."""
    lo, hi = wilson(int(successes), int(n))
    return (successes / n if n else 0.0), lo, hi


def _pct(value: float) -> str:
    """A share (0-1) as a short percentage label."""
    p = 100 * value
    if p == 0 or p == 100:
        return f"{p:.0f}%"
    if p < 1:
        return "<1%"
    if p > 99:
        return ">99%"
    return f"{p:.0f}%"


def _titles(runs: Sequence[Run]) -> list[str]:
    """Legend titles; the first run is marked as the reference when there are several."""
    return [r.title + (" (reference)" if i == 0 and len(runs) > 1 else "") for i, r in enumerate(runs)]


def _check(runs: Sequence[Run]) -> list[Run]:
    runs = list(runs)
    if not runs:
        raise ValueError("no runs to plot: give at least one Run.")
    return runs


def _percent_axis(axis) -> None:
    axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:.0f}"))


# ------------------------------------------------------------------ 1. outcome shares
@styled
def outcome_shares(runs: Sequence[Run], values: bool | None = None) -> Figure:
    """Share of worlds with each outcome, per scenario, with 95% Wilson intervals.

    Top panel: the boolean outcomes (``sim.outcomes.BOOLEAN``); bottom panel:
    how the war ended (``sim.outcomes.FINAL``). Bars are grouped per
    outcome, one colour per scenario; the first run is the reference.
    ``values`` writes each share beside its bar (default: up to 3 scenarios).
    """
    runs = _check(runs)
    k, colors, titles = len(runs), scenario_colors(len(runs)), _titles(runs)
    values = k <= 3 if values is None else values
    panels = [
        ("What happened (share of all worlds)", list(outcomes.BOOLEAN)),
        ("How the war ended (share of all worlds)", list(outcomes.FINAL)),
    ]
    row = 0.24 + 0.2 * k  # inches per outcome row
    fig = Figure(figsize=(9.0, 1.6 + row * sum(len(keys) for _, keys in panels)), layout="constrained")
    grid = fig.add_gridspec(2, 1, height_ratios=[len(keys) for _, keys in panels])
    height = 0.8 / k
    first = None
    for p, (panel_title, keys) in enumerate(panels):
        ax = fig.add_subplot(grid[p], sharex=first)
        first = first or ax
        for j, (run, color, title) in enumerate(zip(runs, colors, titles, strict=True)):
            if p == 0:
                counts = [int(np.count_nonzero(run.columns[key])) for key in keys]
            else:
                final = run.columns["final_outcome"]
                counts = [int(np.count_nonzero(final == i)) for i in range(len(keys))]
            stats = np.array([_share(c, run.n) for c in counts]) * 100
            y = np.arange(len(keys)) + (j - (k - 1) / 2) * height
            ax.barh(
                y,
                stats[:, 0],
                height=height * 0.9,
                color=color,
                label=f"{title}, {run.n:,} worlds",
                xerr=np.clip([stats[:, 0] - stats[:, 1], stats[:, 2] - stats[:, 0]], 0, None),
                error_kw={"ecolor": "black", "elinewidth": 0.9, "capsize": 2.5, "capthick": 0.9},
            )
            if values:
                for yy, (share, _, hi) in zip(y, stats, strict=True):
                    ax.text(hi + 1.2, yy, _pct(share / 100), va="center", ha="left", fontsize=10, color="#222222")
        ax.set_yticks(np.arange(len(keys)), [label(key) for key in keys])
        ax.set_ylim(len(keys) - 0.5, -0.5)  # first outcome on top
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.set_title(panel_title)
        ax.set_xlim(0, 112 if values else 100)
        ax.set_xticks(np.arange(0, 101, 20))
        _percent_axis(ax.xaxis)
    ax.set_xlabel("share of worlds (%); bars show 95% intervals")
    handles, labels = first.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=1 if k > 2 else k)
    fig.suptitle("Outcomes of the simulated worlds" if k == 1 else "Outcomes of the simulated worlds, by scenario")
    return fig


# ------------------------------------------------------------------ 2. front line fan
def _front_percentiles(run: Run, war_only: bool, keep: np.ndarray) -> np.ndarray | None:
    """(5 quantiles, months) of the front over worlds, or None if no world qualifies."""
    front = np.asarray(run.front, dtype=float)[:, keep]
    if war_only and "war_started" in run.columns:
        front = front[np.asarray(run.columns["war_started"], dtype=bool)]
    if front.shape[0] == 0:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN months stay NaN
        return np.nanpercentile(front, [5, 25, 50, 75, 95], axis=0)


@styled
def front_fan(
    runs: Sequence[Run],
    start: str = "1950-06-01",
    end: str = "1954-12-31",
    war_only: bool = True,
    annotate: bool = True,
) -> Figure:
    """The front line over time: median and middle 50% / 90% of worlds, one panel per scenario.

    Each panel shows one scenario (the first is the reference; its median is
    repeated as a thin grey line in the other panels for comparison) and the
    historical front line (dashed black, dated points as markers). With
    ``war_only`` the bands are over the worlds where the war started.
    Key historical points are annotated in the first panel only.
    """
    runs = _check(runs)
    k, colors, titles = len(runs), scenario_colors(len(runs)), _titles(runs)
    lo_day, hi_day = dates.day(start), dates.day(end)
    h_days, h_lats, _ = historical_events()
    h_keep = (h_days >= lo_day) & (h_days <= hi_day)
    h_x, h_y = _as_dates(h_days[h_keep]), h_lats[h_keep]

    fig = Figure(figsize=(10.0, 1.5 + 3.3 * k), layout="constrained")
    axes = fig.subplots(k, 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    reference = None
    for i, (ax, run, color, title) in enumerate(zip(axes, runs, colors, titles, strict=True)):
        months = np.asarray(run.months)
        keep = (months >= lo_day - 31) & (months <= hi_day + 31)
        x = _as_dates(months[keep])
        q = _front_percentiles(run, war_only, keep)
        worlds = (
            int(np.count_nonzero(run.columns["war_started"])) if war_only and "war_started" in run.columns else run.n
        )
        ax.axhline(38.0, color="#888888", lw=1.0, ls=(0, (6, 3)), zorder=1)
        if q is not None:
            ax.fill_between(x, q[0], q[4], color=color, alpha=0.18, lw=0, zorder=2)
            ax.fill_between(x, q[1], q[3], color=color, alpha=0.38, lw=0, zorder=3)
            ax.plot(x, q[2], color=color, lw=2.4, zorder=5, label=f"{title}: median")
            if i == 0:
                reference = (x, q[2])
        else:
            ax.text(
                0.5,
                0.12,
                "No world where the war started: no front line to show.",
                transform=ax.transAxes,
                ha="center",
                va="center",
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": color},
            )
        if i > 0 and reference is not None:
            ax.plot(*reference, color=REFERENCE_COLOR, lw=1.2, alpha=0.9, zorder=4)
        ax.plot(h_x, h_y, color=HISTORY_COLOR, ls="--", lw=1.3, marker="o", ms=3.5, zorder=6)
        which = "worlds where the war started" if war_only else "worlds"
        ax.set_title(f"{title}  ({worlds:,} {which})", color="#111111")
        ax.set_ylabel("front line (degrees north)")
        places = ax.secondary_yaxis("right")
        places.set_yticks(list(PLACES.values()), list(PLACES))
        places.tick_params(axis="y", length=3, labelsize=10, colors="#444444")
        ax.grid(axis="x", which="major", visible=True)
        if i == 0 and annotate:
            _annotate_history(ax)
    ax = axes[-1]
    ax.set_ylim(34.6, 41.8)
    ax.set_xlim(dates.date(lo_day), dates.date(hi_day))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))

    handles = [Line2D([], [], color=c, lw=2.4) for c in colors]
    labels = [f"{t}: median of worlds" for t in titles]
    if k > 1:
        labels[0] += " (thin line in the other panels)"
    handles += [
        Patch(color=REFERENCE_COLOR, alpha=0.38 + 0.18 * (1 - 0.38), lw=0),
        Patch(color=REFERENCE_COLOR, alpha=0.18, lw=0),
        Line2D([], [], color=HISTORY_COLOR, ls="--", lw=1.3, marker="o", ms=3.5),
        Line2D([], [], color="#888888", lw=1.0, ls=(0, (6, 3))),
    ]
    labels += [
        "middle 50% of worlds (darker band)",
        "middle 90% of worlds (lighter band)",
        "historical front line (dated points)",
        "38th parallel",
    ]
    fig.legend(handles, labels, loc="outside lower center", ncols=2)
    fig.suptitle("Front line over time: simulated worlds against the historical line")
    return fig


def _annotate_history(ax) -> None:
    """Label a few points of the historical line, with short leader lines into clear space."""
    h_days, h_lats, _ = historical_events()
    offsets = {  # label offsets in points (dx, dy) and alignment, chosen to stay off the bands
        "1950-08-04": ((30, -30), "left"),
        "1950-11-21": ((26, 26), "left"),
        "1951-01-04": ((22, -34), "left"),
        "1953-07-27": ((0, 34), "center"),
    }
    for iso_date, text in KEY_EVENTS.items():
        at = np.flatnonzero(h_days == dates.day(iso_date))
        if not at.size:
            continue
        (dx, dy), ha = offsets[iso_date]
        ax.annotate(
            text,
            xy=(dates.date(int(h_days[at[0]])), float(h_lats[at[0]])),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=10,
            color="#111111",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": "#111111", "lw": 0.8, "shrinkA": 0, "shrinkB": 3},
            zorder=8,
        )


# ------------------------------------------------------------------ 3. timing
def _ecdf_points(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Step points of an empirical CDF (in %) of day numbers."""
    x = np.sort(days)
    y = np.arange(1, len(x) + 1) / len(x) * 100
    return np.concatenate([x[:1], x]), np.concatenate([[0.0], y])


@styled
def timing(runs: Sequence[Run]) -> Figure:
    """When China entered and when the armistice was signed: ECDFs per scenario.

    Each curve is over the worlds where the event happened; the legend says
    in what share of all worlds that was. The historical dates are dashed
    vertical lines.
    """
    runs = _check(runs)
    colors, titles = scenario_colors(len(runs)), _titles(runs)
    panels = [
        ("china_entry_date", "When Chinese troops entered Korea", "China entered", HISTORICAL_ENTRY),
        ("armistice_date", "When the armistice was signed", "armistice", HISTORICAL_ARMISTICE),
    ]
    fig = Figure(figsize=(10.0, 8.4 + 0.5 * len(runs)), layout="constrained")
    axes = fig.subplots(2, 1)
    for ax, (column, panel_title, event, historical) in zip(axes, panels, strict=True):
        spans = [dates.day(historical)]
        for i, (run, color, title) in enumerate(zip(runs, colors, titles, strict=True)):
            # the reference is drawn thinner and on top, so a scenario identical to it shows both colours
            width, z = (1.6, 4) if i == 0 and len(runs) > 1 else (2.6, 3)
            days = np.asarray(run.columns[column])
            days = days[days >= 0]
            share = _pct(days.size / run.n if run.n else 0)
            text = f"{title}: {event} in {share} of worlds ({days.size:,} of {run.n:,})"
            if days.size:
                x, y = _ecdf_points(days)
                ax.step(_as_dates(x), y, where="post", color=color, lw=width, zorder=z, label=text)
                spans += [int(days.min()), int(days.max())]
            else:
                ax.plot([], [], color=color, lw=width, label=text)
        h = dates.day(historical)
        ax.axvline(dates.date(h), color=HISTORY_COLOR, ls="--", lw=1.3, zorder=1)
        ax.text(
            dates.date(h),
            1.015,
            f"historical: {dates.date(h):%d %b %Y}",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=10,
        )
        lo, hi = min(spans), max(spans)
        pad = max(0.06 * (hi - lo), 45)
        ax.set_xlim(dates.date(int(lo - pad)), dates.date(int(hi + pad)))
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=6))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.set_title(panel_title, pad=22)
        ax.set_xlabel("date")
        ax.set_ylim(0, 102)
        ax.set_ylabel("cumulative share of\nthose worlds (%)")
        ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.17), ncols=1)
    fig.suptitle("Timing of Chinese entry and of the armistice, in the worlds where each happened")
    return fig


# ------------------------------------------------------------------ 4. paths
def _stage_share(run: Run, key: str, stage_shares: dict | None) -> float | None:
    override = (stage_shares or {}).get(run.name, {})
    if key in override:
        return float(override[key])
    if key in run.columns:
        return float(np.count_nonzero(run.columns[key])) / run.n if run.n else 0.0
    return None


@styled
def paths(runs: Sequence[Run], stage_shares: dict[str, dict[str, float]] | None = None) -> Figure:
    """How worlds flow through the stages of the war, and how it ended: shares of all worlds.

    One bar group per stage (invasion, US intervention, UN crosses the 38th,
    China enters) and per ending, one bar per scenario. ``stage_shares``
    (scenario name -> stage key -> share) overrides or supplies a stage's
    share; "UN crosses the 38th" is shown when some run has a ``un_crossed_38th``
    column or an override for it, and left out otherwise.
    """
    runs = _check(runs)
    k, colors, titles = len(runs), scenario_colors(len(runs)), _titles(runs)
    stages = [
        (key, text) for key, text in STAGES if any(_stage_share(run, key, stage_shares) is not None for run in runs)
    ]
    endings = [(name, ENDINGS.get(name, label(name))) for name in outcomes.FINAL]
    groups = len(stages) + len(endings)
    gap = 0.6  # extra space between the stages and the endings
    centres = np.concatenate([np.arange(len(stages)), np.arange(len(endings)) + len(stages) + gap])
    width = 0.82 / k

    fig = Figure(figsize=(max(10.0, 1.0 + groups * (0.55 + 0.22 * k)), 5.6), layout="constrained")
    ax = fig.add_subplot()
    for j, (run, color, title) in enumerate(zip(runs, colors, titles, strict=True)):
        shares = [_stage_share(run, key, stage_shares) for key, _ in stages]
        final = np.asarray(run.columns["final_outcome"])
        shares += [float(np.count_nonzero(final == i)) / run.n if run.n else 0.0 for i in range(len(endings))]
        x = centres + (j - (k - 1) / 2) * width
        heights = [100 * s if s is not None else 0.0 for s in shares]
        bars = ax.bar(x, heights, width=width * 0.92, color=color, label=title)
        for bar, s in zip(bars, shares, strict=True):
            text = "n/a" if s is None else _pct(s)
            ax.annotate(
                text,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=10,
                rotation=90 if k > 1 else 0,
            )
    ax.set_xticks(centres, [text for _, text in stages] + [text for _, text in endings])
    ax.tick_params(axis="x", length=0)
    ax.grid(axis="x", visible=False)
    ax.set_ylim(0, 118 if k > 1 else 110)
    ax.set_yticks(np.arange(0, 101, 20))
    _percent_axis(ax.yaxis)
    ax.set_ylabel("share of all worlds (%)")
    split = len(stages) - 0.5 + gap / 2
    ax.axvline(split, color="#999999", lw=1.0)
    ax.set_xlim(centres[0] - 0.6, centres[-1] + 0.6)
    trans = ax.get_xaxis_transform()
    ax.text(centres[0] - 0.5, 1.02, "Stages the worlds pass through  →", transform=trans, ha="left", va="bottom")
    ax.text(split + 0.1, 1.02, "How the war ended", transform=trans, ha="left", va="bottom")
    fig.legend(loc="outside lower center", ncols=1 if k > 2 else k)
    fig.suptitle("Paths of the worlds: share reaching each stage of the war, and each ending")
    return fig


# ------------------------------------------------------------------ 5. paired effects
@styled
def effects(
    effects: dict[str, dict[str, dict]],
    titles: dict[str, str],
    colors: dict[str, str] | None = None,
    rows: Sequence[str] | None = None,
) -> Figure:
    """Forest plot of paired effects against the baseline, with 95% intervals.

    ``effects`` maps scenario name -> outcome name -> ``{"diff": d, "ci": [lo, hi]}``
    with shares in [-1, 1] (drawn as percentage points); ``titles`` maps
    scenario names to titles. Colours default to the order of ``effects``
    after the reference grey, as when the runs are [baseline, *scenarios].

    ``rows`` chooses the outcomes (in order). By default: every share
    outcome present (booleans, ``un_crossed_38th``, final-outcome categories),
    leaving out outcomes that no scenario changed in any world (named in a
    note above the plot) and entries that are not shares (``war_months``).
    """
    names = list(effects)
    if not names:
        raise ValueError("no effects to plot.")
    default = scenario_colors(len(names) + 1)[1:]
    colors = {name: (colors or {}).get(name, default[i]) for i, name in enumerate(names)}
    unchanged: list[str] = []
    if rows is None:
        present = [o for o in SHARE_OUTCOMES if any(o in effects[name] for name in names)]
        unchanged = [o for o in present if all(_no_effect(effects[name].get(o)) for name in names)]
        rows = [o for o in present if o not in unchanged]
    rows = list(rows)
    k = len(names)
    step = 0.7 / k if k > 1 else 0.0

    fig = Figure(figsize=(9.0, 2.2 + max(len(rows), 1) * (0.3 + 0.1 * k) + 0.25 * k), layout="constrained")
    ax = fig.add_subplot()
    if unchanged:
        note = "Not shown (no world changed): " + ", ".join(label(o) for o in unchanged) + "."
        ax.set_title(textwrap.fill(note, 95), fontsize=10, color="#444444")
    if not rows:
        ax.text(
            0.5,
            0.5,
            "No share outcome changed in any world.",
            transform=ax.transAxes,
            ha="center",
            va="center",
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#999999"},
            zorder=5,
        )
    for r in range(0, len(rows), 2):
        ax.axhspan(r - 0.5, r + 0.5, color="#f2f2f2", lw=0, zorder=0)
    lows, highs = [0.0], [0.0]
    for j, name in enumerate(names):
        ys, xs, err = [], [], [[], []]
        for r, outcome in enumerate(rows):
            effect = effects[name].get(outcome)
            if effect is None:
                continue
            d = 100 * float(effect["diff"])
            lo, hi = (100 * float(v) for v in effect.get("ci", (effect["diff"], effect["diff"])))
            ys.append(r + (j - (k - 1) / 2) * step)
            xs.append(d)
            err[0].append(max(d - lo, 0.0))
            err[1].append(max(hi - d, 0.0))
            lows.append(lo)
            highs.append(hi)
        ax.errorbar(
            xs,
            ys,
            xerr=err,
            fmt="o",
            ms=6,
            color=colors[name],
            ecolor=colors[name],
            elinewidth=1.8,
            capsize=3,
            label=titles.get(name, name),
            zorder=3,
        )
    ax.axvline(0, color="black", lw=1.0, zorder=2)
    ax.set_yticks(np.arange(len(rows)), [label(o) for o in rows])
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    span = max(max(highs) - min(lows), 2.0)
    ax.set_xlim(min(lows) - 0.06 * span, max(highs) + 0.06 * span)
    ax.xaxis.set_major_formatter(
        ticker.FuncFormatter(lambda v, _: f"{v:+g}".replace("-", "\u2212") if abs(v) > 1e-9 else "0")
    )
    ax.set_xlabel("paired effect vs. baseline (percentage points)")
    fig.legend(loc="outside lower center", ncols=1 if k > 2 else k)
    fig.suptitle("Paired effects against the baseline, with 95% intervals")
    return fig


def _no_effect(effect: dict | None) -> bool:
    """True if an effect is absent or exactly zero with a zero-width interval (no world changed)."""
    if effect is None:
        return True
    values = [effect["diff"], *effect.get("ci", ())]
    return all(float(v) == 0.0 for v in values)


_effects_figure = effects  # ``make_all`` takes a parameter of the same name


# ------------------------------------------------------------------ output
def save(fig: Figure, folder: str | Path, name: str, fmt: str = "png") -> Path:
    """Write ``<folder>/<name>.<fmt>`` (png at 150 dpi, svg or pdf); returns the path."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format '{fmt}'. Valid choices: {', '.join(FORMATS)}.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.{fmt}"
    metadata = {"png": {"Software": "korea-whatif"}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with mpl.rc_context(STYLE):
        fig.savefig(path, format=fmt, dpi=150, metadata=metadata)
    return path


def make_all(
    runs: Sequence[Run],
    folder: str | Path,
    fmt: str = "png",
    effects: dict[str, dict[str, dict]] | None = None,
    stage_shares: dict[str, dict[str, float]] | None = None,
) -> list[Path]:
    """Write every figure of ``runs`` to ``folder``; returns the paths written.

    Files: ``outcome_shares``, ``front_line``, ``timing``, ``paths`` and,
    when paired ``effects`` are given, ``effects``.
    """
    runs = _check(runs)
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format '{fmt}'. Valid choices: {', '.join(FORMATS)}.")
    makers = [
        ("outcome_shares", lambda: outcome_shares(runs)),
        ("front_line", lambda: front_fan(runs)),
        ("timing", lambda: timing(runs)),
        ("paths", lambda: paths(runs, stage_shares)),
    ]
    if effects:
        titles = {run.name: run.title for run in runs}
        palette = dict(zip((run.name for run in runs), scenario_colors(len(runs)), strict=True))
        makers.append(("effects", lambda: _effects_figure(effects, titles, palette)))
    written = []
    for name, make in makers:
        fig = make()
        try:
            written.append(save(fig, folder, name, fmt))
        finally:
            fig.clear()  # no pyplot: clearing and dropping the figure frees it
    return written


__all__ = [
    "LABELS",
    "STYLE",
    "Run",
    "effects",
    "front_fan",
    "historical_events",
    "label",
    "load_run",
    "make_all",
    "outcome_shares",
    "paths",
    "read_outcomes",
    "save",
    "scenario_colors",
    "timing",
]
