"""Practice examples in a real browser: sharing one with a photo by keyboard alone, axe on every page and state."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from nieuwsbrief import photos
from nieuwsbrief.models import PracticeExampleIndexPage, PracticeExamplePage, PracticeExampleSubmission
from tests.browser.conftest import PHONE, VIEWPORTS
from tests.browser.test_evenings import assert_fits_the_screen, focused, main_text
from tests.browser.test_site import tab_to
from tests.nieuwsbrief.practice_support import gps_exif, image_bytes

# The flush after each transactional test also removes what migrations
# created (root page, locale, groups, workflows); load_demo_content makes them again.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms", "media")]

SHARE_URL = "/deel-je-praktijkvoorbeeld/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def type_into(page, field_id, text):
    page.keyboard.press("Tab")
    assert focused(page) == field_id
    page.keyboard.type(text)


def test_a_team_shares_an_example_with_a_photo_by_keyboard_alone(demo_site, open_page, assert_accessible, tmp_path):
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(image_bytes("JPEG", size=(120, 90), exif=gps_exif()))
    page, response = open_page(SHARE_URL, PHONE)
    assert response.status == 200

    tab_to(page, "#id_name")
    page.keyboard.type("Fatima el Amrani")
    type_into(page, "id_email", "fatima@example.org")
    type_into(page, "id_team", "Buurtpreventie Lindenlaan")
    page.keyboard.press("Tab")
    assert focused(page) == "id_wijk"
    page.keyboard.type("Noorderpark")  # a closed select chooses by typing, as with a screen reader
    assert page.locator("#id_wijk").input_value() == "Noorderpark"
    type_into(page, "id_title", "Zaklamprondje langs de schuren")
    type_into(page, "id_what_we_did", "We lopen op donderdagavond met een zaklamp langs de achterpaden.")
    type_into(page, "id_what_came_of_it", "Veel minder open schuurdeuren.")
    type_into(page, "id_tip", "Laat een vriendelijk kaartje achter.")
    page.keyboard.press("Tab")
    assert focused(page) == "id_photo"
    # A file chooser is the operating system's dialog: the test gives it the file.
    page.locator("#id_photo").set_input_files(str(photo))
    type_into(page, "id_photo_alt", "Een zaklamp die een schuurdeur verlicht")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to(page, "main button[type=submit]")
    assert page.locator("main button[type=submit]").inner_text().strip() == "Voorbeeld insturen"
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor je praktijkvoorbeeld"
    assert "We hebben ‘Zaklamprondje langs de schuren’ ontvangen." in main_text(page)
    assert_accessible(page)
    example = PracticeExamplePage.objects.get(title="Zaklamprondje langs de schuren")
    assert not example.live and example.wijk == "Noorderpark"
    assert WorkflowState.objects.get(object_id=str(example.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert example.photo.collection.name == photos.COLLECTION_NAME
    with example.photo.open_file() as stored:
        assert b"Exif" not in stored.read()
    assert PracticeExampleSubmission.objects.get(page=example).email == "fatima@example.org"


@VIEWPORTS
def test_the_overview_an_example_and_a_filtered_list_have_no_axe_violations(
    demo_site, open_page, assert_accessible, viewport
):
    index = PracticeExampleIndexPage.objects.live().get()
    example = PracticeExamplePage.objects.live().exclude(photo=None).first()
    theme = example.themes.first()

    page, _ = open_page(index.url, viewport)
    assert page.locator(".example-card").count() == 4
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # The filters are plain links: Enter on one loads the filtered list.
    tab_to(page, f".example-filter a[href='?thema={theme.slug}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**?thema={theme.slug}")
    assert page.locator(f".example-filter a[aria-current='true']:has-text('{theme.name}')").count() == 1
    assert_accessible(page)

    page, _ = open_page(example.url, viewport)
    assert page.locator(f"main img[alt='{example.photo_alt}']").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_share_form_and_its_error_state_have_no_axe_violations(
    demo_site, open_page, assert_accessible, viewport, tmp_path
):
    not_a_photo = tmp_path / "foto.jpg"
    not_a_photo.write_bytes(b"%PDF-1.4 dit is geen foto")
    page, _ = open_page(SHARE_URL, viewport)
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page.fill("#id_name", "Jan Smit")
    page.fill("#id_title", "Een voorbeeld")
    page.locator("#id_photo").set_input_files(str(not_a_photo))
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")

    assert photos.NOT_AN_IMAGE_MESSAGE in main_text(page)
    assert page.locator("#id_photo").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_name").input_value() == "Jan Smit"
    assert page.locator("#id_title").input_value() == "Een voorbeeld"
    assert not get_image_model().objects.filter(title="Een voorbeeld").exists()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)
