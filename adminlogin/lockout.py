"""What someone sees when django-axes has locked a login: Wagtail's login page with a Dutch message."""

import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled

logger = logging.getLogger(__name__)


def lockout_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    return max(1, int(cooloff.total_seconds() // 60)) if cooloff else None


def lockout_message():
    minutes = lockout_minutes()
    return (
        "U hebt te vaak een verkeerd wachtwoord getypt. "
        f"Inloggen met deze naam kan vanaf dit adres {minutes} minuten niet. "
        "Probeer het daarna opnieuw. Of vraag de beheerder van de server om hulp."
    )


def locked_out_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: status 429, the login form with the typed name kept, and the reason above it."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    # One line an operator can act on (manage.py axes_reset_username NAME); axes masks both in its own lines.
    logger.warning(
        "Admin login locked: username %r from address %s, for %s minutes",
        username,
        getattr(request, "axes_ip_address", None),
        lockout_minutes(),
    )
    messages.error(request, lockout_message())
    form = get_user_login_form()(request, initial={"username": username})
    context = {
        "form": form,
        "next": request.POST.get("next") or reverse("wagtailadmin_home"),
        "show_password_reset": password_reset_enabled(),
    }
    return render(request, "wagtailadmin/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
