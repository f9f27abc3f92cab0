"""Groups for the three roles and what each may do in the Wagtail admin (residents: nothing there)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACULTY_MODEL_PERMISSIONS = {
    "atlas": {
        "figure": ["add", "change", "view"],
        "clinicalscenario": ["add", "change", "view"],
        "surgery": ["add", "change", "view"],
        "complication": ["add", "change", "view"],
        "modality": ["add", "change", "view"],
    },
    "learners": {"department": ["view"], "membership": ["view"]},
}
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_atlasimage", "change_atlasimage", "choose_image"]
GROUPS = {"Faculty": True, "Department admins": True, "Residents": False}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    home = Page.objects.filter(depth=2).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name, authors in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if not authors:
            continue
        group.permissions.add(access_admin)
        for app_label, models in FACULTY_MODEL_PERMISSIONS.items():
            for model, actions in models.items():
                for action in actions:
                    group.permissions.add(
                        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                    )
        if home:
            for codename in PAGE_PERMISSIONS:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        if root_collection:
            for codename in IMAGE_PERMISSIONS:
                permission = Permission.objects.get(content_type__app_label="atlas", codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_department_membership_reviewcard"),
        ("atlas", "0003_image_choose_permission"),
        ("core", "0002_create_homepage"),
        ("quizzes", "0002_attempt_department_attempt_attempt_leaderboard_idx_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
