"""A file chosen with the browser's file dialog (a button, usable from the keyboard) or dropped on the page.

Solara's ``FileDrop`` takes a dropped file only, which a keyboard user
cannot do. :func:`FilePick` is the same drop zone (its widget, its upload in
chunks) with a labelled button that opens the browser's file dialog
(``filepick.vue``).
"""

from __future__ import annotations

from collections.abc import Callable

import solara
import traitlets
from solara.components.file_drop import FileDropZone


class PickZone(FileDropZone):
    """Solara's drop zone with a button that opens the file dialog."""

    template_file = (__file__, "filepick.vue")
    button = traitlets.Unicode().tag(sync=True)


@solara.component
def FilePick(button: str, label: str, on_file: Callable[[dict], None], accept: str = ""):
    """``button`` opens the file dialog; ``label`` invites a drop; ``on_file`` gets Solara's ``FileInfo``
    (``name``, ``size``, ``data``: the file's bytes), read in a thread as ``solara.FileDrop(lazy=False)`` does."""
    info, set_info = solara.use_state(None)
    files, set_files = solara.use_state(None)
    zone = PickZone.element(label=label, button=button, accept=accept, on_file_info=set_info, multiple=False)

    def wire() -> None:
        if info:
            widget = solara.get_widget(zone)
            widget.version += 1  # as Solara's FileDrop: a new version for each file chosen
            widget.reset_stats()
            set_files(widget.get_files())

    solara.use_effect(wire, [info])

    def read(cancel) -> None:
        if files:
            files[0]["data"] = files[0]["file_obj"].read()
            on_file(files[0])

    result = solara.use_thread(read, [files])
    if result.error:
        raise result.error
    return zone
