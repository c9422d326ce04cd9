"""The command line: ``whatif`` (``cli.py``), one module per group of commands.

Each command parses its options, calls :mod:`sim.api` and prints; it imports
nothing else from ``sim``. The API is imported when a command runs, not at
start-up, so that Ctrl-C is handled from the first moment (exit 130, one
line). Bad input (:data:`sim.api.USER_ERRORS`) exits with code 2 and one
paragraph. Modules: ``options`` (shared options, errors, the API accessor),
``main`` (the group, signals and exit codes), ``running`` (run, compare),
``saved`` (plot, replay), ``library`` (list, show, validate), ``worlds``
(explain, diff, cause) and ``model`` (fidelity, sources, graph, calibrate,
bench).
"""

from __future__ import annotations

from sim.cli.main import main

__all__ = ["main"]
