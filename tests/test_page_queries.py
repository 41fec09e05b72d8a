"""Every public page type renders with at most MAX_QUERIES SQL queries, however much content there is.

The site is built once with a little content and measured, then grown to three times as
much (chapters, FAQ items linking to pages of every type, roles, rounds, evenings,
sign-ups, home page links) and measured again: the counts must be the same. The page
cache is off (settings.test), so these are fresh renders: each page is counted right after
a content change (nothing kept in process memory, home/page_cache.py) and once more.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from aanmelding.models import EveningSignup
from aanmelding.motivation import sign_answers
from forms.motivation import STATEMENTS
from home.page_cache import content_changed
from tests.factories import (
    DossierChapterPageFactory,
    DossierPageFactory,
    EveningSignupFactory,
    FormFieldFactory,
    FormPageFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    MotivationQuestionnairePageFactory,
    RegistrationPageFactory,
    RegistrationRoundFactory,
    RoleFactory,
    StandardPageFactory,
    heading,
    paragraph,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
MOTIVATION_ANSWERS = {name: value for (name, _, _), value in zip(STATEMENTS, [5, 4, 3, 3, 2, None], strict=True)}
# The first request after a content change too, though it also reads the content version (home/page_cache.py).
MAX_QUERIES_AFTER_CHANGE = MAX_QUERIES


def page_link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


class Site:
    """One page of every public type; ``grow()`` adds content to each of them."""

    def __init__(self, home_page):
        self.home = home_page
        self.standard = StandardPageFactory(parent=home_page, title="Colofon")
        self.registration = RegistrationPageFactory(parent=home_page)
        self.round = RegistrationRoundFactory(title="Voorjaar")
        self.index = InfoEveningIndexPageFactory(parent=home_page)
        self.evening = InfoEveningPageFactory(parent=self.index, round=self.round, capacity=10)
        self.motivation = MotivationQuestionnairePageFactory(parent=home_page)
        self.dossier = DossierPageFactory(parent=home_page, show_in_menus=True)
        self.chapters = [DossierChapterPageFactory(parent=self.dossier)]
        self.faq = DossierChapterPageFactory(parent=self.dossier, title="Veelgestelde vragen")
        self.form = FormPageFactory(
            parent=home_page, title="Tussenevaluatie", submissions_group=Group.objects.create(name="Lezers")
        )
        self.roles = []
        self.rounds = 0
        self.grow(1)

    def grow(self, times):
        """``times`` more of everything, and the FAQ chapter republished with all of it."""
        for _ in range(times):
            number = len(self.roles)
            self.roles.append(RoleFactory())
            self.chapters.append(DossierChapterPageFactory(parent=self.dossier))
            StandardPageFactory(parent=self.home, show_in_menus=True)
            self.rounds += 1
            opens = self.round.closes_at + timedelta(days=30 * self.rounds)
            later = RegistrationRoundFactory(
                title=f"Ronde {self.rounds}", opens_at=opens, closes_at=opens + timedelta(days=14)
            )
            InfoEveningPageFactory(parent=self.index, round=later, starts_at=opens + timedelta(days=7))
            EveningSignupFactory(evening=self.evening, email=f"wacht{number}@example.org")
            # More questions are read in the same one query; submissions are not read at all.
            FormFieldFactory(page=self.form, label=f"Vraag {number}", field_type="multiline", required=False)
            FormSubmission.objects.create(page=self.form, form_data={"vraag": "antwoord"})
            EveningSignupFactory(
                evening=self.evening, email=f"lijst{number}@example.org", status=EveningSignup.Status.WAITLISTED
            )
        linked = [*self.chapters, self.standard, self.registration, self.index, self.evening, self.form]
        questions = [
            {"question": f"Vraag over {page.title}?", "answer": f"<p>Lees {page_link(page, page.title)}.</p>"}
            for page in linked
        ]
        self.faq.body = [
            heading("Vragen en antwoorden"),
            {"type": "faq", "value": {"title": "", "questions": questions}},
            heading("Wie doet wat"),
            {"type": "role_overview", "value": None},
            {"type": "roles", "value": {"title": "Alle rollen", "roles": [role.pk for role in self.roles]}},
            paragraph(" ".join(page_link(page, page.title) for page in linked)),
            # Contact details from the settings (home/contact_details.py): no query of their own.
            paragraph("<p>Bel [telefoon], mail [e-mail] of bij gevaar [alarmnummer].</p>"),
            {"type": "contact_details", "value": {"kind": "municipality", "title": "", "text": ""}},
            {"type": "contact_details", "value": {"kind": "emergency", "title": "", "text": ""}},
        ]
        self.faq.save_revision().publish()
        self.home.highlights = [
            {"type": "link", "value": {"page": page.pk, "title": "", "text": "Lees meer"}} for page in linked
        ]
        self.home.save_revision().publish()

    def urls(self):
        return {
            "home": self.home.url,
            "standard page": self.standard.url,
            "dossier": self.dossier.url,
            "chapter": self.chapters[0].url,
            "FAQ chapter": self.faq.url,
            "registration page": self.registration.url,
            "evening index": self.index.url,
            "evening": self.evening.url,
            "motivation questionnaire": self.motivation.url,
            # Its result: the answers signed in the address (aanmelding.motivation), a link to the registration page.
            "motivation result": f"{self.motivation.url}bedankt/?motivatie={sign_answers(MOTIVATION_ANSWERS)}",
            "form page": self.form.url,
            "search results": "/zoeken/?q=buurtpreventie",
        }


def queries_per_page(client, urls):
    """Per page: the queries of its first request after a content change, and of the next one."""
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warms Wagtail's site root paths (and creates the site settings), as on a running site
        content_changed()
        with CaptureQueriesContext(connection) as after_change:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        with CaptureQueriesContext(connection) as again:
            client.get(url)
        counts[name] = (len(after_change), len(again))
    return counts


def test_every_page_type_has_few_queries_that_do_not_grow_with_content(client, home_page):
    site = Site(home_page)
    before = queries_per_page(client, site.urls())

    site.grow(2)  # three times as much of everything
    after = queries_per_page(client, site.urls())

    assert after == before
    assert max(again for _, again in after.values()) <= MAX_QUERIES, str(after)
    assert max(after_change for after_change, _ in after.values()) <= MAX_QUERIES_AFTER_CHANGE, str(after)


def test_the_round_shown_is_the_open_one_among_many(client, home_page):
    """The grown site above really shows its content (the counts are not of empty pages)."""
    site = Site(home_page)
    site.grow(2)
    faq = client.get(site.faq.url).content.decode()
    assert faq.count('class="faq__item"') == len(site.chapters) + 5
    assert f'href="{site.evening.url}"' in faq
    assert faq.count('class="role-card"') == 3
    assert faq.count('class="contact-card"') == 2 and 'href="tel:112"' in faq
    assert timezone.now() < site.round.closes_at
