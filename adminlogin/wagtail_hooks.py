from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import conf, second_factor, urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return urls.urlpatterns


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    if not conf.get("ADMIN_2FA") or not second_factor.is_set_up(request.user):
        return None
    return {
        "url": reverse("adminlogin_recovery_codes"),
        "label": "Herstelcodes",
        "help_text": "Nieuwe herstelcodes maken, als u ze kwijt bent of ze bijna op zijn.",
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    # Only superusers: whoever resets someone's second factor can log in as them with the password alone.
    if not request_user.is_superuser:
        return []
    return [
        Button(
            "Tweestapsverificatie wissen",
            reverse("adminlogin_reset_user", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]
