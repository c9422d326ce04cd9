"""Change history, predict, then run: the controls, the prediction and the results beside the base."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io

import solara

from sim.api import classroom
from sim.output.words import long_date, percent
from sim.web import fixed, state, style, words
from sim.web.choices import reading_notes, weight_lines

WRAP = "flex-wrap: wrap; height: auto"  # a row of buttons wraps on a narrow screen instead of running off it


@solara.component
def Toggle(value, choices: list[tuple], on_value):
    """Toggle buttons for one setting, from (value, text) pairs; the pressed one says so to a screen reader."""
    with solara.ToggleButtonsSingle(value=value, on_value=on_value, dense=True, style=WRAP):
        for v, text in choices:
            pressed = {"aria-pressed": "true" if v == value else "false"}
            solara.Button(text, value=v, text=True, style="text-transform: none", attributes=pressed)


@solara.component
def SwitchControl(sw: classroom.Switch):
    """A decision's switch; where the base scenario sets the decision, its setting, named as the scenario's
    ("the model decides" is then not on offer: a scenario's force cannot be undone on top of it)."""
    given = fixed.fixed(state.base.value)
    hist = dict(sw.options).get(sw.historical, sw.historical)
    solara.Markdown(f"**{sw.title}**: decided by {words.decider(sw)}; historically: {hist}")
    codes = " / ".join(o for o, _ in sw.options)
    solara.Text(f"in a scenario file: {sw.point}, options {codes}", classes=[style.SMALL])
    if fixed.note(given, sw.point):
        solara.Text(fixed.note(given, sw.point), classes=[style.NOTE])
    if sw.point in given.removed:
        return
    settings = [(v, t) for v, t in sw.settings() if v != "free" or sw.point not in given.switches]
    current = state.switches.value.get(sw.point, given.switches.get(sw.point, "free"))
    Toggle(current, settings, lambda v: state.set_switch(sw.point, v))


@solara.component
def DeathControl():
    date, low, high = classroom.death_window()
    given = fixed.fixed(state.base.value)
    solara.Markdown(f"**Stalin's death** (historically {date})")
    if given.death:
        dies = (
            "Stalin lives past the end of 1956"
            if given.death == "never"
            else f"Stalin dies on {long_date(given.death)}"
        )
        solara.Text(f"{given.by(classroom.DEATH)}: {dies}. You may change it here.", classes=[style.NOTE])
    solara.SliderDate(
        "Stalin dies on",
        value=state.death,
        min=dt.date.fromisoformat(low),
        max=dt.date.fromisoformat(high),
    )
    solara.Checkbox(label="Stalin lives past the end of 1956", value=state.stalin_lives)


@solara.component
def DisputeControls():
    given = fixed.fixed(state.base.value)
    for dispute, readings in classroom.disputes().items():
        current = state.variants.value.get(dispute, given.variants.get(dispute, next(iter(readings))))
        solara.Markdown(
            f"**The sources disagree: {classroom.dispute_title(dispute)}**. Reading now: {readings[current]}"
        )
        solara.Text(f"in a scenario file: variant {dispute}, readings {' / '.join(readings)}", classes=[style.SMALL])
        if dispute in given.variants:
            solara.Text(
                f"{given.by(dispute)}: {given.variants[dispute]}. You may change it here.", classes=[style.NOTE]
            )
        for line in reading_notes(state.choices(), dispute):
            solara.Text(line, classes=[style.NOTE])
        Toggle(
            current, [(r, words.reading(n)) for r, n in readings.items()], lambda v, d=dispute: state.set_variant(d, v)
        )


@solara.component
def WeightControl():
    """A leader's weight: where each world's value comes from (its documented range, a source reading's range or
    the base scenario's setting, named as the scenario's), and the student's value in its place when ticked."""
    term = state.weight_param.value
    info = classroom.weights()[term]
    low, high = info["range"]
    given = fixed.fixed(state.base.value)
    said, notes = weight_lines(state.choices(), term)
    solara.Markdown("**A leader's weight**")
    solara.Select("Whose weight, on what", values=words.weights(), value=term, on_value=state.set_weight_term)
    solara.Text(f"in a scenario file: set {term}", classes=[style.SMALL])
    solara.Markdown(
        f"{info['leader']}: *{info['measures']}*. Documented range **{low:g}-{high:g}** ({info['level']}; "
        f"evidence `{info['evidence']}`). {said}"
    )
    for line in notes:
        solara.Text(line, classes=[style.NOTE])
    ticked = "use my own value in every world" if term in given.weights else "set this weight in every world"
    solara.Checkbox(label=ticked, value=state.weight_on.value, on_value=state.set_weight_on)
    lo_b, hi_b = info["bounds"]
    solara.SliderFloat(
        f"weight: {state.weight_value.value:.2f}",
        value=state.weight_value,
        min=lo_b,
        max=hi_b,
        step=0.05,
        disabled=not state.weight_on.value,
    )


@solara.component
def Controls():
    with solara.Card("Change history"):
        rows, problems = words.found()
        solara.Select("Base scenario", values=words.bases(rows), value=state.base.value, on_value=state.set_base)
        solara.Text(f"in a scenario file: base {state.base.value}; {words.WHERE}", classes=[style.SMALL])
        for line in problems:  # a user's file that does not validate, a name found twice, a missing folder
            solara.Text(line, classes=[style.NOTE])
        for line, code in fixed.changed(fixed.fixed(state.base.value)):  # its forces, forbids, moves and removes
            solara.Text(line, classes=[style.NOTE])
            solara.Text(code, classes=[style.SMALL])
        for line in fixed.unshown(fixed.fixed(state.base.value)):
            solara.Text(line, classes=[style.NOTE])
        for sw in classroom.switches():
            SwitchControl(sw)
        DeathControl()
        DisputeControls()
        WeightControl()
        solara.Markdown("**Number of worlds**")
        Toggle(state.runs.value, [(n, f"{n:,} worlds") for n in state.RUNS], state.runs.set)


@solara.component
def Prediction():
    with solara.Card("Predict, then run"):
        solara.Markdown("Before you run: will China enter the war?")
        Toggle(state.china.value, [(v, v) for v in ("likely", "unlikely", "no prediction")], state.china.set)
        solara.Markdown(f"Your guess: China enters in **{state.guess.value}%** of worlds")
        solara.SliderInt("%", value=state.guess, min=0, max=100)  # a short label: a long one squeezes the slider
        solara.Button("Run", on_click=state.run, color="primary", style="margin-top: 8px")
        if state.error.value:
            solara.Error(state.error.value)
            if state.error_detail.value:
                with solara.Details("For the teacher: the scenario language's message"):
                    solara.Text(state.error_detail.value, classes=[style.SMALL])


def _table(rows: list[dict], runs: int) -> str:
    out = ["| outcome | base | with your change | 95% interval |", "| :--- | ---: | ---: | ---: |"]
    for r in rows:
        out.append(
            f"| {r['label']} | {percent(r['base'])} | **{percent(r['changed'])}** | "
            f"{percent(r['low'])}-{percent(r['high'])} |"
        )
    return "\n".join(out) + f"\n\nShares of {runs:,} worlds; the interval is the Monte Carlo 95% interval."


@solara.component
def PredictionResult(rows: list[dict]):
    china, guess = state.recorded.value or ("no prediction", 50)
    row = next(r for r in rows if r["key"] == "china_entered")
    inside = row["low"] <= guess / 100 <= row["high"]
    result = (
        f"**The result**: China entered in {percent(row['changed'])} of worlds "
        f"(95% interval {percent(row['low'])}-{percent(row['high'])}; base {percent(row['base'])})."
    )
    if china == "no prediction":  # nothing to score: the guess slider was not part of a prediction
        text = f"**You made no prediction.** {result}"
    else:
        text = (
            f"**You predicted**: China's entry: {china}; your guess: China enters in {guess}% of worlds. {result} "
            f"Your guess is {'inside' if inside else 'outside'} the interval, "
            f"{abs(guess / 100 - row['changed']) * 100:.0f} points from the result."
        )
    solara.Markdown(text)
    for line in state.result.value.verdicts:
        (solara.Success if " held" in line else solara.Warning)(line)


def _png(fig) -> str:
    """The figure as a PNG data address (its legend sits outside the axes: the tight box keeps it)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@solara.component
def Chart(fig, words: str, key: str):
    """A figure with its text equivalent: the image's alt text is the chart's title, its description
    (``aria-describedby``) the chart in words, which anyone can open under it."""
    src = solara.use_memo(lambda: _png(fig), [fig])
    title, text = html.escape(fig.get_suptitle() or "chart"), html.escape(words)
    image = f'<img src="{src}" alt="{title}" aria-describedby="{key}" style="max-width: 100%">'
    details = f'<details><summary>The chart in words</summary><p id="{key}">{text}</p></details>'
    caption = f'<figcaption class="{style.SMALL}">{details}</figcaption>'
    solara.HTML(tag="figure", unsafe_innerHTML=image + caption, style="margin: 0")


@solara.component
def Results():
    res = state.result.value
    if res is None or state.ran.value is None:
        solara.Info("Set what changes, record your prediction, then press Run.")
        return
    _, text, runs = state.ran.value
    with solara.Card("Your prediction beside the result"):
        PredictionResult(res.rows)
    with solara.Card("Outcomes: the base and your change"):
        solara.Markdown(_table(res.rows, runs))
        solara.Text(f"computed in {res.seconds:.1f} s", classes=[style.SMALL])
    for k, (fig, text) in enumerate(zip(res.figures, res.descriptions, strict=True)):
        with solara.Card():
            Chart(fig, text, f"chart-words-{k}")
    with solara.Card("Your change as a scenario file"):
        solara.Markdown("Save it and run it from the command line: `whatif run classroom_what_if.yaml`")
        solara.Markdown(f"```yaml\n{text}```")
        solara.FileDownload(text, filename="classroom_what_if.yaml", label="Download the scenario (YAML)")


@solara.component
def HistoryTab():
    with solara.Columns([1, 2]):
        with solara.Column():
            Prediction()
            Controls()
        with solara.Column():
            Results()
