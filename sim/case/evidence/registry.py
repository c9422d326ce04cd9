"""The evidence record and the bibliography keys the passages cite."""

from __future__ import annotations

from dataclasses import dataclass

from sim.case.bibliography import BIBLIOGRAPHY

W_INT_STALEMATE, W_INT_SAVING = "weathersby2003stalemate", "weathersby2003saving"
W_ESSAY, SHEN, BLOG = "weathersby-essay", "shen2020", "blog2010"
DATA_FRONT, DATA_README = "data-front", "data-magnitudes"


@dataclass(frozen=True)
class Evidence:
    """One cited passage: bibliography key and what the passage says (paraphrased)."""

    id: str
    source: str
    topic: str

    @property
    def label(self) -> str:
        """The source as running text names it, e.g. "Shen (2020)"."""
        return BIBLIOGRAPHY[self.source].short


def e(id_: str, source: str, topic: str) -> tuple[str, Evidence]:
    return id_, Evidence(id_, source, topic)
