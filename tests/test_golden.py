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
    "air_cover_at_black_sea": "a64a55235140b965d5274f506b23e690b5a4859a4e74517c48e10c57a6d4e481",
    "baseline": "529bb90ca17a90ff5e2a41521075992712e2a7ad3a483a76befa4188f17cb3bd",
    "ceasefire_accepted_jan_1951": "f194f09e477ecdf31e08d396acacd12d249d871d9bcbffe01e9d57de2b07e3ff",
    "china_enters_after_inchon": "7f6f2b921f0c55528671a754e78ba529dbc263ce44ecd9f37a05528c39bdddc3",
    "china_enters_before_inchon": "18e7b5b9ed59a54e2a4ad0e79994cc2327bad48c62a961007fedee8801385832",
    "china_refuses_12_oct": "73d2ebdfe73b442bd2e668749557e6901fb1b6035f583d63323d07bb5cbada94",
    "kim_asks_china_first": "ac00ae774e4f9eacc766ad2e49878b0f9fada9a1c126b6e11eabd9cdd9eec579",
    "no_inchon": "5d1bdc735dff4cb85aba8f0d465429d91fadb63ab4ffc4ecea1fea8194548878",
    "no_us_intervention": "5df710d4499a92e8cc24bb4bdc207091eca9199964347041fed07239bab1d8c6",
    "pow_concession_1952": "1cb4f244dd8a1e3c2d08a978ffb981ae71d6817c9a8272f0b0e6bb49d8a19818",
    "stalin_dies_1952": "b41af74e96411d7b98e46db2b19522a4816c4e28604f18a8bb76e5c0114ae3c4",
    "stalin_lives_to_1956": "32f7fd7e574b1d05d57e9b041ac67200ca2aaa4abb6f97671f56b38dd4f5aa23",
    "stalin_refuses_jan_1950": "ffc029abbd809411b982884aef8e3b4d3d34992d4e012cead7dda52c684d78b2",
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
