"""Documentation that cannot drift: the READMEs name what the code offers."""

import re
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


def _command_table() -> list[str]:
    """The first cells of the README's command table."""
    lines = text("README.md").split("## Commands", 1)[1].splitlines()
    start = lines.index("| command | what it does |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line.split(" | ")[0])
    return rows


def test_readme_command_table_documents_every_command_and_no_other():
    documented = set()
    for cell in _command_table():
        documented |= set(re.findall(r"whatif ([a-z]+)", cell))
    assert documented == set(main.commands)


def _table_options() -> dict[str, set[str]]:
    """The --options the command table shows for each command (a command may have several forms in a cell)."""
    shown: dict[str, set[str]] = {}
    for cell in _command_table():
        for part in cell.split(" / "):
            name = re.search(r"whatif ([a-z]+)", part).group(1)
            shown.setdefault(name, set()).update(re.findall(r"--[a-z-]+", part))
    return shown


def test_readme_table_options_exist():
    """Every --option the command table shows for a command is one of its options."""
    for name, options in _table_options().items():
        params = {opt for p in main.commands[name].params for opt in p.opts}
        for option in options:
            assert option in params, (name, option)


def test_readme_table_shows_every_option():
    """Every option of a command is in the command table (compare's --format, explain's --terms were not)."""
    shown = _table_options()
    for name, command in main.commands.items():
        options = {opt for p in command.params if p.param_type_name == "option" for opt in p.opts if opt[:2] == "--"}
        assert options <= shown[name], (name, sorted(options - shown[name]))


def test_results_readme_names_every_file_and_the_manifest_hashes():
    ref = text("results/README.md")
    for name in ("outcomes.csv", "outcomes.parquet", "front.npy", "front_months.npy", "summary.json", "figures/"):
        assert f"`{name}`" in ref, name
    assert "`files`" in ref and "`outcomes_sha256`" in ref and ".whatif-partial-" in ref


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


def test_results_readme_describes_the_columns_as_the_tables_do():
    """Each single-column row starts with the description the code gives (one wording, no drift)."""
    rows = dict(re.findall(r"^\| ([a-z_0-9]+) \| (.+?) \|$", text("results/README.md"), re.M))
    for column in (*outcomes.BOOLEAN, *outcomes.DATES, "war_months", "final_front_latitude"):
        assert rows[column].startswith(outcomes.DESCRIPTIONS[column]), (column, rows[column])
