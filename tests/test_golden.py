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
    "air_cover_at_black_sea": "e728a99ef1493a24d0ba22a3f58a00eee07a820b210123ffc18b015cd1e1d510",
    "baseline": "fe41c82141bd54c8d11f13e9a14ade14b12b0dec3c15fa45dfe59dacc1204ffd",
    "ceasefire_accepted_jan_1951": "11052d34e822a10eaed851f8824eba08889793240f6eb057608076875c74525d",
    "china_enters_after_inchon": "53692119ae3a77cf0e4fc1a378aff3151a42f42f1d84be801b4774200fdbad6a",
    "china_enters_before_inchon": "9d2efceb3335b0de3e7d87bcdec0eaee976668ee1c92380061e17d194879984e",
    "china_refuses_12_oct": "40e27233d276d97b911e783ea0f7b006f0602f7b7f055e38abbb2ef0239f90cd",
    "kim_asks_china_first": "ee29a46cd20153fc529790ea09a4c763a1bf8a748de2578422baa42dd07c592e",
    "no_inchon": "2c7e22242cab9040e4b1c25d588cc3287f7cdc9bde7b6db61f1c3235feb42617",
    "no_us_intervention": "5df710d4499a92e8cc24bb4bdc207091eca9199964347041fed07239bab1d8c6",
    "pow_concession_1952": "d9f191d635adbad5db5b75847b2ec6a3ac81ea7f39d95b403b4b1fa8f9abb623",
    "stalin_dies_1952": "5bc9337c191c9c4ff886057c7f3a310e833b5a1254b956624b14229e2206aa49",
    "stalin_lives_to_1956": "42caa1edb83730b6ac600e88ba14fd3ec09f800c308ce1477aa44b259709e86d",
    "stalin_refuses_jan_1950": "5c92bc70f30f22637c97a9bce5f2a82254884c492630ab4f874a483a36c6b884",
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
