"""The classroom page: a Solara web page over ``sim.api`` (issue 14; ``pip install ".[web]"``, ``whatif serve``).

Layer: beside the command line; it imports ``sim.api`` and ``sim.output``
only, and nothing in ``sim`` imports it (``tests/test_architecture.py``).
The modules without Solara hold the page's logic and are tested on their
own: ``choices`` (the page's settings as a scenario YAML), ``compute``
(cached ensembles, shares, figures; the benchmark's ``update``),
``describe`` (each chart in words), ``seat`` (playing a leader), ``lesson``
(a teacher's lesson file), ``fixed`` (what the base scenario itself sets),
``refusal`` (a refused Run in a student's words), ``words`` (code names as
titles and labels, the code as small print), ``style`` (its colours, each
checked for contrast, and its style sheet). The Solara components are
``state`` (reactive variables), ``history``, ``story``, ``play``,
``teacher``, ``filepick`` (a file chosen with the file dialog or dropped)
and ``app`` (the page: ``solara run sim.web.app``).
This package's ``__init__`` imports nothing, so the core never loads Solara.
"""
