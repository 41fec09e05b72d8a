"""The Atom feed of the newsletter archive (``feed/`` below the archive page).

Takes the archive page, not the models, so that the page's route can serve it
without an import cycle. Links are full addresses, as feed readers need.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from forms.consent import municipality_settings

FEED_LENGTH = 20


class NewsletterFeed(Feed):
    feed_type = Atom1Feed
    language = "nl"

    def __init__(self, archive):
        super().__init__()
        self.archive = archive
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.archive

    def title(self, archive):
        return f"{archive.title} – Buurtpreventie {municipality_settings(self.request).municipality_name}"

    def subtitle(self, archive):
        return "De nieuwsbrieven over buurtpreventie: praktijkvoorbeelden van teams, nieuws en de agenda."

    def link(self, archive):
        return archive.get_full_url(self.request)

    def feed_url(self, archive):
        return archive.get_full_url(self.request) + archive.reverse_subpage("feed")

    def items(self, archive):
        return archive.issues()[:FEED_LENGTH]

    def item_title(self, issue):
        return issue.title

    def item_description(self, issue):
        return issue.intro

    def item_link(self, issue):
        return issue.get_full_url(self.request)

    def item_pubdate(self, issue):
        return issue.first_published_at

    def item_updateddate(self, issue):
        return issue.last_published_at
