"""The admin of aanmelding (wagtail-modeladmin), one module per feature; registered in ``wagtail_hooks``.

- ``registrations``: handling registrations (handlers only);
- ``evenings``: sign-ups per information evening (handlers only);
- ``rounds``: rounds, wijken and 'houd mij op de hoogte' addresses;
- ``motivation``: the questionnaire's anonymous totals per week (a report, not a modeladmin).
"""
