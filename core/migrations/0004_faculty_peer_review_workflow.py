"""The "Faculty peer review" workflow on the whole site: pages go live after another faculty member approves.

Approvers need Wagtail's publish permission (approval publishes as them), so faculty keep it; the
admin hooks in core/wagtail_hooks.py take away the direct "Publish" action for everyone but superusers.
"""

from django.db import migrations

REVIEWER_GROUPS = ["Faculty", "Department admins"]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    PeerReviewTask = apps.get_model("core", "PeerReviewTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="core", model="peerreviewtask")
    task, _ = PeerReviewTask.objects.get_or_create(
        name="Approval by another faculty member", defaults={"content_type": task_type, "active": True}
    )
    groups = list(Group.objects.filter(name__in=REVIEWER_GROUPS))
    task.groups.set(groups)
    workflow, _ = Workflow.objects.get_or_create(name="Faculty peer review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Faculty peer review").delete()
    apps.get_model("core", "PeerReviewTask").objects.filter(name="Approval by another faculty member").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_peer_review_task"),
        ("learners", "0003_roles_and_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
