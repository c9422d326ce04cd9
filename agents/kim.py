"""Kim Il-sung: presses for war, fears Chinese hegemony, wants the war ended by 1952.

Kim wanted Korea reunified under the North by force and pressed Stalin for
about a year until he approved (essay.kim_requests, blog.persuasion); but the
DPRK depended on the USSR economically, politically and militarily, so he
could attack only with Soviet backing and preparation (essay.dprk_dependence).
Facing defeat in October 1950 he asked Stalin for Soviet troops before he
turned to Mao, although Stalin had told him in April to look to China for
help: China had lorded it over Korea for centuries, and he feared Chinese
troops would undermine his hold on power (int001.kim_asks_moscow,
int001.stalin_terrified, essay.kim_fears_china). From early 1952 he wanted
the war ended so that the bombing would stop, and urged Beijing to concede
on prisoners (essay.war_weariness, shen.pow); that choice was Mao's, and
Kim's wish enters it as pressure on Mao.
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
            "soviet_dependence",
            "waiting until the Soviet-backed preparation promises a quick win (1 - chance of a quick win)",
            "moderate",
            "essay.dprk_dependence",
        ),
        Term(
            "fear_chinese_hegemony",
            "letting Chinese troops and influence into Korea",
            "strong",
            "int001.kim_asks_moscow",
        ),
        Term(
            "stalin_stipulation",
            "Stalin's April instruction to turn to China for help, the more urgent as the regime collapses",
            "moderate",
            "int001.stalin_terrified",
        ),
    )
    decides = ("invasion", "kim_appeal")
