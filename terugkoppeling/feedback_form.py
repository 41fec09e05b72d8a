"""The admin form of a FeedbackPage: the highlights' signal select offers only signals of the page's period.

``FeedbackPage.base_form_class``. It imports nothing of this app (the page model
imports it): the signal model comes from the highlight formset, the period's
dates from the page class.
"""

from wagtail.admin.forms import WagtailAdminPageForm

HIGHLIGHTS = "highlights"
OUTSIDE_PERIOD = "Deze melding is niet uit de gekozen periode. Kies een melding van {start} tot en met {end}."


def signal_label(signal):
    """Date, category and street: enough to recognise a signal, never a house number."""
    return f"{signal.reported_on:%d-%m-%Y} · {signal.get_category_display()} · {signal.public_location()}"


class FeedbackPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page_class = type(self.instance)
        if not self.is_bound and not self.instance.pk:
            # A new page: the last full quarter, the usual choice, so the select has signals to offer.
            year, period = page_class.previous_quarter()
            self.initial.setdefault("year", year)
            self.initial.setdefault("period", period)
        self.period = self._period(page_class)
        formset = self.formsets.get(HIGHLIGHTS)
        if formset is None:
            return
        signal_model = formset.model._meta.get_field("signal").related_model
        queryset = signal_model.objects.none()
        if self.period:
            start, end = self.period
            queryset = signal_model.objects.filter(reported_on__gte=start, reported_on__lte=end).order_by(
                "reported_on", "pk"
            )
        # A signal outside the period is not in the queryset: the field refuses it with this message.
        outside = "Kies eerst een jaar en een periode."
        if self.period:
            outside = OUTSIDE_PERIOD.format(start=f"{start:%d-%m-%Y}", end=f"{end:%d-%m-%Y}")

        def narrow(form):
            field = form.fields["signal"]
            field.queryset = queryset
            field.label_from_instance = signal_label
            field.error_messages = {**field.error_messages, "invalid_choice": outside}

        # ``empty_form`` (the admin's template for a new row) is made anew on each access,
        # through ``add_fields``: narrowing there reaches it and every row made later.
        add_fields = formset.add_fields

        def add_narrowed_fields(form, index):
            add_fields(form, index)
            narrow(form)

        formset.add_fields = add_narrowed_fields
        for form in formset.forms:
            narrow(form)

    def _period(self, page_class):
        """``(start, end)`` of the year and period in the form (as typed, or as saved), or None."""
        year, period = self["year"].value(), self["period"].value()
        try:
            return page_class.dates_of(int(year), period)
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned_data = super().clean()
        # An existing page checks this in its own clean(); a new one has no place in the tree yet.
        parent = getattr(self, "parent_page", None)
        year, period = cleaned_data.get("year"), cleaned_data.get("period")
        if not self.instance.pk and parent is not None and year and period:
            message = self.instance.duplicate_period_message(parent, year, period)
            if message:
                self.add_error("period", message)
        return cleaned_data
