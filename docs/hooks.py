"""MkDocs hooks: the pages that are generated from the code, so that the documentation cannot drift.

- ``scenarios.md``: the scenario language reference, ``scenarios/README.md`` itself;
- ``decision-points.md`` and ``leaders.md``: read from ``sim.case`` and ``agents``;
- ``notebooks/*.md``: the teaching notebooks, executed, with their outputs (text and figures);
- in any page, ``<!-- whatif ARGS -->`` is replaced by what ``whatif ARGS`` prints now, and
  ``<!-- fidelity-table -->`` by the fidelity table.

Set ``WHATIF_DOCS_NOTEBOOKS=skip`` for a quick build without running the notebooks, or to a folder
of notebooks executed already (the test suite executes each once, for its own test and for the site).
"""

from __future__ import annotations

import base64
import inspect
import os
import re
import shlex
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXAMPLES = ROOT / "docs" / "examples"
COMMAND = re.compile(r"<!-- whatif (.+?) -->")
INCLUDE = re.compile(r"<!-- include (\S+) -->")
README = re.compile(r"<!-- readme-section (.+?) -->")
FIDELITY = "<!-- fidelity-table -->"


# ------------------------------------------------------------------ mkdocs events
def on_files(files, config):
    """Add the generated pages (and the notebooks' figures) to the site."""
    pages = {
        "scenarios.md": scenario_reference(),
        "decision-points.md": decision_points(),
        "leaders.md": leaders(),
    }
    for path in NOTEBOOKS:
        pages.update(notebook(path))
    for uri, content in pages.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Live command output, included files, README sections and the fidelity table in hand-written pages."""
    if FIDELITY in markdown:
        markdown = markdown.replace(FIDELITY, fidelity_table())
    markdown = README.sub(lambda m: readme_section(m.group(1)), markdown)
    markdown = INCLUDE.sub(lambda m: include(m.group(1)), markdown)
    return COMMAND.sub(lambda m: command_output(m.group(1)), markdown)


def include(name: str) -> str:
    """A file of the repository as a fenced block (YAML for .yaml files)."""
    path = ROOT / name
    if not path.is_file():
        raise PluginError(f"<!-- include {name} -->: no such file")
    lang = "yaml" if path.suffix in (".yaml", ".yml") else "text"
    return f"```{lang}\n{path.read_text(encoding='utf-8').rstrip()}\n```"


def readme_section(heading: str) -> str:
    """The README's section under ``## heading`` (its subsections included), one level down."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    if not match:
        raise PluginError(f"README.md has no section '## {heading}'")
    return match.group(1).strip()


# ------------------------------------------------------------------ live output
def command_output(args: str) -> str:
    """``whatif ARGS`` run now (in a scratch folder), as a fenced block; the build fails if it fails.

    ``{examples}`` in ARGS stands for ``docs/examples`` (shown as ``examples``). ARGS ending in
    `` !2`` expect exit code 2 (bad input, shown on purpose).
    """
    from click.testing import CliRunner

    from cli import main

    expect = 0
    if args.endswith(" !2"):
        args, expect = args[:-3], 2
    shown = args.replace("{examples}", "examples")
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as scratch, runner.isolated_filesystem(temp_dir=scratch):
        result = runner.invoke(main, shlex.split(args.replace("{examples}", str(EXAMPLES))))
    if result.exit_code != expect:
        raise PluginError(f"`whatif {shown}` exited {result.exit_code}, not {expect}: {result.output}")
    output = result.output.rstrip().replace(str(EXAMPLES), "examples")
    return f"```text\n$ whatif {shown}\n{output}\n```"


def fidelity_table() -> str:
    """The fidelity table as Markdown: P(historical choice) on the historical path, per point."""
    from sim.analysis import fidelity
    from sim.output.words import leader_label, node_label, option_label

    rows = fidelity.table(1000, 1950)
    lines = [
        "| date | decision point | decided by | historical choice | P | most likely |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        p = r.probabilities[r.historical]
        top = "yes" if p >= max(r.probabilities.values()) - 1e-12 else "**no**"
        lines.append(
            f"| {r.date} | {node_label(r.node)} | {leader_label(r.decider)} | "
            f"{option_label(r.node, r.historical)} | {p:.2f} | {top} |"
        )
    return "\n".join(lines) + "\n\n*1,000 worlds, seed 1950; generated when this site was built.*"


# ------------------------------------------------------------------ generated pages
def scenario_reference() -> str:
    return (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")


def _phases():
    """(heading, module docstring, nodes) per phase of the case, in the order of the war."""
    import importlib

    from sim import case
    from sim.analysis import graph
    from sim.output.graph_layout import PHASES, phase_of, point_days

    g = graph.build()
    where = phase_of(g, point_days(g, graph.typical_days()))
    out = []
    for key, heading in PHASES:
        nodes = [n for n in case.NODES if where[n.id] == key]
        if nodes:
            doc = importlib.import_module(f"sim.case.{key}").__doc__ or ""
            out.append((heading, inspect.cleandoc(doc), nodes))
    return out


def _node(node) -> list[str]:
    from sim.case.evidence import REGISTRY
    from sim.output.words import leader_label

    decider = getattr(node, "decider", "") or ""
    kind = {"decision": f"decision by {leader_label(decider)}", "chance": "chance node", "event": "event"}
    meta = [kind.get(node.kind, node.kind), f"date window {node.window[0]} to {node.window[1]}"]
    if node.historical and node.kind != "event":
        meta.append(f"historically: {node.label(node.historical)} (`{node.historical}`)")
    lines = [f"### {node.title} (`{node.id}`)", "", "*" + "; ".join(meta) + "*", ""]
    if node.narrative:
        lines += [node.narrative, ""]
    if node.kind != "event" and len(node.options) > 1:
        lines += ["| option | meaning |", "|---|---|"]
        lines += [f"| `{o}` | {node.label(o)} |" for o in node.options]
        lines.append("")
    features = getattr(node, "features", None)
    if features is not None and features.__doc__:
        lines += ["What each option's features measure (the modelling claim):", ""]
        lines += ["```text", inspect.cleandoc(features.__doc__), "```", ""]
    cited = [f"`{e}` ({REGISTRY[e].label})" for e in node.evidence if e in REGISTRY]
    if cited:
        lines += ["Sources: " + "; ".join(cited) + ".", ""]
    return lines


def decision_points() -> str:
    """Every decision point, chance node and event, phase by phase, from ``sim.case``."""
    from sim import case

    lines = [
        "# Decision points",
        "",
        f"The case has {len(case.NODES)} points in causal order, generated from `sim/case/` when this "
        "site was built. A scenario names a point and an option by the ids in `code`.",
        "",
    ]
    for heading, doc, nodes in _phases():
        lines += [f"## {heading}", ""]
        if doc:
            lines += [doc, ""]
        for node in nodes:
            lines += _node(node)
    return "\n".join(lines)


def leaders() -> str:
    """Every leader: role, documented stance, preference terms with their strength and evidence."""
    from agents import LEADERS
    from agents.base import LEVELS
    from sim.case.evidence import REGISTRY
    from sim.output.words import node_label

    lines = [
        "# Leaders",
        "",
        "Each leader's preference terms, generated from `agents/` when this site was built. In every "
        "simulated world a term's weight is drawn from the range its strength in the sources sets:",
        "",
        "| strength | weight range |",
        "|---|---|",
        *[f"| {level} | {lo:g}-{hi:g} |" for level, (lo, hi) in LEVELS.items()],
        "",
    ]
    for key, cls in LEADERS.items():
        lines += [f"## {cls.name} (`{key}`)", "", f"*{getattr(cls, 'role', '')}*", ""]
        doc = inspect.cleandoc(cls.__doc__ or "")
        if doc:
            lines += [doc, ""]
        lines += ["| term (`set: {param: ...}`) | what it measures | strength | evidence |", "|---|---|---|---|"]
        for t in cls.terms:
            ev = REGISTRY.get(t.evidence)
            source = f"`{t.evidence}` ({ev.label})" if ev else f"`{t.evidence}`"
            lines.append(f"| `{key}.{t.name}` | {t.measures} | {t.level} | {source} |")
        decides = getattr(cls, "decides", ())
        if decides:
            lines += ["", "Decides: " + "; ".join(node_label(n) for n in decides) + "."]
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------ notebooks
def _outputs(cell, stem: str, index: int) -> tuple[list[str], dict[str, bytes]]:
    """A code cell's outputs as Markdown, and the figures it drew (file name -> PNG bytes)."""
    lines, images = [], {}
    for k, out in enumerate(cell.get("outputs", [])):
        kind = out.get("output_type")
        if kind == "error":
            raise PluginError(f"notebook {stem}, cell {index}: {out.get('ename')}: {out.get('evalue')}")
        if kind == "stream" and out.get("name") == "stdout":
            lines += ["```text", out["text"].rstrip(), "```", ""]
            continue
        data = out.get("data", {})
        if "image/png" in data:
            name = f"{stem}_{index}_{k}.png"
            images[f"notebooks/{name}"] = base64.b64decode(data["image/png"])
            lines += [f"![figure {index}.{k} of {stem}]({name})", ""]
        elif "text/plain" in data:
            lines += ["```text", data["text/plain"].rstrip(), "```", ""]
    return lines, images


def notebook(path: Path) -> dict[str, str | bytes]:
    """``notebooks/<stem>.md`` (and its figures): the notebook executed now, with its outputs."""
    import nbformat

    given = os.environ.get("WHATIF_DOCS_NOTEBOOKS", "execute")
    if Path(given, path.name).is_file():
        path = Path(given, path.name)
    book = nbformat.read(path, as_version=4)
    if given not in ("skip", str(path.parent)):
        from nbclient import NotebookClient

        NotebookClient(book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    lines = [f"*The notebook `notebooks/{path.name}`, executed when this site was built.*", ""]
    pages: dict[str, str | bytes] = {}
    for i, cell in enumerate(book.cells):
        if cell.cell_type == "markdown":
            lines += [cell.source, ""]
        elif cell.cell_type == "code":
            lines += ["```python", cell.source, "```", ""]
            text, images = _outputs(cell, path.stem, i)
            lines += text
            pages.update(images)
    pages[f"notebooks/{path.stem}.md"] = "\n".join(lines)
    return pages
