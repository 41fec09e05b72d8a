"""Sub-pages of aanmelding's pages, besides their form and thank-you page (``forms.base.PublicFormPageMixin``).

Each list is named by a page's ``subpage_urls``; Wagtail calls the views with the page first.
"""

from django.urls import path

from forms.views import page_view

from .views import evenings, registrations

registration_page_urls = [
    path("intrekken/<str:token>/", page_view(registrations.WithdrawRegistrationView), name="withdraw"),
    path("op-de-hoogte/", registrations.round_alert, name="round_alert"),
    path(
        "op-de-hoogte/bevestigen/<str:token>/",
        page_view(registrations.ConfirmRoundAlertView),
        name="confirm_round_alert",
    ),
    path(
        "op-de-hoogte/afmelden/<str:token>/", page_view(registrations.CancelRoundAlertView), name="cancel_round_alert"
    ),
]

evening_page_urls = [
    path("agenda/", evenings.calendar_file, name="calendar"),
    path("annuleren/<str:token>/", page_view(evenings.CancelSignupView), name="cancel"),
]
