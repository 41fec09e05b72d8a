"""The newsletter's admin (wagtail-modeladmin and views), one module per part; registered in ``wagtail_hooks``."""
