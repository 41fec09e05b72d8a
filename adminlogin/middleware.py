"""Two rules for every admin request, after Django's and django-otp's authentication middleware.

1. Idle sessions end: a session that has seen no admin request for
   ``ADMIN_SESSION_IDLE_MINUTES`` is logged out. Every admin request moves the
   deadline on (at most one session write a minute) and sets the session's
   expiry to the same period, so the database row goes as well. Sessions
   without an admin login (the public site's) are left as they are.
2. A second factor: while ``ADMIN_2FA`` is on, an admin user who has not
   typed a code in this session reaches only the set-up, verify and logout
   pages (and the script and icon files those pages load).
"""

import time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from . import conf, second_factor

LAST_SEEN_KEY = "adminlogin_last_seen"
# Write the session at most this often just to move the idle deadline on.
REFRESH_SECONDS = 60
IDLE_MESSAGE = "U was te lang niet actief in het beheer. Log opnieuw in."

OPEN_URL_NAMES = {
    "adminlogin_setup",
    "adminlogin_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def admin_prefix():
    return reverse("wagtailadmin_home")


class AdminLoginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_admin = request.path_info.startswith(admin_prefix())
        idle_seconds = int(conf.get("ADMIN_SESSION_IDLE_MINUTES")) * 60
        last_seen = request.session.get(LAST_SEEN_KEY) if hasattr(request, "session") else None
        if last_seen is not None and time.time() - last_seen > idle_seconds:
            logout(request)
            if is_admin:
                messages.warning(request, IDLE_MESSAGE)
        if is_admin:
            blocked = self.second_factor_redirect(request)
            if blocked is not None:
                return blocked
        response = self.get_response(request)
        if is_admin and request.user.is_authenticated:
            self.refresh(request, idle_seconds)
        return response

    @staticmethod
    def refresh(request, idle_seconds):
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is None or now - last_seen >= REFRESH_SECONDS:
            request.session[LAST_SEEN_KEY] = int(now)
            # Keep "expire when the browser closes" if the user chose it at login (not "remember me").
            if not request.session.get_expire_at_browser_close():
                request.session.set_expiry(idle_seconds)

    @staticmethod
    def second_factor_redirect(request):
        user = request.user
        if not second_factor.is_required(user) or user.is_verified():
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in OPEN_URL_NAMES:
            return None
        target = reverse("adminlogin_verify" if second_factor.is_set_up(user) else "adminlogin_setup")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
