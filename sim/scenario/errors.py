"""The one error of the scenario language: :class:`ScenarioError`, a readable paragraph.

Every problem with a scenario (a file that cannot be read, bad YAML, an
unknown key, a wrong value, a contradiction) raises it, naming the file, the
line and the key where known, and the valid choices. Values quoted in the
message go through :func:`shown`, so a huge or strange value never floods it.
"""

from __future__ import annotations

import difflib
import reprlib

MAX_SHOWN = 60  # characters of a bad value quoted in a message


class _Short(reprlib.Repr):
    """``repr`` cut short: long strings, long lists, deep nesting and huge numbers are abbreviated."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = MAX_SHOWN
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 4
        self.maxlevel = 3

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 128:  # repr() of a very long number is slow, and refused beyond 4,300 digits
            return f"<a whole number of {x.bit_length():,} bits>"
        return repr(x)


_SHORT = _Short()


def shown(value: object) -> str:
    """``repr(value)`` for a message: one line, at most about :data:`MAX_SHOWN` characters."""
    try:
        text = _SHORT.repr(value)
    except Exception:  # a value we cannot print must not hide the real problem
        text = f"<{type(value).__name__}>"
    if isinstance(value, str) and len(value) > MAX_SHOWN:
        text += f" ({len(value):,} characters)"
    return one_line(text)


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` with control characters escaped (so it stays one paragraph), cut to ``limit`` characters."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def suggest(value: object, choices) -> str:
    """ " Did you mean 'x'?" for a value close to one of ``choices`` (difflib; case ignored), else ""."""
    if not isinstance(value, str) or not value or not choices or len(value) > 200:
        return ""
    names = [str(c) for c in choices]
    lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(value.lower(), list(lower), n=3, cutoff=0.6)
    close += [lower[n] for n in lower if value.lower() in n and len(value) >= 4 and lower[n] not in close][:3]
    close = [lower.get(c, c) for c in dict.fromkeys(close) if lower.get(c, c) != value][:3]
    if not close:
        return ""
    return " Did you mean " + " or ".join(f"'{one_line(c, 100)}'" for c in close) + "?"


class ScenarioError(Exception):
    """A scenario that cannot be used; the message is one readable paragraph.

    Attributes:
        source: the file (or ``<string>``) the problem is in.
        key: the key path, such as ``interventions[0].force.point``, or None.
        line: the line number (1-based) where known.
        choices: the valid choices, if the problem is a value outside them.
        near: the value given, when a close valid choice may be suggested ("did you mean").
        pulled_in_by: the scenarios whose base chain brought this file in, nearest first.
    """

    def __init__(
        self,
        source: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
        choices: list | None = None,
        near: object = None,
    ) -> None:
        self.source, self.message, self.key, self.line, self.choices = source, message, key, line, choices
        self.near = near
        self.pulled_in_by: list[str] = []
        super().__init__(self._text())

    def where(self) -> str:
        """The line and key of the problem ("line 3, key 'runs'"), or "" if neither is known."""
        parts = [f"line {self.line}"] if self.line else []
        if self.key:
            parts.append(f"key '{one_line(self.key, 100)}'")
        return ", ".join(parts)

    def body(self) -> str:
        """The message, the suggestion and the valid choices, without the file and line."""
        text = one_line(self.message) + suggest(self.near, self.choices)
        if self.choices:
            text += " Valid choices: " + ", ".join(one_line(str(c), 100) for c in self.choices) + "."
        return text

    def _chain(self) -> str:
        if not self.pulled_in_by:
            return ""
        text = f" (base of {one_line(self.pulled_in_by[0], 300)}"
        if len(self.pulled_in_by) > 1:
            text += f", in the base chain of {one_line(self.pulled_in_by[-1], 300)}"
        return text + ")"

    def _text(self) -> str:
        where = ", ".join(filter(None, (one_line(self.source, 300), self.where())))
        message = one_line(self.message) + self._chain()
        text = f"{where}: {message}" + suggest(self.near, self.choices)
        if self.choices:
            text += " Valid choices: " + ", ".join(one_line(str(c), 100) for c in self.choices) + "."
        return text

    def within(self, child: str) -> ScenarioError:
        """This error, noted as found in the base chain of ``child`` (the file that pulled this one in)."""
        self.pulled_in_by.append(child)
        self.args = (self._text(),)
        return self

    def __str__(self) -> str:
        return self._text()


MAX_LISTED = 20  # problems listed for one file; the rest are counted


class ScenarioProblems(ScenarioError):
    """Several independent problems in one file, each on its own line (``whatif validate`` shows them all).

    Attributes:
        problems: the :class:`ScenarioError` of each problem, in the order of the file.
    """

    def __init__(self, source: str, problems: list[ScenarioError]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.source != source, p.line or 10**9))
        first = self.problems[0]
        super().__init__(source, f"{len(self.problems)} problems", key=first.key, line=first.line)

    def _text(self) -> str:
        head = f"{one_line(self.source, 300)}: {len(self.problems)} problems{self._chain()}:"
        lines = [head]
        for p in self.problems[:MAX_LISTED]:
            if p.source != self.source or isinstance(p, ScenarioProblems):  # a problem in a base file
                lines.append("  - " + str(p).replace("\n", "\n    "))
            else:
                lines.append(f"  - {p.where() or 'the file'}: {p.body()}")
        if len(self.problems) > MAX_LISTED:
            lines.append(f"  ... and {len(self.problems) - MAX_LISTED} more.")
        return "\n".join(lines)


class Collector:
    """Gathers the problems of independent checks, so that a file's every problem is reported at once.

    ``collector(check, *args, default=value)`` runs one check and returns its
    result, or ``default`` after noting its :class:`ScenarioError`; :meth:`raise_all`
    raises the one problem found, or :class:`ScenarioProblems` for several.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[ScenarioError] = []

    def __call__(self, check, *args, default=None, **kwargs):
        try:
            return check(*args, **kwargs)
        except ScenarioProblems as exc:
            self.problems.extend(exc.problems if exc.source == self.source else [exc])
        except ScenarioError as exc:
            self.problems.append(exc)
        return default

    def raise_all(self) -> None:
        if len(self.problems) == 1:
            raise self.problems[0]
        if self.problems:
            raise ScenarioProblems(self.source, self.problems)
