"""The consent checkbox, its link to the privacy statement and the stored consent."""

import pytest
from django import forms as django_forms
from django.db import models
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Site

from forms.base import PublicForm, PublicModelForm
from forms.consent import CONSENT_REQUIRED_MESSAGE, ConsentMixin
from forms.models import ConsentRecord
from forms.testing import public_form_data
from home.models import MunicipalitySettings
from tests.factories import StandardPageFactory

from .conftest import parse

pytestmark = pytest.mark.django_db


class SubscribeForm(ConsentMixin, PublicForm):
    consent_text = "Ik wil de nieuwsbrief ontvangen en geef toestemming om mijn e-mailadres daarvoor te gebruiken."
    email = django_forms.EmailField()


class ConsentExample(ConsentRecord):
    """A model only for these tests; never saved, so it needs no table."""

    email = models.EmailField()

    class Meta:
        app_label = "forms"
        managed = False


class ConsentExampleForm(ConsentMixin, PublicModelForm):
    class Meta:
        model = ConsentExample
        fields = ["email"]


def a_request():
    return RequestFactory().get("/")


def set_privacy_page(page):
    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.privacy_page = page
    municipality.save()


def consent_label(form):
    return parse(form).find("label", attrs={"for": "id_consent"})


def test_consent_is_required_with_a_dutch_message(home_page):
    form = SubscribeForm(public_form_data({"email": "a@example.org"}), request=a_request())
    assert not form.is_valid()
    assert form.errors["consent"] == [CONSENT_REQUIRED_MESSAGE]
    assert CONSENT_REQUIRED_MESSAGE == "Geef toestemming om je gegevens te gebruiken."


def test_a_ticked_box_is_valid(home_page):
    form = SubscribeForm(public_form_data({"email": "a@example.org", "consent": "on"}), request=a_request())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["consent"] is True


def test_the_label_links_the_privacy_statement(home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacyverklaring", slug="privacy")
    set_privacy_page(privacy)

    label = consent_label(SubscribeForm(request=a_request()))

    assert label.get_text().startswith(SubscribeForm.consent_text)
    link = label.find("a")
    assert link["href"] == privacy.url
    assert link["target"] == "_blank"
    assert "opent in een nieuw tabblad" in link.get_text()


def test_without_a_request_the_default_site_is_used(home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacyverklaring", slug="privacy")
    set_privacy_page(privacy)
    assert consent_label(SubscribeForm()).find("a")["href"].endswith("/privacy/")


def test_without_a_privacy_page_the_label_names_it_without_a_link(home_page):
    label = consent_label(SubscribeForm(request=a_request()))
    assert label.find("a") is None
    assert "privacyverklaring" in label.get_text()


def test_an_unpublished_privacy_page_is_not_linked(home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacyverklaring", slug="privacy", live=False)
    set_privacy_page(privacy)
    assert consent_label(SubscribeForm(request=a_request())).find("a") is None


def test_a_model_form_records_when_and_to_which_version_consent_was_given(home_page, settings):
    settings.CONSENT_VERSION = "2030-01"
    before = timezone.now()
    form = ConsentExampleForm(public_form_data({"email": "a@example.org", "consent": "on"}))

    assert form.is_valid(), form.errors
    instance = form.save(commit=False)

    assert instance.consent_version == "2030-01"
    assert before <= instance.consent_given_at <= timezone.now()


def test_no_consent_is_recorded_without_the_box(home_page):
    form = ConsentExampleForm(public_form_data({"email": "a@example.org"}))
    assert not form.is_valid()
    assert form.instance.consent_given_at is None
    assert form.instance.consent_version == ""
