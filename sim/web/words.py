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


WHERE = (
    "your own scenarios are the .yaml files in the folders of whatif --scenario-path DIR serve, of "
    "WHATIF_SCENARIO_PATH and in ./scenarios/ where the page was started, as whatif list shows them"
)
YOURS = "your scenario"  # how the base picker marks a scenario from the user's scenario folders


def found() -> tuple[list[dict], list[str]]:
    """Every scenario the page may take as its base, as ``whatif list`` finds them (``sim.api.catalogue``: the
    library's, then the user's scenario folders'), and the problems with the user's, one line each: a file that
    does not validate (still a row, with its ``problem``), a name found twice, a scenario folder that is missing
    (no row then)."""
    try:
        rows, problems = api.catalogue()
    except api.USER_ERRORS as exc:  # a scenario folder named but missing (`whatif serve` refuses to start then)
        return [], [f"No scenario can be listed: {exc}"]
    broken = [
        f"Your scenario {r['name']} ({r['path']}) cannot be used: {problem(r)}. whatif validate {r['path']} lists "
        "every problem."
        for r in rows
        if r["problem"]
    ]
    return rows, broken + problems


def problem(row: dict) -> str:
    """A catalogue row's problem in one short line: without its file's name (the row names it) and the list of
    valid choices (``whatif validate`` gives them)."""
    text = row["problem"].split(" Valid choices:")[0].removeprefix(f"{row['path']}, ").removeprefix(f"{row['path']}: ")
    return text.rstrip(".") if len(text) <= 200 else text[:197] + "..."


def user_scenarios() -> dict[str, str]:
    """The user's scenarios that load, found by name on the scenario path: name -> title."""
    return {r["name"]: r["title"] for r in found()[0] if r["origin"] != "library" and not r["problem"]}


def bases(rows: list[dict] | None = None) -> list[dict]:
    """The base picker's items: the library scenarios by title, the baseline first; then, under a heading for
    each of the user's scenario folders, the user's scenarios, each marked as theirs (one that does not validate
    is shown with its problem and cannot be picked). ``rows``: :func:`found`'s, if already read."""
    rows = found()[0] if rows is None else rows
    library = sorted((r for r in rows if r["origin"] == "library"), key=lambda r: (r["name"] != "baseline", r["title"]))
    out: list[dict] = [item(r["title"], r["name"]) for r in library]
    origin = None
    for r in (r for r in rows if r["origin"] != "library"):
        if r["origin"] != origin:
            origin = r["origin"]
            out += [{"divider": True}, {"header": f"Your scenarios, from {origin}"}]
        if r["problem"]:
            out.append({"text": f"{r['name']}: cannot be used ({problem(r)})", "value": r["name"], "disabled": True})
        else:
            out.append({"text": f"{r['title']} ({r['name']}), {YOURS}", "value": r["name"]})
    return out


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
