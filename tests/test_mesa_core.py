"""sim/engine/mesa_core.py: the engine loads Mesa's Model and Agent alone; the rest of Mesa on first use."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "scipy.spatial", "networkx", "mesa.datacollection")


def python(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_engine_does_not_load_mesas_heavy_imports():
    """Issue 11: `import mesa` cost 0.6 s of every command (pandas, scipy and networkx)."""
    out = python(f"import sys, sim.api; print([m for m in {HEAVY!r} if m in sys.modules])")
    assert out.strip() == "[]"


def test_the_rest_of_mesa_is_there_on_first_use():
    code = """
import sys, sim.api
from sim.engine.mesa_core import Agent, Model
from importlib import metadata
import mesa
assert mesa.Model is Model and mesa.Agent is Agent
assert mesa.__version__ == metadata.version("mesa")
from mesa import DataCollector, batch_run
import mesa.space
assert 'pandas' in sys.modules and mesa.space.MultiGrid
print(DataCollector.__name__, batch_run.__name__, sorted(mesa.__all__)[:2])
"""
    assert python(code).split() == ["DataCollector", "batch_run", "['Agent',", "'DataCollector']"]


def test_a_mesa_imported_first_is_used_as_it_is():
    out = python("import mesa, sim.api; from sim.engine.mesa_core import Model; print(Model is mesa.Model)")
    assert out.strip() == "True"
