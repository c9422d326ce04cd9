"""The scenario language's keys, defaults and limits (documented in ``scenarios/README.md``).

The limits keep a careless or hostile file from doing harm before anything
runs: a name becomes a folder name, a file is read whole, a base chain is
followed file by file.
"""

from __future__ import annotations

MAX_RUNS = 10_000_000  # worlds of one run (the command line's --runs shares this limit)
MAX_SEED = 2**63 - 1
MAX_NAME = 64  # characters of a scenario name (it becomes a results folder name)
MAX_TITLE = 200  # characters of a one-line title
MAX_BYTES = 256 * 1024  # size of a scenario file (YAML is parsed at about 100 KB/s at worst)
MAX_DEPTH = 12  # nesting of YAML collections (the language needs five)
MAX_CHAIN = 32  # files in a base chain
MAX_INTERVENTIONS = 200  # interventions in one file

FIRST_DATE, LAST_DATE = "1949-01-01", "1956-12-31"  # the dates the model covers
FIRST_HORIZON = "1950-06-25"  # the earliest horizon: the war's historical first day
DEFAULT_RUNS, DEFAULT_SEED = 10_000, 1950

KEYS = {
    "name": f"short identifier (letters, digits, _ and -; at most {MAX_NAME} characters)",
    "title": "one-line title shown on results and figures",
    "base": "scenario this one builds on (library name or path; default baseline)",
    "description": "what the scenario changes, citing its source",
    "expect": "free text: what the author predicts",
    "predict": "machine-checked predictions, e.g. {china_entered: '< 0.2', final_outcome: rok_unifies}",
    "runs": f"number of worlds, 1 to {MAX_RUNS:,}",
    "seed": "non-negative integer seed",
    "horizon": f"last simulated day, {FIRST_HORIZON} to {LAST_DATE}",
    "interventions": "list of force / forbid / set / move / remove / variant",
}
REQUIRED = ("name", "title")

# intervention -> (required keys, optional keys)
INTERVENTION_KEYS = {
    "force": ({"point", "option"}, {"from", "until"}),
    "forbid": ({"point", "option"}, {"from", "until"}),
    "set": ({"param"}, {"value", "range"}),
    "move": ({"event", "date"}, set()),
    "remove": ({"event"}, set()),
    "variant": ({"dispute", "reading"}, set()),
}
