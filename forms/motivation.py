"""The motivation statements, after table 2 of the CCV guideline.

Residents say how much they agree with each statement. The answers hint at
one of three profiles (normatief, pragmatisch, rationeel), which helps the
municipality and police tailor their support. Used by the registration form
and by the motivation questionnaire.
"""

import math
from fractions import Fraction

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


# --- the profile mix: what the questionnaire's result page shows ----------------------------
#
# Pure functions over ``{field name: 1..5 or None}`` (unanswered: None, 0 or absent). A
# profile's weight is its average agreement above "helemaal mee oneens" (0 to 4), computed
# exactly (fractions), so that ties are real ties. A profile without answers weighs 0: no
# answer is no evidence either way. Ties always go by the order of PROFILE_LABELS
# (normatief, pragmatisch, rationeel).


def profile_weights(answers):
    """Per profile the exact average agreement above 1 (a ``Fraction`` from 0 to 4); 0 when unanswered."""
    weights = {}
    for profile in PROFILE_LABELS:
        values = [answers.get(name) for name, p, _ in STATEMENTS if p == profile]
        values = [v for v in values if v]
        weights[profile] = Fraction(sum(values), len(values)) - 1 if values else Fraction(0)
    return weights


def round_to_100(exact):
    """Whole percentages from exact ones that sum to 100 (largest remainder; ties in PROFILE_LABELS order).

    ``exact`` maps every profile to a number; they must sum to 100.
    """
    shares = {profile: math.floor(exact[profile]) for profile in PROFILE_LABELS}
    left = 100 - sum(shares.values())
    # sorted() is stable: equal remainders keep the order of PROFILE_LABELS.
    by_remainder = sorted(PROFILE_LABELS, key=lambda profile: shares[profile] - exact[profile])
    for profile in by_remainder[:left]:
        shares[profile] += 1
    return shares


def profile_mix(answers):
    """How much of each profile the answers show: whole percentages that always sum to 100.

    Each profile's share is its weight (``profile_weights``) as a part of all
    weights, rounded by ``round_to_100``. Without any weight (nothing answered,
    or "helemaal mee oneens" throughout) the three share equally: 34, 33, 33.
    A higher answer to a profile's statement never lowers that profile's share.
    """
    weights = profile_weights(answers)
    total = sum(weights.values())
    if total == 0:
        exact = {profile: Fraction(100, len(PROFILE_LABELS)) for profile in PROFILE_LABELS}
    else:
        exact = {profile: 100 * weight / total for profile, weight in weights.items()}
    return round_to_100(exact)


def profile_ranking(answers):
    """The profiles from most to least fitting, as groups of equal (exact) weight, ties in PROFILE_LABELS order.

    E.g. ``[["normatief"], ["pragmatisch", "rationeel"]]``. Nothing answered: one group of all three.
    """
    weights = profile_weights(answers)
    groups = []
    for weight in sorted(set(weights.values()), reverse=True):
        groups.append([profile for profile in PROFILE_LABELS if weights[profile] == weight])
    return groups


def dominant_profiles(answers):
    """The profile(s) the answers fit best: the first group of ``profile_ranking`` (one, or several tied).

    Where a single one is needed (the weekly totals), take the first: ties go
    by the order of PROFILE_LABELS.
    """
    return profile_ranking(answers)[0]
