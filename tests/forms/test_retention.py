"""The retention cutoff follows the editors' setting."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from forms.retention import retention_cutoff
from home.models import MunicipalitySettings

pytestmark = pytest.mark.django_db


def test_the_cutoff_is_now_minus_the_retention_period_of_the_default_site(home_page):
    moment = timezone.now()
    assert retention_cutoff(moment=moment) == moment - timedelta(days=365)

    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.retention_days = 90
    municipality.save()

    assert retention_cutoff(moment=moment) == moment - timedelta(days=90)
    before = timezone.now()
    assert before - timedelta(days=90) <= retention_cutoff() <= timezone.now() - timedelta(days=90)


def test_a_site_can_be_given(home_page):
    other = Site.objects.create(hostname="andere-gemeente.example", root_page=home_page)
    municipality = MunicipalitySettings.for_site(other)
    municipality.retention_days = 30
    municipality.save()
    moment = timezone.now()

    assert retention_cutoff(site=other, moment=moment) == moment - timedelta(days=30)
    assert retention_cutoff(moment=moment) == moment - timedelta(days=365)
