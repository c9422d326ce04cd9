"""The classroom page end to end: `whatif serve` on a free port, driven in headless Chromium.

Playwright for Python drives Debian's chromium (``/usr/bin/chromium``,
installed by ``.ci/run`` when missing; no browser is downloaded). One server
serves every test of this module. Screenshots go to ``$WHATIF_SCREENSHOTS``
(default: a temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytest.importorskip("solara", reason="the web extra is not installed (pip install '.[web]')")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"
)
SERVER_START = 90  # seconds; the first start compiles and imports a lot on a busy machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`whatif serve --port P` in its own process group; its address once it answers."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = f"import cli; cli.main(['serve', '--port', '{port}'])"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://localhost:{port}/"
    deadline = time.monotonic() + SERVER_START
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGTERM)
                pytest.fail(f"whatif serve did not answer at {url}: {proc.stdout.read()[-2000:]}")
            time.sleep(0.3)
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("WHATIF_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(server, browser):
    """A new browser session on the page (its own page state on the server)."""
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.set_default_timeout(60_000)
    pg.goto(server)
    pg.get_by_text("Change history").first.wait_for()
    yield pg
    pg.close()


def _china_share(page) -> float:
    cell = page.locator("tr", has_text="China entered").locator("td").nth(2)
    return float(re.sub(r"[^0-9.]", "", cell.inner_text())) / 100


def _run(page) -> None:
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("Outcomes: the base and your change").wait_for()
    page.locator(".v-card", has_text="Your change as a scenario file").wait_for()


def test_the_12_october_refusal_lowers_the_shown_china_entry_share(page, shots):
    page.get_by_role("button", name="500 worlds").click()
    _run(page)
    before = _china_share(page)
    page.get_by_role("button", name="force: stop the entry plan").click()
    page.get_by_role("button", name="unlikely").click()
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("your prediction held").wait_for()
    after = _china_share(page)
    assert after < before - 0.3, (before, after)
    charts = page.locator("figure img[alt][aria-describedby]")  # each chart has its text equivalent
    assert charts.count() == 3 and "China entered" in page.locator("figcaption p").first.text_content()
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "classroom-change-history.png"))
    page.get_by_role("tab", name="The story").click()
    page.get_by_role("button", name="Show this world").click()
    page.locator("a[href*='#bib-']").first.wait_for()
    page.get_by_role("button", name="Why did this world differ?").click()
    page.get_by_text("Why did world").wait_for()
    page.screenshot(path=str(shots / "classroom-story.png"))


def test_playing_mao_through_to_the_end(page, shots):
    page.get_by_role("tab", name="Play a leader").click()
    page.get_by_role("button", name="Take the seat").click()
    made = 0
    while True:
        options = page.locator(f".seat-step-{made} .seat-option")
        options.or_(page.get_by_text("The end of your war")).first.wait_for()
        if page.get_by_text("The end of your war").count():
            break
        if made == 1:
            page.set_viewport_size({"width": 1400, "height": 1300})
            page.screenshot(path=str(shots / "classroom-play-mao.png"))
        options.first.click()
        made += 1
        assert made < 30
    assert made >= 2
    assert page.get_by_text("chose as you did").count()
    page.screenshot(path=str(shots / "classroom-play-end.png"), full_page=True)


# a button's look (its colour, Vuetify's overlay, its outline); the WCAG contrast of an element's text on its own
# background (white where it has none)
LOOK = """e => { const s = getComputedStyle(e), b = getComputedStyle(e, '::before');
                return {background: s.backgroundColor, overlay: b.opacity, outline: s.outlineStyle,
                        width: parseFloat(s.outlineWidth)} }"""
CONTRAST = """e => { const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lin = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    const s = getComputedStyle(e), bg = rgb(s.backgroundColor);
    const back = bg.length > 3 && bg[3] === 0 ? [255, 255, 255] : bg.slice(0, 3);
    const [hi, lo] = [lum(rgb(s.color)), lum(back)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05) }"""


def _choose_base(page, name: str) -> None:
    page.locator(".v-select", has_text="Base scenario").click()
    page.get_by_role("option", name=name).click()


def test_keyboard_focus_is_a_ring_not_the_pressed_look_and_a_refusal_is_readable(page):
    """Focus and "pressed" were the same grey; the Mao switch read "the model decides" on a base that forces his
    stop; a refused Run's message was in the scenario language, red on pink at about 3.2:1."""
    page.get_by_role("button", name="unlikely").click()
    page.keyboard.press("Tab")  # to "no prediction", from the keyboard
    focused = page.evaluate(f"({LOOK})(document.activeElement)")
    pressed = page.get_by_role("button", name="unlikely").evaluate(LOOK)
    assert focused["outline"] != "none" and focused["width"] >= 2, focused
    assert (focused["background"], focused["overlay"]) != (pressed["background"], pressed["overlay"])
    _choose_base(page, "china_refuses_12_oct")
    page.get_by_text("Set by the scenario").wait_for()
    assert page.locator("[aria-pressed=true]", has_text="force: stop the entry plan").count() == 1
    page.get_by_role("button", name="force: go ahead with the entry").click()
    page.get_by_role("button", name="Run", exact=True).click()
    alert = page.locator(".v-alert", has_text="contradicts the base scenario")
    assert alert.evaluate(CONTRAST) >= 4.5 and "To run, set the switch back to" in alert.inner_text()


def test_a_lesson_file_is_opened_from_the_keyboard(page):
    """A lesson file could only be dropped on the page: a keyboard user could not open one."""
    page.on("filechooser", lambda _: None)  # intercept file dialogs from now on (turning it on at the press races)
    page.get_by_role("tab", name="Teacher").click()
    page.get_by_label("Open a lesson file").focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(ROOT / "sim" / "web" / "lessons" / "china_enters.yaml")
    page.get_by_text("Lesson: Why did China enter").first.wait_for()
