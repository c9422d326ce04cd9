"""The decision graph (sim/analysis/graph): introspected reads and writes, scenario marks, listing; the figure
(sim/output/graph_figure.py)."""

from __future__ import annotations

import dataclasses
import itertools

import networkx as nx
import pytest
from matplotlib.figure import Figure

from sim import case
from sim import scenario as scenarios
from sim.analysis import graph
from sim.case.state import SCHEMA
from sim.engine import dates
from sim.output.graph_figure import draw, save


@pytest.fixture(scope="module")
def g() -> nx.DiGraph:
    return graph.build()


@pytest.fixture(scope="module")
def refuses() -> nx.DiGraph:
    return graph.build(scenarios.load("china_refuses_12_oct"))


def _reads(g, var, node):
    return g.has_edge(var, node) and "reads" in g[var][node]["kinds"]


def _writes(g, node, var):
    return g.has_edge(node, var) and "writes" in g[node][var]["kinds"]


# ------------------------------------------------------------------ structure
def test_every_case_node_is_a_node_with_its_attributes(g):
    for order, node in enumerate(case.NODES):
        attrs = g.nodes[node.id]
        assert attrs["kind"] == node.kind in ("decision", "chance", "event")
        assert attrs["order"] == order
        assert attrs["title"] == node.title
        assert attrs["options"] == tuple(node.options)
        assert attrs["historical"] == node.historical
        assert attrs["start"] == node.window[0]
        assert attrs["decider"] == (getattr(node, "decider", None) or None)
    assert g.nodes["mao_12oct"]["decider_name"] == "Mao Zedong"
    assert g.nodes["inchon_result"]["decider"] is None


# points that only record a choice: Mao's 2 October cable changed nothing downstream (Shen reads it as
# tactics; the Politburo met on 5 October whatever it said), so forcing it shows no effect
RECORD_ONLY = {"mao_cable_2oct"}


def test_every_case_node_has_an_edge_and_introspection_succeeded(g):
    for node in case.NODES:
        assert g.degree(node.id) > 0, node.id
        assert g.nodes[node.id]["errors"] == (), node.id
        assert bool(g.nodes[node.id]["writes"]) != (node.id in RECORD_ONLY), f"{node.id} writes nothing"


def test_state_nodes_are_schema_variables_with_their_meaning(g):
    states = [n for n, d in g.nodes(data=True) if d["kind"] == "state"]
    assert states
    for name in states:
        assert name in SCHEMA
        assert g.nodes[name]["meaning"] == SCHEMA[name][2]
        assert g.degree(name) > 0


def test_after_references_give_edges(g):
    assert "after" in g["black_sea"]["mao_12oct"]["kinds"]
    assert g["black_sea"]["mao_12oct"]["lag"] == 1
    assert "after" in g["war_start"]["us_intervention"]["kinds"]
    for node in case.NODES:
        if node.after:
            assert "after" in g[node.after[0]][node.id]["kinds"], node.id


def test_known_reads_and_writes(g):
    assert _reads(g, "air_cover", "mao_12oct")
    assert _reads(g, "front", "mao_12oct")
    assert _writes(g, "stalin_evacuation", "evac_ordered")
    assert _writes(g, "cpv_crossing", "china_in")
    assert _writes(g, "invasion", "war")
    assert _writes(g, "invasion", "war_start")  # through set_day
    assert _writes(g, "mao_12oct", "china_stop")  # a write that may leave the value unchanged
    assert _reads(g, "stalin_trust_ccp", "black_sea")  # read in features only
    assert "features" in g["stalin_trust_ccp"]["black_sea"]["where"]
    assert _reads(g, "landed", "inchon_result")
    assert "chance.inchon_success" in g.nodes["inchon_result"]["params"]  # read in probabilities
    assert "delay.evacuation_lag" in g.nodes["stalin_evacuation"]["params"]  # the after lag
    assert _writes(g, "politburo_13oct", "cpv_ready_day") and "after" in g["cpv_ready_day"]["cpv_crossing"]["kinds"]
    assert "delay.cpv_preparation" in g.nodes["politburo_13oct"]["params"]  # read in commit_china


def test_choice_conditions_give_node_edges(g):
    assert "choice" in g["inchon_result"]["stalin_after_inchon"]["kinds"]
    assert "choice" in g["un_cross_38th"]["kim_appeal"]["kinds"]


def test_a_failing_node_falls_back_without_breaking_the_others():
    broken = dataclasses.replace(case.BY_ID["mao_12oct"], when=lambda v: 1 / 0)
    found = graph.probe(broken, graph.probe_model())
    assert any(e.startswith("when") for e in found.errors)
    assert {"china_stop", "committed_day"} <= found.writes  # the effect was still probed


def test_military_model_writes_are_noted(g):
    assert "front" in g.graph["military_writes"]
    assert g.nodes["front"]["military"]


# ------------------------------------------------------------------ scenarios
def test_china_refuses_cuts_every_bound_entry_point(refuses):
    rules = {r.node for r in scenarios.load("china_refuses_12_oct").setup().rules}
    bound = {"mao_cable_2oct", "politburo_5oct", "mao_12oct", "politburo_13oct", "cpv_crossing", "china_reconsiders"}
    assert bound <= rules
    assert refuses.graph["scenario"] == "china_refuses_12_oct"
    # the rule binds the question from 12 October: every point of it whose window meets those dates, even one
    # that usually comes before (the Politburo of 5 October, whenever it meets later); not China's July offer
    marked = {n for n, d in refuses.nodes(data=True) if d.get("intervention")}
    assert marked == {n for n in rules if case.BY_ID[n].end >= dates.day("1950-10-12")}
    assert "china_offer_july" in rules and "china_offer_july" not in marked
    for node in bound:
        assert refuses.nodes[node]["intervention"].startswith("force"), node
        assert refuses.in_edges(node), node
        assert all(d["cut"] for *_, d in refuses.in_edges(node, data=True)), node
    assert "stop" in refuses.nodes["mao_12oct"]["intervention"]
    assert refuses["black_sea"]["mao_12oct"]["cut"]
    assert not refuses["china_asked_day"]["black_sea"]["cut"]  # upstream is untouched
    assert refuses.nodes["black_sea"]["intervention"] is None
    assert not refuses["mao_12oct"]["china_stop"]["cut"]  # downstream keeps its links: it is re-simulated
    assert not refuses["china_refused_day"]["stalin_evacuation"]["cut"]


def test_every_point_a_scenario_forces_in_a_world_is_marked(refuses):
    """What diff shows forced (politburo_5oct in world 0) is what the graph marks, world after world."""
    from sim.analysis.simulate import trace_world

    scenario = scenarios.load("china_refuses_12_oct")
    forced = {e["node"] for w in range(8) for e in trace_world(scenario, w) if e["rule"] == "forced"}
    assert "politburo_5oct" in forced
    assert forced <= {n for n, d in refuses.nodes(data=True) if d.get("intervention")}


def test_removed_and_moved_events():
    lives = graph.build("stalin_lives_to_1956")
    assert lives.nodes["stalin_death"]["intervention"] == "removed"
    edges = [*lives.in_edges("stalin_death", data=True), *lives.out_edges("stalin_death", data=True)]
    assert edges and all(d["cut"] for *_, d in edges)
    moved = graph.build("stalin_dies_1952")
    assert moved.nodes["stalin_death"]["intervention"] == "moved to 1952-03-05"


def test_baseline_marks_nothing(g):
    assert not any(d["cut"] for *_, d in g.edges(data=True))
    assert not any(d.get("intervention") for _, d in g.nodes(data=True))


def test_a_forbid_cuts_only_when_one_option_is_left():
    text = """
name: forbids
title: Two forbids
interventions:
  - forbid: {point: black_sea, option: no_air_cover}
  - forbid: {point: mao_12oct, option: enter}
"""
    marked = graph.build(scenarios.parse(text))
    assert marked.nodes["black_sea"]["intervention"].startswith("forbid no_air_cover")
    assert not any(d["cut"] for *_, d in marked.in_edges("black_sea", data=True))  # still chooses
    assert all(d["cut"] for *_, d in marked.in_edges("mao_12oct", data=True))  # only "stop" is left


# ------------------------------------------------------------------ listing and figure
def test_listing_mentions_every_node_and_fits_100_columns(g, refuses):
    from sim.output.graph_text import listing

    text = listing(g)
    for node in case.NODES:
        assert node.id in text
    assert all(len(line) <= 100 for line in text.splitlines())
    assert "Mao Zedong" in text
    scenario_text = listing(refuses)
    assert "forced: stop" in scenario_text
    assert "incoming edges cut" in scenario_text


def test_links_collapse_state_and_carry_cuts(refuses):
    drawn = graph.links(refuses, graph.context_variables(refuses))
    names = set(case.BY_ID)
    assert all(k.source in names and k.target in names for k in drawn)
    pairs = {(k.source, k.target): k for k in drawn}
    assert pairs[("black_sea", "mao_12oct")].cut
    assert pairs[("black_sea", "mao_12oct")].style == "schedule"
    assert "air_cover" in pairs[("black_sea", "mao_12oct")].via
    assert "war" in graph.context_variables(refuses)


def test_draw_and_save(refuses, tmp_path):
    fig = draw(refuses)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title()
    assert "china_refuses_12_oct" in ax.get_title()
    assert ax.get_xlabel()
    assert ax.get_ylabel()
    png = save(fig, tmp_path / "graph.png")
    svg = save(fig, tmp_path / "sub" / "graph.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text()
    with pytest.raises(ValueError, match="unsupported"):
        save(fig, tmp_path / "graph.bmp")
    assert draw(refuses, title="My title").axes[0].get_title() == "My title"


def test_a_dollar_in_the_scenario_title_is_drawn_as_written(tmp_path):
    """A scenario's title is never read as mathtext ("\\frac{$" once broke the figure)."""
    title = "Truman spends $5 billion on the \\\\frac{$ war"
    fig = draw(graph.build(scenarios.parse(f'name: dollars\ntitle: "{title}"\n')))
    assert "$5 billion on the \\frac{$ war" in fig.axes[0].get_title()
    assert save(fig, tmp_path / "graph.png").stat().st_size > 0


def test_the_figure_is_laid_out_by_phase_and_time_with_readable_labels(refuses, tmp_path):
    from sim.analysis.graph import typical_days
    from sim.output.graph_layout import PHASES, label, lane_of, layout, phase_of, point_days

    fig = draw(refuses)
    ax = fig.axes[0]
    texts = {t.get_text(): t for t in ax.texts}
    for node in case.NODES:  # each point by its title; its id only in small grey type
        attrs = refuses.nodes[node.id]
        assert label(attrs) in texts and texts[label(attrs)].get_fontsize() >= 7
        assert texts[node.id].get_fontsize() < 7
    for k, (_, heading) in enumerate(PHASES, 1):
        assert any(t.startswith(f"{k}. {heading}\n") for t in texts)
    pos, phases, _ = layout(refuses, typical_days())
    days = point_days(refuses, typical_days())
    where = phase_of(refuses, days)
    for a, b in itertools.pairwise(phases):  # phases left to right, in the order of the war
        assert max(x for n, (x, _) in pos.items() if where[n] == a.key) < min(
            x for n, (x, _) in pos.items() if where[n] == b.key
        )
    lanes = {}
    for node in case.NODES:  # within a phase and lane, later points sit further right
        lanes.setdefault((where[node.id], lane_of(refuses.nodes[node.id])), []).append(node.id)
    for ids in lanes.values():
        xs = [pos[n][0] for n in ids]
        ordered = sorted(zip([days[n] for n in ids], xs, strict=True))
        assert all(x1 < x2 for (_, x1), (_, x2) in itertools.pairwise(ordered))
    svg = save(fig, tmp_path / "graph.svg").read_text()
    assert "Mao&#39;s decision of" in svg or "Mao's decision of" in svg  # text stays text: zoomable


def test_every_point_is_in_its_phase_by_time_and_the_headers_span_its_dates(refuses):
    """No "Other" column after the armistice: the UN's crossing opens the October crisis, Stalin's death and
    Eisenhower's decisions come towards the armistice, Truman's in the talks; no header reaches back to 1949."""
    from sim.analysis.graph import typical_days
    from sim.output.graph_layout import PHASES, layout, phase_of, point_days

    days = point_days(refuses, typical_days())
    where = phase_of(refuses, days)
    assert set(where.values()) == {key for key, _ in PHASES}
    expected = {
        "un_cross_38th": "october",
        "stalin_death": "armistice",
        "eisenhower_inauguration": "armistice",
        "us_terms_eisenhower": "armistice",
        "us_accepts_talks_eisenhower": "armistice",  # never in the baseline: dated by Eisenhower's inauguration
        "us_terms_truman": "talks",
        "escalation": "campaigns",  # never in the baseline: dated by the secret air war it follows
    }
    assert {n: where[n] for n in expected} == expected
    phase_days = [[days[n] for n, k in where.items() if k == key] for key, _ in PHASES]
    for a, b in itertools.pairwise(phase_days):  # time runs left to right: a phase ends before the next begins
        assert max(a) <= min(b)
    spans = [p.span for p in layout(refuses, typical_days())[1]]
    assert spans[4].startswith(("Oct 1950", "Nov 1950"))  # the campaigns open with the CPV's first battles
    assert spans[5].startswith("Jun 1951") and spans[6].endswith("1953")
