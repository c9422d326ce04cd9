"""Late September - October 1950: the UN crosses the 38th in pursuit and drives toward the Yalu.

With the KPA disintegrating after Inchon, UN forces crossed the 38th
parallel on 30 September and advanced almost to the Chinese border; halting
at the parallel would have met the UN's mandate to repel the attack, at less
risk of a wider war (essay.cross_38th, essay.un_boycott, essay.air_war).
China viewed the drive north with alarm (int001.china_alarm).
"""

from __future__ import annotations

import numpy as np

from sim.case.features import kpa_collapse
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View

# ---------------------------------------------------------------- the UN crosses the 38th (Truman decides)
# deg N, the line a UN halting "at the parallel" holds: the 1951-53 line of contact just north of it (data.front_line)
PARALLEL_LINE = 38.3


def wider_war_risk(v: View) -> np.ndarray:
    """Risk that crossing widens the war: 0.3, or 1 once Chinese troops fight (int000.dug_in)."""
    return 0.3 + 0.7 * v.china_in


def cross_features(v: View) -> Features:
    """Truman at the parallel (essay.cross_38th, essay.un_boycott, essay.air_war).

    Cross: rollback, as far as the KPA has collapsed (0-1), and containment
    (0.5). Halt: the risk of a wider war (0.3, 1 once Chinese troops fight)
    and the UN mandate, met once the attack is repelled (1).
    """
    return {
        "cross": {"rollback": kpa_collapse(v), "containment_asia": np.full(len(v), 0.5)},
        "halt": {"limit_war": wider_war_risk(v), "un_mandate": np.ones(len(v))},
    }


def at_the_parallel(v: View) -> Mask:
    """US forces fight, and after a retreat south of 37N the line is back near the 38th (37.7-38.3N)."""
    return v.war & v.us_in & (v.front >= 37.7) & (v.front_min < 37.0) & (v.front < PARALLEL_LINE)


def _cross(fx: Firing) -> None:
    fx.s.halt_line[fx.chose("cross")[0]] = 99.0
    fx.s.halt_line[fx.chose("halt")[0]] = PARALLEL_LINE


un_cross_38th = DecisionPoint(
    id="un_cross_38th",
    title="The UN crosses the 38th parallel",
    window=(EARLY, LATE),
    decider="truman",
    options=("cross", "halt"),
    labels={"cross": "cross in pursuit", "halt": "halt at the parallel"},
    historical="cross",
    when=at_the_parallel,
    features=cross_features,
    effect=_cross,
    evidence=("essay.cross_38th", "int000.dug_in"),
    narrative="The KPA is routed and UN forces reach the 38th parallel.",
)

# ---------------------------------------------------------------- the drive to the Yalu (the UN commander decides)
NECK_LINE = 39.6  # deg N, the narrow neck of Korea north of Pyongyang, where an advance could have stopped


def past_pyongyang(v: View) -> Mask:
    """UN forces pursue with no halt line, no Chinese troops in Korea, the line at Pyongyang (39N) or north."""
    return v.war & v.us_in & ~v.china_in & (v.halt_line > 50) & (v.front >= 39.0)


def advance_features(v: View) -> Features:
    """The UN commander north of Pyongyang (essay.cross_38th, int001.china_alarm).

    Drive on: finish the routed KPA (its collapse, 0-1). Hold at the neck:
    China's alarm at forces heading for its border (the border threat, 0-1).
    """
    return {
        "drive_to_yalu": {"drive_to_yalu": kpa_collapse(v)},
        "hold_at_neck": {"china_warning": np.clip((v.front - 37.5) / 3.0, 0.0, 1.0)},
    }


def _advance(fx: Firing) -> None:
    fx.s.halt_line[fx.chose("hold_at_neck")[0]] = NECK_LINE


un_advance = DecisionPoint(
    id="un_advance",
    title="The drive to the Yalu",
    window=(EARLY, LATE),
    decider="un_command",
    options=("drive_to_yalu", "hold_at_neck"),
    labels={"drive_to_yalu": "drive on to the Chinese border", "hold_at_neck": "hold at the narrow neck"},
    historical="drive_to_yalu",
    when=past_pyongyang,
    features=advance_features,
    effect=_advance,
    evidence=("essay.cross_38th", "int001.china_alarm"),
    narrative="The KPA is routed north of Pyongyang; the Chinese border lies ahead.",
)

NODES = (un_cross_38th, un_advance)
