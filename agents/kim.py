"""Kim Il-sung: presses for war, fears Chinese hegemony."""

from agents.base import Leader, Term


class Kim(Leader):
    """Leader of the DPRK."""

    key = "kim"
    name = "Kim Il-sung"
    role = "Leader of the DPRK"
    terms = (
        Term("reunify_by_force", "reunifying Korea under the North by force", "strong", "essay.kim_requests"),
        Term(
            "fear_of_failure", "chance the attack fails (1 - chance of a quick win)", "weak", "essay.stalin_conditions"
        ),
        Term(
            "fear_chinese_hegemony",
            "letting Chinese troops and influence into Korea",
            "strong",
            "int001.kim_asks_moscow",
        ),
        Term(
            "stalin_stipulation",
            "Stalin's April instruction to turn to China for help",
            "moderate",
            "int001.stalin_terrified",
        ),
    )
