"""Factories for test data: small, explicit, one per model."""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site

from aanmelding.models import (
    EveningSignup,
    InfoEveningIndexPage,
    InfoEveningPage,
    MotivationQuestionnairePage,
    Registration,
    RegistrationPage,
    RegistrationRound,
    Team,
    TeamMember,
    Wijk,
)
from dossier.models import DossierChapterPage, DossierPage, Role
from forms.form_pages import FormField, FormPage
from home.models import HomePage, StandardPage
from terugkoppeling.models import FeedbackIndexPage, FeedbackPage, PatrolReport, Signal, TeamReportPage


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Buurtpreventie"
    slug = "start"
    intro = "Samen zorgen we voor een veilige en prettige buurt."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een gewone pagina."
    body = factory.LazyFunction(lambda: [heading("Eerste kop"), paragraph("<p>Tekst.</p>")])

    class Meta:
        model = StandardPage


class DossierPageFactory(wagtail_factories.PageFactory):
    title = "Dossier buurtpreventie"
    slug = "dossier"
    intro = "Alles over buurtpreventie."
    summary = "<ul><li>Samen met gemeente en politie.</li></ul>"

    class Meta:
        model = DossierPage


class DossierChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hoofdstuk {n}")
    intro = "Waar dit hoofdstuk over gaat."
    body = factory.LazyFunction(
        lambda: [
            heading("Waarom"),
            paragraph("<p>Uitleg.</p>"),
            heading("Hoe"),
            paragraph("<p>Meer uitleg.</p>"),
        ]
    )

    class Meta:
        model = DossierChapterPage


class RoleFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rol {n}")
    organisation = "Gemeente"
    summary = "Wat deze rol doet."
    responsibilities = "<ul><li>Een taak.</li></ul>"
    what_you_can_expect = "<p>Hulp.</p>"
    what_they_expect = "<p>Inzet.</p>"
    how_to_reach = "<p>Via de gemeente.</p>"

    class Meta:
        model = Role


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_site_with_home():
    """A HomePage as the root of the default Site, like the real site."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


# --- aanmelding -----------------------------------------------------------------


class RegistrationRoundFactory(factory.django.DjangoModelFactory):
    """An open round by default: opened a week ago, closes in three weeks."""

    title = factory.Sequence(lambda n: f"Aanmeldmoment {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyAttribute(lambda r: r.opens_at + timedelta(days=28))
    description = ""

    class Meta:
        model = RegistrationRound


class WijkFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Wijk {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Wijk
        django_get_or_create = ["name"]


class RegistrationFactory(factory.django.DjangoModelFactory):
    round = factory.SubFactory(RegistrationRoundFactory)
    kind = Registration.Kind.JOIN_TEAM
    name = factory.Sequence(lambda n: f"Aanmelder {n}")
    email = factory.Sequence(lambda n: f"aanmelder{n}@example.org")
    phone = "06 12345678"
    postcode = "1234 AB"
    wijk = factory.SubFactory(WijkFactory)
    remarks = "Ik woon hier al twintig jaar."
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-11"

    class Meta:
        model = Registration


class RegistrationPageFactory(wagtail_factories.PageFactory):
    title = "Aanmelden"
    slug = "aanmelden"
    intro = "<p>Meld je aan voor buurtpreventie.</p>"
    closed_text = "<p>Aanmelden kan alleen tijdens een aanmeldmoment.</p>"
    thank_you_text = "<ol><li>Je krijgt een uitnodiging voor de informatieavond.</li></ol>"
    confirmation_mail_text = "Je krijgt een uitnodiging voor de informatieavond.\n\nDaarna volgt een gesprek."

    class Meta:
        model = RegistrationPage


class InfoEveningIndexPageFactory(wagtail_factories.PageFactory):
    title = "Informatiebijeenkomsten"
    slug = "informatiebijeenkomsten"
    intro = "<p>Kom naar een informatiebijeenkomst.</p>"

    class Meta:
        model = InfoEveningIndexPage


class InfoEveningPageFactory(wagtail_factories.PageFactory):
    """An evening in two weeks, sign-up open until the day before, 50 seats."""

    title = factory.Sequence(lambda n: f"Informatiebijeenkomst {n}")
    round = factory.SubFactory(RegistrationRoundFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    signup_deadline = factory.LazyAttribute(lambda e: e.starts_at - timedelta(days=1))
    location_name = "Buurthuis De Schakel"
    location_address = "Dorpsstraat 1, 1234 AB Voorbeeld"
    accessibility_notes = "Rolstoeltoegankelijk, met ringleiding."
    capacity = 50
    attendees = "De wijkagent en de coördinator buurtpreventie."

    class Meta:
        model = InfoEveningPage


class EveningSignupFactory(factory.django.DjangoModelFactory):
    evening = factory.SubFactory(InfoEveningPageFactory)
    name = factory.Sequence(lambda n: f"Bewoner {n}")
    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    persons = 1
    status = EveningSignup.Status.CONFIRMED
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-11"

    class Meta:
        model = EveningSignup


class TeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.STREET_TEAM
    wijk = factory.SubFactory(WijkFactory)
    coordinator_name = factory.Sequence(lambda n: f"Coördinator {n}")
    coordinator_email = factory.Sequence(lambda n: f"coordinator{n}@example.org")

    class Meta:
        model = Team


class TeamMemberFactory(factory.django.DjangoModelFactory):
    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Teamlid {n}")
    email = factory.Sequence(lambda n: f"teamlid{n}@example.org")

    class Meta:
        model = TeamMember


class MotivationQuestionnairePageFactory(wagtail_factories.PageFactory):
    """'Wat drijft jou?', with an advice text per profile that a test can find on the result."""

    title = "Wat drijft jou?"
    slug = "motivatie"
    intro = "<p>Geef bij zes uitspraken aan hoe je erover denkt.</p>"
    advice_normative = "<p>Advies normatief: loop rondes met een team.</p>"
    advice_pragmatic = "<p>Advies pragmatisch: doe het samen met je buren.</p>"
    advice_rational = "<p>Advies rationeel: volg extra cursussen.</p>"

    class Meta:
        model = MotivationQuestionnairePage


# --- terugkoppeling ---------------------------------------------------------------


class PatrolReportFactory(factory.django.DjangoModelFactory):
    """A round walked yesterday evening, with something noticed."""

    team = factory.SubFactory(TeamFactory)
    walked_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    start_time = "20:00"
    end_time = "21:15"
    route = "Dorpsstraat, Kerkpad, Molenweg"
    area = PatrolReport.Area.ALSO_BACK_PATHS
    walker_count = 2
    noticed_something = True
    noticed = "Een schuurdeur stond open aan het Kerkpad."
    spoke_with_residents = False
    attention = factory.LazyFunction(lambda: ["deuren_ramen", "verlichting"])

    class Meta:
        model = PatrolReport


class SignalFactory(factory.django.DjangoModelFactory):
    report = factory.SubFactory(PatrolReportFactory)
    reported_on = factory.LazyAttribute(lambda s: s.report.walked_on)
    category = Signal.Category.LIGHTING
    street = "Molenweg"
    house_number = "12"
    description = "Lantaarnpaal brandt niet."

    class Meta:
        model = Signal


class TeamReportPageFactory(wagtail_factories.PageFactory):
    title = "Verslag van een loopronde"
    slug = "loopronde"
    intro = "<p>Deze pagina open je met de teamlink die je coördinator kreeg.</p>"
    form_intro = "<p>Vul na elke ronde dit verslag in.</p>"
    thank_you_text = "<p>Bedankt voor jullie verslag.</p>"

    class Meta:
        model = TeamReportPage


class FeedbackIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wat we met jullie meldingen deden"
    slug = "terugkoppeling"
    intro = "<p>Per periode: wat jullie meldden en wat wij deden.</p>"

    class Meta:
        model = FeedbackIndexPage


class FeedbackPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Terugkoppeling {n}")
    year = 2026
    period = "k3"
    summary = "<p>Een rustig kwartaal.</p>"

    class Meta:
        model = FeedbackPage


# --- forms: editor-built form pages --------------------------------------------------


class FormPageFactory(wagtail_factories.PageFactory):
    """A form page without questions; add them with FormFieldFactory(page=...). Needs a submissions_group."""

    title = factory.Sequence(lambda n: f"Formulier {n}")
    intro = "<p>Vul dit formulier in.</p>"
    thank_you_text = "<p>We lezen je antwoorden snel.</p>"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Vraag {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField
