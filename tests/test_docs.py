"""Documentation that cannot drift: the READMEs name what the code offers."""

from pathlib import Path

from cli import main
from sim.case import outcomes
from sim.case.params import VARIANTS
from sim.scenario import INTERVENTION_KEYS, KEYS, MOVABLE, REMOVABLE, library

ROOT = Path(__file__).resolve().parents[1]


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_second():
    lines = [ln for ln in text("README.md").splitlines() if ln.strip()]
    block = lines[lines.index("```bash") + 1 : lines.index("```bash") + 3]
    assert block == ["pip install . && whatif run baseline", 'pip install ".[test]" && python -m pytest -q']
    assert 'pip install -q ".[test]" && python -m pytest -q' in text(".ci/run")


def test_readme_names_every_command():
    readme = text("README.md")
    for name in main.commands:
        assert f"whatif {name}" in readme, name


def test_scenario_reference_names_every_key_intervention_event_variant_and_library_file():
    ref = text("scenarios/README.md")
    for key in (*KEYS, *INTERVENTION_KEYS, *MOVABLE, *REMOVABLE, *VARIANTS):
        assert f"`{key}`" in ref, key
    for variant in VARIANTS.values():
        for reading in variant.readings:
            assert f"`{reading}`" in ref, reading
    for name in library():
        assert f"`{name}`" in ref, name


def test_results_readme_documents_every_column():
    ref = text("results/README.md")
    for column in outcomes.COLUMNS:
        assert column in ref, column
