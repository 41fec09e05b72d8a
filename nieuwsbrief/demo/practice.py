"""Demo content: the themes, the overview of practice examples with four published examples
(two with a drawn picture, made with Pillow while loading: no image files in the repository),
one submitted example waiting in moderation, and the page 'Deel je praktijkvoorbeeld'.
Idempotent: found by slug or name, created only when missing, never changed afterwards."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from home.demo import Summary, ensure_page, get_home_page, grant_model_permissions, publish
from home.groups import EDITOR_GROUPS, MODERATORS
from home.seo import shorten

from ..models import PracticeExampleIndexPage, PracticeExamplePage, PracticeExampleSubmission, ShareExamplePage, Theme
from .practice_texts import (
    EXAMPLES,
    INDEX_DESCRIPTION,
    INDEX_INTRO,
    SHARE_DESCRIPTION,
    SHARE_INTRO,
    SHARE_THANKS,
    SUBMITTED,
    THEMES,
)

# Wagtail's default workflow as home's migration 0004 names it; made again in an emptied database.
MODERATION_WORKFLOW = "Goedkeuring door moderatoren"


def load(stdout):
    summary = Summary("Praktijkvoorbeelden")
    themes = {}
    for order, (slug, name) in enumerate(THEMES, start=1):
        theme, created = Theme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order * 10})
        themes[slug] = theme
        summary.add(f"thema '{theme.name}'", created)
    # Migration 0003 gives the editors these rights; restated for an emptied database.
    grant_model_permissions(EDITOR_GROUPS, Theme, ["add", "change", "delete", "view"])

    home = get_home_page()
    if home is None:
        summary.write(stdout)
        return
    index, _ = ensure_page(
        home,
        PracticeExampleIndexPage,
        "praktijkvoorbeelden",
        report=summary,
        title="Praktijkvoorbeelden",
        intro=INDEX_INTRO,
        search_description=INDEX_DESCRIPTION,
    )
    ensure_page(
        home,
        ShareExamplePage,
        "deel-je-praktijkvoorbeeld",
        report=summary,
        title="Deel je praktijkvoorbeeld",
        intro=SHARE_INTRO,
        thanks_text=SHARE_THANKS,
        search_description=SHARE_DESCRIPTION,
    )
    if isinstance(index, PracticeExampleIndexPage):
        for example in EXAMPLES:
            _ensure_example(index, themes, example, summary)
        _ensure_submitted(index, summary)
    summary.write(stdout)


def _ensure_example(index, themes, example, summary):
    slug, title, text, team, wijk, days_ago, theme_slugs, picture, body = example
    if index.get_children().filter(slug=slug).exists():
        summary.add(f"praktijkvoorbeeld '{title}'", False)
        return
    photo, alt = (_drawing(title, picture[0]), picture[1]) if picture else (None, "")
    page, _ = ensure_page(
        index,
        PracticeExamplePage,
        slug,
        report=summary,
        report_label=f"praktijkvoorbeeld '{title}'",
        title=title,
        summary=text,
        search_description=shorten(text),
        team_name=team,
        wijk=wijk,
        date=timezone.localdate() - timedelta(days=days_ago),
        photo=photo,
        photo_alt=alt,
        body=body,
    )
    page.themes.set([themes[theme] for theme in theme_slugs])
    publish(page)


def _ensure_submitted(index, summary):
    """An example a team sent in through the form, waiting for the editors ('Wacht op moderatie')."""
    label = f"ingezonden voorbeeld '{SUBMITTED['title']}' (wacht op moderatie)"
    if index.get_children().filter(slug=SUBMITTED["slug"]).exists():
        summary.add(label, False)
        return
    _ensure_moderation(index, summary)
    page = PracticeExamplePage.draft_from_submission(
        index,
        title=SUBMITTED["title"],
        what_we_did=SUBMITTED["what_we_did"],
        what_came_of_it=SUBMITTED["what_came_of_it"],
        tip=SUBMITTED["tip"],
        team_name=SUBMITTED["team_name"],
        wijk=SUBMITTED["wijk"],
    )
    submission = PracticeExampleSubmission(page=page, name=SUBMITTED["name"], email=SUBMITTED["email"])
    submission.record_consent()
    submission.save()
    page.submit_for_moderation()
    summary.add(label, True)


def _ensure_moderation(index, summary):
    """Wagtail's migrations give every page the moderators' workflow; an emptied database has none."""
    if index.get_workflow() is not None:
        return
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=MODERATION_WORKFLOW)
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    summary.note("De praktijkvoorbeelden gaan langs de moderatoren (workflow ‘Goedkeuring door moderatoren’).")


def _drawing(title, kind):
    """A small drawing (no photo of real people or places) as a Wagtail image."""
    picture = Image.new("RGB", (960, 540), (16, 32, 64))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 420, 960, 540), fill=(60, 60, 70))  # the street
    if kind == "lamp":
        draw.rectangle((600, 180, 860, 420), fill=(110, 70, 40))  # a shed
        draw.rectangle((680, 250, 780, 420), fill=(70, 45, 25))  # its door, ajar
        draw.polygon([(200, 330), (700, 230), (700, 420)], fill=(250, 225, 120))  # the torch's beam
        draw.rectangle((140, 315, 210, 345), fill=(30, 30, 30))  # the torch
    else:
        for x, lit in ((150, True), (420, True), (690, False), (900, True)):
            draw.rectangle((x - 6, 180, x + 6, 420), fill=(150, 150, 160))
            if lit:
                draw.polygon([(x - 60, 420), (x, 180), (x + 60, 420)], fill=(120, 110, 70))
            draw.ellipse((x - 22, 160, x + 22, 200), fill=(255, 230, 130) if lit else (80, 80, 90))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=80)
    image = get_image_model()(
        title=title,
        file=ImageFile(io.BytesIO(output.getvalue()), name="praktijkvoorbeeld.jpg"),
    )
    image.save()
    return image
