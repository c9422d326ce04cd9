"""Deciders who appear at few points: the post-Stalin leadership and Syngman Rhee."""

from agents.base import Leader, Term


class SovietCollective(Leader):
    """The collective leadership in Moscow after Stalin's death."""

    key = "soviet_collective"
    name = "Post-Stalin collective leadership"
    role = "Soviet leadership after Stalin"
    terms = (
        Term(
            "domestic_instability",
            "danger at home and among themselves of keeping the war going",
            "strong",
            "int000.post_stalin",
        ),
        Term(
            "prolong_benefits",
            "Stalin's reasons to prolong the stalemate, as inherited",
            "weak",
            "int000.stalin_stalemate",
        ),
    )


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
            "int000.post_stalin",
        ),
    )
