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
    "baseline": "8735f511c75e30d101e3f83c92b50ca36fb8f014121df0a9b6cd714d2d9ee80f",
    "ceasefire_accepted_jan_1951": "c5f82e27def665cf8a0e5196a4f4f2ebdb57bb1d45fb31200f0c4f365c78ef26",
    "china_enters_after_inchon": "da0e8d7fc60fc3b5162204d53d50908d522a9867758ec42f50ae62167cdbd0d1",
    "china_enters_before_inchon": "c260cf6e74b8d539db417bb5af1d85f2c8b7a13b1fbcf5f0f84f33244c7f1259",
    "china_refuses_12_oct": "8a23a0162223949ae45f196a6edc1801b9f3c99ae4b8fb0df3188ae55658f74e",
    "kim_asks_china_first": "f4c33cd1a59cdcfed906d7b86b893b959c27b7d2e72ee53340f0b46133fc7a89",
    "no_inchon": "fc50123bc0daa319aa5bdacbf2ab6fa6cb0e77d91c6c96f8f49d2b37045622f5",
    "no_us_intervention": "447f37ec00d8b91071a84f88c337a1077c794b2e705ee5e15002b7edd9760001",
    "pow_concession_1952": "cff6b2a115253d562db73a722152fbdf356a07d07c307852ade420a554efbbb7",
    "stalin_dies_1952": "f9e8ec65e3f1d42361b210ad40046f4cdd863588273094be759cf4bbb0b1e681",
    "stalin_lives_to_1956": "5e89781a123e32686c5ab3a0f722aee73b365a391e855f2cbb35fd4b0cc009f8",
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
