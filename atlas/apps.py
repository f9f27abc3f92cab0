from django.apps import AppConfig


class AtlasConfig(AppConfig):
    name = "atlas"
    verbose_name = "Atlas"

    def ready(self):
        from pages_common.handlers import page_handler_register

        from .models import AtlasIndexPage
        from .selectors import atlas_index_context

        page_handler_register(AtlasIndexPage, "context", atlas_index_context)
