"""A "Reviewers" group: faculty who approve colleagues' pages in the "Faculty peer review" workflow.

Reviewers reach the Wagtail admin and may approve (approval publishes as them, so they hold the publish
permission; the admin hooks in core/wagtail_hooks.py still hide the direct Publish action from them).
"""

from django.db import migrations

GROUP = "Reviewers"
PAGE_PERMISSIONS = ["change_page", "publish_page"]
TASK_NAME = "Approval by another faculty member"


def create_reviewers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PeerReviewTask = apps.get_model("core", "PeerReviewTask")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    for task in PeerReviewTask.objects.filter(name=TASK_NAME):
        task.groups.add(group)


def remove_reviewers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0007_unique_emails_and_pseudonyms"),
        ("core", "0004_faculty_peer_review_workflow"),
    ]

    operations = [migrations.RunPython(create_reviewers, remove_reviewers)]
