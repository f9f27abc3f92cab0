"""Rescore stored attempts after a key or the scoring model changed: `manage.py regrade [--case SLUG]...
[--module SLUG]... [--dry-run]`. Without a case or module, every live case. Prints what changes."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from quizzes.grading import cases_for, regrade_apply, regrade_plan
from quizzes.models import QuizCasePage


class Command(BaseCommand):
    help = (
        "Rescore every stored attempt of the given cases or modules (all by default) from its saved answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--case", action="append", default=[], dest="cases", metavar="SLUG")
        parser.add_argument("--module", action="append", default=[], dest="modules", metavar="SLUG")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, cases, modules, dry_run, **options):
        slugs = cases + modules
        pages = list(Page.objects.filter(slug__in=slugs)) if slugs else []
        missing = set(slugs) - {p.slug for p in pages}
        if missing:
            raise CommandError(f"No case or module with the slug(s): {', '.join(sorted(missing))}")
        targets = cases_for(pages) if slugs else list(QuizCasePage.objects.live().order_by("path"))
        plan = regrade_plan(targets)
        summary = plan.summary()
        for change in plan.changed_totals[:50]:
            self.stdout.write(f"  attempt {change.attempt.pk}: {change.old_total} -> {change.new_total}")
        verb = "Would regrade" if dry_run else "Regraded"
        self.stdout.write(
            f"{verb} {summary['changed']} of {summary['attempts']} attempts in {summary['cases']} cases: "
            f"{summary['total_changed']} totals change ({summary['raised']} up, {summary['lowered']} down, "
            f"largest rise {summary['largest_rise']}, largest fall {summary['largest_fall']})."
        )
        if not dry_run:
            regrade_apply(plan, by="manage.py regrade")
