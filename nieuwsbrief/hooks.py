"""What the newsletter learns from other apps, through Wagtail hooks (it imports none of them).

- ``buurtpreventie_wijk_names``: a function returning the wijk names residents
  choose from (``aanmelding`` registers its Wijk list).
- ``buurtpreventie_newsletter_agenda``: a function ``(now)`` returning agenda
  items (dicts with ``title``, ``when``, ``url`` and optional ``text``) for the
  coming registration rounds and information evenings.
"""

from wagtail import hooks

WIJK_NAMES_HOOK = "buurtpreventie_wijk_names"
AGENDA_HOOK = "buurtpreventie_newsletter_agenda"


def wijk_names():
    """The wijk names of every registered provider, in their order, without repeats."""
    names = []
    for provider in hooks.get_hooks(WIJK_NAMES_HOOK):
        for name in provider():
            if name not in names:
                names.append(name)
    return names


def wijk_choices(blank_label="Geen voorkeur"):
    """Choices for a wijk field: a blank choice first."""
    return [("", blank_label)] + [(name, name) for name in wijk_names()]


def agenda_items(now=None):
    """The agenda items of every registered provider, soonest first within each."""
    items = []
    for provider in hooks.get_hooks(AGENDA_HOOK):
        items.extend(provider(now))
    return items
