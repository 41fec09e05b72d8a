"""Editor-built form pages (forms.form_pages): serving, consent, mail, purge, export and who sees what."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from forms.consent import CONSENT_REQUIRED_MESSAGE
from forms.fields import INVALID_EMAIL_MESSAGE
from forms.form_pages import GROUP_CHANGE_MESSAGE, RESERVED_NAME_MESSAGE, FormField, FormPage, mail_source
from forms.models import OutgoingMail
from forms.tasks import clear_expired_data
from forms.testing import clear_rate_limits, public_form_data
from home.models import MunicipalitySettings
from tests.factories import FormFieldFactory, FormPageFactory, UserFactory

from .conftest import soup

pytestmark = pytest.mark.django_db

CONSENT_TEXT = (
    "Ik geef toestemming dat de gemeente mijn naam, e-mailadres en vraag gebruikt om mijn vraag te beantwoorden."
)
FORMULA = '=HYPERLINK("https://kwaad.example","klik")'
REQUIRED = "Dit is een verplicht veld."


@pytest.fixture(autouse=True)
def no_rate_limit_left_over():
    clear_rate_limits()
    yield
    clear_rate_limits()


@pytest.fixture
def readers():
    return Group.objects.create(name="Lezers contactformulier")


@pytest.fixture
def contact_page(home_page, readers):
    page = FormPageFactory(
        parent=home_page,
        title="Stel je vraag",
        slug="contactformulier",
        consent_text=CONSENT_TEXT,
        to_address="balie@gemeente.example, wijkteam@gemeente.example",
        submissions_group=readers,
    )
    FormFieldFactory(page=page, label="Naam", sort_order=1)
    FormFieldFactory(page=page, label="E-mailadres", field_type="email", sort_order=2)
    FormFieldFactory(page=page, label="Je vraag", field_type="multiline", sort_order=3)
    FormFieldFactory(
        page=page, label="Onderwerp", field_type="radio", choices="Team\nApp-groep\nIets anders", sort_order=4
    )
    return page


@pytest.fixture
def evaluation_page(home_page):
    page = FormPageFactory(
        parent=home_page, title="Tussenevaluatie", slug="evaluatie", submissions_group=Group.objects.create(name="Eval")
    )
    FormFieldFactory(
        page=page,
        label="Hoe gaat het contact met de politie?",
        field_type="radio",
        choices="1 – slecht\n2 – matig\n3 – redelijk\n4 – goed\n5 – heel goed",
    )
    FormFieldFactory(page=page, label="Wat kan beter?", field_type="multiline", required=False)
    return page


def contact_fields(**overrides):
    data = {
        "naam": "Piet de Vries",
        "e_mailadres": "piet@example.org",
        "je_vraag": "Hoe start ik een team?\nWij zijn met vijf buren.",
        "onderwerp": "Team",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client, page, data, **extra):
    return client.post(page.url, public_form_data(data), **extra)


def admin_user(*groups, superuser=False):
    user = UserFactory(is_superuser=superuser)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user.groups.add(*groups)
    return user


# --- the public form ---------------------------------------------------------------------------


def test_the_form_shows_the_questions_in_order_with_spam_fields_and_the_consent_line(client, contact_page):
    response = client.get(contact_page.url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    form = page.find("form", class_="form")
    names = [element["name"] for element in form.find_all(["input", "textarea"]) if element.get("type") != "hidden"]
    assert names[:4] == ["naam", "e_mailadres", "je_vraag", "onderwerp"]
    assert form.find("input", attrs={"name": "website"}) is not None  # the honeypot
    assert form.find("input", attrs={"name": "form_ts", "type": "hidden"})["value"]
    assert page.find("input", attrs={"name": "naam"})["autocomplete"] == "name"
    assert page.find("input", attrs={"name": "e_mailadres"})["autocomplete"] == "email"
    consent = page.find("input", attrs={"name": "consent", "type": "checkbox"})
    assert CONSENT_TEXT in page.find("label", attrs={"for": consent["id"]}).get_text()
    assert page.find("fieldset").find("legend").get_text(strip=True) == "Onderwerp"


def test_a_valid_submission_is_stored_mailed_through_the_outbox_and_thanked(client, contact_page):
    response = post(client, contact_page, contact_fields())

    assert response.status_code == 302
    assert response["Location"] == contact_page.url + "bedankt/"
    submission = FormSubmission.objects.get(page=contact_page)
    data = submission.form_data
    assert data["naam"] == "Piet de Vries" and data["e_mailadres"] == "piet@example.org"
    assert data["onderwerp"] == "Team"
    assert "consent" not in data and "website" not in data and "form_ts" not in data
    assert data["consent_version"] and data["consent_given_at"]

    mail = OutgoingMail.objects.get()
    assert mail.recipients == ["balie@gemeente.example", "wijkteam@gemeente.example"]
    assert mail.reply_to_addresses == ["piet@example.org"]  # staff answer by replying
    assert mail.subject == "Nieuw via het formulier ‘Stel je vraag’"
    assert mail.source == mail_source(contact_page.pk)
    assert "Je vraag\nHoe start ik een team?\nWij zijn met vijf buren." in mail.body_text
    assert f"/admin/forms/submissions/{contact_page.pk}/" in mail.body_text
    assert "<script" not in mail.body_html

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    text = soup(thanks).get_text()
    assert "We hebben je antwoorden ontvangen." in text
    assert "We lezen je antwoorden snel." in text  # the page's thank-you text
    assert "Piet" not in text and "piet@example.org" not in text  # no answers, not even one's own


def test_the_notification_mail_is_queued_in_the_transaction_and_handed_to_the_worker(
    client, contact_page, django_capture_on_commit_callbacks
):
    from .conftest import mail_enqueues

    with django_capture_on_commit_callbacks() as callbacks:
        post(client, contact_page, contact_fields())
    assert len(mail_enqueues(callbacks)) == 1
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.PENDING


def test_without_an_address_no_mail_goes(client, evaluation_page):
    response = post(client, evaluation_page, {"hoe_gaat_het_contact_met_de_politie": "4 – goed"})

    assert response.status_code == 302
    assert FormSubmission.objects.get(page=evaluation_page).form_data == {
        "hoe_gaat_het_contact_met_de_politie": "4 – goed",
        "wat_kan_beter": "",
    }
    assert not OutgoingMail.objects.exists()


def test_bad_input_gets_dutch_errors_keeps_what_was_typed_and_stores_nothing(client, contact_page):
    response = post(client, contact_page, contact_fields(naam="", e_mailadres="piet@", onderwerp="Iets geks"))

    assert response.status_code == 200
    page = soup(response)
    summary = page.find(class_="error-summary")
    assert summary.find("h2").get_text() == "Er ging iets mis"
    items = [item.get_text(strip=True) for item in summary.find_all("li")]
    assert items[:2] == [f"Naam: {REQUIRED}", f"E-mailadres: {INVALID_EMAIL_MESSAGE}"]
    assert "Onderwerp: Selecteer een geldige keuze. Iets geks is geen beschikbare keuze." in items
    assert page.find("input", attrs={"name": "naam"})["aria-invalid"] == "true"
    assert page.find("input", attrs={"name": "e_mailadres"})["value"] == "piet@"
    assert page.find("textarea", attrs={"name": "je_vraag"}).get_text().strip().startswith("Hoe start ik een team?")
    assert page.find("input", attrs={"name": "consent"}).has_attr("checked")
    assert not FormSubmission.objects.exists() and not OutgoingMail.objects.exists()


def test_a_caught_bot_gets_the_same_redirect_and_nothing_is_stored_or_sent(client, contact_page):
    response = post(client, contact_page, contact_fields(website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == contact_page.url + "bedankt/"
    assert not FormSubmission.objects.exists() and not OutgoingMail.objects.exists()
    # The thank-you page then says nothing was received: it shows its general text.
    text = soup(client.get(response["Location"])).get_text()
    assert "ontvangen" not in text and "Bedankt voor het invullen" in text


def test_a_form_sent_back_too_fast_is_returned_with_what_was_typed(client, contact_page):
    response = client.post(contact_page.url, public_form_data(contact_fields(), seconds_ago=0))

    assert response.status_code == 200
    assert "erg snel verstuurd" in soup(response).find(class_="error-summary").get_text()
    assert soup(response).find("input", attrs={"name": "naam"})["value"] == "Piet de Vries"
    assert not FormSubmission.objects.exists()


def test_consent_is_required_when_the_page_has_a_consent_text(client, contact_page):
    response = post(client, contact_page, contact_fields(consent=None))

    assert response.status_code == 200
    assert CONSENT_REQUIRED_MESSAGE in soup(response).find(class_="error-summary").get_text()
    assert not FormSubmission.objects.exists() and not OutgoingMail.objects.exists()


def test_a_page_without_consent_text_has_no_consent_box_and_records_none(client, evaluation_page):
    assert soup(client.get(evaluation_page.url)).find("input", attrs={"name": "consent"}) is None
    post(client, evaluation_page, {"hoe_gaat_het_contact_met_de_politie": "5 – heel goed"})
    assert "consent_given_at" not in FormSubmission.objects.get().form_data


def test_the_thank_you_page_never_shows_another_browsers_or_another_forms_submission(
    client, contact_page, evaluation_page
):
    post(client, contact_page, contact_fields())
    # Another browser opens the thank-you address: it received nothing.
    from django.test import Client

    other = soup(Client().get(contact_page.url + "bedankt/")).get_text()
    assert "ontvangen" not in other and "Piet" not in other
    # The same browser at another form page's thank-you address: that page's own submissions only.
    evaluation_thanks = soup(client.get(evaluation_page.url + "bedankt/")).get_text()
    assert "ontvangen" not in evaluation_thanks


def test_the_eleventh_post_within_a_minute_gets_429_and_stores_nothing(client, contact_page, evaluation_page):
    statuses = [post(client, contact_page, contact_fields(naam="")).status_code for _ in range(10)]
    assert statuses == [200] * 10

    # The limit counts every form page together: the next page does not start afresh.
    response = post(client, evaluation_page, {"hoe_gaat_het_contact_met_de_politie": "4 – goed"})
    assert response.status_code == 429
    assert "Even geduld" in soup(response).get_text()
    assert not FormSubmission.objects.exists()
    other = post(client, contact_page, contact_fields(), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302


# --- the questions in the editor -------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Website", "form_ts", "consent", "Submit time"])
def test_a_question_may_not_take_a_name_the_form_uses_itself(contact_page, label):
    field = FormField(page=contact_page, label=label, field_type="singleline")
    with pytest.raises(ValidationError) as error:
        field.full_clean()
    assert error.value.message_dict["label"] == [RESERVED_NAME_MESSAGE.format(name=label)]


def test_a_choice_question_needs_choices(contact_page):
    with pytest.raises(ValidationError) as error:
        FormField(page=contact_page, label="Cijfer", field_type="radio", choices=" ").full_clean()
    assert "choices" in error.value.message_dict


def test_the_page_editor_and_both_previews_work(client, contact_page):
    client.force_login(admin_user(superuser=True))
    edit = client.get(f"/admin/pages/{contact_page.pk}/edit/")
    assert edit.status_code == 200
    assert "Wie mag de inzendingen zien" in edit.content.decode()

    form_preview = contact_page.make_preview_request(preview_mode="form")
    assert form_preview.status_code == 200 and b'name="je_vraag"' in form_preview.content
    landing_preview = contact_page.make_preview_request(preview_mode="landing")
    assert landing_preview.status_code == 200 and "Bedankt voor het invullen" in landing_preview.content.decode()


def edit_data(page, **overrides):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    fields = [
        {
            "id": str(field.pk),
            "ORDER": str(number),
            "label": field.label,
            "help_text": field.help_text,
            "required": "on" if field.required else "",
            "field_type": field.field_type,
            "choices": field.choices,
            "default_value": field.default_value,
        }
        for number, field in enumerate(page.form_fields.all())
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(page.intro),
        "thank_you_text": rich_text(page.thank_you_text),
        "consent_text": page.consent_text,
        "form_fields": inline_formset(fields),
        "submissions_group": str(page.submissions_group_id),
        "retention_days": "",
        "to_address": page.to_address,
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_only_members_of_the_group_may_hand_the_submissions_to_another_group(client, contact_page, readers):
    moderators = Group.objects.get(name="Moderatoren")
    editor = admin_user(moderators)  # may edit and publish the page, but does not read its submissions
    client.force_login(editor)
    url = f"/admin/pages/{contact_page.pk}/edit/"

    response = client.post(url, edit_data(contact_page, submissions_group=str(moderators.pk)))
    assert response.status_code == 200
    assert GROUP_CHANGE_MESSAGE in response.content.decode()
    assert FormPage.objects.get(pk=contact_page.pk).submissions_group == readers
    # Other changes stay theirs to make.
    response = client.post(url, edit_data(contact_page, title="Stel hier je vraag"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert FormPage.objects.get(pk=contact_page.pk).get_latest_revision().as_object().title == "Stel hier je vraag"

    member = admin_user(readers, moderators)
    client.force_login(member)
    response = client.post(url, edit_data(contact_page, submissions_group=str(moderators.pk)))
    assert response.status_code == 302
    assert FormPage.objects.get(pk=contact_page.pk).get_latest_revision().as_object().submissions_group == moderators


# --- purge ----------------------------------------------------------------------------------------


def submission_at(page, moment, **data):
    submission = FormSubmission.objects.create(page=page, form_data=data or {"naam": "Iemand"})
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=moment)
    return submission


def sent_mail_at(page, moment, status=OutgoingMail.Status.SENT):
    mail = OutgoingMail.objects.create(
        to="balie@gemeente.example",
        from_email="site@gemeente.example",
        subject="Nieuw",
        body_text="Naam: Iemand",
        status=status,
        source=mail_source(page.pk),
    )
    OutgoingMail.objects.filter(pk=mail.pk).update(created_at=moment)
    return mail


def test_the_periodic_clean_up_deletes_submissions_past_each_pages_retention(contact_page, evaluation_page):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = 365
    settings.save()
    contact_page.retention_days = 30
    contact_page.save()
    now = timezone.now()
    old_contact = submission_at(contact_page, now - timedelta(days=31))
    new_contact = submission_at(contact_page, now - timedelta(days=29))
    old_evaluation = submission_at(evaluation_page, now - timedelta(days=366))
    kept_evaluation = submission_at(evaluation_page, now - timedelta(days=300))  # the site's 365 days count
    old_copy = sent_mail_at(contact_page, now - timedelta(days=31))
    new_copy = sent_mail_at(contact_page, now - timedelta(days=29))
    unsent = sent_mail_at(contact_page, now - timedelta(days=40), status=OutgoingMail.Status.PENDING)

    counts = clear_expired_data.call()

    assert counts["form submissions"] == 2
    remaining = set(FormSubmission.objects.values_list("pk", flat=True))
    assert remaining == {new_contact.pk, kept_evaluation.pk}
    assert old_contact.pk not in remaining and old_evaluation.pk not in remaining
    mails = set(OutgoingMail.objects.values_list("pk", flat=True))
    assert old_copy.pk not in mails and {new_copy.pk, unsent.pk} <= mails  # a mail still to send stays
    assert clear_expired_data.call()["form submissions"] == 0  # safe to run twice


# --- the admin: who sees what, and the export ---------------------------------------------------


@pytest.fixture
def other_page(home_page):
    """A second form page, read by another group, with one submission."""
    page = FormPageFactory(
        parent=home_page, title="Ander formulier", slug="ander", submissions_group=Group.objects.create(name="Ander")
    )
    FormFieldFactory(page=page, label="Naam")
    return page


def submissions_url(page, suffix=""):
    return f"/admin/forms/submissions/{page.pk}/{suffix}"


FORMS_INDEX = "/admin/formulieren/"


def assert_refused(response):
    """Wagtail's answer to a refused admin request: back to the dashboard with a message (or a 403)."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def test_members_of_the_group_see_and_export_the_submissions_others_are_refused(client, contact_page, readers):
    post(client, contact_page, contact_fields())
    reader = admin_user(readers)
    client.force_login(reader)
    listing = client.get(submissions_url(contact_page))
    assert listing.status_code == 200 and "Piet de Vries" in listing.content.decode()
    # They find it in the menu, without any right on pages.
    dashboard = client.get("/admin/").content.decode()
    assert f'"url": "{FORMS_INDEX}"' in dashboard or f'href="{FORMS_INDEX}"' in dashboard
    index = client.get(FORMS_INDEX)
    assert index.status_code == 200 and submissions_url(contact_page) in index.content.decode()

    # An editor who may edit and publish every page, but is not in the group.
    editor = admin_user(Group.objects.get(name="Moderatoren"))
    assert editor.has_perm("wagtailadmin.access_admin")
    client.force_login(editor)
    assert_refused(client.get(submissions_url(contact_page)))
    assert_refused(client.get(submissions_url(contact_page, "?export=csv")))
    assert_refused(client.get(submissions_url(contact_page, "?export=xlsx")))
    submission = FormSubmission.objects.get()
    delete = submissions_url(contact_page, f"delete/?selected-submissions={submission.pk}")
    assert_refused(client.get(delete))
    assert_refused(client.post(delete))
    assert FormSubmission.objects.filter(pk=submission.pk).exists()
    assert submissions_url(contact_page) not in client.get("/admin/forms/").content.decode()
    assert_refused(client.get(FORMS_INDEX))


def test_one_pages_admin_urls_never_reach_another_pages_submissions(client, contact_page, other_page, readers):
    theirs = FormSubmission.objects.create(page=other_page, form_data={"naam": "Geheim Persoon"})
    ours = FormSubmission.objects.create(page=contact_page, form_data={"naam": "Piet de Vries"})
    for user in (admin_user(readers), admin_user(superuser=True)):
        client.force_login(user)
        # Their submission's id on our page's delete address (the class of CVE-2026-44199).
        delete = submissions_url(contact_page, f"delete/?selected-submissions={theirs.pk}")
        confirm = client.get(delete)
        assert confirm.status_code == 200 and "Geheim" not in confirm.content.decode()
        client.post(delete)
        assert FormSubmission.objects.filter(pk=theirs.pk).exists()
        # Our list and its exports hold our submissions only.
        assert "Geheim" not in client.get(submissions_url(contact_page)).content.decode()
        assert "Geheim" not in client.get(submissions_url(contact_page, "?export=csv")).content.decode("utf-8-sig")
    # A reader of our page gets nothing of the other page, by any of its addresses.
    client.force_login(admin_user(readers))
    for suffix in ["", "?export=csv", "?export=xlsx", f"delete/?selected-submissions={theirs.pk}"]:
        assert_refused(client.get(submissions_url(other_page, suffix)))
    assert_refused(client.post(submissions_url(other_page, f"delete/?selected-submissions={theirs.pk}")))
    assert FormSubmission.objects.filter(pk__in=[theirs.pk, ours.pk]).count() == 2


def test_a_member_may_delete_this_pages_submissions(client, contact_page, readers):
    ours = FormSubmission.objects.create(page=contact_page, form_data={"naam": "Piet de Vries"})
    client.force_login(admin_user(readers))
    response = client.post(submissions_url(contact_page, f"delete/?selected-submissions={ours.pk}"))
    assert response.status_code == 302
    assert not FormSubmission.objects.exists()


def test_users_outside_every_group_see_no_forms(client, contact_page, other_page):
    client.force_login(admin_user())
    assert_refused(client.get(FORMS_INDEX))
    assert "/admin/forms/submissions/" not in client.get("/admin/").content.decode()
    inactive = admin_user(contact_page.submissions_group)
    inactive.is_active = False
    inactive.save()
    from wagtail.contrib.forms.utils import get_forms_for_user

    assert not get_forms_for_user(inactive).exists()
    assert set(get_forms_for_user(admin_user(superuser=True))) >= {contact_page.page_ptr, other_page.page_ptr}


def test_the_csv_and_xlsx_exports_neutralise_formulas(client, contact_page, readers):
    dangerous = [FORMULA, "+31 6 12345678", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
    for value in dangerous:
        FormSubmission.objects.create(page=contact_page, form_data={"naam": value, "je_vraag": "gewoon"})
    client.force_login(admin_user(readers))

    response = client.get(submissions_url(contact_page, "?export=csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Verstuurd op",
        "Naam",
        "E-mailadres",
        "Je vraag",
        "Onderwerp",
        "Toestemming gegeven op",
        "Versie privacyverklaring",
    ]
    assert sorted(row[1] for row in rows[1:]) == sorted("'" + value for value in dangerous)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell

    response = client.get(submissions_url(contact_page, "?export=xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [sheet.cell(row=row, column=2) for row in range(2, len(dangerous) + 2)]
    assert all(cell.data_type == "s" for cell in names)  # text: shown, never run
    # As typed, without a quote in front (a spreadsheet reads a carriage return as a line break).
    assert {cell.value.replace("\n", "\r") for cell in names} == set(dangerous)
    assert sheet.cell(row=1, column=2).value == "Naam"


def test_the_form_page_reads_the_same_number_of_queries_however_many_questions_and_submissions(client, evaluation_page):
    def count():
        client.get(evaluation_page.url)  # warms the routes and the site settings, as on a running site
        client.get(evaluation_page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(evaluation_page.url)
        assert response.status_code == 200
        return len(queries)

    before = count()
    for number in range(6):
        FormFieldFactory(page=evaluation_page, label=f"Extra vraag {number}", required=False)
        FormSubmission.objects.create(page=evaluation_page, form_data={"wat_kan_beter": "x"})
    assert count() == before


# --- the demo -------------------------------------------------------------------------------------


def test_the_demo_builds_both_forms_once(db):
    from forms import demo as forms_demo
    from home import demo as home_demo

    out = io.StringIO()
    home_demo.load(out)
    forms_demo.load(out)
    forms_demo.load(out)

    evaluation = FormPage.objects.get(slug="evaluatieformulier")
    contact = FormPage.objects.get(slug="contactformulier")
    assert FormPage.objects.count() == 2 and evaluation.live and contact.live
    assert evaluation.submissions_group.permissions.filter(codename="handle_registrations").exists()
    assert contact.submissions_group == evaluation.submissions_group
    ratings = [field for field in evaluation.form_fields.all() if field.field_type == "radio"]
    assert len(ratings) == 4 and all(field.choices.count("\n") == 4 for field in ratings)
    assert not any(field.required for field in evaluation.form_fields.all() if field.field_type != "radio")
    assert not evaluation.consent_text and not evaluation.to_address
    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    assert contact.to_address == municipality.contact_email
    assert "om mijn vraag te beantwoorden" in contact.consent_text
    assert [field.field_type for field in contact.form_fields.all()] == ["singleline", "email", "multiline"]
