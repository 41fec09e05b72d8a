"""The motivation questionnaire's answers in a signed link, and the result they give.

Nothing per person is kept on the server: after the questionnaire the six
answers travel in the address of the result page (``?motivatie=<token>``),
signed with ``forms.tokens`` so nobody can make up a result, and valid for
``MAX_AGE``. The same token goes on to the registration page, which fills
in the statements with it. The token is signed, not encrypted: whoever holds
the link can read the answers, as the result page shows them anyway.
"""

from datetime import timedelta

from forms.motivation import (
    PROFILE_LABELS,
    STATEMENTS,
    dominant_profiles,
    profile_mix,
    profile_ranking,
    profile_weights,
)
from forms.tokens import InvalidToken, make_token, read_token

PURPOSE = "aanmelding.motivatie"
PARAMETER = "motivatie"
MAX_AGE = timedelta(days=1)
MIN_ANSWERS = 4
# A token of six answers is about 110 characters; anything much longer was not made here.
MAX_TOKEN_LENGTH = 300

# The profiles in a sentence, and short names for the chart and the table.
PROFILE_IN_SENTENCE = {profile: f"de {label.lower()}" for profile, label in PROFILE_LABELS.items()}
PROFILE_SHORT = {profile: profile.capitalize() for profile in PROFILE_LABELS}


def answered(answers):
    """How many statements have an answer."""
    return sum(1 for name, _, _ in STATEMENTS if answers.get(name))


def sign_answers(answers):
    """The token for ``{field name: 1..5 or None}``: six digits, 0 for no answer, signed."""
    return make_token(PURPOSE, "".join(str(answers.get(name) or 0) for name, _, _ in STATEMENTS))


def read_answers(token):
    """The answers in a token from ``sign_answers``, or None when it is missing, damaged, forged or too old."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        digits = read_token(PURPOSE, token, MAX_AGE)
    except InvalidToken:
        return None
    if not isinstance(digits, str) or len(digits) != len(STATEMENTS) or not set(digits) <= set("012345"):
        return None
    answers = {name: int(digit) or None for (name, _, _), digit in zip(STATEMENTS, digits, strict=True)}
    return answers if answered(answers) >= MIN_ANSWERS else None


def answers_from_request(request):
    """The signed answers in the request's ``?motivatie=``, or None (quietly: a bad link is an empty form)."""
    return read_answers(request.GET.get(PARAMETER, ""))


def join_words(words):
    """'a', 'a en b', 'a, b en c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


class MotivationResult:
    """What the result page shows for one set of answers: the mix in words, as a chart and as numbers."""

    # The chart: a bar per profile, its label above it; lengths in % of the SVG's width.
    LABEL_HEIGHT = 24
    BAR_HEIGHT = 22
    ROW_GAP = 12
    LONGEST_BAR = 80  # % of the width at 100 %; the rest leaves room for the number after the bar

    def __init__(self, answers):
        self.answers = answers
        self.mix = profile_mix(answers)
        self.ranking = profile_ranking(answers)
        self.dominant = dominant_profiles(answers)
        self.no_fit = sum(profile_weights(answers).values()) == 0
        self.token = sign_answers(answers)

    def rows(self):
        """``(profile, label, share)`` from the highest share down (ties in the fixed order)."""
        order = [profile for group in self.ranking for profile in group]
        return [(profile, PROFILE_LABELS[profile], self.mix[profile]) for profile in order]

    def summary(self):
        """The mix in words: 'Je past het meest bij ...; daarna bij ...'."""
        if self.no_fit:
            return (
                "Je bent het met geen van de uitspraken echt eens. Dat kan: iedereen doet om een eigen reden mee. "
                "Vertel het ons gerust in het intakegesprek."
            )
        groups = [[PROFILE_IN_SENTENCE[profile] for profile in group] for group in self.ranking]
        if len(groups[0]) == len(PROFILE_LABELS):
            return "Je past even goed bij alle drie de profielen."
        if len(groups[0]) == 1:
            text = f"Je past het meest bij {groups[0][0]}"
        else:
            text = f"Je past even goed bij {' als bij '.join(groups[0])}"
        if len(groups) > 1:
            text += f"; daarna bij {join_words(groups[1])}"
        if len(groups) > 2:
            text += f", en het minst bij {join_words(groups[2])}"
        return text + "."

    def chart_description(self):
        return ", ".join(f"{label}: {share} procent" for _, label, share in self.rows()) + "."

    def chart_height(self):
        return len(PROFILE_LABELS) * (self.LABEL_HEIGHT + self.BAR_HEIGHT + self.ROW_GAP)

    def bars(self):
        """Per profile what the SVG needs: label and bar positions, the bar's width in %, the text after it."""
        bars = []
        for number, (profile, label, share) in enumerate(self.rows()):
            top = number * (self.LABEL_HEIGHT + self.BAR_HEIGHT + self.ROW_GAP)
            width = round(self.LONGEST_BAR * share / 100, 2)
            bars.append(
                {
                    "profile": profile,
                    "label": label,
                    "share": share,
                    "label_y": top + 17,
                    "bar_y": top + self.LABEL_HEIGHT,
                    "value_y": top + self.LABEL_HEIGHT + 16,
                    "width": width,
                    # A bar of 0 % still shows where it would start.
                    "shown_width": max(width, 0.5),
                }
            )
        return bars
