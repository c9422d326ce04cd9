"""Reading scenario YAML: the data, and the node tree that gives each key its line number.

:class:`Document` parses the text once and keeps both; :meth:`Document.fail`
raises a :class:`ScenarioError` that names the file, the line and the key
path (``interventions[0].force.point``).
"""

from __future__ import annotations

import yaml

from sim.scenario.errors import ScenarioError


class _Loader(yaml.SafeLoader):
    """yaml.safe_load's loader, but dates stay strings: we check them (PyYAML raises on 1953-02-30)."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def keypath(path) -> str:
    """``("interventions", 0, "force")`` -> ``interventions[0].force``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class Document:
    """The parsed document with its YAML node tree, for line numbers in errors."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        try:
            self.data = yaml.load(text, Loader=_Loader)
            self.root = yaml.compose(text, Loader=_Loader)
        except (ValueError, OverflowError, RecursionError) as exc:
            raise ScenarioError(source, f"is not valid YAML ({exc}).") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ScenarioError(
                source,
                f"is not valid YAML ({getattr(exc, 'problem', None) or exc}).",
                line=mark.line + 1 if mark else None,
            ) from None

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

    def fail(self, message: str, *path, choices=None, key: str | None = None):
        """Raise a ScenarioError at ``path`` (the key label is the path unless ``key`` is given)."""
        label = key or keypath(path)
        raise ScenarioError(self.source, message, key=label or None, line=self.line(*path), choices=choices)
