"""The admin of the newsletter's subscribers (wagtail-modeladmin).

Who: whoever holds ``nieuwsbrief.manage_subscribers`` (granted to "Redactie
nieuwsbrief" by migration 0003) and the model's view or change permission, and
superusers; everybody else gets a 403 page, also for a typed URL
(``forms.admin``).

What: the list with its counts per status above it, a status filter, search
on the address and a formula-safe CSV export (``forms.export``). No way to
add an address: only its owner can, through the subscribe page and the
confirm mail. An editor may unsubscribe one (someone who asks by phone) or
delete one (a request to be forgotten), with the outbox's copies of the mails
to it. The audit log names the subscriber by number, never by address.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from forms.admin import (
    ChoiceListFilter,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    ForbiddenMixin,
    InstanceActionView,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    PersonalDataPermissionHelper,
    export_value,
)
from forms.export import csv_response
from forms.models import OutgoingMail

from ..models import Subscriber

MANAGE_PERMISSION = "nieuwsbrief.manage_subscribers"
UNSUBSCRIBE_ACTION = "nieuwsbrief.subscriber.unsubscribe"
DELETE_ACTION = "nieuwsbrief.subscriber.delete"


class SubscriberPermissionHelper(PersonalDataPermissionHelper):
    """See and export with the view permission; unsubscribe with change, delete with delete; never add or edit."""

    access_permission = MANAGE_PERMISSION

    def user_can_edit_obj(self, user, obj):
        return False  # the address, wijk and dates are the subscriber's own: only they change them

    def user_can_unsubscribe_obj(self, user, obj):
        return self.user_can_handle(user) and not obj.is_unsubscribed

    def user_can_delete_obj(self, user, obj):
        return self.has_access(user) and self.user_has_specific_permission(user, self.get_perm_codename("delete"))


class SubscriberButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_unsubscribe_obj(self.request.user, obj):
            buttons.insert(
                0,
                {
                    "url": self.url_helper.get_action_url("unsubscribe", obj.pk),
                    "label": "Afmelden",
                    "classname": "button button-secondary button-small",
                    "title": f"{obj.email} afmelden voor de nieuwsbrief",
                },
            )
        return buttons

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button.update(label="Verwijderen", title="Dit adres helemaal verwijderen")
        return button


class SubscriberStatusFilter(ChoiceListFilter):
    title = "status"
    parameter_name = "status"
    lookup = "status"

    def lookups(self, request, model_admin):
        counts = Subscriber.objects.count_per_status()
        return [(status, f"{label} ({counts.get(status, 0)})") for status, label in Subscriber.Status.choices]


class SubscriberIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    """The list with the counts per status above it; ``?export=csv`` downloads the filtered list."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Subscriber.objects.count_per_status()
        context["status_counts"] = [(label, counts.get(status, 0)) for status, label in Subscriber.Status.choices]
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # CSV only: the list is short, and one format is one thing less to keep safe.
        columns = self.model_admin.export_columns
        subscribers = list(queryset)
        rows = [[export_value(subscriber, field) for field, _ in columns] for subscriber in subscribers]
        return csv_response(f"abonnees-nieuwsbrief-{timezone.localdate():%Y-%m-%d}", [h for _, h in columns], rows)


def log_subscriber(subscriber, action, user):
    """An audit-log entry that names the subscriber by number, not by address."""
    return log(instance=subscriber, action=action, user=user, title=f"Abonnee {subscriber.pk}")


class UnsubscribeAdminView(InstanceActionView):
    """An editor unsubscribes someone who asked (by phone, say): a confirmation page, then unsubscribe on POST."""

    template_name = "nieuwsbrief/admin/subscriber_unsubscribe.html"

    @cached_property
    def subscriber(self):
        return get_object_or_404(Subscriber, pk=self.instance_pk)

    def get(self, request, *args, **kwargs):
        if self.subscriber.is_unsubscribed:
            messages.info(request, f"{self.subscriber.email} was al afgemeld.")
            return redirect(self.url_helper.index_url)
        context = {"subscriber": self.subscriber, "back_url": self.url_helper.index_url}
        return TemplateResponse(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().get(pk=self.subscriber.pk)
            if not subscriber.is_unsubscribed:
                subscriber.unsubscribe()
                log_subscriber(subscriber, UNSUBSCRIBE_ACTION, request.user)
        messages.success(request, f"{subscriber.email} is afgemeld en krijgt de nieuwsbrief niet meer.")
        return redirect(self.url_helper.index_url)


class SubscriberDeleteView(ForbiddenDeleteView):
    """Deleting erases the address with the outbox's copies of the mails to it; logged by number."""

    def post(self, request, *args, **kwargs):
        subscriber = self.instance
        with transaction.atomic():
            log_subscriber(subscriber, DELETE_ACTION, request.user)
            OutgoingMail.objects.copies_sent_to([subscriber.email]).delete()
            subscriber.delete()
        messages.success(request, "Het adres is verwijderd, met de kopieën van de mails die het kreeg.")
        return redirect(self.url_helper.index_url)


class SubscriberAdmin(ModelAdmin):
    """Subscribers: counts, filter, search, CSV export, unsubscribe, delete; never add."""

    model = Subscriber
    url_helper_class = NumericIdURLHelper
    menu_label = "Abonnees"
    menu_icon = "user"
    list_display = ["email", "status", "wijk", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = [SubscriberStatusFilter]
    search_fields = ["email"]
    ordering = ["-created_at"]
    inspect_view_enabled = False
    history_view_enabled = False
    permission_helper_class = SubscriberPermissionHelper
    button_helper_class = SubscriberButtonHelper
    index_view_class = SubscriberIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = SubscriberDeleteView
    index_template_name = "nieuwsbrief/admin/subscriber_index.html"
    export_columns = [
        ("email", "E-mailadres"),
        ("status", "Status"),
        ("wijk", "Wijk"),
        ("created_at", "Aangevraagd op"),
        ("confirmed_at", "Bevestigd op"),
        ("unsubscribed_at", "Afgemeld op"),
        ("consent_version", "Versie privacyverklaring"),
    ]

    def unsubscribe_view(self, request, instance_pk):
        return UnsubscribeAdminView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return super().get_admin_urls_for_registration() + (
            re_path(
                helper.get_action_url_pattern("unsubscribe"),
                self.unsubscribe_view,
                name=helper.get_action_url_name("unsubscribe"),
            ),
        )


def register_log_actions(actions):
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(UNSUBSCRIBE_ACTION, "Abonnee afgemeld", "Een abonnee afgemeld in het beheer")
    actions.register_action(DELETE_ACTION, "Abonnee verwijderd", "Een abonnee verwijderd in het beheer")
