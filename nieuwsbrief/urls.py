"""URLs of the newsletter besides its pages' forms.

``subscribe_page_urls``: sub-pages of the SubscribePage (confirm, manage),
named by its ``subpage_urls``. ``urlpatterns``: the one-click unsubscribe
endpoint (RFC 8058), a plain Django URL because it must be CSRF-exempt,
which a route under a Wagtail page cannot be; included in ``site/urls.py``.
"""

subscribe_page_urls = []

urlpatterns = []
