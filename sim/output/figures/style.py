"""The shared look of every figure: style sheet, colours, labels and the historical landmarks.

All figures share one style (:data:`STYLE`, applied with ``rc_context`` by
:func:`styled`) and one colour per scenario (:func:`scenario_colors`): the
first run, the reference, is always dark grey; the others follow the
Okabe-Ito palette, which stays distinct for the common forms of colour
blindness and in greyscale print, then five more (Paul Tol's wine, indigo
and olive, Tableau's brown, ColorBrewer's lime), so that a comparison of all
thirteen library scenarios draws each in its own colour.
"""

from __future__ import annotations

import functools

import matplotlib as mpl

from sim.case import outcomes
from sim.output import words

REFERENCE_COLOR = "#404040"  # the first (reference, usually baseline) scenario, in every figure
PALETTE = (
    *("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"),  # Okabe-Ito
    *("#882255", "#332288", "#999933", "#8C564B", "#A6D854"),  # wine, indigo, olive, brown, lime
)
HISTORY_COLOR = "black"

STYLE = {
    "font.family": ["DejaVu Sans"],  # and the fallbacks installed (:func:`font_families`)
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#333333",
    "axes.linewidth": 0.8,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.7,
    "lines.linewidth": 1.8,
    "errorbar.capsize": 2.5,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.1,
    "svg.fonttype": "none",  # text stays text in SVG
    "pdf.fonttype": 42,  # TrueType in PDF (editable, embeds cleanly)
    "text.parse_math": False,  # a "$" in a scenario's title is a dollar sign, never mathtext
}

FORMATS = ("png", "svg", "pdf")

# Outcome labels: the command line's words (``sim.output.words.LABELS``), capitalised; one wording everywhere.
LABELS = {key: text[0].upper() + text[1:] for key, text in words.LABELS.items()}

# Stages of the war for ``paths``: (key, label); keys are boolean columns (or ``stage_shares`` keys).
STAGES = (
    ("war_started", "Invasion"),
    ("us_intervened", "US\nintervenes"),
    ("un_crossed_38th", "UN crosses\nthe 38th"),
    ("china_entered", "China\nenters"),
)

# Outcomes whose paired effects are shares (drawn in percentage points by ``effects``).
SHARE_OUTCOMES = (*outcomes.BOOLEAN, *outcomes.FINAL)

# Short two-line labels of the endings for ``paths``.
ENDINGS = {
    "no_war": "No war",
    "dprk_unifies": "North\nunifies",
    "rok_unifies": "South\nunifies",
    "divided": "Divided\n(armistice)",
    "ongoing_at_horizon": "Still at war\nend of 1956",
}

# Key points of the historical front annotated on ``front_fan``: date -> label.
KEY_EVENTS = {
    "1950-08-04": "Pusan perimeter",
    "1950-11-21": "Deepest UN advance\n(21 Nov 1950)",
    "1951-01-04": "Seoul lost again",
    "1953-07-27": "Armistice signed",
}

# Places on the right-hand axis of ``front_fan`` (degrees north).
PLACES = {
    "Pusan": 35.1,
    "Taejon": 36.35,
    "Seoul": 37.57,
    "38th parallel": 38.0,
    "Pyongyang": 39.03,
    "Yalu (Chinese border)": 40.6,  # the model's Yalu line: the CPV's supply base (sim.case.military)
}

HISTORICAL_ENTRY = "1950-10-19"  # CPV crosses the Yalu
HISTORICAL_ARMISTICE = "1953-07-27"


def label(name: str) -> str:
    """Plain-words label of an outcome column or final-outcome category."""
    return LABELS.get(name, name.replace("_", " ").capitalize())


def scenario_colors(n: int) -> list[str]:
    """Colours of ``n`` scenarios in order: the reference grey first, then the palette (13 in all, then again)."""
    return [REFERENCE_COLOR] + [PALETTE[i % len(PALETTE)] for i in range(max(n - 1, 0))]


FALLBACK_FONTS = ("Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans KR", "Noto Sans JP",
                  "NanumGothic", "WenQuanYi Zen Hei", "Droid Sans Fallback")  # fmt: skip


def rc() -> dict:
    """:data:`STYLE` with the fonts installed here (:func:`font_families`): what figures are drawn in."""
    return {**STYLE, "font.family": font_families()}


@functools.cache
def font_families() -> list[str]:
    """DejaVu Sans, then those of :data:`FALLBACK_FONTS` installed here: a title in Korean, Chinese or
    Japanese draws its glyphs from the first font that has them (boxes if none is installed; Debian's
    ``fonts-noto-cjk`` has them). Only installed fonts are named, so matplotlib never warns of one missing."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(name for name in FALLBACK_FONTS if name in installed)]


def styled(func):
    """Run a figure function inside the shared style."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(rc()):
            return func(*args, **kwargs)

    return wrapper
