"""Which page fields editors and residents find pages by.

Wagtail's admin page search (and the search within a section of the page tree) matches
with ``autocomplete``, which reads only a model's ``AutocompleteField``s: a field that is
only a ``SearchField`` is found by the site's own search (home/views.py) but not by the
editors. Page bodies are both, so "wijkagent" in the admin finds the pages that mention
it, not only the pages with the word in their title.

A contact placeholder (home/contact_details.py) is indexed as its word: searching
"alarmnummer" finds the pages that show the emergency number.
"""

from wagtail.search import index


def text_fields(*names):
    """``names`` as searchable text, for the site's search and for the admin's page search."""
    return [field for name in names for field in (index.SearchField(name), index.AutocompleteField(name))]
