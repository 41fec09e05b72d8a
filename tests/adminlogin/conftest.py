import time

import pytest
from django.contrib.auth.models import Permission
from django_otp.oath import TOTP

from tests.factories import UserFactory

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def two_factor(settings):
    """The second factor on, as in production (test settings have it off)."""
    settings.ADMIN_2FA = True


@pytest.fixture
def editor(db):
    """An editor with admin access only: no superuser shortcuts."""
    user = UserFactory(username="redacteur")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


def log_in(client, username, password=PASSWORD, address="127.0.0.1", **extra):
    """Through Wagtail's login form, as a person does."""
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def app_code(device, steps_ahead=0):
    """The code the phone's app shows now (or that many 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    right = {app_code(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)
