"""The admin of terugkoppeling (wagtail-modeladmin), in the menu group "Meldingen":

- ``reports``: Verslagen (patrol reports), read-only, with export;
- ``signals``: Meldingen openbare ruimte, with the status workflow and its mails;
- ``departments``: Afdelingen, the address per category that editors set.

Registered in ``terugkoppeling/wagtail_hooks.py``.
"""
