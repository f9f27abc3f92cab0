from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self):
        from pages_common.handlers import page_handler_register

        from . import receivers  # noqa: F401  (quiz images on publish, sign-in claims, the atlas's withholder)
        from .models import QuizCasePage, QuizIndexPage, QuizModulePage
        from .selectors import quiz_index_context, quiz_module_context
        from .views import case_page, case_preview

        # The pages' behaviour lives in selectors and views, which read models; models look it up here.
        page_handler_register(QuizIndexPage, "context", quiz_index_context)
        page_handler_register(QuizModulePage, "context", quiz_module_context)
        page_handler_register(QuizCasePage, "serve", case_page)
        page_handler_register(QuizCasePage, "serve_preview", case_preview)
