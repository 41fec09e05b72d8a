"""The names of the admin groups editors see.

Wagtail's migrations create "Editors" and "Moderators"; home's migration 0005
gives them Dutch names, since editors and administrators read them in the
admin (user screens, workflow, groups). Code refers to them through these
names, never by Wagtail's English ones.
"""

EDITORS = "Redacteuren"
MODERATORS = "Moderatoren"
EDITOR_GROUPS = (EDITORS, MODERATORS)
