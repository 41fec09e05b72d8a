"""The motivation statements are our own words: none shares a run of 9 or more words with
table 2 of the CCV guideline (copyrighted), whose six sentences are quoted here for the check."""

import re

from forms.motivation import STATEMENTS

RUN = 9
# Table 2 of "Buurtpreventie binnen lokale veiligheidsaanpak" (CCV, 2018), quoted for comparison only.
GUIDELINE_TABLE_2 = [
    "Als buurtbewoner deel ik in de verantwoordelijkheid voor de veiligheid in en leefbaarheid van mijn wijk.",
    "Via het buurtpreventieteam wil ik de sociale controle in de buurt versterken.",
    "Het ontvangen van professionele feedback over wat met de ontvangen informatie van het "
    "buurtpreventieteam is gedaan, is voor mij belangrijk.",
    "Ik vind het belangrijk om samen met mijn buurtgenoten bij te dragen aan veiligheid/leefbaarheid.",
    "Ik vind het sowieso belangrijk om vrijwilligerswerk te doen.",
    "Het is belangrijk dat het buurtpreventieteam concrete resultaten boekt.",
]


def word_list(text):
    return re.findall(r"\w+", text.lower())


def runs(text, length=RUN):
    words = word_list(text)
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def test_the_check_finds_a_shared_run():
    copied = "Zo zeg ik: ik vind het belangrijk om samen met mijn buurtgenoten bij te dragen."
    assert runs(copied) & runs(GUIDELINE_TABLE_2[3])


def test_no_statement_shares_nine_words_in_a_row_with_the_guideline():
    guideline = set().union(*(runs(sentence) for sentence in GUIDELINE_TABLE_2))
    shared = {statement: runs(statement) & guideline for _, _, statement in STATEMENTS}
    assert {statement: found for statement, found in shared.items() if found} == {}
    assert len(STATEMENTS) == len(GUIDELINE_TABLE_2)
