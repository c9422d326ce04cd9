"""Fuzzing the loader and the command line with scenario files (issue 9).

Documents are drawn from the scenario grammar as YAML *text* (so that what a
dumper would never write can appear: duplicate keys, anchors and aliases,
plain scalars that YAML reads as numbers, dates or nulls), then mutated:
wrong types, aliases, unknown keys, odd dates, huge strings, duplicate keys,
deep nesting, bad bytes. The loader must return a Scenario or raise
ScenarioError with a one-paragraph message, never anything else; the command
line must exit 0 or 2, never with a traceback, and write nothing on exit 2.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import main
from sim.case.params import VARIANTS
from sim.scenario import CHOICE_NODES, MOVABLE, REMOVABLE, Scenario, ScenarioError, ScenarioProblems, parse, settable
from sim.scenario.errors import MAX_LISTED
from sim.scenario.grammar import MAX_BYTES

PARAMS = sorted(settable())
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI_FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ a YAML tree and its text
class Map(list):
    """A mapping as a list of (key, value) pairs, so a key may come twice."""


class Raw(str):
    """Text put into the YAML as it is (a plain scalar, an alias, an anchored value)."""


PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]*")


def scalar(value) -> str:
    if isinstance(value, Raw):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value) if value == value and abs(value) != float("inf") else ".nan"
    if PLAIN.fullmatch(value):
        return value  # plain: YAML may read it as a number, a bool or a null, as it would a user's file
    ascii_only = sum(map(ord, value)) % 2 == 0  # raw characters or escapes, deterministically
    return json.dumps(value, ensure_ascii=ascii_only)  # JSON strings are YAML double-quoted strings


def flow(node) -> str:
    if isinstance(node, Map):
        return "{" + ", ".join(f"{flow(k)}: {flow(v)}" for k, v in node) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(flow(v) for v in node) + "]"
    return scalar(node)


def block(doc) -> str:
    """The top level in block style (one key per line), everything below in flow style."""
    if not isinstance(doc, Map):
        return flow(doc) + "\n"
    lines = []
    for key, value in doc:
        if key == "interventions" and isinstance(value, list) and not isinstance(value, Map):
            lines.append("interventions:")
            lines += [f"  - {flow(item)}" for item in value]
        else:
            lines.append(f"{flow(key)}: {flow(value)}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ documents from the grammar
DATES = st.dates(
    min_value=__import__("datetime").date(1949, 1, 1), max_value=__import__("datetime").date(1956, 12, 31)
).map(lambda d: Raw(d.isoformat()))


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)


@st.composite
def interventions(draw):
    kind = draw(st.sampled_from(["force", "forbid", "set", "move", "remove", "variant"]))
    if kind in ("force", "forbid"):
        point = draw(st.sampled_from(sorted(CHOICE_NODES)))
        body = Map([("point", point), ("option", draw(st.sampled_from(CHOICE_NODES[point].options)))])
        if draw(st.booleans()):
            body.append((draw(st.sampled_from(["from", "until"])), draw(DATES)))
    elif kind == "set":
        name = draw(st.sampled_from(PARAMS))
        value = draw(st.floats(-1, 10, allow_nan=False).map(lambda x: round(x, 3)))
        body = Map([("param", name), ("value", value)])
        if draw(st.booleans()) and name != "choice.temperature":
            body = Map([("param", name), ("range", [value, round(value + 0.1, 3)])])
    elif kind == "move":
        body = Map([("event", draw(st.sampled_from(sorted(MOVABLE)))), ("date", draw(DATES))])
    elif kind == "remove":
        body = Map([("event", draw(st.sampled_from(sorted(REMOVABLE))))])
    else:
        dispute = draw(st.sampled_from(sorted(VARIANTS)))
        body = Map([("dispute", dispute), ("reading", draw(st.sampled_from(sorted(VARIANTS[dispute].readings))))])
    return Map([(kind, body)])


@st.composite
def documents(draw):
    doc = Map([("name", draw(st.from_regex(r"[a-z][a-z0-9_-]{0,15}", fullmatch=True))), ("title", "A title")])
    optional = {
        "base": st.sampled_from(["baseline", "no_inchon", "china_refuses_12_oct", "stalin_lives_to_1956"]),
        "description": TEXT,
        "expect": TEXT,
        "runs": st.integers(1, 10**6),
        "seed": st.integers(0, 2**40),
        "horizon": DATES,
        "interventions": st.lists(interventions(), max_size=4),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=len(optional))):
        doc.append((key, draw(optional[key])))
    return doc


# ------------------------------------------------------------------ mutations
ODD_DATES = [
    "19501012",
    "1950-W41-4",
    "1950-02-30",
    "0000-00-00",
    "1950-10-12T00:00",
    "1950-10-12 ",
    "٣٩٥٠-10-12",
    "1950-10",
    "10/12/1950",
]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from([Raw(x) for x in ("0x10", "0o17", "017", "1:30", "1e5", ".inf", "~", "yes", "=", "<<", "!!str 1")]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2).map(lambda d: Map(d.items())),
)
HUGE = st.sampled_from([1_000, 100_000, MAX_BYTES + 10]).map(lambda n: "x" * n)


def containers(node, out=None):
    """Every Map and list in the tree (to pick a place to mutate)."""
    out = [] if out is None else out
    if isinstance(node, list):
        out.append(node)
        for item in node:
            value = item[1] if isinstance(node, Map) else item
            containers(value, out)
    return out


def _retype(draw, place, i, value):
    return draw(JUNK)


def _date(draw, place, i, value):
    odd = draw(st.sampled_from(ODD_DATES))
    return Raw(odd) if draw(st.booleans()) else odd


def _huge(draw, place, i, value):
    return draw(HUGE)


def _nest(draw, place, i, value):
    for _ in range(draw(st.integers(1, 40))):
        value = [value]
    return value


def _alias(draw, place, i, value):
    place.append(("again", Raw("*a")) if isinstance(place, Map) else Raw("*a"))
    return Raw(f"&a {flow(value)}")


def _bytes(draw, place, i, value):
    return Raw("a" + draw(st.sampled_from(["\x00", "\x07", "\x7f", "\ufffe", "\x1b"])) + "b")


def _unknown(draw, place, i, value):
    if isinstance(place, Map):
        place.append((draw(st.text(min_size=1, max_size=20)), draw(JUNK)))
    return value


def _duplicate(draw, place, i, value):
    if isinstance(place, Map):
        place.append(place[i])
    return value


MUTATIONS = {
    "retype": _retype,
    "date": _date,
    "huge": _huge,
    "nest": _nest,
    "alias": _alias,
    "bytes": _bytes,
    "unknown": _unknown,
    "duplicate": _duplicate,
}


def mutate(draw, doc) -> None:
    """One mutation at a random place of the tree (a value replaced, a pair added or dropped)."""
    place = draw(st.sampled_from(containers(doc)))
    if not place:
        place.append(("k", 1) if isinstance(place, Map) else 1)
    i = draw(st.integers(0, len(place) - 1))
    how = draw(st.sampled_from([*MUTATIONS, "drop"]))
    if how == "drop":
        del place[i]
        return
    key, value = place[i] if isinstance(place, Map) else (None, place[i])
    new = MUTATIONS[how](draw, place, i, value)
    place[i] = (key, new) if isinstance(place, Map) else new


@st.composite
def texts(draw):
    doc = draw(documents())
    for _ in range(draw(st.integers(0, 3))):
        mutate(draw, doc)
    return block(doc) if draw(st.integers(0, 4)) else flow(doc) + "\n"


# ------------------------------------------------------------------ the properties
def load_or_refuse(text: str, source: str = "fuzz.yaml") -> Scenario | None:
    try:
        scenario = parse(text, source)
    except ScenarioError as exc:
        message = str(exc)
        assert message.startswith(source) and message.strip(), message
        # several independent problems: one line each (a paragraph per problem), each short
        lines = message.split("\n")
        assert len(lines) == 1 or isinstance(exc, ScenarioProblems), message
        assert len(lines) <= 2 + MAX_LISTED and "\r" not in message, message
        assert all(len(line) < 10_000 for line in lines), message[:300]
        return None
    assert isinstance(scenario, Scenario)
    return scenario


@FUZZ
@given(texts())
def test_the_loader_returns_a_scenario_or_one_line_per_problem(text):
    load_or_refuse(text)


@FUZZ
@given(documents())
def test_unmutated_documents_mostly_load(doc):
    """The generator is not all noise: documents from the grammar load unless they contradict a base."""
    sc = load_or_refuse(block(doc))
    if sc is not None:
        assert sc.name == dict(doc)["name"]


@CLI_FUZZ
@given(texts())
def test_the_command_line_exits_0_or_2_and_writes_nothing_on_2(text):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8")
        expected = 0 if load_or_refuse(text, str(path)) is not None else 2
        r = runner.invoke(main, ["validate", str(path)])
        assert r.exit_code == expected, r.output
        assert "Traceback" not in r.output and (r.exception is None or isinstance(r.exception, SystemExit))
        out = Path(tmp) / "out"
        r = runner.invoke(main, ["run", str(path), "--runs", "5", "--out", str(out)])
        assert r.exit_code == expected, r.output
        assert "Traceback" not in r.output and (r.exception is None or isinstance(r.exception, SystemExit))
        assert out.exists() == (expected == 0)
        assert sorted(p.name for p in Path(tmp).iterdir()) == (["fuzz.yaml", "out"] if expected == 0 else ["fuzz.yaml"])
