"""'Deel je praktijkvoorbeeld': a valid submission becomes a draft in moderation; photos are cleaned or refused."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail as django_mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowState

from forms.models import OutgoingMail
from forms.testing import clear_rate_limits, public_form_data
from nieuwsbrief import photos
from nieuwsbrief.forms.practice import PHOTO_ALT_MESSAGE
from nieuwsbrief.models import PracticeExamplePage, PracticeExampleSubmission
from tests.factories import UserFactory, WijkFactory

from .practice_support import (
    PracticeExampleIndexPageFactory,
    ShareExamplePageFactory,
    gps_exif,
    image_bytes,
)

pytestmark = pytest.mark.django_db

WHAT_WE_DID = (
    "Elke donderdagavond lopen we met twee of drie mensen een rondje door de wijk. We hebben een zaklamp bij ons "
    "en kijken of schuurdeuren en ramen dicht zijn.\n\nStaat er iets open, dan laten we een kaartje achter."
)
FIELDS = {
    "name": "Fatima el Amrani",
    "email": "fatima@example.org",
    "team": "Buurtpreventie Lindenlaan",
    "wijk": "Noorderpark",
    "title": "Avondronde met zaklamp",
    "what_we_did": WHAT_WE_DID,
    "what_came_of_it": "Minder open schuurdeuren en buren die elkaar nu groeten.",
    "tip": "Houd het kaartje vriendelijk: niemand wil een preek.",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    clear_rate_limits()
    yield settings.MEDIA_ROOT
    clear_rate_limits()


@pytest.fixture
def index(home_page):
    return PracticeExampleIndexPageFactory(parent=home_page)


@pytest.fixture
def share_page(home_page, index):
    WijkFactory(name="Noorderpark")
    WijkFactory(name="Zuiderhaven")
    return ShareExamplePageFactory(parent=home_page)


def submit(client, page, photo=None, **changes):
    data = public_form_data({**FIELDS, **changes})
    if photo is not None:
        data["photo"] = photo
    return client.post(page.url, data)


def upload(data, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(media_root):
    return [path for path in Path(media_root).rglob("*") if path.is_file()] if Path(media_root).exists() else []


def test_a_submission_becomes_a_draft_in_moderation_with_the_contact_details_apart(client, share_page, index):
    moderator = UserFactory(username="moderator", email="moderator@gemeente.example")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))

    response = submit(client, share_page)

    assert response.status_code == 302 and response["Location"].endswith("/bedankt/")
    page = PracticeExamplePage.objects.get()
    assert not page.live and page.get_parent().specific == index
    assert page.title == "Avondronde met zaklamp" and page.team_name == "Buurtpreventie Lindenlaan"
    assert page.wijk == "Noorderpark" and page.photo is None
    assert page.summary.startswith("Elke donderdagavond lopen we") and len(page.summary) <= 300
    headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
    assert headings == ["Wat we deden", "Wat het opleverde", "Tip voor andere teams"]
    assert "Staat er iets open" in str(page.body)
    # Nothing of the submitter on the page, anywhere.
    assert "Fatima" not in str(page.get_latest_revision().content) and "fatima@" not in str(page.body)

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by is None
    assert page.workflow_in_progress

    submission = PracticeExampleSubmission.objects.get()
    assert (submission.page, submission.name, submission.email) == (page, "Fatima el Amrani", "fatima@example.org")
    assert submission.consent_given_at is not None

    receipt = OutgoingMail.objects.get()
    assert receipt.to == "fatima@example.org" and "ontvangen" in receipt.subject
    assert "Avondronde met zaklamp" in receipt.body_text
    # Wagtail's own notification to the moderators.
    assert any("moderator@gemeente.example" in message.to for message in django_mail.outbox)

    thanks = client.get(response["Location"]).content.decode()
    assert "We hebben ‘Avondronde met zaklamp’ ontvangen." in thanks


def test_the_form_asks_for_a_wijk_from_the_list(client, share_page):
    html = client.get(share_page.url).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert '<option value="Noorderpark">Noorderpark</option>' in html
    response = submit(client, share_page, wijk="Atlantis")
    assert "Kies een wijk uit de lijst." in response.content.decode()
    assert not PracticeExamplePage.objects.exists()


def test_a_jpeg_photo_is_stored_upright_without_exif_or_gps(client, share_page, media):
    data = image_bytes("JPEG", size=(80, 40), exif=gps_exif())
    assert Image.open(io.BytesIO(data)).getexif() and b"GPSLatitude" in data  # the upload carries EXIF and XMP

    submit(client, share_page, photo=upload(data), photo_alt="Twee mensen met een zaklamp bij een schuur")

    page = PracticeExamplePage.objects.get()
    assert page.photo_alt == "Twee mensen met een zaklamp bij een schuur"
    image = get_image_model().objects.get()
    assert page.photo == image and image.collection.name == photos.COLLECTION_NAME
    with image.open_file() as stored:
        picture = Image.open(stored)
        picture.load()
    assert picture.format == "JPEG"
    assert not picture.getexif() and "exif" not in picture.info and "xmp" not in picture.info
    with image.open_file() as stored:
        raw = stored.read()
    assert b"Exif" not in raw and b"GPSLatitude" not in raw and b"Telefoonmaker" not in raw
    assert picture.size == (40, 80)  # turned upright by its EXIF orientation, then the EXIF went
    assert (image.width, image.height) == (40, 80)


def test_a_png_photo_is_stored_as_jpeg(client, share_page):
    submit(client, share_page, photo=upload(image_bytes("PNG"), "foto.png", "image/png"), photo_alt="Een lantaarnpaal")

    image = get_image_model().objects.get()
    with image.open_file() as stored:
        assert Image.open(stored).format == "JPEG"


def test_a_heic_photo_from_a_phone_is_stored_as_jpeg(client, share_page):
    heic = image_bytes("HEIF", size=(64, 64))
    assert heic[4:12] in (b"ftypheic", b"ftypmif1", b"ftypheix")

    submit(client, share_page, photo=upload(heic, "IMG_0001.HEIC", "image/heic"), photo_alt="Een straat bij avond")

    image = get_image_model().objects.get()
    with image.open_file() as stored:
        picture = Image.open(stored)
        assert picture.format == "JPEG" and picture.size == (64, 64)


def big_jpeg():
    noise = Image.effect_noise((2600, 2600), 100).convert("RGB")
    output = io.BytesIO()
    noise.save(output, format="JPEG", quality=100)
    data = output.getvalue()
    assert len(data) > photos.MAX_BYTES
    return data


def truncated_jpeg():
    data = image_bytes("JPEG", size=(300, 300))
    return data[: len(data) // 2]


def pdf_named_jpg():
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (big_jpeg, photos.TOO_BIG_MESSAGE),
        (lambda: b"Dit is gewoon tekst, geen foto.", photos.NOT_AN_IMAGE_MESSAGE),
        (pdf_named_jpg, photos.NOT_AN_IMAGE_MESSAGE),
        (truncated_jpeg, photos.BROKEN_MESSAGE),
        (lambda: image_bytes("GIF"), photos.NOT_AN_IMAGE_MESSAGE),
    ],
    ids=["over-5-mb", "text", "pdf-named-jpg", "truncated", "gif"],
)
def test_a_refused_photo_stores_nothing_and_keeps_what_was_typed(client, share_page, media, make, message):
    response = submit(client, share_page, photo=upload(make()), photo_alt="Een foto")

    html = response.content.decode()
    assert response.status_code == 200
    assert message.replace("'", "&#x27;") in html and "Kies de foto opnieuw" in html
    assert 'value="Avondronde met zaklamp"' in html and "Staat er iets open" in html
    assert 'value="Een foto"' in html
    assert not get_image_model().objects.exists()
    assert not PracticeExamplePage.objects.exists() and not PracticeExampleSubmission.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert stored_files(media) == []


def test_a_photo_needs_a_description(client, share_page, media):
    response = submit(client, share_page, photo=upload(image_bytes()), photo_alt=" ")

    html = response.content.decode()
    assert PHOTO_ALT_MESSAGE in html
    # The browser lost the chosen file: the form says to choose it again.
    assert photos.CHOOSE_AGAIN_MESSAGE in html
    assert not get_image_model().objects.exists() and stored_files(media) == []


def test_a_description_without_a_photo_is_dropped(client, share_page):
    submit(client, share_page, photo_alt="Een foto die er niet is")

    assert PracticeExamplePage.objects.get().photo_alt == ""


def test_a_missing_field_keeps_the_rest_and_stores_nothing(client, share_page):
    response = submit(client, share_page, tip="", consent="")

    html = response.content.decode()
    assert "Geef een tip voor andere teams." in html and "Geef toestemming" in html
    assert 'value="fatima@example.org"' in html
    assert not PracticeExamplePage.objects.exists()


def test_without_an_overview_nothing_is_stored_and_the_form_says_so(client, share_page, index):
    index.delete()

    response = submit(client, share_page, photo=upload(image_bytes()), photo_alt="Een foto")

    assert "Er is niets opgeslagen." in response.content.decode()
    assert not PracticeExampleSubmission.objects.exists() and not get_image_model().objects.exists()


def test_the_consent_covers_publication_and_the_people_on_the_photo(client, share_page):
    html = client.get(share_page.url).content.decode()

    assert "Staan er mensen herkenbaar op de foto, dan vinden zij dat goed." in html


def test_a_failure_after_the_photo_was_written_leaves_no_file_behind(client, share_page, media, monkeypatch):
    def broken_start(self, obj, user):
        raise RuntimeError("Wagtail's workflow failed")

    monkeypatch.setattr(Workflow, "start", broken_start)

    with pytest.raises(RuntimeError):
        submit(client, share_page, photo=upload(image_bytes()), photo_alt="Een foto")

    assert not get_image_model().objects.exists() and not PracticeExamplePage.objects.exists()
    assert stored_files(media) == []
