"""Output a teacher can read at a glance (issue 12): widths, labelled statistics, intervals, narratives.

Model results change as the model is refined, so these tests pin structure,
wording and consistency (a printed share equals the summary's), never numbers.
"""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from click.testing import CliRunner

from cli import main
from sim import case
from sim.output import words
from sim.output.compare_text import interval_note, statistics

RUNS = "400"
SHARE = re.compile(r"(\d+\.\d)% \((\d+\.\d)-(\d+\.\d)\)")


def run(*args, code: int = 0) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r.output


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


@pytest.fixture(scope="module")
def compared() -> str:
    return run("compare", "baseline", "china_refuses_12_oct", "no_inchon", "stalin_dies_1952", "--runs", RUNS)


# ------------------------------------------------------------------ widths
def test_compare_of_four_scenarios_fits_100_columns_and_wide_keeps_the_old_form(compared):
    assert widest(compared) <= 100
    for name in ("china_refuses_12_oct", "no_inchon", "stalin_dies_1952"):
        assert f"({name})" in compared
    wide = run("compare", "baseline", "china_refuses_12_oct", "no_inchon", "stalin_dies_1952", "--runs", RUNS, "--wide")
    assert widest(wide) > 100 and "effect" in wide


@pytest.mark.parametrize(
    "args",
    [
        ("run", "no_inchon", "--runs", RUNS, "--out", "{tmp}/r"),
        ("explain", "china_refuses_12_oct", "--world", "0"),
        ("diff", "baseline", "china_refuses_12_oct", "--world", "0"),
        ("graph", "--scenario", "china_refuses_12_oct"),
        ("fidelity", "--runs", "200"),
        ("show", "china_refuses_12_oct"),
        ("list",),
    ],
    ids=lambda a: a[0],
)
def test_every_table_and_narrative_fits_100_columns(args, tmp_path):
    out = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert widest(out) <= 100, max(out.splitlines(), key=len)


# ------------------------------------------------------------------ labelled statistics and intervals
def test_run_labels_each_statistic_and_gives_every_share_its_interval(tmp_path):
    text = run("run", "no_inchon", "--runs", RUNS, "--out", tmp_path / "r")
    summary = json.loads((tmp_path / "r" / "summary.json").read_text())
    rows = {**summary["shares"], **summary["final_outcome"]}
    for key, share in rows.items():
        line = next(ln for ln in text.splitlines() if ln.startswith(words.LABELS[key] + " "))
        m = SHARE.search(line)
        assert m, line
        assert float(m.group(1)) == pytest.approx(100 * share, abs=0.051)  # the printed share is the summary's
        assert float(m.group(2)) <= float(m.group(1)) <= float(m.group(3))
    q = summary["war_months_quartiles"]
    assert f"median {q[1]:.1f} months" in text and f"middle half {q[0]:.1f}-{q[2]:.1f} months" in text
    assert f"mean {summary['war_months_mean']:.1f} months" in text
    assert "armistice date (worlds with an armistice): median" in text


def test_compare_labels_median_mean_and_middle_half(compared):
    for label in ("median (middle half)", "  mean", "armistice date (if signed):", "  middle half", "effect, points"):
        assert label in compared, label
    assert "median war (months)" not in compared  # no unlabelled mix of medians and means in one row
    for line in compared.splitlines():
        if line.startswith(tuple(words.LABELS[k] + " " for k in ("china_entered", "divided"))):
            assert len(SHARE.findall(line)) == 2, line  # base and scenario, each with its interval


def test_two_peaked_war_lengths_are_shown_by_ending():
    summary = {
        "runs": 1000,
        "shares": {"war_started": 1.0},
        "final_outcome": {"rok_unifies": 0.4, "divided": 0.6},
        "war_months_median": 18.0,
        "war_months_mean": 22.0,
        "war_months_quartiles": [5.0, 18.0, 36.0],
        "armistice_date_median": "1953-06-10",
        "armistice_date_quartiles": ["1951-10-01", "1953-06-10", "1953-07-20"],
        "endings": {
            "rok_unifies": {"share": 0.4, "war_months_median": 4.5, "end_date_median": "1950-11-01"},
            "divided": {"share": 0.6, "war_months_median": 35.0, "end_date_median": "1953-06-10"},
        },
    }
    text = "\n".join(statistics(summary))
    assert "two or more peaks" in text
    assert re.search(r"South unifies Korea\s+40\.0% of worlds, median 4\.5 months", text)
    one = {**summary, "endings": {"divided": summary["endings"]["divided"]}}
    assert "peaks" not in "\n".join(statistics(one))


def test_armistice_dates_spread_over_years_warn_that_the_median_can_jump():
    """Armistices in 1951 (China out) and 1953 (China in): a median between them moved by a year on a small
    change (pow_concession_1952 read 'Jun 1953 -> Aug 1952'); a middle half over a year wide says so."""
    summary = {
        "runs": 1000,
        "shares": {"war_started": 1.0},
        "final_outcome": {"divided": 1.0},
        "war_months_median": 33.0,
        "war_months_mean": 23.0,
        "war_months_quartiles": [8.0, 33.0, 36.0],
        "armistice_date_median": "1953-06-01",
        "armistice_date_quartiles": ["1951-05-13", "1953-06-01", "1953-06-24"],
        "endings": {},
    }
    assert "the median can jump" in "\n".join(statistics(summary))
    narrow = {**summary, "armistice_date_quartiles": ["1953-01-10", "1953-06-01", "1953-07-20"]}
    assert "the median can jump" not in "\n".join(statistics(narrow))


def test_korean_and_chinese_text_wraps_and_fits_by_terminal_columns(tmp_path):
    """A Hangul or Chinese character takes two columns: a long Korean title made 123-column lines in compare."""
    from sim.output.words import columns, fit, wrap

    title = (
        "중국의 영구적 참전 거부 1950년 10월 12일 마오쩌둥은 참전 계획을 중단하고 "
        + "毛泽东于一九五二年在战俘问题上让步"
    )
    assert columns("중국 ab") == 7
    assert max(columns(line) for line in wrap(title * 3, "  ", 60).splitlines()) <= 60
    plain = textwrap.fill("plain text " * 20, 40, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)
    assert wrap("plain text " * 20, "  ", 40) == plain  # text without wide characters: as before
    assert columns(fit(title, 21)) <= 21 and fit(title, 21).endswith("...")
    path = tmp_path / "ko.yaml"
    path.write_text(f'name: ko_long\ntitle: "{title}"\nbase: baseline\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["compare", "baseline", str(path), "--runs", "200"])
    assert r.exit_code == 0 and max(columns(line) for line in r.stdout.splitlines()) <= 100


def test_a_warning_when_intervals_are_too_wide_for_the_number_of_worlds():
    shares = {"war_started": 0.5}
    assert "+-" in interval_note({"runs": 300, "shares": shares, "final_outcome": {}})
    assert interval_note({"runs": 10_000, "shares": shares, "final_outcome": {}}) == ""


def test_run_with_few_worlds_says_so(tmp_path):
    assert "note: with 300 worlds a share is known only to within" in run(
        "run", "baseline", "--runs", "300", "--out", tmp_path / "r"
    )


# ------------------------------------------------------------------ narratives
@pytest.fixture(scope="module")
def explained() -> dict:
    from sim import api

    return api.explanation("baseline", world=0)


def test_small_probabilities_are_never_shown_as_0_percent(explained):
    for entry in explained["trace"]:
        for p in entry["probabilities"]:
            shown = words.chance(p)
            assert shown != "0%" or p == 0
            if 0 < p < 0.005:
                assert shown.startswith("<1%") and "1 in" in shown
    assert words.chance(0.0005) == "<1% (about 1 in 2,000)"
    assert words.chance(0.37) == "37%" and words.chance(0.9999) == ">99%"


def test_explain_says_what_the_dice_mean_and_ends_with_a_dated_sentence(explained):
    text, outcome = explained["text"], explained["outcome"]
    assert "How to read it" in text and "slice" in text
    assert re.search(r"dice \d\.\d+, in its slice \d\.\d+-\d\.\d+", text)
    last = text.strip().split("How it ended:")[-1]
    if outcome["war_end_date"]:
        assert f"The war ends on {words.long_date(outcome['war_end_date'])}" in last
    assert "deaths" in last and "_" not in last.split("). ", 1)[1]  # plain labels after the ending's id


def test_plurals():
    assert words.plural(1, "chance node") == "1 chance node" and words.plural(2, "event") == "2 events"
    text = run("explain", "china_refuses_12_oct", "--world", "0")
    head = text.splitlines()[0]
    for n, noun in re.findall(r"(\d+) (decisions?|chance nodes?|events?)", head):
        assert (noun.endswith("s")) == (n != "1"), head


def test_diff_graph_and_fidelity_use_labels_with_ids():
    diff = run("diff", "baseline", "china_refuses_12_oct", "--world", "0")
    first = next(line for line in diff.splitlines() if line.startswith("first difference"))
    point = re.search(r"at (.+) \((\w+)\):", first)
    assert point and case.BY_ID[point.group(2)].title == point.group(1)  # the label, then the id
    assert f"{point.group(2)} -> " in diff and "[forced]" in diff
    listing = run("graph")
    assert "Mao's decision of 12 October (mao_12oct)  [decision, Mao Zedong (mao)," in listing
    fidelity = run("fidelity", "--runs", "200")
    assert "decided by Joseph Stalin (stalin)" in fidelity
    assert "Mao's decision of 12 October (mao_12oct)" in fidelity


# ------------------------------------------------------------------ did you mean
@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (("run", "basline"), "Did you mean 'baseline'"),
        (("explain", "baseline", "--pick", "china_enterd=true"), "Did you mean 'china_entered'"),
        (("explain", "baseline", "--pick", "final_outcome=rok_unify"), "Did you mean 'rok_unifies'"),
        (("cause", "--cause", "china_entred", "--outcome", "dprk_survives"), "Did you mean 'china_entered'"),
        (("cause", "--cause", "china_entered", "--outcome", "dprk_survive"), "Did you mean 'dprk_survives'"),
        (("sources", "essay.avoid_war_unprepare"), "Did you mean 'essay.avoid_war_unprepared'"),
        (("show", "china_refuses_12oct"), "Did you mean 'china_refuses_12_oct'"),
    ],
)
def test_did_you_mean_on_the_command_line(args, suggestion):
    assert suggestion in run(*args, code=2)


def test_a_share_that_is_not_all_or_none_never_reads_100_or_0_percent():
    from sim.output.words import percent, share_with_interval

    assert percent(0.9995) == "99.95%" and percent(0.0002) == "0.02%" and percent(0.123) == "12.3%"
    assert percent(1.0) == "100.0%" and percent(0.0) == "0.0%"
    assert share_with_interval(0.9995, 20_000) == "99.95% (99.9-99.97)"
    assert share_with_interval(1.0, 20_000).startswith("100.0% (99.98-100.0)")


def test_fold_keeps_short_lines_and_continues_long_ones_under_their_last_column():
    from sim.output.words import fold

    row = "kim_request_2                0.90 / 1.00 / 1.00          " + ", ".join(["kim_requests"] * 8)
    lines = fold(row).splitlines()
    assert lines[0].startswith("kim_request_2                0.90 / 1.00 / 1.00          kim_requests")
    assert all(len(x) <= 100 for x in lines) and lines[1].startswith(" " * row.index("kim_requests,") + "kim_requests")
    assert fold("short\n  also short") == "short\n  also short"


@pytest.mark.parametrize(
    "args",
    [
        ["sources"],
        ["cause", "--cause", "china_entered", "--outcome", "dprk_survives", "--runs", "200"],
        ["attribute", "baseline", "--outcome", "china_entered", "--world", "0", "--permutations", "5"],
        ["sensitivity", "baseline", "--outcome", "china_entered", "--samples", "4", "--worlds", "4"],
        ["audit", "--runs", "100"],
    ],
    ids=lambda a: a[0],
)
def test_text_output_fits_100_columns(args):
    from click.testing import CliRunner

    from cli import main

    r = CliRunner().invoke(main, args)
    assert r.exit_code in (0, 1), r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
