"""The loader under attack (issue 9): one regression test per reproducer.

Each bad input is refused with one paragraph naming the file, the line and
the key, and the valid choices where there are any; on the command line it
exits 2, without a traceback, and writes nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from sim.scenario import MAX_RUNS, ScenarioError, library, load, parse
from sim.scenario.grammar import MAX_BYTES, MAX_CHAIN, MAX_NAME

HEAD = "name: x\ntitle: X\n"


def refused(text: str, source: str = "bad.yaml") -> str:
    with pytest.raises(ScenarioError) as info:
        parse(text, source)
    message = str(info.value)
    assert message.startswith(source) and "\n" not in message and len(message) < 5000, message
    return message


def intervention(body: str) -> str:
    return HEAD + "interventions:\n  - " + body + "\n"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run ``whatif`` in an empty folder: (exit code, output); asserts no traceback and nothing written."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, writes: bool = False):
        before = sorted(tmp_path.rglob("*"))
        r = runner.invoke(main, list(args))
        assert "Traceback" not in r.output
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        if r.exit_code == 2 or not writes:
            assert sorted(tmp_path.rglob("*")) == before, "something was written"
        return r.exit_code, r.output

    return invoke


# ------------------------------------------------------------------ a list or mapping where a name is expected
NAMES = {
    "point": ("force: {point: [mao_12oct], option: stop}", "interventions[0].force.point", "a list"),
    "option": ("force: {point: mao_12oct, option: {stop: 1}}", "interventions[0].force.option", "enter, stop"),
    "param": ("set: {param: [stalin.avoid_us_war], value: 1}", "interventions[0].set.param", "a list"),
    "move event": ("move: {event: [stalin_death], date: 1952-03-05}", "interventions[0].move.event", "stalin_death"),
    "remove event": ("remove: {event: {stalin_death: 1}}", "interventions[0].remove.event", "inchon_landing"),
    "dispute": ("variant: {dispute: [mao_cable_2oct], reading: russian}", "interventions[0].variant.dispute", "a list"),
    "reading": (
        "variant: {dispute: mao_cable_2oct, reading: [russian]}",
        "interventions[0].variant.reading",
        "russian",
    ),
    "kind": ("{[force]: {point: mao_12oct, option: stop}}", "line 4", "not valid YAML"),
}


@pytest.mark.parametrize("case", sorted(NAMES))
def test_a_list_or_mapping_where_a_name_is_expected_is_refused(case):
    body, key, hint = NAMES[case]
    message = refused(intervention(body))
    assert key in message and hint in message and "line 4" in message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("name: [x]\ntitle: X\n", "'name'"),
        ("name: x\ntitle: {a: 1}\n", "'title'"),
        (HEAD + "base: [baseline]\n", "'base'"),
        (HEAD + "description: [a, b]\n", "'description'"),
        (HEAD + "expect: {a: b}\n", "'expect'"),
        (HEAD + "runs: [10]\n", "'runs'"),
        (HEAD + "horizon: [1953-01-01]\n", "'horizon'"),
    ],
)
def test_every_scalar_of_the_document_checks_its_type(text, key):
    assert f"key {key}" in refused(text)


def test_a_list_as_a_point_exits_2_on_the_command_line(cli, tmp_path):
    (tmp_path / "bad.yaml").write_text(intervention("force: {point: [mao_12oct], option: stop}"))
    for command in (["validate", "bad.yaml"], ["run", "bad.yaml", "--runs", "5", "--out", "out"]):
        code, output = cli(*command)
        assert code == 2 and "bad.yaml, line 4, key 'interventions[0].force.point'" in output


# ------------------------------------------------------------------ aliases, size, unreadable text
ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    + "name: x\ntitle: X\ndescription: *i\n"
)


def test_a_yaml_alias_bomb_is_refused_at_once(cli, tmp_path):
    assert len(ALIAS_BOMB.encode()) < 600
    start = time.perf_counter()
    message = refused(ALIAS_BOMB)
    assert time.perf_counter() - start < 1.0
    assert "line 1" in message and "anchor (&a) is not allowed" in message
    (tmp_path / "bomb.yaml").write_text(ALIAS_BOMB)
    code, output = cli("validate", "bomb.yaml")
    assert code == 2 and "bomb.yaml, line 1" in output


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("name: &n x\ntitle: X\n", "anchor (&n)"),
        (HEAD + "description: *n\n", "alias (*n)"),
        ("name: !!binary eA==\ntitle: X\n", "YAML tag"),
        (HEAD + "description: " + "[" * 40 + "]" * 40 + "\n", "nested more than"),
    ],
)
def test_anchors_aliases_tags_and_deep_nesting_are_refused(text, hint):
    message = refused(text)
    assert hint in message and "line" in message


def test_a_file_over_the_size_limit_is_refused_unread(cli, tmp_path):
    (tmp_path / "big.yaml").write_text(HEAD + "description: " + "x" * MAX_BYTES + "\n")
    code, output = cli("validate", "big.yaml")
    assert code == 2 and "big.yaml" in output and f"{MAX_BYTES:,} bytes" in output
    refused(HEAD + "description: " + "x" * MAX_BYTES + "\n")


def test_long_values_are_cut_short_in_messages():
    message = refused(intervention("force: {point: " + "x" * 100_000 + ", option: stop}"))
    assert "(100,000 characters)" in message and len(message) < 1500
    message = refused(HEAD + "runs: " + "9" * 5000 + "\n")
    assert "(5,000 characters)" in message and "key 'runs'" in message


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        (b"name: x\ntitle: X\ndescription: a\x00b\n", "U+0000"),
        (b"name: x\ntitle: X\ndescription: a\x07b\n", "U+0007"),
        (b"name: x\ntitle: X\ndescription: caf\xe9\n", "not UTF-8"),
    ],
)
def test_unreadable_text_names_the_file_and_line(cli, tmp_path, raw, hint):
    (tmp_path / "odd.yaml").write_bytes(raw)
    with pytest.raises(ScenarioError) as info:
        load("odd.yaml")
    message = str(info.value)
    assert message.startswith("odd.yaml, line 3:") and hint in message and "unicode string" not in message
    code, output = cli("validate", "odd.yaml")
    assert code == 2 and "odd.yaml, line 3" in output


# ------------------------------------------------------------------ names, duplicate keys
def test_a_name_longer_than_the_limit_is_refused_before_anything_runs(cli, tmp_path):
    message = refused("name: " + "a" * 300 + "\ntitle: X\n")
    assert "key 'name'" in message and f"at most {MAX_NAME}" in message
    parse("name: " + "a" * MAX_NAME + "\ntitle: X\n")
    (tmp_path / "long.yaml").write_text("name: " + "a" * 300 + "\ntitle: X\n")
    code, output = cli("run", "long.yaml", "--runs", "5")
    assert code == 2 and "key 'name'" in output and not (tmp_path / "results").exists()


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("name: x\nname: y\ntitle: X\n", "'name'", "line 2"),
        (intervention("force: {point: mao_12oct, option: stop, option: enter}"), "interventions[0].force.option", ""),
        (
            HEAD + "interventions:\n  - force:\n      point: mao_12oct\n      point: black_sea\n",
            "force.point",
            "line 6",
        ),
    ],
)
def test_duplicate_keys_are_refused(text, key, line):
    message = refused(text)
    assert key in message and line in message and "given twice" in message


# ------------------------------------------------------------------ contradictions and interventions that never act
def test_forcing_a_removed_point_is_refused():
    message = refused(
        intervention("remove: {event: inchon_landing}") + "  - force: {point: inchon_landing, option: land}\n"
    )
    assert "interventions[1]" in message and "inchon_landing is removed by intervention 0" in message


def test_forcing_a_point_the_base_removes_names_the_base():
    message = refused(HEAD + "base: no_inchon\ninterventions:\n  - forbid: {point: inchon_landing, option: land}\n")
    assert "interventions[0]" in message and "the base 'no_inchon'" in message and "-1" not in message


def test_a_contradiction_with_the_base_names_the_base_not_a_negative_index():
    text = HEAD + "base: china_refuses_12_oct\ninterventions:\n  - force: {point: mao_12oct, option: enter}\n"
    message = refused(text)
    assert "intervention 0 of the base 'china_refuses_12_oct'" in message and "-1" not in message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            HEAD
            + "horizon: 1954-12-31\n"
            + intervention("force: {point: cpv_crossing, option: wait, from: 1955-01-01}")[len(HEAD) :],
            "interventions[0].force.from",
        ),
        (
            HEAD + "horizon: 1952-12-31\n" + intervention("move: {event: stalin_death, date: 1953-06-01}")[len(HEAD) :],
            "interventions[0].move.date",
        ),
        (
            HEAD
            + "horizon: 1951-12-31\n"
            + intervention("forbid: {point: pow_deadlock, option: concede}")[len(HEAD) :],
            "interventions[0].forbid.point",
        ),
        (
            HEAD + "horizon: 1952-12-31\n" + intervention("remove: {event: stalin_death}")[len(HEAD) :],
            "interventions[0].remove.event",
        ),
        (intervention("force: {point: us_pow_policy, option: all_for_all, from: 1957-01-01}"), "force.from"),
    ],
)
def test_an_intervention_that_can_never_take_effect_is_refused(text, key):
    message = refused(text)
    assert key in message and ("horizon" in message or "outside the dates" in message)


def test_an_intervention_on_the_horizon_is_accepted():
    parse(HEAD + "horizon: 1953-03-05\ninterventions:\n  - move: {event: stalin_death, date: 1953-03-05}\n")


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    "value", ["19501012", "'19501012'", "1950-W41-4", "1950-10-12T00:00", "1950-1-12", "١٩٥٠-10-12"]
)
def test_dates_must_be_written_yyyy_mm_dd(value):
    message = refused(intervention(f"force: {{point: mao_12oct, option: stop, from: {value}}}"))
    assert "YYYY-MM-DD" in message and "interventions[0].force.from" in message


# ------------------------------------------------------------------ messages that blamed the wrong thing
def test_a_long_base_chain_says_so(tmp_path):
    (tmp_path / "s0.yaml").write_text("name: s0\ntitle: S\n")
    for i in range(1, 600):
        (tmp_path / f"s{i}.yaml").write_text(f"name: s{i}\ntitle: S\nbase: s{i - 1}.yaml\n")
    with pytest.raises(ScenarioError) as info:
        load(str(tmp_path / "s599.yaml"))
    message = str(info.value)
    assert f"the base chain is too long (limit {MAX_CHAIN} files)" in message
    assert "s599.yaml" in message and "YAML" not in message and "recursion" not in message
    assert [s.name for s in load(str(tmp_path / f"s{MAX_CHAIN - 2}.yaml")).chain()][:2] == ["baseline", "s0"]


def test_an_error_in_a_base_names_the_child_that_pulled_it_in(tmp_path):
    (tmp_path / "bad.yaml").write_text("name: bad\ntitle: B\nruns: many\n")
    (tmp_path / "child.yaml").write_text("name: child\ntitle: C\nbase: bad.yaml\n")
    (tmp_path / "top.yaml").write_text("name: top\ntitle: T\nbase: child.yaml\n")
    with pytest.raises(ScenarioError) as info:
        load(str(tmp_path / "child.yaml"))
    assert "bad.yaml, line 3, key 'runs'" in str(info.value)
    assert f"(base of {tmp_path / 'child.yaml'})" in str(info.value)
    with pytest.raises(ScenarioError) as info:
        load(str(tmp_path / "top.yaml"))
    assert f"in the base chain of {tmp_path / 'top.yaml'}" in str(info.value)


# ------------------------------------------------------------------ library names and paths
FAKE_BASELINE = "name: baseline\ntitle: Fake\ninterventions:\n  - force: {point: us_intervention, option: stay_out}\n"


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_file_or_folder_named_like_a_library_scenario_never_replaces_it(tmp_path, monkeypatch, kind):
    monkeypatch.chdir(tmp_path)
    if kind == "file":
        (tmp_path / "baseline").write_text(FAKE_BASELINE)
        (tmp_path / "china_refuses_12_oct").write_text(FAKE_BASELINE.replace("baseline", "china_refuses_12_oct"))
    else:
        (tmp_path / "baseline").mkdir()
        (tmp_path / "baseline" / "baseline.yaml").write_text(FAKE_BASELINE)
    assert load("baseline").title == "The historical baseline" and not load("baseline").interventions
    refuses = load("china_refuses_12_oct")
    assert refuses.base.title == "The historical baseline"  # the implicit base, too
    assert [type(i).__name__ for i in refuses.all_interventions()] == ["Force"]
    (tmp_path / "mine.yaml").write_text("name: mine\ntitle: Mine\n")
    assert load("mine.yaml").base.title == "The historical baseline"
    if kind == "file":  # a path reaches the file, but it may not take the library scenario's name
        with pytest.raises(ScenarioError, match="a scenario of yours needs a name of its own"):
            load("./baseline")
        (tmp_path / "baseline").write_text(FAKE_BASELINE.replace("name: baseline", "name: fake"))
        assert load("./baseline").title == "Fake"


def test_a_file_may_not_take_a_library_scenarios_name_unless_it_is_that_scenario(tmp_path):
    shipped = library()["no_inchon"]
    (tmp_path / "impostor.yaml").write_text(shipped.read_text() + "# edited\n")
    with pytest.raises(ScenarioError) as info:
        load(str(tmp_path / "impostor.yaml"))
    assert "key 'name'" in str(info.value) and "no_inchon_mine" in str(info.value)
    (tmp_path / "copy.yaml").write_bytes(shipped.read_bytes())  # a byte-identical copy is the library scenario
    assert load(str(tmp_path / "copy.yaml")).name == "no_inchon"


def test_a_name_that_is_only_a_local_file_says_how_to_use_it(cli, tmp_path):
    (tmp_path / "mine").write_text("name: mine\ntitle: Mine\n")
    code, output = cli("validate", "mine")
    assert code == 2 and "no scenario of that name in the library" in output and "write ./mine" in output
    code, output = cli("validate", "./mine")
    assert code == 0
    (tmp_path / "child.yaml").write_text("name: child\ntitle: C\nbase: mine\n")
    code, output = cli("validate", "child.yaml")
    assert code == 2 and "child.yaml, line 3, key 'base'" in output and "write ./mine" in output


def test_a_path_to_a_missing_file_points_at_the_library_name(cli):
    code, output = cli("validate", "baseline.yaml")
    assert code == 2 and "no such scenario file" in output and "write its name alone, 'baseline'" in output


@pytest.mark.parametrize("argument", ["x" * 5000, "x" * 5000 + "/a.yaml", "a\0b", "", "a/b/../../c.yaml"])
def test_odd_arguments_are_refused_cleanly(cli, argument):
    with pytest.raises(ScenarioError):
        load(argument)
    if "\0" not in argument:  # the operating system refuses NUL in a command line before we see it
        code, _ = cli("validate", argument)
        assert code == 2


def test_relative_bases_are_relative_to_the_file(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("name: a\ntitle: A\n")
    (tmp_path / "sub" / "b.yaml").write_text("name: b\ntitle: B\nbase: a.yaml\n")
    (tmp_path / "a.yaml").write_text("name: wrong\ntitle: Wrong\n")
    monkeypatch.chdir(tmp_path)
    assert load("sub/b.yaml").base.name == "a"


# ------------------------------------------------------------------ runs
def test_runs_keep_their_range_and_share_the_limit():
    assert MAX_RUNS == 10_000_000
    assert parse(HEAD + f"runs: {MAX_RUNS}\n").runs == MAX_RUNS
    for bad in (0, -5, MAX_RUNS + 1, "1e12", "0x10", "10.0"):
        assert "key 'runs'" in refused(HEAD + f"runs: {bad}\n")


def test_library_files_still_load_and_nothing_else_changed():
    sc = load("china_refuses_12_oct")
    assert sc.source.endswith("china_refuses_12_oct.yaml") and Path(sc.source).is_file()
    assert parse(HEAD + "runs: 10_000\n").runs == 10_000  # YAML's digit separators still work


# ------------------------------------------------------------------ found by the fuzz test
@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('title: "T \\ud83d"', "title"),  # half a UTF-16 pair: printing it crashed `validate` and `run`
        ('description: "a\\x1b[2Jb"', "description"),  # a terminal escape code
        ('expect: "a\\x00b"', "expect"),
        ('title: "two\\nlines"', "title"),
    ],
)
def test_text_that_cannot_be_printed_is_refused(cli, tmp_path, line, key):
    text = "name: x\n" + ("" if line.startswith("title") else "title: X\n") + line + "\n"
    assert f"key '{key}'" in refused(text)
    (tmp_path / "t.yaml").write_text(text)
    code, output = cli("validate", "t.yaml")
    assert code == 2 and f"key '{key}'" in output
    assert parse(HEAD + 'description: "tabs\\tand\\nlines are fine"\n').description == "tabs\tand\nlines are fine"


def test_the_reference_states_the_limits_the_code_applies():
    from sim.scenario import grammar

    ref = " ".join((Path(__file__).resolve().parents[1] / "scenarios" / "README.md").read_text().split())
    assert f"at most {grammar.MAX_NAME} characters" in ref and f"over {grammar.MAX_NAME} characters" in ref
    assert f"at most {grammar.MAX_TITLE} characters" in ref
    assert f"longer than {grammar.MAX_CHAIN} files" in ref and f"up to {grammar.MAX_CHAIN} files" in ref
    assert f"larger than {grammar.MAX_BYTES // 1024} KB" in ref
    assert f"more than {grammar.MAX_DEPTH} deep" in ref
    assert f"more than {grammar.MAX_INTERVENTIONS} interventions" in ref
    assert f"1 to {grammar.MAX_RUNS:,}" in ref


def test_a_folder_or_a_device_is_not_a_scenario_file(cli, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "a.yaml").write_text("name: a\ntitle: A\n")
    code, output = cli("validate", "mine/")
    assert code == 2 and "is a folder, not a scenario file" in output and "mine/a.yaml" in output
    code, output = cli("validate", "mine")
    assert code == 2 and "There is a folder 'mine' here; give its .yaml files" in output
    code, output = cli("validate", "/dev/null")
    assert code == 2 and "not a scenario file (not a regular file)" in output
