"""The sources of the case: the five documents of the project brief and the shipped data tables.

Evidence ids (``sim.case.evidence``) point at one of these by its file name;
``SOURCE_LABELS`` is how the tool names a source to its users (who do not
have the files), ``REFERENCES`` the full bibliographic entry.
"""

from __future__ import annotations

W_INT_STALEMATE = "000_84d4a97f36155027.txt"
W_INT_SAVING = "001_ce70b9a70bcafa8a.txt"
W_ESSAY = "002_32912c7ff249b147.txt"
SHEN = "003_86a94703cb6da9c2.txt"
BLOG = "004_f119ad642fe1de44.txt"
DATA_FRONT = "sim/case/data/historical_front_line.csv"
DATA_README = "sim/case/data/README.md"

SEED_FILES = (W_INT_STALEMATE, W_INT_SAVING, W_ESSAY, SHEN, BLOG)
SOURCE_LABELS = {
    W_INT_STALEMATE: "Weathersby interview, 'The Stalemate' (2018)",
    W_INT_SAVING: "Weathersby interview, 'Saving North Korea' (2018)",
    W_ESSAY: "Weathersby, 'The US, the USSR, and the Korean War' (essay)",
    SHEN: "Shen Zhihua, 'Differences and Cooperation During the Korean War' (2020)",
    BLOG: "Blog post on Russia's role in the Korean War (2010)",
    DATA_FRONT: "Historical front line (CMH, Appleman, Mossman et al.; shipped table)",
    DATA_README: "Orders of magnitude for forces and casualties (shipped table)",
}
_RADIOWORKS = (
    "in Korea: The Unfinished War, American RadioWorks, American Public Media, July 2003; "
    "americanradioworks.publicradio.org/features/korea/"
)
REFERENCES = {
    W_INT_STALEMATE: "Kathryn Weathersby, interviewed by John Biewen, 'The Stalemate', " + _RADIOWORKS,
    W_INT_SAVING: "Kathryn Weathersby, interviewed by John Biewen, 'Saving North Korea', " + _RADIOWORKS,
    W_ESSAY: "Kathryn Weathersby, 'The US, the USSR, and the Korean War', essay published online",
    SHEN: (
        "Shen Zhihua, 'Differences and Cooperation During the Korean War, 1950-1953', "
        "in the China Connections series, Palgrave Macmillan, 2020"
    ),
    BLOG: "Anonymous blog post on Russia's role in the Korean War, 25 March 2010",
    DATA_FRONT: SOURCE_LABELS[DATA_FRONT],
    DATA_README: SOURCE_LABELS[DATA_README],
}
