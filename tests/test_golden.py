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
    "air_cover_at_black_sea": "9553c64bf051d7a41d0ef111ff3077b48ac0a10168dbdbda198c4152d8be4589",
    "baseline": "baab2c380c38949eed482bfd55f804d9282523a395177bf7c06718141f49f0f2",
    "ceasefire_accepted_jan_1951": "b73f7c7ca507c1bfca6be7ebfb98b0b5b249184e52ebea5d1c3271e35115a263",
    "china_enters_after_inchon": "ead3c2ab6a7a7e7807b35f358211155003fa7b0168e8eb2858c7efe91c6ca07a",
    "china_enters_before_inchon": "a5e7476b5ee3b6b2438d3e8c0ee62e96a28a9e05c9b1255fcf8db43750fdec34",
    "china_refuses_12_oct": "b8bf533923a27dd8e44d000d7b8943ebbd1bc7b6f89b8a33a9f6b281cec9a07b",
    "kim_asks_china_first": "fbc087a5f9f903f425186ae56f4985e0e41da2414362de91134fc71b20512f03",
    "no_inchon": "1817f6975b368cfde0c8e06ff66458e98fc46393b141825795dbf363b53911fa",
    "no_us_intervention": "447f37ec00d8b91071a84f88c337a1077c794b2e705ee5e15002b7edd9760001",
    "pow_concession_1952": "844f9d5d80f3711dbca7a1f5527b4e9f8245521dca05a226ac5637557c3fc594",
    "stalin_dies_1952": "e66094f6deedf3f58bc76ecb1cec8388419951bddd94ec9d38767f08cf60d525",
    "stalin_lives_to_1956": "512c891b7535fd374cb8d76ca4ebba199981b49be1870fa2cfb69f92866c5047",
    "stalin_refuses_jan_1950": "34a904f61d6919cccdadbb3e9b25886e642724dc6e416eeca59ade3873e7457c",
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
