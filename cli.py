"""Command line: ``whatif`` (or ``python cli.py``).

The commands live in ``sim/cli/`` (one module per group); each parses its
options, calls ``sim.api`` and prints. Bad input exits with code 2 and one
paragraph naming the file, key and valid choices, with nothing written;
Ctrl-C exits with code 130 and one line.
"""

from __future__ import annotations

from sim.cli import main
from sim.cli.main import process

__all__ = ["main", "process"]

if __name__ == "__main__":
    process()
