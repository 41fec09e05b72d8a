"""The admin's second factor: a code from an authenticator app (TOTP) or a single-use recovery code.

Built on django-otp: one confirmed ``TOTPDevice`` per user is "set up"; its
``StaticDevice`` holds the recovery codes. Both devices throttle wrong codes
themselves (django-otp's exponential back-off, stored on the device), so a
code is always checked against one specific device inside a transaction.
"""

import base64
from dataclasses import dataclass

import segno
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import conf

APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"
RECOVERY_CODE_COUNT = 10


def is_required(user):
    """Does this user need a second factor before the admin? Every admin user, while the switch is on."""
    return bool(conf.get("ADMIN_2FA")) and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def app_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def is_set_up(user):
    return app_device(user) is not None


def pending_app_device(user):
    """The not yet confirmed app device that the set-up page shows; the same one on every visit."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def normalise(code):
    """What the user typed, without spaces and dashes: apps show "123 456", recovery codes may be typed in capitals."""
    return "".join(code.split()).replace("-", "").lower()


def looks_like_app_code(code):
    return code.isdigit() and len(code) == 6


@dataclass(frozen=True)
class Check:
    device: object = None
    wait_seconds: int = 0

    @property
    def accepted(self):
        return self.device is not None


def _check(device, code):
    """Check ``code`` on ``device`` under its row lock, so its throttle counts every attempt."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            wait = (details["locked_until"] - timezone.now()).total_seconds() if details.get("locked_until") else 60
            return Check(wait_seconds=max(1, int(wait + 0.999)))
        if device.verify_token(code):
            return Check(device=device)
    return Check()


def confirm_app(user, code):
    """Confirm the pending app device with a code from the app; returns the Check and the new recovery codes."""
    device = pending_app_device(user)
    check = _check(device, normalise(code))
    if not check.accepted:
        return check, []
    with transaction.atomic():
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = new_recovery_codes(user)
    device.refresh_from_db()
    return Check(device=device), codes


def new_recovery_codes(user):
    """Replace the user's recovery codes by ten new ones; returns them (they are shown once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code):
    """Check a code typed after the password: six digits go to the app, anything else is a recovery code."""
    code = normalise(code)
    if looks_like_app_code(code):
        device = app_device(user)
    else:
        device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        return Check()
    return _check(device, code)


def reset(user):
    """Remove every second-factor device of ``user`` (a lost phone): the next login starts the set-up again."""
    with transaction.atomic():
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    return removed


def secret_text(device):
    """The key as the app asks for it when typed in by hand: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The set-up link as an inline SVG QR code, made on the server: no image from elsewhere."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, omitsize=True, title="QR-code om de app in te stellen", svgclass="adminlogin-qr"
    )
