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
    "air_cover_at_black_sea": "7bfb48912050050d9976d5c2fcaf7c93f2abc5200c13df1e5520433be695b054",
    "baseline": "b03c5df1dcc966fe5e6d37ed7e41fc97dde8ca33e701f4d2cdb1d434c000f3ab",
    "ceasefire_accepted_jan_1951": "d69dbc324acd693ff9a4cdc304645ded3cd81a68bf36a758ac6a1136d633ec43",
    "china_enters_after_inchon": "da0e8d7fc60fc3b5162204d53d50908d522a9867758ec42f50ae62167cdbd0d1",
    "china_enters_before_inchon": "c260cf6e74b8d539db417bb5af1d85f2c8b7a13b1fbcf5f0f84f33244c7f1259",
    "china_refuses_12_oct": "942c01a20260ddf03c78cf2ef814b8de184487149a91b4ac875ddbb270d1ffea",
    "kim_asks_china_first": "f7e8487b5963a6e97aacbd814671388e3e7fdcfc629c852fbf1764014a1378b0",
    "no_inchon": "fc50123bc0daa319aa5bdacbf2ab6fa6cb0e77d91c6c96f8f49d2b37045622f5",
    "no_us_intervention": "447f37ec00d8b91071a84f88c337a1077c794b2e705ee5e15002b7edd9760001",
    "pow_concession_1952": "45445687b1b2ce7eeb73edc56e1eedbbb1839531411dc18b81bde759427e613e",
    "stalin_dies_1952": "f79404f7e5873433c8242eef79d18b7e67323d876f928cc97af0572f69fd7083",
    "stalin_lives_to_1956": "2a18b9e13e3c6841b2cef6b068c0684f013276a06e504503393a1b6b913c0cd3",
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
