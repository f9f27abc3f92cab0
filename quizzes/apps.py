from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self):
        from . import receivers  # noqa: F401  (quiz images on publish, sign-in claims, the atlas's withholder)
