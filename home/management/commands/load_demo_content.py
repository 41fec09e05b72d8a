"""``python manage.py load_demo_content``: build the demo site.

Every installed app may own its demo content in a package ``<app>/demo/``
(or a module ``<app>/demo.py``) with one function::

    def load(stdout):
        ...

``stdout`` is the command's output stream (Django's ``OutputWrapper``);
``load`` writes a short Dutch report of what it created and what was already
there, each line ending in a newline. The command calls these functions in
``INSTALLED_APPS`` order, found through the app registry, so ``home`` needs
no import of the apps that build on it (``home`` first, then ``forms``,
``aanmelding``, ``dossier``, ``nieuwsbrief``, ``terugkoppeling``: each app's
loader may rely on what the apps before it made). ``dossier`` comes after the
apps whose pages its chapters link (found by slug, without importing them) and
before the apps whose demos add links to its chapters.

The whole load runs in one transaction: it succeeds completely or leaves
nothing behind. Each loader must be idempotent: it finds what exists (by slug
or name) and creates only what is missing, and it never overwrites what an
editor may have changed. A second run therefore changes nothing.
"""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


def demo_loaders():
    """``(app_label, load)`` for each installed app that has a ``demo`` module with a ``load`` function."""
    loaders = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        try:
            spec = importlib.util.find_spec(module_name)
        except ModuleNotFoundError:
            spec = None
        if spec is None:
            continue
        load = getattr(importlib.import_module(module_name), "load", None)
        if callable(load):
            loaders.append((app_config.label, load))
    return loaders


class Command(BaseCommand):
    help = "Vult de site met demo-inhoud (veilig om vaker te draaien: bestaande inhoud blijft staan)."

    def handle(self, *args, **options):
        loaders = demo_loaders()
        # The demo runs Wagtail's workflows (an example in moderation, approved newsletters), and Wagtail
        # mails the moderators at once; those mails are about demo accounts and would fill the console of
        # `make run`. The site's own mails go through the outbox (a table), which this does not touch.
        with transaction.atomic(), override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for _label, load in loaders:
                load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud is klaar."))
