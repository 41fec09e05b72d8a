"""Sending an issue from the admin, and the delivery log.

- On an issue's page in the admin (the page header's "..." menu): "Stuur een
  testmail naar mijzelf" and "Versturen", for whoever holds
  ``nieuwsbrief.send_newsletter`` (everybody else gets a 403 page, also for a
  typed URL). Both open a page with one button that POSTs: a GET never sends.
- "Versturen" names the number of recipients (the active subscribers now), or
  why the issue cannot go; after sending, the same page shows the progress.
- The delivery log (wagtail-modeladmin) lists the deliveries of one sending:
  address (while the subscriber exists), status, attempts, last error, sent
  at; for ``nieuwsbrief.view_delivery``. Nobody adds, edits or deletes a row.
"""

import smtplib

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from forms.admin import (
    ChoiceListFilter,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    ForbiddenMixin,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    PersonalDataPermissionHelper,
    forbidden,
)

from .. import sending
from ..groups import SEND_PERMISSION
from ..mails.issues import send_test_mail
from ..models import Delivery, NewsletterIssuePage, NewsletterSending
from ..panels import VIEW_DELIVERIES_PERMISSION, sending_context


def _issue(page_id):
    return get_object_or_404(NewsletterIssuePage, pk=page_id)


@require_http_methods(["GET", "POST"])
def test_mail_view(request, page_id):
    """GET: to which address the test mail goes; POST: send it now."""
    if not request.user.has_perm(SEND_PERMISSION):
        return forbidden(request, SEND_PERMISSION)
    issue = _issue(page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[issue.pk])
    if request.method == "POST" and request.user.email:
        try:
            address = send_test_mail(issue, request.user)
        except (smtplib.SMTPException, OSError) as error:
            messages.error(
                request, f"De mailserver nam de testmail niet aan ({type(error).__name__}). Probeer het later opnieuw."
            )
        else:
            messages.success(request, f"De testmail is verstuurd naar {address}.")
            return redirect(edit_url)
    context = {"issue": issue, "edit_url": edit_url, "address": request.user.email}
    return TemplateResponse(request, "nieuwsbrief/admin/test_mail.html", context)


@require_http_methods(["GET", "POST"])
def send_view(request, page_id):
    """GET: the confirmation with the number of recipients, the reason it cannot go, or the progress; POST: send."""
    if not request.user.has_perm(SEND_PERMISSION):
        return forbidden(request, SEND_PERMISSION)
    issue = _issue(page_id)
    error = None
    if request.method == "POST":
        try:
            sending.start_sending(issue, request.user)
        except sending.SendRefused as refused:
            error = refused.message
        else:
            messages.success(request, "De nieuwsbrief wordt verstuurd. Hieronder zie je hoe ver het is.")
            return redirect("nieuwsbrief_send", page_id=issue.pk)
    context = {
        "issue": issue,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[issue.pk]),
        "error": error,
        **sending_context(issue, request.user),
    }
    if context["sending"] is None and error is None:
        context["reason"] = sending.refusal_reason(issue)
        context["recipients"] = sending.recipient_count()
    return TemplateResponse(request, "nieuwsbrief/admin/send.html", context, status=409 if error else 200)


def urls():
    return [
        path("nieuwsbrief/<int:page_id>/versturen/", send_view, name="nieuwsbrief_send"),
        path("nieuwsbrief/<int:page_id>/testmail/", test_mail_view, name="nieuwsbrief_test_mail"),
    ]


def header_buttons(page, user):
    """The two buttons in the header of an issue's admin pages, for whoever may send."""
    if page.specific_class is not NewsletterIssuePage or not page.pk or not user.has_perm(SEND_PERMISSION):
        return []
    return [
        Button(
            "Stuur een testmail naar mijzelf",
            reverse("nieuwsbrief_test_mail", args=[page.pk]),
            icon_name="mail",
            priority=90,
        ),
        Button("Versturen", reverse("nieuwsbrief_send", args=[page.pk]), icon_name="mail", priority=91),
    ]


# --- the delivery log ------------------------------------------------------------


class DeliveryPermissionHelper(PersonalDataPermissionHelper):
    """See the log with ``nieuwsbrief.view_delivery``; nobody adds, edits or deletes a delivery."""

    access_permission = VIEW_DELIVERIES_PERMISSION

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class DeliverySendingFilter(ChoiceListFilter):
    title = "nieuwsbrief"
    parameter_name = "sending"
    lookup = "sending_id"

    def lookups(self, request, model_admin):
        return [(str(sent.pk), str(sent)) for sent in NewsletterSending.objects.only("pk", "subject", "started_at")]


class DeliveryStatusFilter(ChoiceListFilter):
    title = "status"
    parameter_name = "status"
    lookup = "status"

    def lookups(self, request, model_admin):
        return Delivery.Status.choices


class DeliveryIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    """The log; with one sending chosen, its progress above the list."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.params.get(DeliverySendingFilter.parameter_name)
        sent = NewsletterSending.objects.filter(pk=chosen).first() if str(chosen).isdigit() else None
        context["chosen_sending"] = sent
        context["progress"] = sent.progress() if sent else None
        return context


class DeliveryAdmin(ModelAdmin):
    """Bezorgingen: per sending, who got the issue, who not yet, and why not."""

    model = Delivery
    url_helper_class = NumericIdURLHelper
    menu_label = "Bezorgingen"
    menu_icon = "mail"
    list_display = ["address", "status", "attempts", "sent_at", "last_error"]
    list_filter = [DeliverySendingFilter, DeliveryStatusFilter]
    search_fields = ["subscriber__email"]
    ordering = ["-sending__started_at", "pk"]
    list_per_page = 100
    inspect_view_enabled = False
    history_view_enabled = False
    permission_helper_class = DeliveryPermissionHelper
    index_view_class = DeliveryIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = ForbiddenDeleteView
    index_template_name = "nieuwsbrief/admin/delivery_index.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("subscriber", "sending")

    def address(self, obj):
        # An erased subscriber leaves the delivery without an address: the count stays, the person goes.
        return obj.subscriber.email if obj.subscriber_id else "verwijderd adres"

    address.short_description = "E-mailadres"
