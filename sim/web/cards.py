"""The story tab's two cards in plain words: why a world differed under the change, and which choices made China's
entry.

The command line prints both as tables of code names (``whatif diff``: ``politburo_5oct -> hold back [forced]``;
``whatif attribute``: ``drive_to_yalu vs hold_at_neck``). Here the words come from ``sim.api.difference`` and
``sim.api.attribution`` (titles, names, options' labels), and each step's or choice's code names are small print
under it, as in the story, so a teacher can match them with the command line and a scenario file.
"""

from __future__ import annotations

import html

from sim.output.words import long_date
from sim.web import style


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _small(text: str) -> str:
    return f'<span class="{style.SMALL}">{_e(text)}</span>'


def _did(step: dict, bold: bool = False) -> str:
    """What happened at a step: "Mao Zedong: <b>stop the entry plan</b> (forced by the scenario)"."""
    chosen = f"<strong>{_e(step['chosen'])}</strong>" if bold else _e(step["chosen"])
    said = f"{_e(step['who'])}: {chosen}" if step["who"] else chosen
    return said + (f" ({_e(step['how'])})" if step["how"] else "")


def _cell(step: dict | None, bold: bool = False) -> str:
    if step is None:
        return f"<td>{_small('nothing on this date')}</td>"
    return f"<td>{_e(step['title'])}<br>{_did(step, bold)}<br>{_small('in a scenario file: ' + step['code'])}</td>"


def _row(base: dict | None, other: dict | None) -> str:
    """One date of the two histories: a step both take alike in one cell, else each history's own."""
    date = _e((base or other)["date"])
    if base is not None and other is not None and base["chosen"] == other["chosen"] and base["how"] == other["how"]:
        both = f"{_e(base['title'])}<br>{_did(base)}<br>{_small('in a scenario file: ' + base['code'])}"
        return f'<tr><th scope="row">{date}</th><td colspan="2"><em>In both:</em> {both}</td></tr>'
    differ = base is not None and other is not None
    return f'<tr><th scope="row">{date}</th>{_cell(base, differ)}{_cell(other, differ)}</tr>'


FOLD = 3  # more steps than this after one side's war ended are folded into a line that opens them


def fold(doc: dict) -> tuple[list, list, str]:
    """The rows shown, the rows folded away and the line that stands for them: when the war ended under one
    scenario before it did under the other (or the other's war runs on to the horizon), the other's steps after
    that end, if more than :data:`FOLD`, fold into one line ("The war ended under the base on 14 June 1953; your
    change's history goes on for 40 more steps, to 5 March 1956")."""
    rows = doc["rows"]
    ends = {side: doc[side]["outcome"].get("war_end_date") for side in ("base", "other")}
    ended = sorted((day, side) for side, day in ends.items() if day)
    if not ended or (len(ended) == 2 and ended[0][0] == ended[1][0]):
        return rows, [], ""
    day, side = ended[0]
    k = next((i for i, (a, b) in enumerate(rows) if (a or b)["day"] > day), len(rows))
    if len(rows) - k <= FOLD:
        return rows, [], ""
    who, other = ("the base", "your change's") if side == "base" else ("your change", "the base's")
    last = rows[-1][0] or rows[-1][1]
    summary = (
        f"The war ended under {who} on {long_date(day)}; {other} history goes on for "
        f"{len(rows) - k} more steps, to {last['date']}"
    )
    return rows[:k], rows[k:], summary


def difference_html(doc: dict) -> str:
    """``sim.api.difference``'s document as HTML: where the histories part and why, both histories from there in
    one order of dates (side by side), and how the world ended under each."""
    base, other = doc["base"], doc["other"]
    parts = []
    if doc["same"]:
        parts.append(f"<p>{_e(doc['same'])}</p>")
    if doc["first"]:
        parts.append(f"<p><strong>The first difference:</strong> {_e(doc['first'])}</p>")
    if doc["first_code"]:
        parts.append(f'<p class="{style.SMALL}">in a scenario file: {_e(doc["first_code"])}</p>')
    if doc["rows"]:
        head = (
            '<tr><th scope="col">Date</th>'
            f'<th scope="col">The base: {_e(base["title"])}</th>'
            f'<th scope="col">Your change: {_e(other["title"])}</th></tr>'
        )
        shown, later, summary = fold(doc)
        caption = "The two histories from the first difference on, date by date"
        body = "".join(_row(a, b) for a, b in shown)
        parts.append(f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{body}</tbody></table>")
        if later:
            body = "".join(_row(a, b) for a, b in later)
            rest = f"<table><caption>{_e(summary)}</caption><thead>{head}</thead><tbody>{body}</tbody></table>"
            parts.append(f"<details><summary>{_e(summary)}: show them</summary>{rest}</details>")
    for who, sc in (("the base", base), ("your change", other)):
        lines = " ".join(_e(line) for line in sc["ending"])
        parts.append(f"<p><strong>Under {who}</strong> ({_e(sc['title'])}): {lines}</p>")
    parts.append(f'<p class="{style.SMALL}">on the command line: {_e(doc["code"])}</p>')
    return f'<div class="{style.STORY} {style.CARDS}">{"".join(parts)}</div>'


def attribution_html(doc: dict) -> str:
    """``sim.api.attribution``'s document as HTML: the answer, how to read it, each choice that moved it (with its
    option and alternative in words), what the but-for tests found, and the choices that made no difference."""
    parts = [f"<p><strong>{_e(doc['head'])}</strong></p>", f"<p>{_e(doc['how_to_read'])}</p>"]
    if doc["choices"]:
        head = (
            '<tr><th scope="col">Contribution (Shapley value)</th><th scope="col">Date</th>'
            '<th scope="col">The decision: what was chosen, and its alternative</th>'
            '<th scope="col">Switched on its own (but-for)</th></tr>'
        )
        rows = []
        for c in doc["choices"]:
            alone = f"<strong>{_e(c['but_for'])}</strong>" if c["cause"] else _e(c["but_for"])
            what = (
                f'{_e(c["title"])}: {_e(c["who"])} chose "{_e(c["kept"])}" rather than "{_e(c["instead"])}"'
                f"<br>{_small('in a scenario file: ' + c['code'])}"
            )
            rows.append(
                f"<tr><td>{_e(c['contribution'])}</td><td>{_e(c['date'])}</td><td>{what}</td><td>{alone}</td></tr>"
            )
        caption = "The choices that moved the answer, largest first"
        parts.append(f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")
    parts.append(f"<p>{_e(doc['reading'])}</p>")
    if doc["idle"]:
        titles = "; ".join(i["title"] for i in doc["idle"])
        codes = ", ".join(i["code"] for i in doc["idle"])
        end = "" if titles.endswith(("?", ".")) else "."
        parts.append(f"<p>Choices that made no difference here: {_e(titles)}{end} {_small('(' + codes + ')')}</p>")
    parts.append(f"<p>{_e(doc['exact'])}</p>")
    parts.append(f'<p class="{style.SMALL}">on the command line: {_e(doc["code"])}</p>')
    return f'<div class="{style.STORY} {style.CARDS}">{"".join(parts)}</div>'
