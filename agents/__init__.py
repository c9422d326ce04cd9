"""Leader agents, one class per decider; ``LEADERS`` maps key -> class."""

from agents.base import LEVELS, Leader, Term
from agents.kim import Kim
from agents.mao import Mao, Politburo
from agents.others import Rhee, SovietCollective
from agents.stalin import Stalin
from agents.us import Eisenhower, Truman, UNCommand

LEADERS: dict[str, type[Leader]] = {
    cls.key: cls for cls in (Stalin, Mao, Politburo, Kim, Truman, Eisenhower, UNCommand, SovietCollective, Rhee)
}

__all__ = ["LEADERS", "LEVELS", "Leader", "Term"]
