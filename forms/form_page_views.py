"""The admin's lists of form pages and of one form page's submissions, with a formula-safe export.

Wagtail's ``SubmissionsListView`` writes its CSV and XLSX itself, with the
values as typed: ``=HYPERLINK(...)`` in an answer would run when an editor
opens the file. Here both downloads go through ``forms.export`` instead (a
leading ``'`` in CSV, text cells in XLSX, Dutch Excel's ``;``). Who may open
the list (and so the export) is Wagtail's check, narrowed to the page's
``submissions_group`` by the hook in ``forms/wagtail_hooks.py``.

Wagtail's list of form pages asks for some right on pages; a handler who
reads the answers need not edit pages. ``ReadableFormPagesListView`` is that
list for everyone who may read at least one form's submissions; the admin
menu's "Formulieren" leads there.
"""

from django.core.exceptions import PermissionDenied
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import FormPagesListView, SubmissionsListView

from .export import answer_text, csv_response, xlsx_response

INDEX_URL_NAME = "forms_form_pages"


class ReadableFormPagesListView(FormPagesListView):
    any_permission_required = None
    index_url_name = INDEX_URL_NAME
    index_results_url_name = f"{INDEX_URL_NAME}_results"

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SafeSubmissionsListView(SubmissionsListView):
    forms_index_url_name = INDEX_URL_NAME

    def as_spreadsheet(self, queryset, spreadsheet_format):
        fields = self.form_page.get_data_fields()
        header = [label for _key, label in fields]
        rows = ([answer_text(item.get_data().get(key)) for key, _label in fields] for item in queryset)
        filename = self.get_filename()
        if spreadsheet_format == self.FORMAT_CSV:
            return csv_response(filename, header, rows)
        return xlsx_response(filename, header, rows, sheet_title="Inzendingen")
