"""The models of aanmelding, one module per feature, all importable from here (as ``wagtail.models`` does).

- ``rounds``: ``RegistrationRound`` (aanmeldmoment) and ``Wijk``;
- ``registrations``: ``Registration``, its ``RegistrationStatusChange`` history, ``RegistrationPage``;
- ``alerts``: ``RoundAlert`` ('houd mij op de hoogte') and ``RoundAlertDelivery``;
- ``teams``: ``Team`` (street team or app group, with its team link) and ``TeamMember``;
- ``evenings``: ``InfoEveningIndexPage``, ``InfoEveningPage`` and ``EveningSignup``;
- ``motivation``: ``MotivationQuestionnairePage`` ('Wat drijft jou?') and its anonymous ``MotivationWeek`` totals.

Models import neither views nor mails: the pages name their forms and
sub-page URLs by dotted path (see ``forms.base.PublicFormPageMixin``).
"""

from .alerts import RoundAlert, RoundAlertDelivery
from .evenings import EveningSignup, InfoEveningIndexPage, InfoEveningPage
from .motivation import MotivationQuestionnairePage, MotivationWeek
from .registrations import Registration, RegistrationPage, RegistrationStatusChange
from .rounds import RegistrationRound, Wijk
from .teams import Team, TeamMember

__all__ = [
    "EveningSignup",
    "InfoEveningIndexPage",
    "InfoEveningPage",
    "MotivationQuestionnairePage",
    "MotivationWeek",
    "Registration",
    "RegistrationPage",
    "RegistrationRound",
    "RegistrationStatusChange",
    "RoundAlert",
    "RoundAlertDelivery",
    "Team",
    "TeamMember",
    "Wijk",
]
