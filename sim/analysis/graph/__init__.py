"""The decision graph: which points, chance nodes and events read and write which state.

:func:`build` turns the case (``sim/case``) into a :class:`networkx.DiGraph`
with one node per decision point, chance node and event, and one per state
variable that some node reads or writes (see :mod:`.build` for the edges).
The reads and writes are found by running the case's own functions on
recording stand-ins (:mod:`.probe`), not from a hand-written list. With a
scenario, its interventions are marked: a forced point is cut off from its
causes (Pearl's do()), a removed event has its edges cut, a moved event is
marked with its new date (:func:`mark`).

:func:`links` collapses the state variables into links between points (:mod:`.links`),
which is what the figure in :mod:`sim.output.graph_figure` draws.

>>> from sim.analysis import graph
>>> g = graph.build("china_refuses_12_oct")

``whatif graph [--scenario S] [--out FILE]`` prints the listing or draws the figure.
"""

from sim.analysis.graph.build import build, case_nodes, decider_name, mark, typical_days
from sim.analysis.graph.links import Link, context_variables, links
from sim.analysis.graph.probe import Probe, military_writes, probe, probe_model

__all__ = [
    "Link",
    "Probe",
    "build",
    "case_nodes",
    "context_variables",
    "decider_name",
    "links",
    "mark",
    "military_writes",
    "probe",
    "probe_model",
    "typical_days",
]
