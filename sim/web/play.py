"""Play a leader: the student's seat at each of one leader's decision points, then the path against
the ensemble, and the choices as a scenario file."""

from __future__ import annotations

import solara

from sim import api
from sim.api import classroom
from sim.output.words import LABELS, percent
from sim.web import seat, state
from sim.web.words import seats

LAST_EVENTS = 8  # how much of the history so far the situation shows
SHORT = {"mao": "Mao", "stalin": "Stalin", "truman": "Truman", "kim": "Kim"}


def _line(entry: dict, words: dict) -> str:
    choice = words[entry["node"]].get(entry["choice"], entry["choice"])
    decider = entry.get("decider")
    who = f"{classroom.deciders().get(decider, decider)}: " if decider else ""
    return f"- {entry['date']} {entry['title']}: {who}{choice}"


@solara.component
def Situation(step: dict):
    entry, words = step["next"], classroom.labels()
    _, key, _ = state.seat_taken.value
    leader = classroom.leaders()[key]
    with solara.Card(f"{entry['date']}: {entry['title']}"):
        war = "at war" if entry["at_war"] else "at peace"
        solara.Markdown(f"You are **{leader}**. The front is at {entry['front']:.1f} N; Korea is {war}.")
        recent = "\n".join(_line(e, words) for e in step["before"][-LAST_EVENTS:])
        solara.Markdown("**What has happened (latest last)**\n\n" + (recent or "- nothing yet"))
        rows = seat.considerations(key, entry)
        if rows:
            head = " | ".join(words[entry["node"]][o] for o in entry["options"])
            table = [f"| what {leader} weighs | evidence | {head} |", "|:---|:---|" + "---:|" * len(entry["options"])]
            for r in rows:
                vals = " | ".join(f"{r['values'][o]:+.2f}" for o in entry["options"])
                table.append(f"| {r['measures']} | `{r['evidence']}` | {vals} |")
            solara.Markdown(
                "**The documented considerations** (how much each pulls toward each option, in "
                "this world):\n\n" + "\n".join(table)
            )
        solara.Markdown("**Your choice:**")
        made = len(state.picks.value)  # the decisions made when these buttons were drawn
        with solara.Row(style="flex-wrap: wrap", classes=[f"seat-step-{made}"]):
            for o in entry["options"]:
                solara.Button(
                    words[entry["node"]][o],
                    on_click=lambda o=o, k=made: state.seat_choose(o, k),
                    color="primary",
                    classes=["seat-option"],
                    style="text-transform: none",
                )


@solara.component
def Ending():
    picks = state.picks.value
    base, key, world = state.seat_taken.value
    rows = seat.against_ensemble(base, picks)
    name = SHORT.get(key, classroom.leaders()[key])
    lines = []
    for r in rows:
        p = r["pick"]
        same = (
            "asked again: the base's worlds are compared at its first asking only"
            if r["repeat"]
            else "no world of the base reached it"
            if r["same"] is None
            else (
                f"in {percent(r['same'])} of the {r['reached']:,} worlds of the base that reached it, "
                f"{name} chose as you did"
            )
        )
        lines.append(
            f"- **{p.date} {p.title}**: you chose *{r['label']}* ({same}). In your world the model's {name} would "
            f"have chosen *{r['model']}* with probability {r['model_p']:.2f} (yours: {r['yours_p']:.2f})."
        )
    text = seat.scenario_text(base, key, world, picks)
    outcome = api.explanation(api.scenario(text), world)["outcome"]
    with solara.Card("The end of your war: your path against the ensemble"):
        solara.Markdown("\n".join(lines) or "You had no decision to make in this world.")
        solara.Markdown(
            f"**Your world ends**: {LABELS[outcome['final_outcome']]}; China entered: "
            f"{'yes' if outcome['china_entered'] else 'no'}; armistice: {outcome['armistice_date'] or 'none'}."
        )
        solara.FileDownload(text, filename=f"playing_{key}.yaml", label="Save your choices as a scenario (YAML)")
        solara.Markdown(f"```yaml\n{text}```")


@solara.component
def PlayTab():
    with solara.Card("Play a leader"):
        solara.Markdown(
            "Take one leader's seat: at each of his decision points you see the situation and "
            "what he weighed, and you choose; every other leader is the model's."
        )
        with solara.Row(style="align-items: center"):
            solara.Select("Seat", values=seats(), value=state.seat_leader, style="max-width: 240px")
            solara.InputInt("World", value=state.seat_world, style="max-width: 120px")
            solara.Button("Take the seat", on_click=state.seat_start, color="primary")
        if state.seat_error.value:
            solara.Error(state.seat_error.value)
    step = state.seat_state.value
    if step is None:
        return
    solara.Text(f"Decisions made: {len(state.picks.value)}", classes=["seat-count"])
    if state.picks.value:
        words = classroom.labels()
        solara.Markdown(
            "**Your choices so far**: "
            + "; ".join(f"{p.date} {p.title}: {words[p.point][p.option]}" for p in state.picks.value)
        )
    if step["next"] is not None:
        Situation(step)
    else:
        Ending()
