"""Evidence registry: every preference term, belief and probability cites one id.

An id resolves to a bibliography key (``sim.case.bibliography``) and the
passage (section or paragraph topic) that supports the number, paraphrased.
Ids start with the source: ``int000``/``int001`` the two Weathersby
interviews, ``essay`` her essay, ``shen`` Shen Zhihua's chapter, ``blog`` the
2010 blog post, ``data`` the shipped tables. The passages live in one module
per source.
"""

from __future__ import annotations

from sim.case.evidence import essay, interviews, other, shen
from sim.case.evidence.registry import Evidence

REGISTRY: dict[str, Evidence] = dict(essay.PASSAGES + interviews.PASSAGES + shen.PASSAGES + other.PASSAGES)


def cite(evidence_id: str) -> Evidence:
    """The evidence behind an id; raises KeyError naming the known ids."""
    try:
        return REGISTRY[evidence_id]
    except KeyError:
        raise KeyError(f"unknown evidence id {evidence_id!r}; known: {sorted(REGISTRY)}") from None
