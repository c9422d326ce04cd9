"""Golden results: the SHA-256 of ``outcomes.csv`` for every library scenario, 2,000 worlds, seed 1950.

Any change to these hashes is a change of the model's answers. An engine change
(restructuring, speed) must leave them alone; a model change updates them in
the same commit, with the reason in the commit message (the failure message
prints the new hashes to paste).
"""

import hashlib

import pytest

from sim.api import run_scenario
from sim.output.results import table_text
from sim.scenario import library

GOLDEN = {
    "air_cover_at_black_sea": "c0c644d115c249b0f674d2b54013e3c4d9a801ee5a8584bf10065b3b5bdbd788",
    "baseline": "b29fb476afedb69b30e39419b3c9fc49f5309a5c715ebd3c03b95919cb15f64d",
    "ceasefire_accepted_jan_1951": "39d1e88701a068e66e2ee0d5cfd23b23f2472178ebc8d94a1b7ea090bcbda727",
    "china_enters_after_inchon": "5251f385035cb9b20679dd4a0993900870457164458e73a7a68068739f610a47",
    "china_enters_before_inchon": "0345c44944fa84fbe0526f6c0548b63f0d37fa3e2273e16be4e4a5307dc41316",
    "china_refuses_12_oct": "362237574fbfc141b456a2820565843cbff1236da057e0af24a652d74840da87",
    "kim_asks_china_first": "bcfc27654c182b51522dc03a5d8c3897985671e4644cfe6e3b4210d196e68a96",
    "no_inchon": "a52e7cd5ab07df3558a80b305b8e5e6c926f92a3bf65087df8a392f0f7d86c86",
    "no_us_intervention": "447f37ec00d8b91071a84f88c337a1077c794b2e705ee5e15002b7edd9760001",
    "pow_concession_1952": "d6b788838cf489737263864e3f5abf4a51fe287be71170e8dd5155bd01180eba",
    "stalin_dies_1952": "bc584e3c672df577226063a5c26e5521f480e9045c0ea90151a62a96187a1ef0",
    "stalin_lives_to_1956": "ca0dc88670bb02a9f39e6a7a45ea3d93d2b1580c6e016bd89d18a3101584ee31",
    "stalin_refuses_jan_1950": "52b4294322f8f2ecb06a7013468f39a7dbb313c38ee7ed5d90ac7fcb9f62468c",
}


def _digest(name: str) -> str:
    ens = run_scenario(name, runs=2000, seed=1950)
    return hashlib.sha256(table_text(ens.columns).encode()).hexdigest()


def test_the_library_is_pinned():
    assert sorted(GOLDEN) == sorted(library())


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_outcome_table_is_unchanged(name):
    got = _digest(name)
    assert got == GOLDEN[name], f'the model\'s answers changed: "{name}": "{got}",'
