"""Plain words for the text the command line prints: labels, shares, small probabilities, plurals.

Every screen a reader sees names things by their labels, with the internal
id in parentheses where a reader may need it to write a scenario ("Mao's
decision of 12 October (mao_12oct)"), and every share carries its 95%
Monte Carlo interval.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
import unicodedata

from agents import LEADERS
from sim import case
from sim.analysis.summary import wilson

WIDTH = 100  # columns of every table and narrative the command line prints

LABELS = {
    "war_started": "war started",
    "us_intervened": "US intervened",
    "un_sanctioned": "UN authorised the war",
    "un_crossed_38th": "UN crossed the 38th",
    "china_entered": "China entered",
    "soviet_air_war": "Soviet air war",
    "soviet_ground_troops": "Soviet ground troops sent",
    "superpower_war": "open US-Soviet war",
    "evacuation_ordered": "Stalin ordered evacuation",
    "dprk_survives": "North Korea survives",
    "no_war": "no war",
    "dprk_unifies": "North unifies Korea",
    "rok_unifies": "South unifies Korea",
    "divided": "divided (armistice)",
    "ongoing_at_horizon": "still at war end of 1956",
    "war_months": "war length (months)",
    "final_outcome": "most common ending",
    "armistice_date": "armistice date",
}


def label(key: str) -> str:
    """The plain label of an outcome, an ending or a statistic (the key itself if unknown)."""
    return LABELS.get(key, key.replace("_", " "))


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 chance node``, ``2 chance nodes``; ``many`` for an irregular plural."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def percent(p: float) -> str:
    """A share as a percentage with one decimal ("12.3%")."""
    return f"{_number(p)}%"


def _number(p: float) -> str:
    """100 x ``p`` with one decimal, or more where one would round a share that is not 0 or 1 to 0.0 or 100.0."""
    inside = 1e-9 < p < 1 - 1e-9
    for digits in (1, 2, 3, 4):
        text = f"{100 * p:.{digits}f}"
        if not inside or float(text) not in (0.0, 100.0):
            return text
    return text


def interval(p: float, n: int) -> tuple[float, float]:
    """The 95% Wilson interval of a share ``p`` of ``n`` worlds."""
    return wilson(round(p * n), n)


def share_with_interval(p: float, n: int) -> str:
    """ "12.3% (11.7-13.0)": a share of ``n`` worlds with its 95% interval, in percent."""
    lo, hi = interval(p, n)
    return f"{_number(p)}% ({_number(lo)}-{_number(hi)})"


def chance(p: float) -> str:
    """A probability for a reader: "37%", "<1% (about 1 in 2,000)", ">99%", "0%" only when it is nothing."""
    if p <= 0:
        return "0%"
    if p >= 1:
        return "100%"
    if p < 1e-6:
        return "<1% (less than 1 in a million)"
    if p < 0.005:
        return f"<1% (about 1 in {_one_in(p)})"
    if p > 0.995:
        return ">99%"
    return f"{100 * p:.0f}%"


def _one_in(p: float) -> str:
    n = 1 / p
    digits = len(str(int(n))) - 2
    rounded = int(round(n, -max(digits, 0)))
    return f"{rounded:,}"


def dice(draw: float) -> str:
    """What a world's dice (a uniform draw in [0, 1)) mean, in words."""
    return (
        f"the dice fell at {draw:.2f}: each option owns a slice of 0-1 as wide as its probability, "
        "and the option whose slice holds the dice is taken"
    )


def node_label(node_id: str) -> str:
    """A decision point, chance node or event by its title, with its id: "Mao's cable (mao_cable_2oct)"."""
    node = case.BY_ID.get(node_id)
    return f"{node.title} ({node_id})" if node is not None else node_id


def leader_label(key: str | None) -> str:
    """A decider by name, with its key: "Joseph Stalin (stalin)"; chance as "chance"."""
    if not key or key == "chance":
        return "chance"
    cls = LEADERS.get(key)
    return f"{cls.name} ({key})" if cls is not None else key


def option_label(node_id: str, option: str) -> str:
    """An option in words, with its id when they differ: "order the evacuation (order_evacuation)"."""
    node = case.BY_ID.get(node_id)
    text = node.label(option) if node is not None else option
    return text if text == option else f"{text} ({option})"


def long_date(iso: str | None) -> str:
    """ "1953-06-14" -> "14 June 1953"; "" for None."""
    if not iso:
        return ""
    d = _dt.date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def month_year(iso: str | None) -> str:
    """ "1953-06-14" -> "Jun 1953"; "-" for None."""
    return _dt.date.fromisoformat(iso).strftime("%b %Y") if iso else "-"


def columns(text: str) -> int:
    """The terminal columns ``text`` takes: two for each East Asian wide or fullwidth character (Hangul, Chinese,
    Japanese), one for any other."""
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in text)


def wrap(text: str, indent: str = "", width: int = WIDTH) -> str:
    """``text`` wrapped to ``width`` columns, continuation lines indented like the first."""
    if columns(text) == len(text):
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
    return _wrap_wide(text, indent, width)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, after a space) of ``text``: each wide character alone (a line may break between two of them, as
    Chinese and Japanese have no spaces), each run of other characters whole."""
    out = []
    for word in text.split():
        pieces: list[str] = []
        for c in word:  # a wide character starts a piece; any other joins the one before it
            if not pieces or unicodedata.east_asian_width(c) in "WF":
                pieces.append(c)
            else:
                pieces[-1] += c
        out += [(piece, k == 0) for k, piece in enumerate(pieces)]
    return out


def _wrap_wide(text: str, indent: str, width: int) -> str:
    """:func:`wrap` by terminal columns, for text with wide characters."""
    lines, line = [], indent
    for piece, spaced in _pieces(text):
        add = (" " if spaced and line != indent else "") + piece
        if line == indent or columns(line + add) <= width:
            line += add
        else:
            lines.append(line)
            line = indent + piece
    return "\n".join([*lines, line])


def fold(text: str, width: int = WIDTH) -> str:
    """Every line of ``text`` longer than ``width`` wrapped at its spaces, continuing under its last column.

    A table row's tail continues where the row's last column starts (after
    its last run of two or more spaces, if that leaves room); a line of prose
    continues at its own indent. Shorter lines are left exactly as they are.
    """
    return "\n".join(_fold_line(line, width) for line in text.split("\n"))


def _fold_line(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    lead = len(line) - len(line.lstrip(" "))
    columns = [m.end() for m in re.finditer(r"\S {2,}(?=\S)", line[: width - 20])]
    at = columns[-1] if columns and columns[-1] <= width - 25 else lead + (2 if lead else 4)
    return textwrap.fill(
        line, width, subsequent_indent=" " * at, break_long_words=False, break_on_hyphens=False, drop_whitespace=True
    )


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (with "..." if cut; a wide character takes two)."""
    if columns(text) <= width:
        return text
    cut = text[: width - 3]
    while columns(cut) > width - 3:
        cut = cut[:-1]
    return cut + "..."
