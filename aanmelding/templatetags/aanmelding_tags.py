from django import template
from django.utils import timezone

from aanmelding.models import RegistrationPage, RegistrationRound

register = template.Library()


@register.inclusion_tag("aanmelding/components/round_status.html")
def round_status():
    """The home page's line on registering: open now, opening later, or none planned."""
    now = timezone.now()
    current = RegistrationRound.current(now)
    next_round = None if current else RegistrationRound.next_upcoming(now)
    round_ = current or next_round
    return {
        "current_round": current,
        "next_round": next_round,
        "evening": round_.next_info_evening(now) if round_ else None,
        "registration_page": RegistrationPage.objects.live().only("id", "url_path", "path", "depth", "title").first(),
    }
