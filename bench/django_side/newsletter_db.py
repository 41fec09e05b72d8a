"""The newsletter benchmark's side in its own database (see bench/newsletter.py).

Runs in `manage.py shell` (see bench/django_side/__init__.py). BENCH_ACTION says what to do:

- "setup" (BENCH_SUBSCRIBERS): an archive with the workflow "Nieuwsbrief", the subscribe
  page, an issue approved through the workflow, that many active subscribers; then
  "Versturen" (``start_sending``: the mail rendered once, the deliveries snapshotted in one
  transaction, the first batch task enqueued), timed. Answers with the sending and the time.
- "check" (BENCH_SENDING): the deliveries' statuses and whether the sending finished.
"""

import os
import time

from django.contrib.auth import get_user_model
from wagtail.models import Site, Workflow

from bench.django_side import emit
from nieuwsbrief import sending
from nieuwsbrief.groups import WORKFLOW_NAME
from nieuwsbrief.models import NewsletterArchivePage, NewsletterIssuePage, NewsletterSending, SubscribePage, Subscriber
from nieuwsbrief.workflow import attach_to_archive

SECTIONS = [
    {
        "type": "text",
        "value": {
            "heading": "Lampen in de Dorpsstraat",
            "text": "<p>Het team uit de Dorpsstraat meldde twaalf kapotte lampen; binnen een maand brandden ze weer."
            ' Lees <a href="/">hoe ze dat deden</a>.</p>',
        },
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "Doe mee",
            "text": "Start een team in je eigen straat.",
            "url": "https://buurt.gemeente.example/aanmelden/",
            "button_label": "Aanmelden",
        },
    },
]


def setup():
    count = int(os.environ["BENCH_SUBSCRIBERS"])
    root = Site.objects.get(is_default_site=True).root_page
    archive = root.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven (benchmark)", slug="bench-archief"))
    attach_to_archive(archive)
    root.add_child(instance=SubscribePage(title="Nieuwsbrief ontvangen", slug="bench-aanmelden"))
    editor = get_user_model().objects.create_superuser("bench-redactie", "redactie@gemeente.example", None)
    issue = NewsletterIssuePage(
        title="Nieuwsbrief (benchmark)",
        subject="Nieuws uit de teams",
        intro="Een nieuwsbrief om de verzending te meten.",
        sections=SECTIONS,
        live=False,
    )
    archive.add_child(instance=issue)
    issue.save_revision(user=editor)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(issue, editor)
    state.current_task_state.approve(user=editor)
    issue.refresh_from_db()
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"lezer{number:05d}@example.org", status=Subscriber.Status.ACTIVE, consent_version="bench")
            for number in range(count)
        ),
        batch_size=2000,
    )
    started = time.perf_counter()
    sent = sending.start_sending(issue, editor)
    seconds = time.perf_counter() - started
    emit({"sending": sent.pk, "seconds": seconds, "deliveries": sent.deliveries.count()})


def check():
    sent = NewsletterSending.objects.get(pk=int(os.environ["BENCH_SENDING"]))
    emit({"progress": sent.progress(), "finished": sent.finished_at is not None})


def main():
    {"setup": setup, "check": check}[os.environ["BENCH_ACTION"]]()
