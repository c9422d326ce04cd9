"""Kim Il-sung: presses for war, fears Chinese hegemony.

Kim wanted Korea reunified under the North by force and pressed Stalin for
about a year until he approved (essay.kim_requests, blog.persuasion); the
risk that the attack would fail weighed on him only lightly, the more so as
Stalin's conditions promised a quick war (essay.stalin_conditions). Facing
defeat in October 1950 he asked Stalin for Soviet troops before he turned to
Mao, although Stalin had told him in April to look to China for help: China
had lorded it over Korea for centuries, and he feared Chinese troops would
undermine his hold on power (int001.kim_asks_moscow, int001.stalin_terrified,
essay.kim_fears_china). In 1952 he urged concessions on prisoners to end the
bombing (shen.pow, essay.war_weariness), but that choice was Mao's.
"""

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
    decides = ("invasion", "kim_appeal")
