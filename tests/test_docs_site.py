"""The documentation site builds with warnings as errors, and holds what a teacher needs (issue 12)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim import case

ROOT = Path(__file__).resolve().parents[1]
MISSING = [m for m in ("mkdocs", "mkdocstrings", "mkdocstrings_handlers.python") if importlib.util.find_spec(m) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"the documentation tools are not installed ({', '.join(MISSING)}): pip install '.[docs]'",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, executed_notebook) -> Path:
    out = tmp_path_factory.mktemp("site")
    for book in sorted((ROOT / "notebooks").glob("*.ipynb")):
        executed_notebook(book)  # once a session: the notebook tests read the same run
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WHATIF_DOCS_NOTEBOOKS": str(executed_notebook.folder)}
    started = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stderr[-4000:]
    print(f"mkdocs build --strict: {time.perf_counter() - started:.1f} s")
    return out


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_every_page_is_built(site):
    for name in ("tutorial", "scenarios", "model", "decision-points", "leaders", "api"):
        assert (site / name / "index.html").is_file(), name
    for book in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert (site / "notebooks" / book.stem / "index.html").is_file(), book.stem


def test_the_tutorial_shows_live_output_from_install_to_a_comparison(site):
    text = page(site, "tutorial")
    assert "pip install" in text
    for command in ("whatif list", "whatif run baseline", "whatif compare baseline china_refuses_12_oct"):
        assert f"$ {command}" in text, command
    assert "your prediction" in text and "Did you mean" in text
    assert "<!-- whatif" not in text and "<!-- include" not in text  # every directive was replaced


def test_the_points_and_leaders_are_generated_from_the_code(site):
    points, leaders = page(site, "decision-points"), page(site, "leaders")
    for node in case.NODES:
        assert node.id in points, node.id
    from agents import LEADERS

    for key, cls in LEADERS.items():
        assert cls.name in leaders
        for t in cls.terms:
            assert f"{key}.{t.name}" in leaders


def test_the_model_page_has_the_fidelity_table_and_the_reference_the_scenario_readme(site):
    model = page(site, "model")
    assert "most likely" in model and "mao_12oct" in model
    assert "Your own scenarios" in page(site, "scenarios") and "predict" in page(site, "scenarios")


def test_the_api_reference_comes_from_the_docstrings(site):
    text = page(site, "api")
    for name in ("run_scenario", "compare_runs", "explanation", "catalogue", "Prediction"):
        assert name in text, name


def test_the_notebooks_are_rendered_with_their_outputs(site):
    text = page(site, "notebooks/01_baseline")
    images = re.findall(r'<img alt="figure[^"]*" src="([^"]+)"', text)
    assert images, "the baseline notebook's figures are missing"
    for src in images:
        assert (site / "notebooks" / "01_baseline" / src).resolve().is_file(), src
    exercise = page(site, "notebooks/04_exercise_predict_then_run")
    assert "your prediction" in exercise
