"""Security headers on every response: the Content-Security-Policy and the Permissions-Policy.

django-csp builds the policy. The public site gets ``CONTENT_SECURITY_POLICY`` from the
settings: only its own scripts, styles and images, no inline code at all. Wagtail's admin
(every path under the admin's address) gets ``ADMIN_CONTENT_SECURITY_POLICY`` instead,
because Wagtail 8 still writes inline scripts and style attributes into its pages (see
the settings for what exactly and why).

The middleware sits outside the page cache (site/settings/base.py), so a page served
from the cache gets the same headers as a fresh one; the cache stores none of them.
No nonces: a cached page would carry the same nonce for everyone, which defeats it.
"""

from functools import cache

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


@cache
def admin_prefix():
    """The admin's address (``/admin/``), from the URL configuration rather than written twice."""
    return reverse("wagtailadmin_home")


def is_admin_request(request):
    return request.path_info.startswith(admin_prefix())


def permissions_policy():
    """``camera=(), geolocation=(), ...``: every feature in ``PERMISSIONS_POLICY`` allowed to no origin."""
    features = getattr(settings, "PERMISSIONS_POLICY", ())
    return ", ".join(f"{feature}=()" for feature in features)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy and a Permissions-Policy header."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp decorator (parts.config) still wins.
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware with a made-up request for
            # the page's own address; its answer is shown in a frame of the page editor. The public
            # policy, so an editor sees what residents get, but framing by the admin allowed.
            directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = {**directives, "frame-ancestors": [SELF]}
        elif is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        value = permissions_policy()
        if value and PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = value
        return response
