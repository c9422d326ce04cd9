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
    "air_cover_at_black_sea": "9d8fd31670edc48f6a331870523dfc0804939af17d81aff4d93532779c1a7175",
    "baseline": "5cdc572fb465fbc89adeb899a1864b5283ed5b4b2cce21a0a67fe2fabbb67f3f",
    "ceasefire_accepted_jan_1951": "558262361f9da9ca4c3c603053cb10311c452df185a31b51832142677cf9783f",
    "china_enters_after_inchon": "ad57d34203b8601c92feb2c7c453bf7508905e78ad73527504c316d1d4e0d2e5",
    "china_enters_before_inchon": "a5e7476b5ee3b6b2438d3e8c0ee62e96a28a9e05c9b1255fcf8db43750fdec34",
    "china_refuses_12_oct": "9f1a5bb12249466c3458beeaaab27bc9ca2702d6f7b1502f06203324f0dfca3b",
    "kim_asks_china_first": "56daf71e805721b4d180ae81023171c9ae8a06370aaad46a1cc46f9544e30179",
    "no_inchon": "4f74af0884d11412d55ce6d5ae8f357ce8bcf8f94b3c208d7de1657edfae34d2",
    "no_us_intervention": "447f37ec00d8b91071a84f88c337a1077c794b2e705ee5e15002b7edd9760001",
    "pow_concession_1952": "5b2467ba650b77070e825a7c81186cb6596434b8020e9f8b1f2da2851a765e4f",
    "stalin_dies_1952": "cc56b0189ffc8adbc46caf76b5fd4c2a364dfdd763cb1dc647b0c5b8f8d2f510",
    "stalin_lives_to_1956": "1e9b2988b82d5978b508c9511352c40d2efc45e858b68c67ef9903afbec16377",
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
