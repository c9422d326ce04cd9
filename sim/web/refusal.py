"""A refused Run in a student's words: which switch contradicts what the base scenario fixes, and what to do.

The scenario language refuses contradictory settings in its own terms ("it
forces 'enter' at mao_12oct while intervention 0 of the base ... forces
'stop'"). :func:`explain` names the switch and the base scenario by their
titles, says what the base already fixes and how to get a run; the page keeps
the language's own message for the teacher (:func:`technical`).
"""

from __future__ import annotations

import re

from sim import api
from sim.api import classroom
from sim.output.words import long_date
from sim.web.choices import Choices
from sim.web.fixed import fixed, switch, what

ELSEWHERE = 'choose a base scenario that leaves this decision to the model (such as "The historical baseline")'


def technical(message: str) -> str:
    """The scenario language's message without the page's file, line and key or the server's paths."""
    words = re.sub(r"^<notebook>(, line \d+)?(, key '[^']*')?: ", "", message)
    return re.sub(r" \((/|[A-Za-z]:\\)[^)]*\)", "", words)


def _contradicts(base: str | None, mine: str) -> bool:
    """Whether a page setting contradicts the base's own setting of the point (None: the base removes it)."""
    if mine in ("free", base):
        return False
    if base is None:
        return True
    (b_mode, _, b_opt), (m_mode, _, m_opt) = base.partition(":"), mine.partition(":")
    return b_mode == m_mode == "force" or (b_mode != m_mode and b_opt == m_opt)


def _refused(choices: Choices) -> str | None:
    try:
        api.scenario(choices.yaml())
    except api.USER_ERRORS as exc:
        return technical(str(exc))
    return None


def explain(choices: Choices, message: str) -> str:
    """The refusal of ``choices`` (the scenario language's ``message``) in a student's words."""
    given = fixed(choices.base)
    for point in [*sorted(given.removed), *given.switches]:  # a switch the base itself sets
        mine = choices.switches.get(point, "free")
        if _contradicts(given.switches.get(point), mine):
            sw, words = switch(point), dict(switch(point).settings())
            return (
                f'Your switch \'{words[mine]}\' at "{sw.title}" contradicts the base scenario "{given.title}": '
                f"in that scenario {what(given, point)}. To run, set the switch back to "
                f"'{words[given.switches.get(point, 'free')]}', or {ELSEWHERE} and set it there."
            )
    for point, mine in choices.switches.items():  # a switch that also binds a decision the base fixes
        problem = _refused(Choices(choices.base, {point: mine}))
        if problem:
            sw, words = switch(point), dict(switch(point).settings())
            bound = re.search(r" at ([a-z0-9_]+) while ", problem)
            other = f' ("{classroom.title(bound.group(1))}")' if bound else ""
            since = f" from {long_date(sw.since)} on" if sw.since else ""
            return (
                f'Your switch \'{words[mine]}\' at "{sw.title}" contradicts the base scenario "{given.title}": '
                f"set{since}, it also settles the other decisions on the same question, and that scenario already "
                f"settles one of them{other} the other way. To run, set the switch back to 'the model decides', "
                f"or {ELSEWHERE} and set it there."
            )
    return (
        f'These settings cannot run together on the base scenario "{given.title}". Undo your last change, '
        'or choose the base scenario "The historical baseline".'
    )
