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


class Team(models.Model):
    """A buurtpreventie team that walks rounds, or an app group, in one wijk."""

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
        return self.members.count()

    member_count.short_description = "Leden"


class TeamMember(models.Model):
    """A member of a team. Leaving means the row goes, with the name and address."""

    wagtail_reference_index_ignore = True  # personal data, not content

    team = models.ForeignKey(Team, verbose_name="team", on_delete=models.CASCADE, related_name="members")
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
