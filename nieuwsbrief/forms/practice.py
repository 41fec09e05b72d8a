"""'Deel je praktijkvoorbeeld': the form through which a team sends in what they did.

Its ``save()`` stores the photo (cleaned, see ``nieuwsbrief.photos``), makes a
draft ``PracticeExamplePage`` in the moderation workflow, keeps the contact
details apart in a ``PracticeExampleSubmission`` and queues the receipt, all in
the transaction of the form handler (``forms.base.process_public_form``).
"""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.db import transaction

from forms.base import PublicForm
from forms.consent import ConsentMixin
from forms.fields import INVALID_EMAIL_MESSAGE, EmailField, NameField

from .. import photos
from ..hooks import wijk_choices
from ..mails import practice as mails
from ..models import PracticeExamplePage, PracticeExampleSubmission

PHOTO_ALT_MESSAGE = "Beschrijf wat er op de foto te zien is, voor wie hem niet kan zien."
NO_INDEX_MESSAGE = (
    "Insturen kan op dit moment niet: de site heeft nog geen overzicht van praktijkvoorbeelden. "
    "Er is niets opgeslagen. Probeer het later nog eens."
)


def text_field(label, *, help_text="", max_length=3000, rows=5, required_message):
    return django_forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        widget=django_forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required_message},
    )


class ShareExampleForm(ConsentMixin, PublicForm):
    consent_text = (
        "Ik geef toestemming om dit voorbeeld, met de naam van ons team en de wijk, op de website en "
        "in de nieuwsbrief te publiceren. Staan er mensen herkenbaar op de foto, dan vinden zij dat goed."
    )

    name = NameField(
        label="Je naam",
        help_text="Alleen voor de redactie, komt niet op de website.",
        error_messages={"required": "Vul je naam in."},
    )
    email = EmailField(
        help_text="Hierop krijg je een ontvangstbevestiging, en een mail zodra je voorbeeld op de website staat.",
        error_messages={"required": "Vul je e-mailadres in.", "invalid": INVALID_EMAIL_MESSAGE},
    )
    team = django_forms.CharField(
        label="Naam van je team",
        max_length=PracticeExamplePage._meta.get_field("team_name").max_length,
        help_text="Bijvoorbeeld ‘Buurtpreventie Noorderpark’ of de naam van jullie app-groep.",
        error_messages={"required": "Vul de naam van je team in."},
    )
    wijk = django_forms.ChoiceField(
        label="Wijk",
        choices=[],
        error_messages={"required": "Kies de wijk van je team.", "invalid_choice": "Kies een wijk uit de lijst."},
    )
    title = django_forms.CharField(
        label="Titel van je voorbeeld",
        max_length=100,
        help_text="Kort en duidelijk, bijvoorbeeld ‘Avondronde met zaklamp langs open deuren’.",
        error_messages={"required": "Geef je voorbeeld een titel."},
    )
    what_we_did = text_field(
        "Wat hebben jullie gedaan?",
        help_text="Vertel wat jullie deden, met wie en hoe vaak.",
        rows=6,
        required_message="Vertel wat jullie gedaan hebben.",
    )
    what_came_of_it = text_field(
        "Wat leverde het op?",
        help_text="Wat merkten jullie of de buurt ervan?",
        required_message="Vertel wat het opleverde.",
    )
    tip = text_field(
        "Tip voor andere teams",
        max_length=1500,
        rows=3,
        required_message="Geef een tip voor andere teams.",
    )
    photo = django_forms.FileField(
        label="Foto",
        required=False,
        help_text="Een JPEG-, PNG- of HEIC-foto van hoogstens 5 MB. We halen de gegevens over plaats en camera eruit.",
        widget=django_forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/heic,image/heif"}),
    )
    photo_alt = django_forms.CharField(
        label="Wat is er op de foto te zien?",
        required=False,
        max_length=PracticeExamplePage._meta.get_field("photo_alt").max_length,
        help_text="Verplicht bij een foto: een korte beschrijving voor wie de foto niet kan zien.",
    )

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        wijk = self.fields["wijk"]
        wijk.choices = wijk_choices(blank_label="Kies je wijk")
        # Without a list of wijken there is nothing to choose: the field is left out.
        if len(wijk.choices) == 1:
            del self.fields["wijk"]

    def clean_photo(self):
        uploaded = self.cleaned_data.get("photo")
        if not uploaded:
            return None
        return photos.clean_photo(uploaded)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt", "").strip():
            self.add_error("photo_alt", PHOTO_ALT_MESSAGE)
        elif self.errors.get("photo") is None and not cleaned.get("photo"):
            cleaned["photo_alt"] = ""  # a description without a photo describes nothing
        return cleaned

    def full_clean(self):
        super().full_clean()
        # A browser never fills a file input in again: a good photo on a form with other errors is lost.
        if self.is_bound and self.errors and self.cleaned_data.get("photo"):
            self.add_error("photo", photos.CHOOSE_AGAIN_MESSAGE)

    def save(self):
        """Store the submission (see the module docstring); returns the ``PracticeExampleSubmission``."""
        index = self.page.target_index() if self.page is not None else None
        if index is None:
            raise ValidationError(NO_INDEX_MESSAGE, code="no_index")
        data = self.cleaned_data
        image = None
        try:
            with transaction.atomic():
                if data.get("photo"):
                    image = photos.store_photo(data["photo"], data["title"])
                page = PracticeExamplePage.draft_from_submission(
                    index,
                    title=data["title"],
                    what_we_did=data["what_we_did"],
                    what_came_of_it=data["what_came_of_it"],
                    tip=data["tip"],
                    team_name=data["team"],
                    wijk=data.get("wijk", ""),
                    photo=image,
                    photo_alt=data["photo_alt"] if image else "",
                )
                submission = PracticeExampleSubmission(page=page, name=data["name"], email=data["email"])
                submission.record_consent()
                submission.save()
                page.submit_for_moderation()
                mails.queue_received(submission, page)
        except BaseException:
            # The database rolls the rows back, but not the file the image wrote to storage.
            if image is not None:
                image.file.storage.delete(image.file.name)
            raise
        return submission
