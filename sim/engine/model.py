"""The Mesa model: one chunk of worlds stepping through the weekly clock together.

Each tick (7 days) the model first polls the nodes without ``after`` whose
window is open (their conditions read the state at the week's start), then
fires everything due that week in order of its day, the case's causal order
breaking ties within a day, then advances the case's weekly step (the
military sub-model) for the worlds at war. Nodes that run ``after`` another
node or a date variable are put on an agenda keyed by tick when that date is
set. Cost therefore grows with what happens, not with nodes x ticks.

All randomness comes from ``sim.rng`` keyed by (seed, node, world,
occurrence): the model never draws from Mesa's or numpy's global generators.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy as np

from sim.engine import choice, dates, rng
from sim.engine.log import Log
from sim.engine.mesa_core import Model
from sim.engine.nodes import ChanceNode, DecisionPoint, Firing, Node
from sim.engine.spec import CaseSpec, SetupLike
from sim.engine.state import View, WorldState


class WarModel(Model):
    """N worlds of a case under one setup and seed.

    The leaders are Mesa agents of this model (``self.agents``); the model's
    step is the case's calendar rather than a loop over agents, because a
    leader acts only when one of its decision points fires: the point then
    asks its decider to ``decide``.

    Args:
        case: the case (``sim.case.KOREA``).
        worlds: global world indices of this chunk (the keys of its dice).
        seed: the run's seed.
        setup: the scenario's changes (``sim.scenario.Setup``).
        trace: record every firing of world 0 of this chunk (for explanation).
        logs: keep each point's first choice and day per world (``log.first_*``; only reported).
    """

    def __init__(
        self,
        case: CaseSpec,
        worlds: np.ndarray,
        seed: int,
        setup: SetupLike,
        trace: bool = False,
        record_probabilities: bool = False,
        logs: bool = True,
    ) -> None:
        super().__init__(rng=seed)
        self.case = case
        self.seed = int(seed)
        self.worlds = np.asarray(worlds, dtype=np.uint64)
        self.n = len(self.worlds)
        self.setup = setup
        self.params = self.setup.params
        self.state = WorldState(self.n, case.schema)
        self.log = Log(self.n, case.nodes, firsts=logs)
        self.state.log = self.log
        self.state.on_day_set = self._on_day_set
        self.leaders = {key: cls(self) for key, cls in case.leaders.items()}
        self.ticks = dates.tick_days(dates.date(self.setup.horizon))
        self.months = dates.month_starts(dates.date(self.setup.horizon))
        self.monthly = np.full((self.n, len(self.months)), np.nan, dtype=np.float32)
        self._month = 0
        self._param_cache: dict[str, np.ndarray] = {}
        case.init(self)
        self._agenda: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self._due = {nd.id: np.full(self.n, dates.NEVER, np.int32) for nd in case.nodes}
        self._dependents: dict[str, list[Node]] = defaultdict(list)
        for nd in case.nodes:
            if nd.after:
                self._dependents[nd.after[0]].append(nd)
        self._rules = defaultdict(list)
        for r in self.setup.rules:
            self._rules[r.node].append(r)
        self._windows = [(nd, self._window(nd)) for nd in case.nodes]
        self._order = {nd.id: k for k, nd in enumerate(case.nodes)}
        self._dirty: set[str] = set()
        self._tries: dict[str, np.ndarray] = {}
        self.tick = 0
        self.trace: list[dict] | None = [] if trace else None
        self.first_p: dict[str, np.ndarray] | None = {} if record_probabilities else None

    # ------------------------------------------------------------ recorded probabilities
    @property
    def probabilities(self) -> dict[str, np.ndarray]:
        """Node -> mean probability of each option at its first occurrence, over the worlds it reached."""
        return {k: np.nanmean(t, axis=0) for k, t in (self.first_p or {}).items() if not np.isnan(t).all()}

    @property
    def log_probabilities(self) -> dict[str, np.ndarray]:
        """Node -> mean log probability of each option at its first occurrence, over the worlds it reached."""
        return {
            k: np.nanmean(np.log(np.maximum(t, 1e-12)), axis=0)
            for k, t in (self.first_p or {}).items()
            if not np.isnan(t).all()
        }

    # ------------------------------------------------------------ parameters
    def param(self, name: str) -> np.ndarray:
        """Per-world value of a model parameter (keyed draw from its range)."""
        if name not in self._param_cache:
            spec = self.case.params[name]
            lo, hi = self.params.get(name, (spec.low, spec.high))
            if lo == hi:
                value = np.full(self.n, float(lo))
            else:
                value = lo + (hi - lo) * rng.uniform(self.seed, f"param:{name}", self.worlds)
            self._param_cache[name] = value
        return self._param_cache[name]

    def _window(self, node: Node) -> tuple[int, int] | None:
        """A node's firing window in day numbers; None if a scenario removed it."""
        if node.id in self.setup.event_days:
            moved = self.setup.event_days[node.id]
            return None if moved is None else (moved, moved)
        return node.start, node.end

    # ------------------------------------------------------------ scheduling
    def _lag(self, node: Node, idx: np.ndarray) -> np.ndarray:
        lag = node.after[1]
        return self.param(lag)[idx].astype(np.int32) if isinstance(lag, str) else np.int32(lag)

    def _schedule(self, node: Node, idx: np.ndarray, days: np.ndarray) -> None:
        if idx.size == 0:
            return
        self._due[node.id][idx] = days
        first = int(self.ticks[0])
        slot = np.maximum((days - first) // dates.TICK_DAYS, self.tick)
        lo, hi = int(slot.min()), int(slot.max())
        if lo == self.tick:
            self._dirty.add(node.id)
        if lo == hi:
            self._agenda[lo][node.id].append(idx)
            return
        for t in np.unique(slot):
            self._agenda[int(t)][node.id].append(idx[slot == t])

    def _on_day_set(self, name: str, idx: np.ndarray, days: np.ndarray) -> None:
        for nd in self._dependents.get(name, ()):
            ok = days >= 0
            self._schedule(nd, idx[ok], days[ok] + self._lag(nd, idx[ok]))

    # ------------------------------------------------------------ the clock
    def step(self) -> None:
        """One week: the polled conditions on the week's first day, then every firing in order of its day
        (the case's causal order within a day), then the military sub-model and endings."""
        t0 = int(self.ticks[self.tick])
        t1 = t0 + dates.TICK_DAYS
        s = self.state
        war = self.worlds_at_war()
        for node, win in self._windows:
            if win is not None and node.after is None and win[0] < t1 and win[1] >= t0:
                self._poll(node, war, t0, max(t0, win[0]))
        self._fire_week(t1)
        if s.war.any():
            self.case.weekly(self, t0, t1)
        while self._month < len(self.months) and self.months[self._month] < t1:
            self.monthly[:, self._month] = getattr(s, self.case.series)
            self._month += 1
        self.tick += 1

    def _fire_week(self, t1: int) -> None:
        """Fire what is due this week, earliest day first (causal order within a day).

        A firing may schedule more for this week; the heap always holds each
        node's earliest due day, so nothing fires out of its day's order.
        """
        agenda = self._agenda.setdefault(self.tick, defaultdict(list))
        heap: list[tuple[int, int, str]] = []
        best: dict[str, int] = {}

        def push(node_id: str) -> None:
            chunks = agenda.get(node_id)
            if not chunks:
                return
            idx = self._distinct(chunks)
            due = self._due[node_id][idx]
            idx, due = idx[due >= 0], due[due >= 0]
            if idx.size == 0:
                del agenda[node_id]
                return
            agenda[node_id] = [idx]
            day = int(due.min())
            if best.get(node_id, 1 << 30) > day:
                best[node_id] = day
                heapq.heappush(heap, (day, self._order[node_id], node_id))

        self._dirty = set()
        for node_id in list(agenda):
            push(node_id)
        while heap:
            day, _, node_id = heapq.heappop(heap)
            if best.get(node_id) != day:
                continue  # superseded by an earlier day, already fired
            del best[node_id]
            idx = agenda.pop(node_id)[0]
            due = self._due[node_id][idx]
            rest, later = idx[(due > day) & (due < t1)], idx[due >= t1]
            if rest.size:
                agenda[node_id].append(rest)
                self._dirty.add(node_id)
            if later.size:
                self._agenda[self.tick + 1][node_id].append(later)
            node, win = self._windows[self._order[node_id]]
            if win is not None and day < t1:  # a day beyond the week: rescheduled later, its worlds are in ``later``
                self._fire_due(node, idx[due == day], day, win)
            dirty, self._dirty = self._dirty, set()
            for other in dirty:
                push(other)
        self._agenda.pop(self.tick, None)

    def run(self, on_tick=None) -> WarModel:
        """Step to the horizon; ``on_tick(fraction)`` is told each week's share of the run."""
        while self.tick < len(self.ticks):
            self.step()
            if on_tick:
                on_tick(1.0 / len(self.ticks))
        return self

    def _distinct(self, chunks: list[np.ndarray]) -> np.ndarray:
        if len(chunks) == 1:
            return chunks[0]
        mark = np.zeros(self.n, bool)
        for c in chunks:
            mark[c] = True
        return np.flatnonzero(mark)

    def worlds_at_war(self) -> np.ndarray | None:
        """The worlds at war as indices when they are a quarter of the chunk or fewer, else None ("test
        every world": then whole-array tests cost less than gathering; the same worlds qualify either way)."""
        war = self.state.war
        at_war = int(np.count_nonzero(war))
        return np.flatnonzero(war) if at_war <= self.n // 4 else None

    def _poll(self, node: Node, war: np.ndarray | None, t0: int, day: int) -> None:
        """Schedule the worlds whose condition for ``node`` holds this week.

        ``war``: the worlds at war when they are few (``worlds_at_war``); a node of
        scope ``"war"`` then tests only those, the same worlds a whole-array
        test would schedule, at less cost.
        """
        sub = war if node.scope == "war" and war is not None else None
        if sub is not None and sub.size == 0:
            return
        count, due = self.log.count[node.id], self._due[node.id]
        ok = (count < node.max_times) & (due < 0) if sub is None else (count[sub] < node.max_times) & (due[sub] < 0)
        if node.scope == "war" and sub is None:
            ok &= self.state.war
        if node.every:
            last = self.log.last_day[node.id] if sub is None else self.log.last_day[node.id][sub]
            ok &= (last < 0) | (last + node.every < t0 + dates.TICK_DAYS)
        if not ok.any():
            return
        v = self.state.view(sub)
        v.day = day
        idx = np.flatnonzero(ok & node.when(v))
        if sub is not None:
            idx = sub[idx]
        if idx.size:
            days = np.full(idx.size, day, np.int32)
            if node.every:
                last = self.log.last_day[node.id][idx]
                days = np.where(last >= 0, np.maximum(days, last + node.every), days).astype(np.int32)
            self._schedule(node, idx, days)

    def _fire_due(self, node: Node, idx: np.ndarray, day: int, win: tuple[int, int]) -> None:
        """Fire ``node`` on ``day`` in the worlds ``idx`` it is due in, where its window, the horizon, its
        ``max_times`` and its condition (checked again now) allow."""
        self._due[node.id][idx] = dates.NEVER
        if not win[0] <= day <= min(win[1], self.setup.horizon):
            return
        idx = idx[self.log.count[node.id][idx] < node.max_times]
        if idx.size == 0:
            return
        days = np.full(idx.size, day, np.int32)
        view = self._view(idx, days)
        ok = node.when(view) & self._in_office(node, view)
        if node.every and node.after and not ok.all():
            self._retry(node, idx[~ok], days[~ok])
        if ok is True or ok.all():
            self._fire(node, idx, days, view)
        elif ok.any():
            self._fire(node, idx[ok], days[ok])

    def _in_office(self, node: Node, view: View) -> np.ndarray | bool:
        """Whether the point's decider is alive and in office (its ``office`` state flag); True for other nodes."""
        office = getattr(self.leaders.get(getattr(node, "decider", "")), "office", None)
        if not office:
            return True
        flag = getattr(view, office.lstrip("~"))
        return ~flag if office.startswith("~") else flag

    def _retry(self, node: Node, idx: np.ndarray, days: np.ndarray) -> None:
        """A repeating scheduled node whose condition failed is asked again ``every`` days later.

        Each world gets at most ``max_times`` such tries (fired or not), so a
        condition that never comes true costs a bounded number of checks.
        """
        tries = self._tries.setdefault(node.id, np.zeros(self.n, np.int16))
        tries[idx] += 1
        again = tries[idx] + self.log.count[node.id][idx] < node.max_times
        if node.scope == "war":
            again &= self.state.war[idx]
        self._schedule(node, idx[again], days[again] + node.every)

    def _view(self, idx: np.ndarray, days: np.ndarray) -> View:
        v = self.state.view(idx)
        v.day = days
        return v

    # ------------------------------------------------------------ choosing
    def _fire(self, node: Node, idx: np.ndarray, days: np.ndarray, view: View | None = None) -> None:
        """Choose an option in each world ``idx`` on ``days`` and apply its effect; ``view``: the state of
        those worlds, if already made (it reads the state before the effect)."""
        k = len(node.options)
        view = self._view(idx, days) if view is None else view
        occurrence = self.log.count[node.id][idx]
        contrib = allowed = None
        if isinstance(node, DecisionPoint):
            allowed = self._allowed(node, idx, days, occurrence)
            explain = self.trace is not None
            p, utilities, contrib = self.leaders[node.decider].decide(node, view, allowed, explain=explain)
        elif isinstance(node, ChanceNode):
            probs = node.probabilities(view, self)
            p = np.column_stack([np.broadcast_to(probs[o], idx.shape) for o in node.options])
            utilities = None
        else:
            p = np.ones((idx.size, 1))
            utilities = None
        forced = self._forced(node, idx, days, occurrence)
        key = rng.stream_key(self.seed, f"choice:{node.id}")
        chosen, u = choice.choose(p, key, self.worlds[idx], occurrence, forced)
        if self.first_p is not None:
            first = occurrence == 0
            table = self.first_p.setdefault(node.id, np.full((self.n, k), np.nan))
            table[idx[first]] = p[first]
        self.log.record(node.id, idx, days, chosen)
        if self.trace is not None and idx.size and idx[0] == 0:
            was_forced = forced[0] >= 0 or (allowed is not None and not allowed[0].all())
            self._record_trace(node, days[0], p[0], chosen[0], was_forced, utilities, contrib, u[0])
            self.trace[-1]["rule"] = "forced" if forced[0] >= 0 else ("forbidden" if was_forced else None)
        node.effect(Firing(self, idx, days, chosen, node.options))
        for dep in self._dependents.get(node.id, ()):
            self._schedule(dep, idx, days + self._lag(dep, idx))
        if node.every and node.after:  # repeating scheduled node: ask again later
            again = self.log.count[node.id][idx] < node.max_times
            self._schedule(node, idx[again], days[again] + node.every)

    def _active_rules(self, node: Node, mode: str, days: np.ndarray, occurrence: np.ndarray):
        for r in self._rules.get(node.id, ()):
            if r.mode == mode:
                on = (days >= r.start) & (days <= r.end)
                yield r, (on & (occurrence == 0)) if r.once else on

    def _allowed(self, node, idx, days, occurrence) -> np.ndarray | None:
        allowed = None
        for r, on in self._active_rules(node, "forbid", days, occurrence):
            if allowed is None:
                allowed = np.ones((idx.size, len(node.options)), bool)
            allowed[on, node.options.index(r.option)] = False
        return allowed

    def _forced(self, node, idx, days, occurrence) -> np.ndarray:
        forced = np.full(idx.size, -1, np.int8)
        for r, on in self._active_rules(node, "force", days, occurrence):
            forced[on] = node.options.index(r.option)
        return forced

    def _record_trace(self, node, day, p, chosen, was_forced, utilities, contrib, u) -> None:
        entry = {
            "node": node.id,
            "kind": node.kind,
            "title": node.title,
            "date": dates.iso(day),
            "documented_date": node.dated,  # what a dated title names (None: undated); ``date``: this world
            "decider": getattr(node, "decider", None),
            "options": list(node.options),
            "probabilities": [float(x) for x in p],
            "choice": node.options[chosen],
            "forced": bool(was_forced),
            "draw": float(u),
            "front": round(float(self.state.front[0]), 2),
            "at_war": bool(self.state.war[0]),
        }
        if utilities is not None:
            entry["utilities"] = [float(x) for x in utilities[0]]
            entry["terms"] = {t: [float(x) for x in c[0]] for t, c in contrib.items()}
        self.trace.append(entry)


__all__ = ["Log", "WarModel"]
