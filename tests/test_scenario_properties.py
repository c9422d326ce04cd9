"""Property tests: the loader accepts and round-trips, or refuses with ScenarioError; it never crashes."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.case.params import VARIANTS
from sim.scenario import CHOICE_NODES, MOVABLE, REMOVABLE, ScenarioError, parse, settable

DATES = st.dates(
    min_value=__import__("datetime").date(1949, 1, 1), max_value=__import__("datetime").date(1956, 12, 31)
).map(lambda d: d.isoformat())
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=20)
PARAMS = settable()


@st.composite
def force_or_forbid(draw):
    point = draw(st.sampled_from(sorted(CHOICE_NODES)))
    body = {"point": point, "option": draw(st.sampled_from(CHOICE_NODES[point].options))}
    if draw(st.booleans()):
        body["from"] = draw(DATES)
    return {draw(st.sampled_from(["force", "forbid"])): body}


@st.composite
def set_param(draw):
    name = draw(st.sampled_from(sorted(PARAMS)))
    lo, hi, _ = PARAMS[name]
    a = draw(st.floats(lo, hi, allow_nan=False))
    if name == "choice.temperature" or draw(st.booleans()):
        return {"set": {"param": name, "value": a}}
    b = draw(st.floats(a, hi, allow_nan=False))
    return {"set": {"param": name, "range": [a, b]}}


@st.composite
def event_change(draw):
    if draw(st.booleans()):
        return {"remove": {"event": draw(st.sampled_from(sorted(REMOVABLE)))}}
    event = draw(st.sampled_from(sorted(MOVABLE)))
    return {"move": {"event": event, "date": draw(DATES)}}


@st.composite
def variant(draw):
    dispute = draw(st.sampled_from(sorted(VARIANTS)))
    return {"variant": {"dispute": dispute, "reading": draw(st.sampled_from(sorted(VARIANTS[dispute].readings)))}}


@st.composite
def documents(draw):
    doc = {"name": draw(NAMES), "title": draw(st.text(min_size=1, max_size=30).filter(str.strip))}
    if draw(st.booleans()):
        doc["runs"] = draw(st.integers(1, 10**6))
    if draw(st.booleans()):
        doc["seed"] = draw(st.integers(0, 2**40))
    if draw(st.booleans()):
        doc["expect"] = draw(st.text(max_size=40))
    items = draw(st.lists(st.one_of(force_or_forbid(), set_param(), event_change(), variant()), max_size=5))
    if items:
        doc["interventions"] = items
    return doc


def parse_or_refuse(text: str):
    try:
        return parse(text, "prop.yaml")
    except ScenarioError as exc:
        assert str(exc).startswith("prop.yaml")
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_are_accepted_and_round_trip_or_refused_cleanly(doc):
    sc = parse_or_refuse(yaml.safe_dump(doc))
    if sc is not None:
        again = parse(yaml.safe_dump(sc.to_data()), "again.yaml")
        assert again == sc
        assert again.hash == sc.hash
        sc.setup()  # resolves to model terms without error


MUTATIONS = st.sampled_from(["drop", "retype", "rename", "junk", "list", "nest"])
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def mutate(node, how, value, key_text, depth):
    if isinstance(node, dict) and node:
        key = sorted(node, key=str)[depth % len(node)]
        if how == "drop":
            node.pop(key)
        elif how == "rename":
            node[key_text] = node.pop(key)
        elif how in ("retype", "junk"):
            node[key] = value
        elif how == "nest" and isinstance(node[key], dict | list):
            mutate(node[key], "junk", value, key_text, depth + 1)
        else:
            node[key] = [node[key]]
    elif isinstance(node, list) and node:
        i = depth % len(node)
        if how in ("nest", "rename", "drop") and isinstance(node[i], dict):
            mutate(node[i], how, value, key_text, depth + 1)
        else:
            node[i] = value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), MUTATIONS, JUNK, st.text(max_size=10), st.integers(0, 7))
def test_mutated_documents_never_crash_the_loader(doc, how, value, key_text, depth):
    mutate(doc, how, value, key_text, depth)
    try:
        text = yaml.safe_dump(doc)
    except yaml.YAMLError:
        return
    sc = parse_or_refuse(text)
    if sc is not None:
        assert parse(yaml.safe_dump(sc.to_data())) == sc


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_is_refused_or_accepted(text):
    parse_or_refuse(text)
