"""Passages of the 2010 blog post (``blog2010``) and rows of the shipped data tables."""

from __future__ import annotations

from sim.case.evidence.registry import BLOG, DATA_FRONT, DATA_README, e

PASSAGES = [
    e(
        "blog.persuasion",
        BLOG,
        "Kim asked for nearly a year before Stalin approved in January 1950; continuous North Korean "
        "persuasion; war was not possible without Stalin's approval",
    ),
    e(
        "blog.swift_war",
        BLOG,
        "Soviet preparation assumed a swift war leaving the US no time to intervene; avoiding a third "
        "world war was Stalin's top priority; involvement kept secret",
    ),
    e(
        "blog.intelligence",
        BLOG,
        "The war let Stalin study US technology (F-86) and so dragged on; he could block an armistice "
        "until his death in March 1953",
    ),
    e("data.front_line", DATA_FRONT, "Dated mean latitude of the line of contact, June 1950 - July 1953"),
    e(
        "data.forces",
        DATA_README,
        "Force orders of magnitude: KPA ~90,000 in June 1950; Pusan UN 141,808 vs KPA 98,000; CPV "
        "200-300,000 at first crossing; peak UN ~0.93-1.1 M and Communist ~1.06-1.2 M in July 1953",
    ),
    e(
        "data.casualties",
        DATA_README,
        "Death tolls by side: US ~36,900; ROK ~138,000; other UN ~3,100; CPV 183,000-400,000+; "
        "KPA 215,000-520,000; Soviet ~300; Korean civilians ~2 million",
    ),
]
