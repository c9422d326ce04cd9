"""Teacher controls: open a lesson (shipped, or a file), share it as a file, reset the page to a step."""

from __future__ import annotations

import solara

from sim.web import lesson, state, style, words
from sim.web.filepick import FilePick
from sim.web.fixed import fixed


@solara.component
def Questions(questions):
    """A step's questions as plain text: a lesson file is not trusted to carry markup or links."""
    with solara.Column(gap="2px"):
        for q in questions:
            solara.Text(f"\u2022 {q}")


@solara.component
def LessonBanner():
    les = state.current_lesson.value
    if les is None:
        return
    k = state.lesson_step.value
    step = les.steps[k]
    with solara.Card(f"Lesson: {les.title} (step {k + 1} of {len(les.steps)})", style=style.inline("lesson")):
        Questions(step.questions)
        with solara.Row():
            solara.Button("Previous step", on_click=lambda: state.apply_step(k - 1), disabled=k == 0, outlined=True)
            solara.Button(
                "Next step", on_click=lambda: state.apply_step(k + 1), disabled=k + 1 >= len(les.steps), outlined=True
            )


@solara.component
def TeacherTab():
    chosen = solara.use_reactive(next(iter(lesson.shipped()), None))
    problem = solara.use_reactive(None)

    def opened(info) -> None:
        try:
            text = info["data"].decode("utf-8")
        except UnicodeDecodeError:
            problem.value = f"{info['name']}: not UTF-8 text; save the lesson file as UTF-8 and open it again."
            return
        try:
            state.open_lesson(lesson.parse(text, info["name"]))
            problem.value = None
        except lesson.LessonError as exc:
            problem.value = str(exc)

    with solara.Card("Teacher: a lesson for the class"):
        solara.Markdown(
            "A lesson is a YAML file: a list of steps, each a scenario with the page's switches and "
            "questions for the class. Opening it resets the page to its first step."
        )
        shipped = [words.item(lesson.load(path).title, name) for name, path in lesson.shipped().items()]
        solara.Select("Shipped lessons", values=shipped, value=chosen)
        solara.Button(
            "Reset the page to this lesson",
            on_click=lambda: state.open_lesson(lesson.load(lesson.shipped()[chosen.value])),
            color="primary",
        )
        FilePick("Open a lesson file ...", "or drop one here", on_file=opened, accept=".yaml,.yml")
        if problem.value:
            solara.Error(problem.value)
    les = state.current_lesson.value
    if les is not None:
        with solara.Card(f"Open lesson: {les.title}"):
            for k, step in enumerate(les.steps):
                switched = f"; {words.switches(step.switches)}" if step.switches else ""
                title = words.item(fixed(step.scenario).title, step.scenario)["text"]
                solara.Text(f"Step {k + 1}: {title}{switched}", style="font-weight: bold")
                Questions(step.questions)
            solara.FileDownload(les.text(), filename="lesson.yaml", label="Share this lesson (YAML file)")
            solara.Button("Reset this page to step 1", on_click=lambda: state.apply_step(0), outlined=True)
