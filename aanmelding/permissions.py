"""Who may see personal data: the permission behind registrations and evening sign-ups.

Declared on Registration's Meta and granted to "Behandelaars buurtpreventie" by migration 0007;
checked by permission, never by group name. Its own module so that the admin, the dashboard and
the page editor's panels (which the models import) all read it from one place.
"""

HANDLE_PERMISSION = "aanmelding.handle_registrations"
