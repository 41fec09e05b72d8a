"""Read-only panels for the page editor, shared by the apps.

Its own module, apart from ``forms.admin``: page models import their panels
while the models load, before modeladmin may be imported.
"""

from wagtail.admin.panels import Panel


class InstanceSummaryPanel(Panel):
    """A read-only panel on a saved object's edit form (an evening's seats, an issue's sending).

    Subclasses set ``default_name`` and ``template_name`` and return the
    template's context from ``summary_context(instance, request)`` (``request``
    may be None). A new object has nothing to sum up: the panel is not shown.
    """

    default_name = "summary"
    template_name = None

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        del kwargs["help_text"]
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or self.default_name

    def summary_context(self, instance, request):
        raise NotImplementedError("An InstanceSummaryPanel must say what it shows.")

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template_name

        def is_shown(self):
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(self.panel.summary_context(self.instance, self.request))
            return context
