"""The one error of the output layer: a results folder that cannot be written or read as asked."""

from __future__ import annotations


class ResultsError(ValueError):
    """A results folder (or figure file) that cannot be written or read: the message is one paragraph
    naming the path, what is wrong and what to do; the command line exits with code 2."""
