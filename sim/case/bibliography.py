"""The bibliography: the five sources of the case and the shipped data tables, cited by key.

Users of the tool do not have the source texts, so every citation names a
bibliography key (``weathersby2003stalemate``, ``shen2020`` ...) that
resolves here to author, title, publisher, year and address where public.
``SEED_FILES`` maps each key to its file in the project brief's ``seeds/``
folder, which the tests use to check cited passages when the texts are at
hand.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One bibliography entry."""

    key: str
    author: str
    title: str
    container: str
    publisher: str
    year: str
    address: str = ""
    short: str = ""  # how the tool names it in running text

    def __str__(self) -> str:
        parts = [self.author, f"'{self.title}'", self.container, self.publisher, self.year, self.address]
        return ", ".join(p for p in parts if p)


_RADIOWORKS = "in Korea: The Unfinished War (experts' interviews 'What Communist Leaders Were Thinking')"
BIBLIOGRAPHY: dict[str, Reference] = {
    r.key: r
    for r in (
        Reference(
            "weathersby2003stalemate",
            "Kathryn Weathersby, interviewed by John Biewen",
            "The Stalemate",
            _RADIOWORKS,
            "American RadioWorks, American Public Media",
            "July 2003",
            "americanradioworks.publicradio.org/features/korea/",
            "Weathersby (2003), 'The Stalemate'",
        ),
        Reference(
            "weathersby2003saving",
            "Kathryn Weathersby, interviewed by John Biewen",
            "Saving North Korea",
            _RADIOWORKS,
            "American RadioWorks, American Public Media",
            "July 2003",
            "americanradioworks.publicradio.org/features/korea/",
            "Weathersby (2003), 'Saving North Korea'",
        ),
        Reference(
            "weathersby-essay",
            "Kathryn Weathersby",
            "The US, the USSR, and the Korean War",
            "essay published online (the copy names no publisher or date)",
            "",
            "n.d.",
            "",
            "Weathersby, 'The US, the USSR, and the Korean War' (essay)",
        ),
        Reference(
            "shen2020",
            "Shen Zhihua",
            "Differences and Cooperation During the Korean War, 1950-1953",
            "book chapter in the China Connections series",
            "Palgrave Macmillan",
            "2020",
            "",
            "Shen (2020)",
        ),
        Reference(
            "blog2010",
            "anonymous",
            "Russia's role in the Korean War",
            "blog post",
            "",
            "25 March 2010",
            "",
            "Blog post (2010)",
        ),
        Reference(
            "data-front",
            "the korea-whatif developers, from US Army Center of Military History narratives (Appleman, "
            "Schnabel, Mossman)",
            "Dated mean latitude of the line of contact, June 1950 - July 1953",
            "shipped table sim/case/data/historical_front_line.csv",
            "",
            "2026",
            "",
            "Historical front line (shipped table)",
        ),
        Reference(
            "data-magnitudes",
            "the korea-whatif developers, from US DoD, ROK Ministry of Defense, Xinhua, UNC, CMH and Russian figures",
            "Orders of magnitude for forces and casualties",
            "shipped table sim/case/data/README.md",
            "",
            "2026",
            "",
            "Orders of magnitude (shipped table)",
        ),
    )
}
SEED_FILES: dict[str, str] = {
    "weathersby2003stalemate": "000_84d4a97f36155027.txt",
    "weathersby2003saving": "001_ce70b9a70bcafa8a.txt",
    "weathersby-essay": "002_32912c7ff249b147.txt",
    "shen2020": "003_86a94703cb6da9c2.txt",
    "blog2010": "004_f119ad642fe1de44.txt",
}


def text() -> str:
    """The bibliography as plain text, one entry a line, by key."""
    return "\n".join(f"[{key}] {ref}" for key, ref in BIBLIOGRAPHY.items())
