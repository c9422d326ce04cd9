"""The classroom page (issue 14): its logic, its Solara components rendered headless, and `whatif serve`.

The page's logic (``sim.web.choices``, ``compute``, ``seat``, ``lesson``)
is tested without a browser; the components are rendered with
``solara.render`` as Mesa's own tests do, and their buttons clicked. The
real page in a browser is ``tests/test_web_e2e.py``. Small world counts keep
this module to a few seconds.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cli import main
from sim import api
from sim.web import compute, lesson, seat
from sim.web.choices import Choices

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
RUNS = 300


# ------------------------------------------------------------------ the core never needs Solara
def test_the_core_never_imports_solara():
    code = "import sys, cli, sim.api, sim.cli.main, sim.web, sim.web.choices; print('solara' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "solara", None)  # as if not installed: `import solara` fails
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 2
    assert len(r.output.strip().splitlines()) == 1
    assert 'pip install ".[web]"' in r.output


def _fake_server(monkeypatch, web) -> tuple[list, list]:
    """Replace the page's server process: (the argument lists, the environments) it was started with."""
    started, envs = [], []

    class FakeServer:
        def __init__(self, args, env):
            started.append(args)
            envs.append(env)

        def wait(self):
            return 0

        def poll(self):
            return 0

    monkeypatch.setattr(web.subprocess, "Popen", FakeServer)
    return started, envs


def test_serve_starts_solara_on_the_port_and_prints_the_address(monkeypatch):
    pytest.importorskip("solara")
    from sim.cli import web

    started, _ = _fake_server(monkeypatch, web)
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert "http://localhost:8123/" in r.output
    assert started[0][1:6] == ["-m", "solara", "run", "sim.web.app", "--port"] and "8123" in started[0]


def test_serve_on_a_taken_port_or_an_unknown_host_is_refused_before_starting(monkeypatch):
    pytest.importorskip("solara")
    from sim.cli import web

    monkeypatch.setattr(web.subprocess, "Popen", lambda *a, **k: pytest.fail("the server must not start"))
    with socket.create_server(("localhost", 0)) as taken:
        port = taken.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert r.exit_code == 2 and "choose another with --port" in r.output and "Traceback" not in r.output
    assert "http://" not in r.output  # no address printed for a page that cannot start
    r = CliRunner().invoke(main, ["serve", "--host", "no.such.host.invalid"])
    assert r.exit_code == 2 and "is not an address of this machine" in r.output


def _prefix(root: Path, assets: bool) -> Path:
    (root / "share" / "solara" / "cdn").mkdir(parents=True)
    if assets:
        (root / "share" / "solara" / "cdn" / "requirejs@2.3.6").mkdir()
    return root


def test_a_venv_using_its_bases_packages_gets_solaras_data_from_the_base(monkeypatch, tmp_path):
    """--system-site-packages: Solara and its assets live in the base; the venv has none (or the empty folder
    Solara makes), so the server is pointed at the base's assets and Jupyter settings."""
    from sim.cli import web

    base, venv = _prefix(tmp_path / "base", assets=True), _prefix(tmp_path / "venv", assets=False)
    monkeypatch.setattr(sys, "base_prefix", str(base))
    monkeypatch.setattr(sys, "prefix", str(venv))
    monkeypatch.delenv("SOLARA_ASSETS_PROXY_CACHE_DIR", raising=False)
    monkeypatch.setenv("JUPYTER_PATH", "/mine")
    env = web.server_env()
    assert env["SOLARA_ASSETS_PROXY_CACHE_DIR"] == str(base / "share" / "solara" / "cdn")
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(base / "etc" / "jupyter")]
    assert env["JUPYTER_PATH"].split(os.pathsep) == ["/mine", str(base / "share" / "jupyter")]  # the user's first
    monkeypatch.setenv("SOLARA_ASSETS_PROXY_CACHE_DIR", "/my/cache")
    assert web.server_env()["SOLARA_ASSETS_PROXY_CACHE_DIR"] == "/my/cache"  # a user's setting wins


def test_an_environment_with_its_own_solara_is_left_alone(monkeypatch, tmp_path):
    from sim.cli import web

    base, venv = _prefix(tmp_path / "base", assets=True), _prefix(tmp_path / "venv", assets=True)
    monkeypatch.setattr(sys, "base_prefix", str(base))
    monkeypatch.setattr(sys, "prefix", str(venv))
    for name in ("SOLARA_ASSETS_PROXY_CACHE_DIR", "JUPYTER_CONFIG_PATH", "JUPYTER_PATH"):
        monkeypatch.delenv(name, raising=False)
    env = web.server_env()
    assert not {"SOLARA_ASSETS_PROXY_CACHE_DIR", "JUPYTER_CONFIG_PATH", "JUPYTER_PATH"} & set(env)
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(ROOT)


def test_the_page_serves_from_a_venv_using_its_bases_packages(tmp_path):
    """A real --system-site-packages venv: the page and its offline JavaScript answer 200 (were 500 and 404)."""
    import socket
    import time
    import urllib.error
    import urllib.request

    pytest.importorskip("solara")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    with socket.socket() as s:
        s.bind(("localhost", 0))
        port = s.getsockname()[1]
    code = f"import cli; cli.main(['serve', '--port', '{port}'])"
    proc = subprocess.Popen(
        [str(python), "-c", code], cwd=ROOT, env=ENV, start_new_session=True, stdout=subprocess.DEVNULL
    )
    url = f"http://localhost:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status = urllib.request.urlopen(url, timeout=5).status
                break
            except urllib.error.HTTPError as answer:  # it answered, with an error
                status = answer.code
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "whatif serve did not answer"
                time.sleep(0.3)
        assert status == 200
        script = urllib.request.urlopen(url + "_solara/cdn/requirejs@2.3.6/require.js", timeout=10)
        assert script.status == 200 and b"requirejs" in script.read(2000)
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)


def test_serve_says_where_the_page_finds_your_scenarios(monkeypatch, tmp_path):
    pytest.importorskip("solara")
    from sim.cli import web

    _, envs = _fake_server(monkeypatch, web)
    monkeypatch.chdir(tmp_path)  # no ./scenarios/ here
    monkeypatch.delenv("WHATIF_SCENARIO_PATH", raising=False)
    shown = " ".join(CliRunner().invoke(main, ["serve", "--help"]).output.split())
    assert "whatif --scenario-path DIR serve" in shown and "WHATIF_SCENARIO_PATH" in shown and "./scenarios/" in shown
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 0 and "Your own scenarios: none; put .yaml scenario files in ./scenarios/" in r.output
    folder = tmp_path / "mine"
    folder.mkdir()
    _scenario_file(folder, "yours_first", "baseline", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    (folder / "broken.yaml").write_text("name: broken\n")
    r = CliRunner().invoke(main, ["--scenario-path", str(folder), "serve", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert f"the .yaml files in {folder} (--scenario-path)\n  2 found, 1 with a problem the page shows" in r.output
    assert envs[-1]["WHATIF_PAGE_SCENARIO_FOLDERS"] == str(folder.resolve())  # handed to the page's server
    from sim.api import classroom

    monkeypatch.setattr(classroom, "use_scenario_folders", lambda f: envs.append(list(f)))
    classroom.use_page_folders(envs[-1])
    assert envs[-1] == [str(folder.resolve())]
    monkeypatch.setenv("WHATIF_SCENARIO_PATH", str(tmp_path / "gone"))  # no name would load: refused, not started
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 2 and "is not a folder" in r.output and "http://" not in r.output


def test_ctrl_c_stops_the_page_with_its_own_line(monkeypatch):
    """Ctrl-C is how the page stops: exit 130 saying so, the server terminated (not the run commands' line)."""
    pytest.importorskip("solara")
    from sim.cli import web

    stopped = []

    class InterruptedServer:
        def __init__(self, args, env):
            self.running = True

        def wait(self, timeout=None):
            if self.running:
                raise KeyboardInterrupt
            return -15

        def poll(self):
            return None if self.running else -15

        def terminate(self):
            self.running = False
            stopped.append(True)

    monkeypatch.setattr(web.subprocess, "Popen", InterruptedServer)
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 130, r.output
    assert r.output.strip().splitlines()[-1] == "whatif: the classroom page is stopped."
    assert stopped == [True]


# ------------------------------------------------------------------ change history: the YAML
def test_every_setting_of_the_page_is_a_valid_scenario():
    from sim.api import classroom

    for sw in classroom.switches():
        for setting, _ in sw.settings():
            api.scenario(Choices(switches={sw.point: setting}).yaml())
    api.scenario(Choices(death="never").yaml())
    api.scenario(Choices(death="1951-06-01", variants={"mao_cable_2oct": "russian"}).yaml())
    sc = api.scenario(Choices(weight=("stalin.avoid_us_war", 0.5), china="likely").yaml())
    assert [p.key for p in sc.predict] == ["china_entered"]


def test_the_page_yaml_runs_from_the_command_line(tmp_path):
    choices = Choices(switches={"mao_12oct": "force:stop"}, china="unlikely", runs=RUNS)
    path = tmp_path / "mine.yaml"
    path.write_text(choices.yaml(), encoding="utf-8")
    r = CliRunner().invoke(main, ["run", str(path), "--runs", str(RUNS), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert "your prediction held" in r.output
    assert yaml.safe_load(path.read_text())["interventions"] == [
        {"force": {"point": "mao_12oct", "option": "stop", "from": "1950-10-12"}}
    ]


def test_run_reuses_the_base_and_the_refusal_lowers_china_entry():
    base = compute.update("baseline", Choices().yaml(), RUNS, figures=False)
    stop = compute.update("baseline", Choices(switches={"mao_12oct": "force:stop"}).yaml(), RUNS)
    assert compute.ensemble("baseline", RUNS) is compute.ensemble("baseline", RUNS)  # the base is cached
    china = {r["key"]: r for r in stop.rows}["china_entered"]
    assert china["changed"] < china["base"] - 0.3
    assert china["low"] <= china["changed"] <= china["high"]
    assert base.rows[3]["base"] == base.rows[3]["changed"]
    assert len(stop.figures) == 3
    compute.close(stop)


# ------------------------------------------------------------------ play a leader
def _play(leader: str, world: int, policy) -> tuple[list, dict]:
    picks = []
    while (step := seat.step("baseline", leader, world, picks))["next"] is not None:
        picks.append(seat.pick(step["next"], policy(step["next"])))
    return picks, step


def test_playing_mao_is_deterministic_and_the_saved_scenario_replays_the_world():
    stop_then_first = lambda e: "stop" if e["node"] == "mao_12oct" else e["options"][0]  # noqa: E731
    picks, end = _play("mao", 0, stop_then_first)
    again, end_again = _play("mao", 0, stop_then_first)
    assert picks == again and end["trace"] == end_again["trace"]
    assert {"mao_consent", "mao_12oct"} <= {p.point for p in picks}
    text = seat.scenario_text("baseline", "mao", 0, picks)
    assert api.trace_world(api.scenario(text), 0) == end["trace"]
    rows = seat.against_ensemble("baseline", picks, RUNS)
    for r in rows:
        assert r["same"] is None or 0 <= r["same"] <= 1
        assert 0 <= r["model_p"] <= 1 and r["model"]


def test_a_repeated_point_is_compared_with_the_base_only_at_its_first_asking():
    """Truman's 'fight on' is asked again and again; each repeat was compared with the base's first asking."""
    picks, _ = _play("truman", 0, lambda e: e["options"][0])
    rows = seat.against_ensemble("baseline", picks, RUNS)
    points = [r["pick"].point for r in rows]
    repeats = [r for k, r in enumerate(rows) if r["pick"].point in points[:k]]
    assert repeats and all(r["repeat"] and r["same"] is None for r in repeats)
    assert not any(r["repeat"] for k, r in enumerate(rows) if r["pick"].point not in points[:k])


def test_considerations_are_documented_terms_with_evidence():
    step = seat.step("baseline", "mao", 0, [])
    rows = seat.considerations("mao", step["next"])
    assert rows and all(r["evidence"] and r["measures"] for r in rows)


# ------------------------------------------------------------------ teacher: lessons
def test_the_shipped_lesson_parses_and_round_trips():
    les = lesson.load(lesson.shipped()["china_enters"])
    assert len(les.steps) >= 3 and all(s.questions for s in les.steps)
    assert lesson.parse(les.text()) == les


def test_a_bad_lesson_names_each_problem():
    with pytest.raises(lesson.LessonError) as err:
        lesson.parse("steps: [{scenario: nope, switches: {mao_12oct: maybe}, colour: red}]")
    text = str(err.value)
    assert "nope" in text and "maybe" in text and "colour" in text and "give the lesson a title" in text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: T\nsteps: [{scenario: baseline, switches: [mao_12oct]}]", "switches must be a mapping"),
        ("title: T\nsteps:\n  - scenario: baseline\n    questions:\n      - Predict: does it\n", "quote a question"),
        ("title: T\na: &a [x, x]\nb: &b [*a, *a]\nsteps: [{scenario: baseline, questions: *b}]", "aliases"),
        ("title: T\nsteps:\n" + "  - {scenario: baseline}\n" * 31, "at most 30 steps"),
        ("title: T\nsteps: [{scenario: china_refuses_12_oct, switches: {mao_12oct: force:enter}}]", "contradict"),
        ("title: T\nsteps: [{scenario: baseline, switches: {mao_12oct: maybe}}]", "force:enter, force:stop, free"),
        ("title: T\nsteps: [{scenario: baseline, questions: [" + "q, " * 21 + "q]}]", "up to 20 lines"),
        ("title: T\n# " + "x" * 70_000 + "\nsteps: [{scenario: baseline}]", "at most 64 KB"),
    ],
)
def test_a_careless_or_hostile_lesson_is_refused_in_words(text, problem):
    """Wrong types gave a traceback in place of the page; nested aliases tied up the class's shared server."""
    with pytest.raises(lesson.LessonError, match=problem):
        lesson.parse(text)


def test_lesson_questions_are_shown_as_text_never_as_markup(page):
    """A lesson file is not trusted: a question's HTML, script or link must reach the page as text (it was Markdown,
    so a dropped file ran its JavaScript in every browser that opened it)."""
    import ipyvuetify as v
    import ipywidgets

    solara, state = page
    from sim.web.app import Page

    hostile = '<img src=x onerror="window.pwned=1">Q1 [click](javascript:alert(1))'
    state.open_lesson(lesson.parse(f"title: T\nsteps: [{{scenario: baseline, questions: ['{hostile}']}}]"))
    box, rc = solara.render(Page(), handle_error=False)
    assert hostile in _texts(box)  # shown, word for word
    markup = [w for w in rc.find(ipywidgets.Widget).widgets if "Markdown" in type(w).__name__ or isinstance(w, v.Html)]
    for widget in [*markup, *rc.find(ipywidgets.HTML).widgets]:
        assert "onerror" not in _texts(widget) and "javascript:" not in _texts(widget)
    rc.close()


# ------------------------------------------------------------------ the components, headless
def _texts(widget, seen=None) -> str:
    """Every text a rendered widget tree shows (labels, markdown, HTML)."""
    import ipywidgets

    seen = set() if seen is None else seen
    if isinstance(widget, str):
        return widget
    if not isinstance(widget, ipywidgets.Widget) or id(widget) in seen:
        return ""
    seen.add(id(widget))
    out = [
        getattr(widget, k) for k in ("value", "label", "unsafe_innerHTML") if isinstance(getattr(widget, k, None), str)
    ]
    template = getattr(widget, "template", None)
    out.append(template if isinstance(template, str) else getattr(template, "template", "") or "")
    out += [_texts(c, seen) for c in getattr(widget, "children", None) or []]
    return "\n".join(o for o in out if o)


@pytest.fixture
def page():
    """A fresh page state with few worlds; the Solara renderer."""
    solara = pytest.importorskip("solara")
    from sim.web import state

    state.open_lesson(lesson.Lesson("test", (lesson.Step("baseline", runs=RUNS),)))
    state.current_lesson.value = None
    yield solara, state


def _click(rc, label: str) -> None:
    import ipyvuetify as v

    rc.find(v.Btn, children=[label]).widget.click()


def _toggle(rc, label: str) -> None:
    """Press a toggle button (as the browser does: the toggle group's value becomes the button's)."""
    import ipyvuetify as v

    for group in rc.find(v.BtnToggle).widgets:
        for index, button in enumerate(group.children):
            if getattr(button, "children", None) == [label]:
                group.v_model = index  # the toggle group's model is the pressed button's index
                return
    raise AssertionError(f"no toggle button {label!r}")


def test_the_whole_page_renders(page):
    solara, _ = page
    from sim.web.app import Page

    box, rc = solara.render(Page(), handle_error=False)
    text = _texts(box)
    for tab in ("Change history", "The story", "Play a leader", "Teacher"):
        assert tab in text
    rc.close()


def test_change_history_runs_and_shows_the_prediction_beside_the_result(page):
    solara, state = page
    from sim.web.history import HistoryTab

    box, rc = solara.render(HistoryTab(), handle_error=False)
    _toggle(rc, "force: stop the entry plan")
    _toggle(rc, "unlikely")
    _click(rc, "Run")
    text = _texts(box)
    assert "You predicted" in text and "95% interval" in text and "your prediction held" in text
    assert "option: stop" in state.ran.value[1]
    assert "Download the scenario (YAML)" in text
    assert state.switches.value == {"mao_12oct": "force:stop"}
    rc.close()


def test_a_new_weight_starts_in_its_own_documented_range(page):
    """0.9 stayed on the slider when the term changed, even to stalin.kim_pressure (documented 0.05-0.3)."""
    _, state = page
    state.set_weight_term("stalin.kim_pressure")
    assert state.weight_param.value == "stalin.kim_pressure" and 0.05 <= state.weight_value.value <= 0.3


def test_the_results_table_shows_every_outcome_the_command_line_does():
    from sim.case import outcomes

    assert set(compute.SHOWN) == set(outcomes.BOOLEAN) and set(compute.ENDINGS) == set(outcomes.FINAL)


def test_no_prediction_is_not_scored(page):
    solara, _ = page
    from sim.web.history import HistoryTab

    box, rc = solara.render(HistoryTab(), handle_error=False)
    _click(rc, "Run")
    text = _texts(box)
    assert "You made no prediction" in text and "your guess" not in text and "points from the result" not in text
    rc.close()


def test_the_story_links_its_sources_and_says_why_a_world_differed(page):
    solara, state = page
    from sim.web.story import StoryTab

    state.set_switch("mao_12oct", "force:stop")
    state.run()
    box, rc = solara.render(StoryTab(), handle_error=False)
    _click(rc, "Show this world")
    assert 'href="#bib-' in _texts(box) and 'id="bib-' in _texts(box)
    _click(rc, "Find one")  # a world where China stayed out
    assert state.story.value["outcome"]["china_entered"] is False
    _click(rc, "Why did this world differ?")
    assert "Why did world" in _texts(box)
    _click(rc, "Which choices made China's entry?")
    assert "attribution" in _texts(box) and state.attribution.value
    rc.close()


def test_the_story_keeps_its_own_errors_and_its_worlds_within_the_run(page):
    """A world outside the run is refused in words; the story's error is not the Run's, and goes with the next world;
    a card names the world it was computed for, not the World box's."""
    solara, state = page
    from sim.web.story import StoryTab

    state.run()
    box, rc = solara.render(StoryTab(), handle_error=False)
    for bad in (RUNS, 999_999, -1):
        state.show_world(bad)
        assert f"world {bad} is not one of this run's worlds" in (state.story_error.value or "")
    assert state.story.value is None and state.error.value is None  # the Run's own message is untouched
    state.show_world(2)
    assert state.story_error.value is None and state.story.value["world"] == 2
    _click(rc, "Why did this world differ?")
    state.world.value = 7  # typed in the box, not shown
    assert "Why did world 2 differ?" in _texts(box)
    rc.close()


def test_a_failed_run_takes_the_old_results_off_the_page(page):
    _, state = page
    state.run()
    assert state.result.value is not None
    state.base.value = "china_refuses_12_oct"
    state.set_switch("mao_12oct", "force:enter")  # the base forces the opposite: refused
    state.run()
    assert state.error.value and state.result.value is None and state.ran.value is None
    assert "<notebook>" not in state.error_detail.value and "/scenarios/" not in state.error_detail.value  # no path


def test_a_refused_run_says_in_plain_words_which_switch_contradicts_the_base_and_what_to_do(page):
    """It said "it forces 'enter' at mao_12oct while intervention 0 of the base ... forces 'stop' there"."""
    solara, state = page
    from sim.web.history import Prediction

    state.set_base("china_refuses_12_oct")
    state.set_switch("mao_12oct", "force:enter")
    state.run()
    assert state.error.value == (
        "Your switch 'force: go ahead with the entry' at \"Mao's decision of 12 October\" contradicts the base "
        'scenario "Permanent Chinese refusal on 12 October 1950": in that scenario Mao Zedong chooses \'stop the '
        "entry plan' from 12 October 1950 on. To run, set the switch back to 'force: stop the entry plan', or choose "
        'a base scenario that leaves this decision to the model (such as "The historical baseline") and set it there.'
    )
    assert state.error_detail.value.startswith("it forces 'enter' at mao_12oct while intervention 0 of the base")
    box, rc = solara.render(Prediction(), handle_error=False)
    assert "For the teacher: the scenario language's message" in _texts(box)
    rc.close()


@pytest.mark.parametrize(
    ("base", "switches", "words"),
    [
        ("no_inchon", {"inchon_landing": "force:land"}, "in that scenario this decision never happens"),
        ("air_cover_at_black_sea", {"black_sea": "forbid:air_cover_now"}, "the first time the decision comes up"),
        ("china_enters_after_inchon", {"mao_12oct": "force:stop"}, '("Stalin and Chinese troops after Inchon")'),
    ],
)
def test_every_kind_of_contradiction_with_the_base_is_explained(base, switches, words):
    """A removed decision, a forbid against the base's force, and a switch whose dates also bind a decision the
    base fixes (forcing Mao's stop from 12 October binds Stalin's invitation after Inchon)."""
    from sim.web import refusal

    choices = Choices(base, switches)
    with pytest.raises(api.USER_ERRORS) as refused:
        api.scenario(choices.yaml())
    text = refusal.explain(choices, str(refused.value))
    assert text.startswith("Your switch '") and words in text and "To run, set the switch back to '" in text


def test_playing_a_seat_through_to_the_end(page):
    solara, state = page
    from sim.web.play import PlayTab

    box, rc = solara.render(PlayTab(), handle_error=False)
    _click(rc, "Take the seat")
    for _ in range(20):
        step = state.seat_state.value
        if step["next"] is None:
            break
        assert "documented considerations" in _texts(box)
        entry = step["next"]
        state.seat_choose(entry["options"][0])
    text = _texts(box)
    assert "chose as you did" in text and "would have chosen" in text
    assert "Save your choices as a scenario (YAML)" in text
    rc.close()


def _mao_seated(page):
    """The Play tab rendered, with Mao's seat taken in world 0: (rendered box, render context, page state)."""
    solara, state = page
    from sim.web.play import PlayTab

    state.seat_leader.value = "mao"
    box, rc = solara.render(PlayTab(), handle_error=False)
    _click(rc, "Take the seat")
    return box, rc, state


def test_a_double_click_makes_one_decision(page):
    """The second click of a double click lands on the next decision's button of the same name: it is ignored."""
    import ipyvuetify as v

    _, rc, state = _mao_seated(page)
    options = [b for b in rc.find(v.Btn).widgets if "seat-option" in (b.class_ or "")]
    options[0].click()
    assert len(state.picks.value) == 1
    # a double click: its second click reaches a button made for the first decision, with that decision's count
    option = state.seat_state.value["next"]["options"][0]
    state.seat_choose(option, 0)
    assert len(state.picks.value) == 1
    state.seat_choose(option, 1)
    assert len(state.picks.value) == 2
    rc.close()


def test_a_seat_is_taken_only_in_a_world_the_command_line_can_replay(page):
    _, state = page
    for bad in (-3, 123_456_789_012):
        state.seat_world.value = bad
        state.seat_start()
        assert "cannot be played" in state.seat_error.value and state.seat_state.value is None
    state.seat_world.value = 4
    state.seat_start()
    assert state.seat_error.value is None and state.seat_taken.value[2] == 4


def test_changing_the_seat_box_mid_game_does_not_mix_games(page):
    """The seat, world and base are the game's once the seat is taken; the boxes matter at the next 'Take the seat'."""
    box, rc, state = _mao_seated(page)
    state.seat_leader.value, state.seat_world.value = "truman", 3  # changed in the boxes, not taken
    entry = state.seat_state.value["next"]
    assert "You are <strong>Mao Zedong</strong>" in _texts(box)
    state.seat_choose(entry["options"][0], 0)
    assert state.seat_taken.value[1:] == ("mao", 0) and "You are <strong>Mao Zedong</strong>" in _texts(box)
    rc.close()


def test_the_teacher_resets_the_page_to_a_lesson(page):
    solara, state = page
    from sim.web.app import Page

    state.set_switch("un_cross_38th", "force:halt")
    box, rc = solara.render(Page(), handle_error=False)
    _click(rc, "Reset the page to this lesson")
    assert state.current_lesson.value is not None and state.switches.value == {}
    _click(rc, "Next step")
    assert state.switches.value == {"mao_12oct": "force:stop"}
    assert "Lesson:" in _texts(box) and "Share this lesson (YAML file)" in _texts(box)
    rc.close()


# ------------------------------------------------------------------ plain words
def test_the_page_names_things_in_plain_words_with_the_code_name_as_small_print(page):
    """A student read mao.alliance_dependence, un_command, china_refuses_12_oct, "chinese" / "russian"."""
    import ipyvuetify as v

    solara, _ = page
    from sim.web import words
    from sim.web.app import Page

    box, rc = solara.render(Page(), handle_error=False)
    text = _texts(box)
    assert "decided by UN commander (MacArthur, then Ridgway)" in text and "(un_command;" not in text
    assert "in a scenario file: inchon_landing, options land / no_landing" in text  # the code, as small print
    assert "The sources disagree: Mao's 2 October cable" in text and "Source dispute `" not in text
    assert _pressed(rc, "Chinese text")[1] == ["Chinese text", "Russian text"]
    assert "The sources disagree: How far Stalin backed Beijing's line in the armistice talks" in text
    assert _pressed(rc, "both readings")[1] == ["both readings", "Shen", "Weathersby"]  # a weight's readings
    items = {w.label: w.items for w in rc.find(v.Select).widgets}
    assert {
        "text": "Permanent Chinese refusal on 12 October 1950 (china_refuses_12_oct)",
        "value": "china_refuses_12_oct",
    } in items["Base scenario"]
    assert items["Base scenario"][0]["value"] == "baseline"
    assert any(i["text"].startswith("Mao Zedong: following Moscow's line") for i in items["Whose weight, on what"])
    assert items["Shipped lessons"][0]["text"].startswith("Why did China enter the Korean War")
    rc.close()
    assert {"text": "China entered: no (china_entered=false)", "value": "china_entered=false"} in words.outcome_picks()
    assert {"text": "Mao Zedong (mao)", "value": "mao"} in words.seats()
    from sim.api import classroom
    from sim.web.play import _line

    landing = {"date": "1950-09-15", "title": "Inchon", "decider": "un_command", "node": "inchon_landing"}
    assert "UN commander (MacArthur, then Ridgway): land at Inchon" in _line(
        {**landing, "choice": "land"}, classroom.labels()
    )
    assert Choices(switches={"mao_12oct": "force:stop"}).title() == (
        "Classroom: Mao's decision of 12 October: force 'stop the entry plan'"
    )  # the charts' legends show it (was "Classroom: force mao_12oct = stop")
    assert Choices(weight=("mao.alliance_dependence", 1.5)).title() == (
        "Classroom: Mao Zedong's weight on following Moscow's line = 1.5"
    )  # was "... weight on alliance dependence = 1.5", the term's code name


# ------------------------------------------------------------------ the base scenario's own settings
def _pressed(rc, label: str) -> tuple[str, list[str]]:
    """The pressed button of the toggle group holding ``label``, and every button of that group."""
    import ipyvuetify as v

    for group in rc.find(v.BtnToggle).widgets:
        labels = [b.children[0] for b in group.children]
        if label in labels:
            return labels[group.v_model], labels
    raise AssertionError(f"no toggle button {label!r}")


def test_the_controls_show_what_the_base_scenario_sets(page):
    """On china_refuses_12_oct the Mao switch read "the model decides"; on stalin_dies_1952 the slider 5 March 1953."""
    solara, state = page
    from sim.web.history import HistoryTab

    box, rc = solara.render(HistoryTab(), handle_error=False)
    state.set_base("china_refuses_12_oct")
    pressed, offered = _pressed(rc, "force: stop the entry plan")
    assert pressed == "force: stop the entry plan" and "the model decides" not in offered
    assert 'Set by the scenario "Permanent Chinese refusal on 12 October 1950" (china_refuses_12_oct): ' in _texts(box)
    assert state.choices().interventions() == []  # the base's own setting adds nothing to the scenario
    state.set_base("stalin_dies_1952")
    assert state.death.value.isoformat() == "1952-03-05" and "Stalin dies on 5 March 1952" in _texts(box)
    assert _pressed(rc, "force: stop the entry plan")[0] == "the model decides"  # only the old base set it
    state.set_switch("un_cross_38th", "force:halt")  # the student's own setting stays with the next base
    state.set_base("no_inchon")
    assert "this decision never happens" in _texts(box) and "force: land at Inchon" not in _texts(box)
    assert state.death.value.isoformat() == "1953-03-05" and state.switches.value == {"un_cross_38th": "force:halt"}
    state.set_base("stalin_lives_to_1956")
    assert state.stalin_lives.value and state.choices().interventions() == [
        {"force": {"point": "un_cross_38th", "option": "halt"}}
    ]
    rc.close()


def test_moving_a_date_back_from_the_bases_is_written_into_the_scenario():
    """On stalin_dies_1952, the slider at the historical date wrote nothing: the base's 1952 date ran instead."""
    assert Choices("stalin_dies_1952", death="1953-03-05").interventions() == [
        {"move": {"event": "stalin_death", "date": "1953-03-05"}}
    ]
    assert Choices("stalin_dies_1952", death="1952-03-05").interventions() == []
    assert Choices("stalin_lives_to_1956", death="never").interventions() == []
    assert Choices("china_refuses_12_oct", {"mao_12oct": "force:stop"}).interventions() == []


def test_a_lesson_step_shows_its_base_scenarios_settings(page):
    _, state = page
    state.open_lesson(lesson.parse("title: T\nsteps: [{scenario: china_refuses_12_oct}, {scenario: stalin_dies_1952}]"))
    assert state.switches.value == {"mao_12oct": "force:stop"}
    state.apply_step(1)
    assert state.switches.value == {} and state.death.value.isoformat() == "1952-03-05"


MAO = "mao.alliance_dependence"  # documented 0.6-1.2


def _scenario_file(folder: Path, name: str, base: str, sets: str) -> str:
    """A user's scenario file that sets weights or parameters (no library scenario does): its path, as the page's
    base."""
    path = folder / f"{name}.yaml"
    text = f"name: {name}\ntitle: {name.replace('_', ' ').capitalize()}\nbase: {base}\ninterventions:\n{sets}"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_base_scenarios_weights_and_parameters_are_read_through_its_chain(tmp_path):
    from sim.web import fixed

    first = _scenario_file(tmp_path, "mao_defers", "baseline", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    sets = (
        "  - set: {param: stalin.avoid_us_war, range: [0.2, 0.4]}\n"
        f"  - set: {{param: {MAO}, value: 2}}\n"  # over the base's 2.5
        "  - set: {param: chance.inchon_success, value: 0.3}\n"
    )
    given = fixed.fixed(_scenario_file(tmp_path, "and_stalin", first, sets))
    assert given.weights == {MAO: (2.0, 2.0), "stalin.avoid_us_war": (0.2, 0.4)}
    assert given.params["chance.inchon_success"] == (0.3, 0.3)
    assert fixed.drawn(0.2, 0.4) == "drawn in each world from 0.2 to 0.4"
    (unshown,) = fixed.unshown(given)  # no control shows the chance of Inchon: the page says what the base sets
    assert unshown.startswith('Set by the scenario "And stalin"') and "is 0.3 in every world" in unshown
    assert "no control on this page changes it" in unshown


def test_the_weight_control_shows_a_weight_the_base_sets_and_the_students_value_replaces_it(page, tmp_path):
    """A base's weight was not on the weight control: it showed the documented range, and a student's value
    went into the YAML beside the base's without a word."""
    solara, state = page
    from sim.web.history import HistoryTab

    base = _scenario_file(tmp_path, "mao_defers", "baseline", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    box, rc = solara.render(HistoryTab(), handle_error=False)
    state.set_base(base)
    assert (state.weight_param.value, state.weight_value.value, state.weight_on.value) == (MAO, 2.5, False)
    text = _texts(box)
    assert 'Set by the scenario "Mao defers" (' in text and "following Moscow's line" in text
    assert "is 2.5 in every world. Tick the box to use your own value instead." in text
    assert "Without the scenario each world would draw it from this range." in text
    assert state.choices().interventions() == []  # the base's own weight adds nothing to the scenario
    state.set_weight_on(True)
    state.weight_value.value = 1.0
    assert "Your value below replaces it in this run." in _texts(box)
    assert state.choices().interventions() == [{"set": {"param": MAO, "value": 1.0}}]
    assert api.scenario(state.choices().yaml()).setup().params[MAO] == (1.0, 1.0)  # the student's, not the base's
    state.set_weight_on(False)  # the base's setting again, and the slider says so
    assert state.weight_value.value == 2.5 and state.choices().interventions() == []
    state.set_weight_term("stalin.kim_pressure")  # another weight: the base's is still named, on the control
    assert "Choose it above to see or change it." in _texts(box)
    state.set_weight_term(MAO)
    state.set_base("baseline")  # only the old base set it: back to its documented middle
    assert (state.weight_value.value, state.weight_on.value) == (0.9, False) and "Set by the scenario" not in _texts(
        box
    )
    state.set_weight_on(True)
    state.weight_value.value = 1.5
    state.set_base(base)  # the new base sets the weight the student set: the base's setting shows, as for a switch
    assert (state.weight_value.value, state.weight_on.value) == (2.5, False)
    rc.close()


def test_a_lesson_step_on_a_base_that_sets_a_weight_shows_it(page, tmp_path):
    """A lesson step names a scenario and the page's switches (no weights); its scenario's weight is shown."""
    _, state = page
    base = _scenario_file(tmp_path, "mao_defers", "baseline", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    state.set_weight_term("stalin.kim_pressure")
    state.open_lesson(lesson.Lesson("T", (lesson.Step(base), lesson.Step("baseline"))))
    assert (state.weight_param.value, state.weight_value.value, state.weight_on.value) == (MAO, 2.5, False)
    state.apply_step(1)
    assert (state.weight_param.value, state.weight_value.value) == (MAO, 0.9)


def _your_folder(root: Path, monkeypatch) -> Path:
    """A teacher's scenario folder on the scenario path: a scenario that sets Mao's weight, and one built on it
    by name (a base chain of the teacher's own files) that forces a decision."""
    folder = root / "my_scenarios"
    folder.mkdir()
    _scenario_file(folder, "yours_first", "baseline", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    _scenario_file(folder, "yours_then", "yours_first", "  - force: {point: un_cross_38th, option: halt}\n")
    monkeypatch.setenv("WHATIF_SCENARIO_PATH", str(folder))
    return folder


def test_your_scenarios_on_the_scenario_path_are_offered_as_bases_and_run(page, tmp_path, monkeypatch):
    """The picker offered the library only: a teacher's own scenario files, which `whatif list` shows and
    `whatif run` runs by name, could not be the page's base."""
    import ipyvuetify as v

    solara, state = page
    from sim.web import words
    from sim.web.history import HistoryTab

    folder = _your_folder(tmp_path, monkeypatch)
    box, rc = solara.render(HistoryTab(), handle_error=False)
    (picker,) = [w for w in rc.find(v.Select).widgets if w.label == "Base scenario"]
    items = picker.items
    assert {"header": f"Your scenarios, from {folder} (WHATIF_SCENARIO_PATH)"} in items  # apart from the library's
    mine = [i for i in items if i.get("value") in ("yours_first", "yours_then")]
    assert [i["text"] for i in mine] == [
        f"Yours first (yours_first), {words.YOURS}",
        f"Yours then (yours_then), {words.YOURS}",
    ]
    assert items.index(mine[0]) > max(items.index(i) for i in items if i.get("value") == "no_inchon")
    state.set_base("yours_then")  # its force, and its base's weight, set the controls and say whose they are
    text = _texts(box)
    assert 'Set by the scenario "Yours then" (yours_then): ' in text and "Set by the scenario" in text
    assert state.switches.value == {"un_cross_38th": "force:halt"}
    assert (state.weight_param.value, state.weight_value.value, state.weight_on.value) == (MAO, 2.5, False)
    assert "is 2.5 in every world" in text and "in a scenario file: base yours_then" in text
    state.set_switch("mao_12oct", "force:stop")
    state.run()
    assert state.error.value is None and state.result.value is not None
    assert api.scenario(state.ran.value[1]).resolved()["chain"][-3:] == [
        "yours_first",
        "yours_then",
        "classroom_what_if",
    ]
    state.explain_difference()
    assert state.why.value[1]["code"].startswith("whatif diff yours_then classroom_what_if.yaml")  # by its name
    rc.close()


def test_an_edited_scenario_file_is_read_again(page, tmp_path, monkeypatch):
    """The page cached a base by its name: a teacher's edit showed only after the server was restarted."""
    from sim.web import fixed

    folder = _your_folder(tmp_path, monkeypatch)
    assert fixed.fixed("yours_first").weights == {MAO: (2.5, 2.5)}
    _scenario_file(folder, "yours_first", "baseline", f"  - set: {{param: {MAO}, value: 1.5}}\n")
    assert fixed.fixed("yours_first").weights == {MAO: (1.5, 1.5)}
    assert fixed.fixed("yours_then").weights == {MAO: (1.5, 1.5)}  # through the chain too


def test_a_scenario_file_with_an_error_does_not_break_the_page(page, tmp_path, monkeypatch):
    """Each problem is listed with its file, as `whatif list` lists it; the other scenarios stay on offer."""
    import ipyvuetify as v

    solara, _ = page
    from sim.web import words
    from sim.web.app import Page

    folder = _your_folder(tmp_path, monkeypatch)
    (folder / "broken.yaml").write_text(
        "name: broken\ntitle: Broken\ninterventions:\n  - force: {point: no_such_point, option: x}\n"
    )
    (folder / "no_inchon.yaml").write_text("name: no_inchon\ntitle: Mine\ninterventions: []\n")  # a library name
    box, rc = solara.render(Page(), handle_error=False)
    text = _texts(box)
    assert f"Your scenario broken ({folder / 'broken.yaml'}) cannot be used: line 4" in text
    assert "unknown decision point 'no_such_point'" in text and "Valid choices" not in text
    assert "no_inchon: is both the library scenario" in text  # the name conflict, as whatif list says it
    (picker,) = [w for w in rc.find(v.Select).widgets if w.label == "Base scenario"]
    (bad,) = [i for i in picker.items if i.get("value") == "broken"]
    assert bad["disabled"] and bad["text"].startswith("broken: cannot be used (line 4")
    assert "yours_then" in [i.get("value") for i in picker.items] and "yours_then" in words.user_scenarios()
    rc.close()


def test_a_lesson_step_may_name_your_scenario(page, tmp_path, monkeypatch):
    _, state = page
    folder = _your_folder(tmp_path, monkeypatch)
    les = lesson.parse(
        "title: T\nsteps: [{scenario: yours_then, switches: {mao_12oct: force:stop}}, {scenario: baseline}]"
    )
    state.open_lesson(les)
    assert state.base.value == "yours_then"
    assert state.switches.value == {"un_cross_38th": "force:halt", "mao_12oct": "force:stop"}
    assert state.weight_value.value == 2.5
    (folder / "broken.yaml").write_text("name: broken\ntitle: Broken\ninterventions: 3\n")
    with pytest.raises(lesson.LessonError, match=r"step 1: the scenario 'broken' cannot be used: "):
        lesson.parse("title: T\nsteps: [{scenario: broken}]")
    with pytest.raises(lesson.LessonError, match=r"nor one of yours on the scenario path .*yours_then"):
        lesson.parse("title: T\nsteps: [{scenario: yours_thne}]")


def test_a_weight_a_source_reading_sets_names_the_reading_and_a_value_over_it_says_so(page):
    """stalin.back_beijing is drawn from the reading of stalin_backing: the control said "documented range
    0.05-1.2" under Weathersby's 0.05-0.3, and a student's value silently replaced the reading."""
    solara, state = page
    from sim.web.history import HistoryTab

    box, rc = solara.render(HistoryTab(), handle_error=False)
    state.set_variant("stalin_backing", "weathersby")
    state.set_weight_term("stalin.back_beijing")
    assert 0.05 <= state.weight_value.value <= 0.3  # the slider starts in the range the worlds draw from
    text = _texts(box)
    assert 'Each world draws it from 0.05 to 0.3, the range of the source reading "Weathersby"' in text
    state.set_weight_on(True)
    text = _texts(box)
    assert 'You set it: every world takes your value below in place of the source reading "Weathersby"' in text
    assert "the reading does not change it while you do." in text  # said on the dispute's control too
    rc.close()


def test_the_story_reads_in_plain_words_with_the_code_names_as_small_print(page):
    """The story was whatif explain's text: "Mao's decision of 12 October (mao_12oct)", "Mao Zedong (mao)
    decides", "alliance_dependence (following Moscow's line ...)", "How it ended: ... (divided)"."""
    solara, state = page
    from sim.api import classroom
    from sim.web import style
    from sim.web.story import StoryTab

    state.set_switch("mao_12oct", "force:stop")
    state.run()
    state.show_world(0)
    box, rc = solara.render(StoryTab(), handle_error=False)
    shown = _texts(box)
    story = re.sub(rf'<(p|span) class="{style.SMALL}">.*?</\1>', "", shown)  # the words, without the small print
    codes = set(classroom.labels()) | set(classroom.deciders()) | {t.split(".")[1] for t in classroom.weights()}
    codes |= {"divided", "dprk_unifies", "rok_unifies", "no_war", "ongoing_at_horizon"}
    inline = {c for c in re.findall(r"\(([a-z0-9_]+)\)", story) if c in codes}
    assert inline == set() and "alliance_dependence" not in story
    assert "Mao's decision of 12 October" in story and "Mao Zedong decides:" in story
    assert "forced by the scenario" in story and "How it ended: " in story
    assert "Following Moscow's line" in story  # what a leader weighed, by what it measures
    assert f'<p class="{style.SMALL}">in a scenario file: mao_12oct, options enter / stop; weights mao.' in shown
    assert 'href="#bib-' in shown and 'id="bib-' in shown and f'<span class="{style.SMALL}">(evidence ' in shown
    rc.close()


CODE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")  # a code name: politburo_5oct, drive_to_yalu, china_entered


def _words(shown: str) -> str:
    """The page's text without its small print."""
    from sim.web import style

    return re.sub(rf'<(p|span) class="{style.SMALL}">.*?</\1>', "", shown, flags=re.S)


def _story_card(page, button: str):
    """(the story tab's text, the page's state, its render context) after Mao's stop is forced, world 0 is shown
    and ``button`` is pressed."""
    solara, state = page
    from sim.web.story import StoryTab

    state.set_switch("mao_12oct", "force:stop")
    state.run()
    state.show_world(0)
    box, rc = solara.render(StoryTab(), handle_error=False)
    _click(rc, button)
    return _texts(box), state, rc


def test_why_a_world_differed_is_told_in_plain_words_with_the_code_names_as_small_print(page):
    """The card was whatif diff's monospace table: "politburo_5oct -> hold back [forced]", cells cut with "..."."""
    shown, _, rc = _story_card(page, "Why did this world differ?")
    card = shown[shown.index("The first difference:") - 200 :]
    words = _words(card[: card.index("on the command line: whatif diff")])
    assert CODE.findall(words) == [] and " -> " not in words and "[forced]" not in words and "..." not in words
    assert "The two histories are the same for " in words and "until 9 October 1950" in words
    assert 'The change forces the choice at "The Politburo meets (5 October)": "hold back" is taken' in words
    assert "another decision on the same question" in words  # the force on mao_12oct binds the Politburo's too
    assert "CCP Politburo: <strong>hold back</strong> (forced by the scenario)" in words  # who, what, and how
    assert "<em>In both:</em> The drive to the Yalu" in words  # a step both histories take alike, once
    assert "The base: The historical baseline" in words and "Under your change" in words and "How it ended" in words
    assert "in a scenario file: politburo_5oct, option hold_back" in card  # the code names, as small print
    assert "on the command line: whatif diff baseline classroom_what_if.yaml --world 0" in card
    rc.close()


def test_the_command_lines_diff_is_unchanged_by_the_pages_words():
    from sim.web.choices import Choices

    text = api.diff("baseline", api.scenario(Choices(switches={"mao_12oct": "force:stop"}).yaml()), 0)
    assert "  politburo_5oct -> hold back [forced]" in text and "first difference: the scenario's intervention" in text


def test_the_first_differences_small_print_is_written_as_a_scenario_file_writes_it():
    """It said "force at politburo_5oct", which no scenario file can say."""
    from sim.web import cards
    from sim.web.choices import Choices

    def first(**given) -> str:
        return api.difference("baseline", api.scenario(Choices(**given).yaml()), 0)["first_code"]

    bound = first(switches={"mao_12oct": "force:stop"})  # the force on Mao's decision binds the Politburo's
    assert bound == (
        "force: {point: politburo_5oct, option: hold_back} (the scenario writes "
        "force: {point: mao_12oct, option: stop, from: 1950-10-12}, which binds it)"
    )
    assert first(switches={"un_cross_38th": "force:halt"}) == "force: {point: un_cross_38th, option: halt}"
    assert first(switches={"mao_12oct": "forbid:enter"}).startswith("forbid: {point: politburo_5oct, option: send}")
    assert first(death="1951-06-01") == "move: {event: stalin_death, date: 1951-06-01}"
    assert first(death="never") == "remove: {event: stalin_death}"
    doc = api.difference("baseline", api.scenario(Choices(switches={"un_cross_38th": "force:halt"}).yaml()), 0)
    assert "in a scenario file: force: {point: un_cross_38th, option: halt}" in cards.difference_html(doc)
    assert " at un_cross_38th" not in cards.difference_html(doc)


def test_the_steps_after_one_sides_war_ended_fold_into_a_line_that_opens_them():
    """Under the base the war ended in June 1953; with Stalin living on, the card listed 53 more steps."""
    from sim.web import cards
    from sim.web.choices import Choices

    doc = api.difference("baseline", api.scenario(Choices(death="never").yaml()), 0)
    assert doc["base"]["outcome"]["war_end_date"] == "1953-06-14" and doc["other"]["outcome"]["war_end_date"] is None
    shown, later, summary = cards.fold(doc)
    assert shown + later == doc["rows"] and len(later) > cards.FOLD
    assert all((a or b)["day"] <= "1953-06-14" for a, b in shown) and all(
        (a or b)["day"] > "1953-06-14" for a, b in later
    )
    assert summary == (
        f"The war ended under the base on 14 June 1953; your change's history goes on for {len(later)} more steps, "
        f"to {(later[-1][0] or later[-1][1])['date']}"
    )
    card = cards.difference_html(doc)
    head, folded = card.split("<details>")
    assert folded.startswith(f"<summary>{summary}: show them</summary><table>") and "</details>" in folded
    row = f'<th scope="row">{(later[0][0] or later[0][1])["date"]}</th>'
    assert row in folded and row not in head
    assert head.count('<th scope="row">') == len(shown)
    early = api.difference("baseline", api.scenario(Choices(switches={"mao_12oct": "force:stop"}).yaml()), 0)
    assert "The war ended under your change on 7 November 1950; the base's history goes on" in cards.fold(early)[2]
    same = dict(doc, base=doc["other"])  # both wars end alike: nothing folds
    assert cards.fold(same) == (doc["rows"], [], "")


def test_which_choices_made_chinas_entry_is_told_in_plain_words_with_the_code_names_as_small_print(page):
    """The card was whatif attribute's table: "+0.16 +-0.05  1950-10-17  un_advance  drive_to_yalu vs hold_at_neck"."""
    shown, state, rc = _story_card(page, "Which choices made China's entry?")
    card = shown[shown.index('the answer to "Chinese troops fought in Korea"') - 200 :]
    words = _words(card[: card.index("on the command line: whatif attribute")])
    assert CODE.findall(words) == [] and " vs " not in words
    assert "Shapley value is how much keeping it, rather than its alternative, moved the answer" in words
    assert "A but-for cause is a choice that, switched on its own" in words
    made = state.attribution.value[1]
    assert made["choices"] and made["idle"]
    for c in made["choices"]:
        assert f'{c["who"]} chose "{c["kept"]}" rather than "{c["instead"]}"' in words
        assert f"in a scenario file: {c['code']}" in card  # "un_advance, option drive_to_yalu (alternative ..."
        assert c["contribution"].endswith(("toward yes", "toward no", "no difference"))
    assert "Any one of these choices, switched on its own, changes the answer" in words
    assert "on the command line: whatif attribute classroom_what_if.yaml --outcome china_entered --world 0" in card
    rc.close()


def test_a_base_names_every_force_forbid_move_and_remove_it_makes(page):
    """ceasefire_accepted_jan_1951 forces Beijing's answer to the UN's January 1951 proposal, which has no switch:
    the page said nothing of it."""
    solara, state = page
    from sim.web import fixed
    from sim.web.history import HistoryTab

    box, rc = solara.render(HistoryTab(), handle_error=False)
    state.set_base("ceasefire_accepted_jan_1951")
    text = _texts(box)
    assert (
        'Set by the scenario "Beijing accepts the UN\'s "ceasefire first" (January 1951)" '
        "(ceasefire_accepted_jan_1951): Mao Zedong chooses 'accept a ceasefire first' at \"The UN's 'ceasefire first' "
        'proposal" the first time the decision comes up; no control on this page shows or changes it.'
    ) in text
    assert "in a scenario file: force: {point: un_ceasefire_jan51, option: accept}" in text
    state.set_base("china_enters_after_inchon")
    assert "Joseph Stalin chooses 'ask Mao to send troops now' at \"Stalin and Chinese troops after Inchon\"" in _texts(
        box
    )
    assert "accept a ceasefire first" not in _texts(box)  # the old base's line went with it
    rc.close()
    for name in api.library():  # every library scenario: each change named in words, on its control or above them
        sc = api.load(name)
        made = [i for i in sc.resolved()["interventions"] if next(iter(i)) in ("force", "forbid", "move", "remove")]
        given = fixed.fixed(name)
        lines = iter(fixed.changed(given))
        for item, (words, shown, code, _) in zip(made, given.changes, strict=True):
            ((kind, data),) = item.items()
            target = data.get("point") or data.get("event")
            assert f'"{api.classroom.title(target)}"' in words and CODE.findall(words) == [], (name, words)
            assert code.startswith(f"{kind}: "), code
            if shown == "switch":
                assert fixed.note(given, target), (name, target)
            elif shown == "death":
                assert given.death, name
            else:
                line, small = next(lines)
                assert line.endswith("no control on this page shows or changes it.") and small.endswith(code)
        assert next(lines, None) is None


# ------------------------------------------------------------------ accessibility
def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    rgb = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_chart_has_a_text_equivalent_with_the_numbers_it_plots(page):
    """The charts were bare images: a screen reader said nothing of them."""
    from sim.output.words import percent

    solara, state = page
    from sim.web.history import HistoryTab

    state.set_switch("mao_12oct", "force:stop")
    state.run()
    res = state.result.value
    assert len(res.descriptions) == len(res.figures) == 3
    shares, front, timing = res.descriptions
    china = {r["key"]: r for r in res.rows}["china_entered"]
    assert f"China entered: {percent(china['base'])} and {percent(china['changed'])}" in shares
    assert all(r["label"] in shares for r in res.rows)
    assert "degrees north" in front and "1 December 1950" in front and "half the wars were over by" in front
    assert f"China entered in {percent(china['changed'])} of worlds" in timing
    box, rc = solara.render(HistoryTab(), handle_error=False)
    shown = _texts(box)
    for k, fig in enumerate(res.figures):
        assert f'alt="{fig.get_suptitle()}" aria-describedby="chart-words-{k}"' in shown
        assert f'<p id="chart-words-{k}">' in shown
    rc.close()


def test_every_text_colour_the_page_sets_reaches_wcag_aa():
    """Error messages were Vuetify's #ff5252 on a pink tint (about 3.2:1), small print #777 on white (4.48:1)."""
    from sim.web import style

    assert round(contrast("#ff5252", "#ffeeee"), 1) < 4.5  # the old error colours fail the check
    low = {what: round(contrast(fg, bg), 2) for what, (fg, bg) in style.TEXT.items() if contrast(fg, bg) < 4.5}
    assert low == {}
    assert contrast(style.FOCUS, style.PAGE) >= 3  # the focus ring against the page (non-text contrast)


def test_the_page_sets_colours_only_through_its_style_module():
    """A colour written into a component would escape the contrast check above."""
    colour = re.compile(r"#[0-9a-fA-F]{3}\b|#[0-9a-fA-F]{6}\b|rgba?\(|\bcolor:")
    files = [p for p in (ROOT / "sim" / "web").glob("*.*") if p.suffix in (".py", ".vue") and p.name != "style.py"]
    assert {p.name: colour.findall(p.read_text()) for p in files if colour.search(p.read_text())} == {}


def test_a_setting_from_a_base_of_the_chain_names_that_base(tmp_path):
    """ "Set by the scenario X" named the chosen scenario even where the setting came from one of its bases; the
    line now names that base too, and a setting the scenario makes itself names it alone."""
    from sim.web import fixed

    first = _scenario_file(tmp_path, "mao_defers", "china_refuses_12_oct", f"  - set: {{param: {MAO}, value: 2.5}}\n")
    given = fixed.fixed(
        _scenario_file(tmp_path, "and_halts", first, "  - force: {point: un_cross_38th, option: halt}\n")
    )
    stop = fixed.note(given, "mao_12oct")
    assert stop.startswith('Set by the scenario "And halts" (') and 'through its base "Permanent Chinese' in stop
    assert "through its base" not in fixed.note(given, "un_cross_38th")
    assert 'through its base "Mao defers" (mao_defers)' in fixed.weight_note(given, MAO)
