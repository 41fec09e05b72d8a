"""Demo accounts and group rights.

``ensure_demo_account`` and ``grant_model_permissions`` are shared with the
other apps' demo packages (through ``home.demo``); the demo editor is the
home app's own.
"""

import os
import re
import secrets
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from ..groups import EDITOR_GROUPS, MODERATORS
from ..models import MunicipalitySettings

DEMO_EDITOR_LABEL = "Demo-redacteur"
DEMO_EDITOR_USERNAME = "redacteur"
DEMO_EDITOR_GROUPS = EDITOR_GROUPS


def demo_accounts_file():
    """Where the demo accounts are written; ``make run`` prints this file."""
    default = Path(settings.BASE_DIR) / "var" / "demo-accounts.txt"
    return Path(getattr(settings, "DEMO_ACCOUNTS_FILE", default))


_ACCOUNT_LINE = re.compile(r"^\s*(?P<label>[^:]+):\s+(?P<username>\S+) / (?P<password>\S+)\s*$")


def read_demo_accounts():
    """The accounts in the demo accounts file, as {username: password}."""
    path = demo_accounts_file()
    if not path.exists():
        return {}
    accounts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ACCOUNT_LINE.match(line)
        if match:
            accounts[match["username"]] = match["password"]
    return accounts


def write_demo_account(label, username, password):
    """Write one account's line (``  label: username / password``) to the demo accounts file.

    Only that account's line is replaced (matched on username or label);
    the lines of other accounts stay as they are. The file is readable by
    its owner only.
    """
    path = demo_accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    new_line = f"  {label}: {username} / {password}"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    result, replaced = [], False
    for line in lines:
        match = _ACCOUNT_LINE.match(line)
        if match and (match["username"] == username or match["label"].strip() == label):
            if not replaced:
                result.append(new_line)
                replaced = True
            continue
        result.append(line)
    if not replaced:
        result.append(new_line)
    _write_lines(path, result)


_LINK_LINE = re.compile(r"^\s*(?P<label>[^:]+):\s+(?P<url>https?://\S+)\s*$")


def read_demo_links():
    """The links in the demo accounts file (lines ``  label: http://...``), as {label: url}."""
    path = demo_accounts_file()
    if not path.exists():
        return {}
    matches = (_LINK_LINE.match(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {match["label"].strip(): match["url"] for match in matches if match}


def write_demo_link(label, url):
    """Write one link's line (``  label: url``) to the demo accounts file, next to the accounts.

    For a secret demo address such as a team link: ``make run`` prints it. Only
    the line with this label is replaced; the file stays readable by its owner only.
    """
    path = demo_accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not ((match := _LINK_LINE.match(line)) and match["label"].strip() == label)]
    _write_lines(path, kept + [f"  {label}: {url}"])


def _write_lines(path, lines):
    # Atomic, owner-only: the file holds passwords and secret links.
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(temporary, path)


def schedule_demo_account(label, username, password):
    """Write the account line once the surrounding transaction commits.

    A rolled-back load then never leaves a password in the file that does
    not work.
    """
    transaction.on_commit(partial(write_demo_account, label, username, password))


def ensure_demo_account(label, username, group_names, summary, **user_fields):
    """A demo login in the given groups; its password goes to the demo accounts file.

    Only where DEMO_ACCOUNTS_ALLOWED (never in production). The password is
    set when the user is made, made anew when the file lacks its line, and set
    to the file's when they differ, so the printed password always works. Returns the user, or None when skipped.
    """
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        summary.note(f"Demo-account '{username}' overgeslagen: DEMO_ACCOUNTS_ALLOWED staat uit.")
        return None
    user_model = get_user_model()
    groups = [_wagtail_group(name) for name in group_names]
    user = user_model.objects.filter(username=username).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(username=username, password=password, **user_fields)
        user.groups.add(*groups)
        schedule_demo_account(label, username, password)
        summary.add(f"{label.lower()} '{username}'", True)
    elif (written := read_demo_accounts().get(username)) is None:
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        schedule_demo_account(label, username, password)
        summary.add(f"{label.lower()} '{username}'", False)
        summary.note(f"Nieuw wachtwoord voor '{username}': het stond niet in {demo_accounts_file()}.")
    elif not user.check_password(written):
        # The file was written for another database (same var/, other DATABASE_URL):
        # the password it shows is the one that must work.
        user.set_password(written)
        user.save(update_fields=["password"])
        summary.add(f"{label.lower()} '{username}'", False)
        summary.note(f"Wachtwoord van '{username}' weer gelijk gemaakt aan {demo_accounts_file()}.")
    else:
        summary.add(f"{label.lower()} '{username}'", False)
    return user


def ensure_demo_editor(home, summary):
    user = ensure_demo_account(
        DEMO_EDITOR_LABEL,
        DEMO_EDITOR_USERNAME,
        DEMO_EDITOR_GROUPS,
        summary,
        email="redacteur@gemeente.example",
        first_name="Demo",
        last_name="Redacteur",
    )
    if user is None:
        return
    groups = [_wagtail_group(name) for name in DEMO_EDITOR_GROUPS]
    # Editors at the municipality also keep its contact details up to date.
    grant_model_permissions([MODERATORS], MunicipalitySettings, ["change"])
    if _grant_editor_rights(home, groups):
        summary.note(
            "De groepen Redacteuren en Moderatoren mogen nu pagina's onder de startpagina bewerken en publiceren."
        )
    summary.note(f"Inloggegevens van demo-accounts staan in {demo_accounts_file()}.")


def grant_model_permissions(group_names, model, actions):
    """Let Wagtail's editor groups manage a non-page model (snippets, settings).

    Demo only: a real municipality decides its own group rights. Adding a
    permission a group already has changes nothing, so this is idempotent.
    """
    content_type = ContentType.objects.get_for_model(model)
    model_name = model._meta.model_name
    permissions = list(
        Permission.objects.filter(
            content_type=content_type, codename__in=[f"{action}_{model_name}" for action in actions]
        )
    )
    for name in group_names:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def _wagtail_group(name):
    """One of the groups Wagtail's migrations create; made again if someone deleted it."""
    group, _ = Group.objects.get_or_create(name=name)
    return group


def _grant_editor_rights(home, groups):
    """Make sure the demo editor's groups can reach the admin and edit and publish the site's pages.

    Wagtail's migrations give Editors (add, change) and Moderators (add,
    change, publish) on the root page, which covers every page; rights are
    added on the home page only where these are missing. Returns whether
    anything was granted.
    """
    granted = False
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    if not any(group.permissions.filter(pk=access_admin.pk).exists() for group in groups):
        groups[0].permissions.add(access_admin)
        granted = True
    ancestor_paths = [home.path[:end] for end in range(Page.steplen, len(home.path) + 1, Page.steplen)]
    have = set(
        GroupPagePermission.objects.filter(group__in=groups, page__path__in=ancestor_paths).values_list(
            "permission__codename", flat=True
        )
    )
    publisher = groups[-1]
    for codename in ("add_page", "change_page", "publish_page"):
        if codename not in have:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=publisher, page=home, permission=permission)
            granted = True
    return granted
