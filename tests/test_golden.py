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
    "air_cover_at_black_sea": "3ce2622d2bdc0ed13805e7c8caa344830c030b511b17c0003f796382c2a55713",
    "baseline": "d1641d221754a5b19ce38dd76414811f0e340de262cfc9e9b13485506e011742",
    "ceasefire_accepted_jan_1951": "650f596aec9bee83d1ee907d77488e3c3feecea51d62f616e04575a609cd251a",
    "china_enters_after_inchon": "2704dc1ad2f24d0e8d805b34c3e19c6b7238158f2e9edd5be353b1bb5973d2eb",
    "china_enters_before_inchon": "d4c83444bf831ee2e3b59ee8135093f86d9c1e6e10c9707c6f303d136b3afb42",
    "china_refuses_12_oct": "260dd59ab65e6359c3190d71d6328f06bcfcf49a4f3197767478337e60b4d18f",
    "kim_asks_china_first": "dea23e3a64d335ad3e1a657d196e830fa1a1d7615de59f5dd2e7af1c0ea0c1b8",
    "no_inchon": "5ce442a2f27ce60253ab948c069fea1f1a379182ce66347525db8be4f1d77db5",
    "no_us_intervention": "1c10be1ce0fb4efbb8780cfd54a3e724b91a114d25028a43bb810c73a304bc45",
    "pow_concession_1952": "661e7f3f7fd6330c5c3cc6daba63e1430ce0974c48997eea0417e5bef8e85741",
    "stalin_dies_1952": "72812e413e8f94955de02be90dc19816f845ef389ccfd7d6d564876a6e72ea05",
    "stalin_lives_to_1956": "aefc8d8ed1f80c81705b34d3dfabcf57691afcb4041caf591895460ae57f8d40",
    "stalin_refuses_jan_1950": "ac83fb063ffd950fe702ab70ba5a15019bf60a82440454ec893a9527ba461a9d",
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
