"""``whatif serve``: the classroom page on localhost (needs the web extra: ``pip install ".[web]"``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import click

from sim.cli.options import BadInput, Interrupted, api

INSTALL = 'the classroom page needs the web extra (Solara): pip install ".[web]"'
ROOT = Path(__file__).resolve().parents[2]  # the folder holding the sim package
ASSETS = Path("share", "solara", "cdn")  # Solara's offline assets, under the prefix solara-assets was installed in


def _check_web_extra() -> None:
    try:
        import solara  # noqa: F401
    except ImportError:
        raise BadInput(INSTALL) from None


def server_env() -> dict[str, str]:
    """The Solara server's environment: this package importable, and Solara's data from the base of a virtual
    environment made with ``--system-site-packages``.

    Solara serves its JavaScript and CSS (the solara-assets package, so the
    page works offline) from ``share/solara/cdn`` under the prefix it was
    installed in, and reads which widget extensions to load from Jupyter's
    config there. Such a virtual environment uses the base's packages but
    looks for their data under its own prefix: a blank page, or an error on
    every page (KeyError 'load_extensions'). Settings the user made win.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = _joined(str(ROOT), env.get("PYTHONPATH"))
    own, base = Path(sys.prefix), Path(sys.base_prefix)
    if not _assets_in(own) and _assets_in(base):
        env.setdefault("SOLARA_ASSETS_PROXY_CACHE_DIR", str(base / ASSETS))
        env["JUPYTER_CONFIG_PATH"] = _joined(env.get("JUPYTER_CONFIG_PATH"), str(base / "etc" / "jupyter"))
        env["JUPYTER_PATH"] = _joined(env.get("JUPYTER_PATH"), str(base / "share" / "jupyter"))
    return env


def _assets_in(prefix: Path) -> bool:
    """Whether Solara's assets are installed under ``prefix`` (Solara itself may leave the folder empty)."""
    folder = prefix / ASSETS
    return folder.is_dir() and any(folder.iterdir())


def _joined(*paths: str | None) -> str:
    return os.pathsep.join(p for p in paths if p)


def check_address(host: str, port: int) -> None:
    """BadInput (exit 2) unless the page can listen on ``host``:``port`` (checked before the server starts)."""
    try:
        socket.getaddrinfo(host, port)
    except OSError:
        raise BadInput(f"--host {host!r} is not an address of this machine; try localhost.") from None
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        reason = os.strerror(e.errno) if e.errno else "refused"
        raise BadInput(
            f"cannot listen on {host}:{port} ({reason}): another program, or another classroom page, may be "
            f"using the port; choose another with --port (e.g. --port {port % 65535 + 1})."
        ) from None


def command(port: int, host: str) -> list[str]:
    """The Solara server command that serves ``sim.web.app``."""
    return [sys.executable, "-m", "solara", "run", "sim.web.app", "--port", str(port), "--host", host]


def your_scenarios() -> tuple[dict[str, str], list[str]]:
    """The page's server environment's additions (the ``--scenario-path`` folders) and the start-up lines saying
    where the page finds the user's own scenarios and how many it found (``sim.api.catalogue``, as ``whatif
    list``); a file's problem is said, never fatal: the page lists each with its problem. A folder named but
    missing, or a file named ``baseline`` (the page's first base), is refused: no scenario, or not the page's
    first, would load."""
    front_door = api()
    from sim.api import classroom

    ctx = click.get_current_context(silent=True)
    given = ctx.find_root().params.get("scenario_path") if ctx is not None else None
    env = {classroom.FOLDERS: os.pathsep.join(str(Path(f).resolve()) for f in given)} if given else {}
    try:
        folders, (rows, conflicts) = classroom.scenario_folders(), front_door.catalogue()
    except front_door.USER_ERRORS as exc:  # a scenario folder named but missing: no name would load, as in `run`
        raise BadInput(f"the page cannot find scenarios by name: {exc}") from None
    if any(c.startswith("baseline: ") for c in conflicts):  # the page's first base would not load
        raise BadInput(next(c for c in conflicts if c.startswith("baseline: ")))
    if not folders:
        return env, [
            "Your own scenarios: none; put .yaml scenario files in ./scenarios/ here, or start the page with "
            "whatif --scenario-path DIR serve, or set WHATIF_SCENARIO_PATH (see whatif serve --help)."
        ]
    mine = [r for r in rows if r["origin"] != "library"]
    bad = sum(1 for r in mine if r["problem"]) + len(conflicts)
    head = "Your own scenarios (the page's base picker and lesson files use them by name): the .yaml files in"
    lines = [f"{head}:", *(f"  {f}" for f in folders)] if len(folders) > 1 else [f"{head} {folders[0]}"]
    found = f"{len(mine)} found" + (f", {bad} with a problem the page shows (whatif list names them)" if bad else "")
    return env, [*lines, f"  {found}."]


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option(
    "--host", default="localhost", show_default=True, help="Address to listen on (localhost: this machine only)."
)
def serve(port: int, host: str) -> None:
    """Start the classroom page: change history, predict then run, the story of a world, play a leader,
    and a teacher's lessons. Prints the address; Ctrl-C stops it.

    The page's base scenarios are the library's and your own, as `whatif list`
    shows them: the .yaml files in the folders given with `whatif
    --scenario-path DIR serve`, in the folders of WHATIF_SCENARIO_PATH and in
    ./scenarios/ of the folder you start it in. A lesson step names one by
    name. A file with an error is listed on the page with its problem.
    """
    _check_web_extra()
    check_address(host, port)
    extra, lines = your_scenarios()
    env = {**server_env(), **extra}
    click.echo(f"The classroom page: http://{host}:{port}/ (Ctrl-C stops it)")
    for line in lines:
        click.echo(line)
    proc = subprocess.Popen([*command(port, host), "--no-open", "--production"], env=env)
    try:
        code = proc.wait()
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the way to stop the page (exit 130, as any interruption)
        raise Interrupted("the classroom page is stopped.") from None
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
    if code:
        raise click.ClickException(f"the Solara server stopped with exit code {code}.")
