"""Deciders who appear at few points: the post-Stalin leadership and Syngman Rhee.

After Stalin's death his successors, unsure the Soviet Union and Eastern
Europe would hold together and afraid of one another, decided within two
weeks that the war was too costly to keep going and told Beijing and
Pyongyang to accept the US position (int000.post_stalin); Stalin's reasons
to prolong the stalemate passed to them only weakly (int000.stalin_stalemate).
Syngman Rhee wanted Korea reunified under the South
(essay.counterattack_only), and his obstinacy stretched the settlement to
July 1953 (int000.post_stalin); his state was American-backed
(essay.rok_backed).
"""

from agents.base import Leader, Term
from agents.terms import prolong_benefits


class SovietCollective(Leader):
    """The collective leadership in Moscow after Stalin's death."""

    key = "soviet_collective"
    name = "Post-Stalin collective leadership"
    role = "Soviet leadership after Stalin"
    office = "~stalin_alive"
    terms = (
        Term(
            "domestic_instability",
            "danger at home and among themselves of keeping the war going",
            "strong",
            "int000.post_stalin",
        ),
        prolong_benefits("weak"),
    )
    decides = ("post_stalin_settle",)


class Rhee(Leader):
    """Syngman Rhee, President of the ROK."""

    key = "rhee"
    name = "Syngman Rhee"
    role = "President of the ROK"
    terms = (
        Term(
            "reunify_under_south",
            "reunifying Korea under the South rather than accept division",
            "strong",
            "essay.counterattack_only",
        ),
        Term("us_dependence", "the ROK's dependence on its American backer", "weak", "essay.rok_backed"),
    )
    decides = ("rhee_obstruction",)
