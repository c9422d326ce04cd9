"""The page's colours and style sheet: every text colour the page sets is here, with its background.

WCAG AA: each text colour reaches 4.5:1 on its background (``tests/test_web.py``
computes it); the message boxes get their own colours in place of Vuetify's
(its red on pink was about 3.2:1). A toggle button's keyboard focus is a ring
around it, and a pressed toggle button is filled: Vuetify drew both as the
same light grey.
"""

from __future__ import annotations

PAGE = "#ffffff"
TEXT = {  # what -> (text colour, background colour)
    "small print": ("#595959", PAGE),  # code names, timings (Vuetify's greys were #777: 4.5:1 only just missed)
    "error": ("#a30d0d", "#fdecea"),
    "warning": ("#7a3e00", "#fff4e5"),
    "info": ("#0b4a85", "#e8f1fb"),
    "success": ("#1d5b20", "#edf7ed"),
    "pressed": ("#ffffff", "#1f4e8c"),  # a pressed toggle button: white on navy
    "lesson": ("#212121", "#fff8e1"),  # the lesson banner
    "set by the scenario": ("#0b4a85", "#e8f1fb"),  # what the base scenario sets, on its control
}
BORDER = "#767676"  # the lesson file's drop zone, dashed (against the page: 4.5:1)
FOCUS = "#111111"  # the keyboard focus ring (against the page: 18:1; non-text contrast needs 3:1)
SMALL = "small-print"  # the class of small print
NOTE = "scenario-note"  # the class of a control's "set by the scenario" line
STORY = "world-story"  # the class of a world's story (its steps' spacing)
CARDS = "world-cards"  # the class of the story tab's cards in words (their tables)


def inline(what: str) -> str:
    """The inline style of ``what``'s text colour on its background (the lesson banner's card)."""
    fg, bg = TEXT[what]
    return f"color: {fg}; background-color: {bg}"


def _alert(kind: str) -> str:
    fg, bg = TEXT[kind]
    return (
        f".v-alert.{kind}--text {{ color: {fg} !important; background-color: {bg} !important; }}\n"
        f".v-alert.{kind}--text .v-icon {{ color: {fg} !important; }}\n"
    )


def css() -> str:
    """The style sheet the page loads."""
    small_fg, small_bg = TEXT["small print"]
    pressed_fg, pressed_bg = TEXT["pressed"]
    return "\n".join(
        [
            ".v-alert.v-alert--text::before { opacity: 0 !important; }",  # the alerts' own colours, not a tint
            *(_alert(kind) for kind in ("error", "warning", "info", "success")),
            f".{SMALL} {{ color: {small_fg}; background-color: {small_bg}; font-size: 0.8em; }}",
            f".{NOTE} {{ {inline('set by the scenario')}; display: block; padding: 4px 8px; margin: 4px 0; "
            "border-radius: 4px; font-size: 0.9em; }",
            f".{STORY} h4 {{ margin: 14px 0 2px; font-size: 1em; }}",
            f".{STORY} p {{ margin: 2px 0; }}",
            f".{STORY} strong {{ font-weight: 700; }}",
            f".{STORY} ul {{ margin: 2px 0; padding-left: 1.4em; }}",
            f".{STORY} .{SMALL} {{ margin-top: 2px; }}",
            f".{CARDS} table {{ border-collapse: collapse; width: 100%; margin: 8px 0; }}",
            f".{CARDS} caption {{ text-align: left; font-weight: 700; padding: 4px 0; }}",
            f".{CARDS} th, .{CARDS} td {{ border-bottom: 1px solid {BORDER}; padding: 4px 8px; text-align: left; "
            "vertical-align: top; }",
            f".{CARDS} tbody th {{ font-weight: 400; white-space: nowrap; }}",
            # focus is a ring, never the grey that Vuetify also uses for "pressed"
            ".v-btn-toggle > .v-btn.v-btn:focus::before { opacity: 0 !important; }",
            f".v-btn:focus-visible, .v-tab:focus-visible {{ outline: 3px solid {FOCUS}; outline-offset: 2px; }}",
            f".v-btn-toggle > .v-btn.v-btn.v-btn--active {{ color: {pressed_fg} !important; "
            f"background-color: {pressed_bg} !important; }}",
            ".v-btn-toggle > .v-btn.v-btn.v-btn--active::before { opacity: 0 !important; }",
            f".lesson-file {{ border: 1px dashed {BORDER}; padding: 12px; margin: 8px 0; display: flex; "
            "flex-wrap: wrap; align-items: center; gap: 12px; }",
            ".lesson-file input { position: absolute; width: 1px; height: 1px; opacity: 0; }",  # focusable, unseen
            f".lesson-file label:focus-within {{ outline: 3px solid {FOCUS}; outline-offset: 2px; }}",
        ]
    )
