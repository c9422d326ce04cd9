"""Mesa's ``Model`` and ``Agent``, without the rest of Mesa's start-up (issue 11).

``import mesa`` runs Mesa's package ``__init__``, which imports its spaces,
data collector and batch runner, and with them pandas, scipy and networkx:
about 0.6 s of every command's start-up (Mesa 3.3). The engine needs only
``mesa.model`` and ``mesa.agent``, which import numpy alone.

So the first import here registers the ``mesa`` package without running its
``__init__``, imports those two modules, and leaves the ``__init__`` to run
the first time anything else is asked of the package (``mesa.DataCollector``,
``from mesa import batch_run``, ``mesa.__version__``). Code that uses Mesa
after the engine sees the whole package. Submodules (``import mesa.space``)
import as usual. If Mesa is already imported, or its layout differs, this is
a plain ``import mesa``.
"""

from __future__ import annotations

import importlib.util
import sys


def _register_lazily():
    """Put a ``mesa`` package in ``sys.modules`` whose ``__init__`` runs on first use of a missing name."""
    spec = importlib.util.find_spec("mesa")
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return
    package = importlib.util.module_from_spec(spec)

    def complete(name: str):
        del package.__getattr__
        spec.loader.exec_module(package)
        return getattr(package, name)

    package.__getattr__ = complete
    sys.modules["mesa"] = package


if "mesa" not in sys.modules:
    _register_lazily()
try:
    from mesa.agent import Agent
    from mesa.model import Model
except ImportError:  # a Mesa whose layout differs: the whole package, as usual
    sys.modules.pop("mesa", None)
    from mesa import Agent, Model

__all__ = ["Agent", "Model"]
