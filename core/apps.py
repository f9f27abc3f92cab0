from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from pages_common.handlers import page_handler_register

        from .models import HomePage
        from .selectors import home_context

        page_handler_register(HomePage, "context", home_context)
