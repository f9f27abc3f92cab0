"""The home page: what the atlas is, where to start, what is due."""

from django.core.exceptions import PermissionDenied
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import AbstractGroupApprovalTask, Page

from pages_common.handlers import page_handler


class HomePage(Page):
    lead = models.CharField(max_length=300, blank=True)
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    max_count = 1
    subpage_types = ["atlas.AtlasIndexPage", "quizzes.QuizIndexPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The home page reads the atlas and the learner's reviews: core/selectors.py, registered in apps.py.
        context.update(page_handler(self, "context")(self, request))
        return context


class PeerReviewTask(AbstractGroupApprovalTask):
    """Group approval where the member who submitted the page can never approve it themselves."""

    @staticmethod
    def _requested_by(obj) -> int | None:
        state = getattr(obj, "current_workflow_state", None)
        return state.requested_by_id if state else None

    def get_actions(self, obj, user):
        if user.pk in (self._requested_by(obj), getattr(obj, "owner_id", None)):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if user is not None and user.pk == task_state.workflow_state.requested_by_id:
            raise PermissionDenied("You cannot review your own submission: another faculty member must.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )

    @classmethod
    def get_description(cls):
        return "Faculty approve a colleague's page; nobody approves their own."

    class Meta:
        verbose_name = "Faculty peer review task"
