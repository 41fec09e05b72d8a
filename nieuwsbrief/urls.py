"""URLs of the newsletter besides its pages' forms.

``subscribe_page_urls``: sub-pages of the SubscribePage (confirm, manage),
named by its ``subpage_urls``. ``urlpatterns``: the one-click unsubscribe
endpoint (RFC 8058), a plain Django URL because it must be CSRF-exempt,
which a route under a Wagtail page cannot be; included in ``site/urls.py``.
"""

from django.urls import path

from forms.views import page_view

from .views import subscribers

subscribe_page_urls = [
    path("bevestigen/<str:token>/", page_view(subscribers.ConfirmSubscriptionView), name="confirm"),
    path("beheren/<str:token>/", page_view(subscribers.ManageSubscriptionView), name="manage"),
]

urlpatterns = [
    path(
        "nieuwsbrief-afmelden/<str:token>/",
        subscribers.OneClickUnsubscribeView.as_view(),
        name="nieuwsbrief_unsubscribe",
    ),
]
