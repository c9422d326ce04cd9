"""The story: one world's dated narrative with its sources linked to the bibliography, other worlds,
and why a world differed under the change."""

from __future__ import annotations

import html
import re

import solara

from sim.api import classroom
from sim.web import state, words

EVIDENCE = re.compile(r"evidence ([A-Za-z0-9_.\-]+):")
PRE = "white-space: pre-wrap; font-family: monospace; font-size: 0.85em; line-height: 1.35"


def linked(text: str) -> str:
    """The narrative as HTML: each evidence id links to its source in the bibliography below it."""
    refs, sources = classroom.bibliography()

    def link(m: re.Match) -> str:
        key = sources.get(m.group(1))
        if key is None:
            return m.group(0)
        return f'evidence <a href="#bib-{key}" title="{html.escape(refs[key])}">{m.group(1)}</a>:'

    return EVIDENCE.sub(link, html.escape(text, quote=False))


def bibliography_html(text: str) -> str:
    """The bibliography entries cited in ``text``, each with an anchor the narrative links to."""
    refs, sources = classroom.bibliography()
    cited = {sources[e] for e in EVIDENCE.findall(text) if e in sources}
    items = "".join(f'<li id="bib-{k}"><b>{k}</b>: {html.escape(refs[k])}</li>' for k in sorted(cited))
    return f"<h4>Sources cited in this world</h4><ul>{items}</ul>"


@solara.component
def WorldPicker():
    wanted = solara.use_reactive("china_entered=false")
    with solara.Row(style="align-items: center; flex-wrap: wrap"):
        solara.InputInt("World", value=state.world, style="max-width: 120px")
        solara.Button("Show this world", on_click=lambda: state.show_world(state.world.value), outlined=True)
        solara.Button("Next world", on_click=lambda: state.show_world(state.world.value + 1), outlined=True)
        solara.Select("A world where ...", values=words.outcome_picks(), value=wanted, style="min-width: 320px")
        solara.Button("Find one", on_click=lambda: state.find_world(wanted.value), outlined=True)
        solara.Button("Why did this world differ?", on_click=state.explain_difference, color="primary")
        solara.Button("Which choices made China's entry?", on_click=state.attribute_world, outlined=True)


@solara.component
def StoryTab():
    if state.ran.value is None:
        solara.Info("Run a scenario first (tab 1); its worlds are told here.")
        return
    WorldPicker()
    if state.story_error.value:
        solara.Error(state.story_error.value)
    if state.why.value:
        w, text = state.why.value
        with solara.Card(f"Why did world {w} differ? The base against your change"):
            solara.HTML(tag="div", unsafe_innerHTML=html.escape(text), style=PRE)
    if state.attribution.value:
        w, text = state.attribution.value
        with solara.Card(f"World {w}: which choices made China's entry (attribution)"):
            solara.HTML(tag="div", unsafe_innerHTML=html.escape(text), style=PRE)
    doc = state.story.value
    if doc is None:
        solara.Info("Press 'Show this world' to read a world's dated story with its sources.")
        return
    with solara.Card(f"World {doc['world']}: its story, decision by decision"):
        solara.HTML(tag="div", unsafe_innerHTML=linked(doc["text"]), style=PRE)
        solara.HTML(tag="div", unsafe_innerHTML=bibliography_html(doc["text"]))
