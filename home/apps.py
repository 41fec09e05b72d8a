from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Algemeen"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site

        from . import admin_dates, page_cache
        from .models import MunicipalitySettings

        # Here, not in wagtail_hooks: admin form classes can be built (system checks) before hooks load.
        admin_dates.register_field_overrides()
        page_cache.connect_signals()
        # A new view restriction must stop a page being served from the cache at once.
        for model in (Page, PageViewRestriction, Site, MunicipalitySettings, get_image_model(), get_document_model()):
            page_cache.register_content_model(model)
