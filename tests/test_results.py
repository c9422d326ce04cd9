"""Results folders: figures, replay, Parquet, and the regressions of issue 9 (data loss, trust, crashes).

Each test named after an issue-9 reproducer recreates it and checks the
promised behaviour: exit 0, 1 (a failed check) or 2 (bad input, one
paragraph, nothing written), never a traceback, never a user's file lost.
"""

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cli import main
from sim.output import folders, kinds, manifest, results

DATA_FILES = {"outcomes.csv", "front.npy", "front_months.npy", "summary.json", "manifest.json"}
FIGURES = {"outcome_shares.png", "front_line.png", "timing.png", "paths.png"}
RECORD = "figures.json"  # in every figures folder: the SHA-256 of each figure written there


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def refused(r, *words):
    """Exit 2 with one paragraph (no traceback) containing ``words``."""
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and r.output.count("\n\n") == 0, r.output
    for w in words:
        assert w in r.output, (w, r.output)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """One results folder (200 worlds of no_inchon, seed 11), copied by tests that damage it."""
    out = tmp_path_factory.mktemp("saved") / "run"
    assert invoke("run", "no_inchon", "--runs", "200", "--seed", "11", "--out", out).exit_code == 0
    return out


@pytest.fixture
def copy(saved, tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(saved, target)
    return target


@pytest.fixture
def no_simulation(monkeypatch):
    """Fail the test if anything is simulated (checks must come first; the memory probe is measured now)."""
    from sim.output import budget

    budget.bytes_per_world()

    def boom(*args, **kwargs):
        raise AssertionError("simulated although the input was refused")

    monkeypatch.setattr("sim.api.simulating.run_scenario", boom)
    monkeypatch.setattr("sim.analysis.simulate.run_setup", boom)


# ------------------------------------------------------------------ figures, replay, Parquet
def test_run_plot_writes_figures_and_plot_reproduces_them(tmp_path):
    out = tmp_path / "run"
    assert invoke("run", "baseline", "--runs", "400", "--plot", "--out", out).exit_code == 0
    assert {p.name for p in out.iterdir()} == DATA_FILES | {"figures"}
    assert {p.name for p in (out / "figures").iterdir()} == FIGURES | {RECORD}
    again = tmp_path / "again"
    r = invoke("plot", out, "--out", again)
    assert r.exit_code == 0
    for name in FIGURES:
        assert (again / name).read_bytes() == (out / "figures" / name).read_bytes(), name


def test_plot_formats_and_several_folders_with_effects(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert invoke("run", "baseline", "--runs", "300", "--out", a).exit_code == 0
    assert invoke("run", "stalin_dies_1952", "--runs", "300", "--out", b).exit_code == 0
    r = invoke("plot", a, b, "--out", tmp_path / "figs", "--format", "svg")
    assert r.exit_code == 0
    assert {p.name for p in (tmp_path / "figs").iterdir()} == {n.replace(".png", ".svg") for n in FIGURES} | {
        "effects.svg",
        RECORD,
    }
    assert invoke("plot", a, "--format", "pdf").exit_code == 0
    assert (a / "figures" / "front_line.pdf").read_bytes().startswith(b"%PDF")


def test_plot_of_several_folders_by_default_gets_its_own_folder(tmp_path, saved, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "copy"
    shutil.copytree(saved, other)  # the same run saved twice: two folders
    r = invoke("plot", saved, other)
    assert r.exit_code == 0
    written = [Path(line) for line in r.output.split()]
    assert written[0].parent.name == "figures" and written[0].parent.parent.parent.name == "no_inchon-vs-no_inchon"
    r = invoke("plot", saved, other)
    assert r.exit_code == 0 and Path(r.output.split()[0]).parent != written[0].parent  # a new folder


def test_plot_refuses_a_folder_that_is_not_results(tmp_path):
    refused(CliRunner().invoke(main, ["plot", str(tmp_path)]), "not a results folder", "manifest.json")


def test_plot_refuses_the_same_folder_twice(tmp_path):
    run = tmp_path / "r"
    assert invoke("run", "baseline", "--runs", "20", "--out", run).exit_code == 0
    refused(invoke("plot", run, f"{run}/", "--out", tmp_path / "twice"), "is given twice", "give each results folder")
    (tmp_path / "link").symlink_to(run)
    refused(invoke("plot", run, tmp_path / "link", "--out", tmp_path / "twice"), "are the same folder")
    assert not (tmp_path / "twice").exists()


def test_compare_out_saves_every_run_comparison_and_figures(tmp_path):
    out = tmp_path / "cmp"
    r = invoke("compare", "baseline", "china_refuses_12_oct", "--runs", "300", "--plot", "--out", out)
    assert r.exit_code == 0
    assert {p.name for p in out.iterdir()} == {"baseline", "china_refuses_12_oct", "comparison.json", "figures"}
    assert {p.name for p in (out / "figures").iterdir()} == FIGURES | {"effects.png", RECORD}
    doc = json.loads((out / "comparison.json").read_text())
    assert doc["base"] == "baseline" and "china_refuses_12_oct" in doc["scenarios"]
    assert invoke("replay", out / "china_refuses_12_oct").exit_code == 0


def test_plot_and_replay_work_on_a_compare_folder(tmp_path):
    """Issue 9: `plot`/`replay` on a `compare --out` folder crashed; now they work on it."""
    out = tmp_path / "cmp"
    assert invoke("compare", "baseline", "stalin_dies_1952", "--runs", "200", "--out", out).exit_code == 0
    r = invoke("plot", out)
    assert r.exit_code == 0
    assert {p.name for p in (out / "figures").iterdir()} == FIGURES | {"effects.png", RECORD}
    r = invoke("replay", out)
    assert r.exit_code == 0
    assert r.output.startswith("baseline: reproduced") and "stalin_dies_1952: reproduced" in r.output
    (out / "comparison.json").write_text('{"base": "../../etc"}')
    refused(CliRunner().invoke(main, ["plot", str(out), "--force"]), "pass the scenario folders themselves")


def test_replay_reproduces_and_names_what_changed_in_the_model(copy):
    r = invoke("replay", copy)
    assert r.exit_code == 0 and r.output.startswith("reproduced: 200 worlds of 'no_inchon', seed 11")
    meta = json.loads((copy / "manifest.json").read_text())
    meta["seed"], meta["numpy"] = 12, "0.0.1"
    (copy / "manifest.json").write_text(json.dumps(meta))
    r = CliRunner().invoke(main, ["replay", str(copy)])
    assert r.exit_code == 1 and r.output.startswith("NOT reproduced: the files are intact")
    assert "numpy 0.0.1 -> " in r.output and "outcomes.csv" in r.output


def test_replay_says_when_nothing_recorded_changed(copy):
    """Issue 9: an edited manifest made replay blame a model change although nothing had changed."""
    meta = json.loads((copy / "manifest.json").read_text())
    meta["seed"] = 12
    (copy / "manifest.json").write_text(json.dumps(meta))
    r = CliRunner().invoke(main, ["replay", str(copy)])
    assert r.exit_code == 1 and "all as recorded" in r.output and "may have been edited" in r.output


def test_replay_refuses_a_folder_without_a_manifest(tmp_path):
    refused(CliRunner().invoke(main, ["replay", str(tmp_path)]), "manifest.json")


@pytest.mark.parametrize(
    "tamper",
    ["edit a cell", "delete the table and front", "another scenario's table", "edit the manifest's table hash"],
)
def test_replay_hashes_every_file_and_names_each_mismatch(copy, tmp_path, tamper, request):
    """Issue 9: replay said "reproduced" after the table was edited, deleted or swapped: it never hashed the files."""
    table = copy / "outcomes.csv"
    if tamper == "edit a cell":
        table.write_text(table.read_text().replace("True", "False", 1))
        expected = ["outcomes.csv differs"]
    elif tamper == "delete the table and front":
        table.unlink()
        (copy / "front.npy").unlink()
        expected = ["outcomes.csv is missing", "front.npy is missing"]
    elif tamper == "another scenario's table":
        other = tmp_path / "other"
        assert invoke("run", "baseline", "--runs", "200", "--seed", "11", "--out", other).exit_code == 0
        shutil.copy(other / "outcomes.csv", table)
        expected = ["outcomes.csv differs"]
    else:
        meta = json.loads((copy / "manifest.json").read_text())
        meta["outcomes_sha256"] = "0" * 64
        (copy / "manifest.json").write_text(json.dumps(meta))
        expected = ["outcomes.csv differs"]
    request.getfixturevalue("no_simulation")  # nothing is re-run from a folder that changed
    r = CliRunner().invoke(main, ["replay", str(copy)])
    assert r.exit_code == 1 and r.output.startswith("NOT intact"), r.output
    assert "Traceback" not in r.output and "not re-run" in r.output
    for text in expected:
        assert text in r.output


def test_parquet_table_matches_the_csv(tmp_path):
    pytest.importorskip("pyarrow")
    from sim.output.runs import load_run

    assert (
        invoke("run", "baseline", "--runs", "200", "--table", "parquet", "--plot", "--out", tmp_path / "p").exit_code
        == 0
    )
    assert invoke("run", "baseline", "--runs", "200", "--out", tmp_path / "c").exit_code == 0
    assert (tmp_path / "p" / "outcomes.parquet").exists() and not (tmp_path / "p" / "outcomes.csv").exists()
    p, c = load_run(tmp_path / "p"), load_run(tmp_path / "c")
    for k in c.columns:
        assert list(p.columns[k]) == pytest.approx(list(c.columns[k]), rel=1e-5, abs=1e-3), k
    assert invoke("replay", tmp_path / "p").exit_code == 0


def test_manifest_records_provenance_and_every_file_hash(tmp_path):
    out = tmp_path / "m"
    assert invoke("run", "china_refuses_12_oct", "--runs", "50", "--out", out).exit_code == 0
    meta = json.loads((out / "manifest.json").read_text())
    for key in (
        "scenario",
        "scenario_hash",
        "scenario_resolved",
        "seed",
        "runs",
        "package_version",
        "git_commit",
        "python",
        "numpy",
        "mesa",
        "wall_seconds",
        "command",
        "created_utc",
        "outcomes_sha256",
        "files",
    ):
        assert key in meta, key
    assert meta["scenario_resolved"]["interventions"][0]["force"]["point"] == "mao_12oct"
    assert meta["outcomes_sha256"] == results.file_sha256(out / "outcomes.csv")
    assert meta["files"] == {name: results.file_sha256(out / name) for name in DATA_FILES - {"manifest.json"}}


# ------------------------------------------------------------------ malformed folders: exit 2, never a traceback
def _set_manifest(folder: Path, change) -> None:
    meta = json.loads((folder / "manifest.json").read_text())
    meta = change(meta)
    (folder / "manifest.json").write_text(json.dumps(meta))


MANIFESTS = {
    "runs: -5": lambda m: {**m, "runs": -5},
    "runs: 1e12": lambda m: {**m, "runs": 1e12},
    "runs: 10**12": lambda m: {**m, "runs": 10**12},
    "a list instead of a mapping": lambda m: [m],
    "missing keys": lambda m: {k: v for k, v in m.items() if k not in ("seed", "scenario_resolved")},
    "a file outside the folder": lambda m: {**m, "files": {**m["files"], "../../etc/passwd": "0" * 64}},
    "a scenario that no longer validates": lambda m: {
        **m,
        "scenario_resolved": {**m["scenario_resolved"], "interventions": [{"force": {"point": "nowhere"}}]},
    },
}


@pytest.mark.parametrize("case_", sorted(MANIFESTS))
def test_replay_and_plot_refuse_a_malformed_manifest(copy, case_, no_simulation):
    """Issue 9: `runs: -5`, `runs: 1e12`, a list: IndexError/AttributeError tracebacks or an unbounded re-run."""
    _set_manifest(copy, MANIFESTS[case_])
    for command in ("replay", "plot"):
        r = CliRunner().invoke(main, [command, str(copy)])
        if command == "plot" and case_ == "a scenario that no longer validates":
            assert r.exit_code == 0  # plot needs only the data
            continue
        refused(r, str(copy))
    assert not (copy / "figures").exists() or case_ == "a scenario that no longer validates"


def test_replay_and_plot_refuse_a_manifest_that_is_not_json(copy, no_simulation):
    (copy / "manifest.json").write_text("{not json")
    for command in ("replay", "plot"):
        refused(CliRunner().invoke(main, [command, str(copy)]), "manifest.json", "cannot be read")


DAMAGE = {
    "an empty table": ("outcomes.csv", lambda p: p.write_text("")),
    "a header-only table": ("outcomes.csv", lambda p: p.write_text(p.read_text().splitlines()[0] + "\n")),
    "a misshapen front.npy": ("front.npy", lambda p: np.save(p, np.zeros((3, 2, 1), np.float32))),
    "front.npy holding objects": ("front.npy", lambda p: np.save(p, np.array([{"a": 1}]), allow_pickle=True)),
}


@pytest.mark.parametrize("case_", sorted(DAMAGE))
def test_replay_and_plot_refuse_damaged_data(copy, case_, no_simulation):
    """Issue 9: an empty or header-only table or a misshapen front.npy gave tracebacks or figures of 0 worlds."""
    name, damage = DAMAGE[case_]
    damage(copy / name)
    refused(CliRunner().invoke(main, ["replay", str(copy)]), name, "not re-run")
    refused(CliRunner().invoke(main, ["plot", str(copy)]), "not a complete results folder", "Nothing was drawn")
    assert not (copy / "figures").exists()


def test_plot_does_not_replace_figures_without_force_and_never_leaves_a_partial_one(copy, monkeypatch):
    """Issue 9: `plot` replaced figures/ without --force, and an error mid-way left a partial figures/."""
    assert invoke("plot", copy).exit_code == 0
    before = {p.name: p.read_bytes() for p in (copy / "figures").iterdir()}
    refused(CliRunner().invoke(main, ["plot", str(copy), "--format", "svg"]), "exists already", "--force")
    assert {p.name: p.read_bytes() for p in (copy / "figures").iterdir()} == before

    from sim.output.figures import files

    real, calls = files.save, []

    def fail_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(files, "save", fail_on_third)
    with pytest.raises(RuntimeError):
        invoke("plot", copy, "--format", "svg", "--force")
    assert {p.name: p.read_bytes() for p in (copy / "figures").iterdir()} == before  # the old one, whole
    assert sorted(p.name for p in copy.iterdir()) == sorted(DATA_FILES | {"figures"})  # no partial left
    monkeypatch.setattr(files, "save", real)
    assert invoke("plot", copy, "--format", "svg", "--force").exit_code == 0
    assert {p.suffix for p in (copy / "figures").iterdir()} == {".svg", ".json"}


# ------------------------------------------------------------------ --force and destinations
def test_force_never_replaces_the_current_folder_its_parents_or_home(tmp_path, monkeypatch, no_simulation):
    """Issue 9: `whatif run baseline --out . --force` deleted every file in the current folder."""
    home = tmp_path / "home"
    work = home / "work"
    work.mkdir(parents=True)
    (work / "thesis.tex").write_text("years of work")
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    for out in (".", "..", str(work), str(home), "/", "sub/.."):
        refused(CliRunner().invoke(main, ["run", "baseline", "--runs", "10", "--out", out, "--force"]), "refusing")
    assert (work / "thesis.tex").read_text() == "years of work"
    assert sorted(p.name for p in work.iterdir()) == ["thesis.tex"]


def test_force_refuses_a_results_folder_holding_other_files(saved, tmp_path, no_simulation):
    out = tmp_path / "r"
    shutil.copytree(saved, out)
    (out / "notes.txt").write_text("mine")
    refused(CliRunner().invoke(main, ["run", "baseline", "--out", str(out), "--force"]), "notes.txt")
    assert (out / "notes.txt").read_text() == "mine" and (out / "manifest.json").exists()
    # a comparison folder is not replaced by a run, nor a run by a figures folder
    refused(CliRunner().invoke(main, ["plot", str(saved), "--out", str(out), "--force"]), "not a figures folder")


def test_force_never_replaces_a_folder_of_the_users_figures(saved, tmp_path, no_simulation):
    """`plot RUN --out photos --force` deleted a folder of the user's pictures: any folder holding only
    .png/.svg/.pdf files passed for a figures folder of this tool."""
    photos, figs = tmp_path / "photos", tmp_path / "figs"
    photos.mkdir()
    (photos / "vacation.png").write_bytes(b"\x89PNG\r\n\x1a\nmine")
    (photos / "holiday.pdf").write_bytes(b"%PDF-1.4 mine")
    r = CliRunner().invoke(main, ["plot", str(saved), "--out", str(photos), "--force"])
    refused(r, "not a figures folder", "(no figures.json of this tool)", "vacation.png", "holiday.pdf")
    assert {p.name: p.read_bytes() for p in photos.iterdir()} == {
        "vacation.png": b"\x89PNG\r\n\x1a\nmine",
        "holiday.pdf": b"%PDF-1.4 mine",
    }
    assert invoke("plot", saved, "--out", figs).exit_code == 0  # the tool's own figures, and one of the user's
    shutil.copy(photos / "vacation.png", figs)
    refused(CliRunner().invoke(main, ["plot", str(saved), "--out", str(figs), "--force"]), "(it holds vacation.png)")
    assert (figs / "vacation.png").read_bytes() == b"\x89PNG\r\n\x1a\nmine"


def test_force_never_replaces_a_users_file_among_a_runs_figures(copy, tmp_path, no_simulation):
    """`run --out rf --force` deleted a file the user had put in rf/figures/ (or a figure they had changed)."""
    assert invoke("plot", copy).exit_code == 0
    figs = copy / "figures"
    force = ["run", "baseline", "--runs", "50", "--out", str(copy), "--force"]
    (figs / "my_annotated_chart.png").write_text("my notes")
    refused(CliRunner().invoke(main, force), "not a run's results folder", "figures/my_annotated_chart.png")
    assert (figs / "my_annotated_chart.png").read_text() == "my notes"
    (figs / "my_annotated_chart.png").unlink()
    with open(figs / "timing.png", "ab") as f:
        f.write(b"annotated")
    refused(CliRunner().invoke(main, force), "figures/timing.png (changed since this tool wrote it)")
    assert (figs / "timing.png").read_bytes().endswith(b"annotated")
    (figs / "figures.json").write_text('{"written_by": "korea-whatif", "files": {"timing.png": "00"}}')
    refused(CliRunner().invoke(main, force), "no figures/figures.json of this tool")
    cmp = tmp_path / "cmp"
    (cmp / "figures").mkdir(parents=True)
    (cmp / "comparison.json").write_text("{}")
    (cmp / "figures" / "chart.svg").write_text("<svg/>")
    assert kinds.strays(cmp, "compare") == ["(no figures/figures.json of this tool)", "figures/chart.svg"]


def test_force_replaces_the_tools_own_figures_however_drawn(tmp_path):
    """`--force` still replaces a run folder whose figures `run --plot` or `plot` drew, and a figures folder."""
    out, figs = tmp_path / "run", tmp_path / "figs"
    assert invoke("run", "baseline", "--runs", "50", "--plot", "--out", out).exit_code == 0
    assert invoke("plot", out, "--force", "--format", "svg").exit_code == 0
    assert invoke("plot", out, "--out", figs, "--format", "pdf").exit_code == 0
    assert invoke("plot", out, "--out", figs, "--force").exit_code == 0
    assert {p.name for p in figs.iterdir()} == FIGURES | {RECORD}
    assert invoke("run", "baseline", "--runs", "60", "--plot", "--out", out, "--force").exit_code == 0
    assert json.loads((out / "manifest.json").read_text())["runs"] == 60
    assert {p.name for p in (out / "figures").iterdir()} == FIGURES | {RECORD}


def test_a_figures_folder_is_ours_only_as_its_record_says(tmp_path):
    figs = tmp_path / "figs"
    figs.mkdir()
    for name in ("a.png", "b.svg", "c.pdf"):
        (figs / name).write_text(name)
    manifest.record_figures(figs, [figs / "a.png", figs / "b.svg", figs / "c.pdf"])
    record = json.loads((figs / "figures.json").read_text())
    assert record["written_by"] == "korea-whatif" and set(record["files"]) == {"a.png", "b.svg", "c.pdf"}
    assert kinds.stray_figures(figs) == []
    (figs / "b.svg").unlink()
    (figs / "b.svg").symlink_to(figs / "a.png")  # listed, but a link now: not what was written
    (figs / "c.pdf").unlink()  # listed and gone: nothing of the user's
    (figs / "old").mkdir()  # not listed
    assert sorted(kinds.stray_figures(figs, "figures/")) == [
        "figures/b.svg (changed since this tool wrote it)",
        "figures/old",
    ]


def test_the_destination_is_checked_before_simulating(tmp_path, monkeypatch, no_simulation):
    """Issue 9: --out under a regular file, through a symlink, or too long: a traceback after the whole run."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("x")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    cases = {
        "file/out": "regular file",
        "file/deeper/out": "regular file",
        "link": "symbolic link",
        "dangling": "symbolic link",
        "missing/out": "does not exist",
        "x" * 300: "too long",
    }
    for out, words in cases.items():
        r = CliRunner().invoke(main, ["run", "baseline", "--runs", "10", "--out", out])
        refused(r, words)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "file", "link", "real"]
    assert not list((tmp_path / "real").iterdir())


def test_an_unwritable_destination_is_found_before_simulating(tmp_path, monkeypatch, no_simulation):
    """Issue 9: --out on a read-only folder: traceback after the whole simulation."""
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        if os.access(ro, os.W_OK):  # root writes anywhere: make mkdir fail as a read-only filesystem would
            real = Path.mkdir

            def read_only(self, *args, **kwargs):
                if self.parent == ro:
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self, *args, **kwargs)

            monkeypatch.setattr(Path, "mkdir", read_only)
        refused(
            CliRunner().invoke(main, ["run", "baseline", "--runs", "10", "--out", str(ro / "out")]),
            str(ro / "out"),
            "you may not write there",
        )
    finally:
        ro.chmod(0o755)
    assert not list(ro.iterdir())


def test_a_scenario_name_too_long_for_a_folder_is_refused_before_simulating(tmp_path, monkeypatch, no_simulation):
    """Issue 9: a 300-character `name` simulated, then failed with OSError: File name too long."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.yaml").write_text(f"name: {'n' * 300}\ntitle: Long\n")
    r = CliRunner().invoke(main, ["run", "long.yaml", "--runs", "10"])
    refused(r)
    assert not (tmp_path / "results").exists()


def test_default_names_are_unique_within_one_second(tmp_path, monkeypatch):
    """Issue 9: two default-output runs started in the same second replaced each other."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(folders, "default_dir", lambda name, root=Path("results"): root / name / "20250101T000000Z")
    monkeypatch.setattr("sim.api.simulating.default_dir", folders.default_dir)
    slots = [folders.Slot(None, default=folders.default_dir("baseline")) for _ in range(3)]
    opened = [s.open() for s in slots]
    staged = [cm.__enter__() for cm in opened]  # three runs writing at once
    for i, tmp in enumerate(staged):
        (tmp / "manifest.json").write_text(str(i))
    for cm in opened:
        cm.__exit__(None, None, None)
    names = sorted(s.final.name for s in slots)
    assert names == ["20250101T000000Z", "20250101T000000Z-2", "20250101T000000Z-3"]
    assert sorted((tmp_path / "results" / "baseline" / n / "manifest.json").read_text() for n in names) == [
        "0",
        "1",
        "2",
    ]
    r = invoke("run", "baseline", "--runs", "10")
    assert r.exit_code == 0 and "20250101T000000Z-4" in r.output


def test_a_destination_taken_meanwhile_is_not_replaced(tmp_path):
    """Issue 9: two runs into one --out both exited 0; one silently replaced the other."""
    out = tmp_path / "o"
    first, second = folders.Slot(out), folders.Slot(out)
    with first.open() as tmp:
        (tmp / "manifest.json").write_text("first")
    with pytest.raises(results.ResultsError, match="created by another run"), second.open() as tmp:
        (tmp / "manifest.json").write_text("second")
    assert (out / "manifest.json").read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]  # no partial left


def test_a_forced_replacement_taken_meanwhile_is_not_replaced(saved, tmp_path):
    out = tmp_path / "o"
    shutil.copytree(saved, out)
    first, second = folders.Slot(out, force=True), folders.Slot(out, force=True)
    with first.open() as tmp:
        shutil.copytree(saved, tmp, dirs_exist_ok=True)
        (tmp / "summary.json").write_text("{}")
    with pytest.raises(results.ResultsError, match="created by another run"), second.open() as tmp:
        shutil.copytree(saved, tmp, dirs_exist_ok=True)
    assert (out / "summary.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]


def test_a_file_put_in_place_while_drawing_is_not_replaced_by_force(tmp_path):
    """A single figure replaces an existing file only if this tool wrote it, checked again at the end."""
    out = tmp_path / "g.png"
    with pytest.raises(results.ResultsError, match="did not write it"), folders.atomic_file(out, force=True) as tmp:
        tmp.write_bytes(b"the new figure")
        out.write_text("the user's, written meanwhile")
    assert out.read_text() == "the user's, written meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.png"]  # no partial left


# ------------------------------------------------------------------ stale partials
def test_stale_partials_are_cleared_only_if_ours_and_their_process_is_gone(tmp_path):
    dead = 2**22 + 12345  # above the default pid_max: no such process
    ours = tmp_path / f"{folders.PARTIAL}{dead}-abcd"
    ours.mkdir()
    (ours / "outcomes.csv").write_text("x")
    foreign = tmp_path / f"{folders.PARTIAL}{dead}-ef01"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("not ours")
    live = tmp_path / f"{folders.PARTIAL}{os.getpid()}-0000"
    live.mkdir()
    folders.clear_stale_partials(tmp_path)
    assert not ours.exists() and foreign.exists() and live.exists()


@settings(max_examples=50, deadline=None)
@given(
    floats=st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), min_size=1, max_size=30),
    days=st.lists(st.integers(-1, 3000), min_size=1, max_size=30),
)
def test_table_cells_are_each_value_formatted_on_its_own(floats, days):
    """The table formats each distinct value once; the cells must be what formatting every value gives
    (-0.0 beside 0.0, nan, inf, repeated dates)."""
    from sim.case import outcomes
    from sim.engine import dates
    from sim.output.tables import _cell

    f = np.array(floats)
    assert list(_cell("deaths_us", f)) == [f"{v:.6g}" for v in f]
    d = np.array(days, dtype=np.int32)
    assert list(_cell(outcomes.DATES[0], d)) == [dates.iso(int(v)) or "" for v in d]
    assert list(_cell("war", d > 100)) == [str(bool(v)) for v in d > 100]


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(0, 40), block=st.integers(1, 17), seed=st.integers(0, 2**32 - 1))
def test_table_bytes_are_the_cells_joined_row_by_row_in_any_blocking(rows, block, seed):
    """The compiled row assembly writes what joining each row's cells with commas gives, whatever the block size."""
    from sim.case import outcomes
    from sim.output.tables import _blocks, _cell

    r = np.random.default_rng(seed)
    columns = {}
    for name in outcomes.COLUMNS:
        if name in outcomes.DATES:
            columns[name] = r.integers(-1, 2900, rows).astype(np.int32)
        elif name == "final_outcome":
            columns[name] = r.integers(0, len(outcomes.FINAL), rows).astype(np.int8)
        elif name == "world":
            columns[name] = np.arange(rows, dtype=np.int64) * 7919
        else:
            columns[name] = r.choice([0.0, -0.0, 1.5, np.nan, np.inf, 1e-7, 123456789.0], rows) * r.random(rows)
    columns["war_started"] = r.random(rows) < 0.5
    cells = [_cell(name, columns[name]) for name in outcomes.COLUMNS]
    expected = ",".join(outcomes.COLUMNS) + "\n" + "".join(",".join(row) + "\n" for row in zip(*cells, strict=True))
    assert b"".join(b for _, b in _blocks(columns, block)).decode() == expected


def test_the_version_says_when_a_checkout_has_moved_on_since_it_was_installed(monkeypatch):
    from sim.output import manifest

    monkeypatch.setattr(manifest.metadata, "version", lambda name: "0.2.dev3+gabc1234")
    assert manifest.package_version("abc1234" + "0" * 33) == "0.2.dev3+gabc1234"
    assert manifest.package_version("abc1234" + "0" * 33 + "-dirty") == "0.2.dev3+gabc1234"
    moved = manifest.package_version("def5678" + "0" * 33)
    assert moved.startswith("0.2.dev3+gabc1234 (as installed;") and "git_commit" in moved
    assert manifest.package_version("built from gabc1234") == "0.2.dev3+gabc1234"
    assert manifest.package_version(None) == "0.2.dev3+gabc1234"


@pytest.mark.parametrize(
    "kw",
    [{"runs": 0}, {"runs": -5}, {"runs": 2.5}, {"runs": True}, {"seed": -1}, {"seed": 1.5}, {"seed": 2**70}],
)
def test_the_api_refuses_runs_and_seeds_out_of_range_before_anything_runs(kw, tmp_path):
    """``runs=0`` is not "the scenario's number", and a negative or fractional number is no number of worlds: the
    API says so before simulating, as the command line's ranges do, and writes nothing."""
    from sim import api

    with pytest.raises(api.UsageError, match=r"runs must be|seed must be"):
        api.prepare_run("baseline", out=tmp_path / "r", **kw)
    with pytest.raises(api.UsageError, match=r"runs must be|seed must be"):
        api.prepare_comparison("baseline", "no_inchon", **kw)
    assert not (tmp_path / "r").exists()


def test_the_api_refuses_what_it_would_ignore_and_a_second_call():
    """A destination or figure format without saving, a comparison of nothing, a prepared run called twice."""
    from sim import api

    for kw in ({"out": "/tmp/nowhere", "save": False}, {"fmt": "png", "save": False}):
        with pytest.raises(api.UsageError, match="give save=True"):
            api.prepare_run("baseline", runs=10, **kw)
    with pytest.raises(api.UsageError, match="at least one scenario"):
        api.prepare_comparison("baseline", runs=10)
    prepared = api.prepare_run("baseline", runs=10, save=False)
    assert prepared().summary["runs"] == 10
    with pytest.raises(api.UsageError, match="runs once"):
        prepared()
