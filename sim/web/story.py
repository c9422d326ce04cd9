"""The story: one world's dated narrative in plain words, its sources linked to the bibliography, other worlds,
why a world differed under the change and which choices made China's entry (``cards``).

The narrative is ``whatif explain``'s, step by step (``sim.output.narrative.told``), with names, titles and labels
in the sentences; each step's code names (the point, its options, the weights that drove it) are small print under
it, as on the other tabs, so a teacher can match them with the command line and a scenario file.
"""

from __future__ import annotations

import html

import solara
import yaml

from sim.api import classroom
from sim.output.narrative import HOW_TO_READ, ending_lines, told
from sim.output.words import plural
from sim.web import cards, state, style, words


def _text(text: str) -> str:
    """Text for HTML (an apostrophe stays one: "Mao's", read as written)."""
    return html.escape(text, quote=False)


def _cite(evidence: str, source: str) -> str:
    """A source in words, its name linked to its entry in the bibliography below the story."""
    refs, keys = classroom.bibliography()
    name, _, says = source.partition(" - ")
    key = keys.get(evidence)
    if key is None:
        return _text(source)
    link = f'<a href="#bib-{key}" title="{html.escape(refs[key])}">{_text(name)}</a>'
    return link + (f": {_text(says)}" if says else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    return _capital(text) + ("" if text.endswith(".") else ".")


def code(step: dict) -> str:
    """A step's code names, as a scenario file writes them: "in a scenario file: mao_12oct, options enter / stop;
    weights mao.border_security, ..."."""
    c = step["code"]
    text = f"in a scenario file: {c['point']}"
    if c["options"]:
        text += f", options {' / '.join(c['options'])}"
    if c["weights"]:
        text += f"; weights {', '.join(c['weights'])}"
    return text


def step_html(step: dict) -> str:
    """One step of the story: its date and title, what happened, who chose what and why, its sources, and its code
    names as small print."""
    e = _text
    out = [f"<h4>{e(step['date'])}: {e(step['title'])}</h4>"]
    said = [_sentence(step["when"]) if step["when"] else "", step["what"], f"The front is at {step['front']:.1f} N."]
    out.append(f"<p>{e(' '.join(s for s in said if s))}</p>")
    if not step["who"]:
        out.append("<p>It happens.</p>")
    else:
        who = "Chance" if step["who"] == "chance" else step["who"]
        out.append(
            f"<p>{e(who)} decides: {e(step['odds'])}.<br>Chosen: <strong>{e(step['chosen'])}</strong> "
            f"({e(step['how'])}).</p>"
        )
    if step["drove"]:
        items = "".join(
            f"<li>{e(_capital(d['measures']))}: {e(d['pulls'])}. Source: {_cite(d['evidence'], d['source'])}</li>"
            for d in step["drove"]
        )
        out.append(f"<p>What weighed most (how much each consideration pulled toward each option):</p><ul>{items}</ul>")
    if step["sources"]:
        out.append("<p>Sources: " + "; ".join(_cite(s["evidence"], s["source"]) for s in step["sources"]) + "</p>")
    out.append(f'<p class="{style.SMALL}">{e(code(step))}</p>')
    return f"<section>{''.join(out)}</section>"


def story_html(doc: dict, title: str) -> str:
    """One world's story (a dict from ``api.explanation``) as HTML: a head, how to read it, every step, the ending."""
    trace = doc["trace"]
    count = {kind: sum(t["kind"] == kind for t in trace) for kind in ("decision", "chance", "event")}
    head = (
        f'World {doc["world"]} of "{title}": {plural(count["decision"], "decision")}, '
        f"{plural(count['chance'], 'chance outcome')} and {plural(count['event'], 'event')}."
    )
    parts = [f"<p><strong>{_text(head)}</strong></p>", f"<p>{_text(HOW_TO_READ)}</p>"]
    parts += [step_html(told(t)) for t in trace]
    parts += [f"<p><strong>{_text(line)}</strong></p>" for line in ending_lines(doc["outcome"], ids=False)]
    return f'<div class="{style.STORY}">{"".join(parts)}</div>'


def cited(doc: dict) -> dict[str, list[str]]:
    """The bibliography entries the story cites: bibliography key -> the evidence ids citing it."""
    _, keys = classroom.bibliography()
    out: dict[str, list[str]] = {}
    for step in (told(t) for t in doc["trace"]):
        for ev in [d["evidence"] for d in step["drove"]] + [s["evidence"] for s in step["sources"]]:
            if ev in keys and ev not in out.setdefault(keys[ev], []):
                out[keys[ev]].append(ev)
    return out


def bibliography_html(doc: dict) -> str:
    """The bibliography entries cited in the story, each with an anchor the story links to; the evidence ids that
    cite it (as ``whatif explain`` prints them) as small print."""
    refs, _ = classroom.bibliography()
    items = "".join(
        f'<li id="bib-{k}"><b>{k}</b>: {_text(refs[k])} '
        f'<span class="{style.SMALL}">(evidence {", ".join(ids)})</span></li>'
        for k, ids in sorted(cited(doc).items())
    )
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
        w, why = state.why.value
        with solara.Card(f"Why did world {w} differ? The base against your change"):
            solara.HTML(tag="div", unsafe_innerHTML=cards.difference_html(why))
    if state.attribution.value:
        w, made = state.attribution.value
        with solara.Card(f"World {w}: which choices made China's entry (attribution)"):
            solara.HTML(tag="div", unsafe_innerHTML=cards.attribution_html(made))
    doc = state.story.value
    if doc is None:
        solara.Info("Press 'Show this world' to read a world's dated story with its sources.")
        return
    title = yaml.safe_load(state.ran.value[1])["title"]
    with solara.Card(f"World {doc['world']}: its story, decision by decision"):
        solara.HTML(tag="div", unsafe_innerHTML=story_html(doc, title))
        solara.HTML(tag="div", unsafe_innerHTML=bibliography_html(doc))
