"""Every weight and probability cites evidence; every evidence id resolves and is used."""

from pathlib import Path

import pytest

from agents import LEADERS, LEVELS, Leader, Term
from sim import case
from sim.case import military
from sim.case.bibliography import REFERENCES, SEED_FILES, SOURCE_LABELS
from sim.case.evidence import REGISTRY, cite
from sim.case.params import PARAMS, VARIANTS

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def cited_ids() -> set[str]:
    ids = {t.evidence for cls in LEADERS.values() for t in cls.terms}
    ids |= {p.evidence for p in PARAMS.values()}
    ids |= {v.evidence for v in VARIANTS.values()}
    ids |= {e for n in case.NODES for e in n.evidence}
    ids |= set(military.EVIDENCE.values())
    return ids


def test_every_military_constant_cites_evidence():
    import dataclasses

    fields = {f.name for f in dataclasses.fields(military.Military)}
    assert fields == set(military.EVIDENCE)


def test_every_cited_id_resolves():
    missing = cited_ids() - set(REGISTRY)
    assert not missing, f"dangling evidence ids: {sorted(missing)}"


def test_every_registered_passage_is_used():
    unused = set(REGISTRY) - cited_ids()
    assert not unused, f"evidence ids nothing cites: {sorted(unused)}"


def test_every_node_cites_evidence():
    assert all(n.evidence for n in case.NODES)


def test_sources_are_known_files():
    for ev in REGISTRY.values():
        assert ev.source in SOURCE_LABELS
        assert ev.topic and len(ev.topic) > 20
    assert set(REFERENCES) == set(SOURCE_LABELS)


@pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(),
    reason="the source texts are not available here; citation passages not checked against them",
)
def test_seed_files_exist_in_the_brief():
    for name in SEED_FILES:
        assert (SHARED_SEEDS / name).is_file(), name


def test_an_uncited_term_is_refused():
    class Uncited(Leader):
        key = "uncited"
        terms = (Term("x", "something", "strong", "no.such.id"),)

    with pytest.raises(ValueError, match="not registered"):
        case.check_citations({"uncited": Uncited})
    with pytest.raises(ValueError, match="level"):
        Term("x", "something", "huge", "essay.pow")


def test_cite_names_known_ids_on_error():
    with pytest.raises(KeyError, match=r"essay\.pow"):
        cite("nope")


def test_every_feature_term_belongs_to_its_decider():
    for node in case.DECISIONS:
        terms = {t.name for t in LEADERS[node.decider].terms}
        import numpy as np

        from sim.analysis.simulate import model as make_model

        m = make_model(np.arange(3), 1)
        v = m.state.view(np.arange(3))
        v.day = np.full(3, node.start)
        for option, feats in node.features(v).items():
            assert option in node.options, (node.id, option)
            unknown = set(feats) - terms
            assert not unknown, f"{node.id}: {node.decider} has no terms {unknown}"


def test_term_ranges_follow_the_documented_scale():
    for cls in LEADERS.values():
        for t in cls.terms:
            assert t.range == LEVELS[t.level]
