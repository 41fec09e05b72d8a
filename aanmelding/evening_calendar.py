"""The information evening or interim evaluation as an iCalendar (.ics) event.

One event per evening with a stable UID, so that a calendar replaces or
removes the same entry: PUBLISH for "Zet in je agenda", the confirmation and
the mail about a changed time or place, CANCEL when the resident cancels.
Calendar programs take a version only if its SEQUENCE is higher than the one
they hold, so the sequence only grows (``InfoEveningPage.calendar_sequence``,
kept by ``aanmelding.seats``): a new time or place raises it, and a
cancellation takes one above the current one and leaves the evening's
beyond it, so signing up again after cancelling is taken too. The mail
attachment's MIME type carries the method (``text/calendar; method=...``),
as Outlook and others require. Times carry the Europe/Amsterdam zone with its
VTIMEZONE, so summer and winter time come out right in every calendar program.
"""

from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress

from forms.mail import absolute_url

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PUBLISH = "PUBLISH"
CANCEL = "CANCEL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(evening):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"informatiebijeenkomst-{evening.pk}@{host}"


def _local(moment):
    return timezone.localtime(moment, AMSTERDAM)


def evening_calendar(evening, method=PUBLISH, request=None, sequence=None):
    """The .ics file for one evening, as bytes.

    ``sequence`` defaults to the evening's current one, and one above it for a CANCEL.
    """
    if sequence is None:
        sequence = evening.calendar_sequence + (1 if method == CANCEL else 0)
    calendar = Calendar()
    calendar.add("prodid", "-//Gemeente//Buurtpreventie informatiebijeenkomsten//NL")
    calendar.add("version", "2.0")
    calendar.add("method", method)

    event = Event()
    # The UID stays 'informatiebijeenkomst-<pk>' for both kinds: calendars match on it, so it never changes.
    event.add("uid", event_uid(evening))
    event.add("dtstamp", datetime.now(tz=AMSTERDAM))
    event.add("dtstart", _local(evening.starts_at))
    event.add("dtend", _local(evening.ends_at))
    event.add("summary", f"{evening.kind_label()} buurtpreventie: {evening.title}")
    event.add("location", evening.where_text())
    url = absolute_url(evening.url, request)
    event.add("url", url)
    description = [f"Meer informatie: {url}"]
    if evening.attendees:
        description.insert(0, f"Aanwezig: {strip_tags(evening.attendees)}")
    event.add("description", "\n".join(description))
    event.add("sequence", sequence)
    if method == CANCEL:
        # RFC 5546: a cancellation names the organiser.
        event.add("status", "CANCELLED")
        event.add("organizer", vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}"))
    else:
        event.add("status", "CONFIRMED")
    calendar.add_component(event)
    # Only the event's year of Amsterdam's transitions (the default, 1970-2038, costs 3 kB and 9 ms).
    year = _local(evening.starts_at).year
    calendar.add_missing_timezones(first_date=date(year, 1, 1), last_date=date(year + 1, 1, 1))
    return calendar.to_ical()


def attachment(evening, method=PUBLISH, request=None, sequence=None):
    """``(filename, content, mimetype)`` for forms.mail.queue_mail."""
    content = evening_calendar(evening, method, request, sequence).decode("utf-8")
    return (evening.calendar_filename(), content, f"text/calendar; method={method}")
