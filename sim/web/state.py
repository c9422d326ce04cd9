"""The page's state: Solara reactive variables (one set per browser session) and the actions on them.

The actions (``run``, ``show_world``, ``seat_start``, ``seat_choose``,
``apply_step``) call ``sim.api`` through the page's logic modules; the
components only read these variables and call these actions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import solara

from sim import api
from sim.api import classroom
from sim.web import compute, lesson, refusal, seat
from sim.web.choices import Choices
from sim.web.fixed import Fixed, fixed

classroom.use_page_folders(os.environ)  # `whatif --scenario-path DIR serve`: the page finds scenarios there too
DEATH_DATE = dt.date.fromisoformat(classroom.death_window()[0])
RUNS = (500, 2000, 10_000)

# change history
base = solara.reactive("baseline")
switches = solara.reactive({})  # point -> setting
death = solara.reactive(DEATH_DATE)
stalin_lives = solara.reactive(False)
variants = solara.reactive({})  # dispute -> reading
weight_on = solara.reactive(False)
weight_param = solara.reactive("mao.alliance_dependence")
weight_value = solara.reactive(0.9)
runs = solara.reactive(2000)
# predict, then run
china = solara.reactive("no prediction")
guess = solara.reactive(50)  # percent of worlds where China enters, the student's guess
recorded = solara.reactive(None)  # (china, guess) as recorded when Run was pressed
# results
result = solara.reactive(None)  # compute.Update
ran = solara.reactive(None)  # (base, scenario YAML, runs) of the shown result
error = solara.reactive(None)  # the last Run's problem, shown under it in a student's words
error_detail = solara.reactive(None)  # the same in the scenario language's words, for the teacher
# the story
world = solara.reactive(0)  # the World box
story = solara.reactive(None)  # dict from api.explanation (its "world" is the world shown)
story_error = solara.reactive(None)  # the story tab's own problem, cleared by the next world shown
why = solara.reactive(None)  # (world, dict from api.difference)
attribution = solara.reactive(None)  # (world, dict from api.attribution)
ATTRIBUTE = ("china_entered", 50)  # the outcome attributed and the permutations (about 1 s)
# play a leader
seat_leader = solara.reactive("mao")
seat_world = solara.reactive(0)
picks = solara.reactive(())
seat_state = solara.reactive(None)  # dict from seat.step
seat_taken = solara.reactive(("baseline", "mao", 0))  # (base, leader, world) fixed when the seat was taken
seat_error = solara.reactive(None)
# teacher
current_lesson = solara.reactive(None)
lesson_step = solara.reactive(0)


def choices() -> Choices:
    """The page's settings now."""
    death_value = _death_setting()
    weight = (weight_param.value, weight_value.value) if weight_on.value else None
    china_value = china.value if china.value in ("likely", "unlikely") else None
    return Choices(base.value, dict(switches.value), death_value, dict(variants.value), weight, runs.value, china_value)


def set_switch(point: str, setting: str) -> None:
    switches.value = {**switches.value, point: setting}


def set_weight_term(term: str) -> None:
    """Choose the leader weight to set; its value starts at the base scenario's setting of it, else in the middle of
    the range each world draws it from (its documented range, or the range of the source reading chosen)."""
    low, high = dataclasses.replace(choices(), weight=None).draw(term)[1]
    weight_param.value, weight_value.value = term, round((low + high) / 2, 2)


def set_weight_on(on: bool) -> None:
    """Tick or untick "set this weight": unticked on a weight the base sets, the slider shows the base's value again."""
    weight_on.value = on
    if not on and weight_param.value in fixed(base.value).weights:
        set_weight_term(weight_param.value)


def _show_weight(old: Fixed | None, new: Fixed) -> None:
    """The weight control on a new base (``old``: the base before, None for a reset): the student's own weight stays
    unless the new base sets that weight; the control shows a weight the new base sets (the one shown, else its
    first), and a weight only the old base set goes back to its default."""
    term = weight_param.value
    if weight_on.value and term not in new.weights:
        return
    if new.weights or weight_on.value or old is None or term in old.weights:
        weight_on.value = False
        set_weight_term(term if term in new.weights or not new.weights else next(iter(new.weights)))


def set_variant(dispute: str, reading: str) -> None:
    variants.value = {**variants.value, dispute: reading}


def _death_setting() -> str:
    return "never" if stalin_lives.value else death.value.isoformat()


def _set_death(setting: str) -> None:
    stalin_lives.value = setting == "never"
    death.value = DEATH_DATE if setting == "never" else dt.date.fromisoformat(setting)


def set_base(name: str) -> None:
    """Choose the base scenario: each control it sets shows its setting (its weights too); a control only the old
    base set goes back to its default; the student's other settings stay."""
    old, new = fixed(base.value), fixed(name)
    keep = new.removed | set(new.switches)
    mine = {p: v for p, v in switches.value.items() if v != old.switches.get(p, "free") and p not in keep}
    default_death = classroom.death_window()[0]
    mine_death = _death_setting() if _death_setting() != (old.death or default_death) else None
    readings = {d: r for d, r in variants.value.items() if r != old.variants.get(d) and d not in new.variants}
    base.value = name
    switches.value, variants.value = {**mine, **new.switches}, {**readings, **new.variants}
    _set_death(new.death or mine_death or default_death)
    _show_weight(old, new)


def run() -> None:
    """Run: record the prediction, simulate (the base from the cache) and show the result; a refusal is explained
    in a student's words, the scenario language's own message kept for the teacher."""
    text = choices().yaml()
    try:
        api.scenario(text)
    except api.USER_ERRORS as exc:
        error.value, error_detail.value = refusal.explain(choices(), str(exc)), refusal.technical(str(exc))
        if result.value is not None:  # the old results are not these settings': take them off the page
            compute.close(result.value)
        result.value = ran.value = story.value = why.value = attribution.value = None
        return
    recorded.value, error_detail.value = (china.value, guess.value), None
    if result.value is not None:
        compute.close(result.value)
    update = compute.update(base.value, text, runs.value)
    ran.value = (base.value, text, runs.value)
    result.value = update
    error.value = None
    story.value = why.value = attribution.value = story_error.value = None


def show_world(index: int) -> None:
    """Explain world ``index`` of the last run's changed scenario (one of the run's worlds)."""
    if ran.value is None:
        return
    n = ran.value[2]
    if not 0 <= int(index) < n:
        story_error.value = f"world {index} is not one of this run's worlds: they are 0 to {n - 1:,}."
        return
    world.value = int(index)
    story.value = api.explanation(api.scenario(ran.value[1]), world.value)
    why.value = attribution.value = story_error.value = None


def find_world(condition: str) -> None:
    """The next world after the shown one where ``condition`` (``key=value``) holds in the last run."""
    if ran.value is None:
        return
    key, _, value = condition.partition("=")
    ens = compute.ensembles(*ran.value)[1]
    column = ens.columns[key]
    target = classroom.outcome_names()[1].index(value) if key == "final_outcome" else value == "true"
    hits = [int(i) for i in (column == target).nonzero()[0]]
    later = [i for i in hits if i > world.value] or hits
    if later:
        show_world(later[0])
    else:
        story_error.value = f"no world of this run has {condition}."


def _shown() -> int | None:
    """The world whose story is shown (showing the World box's world first if none is)."""
    if story.value is None:
        show_world(world.value)
    return None if story.value is None else story.value["world"]


def explain_difference() -> None:
    """The shown world under the base and under the change, side by side from the first difference."""
    w = _shown() if ran.value is not None else None
    if w is not None:
        why.value = (w, api.difference(ran.value[0], api.scenario(ran.value[1]), w))


def attribute_world() -> None:
    """Which choices on the shown world's path made China's entry (or its absence): Shapley values."""
    w = _shown() if ran.value is not None else None
    if w is not None:
        outcome, permutations = ATTRIBUTE
        attribution.value = (w, api.attribution(api.scenario(ran.value[1]), outcome, w, permutations))


def seat_start() -> None:
    """Take the seat: the base, leader and world in the boxes now are the game's until the seat is taken again."""
    if not 0 <= seat_world.value < classroom.WORLDS:
        seat_error.value = f"world {seat_world.value} cannot be played: a world is 0 to {classroom.WORLDS - 1:,}."
        return
    seat_error.value = None
    picks.value = ()
    seat_taken.value = (base.value, seat_leader.value, seat_world.value)
    seat_state.value = seat.step(*seat_taken.value, ())


def seat_choose(option: str, step: int | None = None) -> None:
    """Take ``option`` at the seat's current decision; ``step``: how many picks the page showed with the button.

    A click on a button the page has already replaced (a double click, whose second click lands on the next
    decision's button of the same name) is ignored.
    """
    entry = (seat_state.value or {}).get("next")
    if entry is None or option not in entry["options"] or (step is not None and step != len(picks.value)):
        return
    picks.value = (*picks.value, seat.pick(entry, option))
    seat_state.value = seat.step(*seat_taken.value, picks.value)


def apply_step(k: int) -> None:
    """Reset the page to step ``k`` of the current lesson: its base, switches and worlds; nothing else set."""
    les = current_lesson.value
    if les is None:
        return
    k = max(0, min(k, len(les.steps) - 1))
    step = les.steps[k]
    given = fixed(step.scenario)
    lesson_step.value = k
    base.value, switches.value, runs.value = step.scenario, {**given.switches, **step.switches}, step.runs
    variants.value, weight_on.value = dict(given.variants), False
    _set_death(given.death or classroom.death_window()[0])
    _show_weight(None, given)
    china.value, recorded.value = "no prediction", None
    result.value = ran.value = error.value = error_detail.value = None
    story.value = why.value = attribution.value = story_error.value = None
    picks.value, seat_state.value, seat_error.value, seat_world.value = (), None, None, 0


def open_lesson(les: lesson.Lesson) -> None:
    current_lesson.value = les
    apply_step(0)
