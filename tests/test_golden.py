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
    "air_cover_at_black_sea": "19582b7457efe9f42c4be6cbf81cdcc2be796259467d42e99afe94d1dd253ccf",
    "baseline": "42d6765eebaba1efcdd852fb68a557ff0f914b6a02a78392aa3a6e750f79ced0",
    "ceasefire_accepted_jan_1951": "ac95d3fd0de60a5b6ba6390cc9dfaa5106aa77bad0bd964a7400189590d5497b",
    "china_enters_after_inchon": "7f6f2b921f0c55528671a754e78ba529dbc263ce44ecd9f37a05528c39bdddc3",
    "china_enters_before_inchon": "18e7b5b9ed59a54e2a4ad0e79994cc2327bad48c62a961007fedee8801385832",
    "china_refuses_12_oct": "73d2ebdfe73b442bd2e668749557e6901fb1b6035f583d63323d07bb5cbada94",
    "kim_asks_china_first": "8f3f630d3d4484daabca0f6b9949844ab78ecd12b94ce9762f01678e1bab3c4c",
    "no_inchon": "5d1bdc735dff4cb85aba8f0d465429d91fadb63ab4ffc4ecea1fea8194548878",
    "no_us_intervention": "5df710d4499a92e8cc24bb4bdc207091eca9199964347041fed07239bab1d8c6",
    "pow_concession_1952": "d125faa82768408ab832f06a32c262fbdcb9850a88504df04f6b92cbe03ed619",
    "stalin_dies_1952": "9eaaaf6a2a6d06a790a49259873a16cf275f13b51ec3fe3e62670a945236799d",
    "stalin_lives_to_1956": "2da7d0d985224ea6786cffc55b445db04dc339e8ac253291087eb136ac7a839d",
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
