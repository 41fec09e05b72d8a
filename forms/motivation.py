"""The motivation statements, after table 2 of the CCV guideline.

Residents say how much they agree with each statement. The answers hint at
one of three profiles (normatief, pragmatisch, rationeel), which helps the
municipality and police tailor their support. Used by the registration form
and by the motivation questionnaire.
"""

NORMATIVE = "normatief"
PRAGMATIC = "pragmatisch"
RATIONAL = "rationeel"

PROFILE_LABELS = {
    NORMATIVE: "Normatieve partner",
    PRAGMATIC: "Pragmatische samenwerker",
    RATIONAL: "Rationele vrijwilliger",
}

# (field name, profile, statement) — the wording is ours, the meaning the guideline's.
STATEMENTS = [
    (
        "statement_shared_responsibility",
        NORMATIVE,
        "Ik voel me als bewoner medeverantwoordelijk voor een veilige en leefbare wijk.",
    ),
    ("statement_social_control", NORMATIVE, "Ik wil dat buren beter op elkaar en op de straat letten."),
    ("statement_feedback", PRAGMATIC, "Ik wil horen wat politie en gemeente doen met wat ons team meldt."),
    ("statement_together", PRAGMATIC, "Ik wil samen met mijn buren iets doen voor een fijne, veilige buurt."),
    ("statement_volunteering", RATIONAL, "Vrijwilligerswerk vind ik hoe dan ook de moeite waard."),
    ("statement_results", RATIONAL, "Ik wil zien dat ons team echt iets bereikt."),
]

AGREE_SCALE = [
    (1, "Helemaal mee oneens"),
    (2, "Mee oneens"),
    (3, "Neutraal"),
    (4, "Mee eens"),
    (5, "Helemaal mee eens"),
]


def profile_scores(answers):
    """Average agreement per profile, from ``{field name: 1..5 or None}``; None where unanswered."""
    scores = {}
    for profile in PROFILE_LABELS:
        values = [answers.get(name) for name, p, _ in STATEMENTS if p == profile]
        values = [v for v in values if v]
        scores[profile] = sum(values) / len(values) if values else None
    return scores
