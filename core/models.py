"""The home page: what the atlas is, where to start, what is due."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    lead = models.CharField(max_length=300, blank=True)
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    max_count = 1
    subpage_types = ["atlas.AtlasIndexPage", "quizzes.QuizIndexPage"]

    def get_context(self, request, *args, **kwargs):
        from atlas.models import AtlasEntryPage, AtlasIndexPage, Figure

        context = super().get_context(request, *args, **kwargs)
        context["atlas_index"] = AtlasIndexPage.objects.live().first()
        context["entry_count"] = AtlasEntryPage.objects.live().count()
        context["figure_count"] = Figure.objects.count()
        if request.user.is_authenticated:
            from learners.selectors import due_reviews

            context["due"] = due_reviews(request.user)
        return context
