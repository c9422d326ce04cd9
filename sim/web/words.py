"""Plain words for what the page offers: each code name shown as its title or label, the code as small print.

A student reads "Permanent Chinese refusal on 12 October 1950", "UN
commander (MacArthur, then Ridgway)", "Chinese text" or "China entered: no";
a teacher still finds ``china_refuses_12_oct``, ``un_command``, ``chinese``
or ``china_entered=false`` beside it, as the command line and the scenario
files name them. The pickers' items are ``{"text": words, "value": code}``.
"""

from __future__ import annotations

from sim import api
from sim.api import classroom
from sim.output.words import label


def item(text: str, code: str) -> dict[str, str]:
    """A picker's item: the words shown, the code in parentheses after them, the code as its value."""
    return {"text": f"{text} ({code})", "value": code}


def bases() -> list[dict[str, str]]:
    """The library scenarios by title, the baseline first."""
    names = sorted(api.library(), key=lambda name: (name != "baseline", api.load(name).title))
    return [item(api.load(name).title, name) for name in names]


def weights() -> list[dict[str, str]]:
    """Every leader weight as "leader: what it measures"."""
    known = classroom.weights()
    return [item(f"{known[t]['leader']}: {known[t]['measures']}", t) for t in sorted(known)]


def seats() -> list[dict[str, str]]:
    """The leaders a student may play, by name."""
    return [item(name, key) for key, name in classroom.leaders().items()]


def outcome_picks() -> list[dict[str, str]]:
    """The "a world where X happened" choices: each yes/no outcome both ways, and each ending."""
    yes_no, endings = classroom.outcome_names()
    out = [item(f"{label(k)}: {'yes' if v == 'true' else 'no'}", f"{k}={v}") for k in yes_no for v in ("true", "false")]
    return out + [item(f"the war ended: {label(e)}", f"final_outcome={e}") for e in endings]


def decider(sw: classroom.Switch) -> str:
    """Who decides at a switch, by name."""
    return classroom.deciders().get(sw.decider, sw.decider or "chance")


def reading(note: str) -> str:
    """A source reading's short name: its note up to the colon ("Chinese text", "Weathersby")."""
    return note.split(":", 1)[0]


def switches(switches: dict[str, str]) -> str:
    """A lesson step's switches in words ("Mao's decision of 12 October: force: stop the entry plan")."""
    known = {sw.point: sw for sw in classroom.switches()}
    return "; ".join(f"{known[p].title}: {dict(known[p].settings())[s]}" for p, s in switches.items() if p in known)
