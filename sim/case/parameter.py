"""A documented model parameter: its range, unit, meaning and evidence id."""

from __future__ import annotations

from dataclasses import dataclass

from sim.case.evidence import REGISTRY


@dataclass(frozen=True)
class Param:
    """A documented model parameter: name, range, unit, meaning, evidence id."""

    name: str
    low: float
    high: float
    unit: str
    meaning: str
    evidence: str

    @property
    def bounds(self) -> tuple[float, float]:
        """Values a scenario may set, by unit."""
        return UNIT_BOUNDS[self.unit]

    def __post_init__(self) -> None:
        if not self.low <= self.high:
            raise ValueError(f"param {self.name}: low {self.low} > high {self.high}")
        lo, hi = UNIT_BOUNDS[self.unit]
        if not lo <= self.low <= self.high <= hi:
            raise ValueError(f"param {self.name}: range outside its unit's bounds {lo}-{hi}")
        if self.evidence not in REGISTRY:
            raise ValueError(f"param {self.name}: evidence id {self.evidence!r} is not registered")


UNIT_BOUNDS: dict[str, tuple[float, float]] = {
    "probability": (0.0, 1.0),
    "0-1": (0.0, 1.0),
    "fraction": (0.0, 1.0),
    "reduction": (0.0, 1.0),
    "trust added": (0.0, 1.0),
    "multiplier": (0.0, 2.0),
    "days": (0.0, 1500.0),
    "thousand men": (0.0, 2000.0),
    "thousand men/week": (0.0, 100.0),
    "thousand deaths/week": (0.0, 200.0),
    "ratio": (1.0, 10.0),
    "deg": (1.0, 15.0),  # a distance in degrees of latitude (above 0: a reach divides)
}
