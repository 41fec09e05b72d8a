"""Sub-pages of the TeamReportPage (``forms.base.PublicFormPageMixin``): the team page behind each team link.

Wagtail calls the views with the page first. The route name ``team`` is
also how the team link's address is made (``terugkoppeling.wagtail_hooks``).
"""

from django.urls import path

from .views import teams

team_page_urls = [
    path("team/<str:token>/", teams.team_page, name="team"),
    path("team/<str:token>/bedankt/", teams.team_thanks, name="team_thanks"),
]
