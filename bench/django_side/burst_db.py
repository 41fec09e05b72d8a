"""The sign-up burst's side in the database: its evening, the sign-ups read back, the clean-up.

Runs in `manage.py shell` (see bench/django_side/__init__.py). BENCH_ACTION says what to do:

- "setup" (BENCH_SLUG_PREFIX, BENCH_SLUG, BENCH_CAPACITY): remove evenings left by an
  interrupted run, create a fresh evening (and, when the database has none, an index page and a
  round), and answer with its URL and the form settings the residents need.
- "counts" (BENCH_EVENING): read its sign-ups and their confirmation mails back.
- "cleanup" (BENCH_EVENING, BENCH_CREATED): delete everything the burst created.
"""

import datetime
import json
import os
import urllib.parse

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from wagtail.models import Site

from aanmelding.models import EveningSignup, InfoEveningIndexPage, InfoEveningPage, RegistrationRound
from bench.django_side import emit
from forms import conf, ratelimit
from forms.models import OutgoingMail
from forms.spam import SpamProtectionMixin

INDEX_SLUG = "benchmark-informatiebijeenkomsten"
ROUND_TITLE = "Benchmark-aanmeldmoment"


def drop_tasks(mails, objects):
    # Tasks no worker has run yet (none runs during the bench) about what the burst made: sending
    # its mails, and Wagtail's search and reference index updates of its pages and sign-ups,
    # which would fail once those are gone.
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return 0
    paths = {
        "forms.tasks.send_outgoing_mail",
        "wagtail.tasks.update_reference_index_task",
        "modelsearch.tasks.insert_or_update_object_task",
    }
    doomed = []
    for task in DBTaskResult.objects.filter(task_path__in=paths, status="READY").only("id", "args_kwargs"):
        args = (task.args_kwargs or {}).get("args") or []
        if (len(args) == 1 and args[0] in mails) or [str(arg) for arg in args[:3]] in objects:
            doomed.append(task.pk)
    return DBTaskResult.objects.filter(pk__in=doomed).delete()[0]


def remove_evening(evening):
    # Sign-ups PROTECT their evening, so they go first, with the confirmation mails they
    # queued (and those mails' tasks), so that no worker sends them later. The addresses are the
    # bench's own (bench-N@example.org).
    signups = list(evening.signups.values_list("pk", "email"))
    emails = [email for _, email in signups]
    # Sent ones too: with a worker running (bench/signup_scale.py) they went to the local SMTP server.
    mails = set(OutgoingMail.objects.filter(to__in=emails).values_list("pk", flat=True))
    objects = [["aanmelding", "eveningsignup", str(pk)] for pk, _ in signups]
    objects.append(["aanmelding", "infoeveningpage", str(evening.pk)])
    with transaction.atomic():
        tasks = drop_tasks(mails, objects)
        OutgoingMail.objects.filter(pk__in=mails).delete()
        EveningSignup.objects.filter(evening=evening).delete()
        evening.delete()
    return {"signups": len(signups), "mails": len(mails), "tasks": tasks}


def setup():
    out = {}
    # Evenings left behind by an interrupted run.
    stale = InfoEveningPage.objects.filter(slug__startswith=os.environ["BENCH_SLUG_PREFIX"])
    out["stale"] = [remove_evening(evening) for evening in stale]
    now = timezone.now()
    created = {}
    index = InfoEveningIndexPage.objects.first()
    if index is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        index = site.root_page.add_child(
            instance=InfoEveningIndexPage(title="Informatiebijeenkomsten (benchmark)", slug=INDEX_SLUG)
        )
    if index.slug == INDEX_SLUG:
        created["index"] = index.pk
    round_ = RegistrationRound.objects.first()
    if round_ is None:
        round_ = RegistrationRound.objects.create(
            title=ROUND_TITLE, opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=60)
        )
    if round_.title == ROUND_TITLE:
        created["round"] = round_.pk
    starts = (now + datetime.timedelta(days=30)).replace(minute=0, second=0, microsecond=0)
    evening = index.add_child(
        instance=InfoEveningPage(
            title=f"Benchmark-bijeenkomst {timezone.localtime(now):%Y-%m-%d %H:%M:%S}",
            slug=os.environ["BENCH_SLUG"],
            round=round_,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            signup_deadline=starts - datetime.timedelta(days=1),
            location_name="Benchmarkzaal",
            location_address="Loopbackweg 127, Testdorp",
            capacity=int(os.environ["BENCH_CAPACITY"]),
        )
    )
    url = evening.get_url()
    out.update(
        pk=evening.pk,
        title=evening.title,
        path=urllib.parse.urlsplit(url).path if url else None,
        open=evening.is_signup_open(),
        created=created,
        min_submit_seconds=conf.get("FORMS_MIN_SUBMIT_SECONDS"),
        trusted_proxy_count=int(conf.get("FORMS_TRUSTED_PROXY_COUNT") or 0),
        rate_limit=ratelimit.DEFAULT_LIMIT,
        rate_window=ratelimit.DEFAULT_WINDOW,
        csrf_cookie=settings.CSRF_COOKIE_NAME,
        honeypot=SpamProtectionMixin.honeypot_field_name,
        timestamp=SpamProtectionMixin.timestamp_field_name,
    )
    return out


def counts():
    evening = InfoEveningPage.objects.get(pk=int(os.environ["BENCH_EVENING"]))
    names = {EveningSignup.Status.CONFIRMED: "confirmed", EveningSignup.Status.WAITLISTED: "waitlisted"}
    signups = list(evening.signups.order_by("pk").values_list("persons", "status", "email", "created_at"))
    # The confirmation mails, queued in the same transaction as the sign-ups.
    first = min((s[3] for s in signups), default=None) or timezone.now()
    mails = OutgoingMail.objects.filter(to__in=[s[2] for s in signups], created_at__gte=first)
    return {
        "capacity": evening.capacity,
        "seats_taken": evening.seats_taken(),
        "seats_left": evening.seats_left(),
        "waitlisted": evening.waitlisted_count(),
        "signups": [[persons, names.get(status, status), email] for persons, status, email, _ in signups],
        "mails": mails.count(),
    }


def cleanup():
    evening = InfoEveningPage.objects.filter(pk=int(os.environ["BENCH_EVENING"])).first()
    removed = remove_evening(evening) if evening else {"signups": 0, "mails": 0, "tasks": 0}
    created = json.loads(os.environ["BENCH_CREATED"])
    index = InfoEveningIndexPage.objects.filter(pk=created.get("index")).first()
    if index is not None and not index.get_children().exists():
        removed["tasks"] += drop_tasks(set(), [["aanmelding", "infoeveningindexpage", str(index.pk)]])
        index.delete()
    try:
        RegistrationRound.objects.filter(pk=created.get("round")).delete()
    except ProtectedError:
        pass
    return {"removed": removed}


ACTIONS = {"setup": setup, "counts": counts, "cleanup": cleanup}


def main() -> None:
    emit(ACTIONS[os.environ["BENCH_ACTION"]]())
