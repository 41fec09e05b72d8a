"""Teams: street teams and app groups, their coordinator and members, and the team link.

A team is made by a handler from an admitted "new team / new app group"
registration; an admitted "join a team" registration adds its person as a
member. The team link is a secret address (no accounts): the coordinator
gets it by mail and shares it within the team. Only a hash of its token is
stored, so the database never holds a working link; a handler renews it
(the old one stops at once) or revokes it.
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .rounds import Wijk

TOKEN_BYTES = 32  # 43 characters of base64url: far beyond guessing


def hash_link_token(token):
    """The stored form of a team-link token. Tokens are long and random, so a plain hash suffices."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TeamQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_link_token(self, token):
        """The active team whose current link is ``token`` (empty for anything else)."""
        if not token or len(token) > 100:
            return self.none()
        return self.active().filter(link_token_hash=hash_link_token(token))


class Team(ClusterableModel):
    """A buurtpreventie team that walks rounds, or an app group, in one wijk.

    Clusterable so that the admin edits a team and its members in one form (an InlinePanel).
    """

    class Kind(models.TextChoices):
        STREET_TEAM = "straatteam", "Team dat rondes loopt"
        APP_GROUP = "appgroep", "App-groep"

    name = models.CharField("Naam", max_length=120)
    kind = models.CharField("Soort", max_length=20, choices=Kind.choices, default=Kind.STREET_TEAM)
    wijk = models.ForeignKey(Wijk, verbose_name="wijk", on_delete=models.PROTECT, related_name="teams")
    coordinator_name = models.CharField("Naam coördinator of beheerder", max_length=150)
    coordinator_email = models.EmailField("E-mailadres coördinator of beheerder")
    is_active = models.BooleanField(
        "Actief",
        default=True,
        help_text="Een team dat stopt, zet je op niet actief: het verdwijnt uit het aanmeldformulier en "
        "de teamlink werkt niet meer. Verslagen en cijfers blijven.",
    )
    # The registration the team was made from (new team / new app group), if any.
    registration = models.OneToOneField(
        "aanmelding.Registration",
        verbose_name="aanmelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team_made",
    )
    created_at = models.DateTimeField("Aangemaakt op", auto_now_add=True)
    # sha256 of the team link's token; NULL when the link is revoked.
    link_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    link_created_at = models.DateTimeField("Teamlink gemaakt op", null=True, blank=True, editable=False)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["wijk__sort_order", "wijk__name", "name"]
        verbose_name = "team"
        verbose_name_plural = "teams"
        constraints = [
            models.UniqueConstraint(fields=["wijk", "name"], name="one_team_name_per_wijk"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.name and self.wijk_id:
            clash = Team.objects.filter(wijk_id=self.wijk_id, name__iexact=self.name.strip()).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"name": "In deze wijk is al een team met deze naam."})

    @property
    def has_link(self):
        return self.link_token_hash is not None

    def new_link_token(self):
        """Make a new team link and return its token (shown or mailed once, never stored); the old one stops."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.link_token_hash = hash_link_token(token)
        self.link_created_at = timezone.now()
        self.save(update_fields=["link_token_hash", "link_created_at"])
        return token

    def revoke_link(self):
        self.link_token_hash = None
        self.link_created_at = None
        self.save(update_fields=["link_token_hash", "link_created_at"])

    def member_count(self):
        # The admin list annotates ``member_total`` (one query for the whole list).
        total = getattr(self, "member_total", None)
        return self.members.count() if total is None else total

    member_count.short_description = "Leden"
    member_count.admin_order_field = "member_total"

    def link_status(self):
        """The team link's state in words, for the admin: when it was made, never the link itself."""
        if not self.has_link:
            return "Geen teamlink"
        return f"Gemaakt op {timezone.localtime(self.link_created_at):%d-%m-%Y %H:%M}"

    link_status.short_description = "Teamlink"

    def coordinator(self):
        return f"{self.coordinator_name} ({self.coordinator_email})"

    coordinator.short_description = "Coördinator of beheerder"
    coordinator.admin_order_field = "coordinator_name"

    @classmethod
    def default_name_for(cls, registration):
        """The team's name from a registration: its proposed name, else the kind and the wijk."""
        if name := registration.initiative_name.strip():
            return name
        base = "App-groep" if registration.kind == registration.Kind.NEW_APP_GROUP else "Buurtpreventieteam"
        return f"{base} {registration.wijk}"

    @classmethod
    def create_from_registration(cls, registration):
        """The team of an admitted "new team / new app group" registration, with the applicant as first member.

        Raises ValidationError (Dutch) when the registration cannot make a team, or already made one.
        """
        Registration = registration.__class__
        if registration.kind not in Registration.NEW_INITIATIVES:
            raise ValidationError("Alleen een aanmelding voor een nieuw team of een nieuwe app-groep maakt een team.")
        if registration.status != Registration.Status.ADMITTED:
            raise ValidationError("Maak pas een team als de aanmelding is toegelaten.")
        if registration.personal_data_removed or not registration.email:
            raise ValidationError("De gegevens van deze aanmelding zijn verwijderd; er kan geen team meer van komen.")
        if cls.objects.filter(registration=registration).exists():
            raise ValidationError("Van deze aanmelding is al een team gemaakt.")
        name = cls.default_name_for(registration)
        if cls.objects.filter(wijk_id=registration.wijk_id, name__iexact=name).exists():
            name = f"{name} ({registration.reference})"  # names are unique per wijk
        team = cls.objects.create(
            name=name[:120],
            kind=cls.Kind.APP_GROUP if registration.kind == Registration.Kind.NEW_APP_GROUP else cls.Kind.STREET_TEAM,
            wijk_id=registration.wijk_id,
            coordinator_name=registration.name,
            coordinator_email=registration.email,
            registration=registration,
        )
        TeamMember.objects.create(team=team, name=registration.name, email=registration.email)
        return team


class TeamMember(models.Model):
    """A member of a team. Leaving means the row goes, with the name and address."""

    wagtail_reference_index_ignore = True  # personal data, not content

    team = ParentalKey(Team, verbose_name="team", on_delete=models.CASCADE, related_name="members")
    name = models.CharField("Naam", max_length=150)
    email = models.EmailField("E-mailadres", blank=True)
    # The "join a team" registration this member came from, if any.
    registration = models.OneToOneField(
        "aanmelding.Registration",
        verbose_name="aanmelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team_membership",
    )
    joined_at = models.DateTimeField("Lid sinds", auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "teamlid"
        verbose_name_plural = "teamleden"

    def __str__(self):
        return self.name

    @classmethod
    def add_from_registration(cls, registration, team):
        """The member for an admitted "join a team" registration. Raises ValidationError (Dutch) if it cannot."""
        Registration = registration.__class__
        if registration.kind != Registration.Kind.JOIN_TEAM:
            raise ValidationError("Alleen een aanmelding om aan te sluiten bij een team voegt iemand toe aan een team.")
        if registration.status != Registration.Status.ADMITTED:
            raise ValidationError("Voeg iemand pas toe als de aanmelding is toegelaten.")
        if registration.personal_data_removed or not registration.name:
            raise ValidationError("De gegevens van deze aanmelding zijn verwijderd; toevoegen kan niet meer.")
        if cls.objects.filter(registration=registration).exists():
            raise ValidationError("Deze aanvrager is al lid van een team.")
        if not team.is_active:
            raise ValidationError("Dit team is niet actief. Kies een actief team.")
        return cls.objects.create(
            team=team, name=registration.name, email=registration.email, registration=registration
        )
