"""The newsletter: practice examples from teams, subscribers (double opt-in), issues and their sending.

Stands on ``forms`` (public forms, signed links, the mail outbox); knows
nothing of ``aanmelding``: wijk names and the agenda of rounds and evenings
come in through Wagtail hooks that ``aanmelding`` registers (see ``hooks.py``).
"""
