"""'Houd mij op de hoogte': addresses that want a mail when the next round opens."""

from django.db import models
from django.utils import timezone

from forms.models import ConsentRecord, OutgoingMail

from .rounds import RegistrationRound


class RoundAlertQuerySet(models.QuerySet):
    def forget(self):
        """Delete these addresses, with the outbox's copies of the mails sent to them; returns how many went."""
        OutgoingMail.objects.copies_sent_to(self.values_list("email", flat=True)).delete()
        _, per_model = self.delete()
        return per_model.get(RoundAlert._meta.label, 0)


class RoundAlert(ConsentRecord):
    """'Houd mij op de hoogte': a mail when the next registration round opens.

    Double opt-in: the address counts only once confirmed through the link in
    the first mail. Each confirmed address gets exactly one mail per round.
    """

    email = models.EmailField("E-mailadres", unique=True)
    created_at = models.DateTimeField("Aangevraagd op", auto_now_add=True)
    confirmed_at = models.DateTimeField("Bevestigd op", null=True, blank=True)

    objects = RoundAlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "bericht bij nieuw aanmeldmoment"
        verbose_name_plural = "berichten bij nieuw aanmeldmoment"

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    def forget(self):
        """Unsubscribed: the address goes, with the outbox's copies of the mails to it."""
        RoundAlert.objects.filter(pk=self.pk).forget()


class RoundAlertDelivery(models.Model):
    """That one address was told about one round: the guard against a second mail."""

    wagtail_reference_index_ignore = True  # not content; see forms.models.ConsentRecord

    alert = models.ForeignKey(RoundAlert, on_delete=models.CASCADE, related_name="deliveries")
    round = models.ForeignKey(RegistrationRound, on_delete=models.CASCADE, related_name="alert_deliveries")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "round"], name="one_alert_per_address_per_round")]

    def __str__(self):
        return f"{self.alert} — {self.round}"
