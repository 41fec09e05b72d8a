"""The demo handler can handle registrations, also in a database emptied without migrating again.

The migrations make the handlers' group with its rights; a flushed database (a transactional
test, ``manage.py flush``) has neither, and the demo loader restates them.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from .registration_support import HANDLERS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("emptied", [False, True], ids=["migrated", "emptied"])
def test_the_demo_handler_may_see_and_handle_registrations_and_sign_ups(settings, tmp_path, emptied):
    if emptied:
        Group.objects.filter(name=HANDLERS).delete()
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=StringIO())

    handler = get_user_model().objects.get(username="behandelaar")
    for permission in [
        "aanmelding.handle_registrations",
        "aanmelding.view_registration",
        "aanmelding.change_registration",
        "aanmelding.view_eveningsignup",
        "aanmelding.change_eveningsignup",
        "aanmelding.view_registrationround",
    ]:
        assert handler.has_perm(permission), permission
