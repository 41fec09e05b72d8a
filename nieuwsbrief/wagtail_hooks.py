from wagtail import hooks
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .admin import practice, sending, subscribers
from .models import NewsletterArchivePage
from .workflow import attach_to_archive


class NieuwsbriefGroup(ModelAdminGroup):
    menu_label = "Nieuwsbrief"
    menu_icon = "mail"
    menu_order = 210
    # Each part of the app adds its admin class here.
    items = [
        practice.ThemeAdmin,
        subscribers.SubscriberAdmin,
        sending.DeliveryAdmin,
    ]


if NieuwsbriefGroup.items:
    modeladmin_register(NieuwsbriefGroup)


@hooks.register("after_create_page")
def attach_newsletter_workflow(request, page):
    # Every issue under the archive goes through "Nieuwsbrief" before it can be sent.
    if isinstance(page, NewsletterArchivePage):
        attach_to_archive(page)


@hooks.register("register_log_actions")
def register_subscriber_log_actions(actions):
    subscribers.register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_sending_urls():
    return sending.urls()


@hooks.register("register_page_header_buttons")
def newsletter_send_buttons(page, user, view_name, next_url=None):
    # "Stuur een testmail naar mijzelf" and "Versturen" on an issue, for whoever may send.
    return sending.header_buttons(page, user)
