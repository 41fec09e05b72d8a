"""Demo content: the archive 'Nieuwsbrieven' under the home page, with the workflow
"Nieuwsbrief" attached, and two issues that went through it and were sent to the
subscribers of that moment (a NewsletterSending with the mail rendered as a real send
renders it, and one sent Delivery each); a demo account of "Redactie nieuwsbrief" that
approved them; links to the newsletter from the footer (the settings), the home page and
the dossier chapter on sharing information.

Idempotent: found by slug, created only when missing; pages an editor changed (a revision
with a user, or a draft) are left alone. Runs after the practice examples and the
subscribers (nieuwsbrief.demo), whose pages and addresses it uses when they are there.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import make_msgid
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from home.demo import Summary, ensure_demo_account, ensure_page, get_default_site, get_home_page, link_card, publish
from home.demo.accounts import DEMO_EDITOR_USERNAME
from home.models import MunicipalitySettings

from ..groups import NEWSLETTER_EDITORS
from ..mails.issues import render_issue_mail
from ..models import (
    Delivery,
    NewsletterArchivePage,
    NewsletterIssuePage,
    NewsletterSending,
    PracticeExamplePage,
    ShareExamplePage,
    SubscribePage,
    Subscriber,
)
from ..workflow import attach_to_archive, ensure_newsletter_workflow
from .issue_texts import (
    AGENDA_TEXT,
    APPROVER_LABEL,
    APPROVER_USERNAME,
    ARCHIVE_DESCRIPTION,
    ARCHIVE_INTRO,
    ARCHIVE_SLUG,
    ARCHIVE_TITLE,
    HOME_CARD_TEXT,
    HOME_CARD_TITLE,
    ISSUES,
    chapter_paragraph,
)

CHAPTER_SLUG = "informatie-delen"  # the dossier's chapter on sharing information (dossier/demo)


def load(stdout):
    summary = Summary("Nieuwsbrief: archief")
    workflow = ensure_newsletter_workflow()  # restated for a database emptied without migrating
    approver = ensure_demo_account(
        APPROVER_LABEL,
        APPROVER_USERNAME,
        [NEWSLETTER_EDITORS],
        summary,
        email="nieuwsbrief@gemeente.example",
        first_name="Demo",
        last_name="Redactie nieuwsbrief",
    )
    home = get_home_page()
    if home is None:
        summary.write(stdout)
        return
    archive, _ = ensure_page(
        home,
        NewsletterArchivePage,
        ARCHIVE_SLUG,
        report=summary,
        title=ARCHIVE_TITLE,
        intro=ARCHIVE_INTRO,
        search_description=ARCHIVE_DESCRIPTION,
    )
    if not isinstance(archive, NewsletterArchivePage):
        summary.note(f"De pagina '{archive.title}' is geen archief van nieuwsbrieven; nieuwsbrieven overgeslagen.")
        summary.write(stdout)
        return
    attach_to_archive(archive)

    editor = get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).first()
    share_page = ShareExamplePage.objects.live().first()
    for data in ISSUES:
        _ensure_sent_issue(archive, data, workflow, editor, approver, share_page, summary)

    _link_from_footer(archive, summary)
    _link_from_home(home, archive, summary)
    _link_from_chapter(archive, SubscribePage.objects.live().first(), summary)
    summary.write(stdout)


def _sections(data, share_page):
    by_slug = {page.slug: page for page in PracticeExamplePage.objects.live().filter(slug__in=data["examples"])}
    examples = [by_slug[slug].pk for slug in data["examples"] if slug in by_slug]
    sections = []
    if examples:
        sections.append({"type": "practice_examples", "value": {"heading": "Uit de teams", "examples": examples}})
    sections.append({"type": "text", "value": {"heading": data["text_heading"], "text": data["text"]}})
    if share_page is not None:
        cta = {
            "heading": data["cta_heading"],
            "text": data["cta_text"],
            "page": share_page.pk,
            "url": "",
            "button_label": data["cta_button"],
        }
        sections.append({"type": "call_to_action", "value": cta})
    sections.append({"type": "agenda", "value": {"heading": "Agenda", "text": AGENDA_TEXT}})
    return sections


def _ensure_sent_issue(archive, data, workflow, editor, approver, share_page, summary):
    """An issue written by the demo editor, approved in the workflow "Nieuwsbrief", and sent."""
    label = f"nieuwsbrief '{data['title']}'"
    if archive.get_children().filter(slug=data["slug"]).exists():
        summary.add(label, False)
        return
    issue = NewsletterIssuePage(
        title=data["title"],
        slug=data["slug"],
        subject=data["subject"],
        intro=data["intro"],
        search_description=data["description"],
        sections=_sections(data, share_page),
        live=False,
    )
    archive.add_child(instance=issue)
    issue.save_revision(user=editor)
    # As in the admin: submitted for approval, approved by "Redactie nieuwsbrief", which publishes it.
    state = workflow.start(issue, editor)
    state.current_task_state.approve(user=approver)

    sent_at = timezone.now() - timedelta(days=data["days_ago"])
    NewsletterIssuePage.objects.filter(pk=issue.pk).update(
        first_published_at=sent_at - timedelta(hours=2), last_published_at=sent_at - timedelta(hours=2)
    )
    issue = NewsletterIssuePage.objects.get(pk=issue.pk)
    _record_sending(issue, sent_at, approver)
    summary.add(label, True)


def _record_sending(issue, sent_at, sender):
    """The send as it went: everyone subscribed at that moment got one copy, all accepted."""
    subject, body_html, body_text = render_issue_mail(issue)  # as the sending part renders it
    sending = NewsletterSending.objects.create(
        issue=issue,
        started_at=sent_at,
        started_by=sender,
        subject=subject,
        body_html=body_html,
        body_text=body_text,
        finished_at=sent_at + timedelta(minutes=3),
    )
    subscribed_then = Subscriber.objects.filter(confirmed_at__lte=sent_at).filter(
        Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gt=sent_at)
    )
    Delivery.objects.bulk_create(
        Delivery(
            sending=sending,
            subscriber=subscriber,
            status=Delivery.Status.SENT,
            attempts=1,
            sent_at=sent_at + timedelta(seconds=index + 1),
            message_id=make_msgid(idstring="nieuwsbrief", domain="gemeente.example"),
        )
        for index, subscriber in enumerate(subscribed_then.order_by("pk"))
    )


def _link_from_footer(archive, summary):
    site = get_default_site()
    if site is None:
        return
    municipality = MunicipalitySettings.for_site(site)
    if municipality.newsletter_page_id is None:
        municipality.newsletter_page = archive
        municipality.save()
        summary.note("Onderaan elke pagina staat nu een link naar de nieuwsbrieven (instellingen gemeente).")


def _edited(page):
    """Changed by an editor: a revision with a user, or a draft waiting. The demo leaves it alone."""
    return page.has_unpublished_changes or page.revisions.exclude(user=None).exists()


def _link_from_home(home, archive, summary):
    home = type(home).objects.get(pk=home.pk)
    cards = list(home.highlights.raw_data)
    if _edited(home) or any(card["value"].get("page") == archive.pk for card in cards):
        return
    home.highlights = cards + [link_card(archive, title=HOME_CARD_TITLE, text=HOME_CARD_TEXT)]
    publish(home)
    summary.note("Verwijzing naar de nieuwsbrieven op de startpagina gezet.")


def _link_from_chapter(archive, subscribe_page, summary):
    """After the chapter's paragraph about the newsletter: where to read and get it."""
    chapter = Page.objects.filter(slug=CHAPTER_SLUG).first()
    chapter = chapter.specific if chapter is not None else None
    if chapter is None or not hasattr(chapter, "body") or _edited(chapter):
        return
    blocks = list(chapter.body.raw_data)
    link = f'linktype="page" id="{archive.pk}"'
    if any(link in str(block["value"]) for block in blocks):
        return
    mentions = [i for i, block in enumerate(blocks) if block["type"] == "paragraph" and "nieuwsbrief" in block["value"]]
    position = mentions[0] + 1 if mentions else len(blocks)
    blocks.insert(position, {"type": "paragraph", "value": chapter_paragraph(archive, subscribe_page)})
    chapter.body = blocks
    publish(chapter)
    summary.note(f"In het hoofdstuk '{chapter.title}' staan nu links naar de nieuwsbrieven en het aanmelden.")
