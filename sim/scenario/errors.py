"""The one error of the scenario language: :class:`ScenarioError`, a readable paragraph.

Every problem with a scenario (a file that cannot be read, bad YAML, an
unknown key, a wrong value, a contradiction) raises it, naming the file, the
line and the key where known, and the valid choices. Values quoted in the
message go through :func:`shown`, so a huge or strange value never floods it.
"""

from __future__ import annotations

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


class ScenarioError(Exception):
    """A scenario that cannot be used; the message is one readable paragraph.

    Attributes:
        source: the file (or ``<string>``) the problem is in.
        key: the key path, such as ``interventions[0].force.point``, or None.
        line: the line number (1-based) where known.
        choices: the valid choices, if the problem is a value outside them.
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
    ) -> None:
        self.source, self.message, self.key, self.line, self.choices = source, message, key, line, choices
        self.pulled_in_by: list[str] = []
        super().__init__(self._text())

    def _text(self) -> str:
        where = one_line(self.source, 300) + (f", line {self.line}" if self.line else "")
        if self.key:
            where += f", key '{one_line(self.key, 100)}'"
        text = f"{where}: {one_line(self.message)}"
        if self.pulled_in_by:
            text += f" (base of {one_line(self.pulled_in_by[0], 300)}"
            if len(self.pulled_in_by) > 1:
                text += f", in the base chain of {one_line(self.pulled_in_by[-1], 300)}"
            text += ")"
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
