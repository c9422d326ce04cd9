"""Reading scenario YAML, strictly: the data, and the node tree that gives each key its line number.

A scenario file is plain YAML: mappings, lists, strings, numbers, booleans.
Refused before anything is built, each with the file and line: anchors and
aliases (a 400-byte alias bomb would expand to gigabytes), explicit tags
(``!!binary``, ``!!set``...), nesting deeper than the language needs, a key
given twice in one mapping, and files over :data:`~sim.scenario.grammar.MAX_BYTES`.
Dates stay text (they are checked as YYYY-MM-DD), numbers are decimal only
(no ``0x``, octal or sexagesimal ``1:30``), and ``<<`` and ``=`` are plain
text.

:class:`Document` parses the text once and keeps both the data and the
node tree; :meth:`Document.fail` raises a :class:`ScenarioError` that names
the file, the line and the key path (``interventions[0].force.point``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from yaml.composer import ComposerError

from sim.scenario.errors import ScenarioError, one_line, shown
from sim.scenario.grammar import MAX_BYTES, MAX_DEPTH


class _Refused(ComposerError):
    """A YAML feature scenario files do not allow (anchor, alias, tag, deep nesting)."""


class _Loader(yaml.SafeLoader):
    """yaml.safe_load's loader with fewer implicit types and no anchors, aliases, tags or deep nesting."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012  (PyYAML's class-level table, filled below)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._refuse(
                f"an alias (*{one_line(event.anchor, 40)}) is not allowed in a scenario file; write each value out",
                event,
            )
        if getattr(event, "anchor", None) is not None:
            self._refuse(
                f"an anchor (&{one_line(event.anchor, 40)}) is not allowed in a scenario file; write each value out",
                event,
            )
        if getattr(event, "tag", None) is not None:
            self._refuse(f"a YAML tag ({one_line(event.tag, 60)}) is not allowed in a scenario file", event)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self._refuse(f"lists and mappings are nested more than {MAX_DEPTH} levels deep", event)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    @staticmethod
    def _refuse(problem: str, event) -> None:
        raise _Refused(None, None, problem, event.start_mark)


for _tag, _pattern, _first in (
    ("bool", r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF", "yYnNtTfFoO"),
    ("int", r"[-+]?(?:0|[1-9][0-9_]{0,40})", "-+0123456789"),
    (
        "float",
        r"[-+]?[0-9][0-9_]{0,40}\.[0-9_]{0,40}(?:[eE][-+][0-9]{1,4})?|[-+]?\.[0-9][0-9_]{0,40}(?:[eE][-+][0-9]{1,4})?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(rf"^(?:{_pattern})$"), list(_first))


def keypath(path) -> str:
    """``("interventions", 0, "force")`` -> ``interventions[0].force``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def read(path: Path) -> str:
    """The text of a scenario file: at most :data:`MAX_BYTES` bytes of UTF-8."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(str(path), f"cannot be read ({exc.strerror or type(exc).__name__}).") from None
    if len(raw) > MAX_BYTES:
        raise ScenarioError(
            str(path), f"is larger than {MAX_BYTES:,} bytes, the limit for a scenario file; it was not read."
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ScenarioError(
            str(path), f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded).", line=line
        ) from None


def _unreadable(text: str, exc: yaml.reader.ReaderError, source: str) -> ScenarioError:
    """A character YAML does not allow (NUL, other control characters): name the file, line and character."""
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    name = unicodedata.name(char, "a control character")
    line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
    return ScenarioError(
        source, f"contains a character YAML does not allow (U+{ord(char):04X}, {name}); is it a text file?", line=line
    )


def _duplicates(root: yaml.Node | None, source: str) -> None:
    """Refuse a key given twice in one mapping (YAML would keep the last one silently)."""
    todo = [(root, ())]
    while todo:
        node, path = todo.pop()
        if isinstance(node, yaml.SequenceNode):
            todo += [(v, (*path, i)) for i, v in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise ScenarioError(
                            source,
                            f"the key {shown(k.value)} is given twice (first on line {seen[k.value]}).",
                            key=keypath((*path, k.value)),
                            line=k.start_mark.line + 1,
                        )
                    seen[k.value] = k.start_mark.line + 1
                todo.append((v, (*path, k.value if isinstance(k, yaml.ScalarNode) else "?")))


class Document:
    """The parsed document with its YAML node tree, for line numbers in errors."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        if len(text) > MAX_BYTES:
            raise ScenarioError(source, f"is longer than {MAX_BYTES:,} characters, the limit for a scenario.")
        loader = None
        try:
            loader = _Loader(text)
            self.root = loader.get_single_node()
            _duplicates(self.root, source)
            self.data = loader.construct_document(self.root) if self.root is not None else None
        except yaml.reader.ReaderError as exc:
            raise _unreadable(text, exc, source) from None
        except _Refused as exc:
            raise ScenarioError(source, f"{exc.problem}.", line=exc.problem_mark.line + 1) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ScenarioError(
                source,
                f"is not valid YAML ({getattr(exc, 'problem', None) or type(exc).__name__}).",
                line=mark.line + 1 if mark else None,
            ) from None
        except (ValueError, OverflowError) as exc:
            raise ScenarioError(source, f"is not valid YAML ({exc}).") from None
        finally:
            if loader is not None:
                loader.dispose()

    def line(self, *path) -> int | None:
        """The line (1-based) of the key or item at ``path``, or of its nearest ancestor found."""
        node, found = self.root, None
        for step in path:
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for k, v in node.value:
                    if k.value == step:
                        found, nxt = k.start_mark.line + 1, v
                        break
                if nxt is None:
                    return found
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                found = node.start_mark.line + 1
            else:
                return found
        return found if found else (node.start_mark.line + 1 if node is not None else None)

    def fail(self, message: str, *path, choices=None, key: str | None = None, near: object = None):
        """Raise a ScenarioError at ``path`` (the key label is the path unless ``key`` is given).

        ``near`` is the value given: with ``choices``, the message suggests the closest ones.
        """
        label = key or keypath(path)
        raise ScenarioError(self.source, message, key=label or None, line=self.line(*path), choices=choices, near=near)
