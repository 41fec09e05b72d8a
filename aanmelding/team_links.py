"""The address of a team link, found through a Wagtail hook (aanmelding does not know terugkoppeling).

``buurtpreventie_team_link_url`` is a function ``(token)`` returning the full
address of the team page for that token, or None when there is no live page
to serve it; ``terugkoppeling`` registers it.
"""

from wagtail import hooks

TEAM_LINK_URL_HOOK = "buurtpreventie_team_link_url"


def team_link_url(token):
    """The full address of the team page for ``token``, or None when no app serves team links."""
    for provider in hooks.get_hooks(TEAM_LINK_URL_HOOK):
        if url := provider(token):
            return url
    return None
