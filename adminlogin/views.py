"""The set-up, verify and recovery-code pages of the admin's second factor, and the superuser's reset."""

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import second_factor
from .forms import WRONG_APP_CODE, CodeForm

logger = logging.getLogger(__name__)

RECOVERY_CODES_SESSION_KEY = "adminlogin_new_recovery_codes"


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def setup(request):
    user = request.user
    if not second_factor.is_required(user):
        return redirect("wagtailadmin_home")
    if second_factor.is_set_up(user):
        return redirect(next_url(request) if user.is_verified() else reverse("adminlogin_verify"))
    device = second_factor.pending_app_device(user)
    form = CodeForm(
        request.POST or None, help_text="De zes cijfers die de app nu laat zien.", numeric=True, prefix="setup"
    )
    form.wrong_code_message = WRONG_APP_CODE
    if form.is_valid():
        check, codes = second_factor.confirm_app(user, form.typed_code)
        if check.accepted:
            otp_login(request, check.device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            logger.info("Second factor set up for admin user %s", user.pk)
            return redirect(reverse("adminlogin_recovery_codes") + "?" + urlencode({"next": next_url(request)}))
        form.reject(check)
    context = {
        "form": form,
        "next": next_url(request),
        "qr_code": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_text(device),
    }
    return render(request, "adminlogin/setup.html", context, status=400 if form.errors else 200)


def verify(request):
    user = request.user
    if not second_factor.is_required(user):
        return redirect("wagtailadmin_home")
    if not second_factor.is_set_up(user):
        return redirect("adminlogin_setup")
    if user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(
        request.POST or None,
        help_text="Geen telefoon bij de hand? Typ dan een van uw herstelcodes.",
        prefix="verify",
    )
    if form.is_valid():
        check = second_factor.verify(user, form.typed_code)
        if check.accepted:
            otp_login(request, check.device)
            if check.device.persistent_id.startswith("otp_static."):
                left = second_factor.recovery_codes_left(user)
                logger.warning("Admin user %s logged in with a recovery code (%s left)", user.pk, left)
                messages.warning(request, recovery_codes_left_message(left))
            return redirect(next_url(request))
        logger.warning("Wrong second-factor code for admin user %s", user.pk)
        form.reject(check)
    return render(
        request, "adminlogin/verify.html", {"form": form, "next": next_url(request)}, status=400 if form.errors else 200
    )


def recovery_codes_left_message(left):
    if left == 0:
        return "U hebt uw laatste herstelcode gebruikt. Maak nu nieuwe herstelcodes bij Account."
    return f"U hebt een herstelcode gebruikt. U hebt er nog {left}. Maak nieuwe als ze bijna op zijn."


def recovery_codes(request):
    """The new recovery codes, once: they are taken out of the session as they are shown."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    context = {"codes": codes, "next": next_url(request), "left": second_factor.recovery_codes_left(request.user)}
    response = render(request, "adminlogin/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def new_recovery_codes(request):
    if not second_factor.is_set_up(request.user):
        return redirect("adminlogin_setup")
    request.session[RECOVERY_CODES_SESSION_KEY] = second_factor.new_recovery_codes(request.user)
    logger.info("New recovery codes for admin user %s", request.user.pk)
    return redirect("adminlogin_recovery_codes")


def reset_user(request, user_id):
    """A superuser removes someone's second factor (a lost phone); that user sets it up again at the next login."""
    if not request.user.is_superuser:
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        second_factor.reset(target)
        logger.warning("Second factor of admin user %s reset by %s", target.pk, request.user.pk)
        name = target.get_username()
        messages.success(
            request,
            f"De tweestapsverificatie van {name} is gewist. "
            f"{name} stelt de app opnieuw in bij de volgende keer inloggen.",
        )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "adminlogin/reset_confirm.html",
        {
            "target": target,
            "is_set_up": second_factor.is_set_up(target),
            "page_title": "Tweestapsverificatie wissen",
            "header_icon": "key",
        },
    )
