"""Demo content of the base app, and the helpers the other apps' demo packages use.

``load(stdout)`` builds the skeleton of the demo site: the home page as the
root of the default site, the fixed service pages (privacy, accessibility,
contact, colofon), the municipality settings and, where the settings allow
it, the demo editor account. ``manage.py load_demo_content`` calls it first,
before the ``demo`` packages of the apps that build on ``home``.

- ``builders``: ``load`` and what it builds (home page, site, settings, service pages)
- ``texts``: the texts of those pages and the municipality's demo settings
- ``common``: ``Summary``, ``ensure_page`` and finding the home page and site
- ``blocks``: rich text and StreamField blocks in raw format, for texts
- ``accounts``: demo accounts, the accounts file and group rights

The helpers re-exported here are meant for the other apps' demo packages
too; they depend on nothing outside ``home``.
"""

from .accounts import (
    ensure_demo_account,
    grant_model_permissions,
    read_demo_accounts,
    read_demo_links,
    schedule_demo_account,
    write_demo_account,
    write_demo_link,
)
from .blocks import (
    callout,
    contact,
    contact_details,
    external_link,
    faq,
    heading,
    html_list,
    html_paragraphs,
    link_card,
    list_items,
    page_link,
    paragraph,
    rich_text,
    squash,
    steps,
)
from .builders import load
from .common import Summary, ensure_page, ensure_tree_roots, get_default_site, get_home_page, publish

__all__ = [
    "Summary",
    "callout",
    "contact",
    "contact_details",
    "ensure_demo_account",
    "ensure_page",
    "ensure_tree_roots",
    "external_link",
    "faq",
    "get_default_site",
    "get_home_page",
    "grant_model_permissions",
    "heading",
    "html_list",
    "html_paragraphs",
    "link_card",
    "list_items",
    "load",
    "page_link",
    "paragraph",
    "publish",
    "read_demo_accounts",
    "read_demo_links",
    "rich_text",
    "schedule_demo_account",
    "squash",
    "steps",
    "write_demo_account",
    "write_demo_link",
]
