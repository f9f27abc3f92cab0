"""manage.py export_bundle [--page SLUG ...] [--include-drafts] [--include-answer-keys] [-o FILE]: pages to a zip.

Drafts and answer keys (quiz modules and cases) leave only when asked for, as in the admin.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from atlas.models import AtlasEntryPage
from bundles.export import bundle_export
from bundles.validation import BundleError
from quizzes.models import QuizCasePage, QuizModulePage


class Command(BaseCommand):
    help = (
        "Export pages (default: all published atlas entries and quiz modules) with what they need to a zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", action="append", default=[], metavar="SLUG", help="Repeat for several.")
        parser.add_argument(
            "--include-drafts", action="store_true", help="Pages and figures not yet approved."
        )
        parser.add_argument(
            "--include-answer-keys", action="store_true", help="Needed to export quiz modules and cases."
        )
        parser.add_argument(
            "-o", "--output", default="bundle.zip", help="Where to write (default bundle.zip)."
        )

    def handle(self, *args, page, output, include_drafts, include_answer_keys, **options):
        pages = [self.find_page(slug) for slug in page] or None
        try:
            data = bundle_export(
                pages=pages, include_drafts=include_drafts, include_answer_keys=include_answer_keys
            )
        except BundleError as error:
            raise CommandError("\n".join(error.problems)) from error
        Path(output).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(data)} bytes)."))

    def find_page(self, slug: str):
        found = [
            p
            for model in (AtlasEntryPage, QuizModulePage, QuizCasePage)
            for p in model.objects.filter(slug=slug)
        ]
        if len(found) != 1:
            problem = "No" if not found else f"{len(found)}"
            raise CommandError(f"{problem} atlas entry, quiz module or quiz case has the slug {slug!r}.")
        return found[0]
