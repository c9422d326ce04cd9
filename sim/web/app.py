"""The classroom page: ``solara run sim.web.app`` (or ``whatif serve``)."""

from __future__ import annotations

import solara

from sim.web import style
from sim.web.history import HistoryTab
from sim.web.play import PlayTab
from sim.web.story import StoryTab
from sim.web.teacher import LessonBanner, TeacherTab


@solara.component
def Page():
    solara.Title("The classroom: what if?")
    solara.Style(style.css())
    with solara.Column(style="padding: 12px; max-width: 1400px"):
        solara.Markdown("## The Korean War, 1949-1953: what if?")
        LessonBanner()
        with solara.lab.Tabs():
            with solara.lab.Tab("Change history"):
                HistoryTab()
            with solara.lab.Tab("The story"):
                StoryTab()
            with solara.lab.Tab("Play a leader"):
                PlayTab()
            with solara.lab.Tab("Teacher"):
                TeacherTab()
