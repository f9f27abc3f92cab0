from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = "Learners and departments"

    def ready(self):
        from quizzes.departments import department_lookup_register

        from . import receivers  # noqa: F401  (connects the quiz's signals)
        from .selectors import department_id_of

        # Quizzes records the learner's department on each attempt without importing this app.
        department_lookup_register(department_id_of)
