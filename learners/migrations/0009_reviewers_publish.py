"""Only reviewers publish: faculty and department admins edit and submit; the Reviewers group approves.

Wagtail's approval publishes as the approver and checks their publish permission, so the Reviewers group keeps
``publish_page`` (and gets ``publish`` on figures and image stacks); core/wagtail_hooks.py refuses every direct
publishing path (edit, create, bulk action, copy, alias) to everyone but superusers. Faculty and department
admins lose ``publish_page``, so Wagtail itself refuses them those paths too. Figures and image stacks join
the "Faculty peer review" workflow, whose task is now approved by the Reviewers group only (authors still
cannot approve their own submission).
"""

from django.db import migrations

AUTHOR_GROUPS = ["Faculty", "Department admins"]
REVIEWERS = "Reviewers"
WORKFLOW = "Faculty peer review"
TASK_NAME = "Approval by another faculty member"
SNIPPETS = [("atlas", "figure"), ("stacks", "imagestack")]
AUTHOR_SNIPPET_ACTIONS = ["add", "change", "view", "lock", "unlock"]
REVIEWER_SNIPPET_ACTIONS = ["change", "view", "publish", "lock", "unlock"]


def _permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def only_reviewers_publish(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    PeerReviewTask = apps.get_model("core", "PeerReviewTask")

    GroupPagePermission.objects.filter(
        group__name__in=AUTHOR_GROUPS,
        permission__content_type__app_label="wagtailcore",
        permission__codename="publish_page",
    ).delete()
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    for group in Group.objects.filter(name__in=AUTHOR_GROUPS):
        for app_label, model in SNIPPETS:
            for action in AUTHOR_SNIPPET_ACTIONS:
                group.permissions.add(_permission(apps, app_label, model, action))
    for app_label, model in SNIPPETS:
        for action in REVIEWER_SNIPPET_ACTIONS:
            reviewers.permissions.add(_permission(apps, app_label, model, action))
    for task in PeerReviewTask.objects.filter(name=TASK_NAME):
        task.groups.set([reviewers])
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        for app_label, model in SNIPPETS:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            WorkflowContentType.objects.update_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )


def faculty_publish_again(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PeerReviewTask = apps.get_model("core", "PeerReviewTask")
    home = Page.objects.filter(depth=2).order_by("path").first()
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    groups = list(Group.objects.filter(name__in=[*AUTHOR_GROUPS, REVIEWERS]))
    for group in groups:
        if home and group.name in AUTHOR_GROUPS:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=publish)
    for task in PeerReviewTask.objects.filter(name=TASK_NAME):
        task.groups.set(groups)
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(
        content_type__app_label__in=[a for a, _ in SNIPPETS], content_type__model__in=[m for _, m in SNIPPETS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0008_reviewers_group"),
        ("atlas", "0005_figure_review"),
        ("stacks", "0002_stack_review"),
        ("core", "0004_faculty_peer_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(only_reviewers_publish, faculty_publish_again)]
