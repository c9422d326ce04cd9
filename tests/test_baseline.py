"""Regression: the baseline's fidelity figures, pinned within tolerances.

The thresholds are the issue's acceptance figures; the pinned values are what
the current model gives (update them deliberately, with the reason, when the
model changes).
"""

import numpy as np
import pytest

from sim.analysis import fidelity
from sim.analysis.summary import summarize
from sim.api import run_scenario
from sim.case import outcomes
from sim.engine import dates

# fidelity table: P(historical choice) on the historical path, 2,000 worlds, seed 1950
PINNED = {
    "kim_request_1": ("refuse", 1.00),
    "kim_request_2": ("refuse", 0.99),
    "kim_request_3": ("approve", 0.95),
    "mao_consent": ("approve", 1.00),
    "invasion": ("attack", 1.00),
    "un_security_council": ("boycott", 0.94),
    "us_intervention": ("intervene", 1.00),
    "china_offer_july": ("stop_replying", 1.00),
    "inchon_landing": ("land", 0.99),
    "inchon_result": ("success", 0.82),
    "stalin_after_inchon": ("wait", 1.00),
    "un_cross_38th": ("cross", 0.99),
    "kim_appeal": ("ask_moscow_first", 1.00),
    "stalin_reply": ("refer_to_china", 1.00),
    "mao_cable_2oct": ("agree", 0.95),
    "politburo_5oct": ("send", 0.81),
    "black_sea": ("air_cover_later", 0.59),
    "mao_12oct": ("stop", 0.79),
    "stalin_evacuation": ("order_evacuation", 1.00),
    "politburo_13oct": ("intervene", 0.79),
    "stalin_cancel": ("cancel", 0.99),
    "stalin_yalu_limit": ("north_of_yalu", 0.87),
    "cpv_crossing": ("cross", 0.99),
    "soviet_air_entry": ("commit_air", 0.93),
    "us_air_war_secrecy": ("keep_secret", 1.00),
    "third_campaign": ("attack_now", 0.85),
    "un_ceasefire_jan51": ("reject", 0.99),
    "peng_pause": ("pause", 1.00),
    "fifth_campaign": ("fails", 0.68),
    "ceasefire_talks": ("open_talks", 1.00),
    "us_pow_policy": ("no_forced_repatriation", 1.00),
    "stalin_hardline": ("prolong", 1.00),
    "pow_deadlock": ("hold", 1.00),
    "post_stalin_settle": ("accept_us_position", 1.00),
    "china_holdout": ("hold_out", 0.58),
    "eisenhower_terms": ("hold_terms", 1.00),
    "rhee_obstruction": ("obstruct", 1.00),
}


@pytest.fixture(scope="module")
def baseline():
    ens = run_scenario("baseline", runs=10_000, seed=1950)
    return ens, summarize(ens.columns, "baseline", 1950)


def test_acceptance_figures(baseline):
    ens, s = baseline
    c, sh = ens.columns, s["shares"]
    assert sh["war_started"] >= 0.90
    war = c["war_started"]
    assert c["us_intervened"][war].mean() >= 0.90
    assert 0.60 <= sh["china_entered"] <= 0.95
    assert sh["soviet_air_war"] >= 0.50
    assert sh["superpower_war"] <= 0.05
    assert max(s["final_outcome"], key=s["final_outcome"].get) == "divided"
    assert "1953-01-01" <= s["armistice_date_median"] <= "1954-06-30"


def test_pinned_baseline_figures(baseline):
    _, s = baseline
    sh, fo = s["shares"], s["final_outcome"]
    assert sh["war_started"] == pytest.approx(0.996, abs=0.01)
    assert sh["china_entered"] == pytest.approx(0.892, abs=0.02)
    assert sh["soviet_air_war"] == pytest.approx(0.879, abs=0.02)
    assert sh["evacuation_ordered"] == pytest.approx(0.808, abs=0.02)
    assert fo["divided"] == pytest.approx(0.856, abs=0.02)
    assert fo["rok_unifies"] == pytest.approx(0.139, abs=0.02)
    assert abs(dates.day(s["armistice_date_median"]) - dates.day("1953-06-24")) <= 30
    assert s["war_months_median"] == pytest.approx(35.7, abs=1.5)


def test_deaths_are_of_the_documented_order(baseline):
    ens, _ = baseline
    c = ens.columns
    divided = c["final_outcome"] == outcomes.FINAL.index("divided")
    med = {k: float(np.median(c[k][divided])) for k in ("deaths_us", "deaths_rok", "deaths_cpv", "deaths_kpa")}
    # sim/data/README.md: US ~37, ROK ~138, CPV 183-400+, KPA 215-520 (thousands); within a factor of 3
    assert 12 <= med["deaths_us"] <= 110
    assert 45 <= med["deaths_rok"] <= 420
    assert 60 <= med["deaths_cpv"] <= 1200
    assert 70 <= med["deaths_kpa"] <= 1560


@pytest.fixture(scope="module")
def table():
    return fidelity.table(2000, 1950)


def test_historical_choice_most_likely_at_80_percent_and_never_below_015(table):
    rows = [r for r in table if r.in_history_table]
    assert {r.node for r in rows} == set(fidelity.HISTORY_ROWS)
    assert sum(r.most_likely for r in rows) >= 0.8 * len(rows)
    assert min(r.p_historical for r in rows) >= 0.15


def test_fidelity_table_is_pinned(table):
    got = {r.node: (r.historical, r.p_historical) for r in table}
    assert set(got) == set(PINNED)
    for node, (option, p) in PINNED.items():
        assert got[node][0] == option
        assert got[node][1] == pytest.approx(p, abs=0.05), node


def test_front_line_tracks_the_historical_line():
    from sim.analysis.calibrate import misfit, run_historical

    rmse, _ = misfit(run_historical(100))
    assert rmse < 0.45  # degrees of latitude, June 1950 - July 1953
