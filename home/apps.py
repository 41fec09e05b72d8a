from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Algemeen"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site

        from . import page_cache
        from .models import MunicipalitySettings

        page_cache.connect_signals()
        # A new view restriction must stop a page being served from the cache at once.
        for model in (Page, PageViewRestriction, Site, MunicipalitySettings, get_image_model(), get_document_model()):
            page_cache.register_content_model(model)
