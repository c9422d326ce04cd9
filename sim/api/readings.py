"""A comparison under each reading of a source dispute: does the answer depend on which historian is right?

``whatif compare BASE SCENARIO... --readings DISPUTE`` runs the paired
comparison once per reading of ``DISPUTE`` (``sim.case.variants``), the base
and every scenario read the same way, on the same worlds and seed, so the
effects differ only by the reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.api.common import UsageError
from sim.api.common import load as _scenario
from sim.api.simulating import Prepared, prepare_comparison
from sim.scenario import Scenario
from sim.scenario.interventions import SetParam, Variant


@dataclass
class Readings:
    """Paired comparisons of the same scenarios under each reading of a dispute (the default reading first)."""

    dispute: str
    evidence: str
    notes: dict[str, str]  # reading -> what it says
    docs: dict[str, dict]  # reading -> the ``compare --json`` document under that reading
    titles: dict[str, str]  # scenario name -> title
    unchecked: tuple[str, ...] = ()  # scenarios whose ``predict`` the readings do not check

    def json(self) -> dict:
        """The ``compare --readings --json`` document."""
        readings = {r: {"note": self.notes[r], "comparison": self.docs[r]} for r in self.docs}
        return {"dispute": self.dispute, "evidence": self.evidence, "readings": readings}

    def text(self) -> str:
        """The table ``compare --readings`` prints."""
        from sim.output.readings_text import readings_table

        return readings_table(self.dispute, self.evidence, self.notes, self.docs, self.titles, self.unchecked)


def _read(sc: Scenario, dispute: str, reading: str) -> Scenario:
    """``sc`` with one more intervention: ``dispute`` read as ``reading`` (same name, title, runs and seed).

    Refused where the scenario settles the dispute itself: a reading of its own, or a ``set`` of what the
    readings set (which would override every reading, so the readings would differ in the base alone).
    """
    from sim.case.params import VARIANTS

    settled = {p for r in VARIANTS[dispute].readings.values() for p in r.params}
    for s in sc.chain():
        for it in s.interventions:
            if isinstance(it, Variant) and it.dispute == dispute:
                raise UsageError(
                    f"scenario {s.name} already reads the source dispute {dispute} as '{it.reading}', so "
                    f"--readings {dispute} cannot read it otherwise; compare scenarios that leave it open."
                )
            if isinstance(it, SetParam) and it.param in settled:
                raise UsageError(
                    f"scenario {s.name} sets {it.param}, which the readings of {dispute} set, so every reading "
                    f"would run with its value; compare scenarios that leave {it.param} to the readings."
                )
    return Scenario(
        name=sc.name,
        title=sc.title,
        runs=sc.runs,
        seed=sc.seed,
        horizon=sc.horizon,
        interventions=(Variant(dispute, reading),),
        base=sc,
        source=sc.source,
    )


def readings_of(dispute: str) -> list[str]:
    """The readings of a source dispute, the model's default first; UsageError naming the disputes if unknown."""
    from sim.case.params import VARIANTS

    if dispute not in VARIANTS:
        from sim.scenario import suggest
        from sim.scenario.errors import one_line

        reading = [v.id for v in VARIANTS.values() if dispute in v.readings]
        hint = f" '{dispute}' is a reading of {reading[0]}." if reading else suggest(dispute, VARIANTS)
        raise UsageError(
            f"--readings: no source dispute {one_line(repr(dispute), 60)}.{hint} "
            f"The disputes are {', '.join(sorted(VARIANTS))}."
        )
    v = VARIANTS[dispute]
    return [v.default, *(r for r in v.readings if r != v.default)]


def prepare_readings(
    base: Scenario | str,
    *scenarios: Scenario | str,
    dispute: str,
    runs: int | None = None,
    seed: int | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Prepared:
    """:func:`compare_readings` checked and ready (its arguments): the dispute, every scenario under every
    reading and each comparison are checked before anything runs; calling it returns the :class:`Readings`."""
    from sim.case.params import VARIANTS

    order = readings_of(dispute)
    v = VARIANTS[dispute]
    b, others = _scenario(base), [_scenario(s) for s in scenarios]
    where = {"runs": runs, "seed": seed, "jobs": jobs, "scheduler": scheduler}
    plans = {r: prepare_comparison(*(_read(s, dispute, r) for s in (b, *others)), **where) for r in order}

    def go(progress) -> Readings:
        docs = {r: plan(progress).doc for r, plan in plans.items()}
        titles = {s.name: s.title for s in (b, *others)}
        unchecked = tuple(s.name for s in (b, *others) if s.predict)
        return Readings(dispute, v.evidence, {r: v.readings[r].note for r in order}, docs, titles, unchecked)

    return Prepared(sum(p.worlds for p in plans.values()), 0, go)


def compare_readings(
    base: Scenario | str,
    *scenarios: Scenario | str,
    dispute: str,
    runs: int | None = None,
    seed: int | None = None,
    progress=None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Readings:
    """Compare ``base`` and ``scenarios`` under each reading of ``dispute`` (the model's default first)."""
    where = {"runs": runs, "seed": seed, "jobs": jobs, "scheduler": scheduler}
    return prepare_readings(base, *scenarios, dispute=dispute, **where)(progress)
