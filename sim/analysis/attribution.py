"""Which of a world's choices made its outcome: Shapley values over "this choice vs its alternative", and but-for tests.

The players are the decision points on a world's path (their first
occurrence; points a scenario forces or forbids are left out, and so are
chance nodes: they are dice, not choices), or the points a user names. Each
player has two settings: its **actual** choice in this world, or its
**alternative** (the option the model found next most likely there). For a
coalition S of players, v(S) is the outcome of the same world (the same dice)
with the players in S forced to their actual choice and the others forced to
their alternative, as the scenario language's ``force`` (its first occurrence)
would; points that are not players choose by the leaders' own preferences.
The Shapley value of a player is its marginal contribution averaged over
every order of adding players (Shapley 1953): the values add up to v(all) -
v(none), the outcome of this world minus that of the world where every
player's choice went the other way. Up to :data:`EXACT_MAX` players they are
exact; beyond, averaged over random orders (Castro, Gomez & Tejada 2009),
with a standard error.

The but-for test (Halpern & Pearl's actual causation, the but-for case):
switch one player's choice to its alternative, leave every other point free;
if the outcome changes, that choice was a but-for cause. When no single switch
changes a yes/no outcome, pairs are searched (a joint cause, the outcome
being overdetermined).

Every variant of the world is one row of a vectorised model
(``rows.run_rows`` with per-row forcing), so hundreds of variants cost about
one small ensemble.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from sim.analysis import rows
from sim.analysis.measures import Measure
from sim.case import KOREA
from sim.engine.nodes import DecisionPoint
from sim.engine.spec import CaseSpec, SetupLike

EXACT_MAX = 10  # players up to which Shapley values are computed over every coalition
PERMUTATIONS = 200

Value = Callable[[np.ndarray], np.ndarray]  # coalitions (c, n) bool -> value per coalition


# ------------------------------------------------------------------ Shapley values of any game
def shapley_exact(n: int, value: Value) -> np.ndarray:
    """Exact Shapley values of an ``n``-player game from its value on every coalition (2^n of them)."""
    masks = np.arange(2**n)
    coalitions = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)
    v = np.asarray(value(coalitions), dtype=float)
    size = coalitions.sum(axis=1)
    weight = np.array([math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n) for s in range(n)])
    phi = np.zeros(n)
    for i in range(n):
        without = ~coalitions[:, i]
        phi[i] = np.sum(weight[size[without]] * (v[masks[without] | (1 << i)] - v[without]))
    return phi


def permutation_coalitions(n: int, permutations: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(orders (k, n), coalitions (k, n + 1, n)): each order's growing chain of coalitions, from none to all."""
    orders = np.array([rng.permutation(n) for _ in range(permutations)], dtype=np.int64).reshape(permutations, n)
    chains = np.zeros((permutations, n + 1, n), bool)
    for step in range(1, n + 1):
        chains[:, step] = chains[:, step - 1]
        chains[np.arange(permutations), step, orders[:, step - 1]] = True
    return orders, chains


def shapley_from_chains(orders: np.ndarray, chain_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shapley estimates and standard errors from each order's chain values (k, n + 1)."""
    k, n = orders.shape
    marginal = np.zeros((k, n))
    marginal[np.arange(k)[:, None], orders] = np.diff(chain_values, axis=1)
    se = marginal.std(axis=0, ddof=1) / math.sqrt(k) if k > 1 else np.full(n, np.nan)
    return marginal.mean(axis=0), se


def shapley_sampled(n: int, value: Value, permutations: int, rng: np.random.Generator):
    """Shapley values averaged over random orders; returns (values, standard errors)."""
    orders, chains = permutation_coalitions(n, permutations, rng)
    flat = chains.reshape(-1, n)
    unique, back = np.unique(flat, axis=0, return_inverse=True)
    v = np.asarray(value(unique), dtype=float)[back.ravel()].reshape(permutations, n + 1)
    return shapley_from_chains(orders, v)


# ------------------------------------------------------------------ the players of a world
@dataclass(frozen=True)
class Player:
    """A decision point on a world's path: its actual choice and the alternative it is played against."""

    point: str
    title: str
    decider: str
    date: str
    options: tuple[str, ...]
    actual: str
    alternative: str
    p_actual: float


def path(setup: SetupLike, seed: int, world: int, case: CaseSpec = KOREA, points: Sequence[str] | None = None):
    """The players of world ``world``: its decisions' first occurrences (or ``points``), in the order they fired."""
    model = rows.RowsModel(rows.rows_case(case), np.array([world]), seed, setup, trace=True).run()
    by_id = {n.id: n for n in case.nodes}
    out, seen = [], set()
    for e in model.trace:
        node = by_id[e["node"]]
        if e["node"] in seen or not isinstance(node, DecisionPoint) or e.get("rule"):
            continue
        seen.add(e["node"])
        if points is not None and e["node"] not in points:
            continue
        p = dict(zip(e["options"], e["probabilities"], strict=True))
        others = [o for o in e["options"] if o != e["choice"] and p[o] > 0]
        if not others:
            continue
        alt = max(others, key=lambda o: (p[o], -e["options"].index(o)))
        out.append(
            Player(
                e["node"], node.title, e["decider"], e["date"], tuple(e["options"]), e["choice"], alt, p[e["choice"]]
            )
        )
    return out


# ------------------------------------------------------------------ evaluating variants of worlds
@dataclass
class Variants:
    """Rows to simulate: a world index and forced options per row, built world by world."""

    worlds: list[int] = field(default_factory=list)
    forcing: dict[str, list[int]] = field(default_factory=dict)

    def add(self, world: int, players: Sequence[Player], setting: np.ndarray) -> None:
        """Rows of ``world``: ``setting`` (c, n) holds 1 (actual), 0 (alternative) or -1 (free) per player."""
        start = len(self.worlds)
        self.worlds += [world] * len(setting)
        for j, pl in enumerate(players):
            col = self.forcing.setdefault(pl.point, [-1] * start)
            opts = (pl.options.index(pl.alternative), pl.options.index(pl.actual))
            col += [opts[s] if s >= 0 else -1 for s in setting[:, j]]
        for col in self.forcing.values():
            col += [-1] * (len(self.worlds) - len(col))

    def run(self, setup: SetupLike, seed: int, measure: Measure, case: CaseSpec = KOREA) -> np.ndarray:
        forcing = {k: np.array(v, dtype=np.int64) for k, v in self.forcing.items()}
        cols = rows.run_rows(setup, seed, np.array(self.worlds), forcing=forcing, case=case)
        return measure.per_world(cols, setup.horizon)


# ------------------------------------------------------------------ attributing worlds
@dataclass
class WorldAttribution:
    """One world's attribution: Shapley values and but-for effects per player.

    ``all_alternative`` is v(none), every player switched; ``shapley`` adds up
    to ``all_actual - all_alternative``; ``se`` is None when exact; ``but_for``
    is the outcome with that player alone switched (the rest free); ``pairs``
    the pairs of players whose joint switch changes a yes/no outcome that no
    single switch changes.
    """

    world: int
    players: list[Player]
    factual: float
    all_actual: float
    all_alternative: float
    shapley: np.ndarray
    se: np.ndarray | None
    but_for: np.ndarray
    pairs: list[tuple[int, int]] = field(default_factory=list)

    def but_for_causes(self) -> list[int]:
        return [j for j, y in enumerate(self.but_for) if y != self.factual]


@dataclass
class Plan:
    """The rows of one world: where its free, but-for and Shapley rows sit among all rows."""

    world: int
    players: list[Player]
    start: int
    n_coalitions: int
    orders: np.ndarray | None
    back: np.ndarray | None


def _plan(variants: Variants, world: int, players: list[Player], permutations: int, seed: int) -> Plan:
    n = len(players)
    start = len(variants.worlds)
    variants.add(world, players, np.full((1, n), -1))  # the world itself
    variants.add(world, players, np.where(np.eye(n, dtype=bool), 0, -1))  # but-for: one switched, the rest free
    if n <= EXACT_MAX:
        masks = np.arange(2**n)
        coalitions = ((masks[:, None] >> np.arange(n)) & 1).astype(int)
        variants.add(world, players, coalitions)
        return Plan(world, players, start, len(coalitions), None, None)
    rng = np.random.default_rng([int(seed) % 2**63, int(world), 13])
    orders, chains = permutation_coalitions(n, permutations, rng)
    unique, back = np.unique(chains.reshape(-1, n), axis=0, return_inverse=True)
    variants.add(world, players, unique.astype(int))
    return Plan(world, players, start, len(unique), orders, back.ravel())


def _finish(plan: Plan, y: np.ndarray) -> WorldAttribution:
    n = len(plan.players)
    factual = float(y[plan.start])
    but_for = y[plan.start + 1 : plan.start + 1 + n]
    v = y[plan.start + 1 + n : plan.start + 1 + n + plan.n_coalitions]
    if plan.orders is None:
        phi, se = shapley_exact(n, lambda c: v[(c * (1 << np.arange(n))).sum(axis=1)]), None
        none, full = float(v[0]), float(v[-1])
    else:
        chain_values = v[plan.back].reshape(len(plan.orders), n + 1)
        phi, se = shapley_from_chains(plan.orders, chain_values)
        none, full = float(chain_values[0, 0]), float(chain_values[0, -1])
    return WorldAttribution(plan.world, plan.players, factual, full, none, phi, se, but_for.astype(float))


def _pairs(setup, seed, measure, case, done: list[WorldAttribution], limit: int = 60) -> None:
    """For yes/no outcomes no single switch changes: the pairs whose joint switch does (up to ``limit`` players)."""
    todo = [w for w in done if measure.binary and not w.but_for_causes() and 2 <= len(w.players) <= limit]
    if not todo:
        return
    variants, spans = Variants(), []
    for w in todo:
        pairs = list(combinations(range(len(w.players)), 2))
        setting = np.full((len(pairs), len(w.players)), -1)
        for r, (a, b) in enumerate(pairs):
            setting[r, [a, b]] = 0
        spans.append((w, pairs, len(variants.worlds)))
        variants.add(w.world, w.players, setting)
    y = variants.run(setup, seed, measure, case)
    for w, pairs, start in spans:
        w.pairs = [p for r, p in enumerate(pairs) if y[start + r] != w.factual]


def attribute(
    setup: SetupLike,
    seed: int,
    worlds: Sequence[int],
    measure: Measure,
    case: CaseSpec = KOREA,
    points: Sequence[str] | None = None,
    permutations: int = PERMUTATIONS,
    pairs: bool = True,
) -> list[WorldAttribution]:
    """Attribute the outcome of each world among the choices on its path (or among ``points``)."""
    variants, plans = Variants(), []
    for world in worlds:
        players = path(setup, seed, int(world), case, points)
        plans.append(_plan(variants, int(world), players, permutations, seed))
    y = variants.run(setup, seed, measure, case) if variants.worlds else np.zeros(0)
    done = [_finish(p, y) for p in plans]
    if pairs:
        _pairs(setup, seed, measure, case, done)
    return done


def summary(done: Sequence[WorldAttribution]) -> list[dict]:
    """Per decision point over worlds: mean Shapley value (0 where not a player), share of worlds where it is a
    player, share where it is a but-for cause; largest mean |Shapley| first."""
    points: dict[str, dict] = {}
    k = len(done)
    for w in done:
        causes = set(w.but_for_causes())
        for j, pl in enumerate(w.players):
            row = points.setdefault(
                pl.point,
                {
                    "point": pl.point,
                    "title": pl.title,
                    "decider": pl.decider,
                    "shapley": 0.0,
                    "abs_shapley": 0.0,
                    "on_path": 0,
                    "but_for": 0,
                },
            )
            row["shapley"] += float(w.shapley[j]) / k
            row["abs_shapley"] += abs(float(w.shapley[j])) / k
            row["on_path"] += 1
            row["but_for"] += j in causes
    out = sorted(points.values(), key=lambda r: -r["abs_shapley"])
    for r in out:
        r["on_path"] /= k
        r["but_for"] /= k
    return out


@dataclass
class Result:
    """Attributions of one outcome in some worlds of a scenario."""

    scenario: str
    measure: Measure
    seed: int
    permutations: int
    worlds: list[WorldAttribution]

    def summary(self) -> list[dict]:
        return summary(self.worlds)

    def to_doc(self) -> dict:
        def world(w: WorldAttribution) -> dict:
            return {
                "world": w.world,
                "outcome": w.factual,
                "all_switched": w.all_alternative,
                "exact": w.se is None,
                "choices": [
                    {
                        "point": p.point,
                        "date": p.date,
                        "decider": p.decider,
                        "actual": p.actual,
                        "alternative": p.alternative,
                        "shapley": float(w.shapley[j]),
                        "se": None if w.se is None else float(w.se[j]),
                        "but_for_outcome": float(w.but_for[j]),
                    }
                    for j, p in enumerate(w.players)
                ],
                "but_for_causes": [w.players[j].point for j in w.but_for_causes()],
                "joint_causes": [[w.players[a].point, w.players[b].point] for a, b in w.pairs],
            }

        doc = {"scenario": self.scenario, "outcome": self.measure.text, "seed": self.seed}
        doc["worlds"] = [world(w) for w in self.worlds]
        if len(self.worlds) > 1:
            doc["summary"] = self.summary()
        return doc
