"""One account per e-mail address and one member per pseudonym in a department, both whatever their case.

Rows that already break a rule stop the migration with their names: which account keeps an address, or who
renames, is a person's decision, not a migration's.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower


def refuse_existing_duplicates(apps, schema_editor):
    User = apps.get_model("learners", "User")
    Membership = apps.get_model("learners", "Membership")
    problems = []
    emails = (
        User.objects.exclude(email="")
        .annotate(key=Lower("email"))
        .values("key")
        .annotate(n=models.Count("id"))
        .filter(n__gt=1)
    )
    for row in emails:
        names = User.objects.annotate(key=Lower("email")).filter(key=row["key"]).values_list("username", flat=True)
        problems.append(f"e-mail {row['key']!r} is shared by {', '.join(sorted(names))}")
    pseudonyms = (
        Membership.objects.exclude(pseudonym="")
        .annotate(key=Lower("pseudonym"))
        .values("department_id", "key")
        .annotate(n=models.Count("id"))
        .filter(n__gt=1)
    )
    for row in pseudonyms:
        problems.append(f"pseudonym {row['key']!r} is used twice in department {row['department_id']}")
    if problems:
        raise RuntimeError(
            "Resolve these duplicates in the admin, then migrate again: " + "; ".join(problems)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0006_leaderboard_index_with_learner"),
    ]

    operations = [
        migrations.RunPython(refuse_existing_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("pseudonym"),
                models.F("department"),
                condition=models.Q(("pseudonym", ""), _negated=True),
                name="unique_pseudonym_per_department",
                violation_error_message="Someone in this department already uses this pseudonym.",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="unique_user_email_ci",
                violation_error_message="This e-mail address is already used by another account.",
            ),
        ),
    ]
