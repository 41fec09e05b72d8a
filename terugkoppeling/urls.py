"""Sub-pages of the TeamReportPage (``forms.base.PublicFormPageMixin``): the team page behind each team link.

Wagtail calls the views with the page first.
"""

team_page_urls = []
