"""The newsletter's editors group, its approval workflow and the permission to send.

Created by migration 0002 (which keeps its own copy of these names, as migrations do);
``nieuwsbrief.workflow`` makes them again where they are missing. Code checks the
permission, never the group's name.
"""

NEWSLETTER_EDITORS = "Redactie nieuwsbrief"
WORKFLOW_NAME = "Nieuwsbrief"
TASK_NAME = "Goedkeuring nieuwsbrief"
SEND_PERMISSION = "nieuwsbrief.send_newsletter"
# What the group holds besides its page rights on the archive: the admin, the delivery log and sending.
GROUP_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "nieuwsbrief": ["view_delivery", "view_newslettersending", "send_newsletter"],
}
# Given to the group by migration 0004: the subscribers' list (never adding) and the outbox, read-only.
GROUP_PERMISSIONS["nieuwsbrief"] += ["manage_subscribers", "view_subscriber", "change_subscriber", "delete_subscriber"]
GROUP_PERMISSIONS["forms"] = ["view_outgoingmail"]
