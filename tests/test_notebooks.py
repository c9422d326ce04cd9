"""Every notebook runs end to end, and is committed without stale outputs."""

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_four_teaching_notebooks_exist():
    names = {p.stem for p in NOTEBOOKS}
    assert {
        "01_baseline",
        "02_refusal_12_october",
        "03_necessity_and_sufficiency",
        "04_exercise_predict_then_run",
    } <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has stale outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_end_to_end(path, executed_notebook):
    book = executed_notebook(path)
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    texts = "".join(o.get("text", "") for c in book.cells if c.cell_type == "code" for o in c.outputs)
    assert texts.strip(), "the notebook printed nothing"
