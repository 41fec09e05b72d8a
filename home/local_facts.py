"""Facts that the demo texts invent and a municipality must check, kept with the page.

Its own module: page models import it while the models load.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, Panel


class LocalFactsPanel(Panel):
    """A read-only help box with the page's ``local_facts``; not shown when there are none."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/local_facts_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.local_facts_list()) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["facts"] = self.instance.local_facts_list()
            return context


class LocalFactsMixin(models.Model):
    """Facts the demo text invents (a minimum age, a retention period) that a municipality must check.

    Only for editors: shown on top of the page's edit form (``LocalFactsPanel``),
    never on the site and not in the search index.
    """

    local_facts = models.TextField(
        "Lokale feiten om te controleren",
        blank=True,
        help_text=(
            "Eén feit per regel, bijvoorbeeld 'Minimumleeftijd 18 jaar'. Alleen redacteuren zien dit, "
            "bovenaan het tabblad Inhoud. Haal een feit weg als u het hebt gecontroleerd."
        ),
    )

    local_facts_panels = [LocalFactsPanel(heading="Lokale feiten om te controleren")]
    local_facts_settings_panels = [FieldPanel("local_facts")]

    class Meta:
        abstract = True

    def local_facts_list(self):
        return [line.strip(" -•\t") for line in self.local_facts.splitlines() if line.strip(" -•\t")]
