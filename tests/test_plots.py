"""Figures of sim.output.figures: structure (axes, series, labels, legends), the loader and the files written.

Checks what a reader relies on (titles, axis labels, legend entries, one
series per scenario), not pixels.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from sim.analysis.summary import summarize
from sim.api import run_scenario
from sim.case import outcomes
from sim.engine import dates
from sim.output import figures as plots
from sim.output import kinds
from sim.output.figures import common
from sim.output.results import write_run
from sim.output.runs import Run, load_run, read_outcomes
from sim.output.tables import file_sha256

N = 300
BASE_TITLE = "The historical baseline"
OTHER_TITLE = "Another draw of the dice (seed 7)"


@pytest.fixture(scope="module")
def base_ensemble():
    return run_scenario("baseline", runs=N)


@pytest.fixture(scope="module")
def runs(base_ensemble):
    base = Run.from_ensemble(base_ensemble, "baseline", BASE_TITLE)
    other = Run.from_ensemble(run_scenario("baseline", runs=N, seed=7), "other", OTHER_TITLE)
    return [base, other]


@pytest.fixture(params=[1, 2], ids=["one", "two"])
def some(request, runs):
    return runs[: request.param]


def legend_texts(legend) -> list[str]:
    return [t.get_text() for t in legend.get_texts()]


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def bars(ax) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


# ------------------------------------------------------------------ runs and loading
def test_run_from_ensemble(runs, base_ensemble):
    base = runs[0]
    assert (base.name, base.title, base.n) == ("baseline", BASE_TITLE, N)
    assert base.front.shape == (N, len(base.months)) and base.front.dtype == np.float32
    assert base.summary == summarize(base_ensemble.columns, "baseline", base_ensemble.seed)
    assert base.manifest["title"] == BASE_TITLE
    assert base.columns["un_crossed_38th"].dtype == bool  # an outcome column
    assert base.columns["un_crossed_38th"].sum() <= base.columns["war_started"].sum()


def test_load_run_reads_a_results_folder(tmp_path, base_ensemble):
    from sim.scenario import load

    scenario = load("baseline")
    summary = summarize(base_ensemble.columns, scenario.name, base_ensemble.seed)
    folder = write_run(tmp_path / "run", scenario, base_ensemble, summary, 1.0)
    run = load_run(folder)
    assert run.title == scenario.title and run.name == scenario.name
    assert run.summary == summary and run.manifest["seed"] == base_ensemble.seed
    assert set(run.columns) == set(outcomes.COLUMNS)
    for name in outcomes.BOOLEAN:
        assert run.columns[name].dtype == bool
        np.testing.assert_array_equal(run.columns[name], base_ensemble.columns[name])
    for name in outcomes.DATES:
        np.testing.assert_array_equal(run.columns[name], base_ensemble.columns[name])
        assert (run.columns[name] == dates.NEVER).any() or (run.columns[name] >= 0).all()
    np.testing.assert_array_equal(run.columns["final_outcome"], base_ensemble.columns["final_outcome"])
    np.testing.assert_array_equal(run.columns["world"], np.arange(N))
    for name in outcomes.NUMBERS:
        np.testing.assert_allclose(run.columns[name], base_ensemble.columns[name], rtol=1e-5, atol=1e-3)
    np.testing.assert_array_equal(run.front, base_ensemble.front)
    np.testing.assert_array_equal(run.months, base_ensemble.months)
    # the UN-crossing stage is an outcome column, so a loaded run shows all four stages
    assert len(bars(plots.paths([run]).axes[0])[0]) == len(outcomes.FINAL) + 4


def test_read_outcomes_refuses_a_bad_value(tmp_path):
    path = tmp_path / "outcomes.csv"
    path.write_text("world,war_started,final_outcome\n0,True,divided\n1,maybe,divided\n")
    with pytest.raises(ValueError, match="war_started"):
        read_outcomes(path)
    path.write_text("world,war_started,final_outcome\n0,True,divided\n1,False,stalemate\n")
    with pytest.raises(ValueError, match="final_outcome"):
        read_outcomes(path)


# ------------------------------------------------------------------ style
def test_no_pyplot_and_no_backend_switch():
    """Figures are plain Figure objects: safe to import in a notebook or a headless run."""
    for path in Path(plots.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert all("pyplot" not in alias.name for alias in node.names), path
            if isinstance(node, ast.ImportFrom):
                assert "pyplot" not in (node.module or "") and all(a.name != "pyplot" for a in node.names), path
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr != "use", f"{path}: figures must not switch the matplotlib backend"


def test_results_never_import_figures():
    """Figures read results; the writer and readers of results folders never import figures."""
    output = Path(plots.__file__).parent.parent
    for path in output.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = list(ast.walk(tree))
        names = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
        names += [f"{n.module}.{a.name}" for n in nodes if isinstance(n, ast.ImportFrom) and n.module for a in n.names]
        assert not [m for m in names if "figures" in m], f"{path.name} imports figures"


def test_colours_reference_first_and_colour_blind_safe():
    colors = plots.scenario_colors(4)
    assert colors[0] == plots.REFERENCE_COLOR
    assert len(set(colors)) == 4 and set(colors[1:]) <= set(plots.PALETTE)
    assert len(set(plots.scenario_colors(13))) == 13  # all the library's scenarios at once
    assert all(size >= 10 for key, size in plots.STYLE.items() if key.endswith("size") and isinstance(size, int))


# ------------------------------------------------------------------ 1. outcome shares
def test_outcome_shares(some):
    fig = plots.outcome_shares(some)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 2
    booleans, final = fig.axes
    for ax, keys in ((booleans, outcomes.BOOLEAN), (final, outcomes.FINAL)):
        containers = bars(ax)
        assert len(containers) == len(some)
        assert all(len(c) == len(keys) for c in containers)
        assert all(c.errorbar is not None for c in containers)  # 95% intervals
        assert [t.get_text() for t in ax.get_yticklabels()] == [plots.label(k) for k in keys]
    assert "China entered" in [t.get_text() for t in booleans.get_yticklabels()]
    assert "South unifies Korea" in [t.get_text() for t in final.get_yticklabels()]
    assert "%" in final.get_xlabel()
    assert "How the war ended" in final.get_title(loc="left")
    legend = legend_texts(fig.legends[0])
    assert len(legend) == len(some)
    for run, entry in zip(some, legend, strict=True):
        assert run.title in entry
    # bar lengths are the shares in percent
    china = bars(booleans)[0][list(outcomes.BOOLEAN).index("china_entered")].get_width()
    assert china == pytest.approx(100 * some[0].columns["china_entered"].mean())


# ------------------------------------------------------------------ 2. front line
def panels(fig) -> list:
    return [ax for ax in fig.axes if ax.get_ylabel() == "front line (degrees north)"]


def strips(fig) -> list:
    return [ax for ax in fig.axes if "still at" in ax.get_ylabel()]


def band_end(ax) -> float:
    """The last x (a matplotlib date number) any band of the panel reaches."""
    return max(p.vertices[:, 0].max() for c in ax.collections for p in c.get_paths())


def test_front_fan(some):
    fig = plots.front_fan(some)
    assert len(panels(fig)) == len(strips(fig)) == len(some) == len(fig.axes) // 2
    h_days, _, _ = plots.historical_events()
    for i, (ax, run) in enumerate(zip(panels(fig), some, strict=True)):
        assert run.title in ax.get_title(loc="left")
        assert len(ax.collections) == 2  # the 50% and 90% bands
        historical = [line for line in ax.lines if line.get_marker() == "o"]
        assert len(historical) == 1 and len(historical[0].get_xdata()) == len(h_days)
        assert historical[0].get_linestyle() == "--" and historical[0].get_color() == "black"
        # median, the two edges of the 50% band, history (+ the reference median in the other panels)
        assert len([line for line in ax.lines if len(line.get_xdata()) > 2]) == (4 if i == 0 else 5)
        places = [t.get_text() for t in ax.child_axes[0].get_yticklabels()]
        assert "38th parallel" in places and "Seoul" in places
        assert 38.0 in [line.get_ydata()[0] for line in ax.lines if len(line.get_ydata()) == 2]
    first = texts(panels(fig)[0])
    for event in ("Pusan perimeter", "Seoul lost again", "Armistice signed", "Deepest UN advance"):
        assert any(event in t for t in first), event
    assert all(not texts(ax) for ax in panels(fig)[1:])  # annotations only once
    lo, _ = (mdates.num2date(x).date() for x in fig.axes[0].get_xlim())
    assert lo == dt.date(1950, 6, 1)
    legend = legend_texts(fig.legends[0])
    for run in some:
        assert any(run.title in entry for entry in legend)
    assert "historical front line (dated points)" in legend


def test_the_yalu_callout_and_tick_agree():
    """A callout naming a place points where that place's tick is: the deepest advance names no place."""
    assert all("Yalu" not in text for text in plots.style.KEY_EVENTS.values())
    assert any(name.startswith("Yalu") for name in plots.style.PLACES)


def ended_by(run: Run, day: str, share: float = 1.0) -> Run:
    """The same worlds, with ``share`` of the wars ended on ``day`` and the rest ended on 1953-07-27."""
    c = dict(run.columns)
    end = np.full(run.n, dates.day("1953-07-27"), np.int32)
    end[: int(share * run.n)] = dates.day(day)
    c["war_end_date"] = np.where(c["war_started"], end, dates.NEVER).astype(np.int32)
    return Run(title=f"ended {day}", name="ended", columns=c, front=run.front, months=run.months)


def test_the_band_ends_where_the_worlds_wars_end(runs):
    early = ended_by(runs[0], "1951-06-01")
    fig = plots.front_fan([runs[0], early])
    base, other = panels(fig)
    # the band's last month is the last first-of-month on which those wars were still going
    assert band_end(other) == pytest.approx(mdates.date2num(dt.date(1951, 5, 1)))
    assert band_end(base) > band_end(other) + 365
    # the strip: the share still at war drops to zero, and the median end is marked where the wars ended
    share = strips(fig)[1].lines[0].get_ydata()
    assert share.max() > 90 and share[-1] == 0
    assert any("half the wars over by Jun 1951" in t for t in texts(strips(fig)[1]))
    # the default span ends a few months after the last war (at least at the end of 1953)
    end = mdates.num2date(fig.axes[0].get_xlim()[1]).date()
    assert dt.date(1953, 12, 31) <= end <= dt.date(1954, 3, 31)


def test_the_band_fades_with_the_share_of_worlds_still_at_war(runs):
    half = ended_by(runs[0], "1951-06-01", share=0.5)
    fig = plots.front_fan([half])
    dark = panels(fig)[0].collections[1]  # the middle 50%
    xs = [p.vertices[0, 0] for p in dark.get_paths()]
    alphas = dark.get_facecolors()[:, 3]
    before = alphas[np.array(xs) < mdates.date2num(dt.date(1951, 5, 1))]
    after = alphas[np.array(xs) > mdates.date2num(dt.date(1951, 7, 1))]
    assert before.size and after.size and after.max() < before.min()


# ------------------------------------------------------------------ 3. timing
def test_timing(some):
    fig = plots.timing(some)
    assert len(fig.axes) == 2
    for ax, column, event, historical in (
        (fig.axes[0], "china_entry_date", "China entered", "19 Oct 1950"),
        (fig.axes[1], "armistice_date", "armistice", "27 Jul 1953"),
    ):
        curves = [line for line in ax.lines if line.get_drawstyle() == "steps-post"]
        assert len(curves) == len(some)
        entries = legend_texts(ax.get_legend())
        assert len(entries) == len(some)
        for run, entry, curve in zip(some, entries, curves, strict=True):
            happened = int((run.columns[column] >= 0).sum())
            assert run.title in entry and f"{event} in " in entry and "% of worlds" in entry
            assert f"({happened:,} of {N:,})" in entry
            # the curve is a share of ALL worlds: it ends at the share where the event happened, not at 100%
            assert curve.get_ydata()[-1] == pytest.approx(100 * happened / N)
        assert any(t == f"historical: {historical}" for t in texts(ax))
        vertical = [line for line in ax.lines if line.get_linestyle() == "--"]
        assert len(vertical) == 1
        assert "%" in ax.get_ylabel() and ax.get_xlabel() == "date"
    assert "Chinese" in fig.axes[0].get_title(loc="left") and "armistice" in fig.axes[1].get_title(loc="left")


def test_timing_with_an_event_that_never_happens(runs):
    never = Run(
        title="Never",
        name="never",
        columns={**runs[0].columns, "armistice_date": np.full(N, dates.NEVER, np.int32)},
        front=runs[0].front,
        months=runs[0].months,
    )
    fig = plots.timing([runs[0], never])
    assert "armistice in 0% of worlds" in legend_texts(fig.axes[1].get_legend())[1]
    assert not [t for t in texts(fig.axes[1]) if t.startswith("No world")]  # the reference has armistices


def test_timing_labels_each_curve_end_once_where_curves_end_together(runs):
    """Scenarios that end where the reference does (as most of the library does for China's entry) share its label."""
    base = runs[0]
    copies = [base, *(Run(f"Copy {i}", f"copy{i}", base.columns, base.front, base.months) for i in range(4))]
    fig = plots.timing([*copies, runs[1]])
    for ax in fig.axes:
        ends = [a for a in ax.texts if a.get_text().endswith("%") and not a.get_text().startswith("historical")]
        assert 1 <= len(ends) <= 2  # the reference's, and the other draw's where it ends elsewhere
        assert ends[0].get_color() == ax.get_lines()[0].get_color()  # the reference is labelled first


def test_timing_leaves_out_an_end_label_another_curve_runs_through(runs):
    """A curve that ends where another passes would have its share printed on that curve: the legend gives it."""
    base = runs[0]
    spread = np.linspace(dates.day("1951-01-01"), dates.day("1954-01-01"), N).astype(np.int32)
    early = np.where(spread <= dates.day("1952-06-01"), spread, dates.NEVER).astype(np.int32)
    through = Run("Through", "through", {**base.columns, "armistice_date": spread}, base.front, base.months)
    ends_on_it = Run("Ends on it", "ends", {**base.columns, "armistice_date": early}, base.front, base.months)
    ax = plots.timing([through, ends_on_it]).axes[1]
    ends = [a.get_text() for a in ax.texts if a.get_text().endswith("%") and not a.get_text().startswith("historical")]
    assert ends == ["100%"]  # the curve that runs on is labelled; the one ending on it is not


def tick_labels(ax) -> list[str]:
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.xaxis.get_major_locator()() if lo <= t <= hi]
    return [ax.xaxis.get_major_formatter()(t) for t in ticks]


def test_timing_when_no_world_has_the_event_says_so_and_ticks_distinct_months(runs):
    """As where no war started (Stalin keeps refusing): a note in each panel, months on the axis once each."""
    base, never = runs[0], np.full(N, dates.NEVER, np.int32)
    none = {**base.columns, "china_entry_date": never, "armistice_date": never}
    fig = plots.timing([Run("No war", "none", none, base.front, base.months)])
    for ax, note in zip(fig.axes, ("China entered", "the armistice was signed"), strict=True):
        assert f"No world where {note}: no curve to show." in texts(ax)
        assert len(set(tick_labels(ax))) == len(tick_labels(ax)) >= 3
    entered = base.columns["china_entry_date"] >= 0
    one_day = {**base.columns, "china_entry_date": np.where(entered, dates.day("1950-10-19"), never)}
    ax = plots.timing([Run("One day", "day", one_day, base.front, base.months)]).axes[0]
    assert len(set(tick_labels(ax))) == len(tick_labels(ax)) >= 3
    assert not [t for t in texts(ax) if t.startswith("No world")]


# ------------------------------------------------------------------ 4. paths
def test_paths(some):
    fig = plots.paths(some)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    containers = bars(ax)
    assert len(containers) == len(some)
    stages = len(plots.STAGES) + len(outcomes.FINAL)
    assert all(len(c) == stages for c in containers)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:4] == [text for _, text in plots.STAGES]
    assert "UN crosses\nthe 38th" in ticks and "Divided\n(armistice)" in ticks
    assert ax.get_ylabel() == "share of all worlds (%)"
    assert [t for t in legend_texts(fig.legends[0])] == common.titles(some)
    invasion = containers[0][0].get_height()
    assert invasion == pytest.approx(100 * some[0].columns["war_started"].mean())


def thirteen(runs) -> list[Run]:
    """Thirteen scenarios, as many as the library has."""
    base = runs[0]
    return [Run(f"Scenario {i}", f"s{i}", runs[i % 2].columns, base.front, base.months) for i in range(13)]


def test_thirteen_scenarios_have_thirteen_colours(runs):
    curves = [line for line in plots.timing(thirteen(runs)).axes[0].lines if line.get_drawstyle() == "steps-post"]
    assert len({line.get_color() for line in curves}) == 13


def test_the_share_labels_stay_under_the_headers_with_thirteen_scenarios(runs):
    fig = plots.paths(thirteen(runs))
    with mpl.rc_context(plots.STYLE):
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
    ax, renderer = fig.axes[0], canvas.get_renderer()
    headers = [t for t in ax.texts if not isinstance(t, Annotation)]
    labels = [t for t in ax.texts if isinstance(t, Annotation)]
    assert [t.get_text() for t in headers] == ["Stages the worlds pass through  →", "How the war ended"]
    top = max(t.get_window_extent(renderer).y1 for t in labels)
    assert top < min(t.get_window_extent(renderer).y0 for t in headers)


def test_paths_stage_override_and_missing_stage(runs):
    bare = Run(
        title="No log",
        name="bare",
        columns={k: v for k, v in runs[0].columns.items() if k != "un_crossed_38th"},
        front=runs[0].front,
        months=runs[0].months,
    )
    assert len(bars(plots.paths([bare]).axes[0])[0]) == 3 + len(outcomes.FINAL)  # stage left out
    fig = plots.paths([bare], stage_shares={"bare": {"un_crossed_38th": 0.25}})
    container = bars(fig.axes[0])[0]
    assert len(container) == 4 + len(outcomes.FINAL)
    assert container[2].get_height() == pytest.approx(25.0)


# ------------------------------------------------------------------ 5. effects
EFFECTS = {
    "other": {
        "china_entered": {"diff": -0.12, "ci": [-0.15, -0.09]},
        "rok_unifies": {"diff": 0.1, "ci": [0.07, 0.13]},
    },
    "third": {
        "war_started": {"diff": -0.02, "ci": [-0.04, 0.0]},
        "china_entered": {"diff": -0.4, "ci": [-0.45, -0.35]},
    },
}


@pytest.mark.parametrize("names", [["other"], ["other", "third"]])
def test_effects(names):
    fig = plots.effects({n: EFFECTS[n] for n in names}, {"other": OTHER_TITLE, "third": "A third scenario"})
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_xlabel() == "paired effect vs. baseline (percentage points)"
    series = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(series) == len(names)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    expected = ["China entered", "South unifies Korea"] if len(names) == 1 else ["War started", "China entered"]
    assert rows[: len(expected)] == expected
    point = series[0].lines[0].get_xdata()[0]
    assert point == pytest.approx(-12.0)  # percentage points
    assert any(list(line.get_xdata()) == [0, 0] for line in ax.lines)  # zero line
    legend = legend_texts(fig.legends[0])
    assert legend[0] == OTHER_TITLE and len(legend) == len(names)


# ------------------------------------------------------------------ files
NAMES = ["outcome_shares", "front_line", "timing", "paths", "effects"]


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_make_all_writes_the_figures(tmp_path, runs, fmt):
    some = runs if fmt == "png" else runs[:1]  # keeps the test fast; both shapes are drawn once
    paths = plots.make_all(some, tmp_path / "figs", fmt=fmt, effects={"other": EFFECTS["other"]})
    assert paths == [tmp_path / "figs" / f"{name}.{fmt}" for name in NAMES]
    for path in paths:
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data[:2000]
    record = json.loads((tmp_path / "figs" / "figures.json").read_text())
    assert record == {"written_by": "korea-whatif", "files": {p.name: file_sha256(p) for p in paths}}
    assert kinds.stray_figures(tmp_path / "figs") == []


def test_make_all_without_effects_skips_that_figure(tmp_path, runs, monkeypatch):
    from sim.output.figures import files

    saved = []

    def save(fig, folder, name, fmt):
        saved.append((name, fmt, len(fig.axes)))
        (folder / f"{name}.{fmt}").write_text(name)
        return folder / f"{name}.{fmt}"

    monkeypatch.setattr(files, "save", save)
    plots.make_all(runs, tmp_path, fmt="pdf")
    assert saved == [("outcome_shares", "pdf", 2), ("front_line", "pdf", 4), ("timing", "pdf", 2), ("paths", "pdf", 1)]
    with pytest.raises(ValueError, match="Valid choices"):
        plots.make_all(runs, tmp_path, fmt="gif")


def test_save_refuses_an_unknown_format(tmp_path, runs):
    with pytest.raises(ValueError, match="png, svg, pdf"):
        plots.save(plots.paths(runs[:1]), tmp_path, "paths", fmt="jpg")
    assert not list(tmp_path.iterdir())


def test_a_figure_is_ours_only_if_its_metadata_names_this_tool(tmp_path, runs, monkeypatch):
    for fmt in ("png", "svg", "pdf"):
        ours = plots.save(plots.paths(runs[:1]), tmp_path, "paths", fmt)
        assert kinds.our_figure(ours), fmt
        Figure().savefig(tmp_path / f"plain.{fmt}")  # matplotlib's own metadata
        assert not kinds.our_figure(tmp_path / f"plain.{fmt}"), fmt
    (tmp_path / "link.png").symlink_to(tmp_path / "paths.png")
    (tmp_path / "text.png").write_text("korea-whatif")
    assert not kinds.our_figure(tmp_path / "link.png") and not kinds.our_figure(tmp_path / "text.png")
    assert not kinds.our_figure(tmp_path / "missing.png") and not kinds.our_figure(tmp_path)
    monkeypatch.setattr(kinds, "MAX_FIGURE_BYTES", 100)
    assert not kinds.our_figure(tmp_path / "paths.png")  # larger than any figure of this tool: not read


def test_effects_leave_out_unchanged_outcomes_and_non_shares():
    data = {
        "other": {
            "china_entered": {"diff": -0.12, "ci": [-0.15, -0.09]},
            "soviet_ground_troops": {"diff": 0.0, "ci": [0.0, 0.0]},
            "war_months": {"diff": -5.0, "ci": [-6.0, -4.0]},  # months, not a share
        }
    }
    ax = plots.effects(data, {"other": OTHER_TITLE}).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China entered"]
    assert "Soviet ground troops sent" in ax.get_title(loc="left")
    assert ax.get_xlim()[0] > -20  # war_months (-500 "points") is not drawn


# ------------------------------------------------------------------ a scenario's own text
DOLLAR_TITLE = "Truman spends $5 billion on the \\frac{$ war"  # valid in a scenario file; not mathtext


def titled(run: Run, title: str) -> Run:
    """The same worlds under another title (name ``titled``)."""
    return Run(title=title, name="titled", columns=run.columns, front=run.front, months=run.months)


def test_a_dollar_in_a_title_is_a_dollar_in_every_figure(tmp_path, runs):
    """A title is never read as mathtext: every figure of a run and of a comparison draws it as written."""
    odd = titled(runs[1], DOLLAR_TITLE)
    assert plots.make_all([odd], tmp_path / "run")
    assert plots.make_all([runs[0], odd], tmp_path / "compare", effects={"titled": EFFECTS["other"]})
    fig = plots.outcome_shares([odd])
    drawn = [t for t in fig.findobj(Text) if "$" in t.get_text()]
    assert drawn and all(DOLLAR_TITLE in t.get_text() and not t.get_parse_math() for t in drawn)


def test_figures_fall_back_to_installed_fonts_for_korean_chinese_and_japanese(monkeypatch, runs, recwarn):
    """The style names DejaVu Sans, then only the CJK fonts installed here (matplotlib warns of a missing one);
    with one installed, a title in Hangul draws without a missing glyph."""
    from matplotlib import font_manager

    from sim.output.figures import style

    class Font:
        def __init__(self, name):
            self.name = name

    style.font_families.cache_clear()
    fake = [Font("DejaVu Sans"), Font("Noto Sans CJK KR"), Font("Some Other Font")]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", fake)
    assert style.font_families() == ["DejaVu Sans", "Noto Sans CJK KR"]
    assert style.rc()["font.family"] == ["DejaVu Sans", "Noto Sans CJK KR"]
    monkeypatch.undo()
    style.font_families.cache_clear()
    if len(style.font_families()) == 1:
        pytest.skip("no CJK font installed here (Debian: fonts-noto-cjk)")
    fig = plots.outcome_shares([titled(runs[1], "한국전쟁 (中国不参战)")])
    FigureCanvasAgg(fig).draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]


LONG_TITLE = (  # 200 characters, the most a scenario file allows
    "What if Truman had asked Congress to declare war in June 1950, Stalin had returned to the Security Council "
    "in time to veto it, and Mao had kept the Thirteenth Army Group on the Yalu through the winter"
)


def png_width(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:20], "big")  # the IHDR chunk's width


@pytest.mark.parametrize("count", [1, 2], ids=["run", "compare"])
def test_a_long_title_is_wrapped_and_every_figure_keeps_its_width(tmp_path, runs, count):
    assert len(LONG_TITLE) == 200
    effects = {"other": EFFECTS["other"]} if count > 1 else None
    normal = plots.make_all(runs[:count], tmp_path / "normal", effects=effects)
    long = [*runs[: count - 1], titled(runs[count - 1], LONG_TITLE)]
    wrapped = plots.make_all(long, tmp_path / "long", effects={"titled": EFFECTS["other"]} if count > 1 else None)
    for usual, path in zip(normal, wrapped, strict=True):
        assert png_width(path) <= png_width(usual), path.name
    legend = [" ".join(text.split()) for text in legend_texts(plots.front_fan(long).legends[0])]
    assert any(LONG_TITLE in text for text in legend)  # wrapped, not cut


def test_figures_and_tables_name_outcomes_alike():
    """A figure's label of an outcome is the text table's, capitalised (one wording: "UN authorised")."""
    from sim.output import words

    for key, text in words.LABELS.items():
        assert plots.label(key) == text[0].upper() + text[1:]
    assert plots.label("un_sanctioned") == "UN authorised the war"
