from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = "Learners and departments"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the quiz's signals)
