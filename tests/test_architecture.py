"""The architecture, checked: imports go down the layers, never in a circle.

Layers, lowest first (ARCHITECTURE.md): the engine, the leaders (agents/),
the case, the scenario language, the analyses, the output layer, the Python
API, and the command line (sim/cli, cli.py). A module may import its own
layer or any lower one; every import counts, including those inside
functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = (
    ("sim.engine", "sim._version"),  # _version: written by setuptools-scm at build time, imports nothing
    ("agents",),
    ("sim.case",),
    ("sim.scenario",),
    ("sim.analysis",),
    ("sim.output",),
    ("sim.api", "sim.bench"),
    ("sim.cli", "cli", "sim.web"),  # sim.web: the classroom page, beside the command line (issue 14)
)
WEB_MAY_IMPORT = ("sim.api", "sim.output", "sim.web")  # the page reads the API and draws with the output layer


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    files = [ROOT / "cli.py", *ROOT.glob("sim/**/*.py"), *ROOT.glob("agents/**/*.py")]
    return {_module_name(p): p for p in files}


def _layer(module: str) -> int | None:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    return None


def _type_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:`` (never executed)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return out


def _imports(path: Path, known: dict[str, Path], runtime: bool = False) -> set[str]:
    """Project modules imported by ``path`` (``from a import b`` counts as a.b when b is a module).

    ``runtime``: leave out imports under ``if TYPE_CHECKING:``.
    """
    out = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree) if runtime else set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in known else node.module)
    return {m for m in out if m in known}


GRAPH = {name: _imports(path, _modules()) for name, path in _modules().items()}
RUNTIME = {name: _imports(path, _modules(), runtime=True) for name, path in _modules().items()}


def test_every_module_has_a_layer():
    assert [m for m in GRAPH if _layer(m) is None and m != "sim"] == []


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_do_not_climb_a_layer(module):
    here = _layer(module)
    if here is None:
        return
    climbing = sorted(m for m in GRAPH[module] if (_layer(m) or 0) > here)
    assert climbing == [], f"{module} (layer {LAYERS[here]}) imports a higher layer: {climbing}"


def test_nothing_in_sim_below_the_command_line_imports_the_api():
    users = sorted(m for m, deps in GRAPH.items() if "sim.api" in deps and _layer(m) < _layer("sim.api"))
    assert users == []


def test_the_web_page_imports_only_the_api_and_the_output_layer():
    """sim.web sits beside the command line: it uses the API (and the output layer's words and figures),
    never the model below them; and nothing below it imports it."""
    bad = {m: sorted(d for d in deps if not d.startswith(WEB_MAY_IMPORT)) for m, deps in GRAPH.items()}
    assert {m: b for m, b in bad.items() if m.startswith("sim.web") and b} == {}
    users = sorted(m for m, deps in GRAPH.items() if any(d.startswith("sim.web") for d in deps))
    assert all(u.startswith("sim.web") for u in users), users


def test_there_is_no_import_circle():
    """Among the imports that run (type-only imports cannot make a circle at run time)."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for d in sorted(RUNTIME[m]):
            if state.get(d) == 1:
                raise AssertionError("import circle: " + " -> ".join([*path[path.index(d) :], d]))
            if d not in state:
                visit(d)
        path.pop()
        state[m] = 2

    for m in sorted(RUNTIME):
        if m not in state:
            visit(m)
