"""Consent: a required checkbox whose label links the privacy statement.

``ConsentMixin`` adds the field ``consent`` (last in the form) to a
``PublicForm``/``PublicModelForm``. Its label links the privacy statement set
in the site settings (``MunicipalitySettings.privacy_page``), opening in a new
tab so nothing typed is lost; without such a page the label says where to
find it, without a link. Not ticked: "Geef toestemming om je gegevens te
gebruiken.", or the form's own ``consent_required_message``: a form whose
processing is a public task (no consent needed) asks only that the reader has
read the statement, and its message says so (``READ_REQUIRED_MESSAGE``).

For a model form whose model inherits ``forms.models.ConsentRecord``, a ticked
box calls ``instance.record_consent()`` during validation, so ``form.save()``
stores ``consent_given_at`` and ``consent_version`` (setting
``CONSENT_VERSION``).
"""

from django import forms as django_forms
from django.utils.html import format_html
from wagtail.models import Site

from home.models import MunicipalitySettings

from .models import ConsentRecord

CONSENT_REQUIRED_MESSAGE = "Geef toestemming om je gegevens te gebruiken."
READ_REQUIRED_MESSAGE = "Vink aan dat je hebt gelezen hoe de gemeente je gegevens gebruikt."
DEFAULT_CONSENT_TEXT = "Ik geef toestemming dat de gemeente mijn gegevens gebruikt om dit formulier af te handelen."


def municipality_settings(request=None, site=None):
    """The ``MunicipalitySettings`` for this request, this site or the default site (or None)."""
    if request is not None:
        return MunicipalitySettings.for_request(request)
    site = site or Site.objects.filter(is_default_site=True).first()
    return MunicipalitySettings.for_site(site) if site else None


def privacy_statement_url(request=None, site=None):
    """URL of the published privacy statement, or None if there is none."""
    municipality = municipality_settings(request, site)
    page = municipality.privacy_page if municipality else None
    if page is None or not page.live:
        return None
    return page.get_url(request)


def consent_label(text=DEFAULT_CONSENT_TEXT, privacy_url=None):
    if privacy_url:
        return format_html(
            '{} Lees hoe we met je gegevens omgaan in de <a href="{}" target="_blank" rel="noopener">'
            "privacyverklaring (opent in een nieuw tabblad)</a>.",
            text,
            privacy_url,
        )
    return format_html("{} Hoe we met je gegevens omgaan, staat in de privacyverklaring van de gemeente.", text)


class ConsentField(django_forms.BooleanField):
    """A required checkbox; its label links the privacy statement when ``privacy_url`` is given."""

    def __init__(self, *, text=DEFAULT_CONSENT_TEXT, privacy_url=None, **kwargs):
        kwargs.setdefault("required", True)
        kwargs.setdefault("label", consent_label(text, privacy_url))
        error_messages = {"required": CONSENT_REQUIRED_MESSAGE, **kwargs.pop("error_messages", {})}
        super().__init__(error_messages=error_messages, **kwargs)


class ConsentMixin:
    """Adds the consent checkbox; put it before ``PublicForm``/``PublicModelForm`` in the bases."""

    consent_field_name = "consent"
    consent_text = DEFAULT_CONSENT_TEXT
    consent_required_message = CONSENT_REQUIRED_MESSAGE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        url = privacy_statement_url(getattr(self, "request", None))
        self.fields[self.consent_field_name] = ConsentField(
            text=self.consent_text, privacy_url=url, error_messages={"required": self.consent_required_message}
        )

    def full_clean(self):
        super().full_clean()
        instance = getattr(self, "instance", None)
        if self.is_bound and self.cleaned_data.get(self.consent_field_name) and isinstance(instance, ConsentRecord):
            instance.record_consent()
